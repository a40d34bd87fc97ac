"""Speakers, the roles they held over time, and the elections they ran in."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.versioning import VersionedModel


class Speaker(VersionedModel):
    """A person, or an organisation speaking as one (the Kremlin), whose words are quoted."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"

    name = models.CharField(max_length=200, help_text="Full name as commonly written in English.")
    slug = models.SlugField(max_length=200, help_text="Used in the speaker's web address.")
    kind = models.CharField(
        max_length=20,
        choices=Kind,
        default=Kind.PERSON,
        help_text="Organisation: statements in an institution's name (an embassy, a ministry).",
    )
    description = models.CharField(
        max_length=300,
        blank=True,
        help_text="One line saying who this is, for readers who do not know.",
    )
    wikidata_id = models.CharField(
        "Wikidata ID",
        max_length=20,
        blank=True,
        help_text="The Wikidata item, such as Q22686, to tell apart people with the same name.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="speaker_slug_unique"),
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="speaker_wikidata_id_unique_when_present",
                violation_error_message="Another speaker already has this Wikidata ID.",
            ),
            models.CheckConstraint(
                condition=~Q(name=""),
                name="speaker_name_not_blank",
                violation_error_message="A speaker needs a name.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["person", "organisation"]),
                name="speaker_kind_valid",
                violation_error_message="A speaker is a person or an organisation.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("speaker", kwargs={"slug": self.slug})

    def role_on(self, day: datetime.date | None) -> "SpeakerRole | None":
        """The role held on a day (the latest-started if several), from prefetched roles.

        Without a day, the most recent role. Uses `self.roles.all()` so a prefetch serves it.
        """
        roles = sorted(
            self.roles.all(),
            key=lambda role: (role.started_on or datetime.date.min, role.pk),
            reverse=True,
        )
        if day is None:
            return roles[0] if roles else None
        for role in roles:
            if role.covers(day):
                return role
        return None


OTHER_NAME_TAKEN = "This speaker already has this other name."


class OtherName(VersionedModel):
    """Another name a speaker goes by (a transliteration, a maiden name, a nickname), searched
    like the name itself and published as Popolo's other_names."""

    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.CASCADE,
        related_name="other_names",
        help_text="Whose name this is.",
    )
    name = models.CharField(
        max_length=200,
        help_text="The name as readers may write it, for example Zelenskyy or Zelenskiy.",
    )
    note = models.CharField(
        max_length=100,
        blank=True,
        help_text="What kind of name it is, for example transliteration, maiden name, nickname.",
    )
    started_on = models.DateField(
        null=True, blank=True, help_text="When the name was adopted; empty when not known."
    )
    ended_on = models.DateField(
        null=True, blank=True, help_text="When the name was given up; empty while it is used."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["speaker", "name"]
        constraints = [
            # Case apart, the same name twice would only repeat itself in search and Popolo.
            models.UniqueConstraint(
                Lower("name"),
                "speaker",
                name="othername_unique_per_speaker",
                violation_error_message=OTHER_NAME_TAKEN,
            ),
            models.CheckConstraint(
                condition=~Q(name=""),
                name="othername_name_not_blank",
                violation_error_message="An other name cannot be empty.",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="othername_ends_after_it_starts",
                violation_error_message="A name cannot be given up before it is adopted.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.note})" if self.note else self.name

    def get_absolute_url(self):
        return self.speaker.get_absolute_url()

    def clean(self):
        speaker = getattr(self, "speaker", None)  # unset on a row not yet given its speaker
        if speaker is not None and self.name.strip().casefold() == speaker.name.casefold():
            raise ValidationError({"name": "This is the speaker's name already."})


class SpeakerRole(VersionedModel):
    """A title a speaker held for a while, so a quote can show the role held when it was said."""

    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="roles", help_text="Who held the role."
    )
    title = models.CharField(
        max_length=200, help_text="The title, for example Republican vice-presidential nominee."
    )
    organisation = models.CharField(
        max_length=200, blank=True, help_text="Where the title was held, for example the Kremlin."
    )
    started_on = models.DateField(
        null=True, blank=True, help_text="First day in the role; empty when not known."
    )
    ended_on = models.DateField(
        null=True, blank=True, help_text="Last day in the role; empty while it is still held."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["speaker", "-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="speakerrole_ends_after_it_starts",
                violation_error_message="A role cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=~Q(title=""),
                name="speakerrole_title_not_blank",
                violation_error_message="A role needs a title.",
            ),
        ]

    def __str__(self):
        return f"{self.title}, {self.organisation}" if self.organisation else self.title

    def get_absolute_url(self):
        return self.speaker.get_absolute_url()

    def covers(self, day: datetime.date) -> bool:
        """Whether the role was held on this day (open ends count as held)."""
        started = self.started_on is None or self.started_on <= day
        not_ended = self.ended_on is None or day <= self.ended_on
        return started and not_ended


class ElectionQuerySet(models.QuerySet):
    def newest_first(self):
        """Elections by polling day, the most recent first."""
        return self.order_by("-held_on", "-pk")


class Election(VersionedModel):
    """A contest whose candidates are compared side by side."""

    name = models.CharField(
        max_length=200, help_text="For example 2024 United States presidential election."
    )
    slug = models.SlugField(max_length=200, help_text="Used in the election's web address.")
    held_on = models.DateField(help_text="Polling day (the main one when voting spans days).")
    country = models.CharField(
        max_length=2, blank=True, help_text="Two-letter ISO 3166 country code, for example US."
    )
    description = models.TextField(blank=True, help_text="Optional context shown to readers.")

    objects = ElectionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="election_slug_unique"),
            models.CheckConstraint(
                condition=~Q(name=""),
                name="election_name_not_blank",
                violation_error_message="An election needs a name.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("election", kwargs={"slug": self.slug})


class CandidacyQuerySet(models.QuerySet):
    def on_ballot_order(self):
        """Candidacies in the order the comparison shows them, speakers joined."""
        return self.select_related("speaker", "running_mate_of__speaker").order_by(
            "order", "speaker__name"
        )


class Candidacy(VersionedModel):
    """A speaker running in an election: the columns of the comparison."""

    class TicketPosition(models.TextChoices):
        HEAD = "head", "Top of the ticket"
        RUNNING_MATE = "running_mate", "Running mate"

    election = models.ForeignKey(
        Election,
        on_delete=models.PROTECT,
        related_name="candidacies",
        help_text="The election the speaker runs in.",
    )
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        related_name="candidacies",
        help_text="The candidate: a column of the comparison.",
    )
    office = models.CharField(max_length=200, help_text="The office sought, for example President.")
    party = models.CharField(
        max_length=200, blank=True, help_text="Party or movement; empty for an independent."
    )
    ticket_position = models.CharField(
        max_length=20,
        choices=TicketPosition,
        default=TicketPosition.HEAD,
        help_text="Running mates (vice-presidential candidates) are hidden by default.",
    )
    running_mate_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="running_mates",
        help_text="For a running mate: the candidacy at the top of the ticket.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Column order on the comparison; lower comes first."
    )

    objects = CandidacyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "candidacies"
        ordering = ["election", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "speaker"],
                name="candidacy_one_per_speaker_and_election",
                violation_error_message="This speaker already runs in this election.",
            ),
            models.CheckConstraint(
                condition=Q(ticket_position="running_mate") | Q(running_mate_of__isnull=True),
                name="candidacy_only_running_mates_join_a_ticket",
                violation_error_message="Only a running mate is on another candidate's ticket.",
            ),
            models.CheckConstraint(
                condition=Q(ticket_position__in=["head", "running_mate"]),
                name="candidacy_ticket_position_valid",
                violation_error_message="Choose top of the ticket or running mate.",
            ),
            models.CheckConstraint(
                condition=~Q(office=""),
                name="candidacy_office_not_blank",
                violation_error_message="A candidacy names the office sought.",
            ),
        ]

    def __str__(self):
        return f"{self.speaker} for {self.office} ({self.election})"

    def get_absolute_url(self):
        return self.election.get_absolute_url()

    def clean(self):
        mate_of = self.running_mate_of
        if mate_of is None:
            return
        if mate_of.election_id != self.election_id:
            raise ValidationError(
                {"running_mate_of": "A running mate joins a ticket in the same election."}
            )
        if mate_of.ticket_position != self.TicketPosition.HEAD:
            raise ValidationError(
                {"running_mate_of": "Choose the candidacy at the top of the ticket."}
            )

    @property
    def is_running_mate(self) -> bool:
        return self.ticket_position == self.TicketPosition.RUNNING_MATE
