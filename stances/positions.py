"""How a position is derived: from the published stance tags on a holder's quotes to a verdict.

A holder's evidence on a stance is every published, tagged quote that gives the holder's position:
their own words (they are the speaker and the quote is not about someone else), or a report about
them (the quote's `about` is the holder). Neutral tags are shown as mentions but decide nothing.

This module is the only place these rules live. Pages read the stored form of its results
(`PositionSummary`, written by `stances.summaries`), which a test keeps equal to `derive_all`.
"""

import datetime
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields

from django.db.models import Q

from .models import PositionSummary, Quote, StanceTag

# A cell links straight to this many quotes, and to the quote browser for all of them.
SHOWN_QUOTES = 4

Verdict = PositionSummary.Verdict
Basis = PositionSummary.Basis
NEUTRAL = StanceTag.Alignment.NEUTRAL


@dataclass(frozen=True, slots=True)
class Evidence:
    """One published stance tag as the rules see it: the tag, its quote, where it was reported."""

    tag_id: int
    stance_id: int
    alignment: str
    quote_id: int
    kind: str
    speaker_id: int | None
    about_id: int | None
    said_on: datetime.date | None
    reported_on: datetime.date
    article_id: int
    outlet_id: int | None

    @property
    def holder_id(self) -> int | None:
        """Whose position the quote gives: the person it is about, else its speaker."""
        return self.about_id or self.speaker_id

    @property
    def is_own_words(self) -> bool:
        return self.about_id is None and self.speaker_id is not None

    @property
    def effective_date(self) -> datetime.date:
        """When the words were said, or when they were reported if that is all we know."""
        return self.said_on or self.reported_on

    @property
    def source(self) -> tuple[str, int]:
        """Distinct publications; articles whose outlet is not named count one each."""
        return ("outlet", self.outlet_id) if self.outlet_id else ("article", self.article_id)


EVIDENCE_COLUMNS = (
    "pk",
    "stance_id",
    "alignment",
    "quote_id",
    "quote__kind",
    "quote__speaker_id",
    "quote__about_id",
    "quote__said_on",
    "quote__article__published_on",
    "quote__article_id",
    "quote__article__outlet_id",
)


def public_evidence(holder_ids=None, stance_ids=None) -> Iterator[Evidence]:
    """The evidence on published quotes, for these holders and stances (all when None)."""
    tags = StanceTag.objects.public()
    if holder_ids is not None:
        holder_ids = list(holder_ids)
        tags = tags.filter(
            Q(quote__about_id__in=holder_ids)
            | Q(quote__speaker_id__in=holder_ids, quote__about__isnull=True)
        )
    if stance_ids is not None:
        tags = tags.filter(stance_id__in=list(stance_ids))
    for row in tags.order_by().values_list(*EVIDENCE_COLUMNS).iterator(chunk_size=5000):
        yield Evidence(*row)


@dataclass(frozen=True)
class Summary:
    """Everything a cell shows about one holder's position on one stance (see PositionSummary)."""

    holder_id: int
    stance_id: int
    verdict: str
    basis: str
    quote_count: int
    own_count: int
    reported_count: int
    outlet_count: int
    newest_date: datetime.date
    newest_is_reported_date: bool
    shift_before_id: int | None
    shift_after_id: int | None
    shown_tag_ids: tuple[int, ...]


SUMMARY_FIELDS = tuple(field.name for field in fields(Summary))


def derive_all(evidence: Iterable[Evidence]) -> dict[tuple[int, int], Summary]:
    """Every (holder, stance) cell this evidence gives a position in, derived afresh."""
    by_cell: dict[tuple[int, int], list[Evidence]] = defaultdict(list)
    for item in evidence:
        if item.holder_id is not None:  # a claim about nobody in particular has no column
            by_cell[(item.holder_id, item.stance_id)].append(item)
    return {key: derive(*key, items) for key, items in by_cell.items()}


def derive(holder_id: int, stance_id: int, evidence: list[Evidence]) -> Summary:
    """One holder's position on one stance from all of its evidence (at least one item)."""
    ordered = sorted(evidence, key=lambda item: (item.effective_date, item.quote_id))
    deciding = [item for item in ordered if item.alignment != NEUTRAL]
    shift = find_shift(deciding)
    own = [item for item in ordered if item.is_own_words]
    newest = max(item.effective_date for item in ordered)
    return Summary(
        holder_id=holder_id,
        stance_id=stance_id,
        verdict=verdict(deciding, shift),
        basis=basis(ordered, own),
        quote_count=len(ordered),
        own_count=len(own),
        reported_count=len(ordered) - len(own),
        outlet_count=len({item.source for item in ordered}),
        newest_date=newest,
        newest_is_reported_date=not any(item.said_on == newest for item in ordered),
        shift_before_id=shift[0].tag_id if shift else None,
        shift_after_id=shift[1].tag_id if shift else None,
        shown_tag_ids=tuple(item.tag_id for item in shown(ordered)),
    )


def find_shift(deciding: list[Evidence]) -> tuple[Evidence, Evidence] | None:
    """A shift when every earlier quote takes one side and every later one the other: the last
    quote before and the first quote after.

    Only quotes with a known said-on date can show a change over time: words reported late
    may be old (an article date says when they were printed, not when they were said).
    """
    if any(item.said_on is None for item in deciding):
        return None
    changes = [
        (earlier, later)
        for earlier, later in itertools.pairwise(deciding)
        if earlier.alignment != later.alignment
    ]
    if len(changes) != 1:
        return None
    before, after = changes[0]
    if before.effective_date >= after.effective_date:
        return None  # same day: that is mixed, not a change over time
    return before, after


def verdict(deciding: list[Evidence], shift) -> str:
    alignments = {item.alignment for item in deciding}
    if not alignments:
        return Verdict.NONE
    if len(alignments) == 1:
        return Verdict(alignments.pop())
    return Verdict(shift[1].alignment) if shift else Verdict.MIXED


def basis(evidence: list[Evidence], own: list[Evidence]) -> str:
    """The strongest kind of evidence: own words, then own paraphrases, then reports."""
    if any(item.kind in (Quote.Kind.DIRECT, Quote.Kind.PARTIAL) for item in own):
        return Basis.OWN_WORDS
    if own:
        return Basis.PARAPHRASE
    if all(item.kind == Quote.Kind.ANONYMOUS for item in evidence):
        return Basis.ANONYMOUS
    return Basis.REPORTED


def shown(evidence: list[Evidence]) -> list[Evidence]:
    """The quotes a cell links to directly: those taking a side first, newest first."""
    ranked = sorted(
        evidence,
        key=lambda item: (
            item.alignment == NEUTRAL,
            -item.effective_date.toordinal(),
            -item.quote_id,
        ),
    )
    return ranked[:SHOWN_QUOTES]
