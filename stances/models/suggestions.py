"""Quotes the extractor suggests in an article body, and what editors decided about each."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from articles.models import Article

from .quotes import Quote


@dataclass(frozen=True)
class Precision:
    """How many decided suggestions editors accepted: the extractor's precision as they judge it."""

    accepted: int
    rejected: int

    @property
    def decided(self) -> int:
        return self.accepted + self.rejected

    @property
    def value(self) -> float | None:
        """accepted / decided, or None when nothing has been decided yet."""
        return self.accepted / self.decided if self.decided else None


class QuoteSuggestionQuerySet(models.QuerySet):
    def pending(self):
        """Suggestions awaiting an editor's decision."""
        return self.filter(status=QuoteSuggestion.Status.PENDING)

    def decided(self):
        """Suggestions an editor accepted or rejected."""
        return self.exclude(status=QuoteSuggestion.Status.PENDING)

    def in_body_order(self):
        """Suggestions in the order they appear in the article body."""
        return self.order_by("article_id", "start_offset", "end_offset", "pk")

    def precision(self) -> Precision:
        """Counts of accepted and rejected suggestions in this queryset, in one query."""
        counts = self.aggregate(
            accepted=models.Count("pk", filter=Q(status=QuoteSuggestion.Status.ACCEPTED)),
            rejected=models.Count("pk", filter=Q(status=QuoteSuggestion.Status.REJECTED)),
        )
        return Precision(accepted=counts["accepted"], rejected=counts["rejected"])


class QuoteSuggestion(models.Model):
    """A statement the extractor found in an article body, pending or decided by an editor."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    article = models.ForeignKey(
        Article,
        # Workflow, not evidence: an article that may be deleted takes its suggestions along.
        on_delete=models.CASCADE,
        related_name="quote_suggestions",
        help_text="The article whose body the suggestion was found in.",
    )
    text = models.TextField(help_text="The words the extractor found, as printed.")
    kind = models.CharField(
        max_length=20,
        choices=Quote.Kind,
        help_text="Direct, partial, paraphrase or anonymous, as the extractor read it.",
    )
    speaker_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="The speaker's name as the extractor resolved it; empty for unnamed sources.",
    )
    attribution = models.CharField(
        max_length=300,
        blank=True,
        help_text='The attribution as printed, for example "Okafor told" or "citing officials".',
    )
    start_offset = models.PositiveIntegerField(
        help_text="Where the words start in the article body (characters)."
    )
    end_offset = models.PositiveIntegerField(
        help_text="Where the words end in the article body (characters)."
    )
    confidence = models.FloatField(help_text="The extractor's confidence, from 0 to 1.")
    status = models.CharField(
        max_length=20,
        choices=Status,
        default=Status.PENDING,
        help_text="Accepted ones became draft quotes; rejected ones are not suggested again.",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quote_suggestions_decided",
        help_text="The editor who accepted or rejected it.",
    )
    decided_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was accepted or rejected."
    )
    # SET_NULL: an editor may delete the draft quote later; the decision (and so the precision
    # figure) stays on record.
    quote = models.ForeignKey(
        Quote,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        help_text="The draft quote made when the suggestion was accepted.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuoteSuggestionQuerySet.as_manager()
    # Who accepted or rejected what, and when, kept like every other editorial decision.
    history = HistoricalRecords()

    class Meta:
        ordering = ["article_id", "start_offset", "end_offset", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "start_offset", "end_offset", "kind"],
                name="quotesuggestion_once_per_place_and_kind",
                violation_error_message=(
                    "This article already has a suggestion of this kind at these offsets."
                ),
            ),
            models.CheckConstraint(
                condition=Q(end_offset__gt=F("start_offset")),
                name="quotesuggestion_offsets_in_order",
                violation_error_message="The end offset must come after the start offset.",
            ),
            models.CheckConstraint(
                condition=~Q(text=""),
                name="quotesuggestion_text_not_blank",
                violation_error_message="A suggestion needs its text.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["direct", "partial", "paraphrase", "anonymous"]),
                name="quotesuggestion_kind_valid",
                violation_error_message="Choose direct, partial, paraphrase or anonymous.",
            ),
            models.CheckConstraint(
                condition=~Q(kind="anonymous") | Q(speaker_name=""),
                name="quotesuggestion_anonymous_has_no_speaker",
                violation_error_message="A claim by unnamed sources has no speaker name.",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1),
                name="quotesuggestion_confidence_between_0_and_1",
                violation_error_message="The confidence is a number from 0 to 1.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "accepted", "rejected"]),
                name="quotesuggestion_status_valid",
                violation_error_message="Choose pending, accepted or rejected.",
            ),
            models.CheckConstraint(
                condition=Q(status="pending", decided_at__isnull=True)
                | (~Q(status="pending") & Q(decided_at__isnull=False)),
                name="quotesuggestion_decided_when_not_pending",
                violation_error_message=(
                    "An accepted or rejected suggestion records when it was decided; "
                    "a pending one does not."
                ),
            ),
            models.CheckConstraint(
                condition=Q(quote__isnull=True) | Q(status="accepted"),
                name="quotesuggestion_quote_only_when_accepted",
                violation_error_message="Only an accepted suggestion has a quote.",
            ),
        ]
        indexes = [models.Index(fields=["status"], name="quotesuggestion_status_idx")]

    def __str__(self):
        who = self.speaker_name or self.attribution or "Unnamed sources"
        words = self.text if len(self.text) <= 80 else self.text[:77].rstrip() + "…"
        return f"{who}: {words}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
