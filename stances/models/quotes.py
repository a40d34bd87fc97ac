"""Quotes (one attributable statement in one article) and the stance tags editors give them."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from articles.models import Article
from articles.versioning import VersionedModel

from .people import Speaker
from .topics import Stance

WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return [word.casefold() for word in WORD.findall(text)]


def is_subsequence(wanted: list[str], found: list[str]) -> bool:
    remaining = iter(found)
    return all(word in remaining for word in wanted)


class QuoteQuerySet(models.QuerySet):
    def published(self):
        """Quotes readers may see."""
        return self.filter(status=Quote.Status.PUBLISHED)

    def drafts(self):
        """Quotes still being prepared by editors."""
        return self.filter(status=Quote.Status.DRAFT)

    def for_holder(self, speaker):
        """Quotes that show where a speaker stands: their own words, or reports about them.

        A quote whose `about` is someone else describes that person's position, not the speaker's.
        """
        return self.filter(Q(speaker=speaker, about__isnull=True) | Q(about=speaker))

    def untagged(self):
        """Quotes no editor has linked to a stance yet."""
        return self.filter(tags__isnull=True)

    def awaiting_tags(self):
        """The tagging queue: untagged quotes still in play (not retracted), oldest first."""
        return self.untagged().exclude(status=Quote.Status.RETRACTED).order_by("created_at", "pk")

    def with_citation(self):
        """Joins everything a citation prints: speaker, about, article and outlet."""
        return self.select_related("speaker", "about", "article__outlet")

    def in_reading_order(self):
        """Quotes in the order they appear in their article (by offset, then as entered)."""
        return self.order_by("article_id", F("start_offset").asc(nulls_last=True), "pk")

    def newest_first(self):
        """Most recent statements first, by said-on date falling back to the article's date."""
        return self.order_by(F("said_on").desc(nulls_last=True), "-article__published_on", "-pk")

    def delete(self):
        """Deletes draft quotes only: published and retracted ones stay on the record."""
        if self.exclude(status=Quote.Status.DRAFT).exists():
            raise models.ProtectedError(
                "Published and retracted quotes cannot be deleted; retract them instead.",
                set(self.exclude(status=Quote.Status.DRAFT)),
            )
        return super().delete()

    delete.alters_data = True
    delete.queryset_only = True


class Quote(VersionedModel):
    """One attributable statement, found in one article."""

    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        PARTIAL = "partial", "Partial quote"
        PARAPHRASE = "paraphrase", "Paraphrase"
        ANONYMOUS = "anonymous", "Anonymous-source claim"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        RETRACTED = "retracted", "Retracted"

    text = models.TextField(
        help_text="The words exactly as printed. For a paraphrase or a claim, the reported clause."
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind,
        default=Kind.DIRECT,
        help_text=(
            "Direct: the speaker's own words in quotation marks. Partial: a quoted fragment "
            "inside reporting. Paraphrase: reported speech. Anonymous: a claim by unnamed sources."
        ),
    )
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
        help_text="Who said it. Leave empty only for anonymous-source claims.",
    )
    attribution_text = models.CharField(
        max_length=300,
        blank=True,
        help_text='The attribution as printed: "unnamed advisers, cited by the Financial Times".',
    )
    about = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes_about",
        help_text="Whose position it describes, when that is not the speaker's own.",
    )
    said_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the words were said, if known. Often earlier than the article.",
    )
    article = models.ForeignKey(
        Article,
        on_delete=models.PROTECT,
        related_name="quotes",
        help_text="The article the quote was reported in.",
    )
    responds_to = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reactions",
        help_text="The quote this one answers, if any.",
    )
    language = models.CharField(
        max_length=10, default="en", help_text="Language of the text above, as a BCP 47 code."
    )
    original_text = models.TextField(
        blank=True,
        help_text="The words in the original language, when the text above is a translation.",
    )
    start_offset = models.PositiveIntegerField(
        null=True, blank=True, help_text="Where the quote starts in the article body (characters)."
    )
    end_offset = models.PositiveIntegerField(
        null=True, blank=True, help_text="Where the quote ends in the article body (characters)."
    )
    status = models.CharField(
        max_length=20,
        choices=Status,
        default=Status.DRAFT,
        help_text="Only published quotes are shown to readers. Retract a published one.",
    )
    retraction_reason = models.TextField(
        blank=True, help_text="Why the quote was retracted; shown to readers with the notice."
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    retracted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuoteQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="anonymous", speaker__isnull=True)
                | (~Q(kind="anonymous") & Q(speaker__isnull=False)),
                name="quote_speaker_named_unless_anonymous",
                violation_error_message=(
                    "Name the speaker of a direct, partial or paraphrased quote; "
                    "leave it empty for an anonymous-source claim."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind="anonymous") | ~Q(attribution_text=""),
                name="quote_anonymous_has_attribution",
                violation_error_message=(
                    "An anonymous-source claim needs its attribution as printed "
                    '(for example "unnamed officials, cited by Reuters").'
                ),
            ),
            models.CheckConstraint(
                condition=Q(about__isnull=True) | Q(speaker__isnull=True) | ~Q(about=F("speaker")),
                name="quote_about_differs_from_speaker",
                violation_error_message=(
                    "Leave 'about' empty when the quote gives the speaker's own position."
                ),
            ),
            models.CheckConstraint(
                condition=Q(start_offset__isnull=True, end_offset__isnull=True)
                | Q(start_offset__isnull=False, end_offset__isnull=False),
                name="quote_offsets_both_or_neither",
                violation_error_message="Give both the start and the end offset, or neither.",
            ),
            models.CheckConstraint(
                condition=Q(start_offset__isnull=True) | Q(end_offset__gt=F("start_offset")),
                name="quote_offsets_in_order",
                violation_error_message="The end offset must come after the start offset.",
            ),
            models.CheckConstraint(
                condition=~Q(status="retracted") | ~Q(retraction_reason=""),
                name="quote_retracted_has_reason",
                violation_error_message="Give the reason for the retraction; readers will see it.",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="quote_published_has_timestamp",
                violation_error_message="A published quote records when it was published.",
            ),
            models.CheckConstraint(
                condition=~Q(status="draft") | Q(published_at__isnull=True),
                name="quote_once_published_never_draft",
                violation_error_message=(
                    "A quote readers have seen cannot go back to draft; retract it instead."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(text=""),
                name="quote_text_not_blank",
                violation_error_message="A quote needs its text.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["direct", "partial", "paraphrase", "anonymous"]),
                name="quote_kind_valid",
                violation_error_message="Choose direct, partial, paraphrase or anonymous.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "retracted"]),
                name="quote_status_valid",
                violation_error_message="Choose draft, published or retracted.",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "said_on"], name="quote_status_said_on_idx"),
        ]

    def __str__(self):
        words = self.text if len(self.text) <= 80 else self.text[:77].rstrip() + "…"
        who = self.speaker.name if self.speaker_id else "Unnamed sources"
        return f"{who}: {words}"

    def save(self, *args, **kwargs):
        self.stamp_status_times()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("quote", kwargs={"pk": self.pk})

    def delete(self, *args, **kwargs):
        if self.status != self.Status.DRAFT:
            raise models.ProtectedError(
                "Published and retracted quotes cannot be deleted; retract them instead.", {self}
            )
        return super().delete(*args, **kwargs)

    @property
    def speaker_label(self) -> str:
        """The speaker's name, or the printed attribution for an anonymous claim."""
        if self.speaker_id:
            return self.speaker.name
        return self.attribution_text or "Unnamed sources"

    @property
    def holder(self):
        """Whose position the quote shows: the 'about' speaker if set, else the speaker."""
        return self.about if self.about_id else self.speaker

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def effective_date(self):
        """The said-on date when known, else the date it was reported."""
        return self.said_on or self.article.published_on

    def role_at_the_time(self):
        """The speaker's role on the day the words were said (or reported)."""
        if not self.speaker_id:
            return None
        return self.speaker.role_on(self.effective_date)

    def sits_in(self, body: str) -> bool:
        """Whether body[start:end] holds the quote's words, in order (the original's for a
        translation). Punctuation, case and words in between ("she said") do not matter."""
        if self.start_offset is None or self.end_offset is None or self.end_offset > len(body):
            return False
        found = words(body[self.start_offset : self.end_offset])
        return any(
            wanted and is_subsequence(wanted, found) and len(found) <= len(wanted) + 12
            for wanted in (words(self.text), words(self.original_text))
        )

    def stamp_status_times(self):
        """Records when the quote was first published or retracted; neither is ever cleared."""
        if self.pk and (self.published_at is None or self.retracted_at is None):
            # A copy built from an old version (a revert) must not erase what happened since.
            stored = (
                type(self)
                ._base_manager.filter(pk=self.pk)
                .values_list("published_at", "retracted_at")
                .first()
            )
            if stored:
                self.published_at = self.published_at or stored[0]
                self.retracted_at = self.retracted_at or stored[1]
        now = timezone.now()
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = now
        if self.status == self.Status.RETRACTED and self.retracted_at is None:
            self.retracted_at = now

    def clean(self):
        self.stamp_status_times()
        errors = {}
        if self.said_on and self.article_id and self.said_on > self.article.published_on:
            errors["said_on"] = (
                "A quote cannot be said after the article reporting it was published."
            )
        if self.responds_to_id and self.pk and self.responds_to_id == self.pk:
            errors["responds_to"] = "A quote cannot respond to itself."
        if self.end_offset is not None and self.article_id:
            body_length = len(self.article.body)
            if not body_length:
                errors["start_offset"] = "Offsets need the article's body to be stored."
            elif self.end_offset > body_length:
                errors["end_offset"] = f"The article body has only {body_length} characters."
            elif (
                self.start_offset is not None
                and self.start_offset < self.end_offset  # else the ordering rule speaks
                and not self.sits_in(self.article.body)
            ):
                errors["start_offset"] = (
                    "The article's text between these offsets does not hold the quote's words: "
                    "correct the offsets or the text."
                )
        if errors:
            raise ValidationError(errors)


class StanceTagQuerySet(models.QuerySet):
    def public(self):
        """Tags on published quotes, the only ones readers see."""
        return self.filter(quote__status=Quote.Status.PUBLISHED)


class StanceTag(VersionedModel):
    """An editor's reading of a quote: it supports, opposes or merely mentions a stance."""

    class Alignment(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        OPPOSES = "opposes", "Opposes"
        NEUTRAL = "neutral", "Mentions without taking a side"

    quote = models.ForeignKey(
        Quote, on_delete=models.CASCADE, related_name="tags", help_text="The quote being read."
    )
    stance = models.ForeignKey(
        Stance,
        on_delete=models.PROTECT,
        related_name="tags",
        help_text="The proposition the quote speaks to.",
    )
    alignment = models.CharField(
        max_length=20,
        choices=Alignment,
        help_text="Whether the quote's holder supports or opposes the stance, or only mentions it.",
    )
    note = models.TextField(
        blank=True, help_text="Why this reading: useful when the quote is indirect or hedged."
    )
    tagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="stance_tags",
    )
    tagged_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = StanceTagQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["stance__topic__order", "stance__order", "pk"]
        indexes = [
            # Quotes on a stance or topic (the browser's filters): answered from the index alone.
            models.Index(fields=["stance", "quote"], name="stancetag_stance_quote_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["quote", "stance"],
                name="stancetag_one_per_quote_and_stance",
                violation_error_message="This quote is already tagged with this stance.",
            ),
            models.CheckConstraint(
                condition=Q(alignment__in=["supports", "opposes", "neutral"]),
                name="stancetag_alignment_valid",
                violation_error_message="Choose supports, opposes or neutral.",
            ),
        ]

    def __str__(self):
        return f"{self.get_alignment_display()}: {self.stance}"

    def get_absolute_url(self):
        return self.quote.get_absolute_url()
