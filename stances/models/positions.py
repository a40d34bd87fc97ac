"""Stored positions: one row per (holder, stance) with evidence, a cache of `stances.positions`.

Nothing here decides a verdict. `stances.positions.derive` computes every field from the tagged
quotes and `stances.summaries` is the one place that writes these rows, in the same transaction
as the edit that changed the evidence. `manage.py rebuildpositions --check` compares them.
"""

import functools
from dataclasses import dataclass

from django.db import models
from django.db.models import F, Q

from .people import Speaker
from .quotes import StanceTag
from .topics import Stance

# Weaker evidence, in readers' words: a position only others describe, or only unnamed sources
# give. A paraphrase is not weaker: it is the person's own statement in a reporter's words (the
# design counts it with their own words, apart from reports) and its badge says "paraphrased".
# The one rule: badges, the head-to-head summary and Where do I stand? all read `Badge.is_weak`.
WEAK_BASES = {"reported": "others' reports", "anonymous": "unnamed sources"}


@dataclass(frozen=True, slots=True)
class Badge:
    """What a verdict badge says and how it is drawn. The words carry the strength of the
    evidence ("Reportedly supports"), and `style` gives each kind of evidence its own outline,
    so the difference never rests on colour alone."""

    label: str
    verdict: str  # supports, opposes, mixed or none: the badge's colour and symbol
    style: str  # own_words, paraphrase, reported, anonymous, mention or none: its outline
    icon: str

    @property
    def css_class(self) -> str:
        return f"verdict-{self.verdict} badge-{self.style}"

    @property
    def is_weak(self) -> bool:
        """It rests on others' reports of the position, or on unnamed sources alone."""
        return self.style in WEAK_BASES


ICONS = {"supports": "✓", "opposes": "✗", "mixed": "±", "none": "–"}
MENTION_ICON = "○"
DOUBT_ICON = "?"


@functools.cache  # a few dozen distinct badges, asked for by every cell of every page
def badge_for(verdict: str, basis: str, *, has_evidence: bool, shifted: bool = False) -> Badge:
    """The one place that words a verdict for readers, on every page and embed.

    Own words say the verdict plainly; a reporter's paraphrase of them says so; a position
    only others describe is "reportedly" held; unnamed sources are named as the only source.
    Neutral mentions are never worded as a position.
    """
    if verdict == "none":
        if has_evidence:
            return Badge("Mentioned without taking a side", "none", "mention", MENTION_ICON)
        return Badge("No recorded position", "none", "none", ICONS["none"])
    side = f"shifted to {verdict}" if shifted else verdict
    icon = ICONS[verdict]
    if basis == "paraphrase":
        return Badge(f"{side.capitalize()} (paraphrased)", verdict, basis, icon)
    if basis == "reported":
        return Badge(f"Reportedly {side}", verdict, basis, icon)
    if basis == "anonymous":
        return Badge(f"Unnamed sources: {side}", verdict, basis, icon + DOUBT_ICON)
    return Badge(side.capitalize(), verdict, "own_words", icon)


class PositionSummaryQuerySet(models.QuerySet):
    def for_holders(self, holders):
        """Summaries of these holders' positions, each with its stance and topic joined."""
        return self.filter(holder__in=holders).select_related("stance__topic")


class PositionSummary(models.Model):
    """A holder's position on a stance and the strength of its evidence, as a cell shows it."""

    class Verdict(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        OPPOSES = "opposes", "Opposes"
        MIXED = "mixed", "Mixed"
        NONE = "none", "No recorded position"

    class Basis(models.TextChoices):
        """What the strongest piece of evidence in a cell is, in the reader's terms."""

        OWN_WORDS = "own_words", "In their own words"
        PARAPHRASE = "paraphrase", "Paraphrased only"
        REPORTED = "reported", "Reported by others only"
        ANONYMOUS = "anonymous", "Unnamed sources only"

    holder = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="positions")
    stance = models.ForeignKey(Stance, on_delete=models.CASCADE, related_name="positions")
    verdict = models.CharField(max_length=20, choices=Verdict, default=Verdict.NONE)
    basis = models.CharField(max_length=20, choices=Basis, blank=True)
    quote_count = models.PositiveIntegerField(default=0)
    own_count = models.PositiveIntegerField(default=0)
    reported_count = models.PositiveIntegerField(default=0)
    outlet_count = models.PositiveIntegerField(default=0)
    newest_date = models.DateField(null=True, blank=True)
    # No quote in the cell has a known said-on date as recent as newest_date.
    newest_is_reported_date = models.BooleanField(default=False)
    shift_before = models.ForeignKey(
        StanceTag, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    shift_after = models.ForeignKey(
        StanceTag, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The stance tags a cell links to directly, in the order it shows them.
    shown_tag_ids = models.JSONField(default=list)

    objects = PositionSummaryQuerySet.as_manager()

    # Set by stances.grids.attach_quotes for the cells a page shows.
    shown_tags = ()
    shift = None

    class Meta:
        verbose_name = "stored position"
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "stance"],
                name="positionsummary_one_per_holder_and_stance",
                violation_error_message="This holder's position on this stance is already stored.",
            ),
            models.CheckConstraint(
                condition=Q(verdict__in=["supports", "opposes", "mixed", "none"]),
                name="positionsummary_verdict_valid",
                violation_error_message="A verdict is supports, opposes, mixed or none.",
            ),
            models.CheckConstraint(
                condition=Q(basis__in=["own_words", "paraphrase", "reported", "anonymous"]),
                name="positionsummary_basis_valid",
                violation_error_message="A stored position names the basis of its evidence.",
            ),
            # A row exists only where there is evidence; no evidence is no row.
            models.CheckConstraint(
                condition=Q(quote_count__gt=0)
                & Q(quote_count=F("own_count") + F("reported_count"))
                & Q(newest_date__isnull=False),
                name="positionsummary_counts_add_up",
                violation_error_message=(
                    "A stored position counts at least one quote, own and reported together, "
                    "and has the newest date."
                ),
            ),
            models.CheckConstraint(
                condition=Q(shift_before__isnull=True, shift_after__isnull=True)
                | Q(shift_before__isnull=False, shift_after__isnull=False),
                name="positionsummary_shift_has_both_ends",
                violation_error_message="A shift has the quote before and the quote after.",
            ),
        ]
        indexes = [
            models.Index(fields=["stance", "-quote_count"], name="positionsummary_stance_idx"),
        ]

    def __str__(self):
        return f"{self.holder_id} on {self.stance_id}: {self.verdict}"

    # What a cell prints. `shown_tags` and the shift's tags are attached by stances.grids.

    @property
    def has_evidence(self) -> bool:
        return self.quote_count > 0

    @property
    def anonymous_only(self) -> bool:
        return self.basis == self.Basis.ANONYMOUS

    @property
    def only_mentions(self) -> bool:
        return self.has_evidence and self.verdict == self.Verdict.NONE

    @property
    def hidden_count(self) -> int:
        """How many more quotes stand behind the cell than it links to directly."""
        return max(0, self.quote_count - len(self.shown_tag_ids))

    @property
    def has_shift(self) -> bool:
        return self.shift_before_id is not None

    @property
    def badge(self) -> Badge:
        """The verdict as every page and embed words and draws it (see `badge_for`)."""
        return badge_for(
            self.verdict, self.basis, has_evidence=self.has_evidence, shifted=self.has_shift
        )
