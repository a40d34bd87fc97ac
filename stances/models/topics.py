"""Areas of foreign policy and the propositions on them that speakers support or oppose."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.versioning import VersionedModel


class TopicQuerySet(models.QuerySet):
    def with_stances(self):
        """Prefetches each topic's stances in display order."""
        return self.prefetch_related(
            models.Prefetch("stances", queryset=Stance.objects.order_by("order", "statement"))
        )


class Topic(VersionedModel):
    """An area of foreign policy, such as the Russia-Ukraine war."""

    name = models.CharField(max_length=200, help_text="Short name shown as a heading.")
    slug = models.SlugField(max_length=200, help_text="Used in the topic's web address.")
    description = models.TextField(blank=True, help_text="One or two sentences of context.")
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Order of topics on the comparison; lower comes first."
    )

    objects = TopicQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="topic_slug_unique"),
            models.CheckConstraint(
                condition=~Q(name=""),
                name="topic_name_not_blank",
                violation_error_message="A topic needs a name.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("topic", kwargs={"slug": self.slug})


class StanceQuerySet(models.QuerySet):
    def in_display_order(self):
        """Stances grouped by topic, in the order editors set."""
        return self.select_related("topic").order_by(
            "topic__order", "topic__name", "order", "statement"
        )


class Stance(VersionedModel):
    """A proposition on a topic that a speaker can support or oppose: a row of the grid."""

    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        related_name="stances",
        help_text="The area of foreign policy the stance belongs to.",
    )
    statement = models.CharField(
        max_length=300,
        help_text="A policy one can be for or against: Keep sending military aid to Ukraine.",
    )
    slug = models.SlugField(max_length=200, help_text="Used in web addresses and filters.")
    description = models.TextField(
        blank=True, help_text="What counts as support or opposition, for editors and readers."
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Order within the topic; lower comes first."
    )

    objects = StanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["topic", "order", "statement"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="stance_slug_unique"),
            models.UniqueConstraint(
                fields=["topic", "statement"],
                name="stance_statement_unique_within_topic",
                violation_error_message="This topic already has a stance with this statement.",
            ),
            models.CheckConstraint(
                condition=~Q(statement=""),
                name="stance_statement_not_blank",
                violation_error_message="A stance needs a statement.",
            ),
        ]

    def __str__(self):
        return self.statement

    def get_absolute_url(self):
        return f"{self.topic.get_absolute_url()}#stance-{self.slug}"
