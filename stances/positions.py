"""How a position is derived: from the published stance tags on a holder's quotes to a verdict.

A holder's evidence on a stance is every published, tagged quote that gives the holder's position:
their own words (they are the speaker and the quote is not about someone else), or a report about
them (the quote's `about` is the holder). Neutral tags are shown as mentions but decide nothing.
"""

import datetime
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import Q

from .models import Quote, Speaker, Stance, StanceTag

# A cell links straight to this many quotes, and to the quote browser for all of them.
SHOWN_QUOTES = 4


class Verdict(StrEnum):
    SUPPORTS = "supports"
    OPPOSES = "opposes"
    MIXED = "mixed"
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            "supports": "Supports",
            "opposes": "Opposes",
            "mixed": "Mixed",
            "none": "No recorded position",
        }[self.value]


class Basis(StrEnum):
    """What the strongest piece of evidence in a cell is, in the reader's terms."""

    OWN_WORDS = "own_words"
    PARAPHRASE = "paraphrase"
    REPORTED = "reported"
    ANONYMOUS = "anonymous"

    @property
    def label(self) -> str:
        return {
            "own_words": "In their own words",
            "paraphrase": "Paraphrased only",
            "reported": "Reported by others only",
            "anonymous": "Unnamed sources only",
        }[self.value]


@dataclass(frozen=True)
class Shift:
    """The holder's alignment changed: the last quote before and the first quote after."""

    before: StanceTag
    after: StanceTag


@dataclass
class Position:
    """One cell: a holder's position on a stance, with the evidence behind it."""

    holder: Speaker
    stance: Stance
    tags: list[StanceTag] = field(default_factory=list)

    def __post_init__(self):
        self.tags.sort(key=lambda tag: (effective_date(tag.quote), tag.quote.pk))

    @property
    def shown_tags(self) -> list[StanceTag]:
        """The quotes a cell links to directly: those taking a side first, newest first."""
        ranked = sorted(
            self.tags,
            key=lambda tag: (
                tag.alignment == StanceTag.Alignment.NEUTRAL,
                -effective_date(tag.quote).toordinal(),
                -tag.quote.pk,
            ),
        )
        return ranked[:SHOWN_QUOTES]

    @property
    def hidden_count(self) -> int:
        """How many more quotes stand behind the cell than it links to directly."""
        return max(0, len(self.tags) - SHOWN_QUOTES)

    @property
    def deciding_tags(self) -> list[StanceTag]:
        return [tag for tag in self.tags if tag.alignment != StanceTag.Alignment.NEUTRAL]

    @property
    def mentions(self) -> list[StanceTag]:
        return [tag for tag in self.tags if tag.alignment == StanceTag.Alignment.NEUTRAL]

    @property
    def shift(self) -> Shift | None:
        """A shift when every earlier quote takes one side and every later one the other.

        Only quotes with a known said-on date can show a change over time: words reported late
        may be old (an article date says when they were printed, not when they were said).
        """
        deciding = self.deciding_tags
        if any(tag.quote.said_on is None for tag in deciding):
            return None
        changes = [
            (earlier, later)
            for earlier, later in itertools.pairwise(deciding)
            if earlier.alignment != later.alignment
        ]
        if len(changes) != 1:
            return None
        before, after = changes[0]
        if effective_date(before.quote) >= effective_date(after.quote):
            return None  # same day or undated order: that is mixed, not a change over time
        return Shift(before=before, after=after)

    @property
    def verdict(self) -> Verdict:
        alignments = {tag.alignment for tag in self.deciding_tags}
        if not alignments:
            return Verdict.NONE
        if len(alignments) == 1:
            return Verdict(alignments.pop())
        shift = self.shift
        return Verdict(shift.after.alignment) if shift else Verdict.MIXED

    @property
    def quotes(self) -> list[Quote]:
        return [tag.quote for tag in self.tags]

    @property
    def own_words_count(self) -> int:
        return sum(1 for quote in self.quotes if is_own_words(quote, self.holder))

    @property
    def reported_count(self) -> int:
        return len(self.quotes) - self.own_words_count

    @property
    def outlet_count(self) -> int:
        """Distinct publications; articles whose outlet is not named count one each."""
        return len(
            {quote.article.outlet_id or f"article-{quote.article_id}" for quote in self.quotes}
        )

    @property
    def newest_date(self) -> datetime.date | None:
        return max((effective_date(quote) for quote in self.quotes), default=None)

    @property
    def newest_is_reported_date(self) -> bool:
        """True when no quote in the cell has a known said-on date at least as recent."""
        newest = self.newest_date
        return not any(quote.said_on == newest for quote in self.quotes)

    @property
    def basis(self) -> Basis | None:
        quotes = self.quotes
        if not quotes:
            return None
        own = [quote for quote in quotes if is_own_words(quote, self.holder)]
        if any(quote.kind in (Quote.Kind.DIRECT, Quote.Kind.PARTIAL) for quote in own):
            return Basis.OWN_WORDS
        if own:
            return Basis.PARAPHRASE
        if all(quote.kind == Quote.Kind.ANONYMOUS for quote in quotes):
            return Basis.ANONYMOUS
        return Basis.REPORTED

    @property
    def anonymous_only(self) -> bool:
        return self.basis == Basis.ANONYMOUS


def effective_date(quote: Quote) -> datetime.date:
    """When the words were said, or when they were reported if that is all we know."""
    return quote.effective_date


def is_own_words(quote: Quote, holder: Speaker) -> bool:
    return quote.speaker_id == holder.pk and quote.about_id is None


def holder_id(quote: Quote) -> int | None:
    return quote.about_id or quote.speaker_id


def public_tags():
    """Published quotes' tags with everything a cell or a citation prints, in one query."""
    return (
        StanceTag.objects.public()
        .select_related("stance__topic", "quote__speaker", "quote__about", "quote__article__outlet")
        # Long texts no cell prints: loading them for thousands of tags costs time and memory.
        .defer("quote__article__body", "quote__article__summary", "quote__original_text")
    )


def tags_for_holders(holder_ids: Iterable[int], stances=None) -> list[StanceTag]:
    """All public tags giving the position of any of these holders (on these stances)."""
    holder_ids = list(holder_ids)
    tags = public_tags().filter(
        Q(quote__about_id__in=holder_ids)
        | Q(quote__speaker_id__in=holder_ids, quote__about__isnull=True)
    )
    if stances is not None:
        tags = tags.filter(stance__in=stances)
    return list(tags)


@dataclass
class Row:
    stance: Stance
    cells: list[Position]

    @property
    def topic(self):
        return self.stance.topic

    @property
    def has_evidence(self) -> bool:
        return any(cell.tags for cell in self.cells)


@dataclass
class Grid:
    """Holders in columns, stances in rows grouped by topic: built once, in one place."""

    holders: list[Speaker]
    rows: list[Row]

    @property
    def topics(self):
        """Rows grouped by topic, in order: [(topic, [row, ...]), ...]."""
        groups: dict[int, tuple] = {}
        for row in self.rows:
            groups.setdefault(row.topic.pk, (row.topic, []))[1].append(row)
        return list(groups.values())

    @property
    def is_empty(self) -> bool:
        return not self.rows


def build_grid(holders: list[Speaker], stances=None, *, include_empty_rows=False) -> Grid:
    """Derives every holder's position on every stance that any of them has evidence on.

    `stances` limits the rows (a queryset or list); with `include_empty_rows`, stances nobody
    has evidence on are kept as rows of "no recorded position".
    """
    tags = tags_for_holders([h.pk for h in holders], stances)
    return grid_from_tags(holders, tags, stances, include_empty_rows=include_empty_rows)


def grid_from_tags(holders, tags, stances=None, *, include_empty_rows=False) -> Grid:
    """The grid for these holders from tags already fetched (see tags_for_holders)."""
    by_cell: dict[tuple[int, int], list[StanceTag]] = defaultdict(list)
    stances_seen: dict[int, Stance] = {}
    for tag in tags:
        by_cell[(tag.stance_id, holder_id(tag.quote))].append(tag)
        stances_seen[tag.stance_id] = tag.stance
    if include_empty_rows and stances is not None:
        for stance in stances:
            stances_seen.setdefault(stance.pk, stance)
    ordered = sorted(
        stances_seen.values(),
        key=lambda s: (s.topic.order, s.topic.name, s.order, s.statement),
    )
    rows = [
        Row(
            stance=stance,
            cells=[
                Position(holder=h, stance=stance, tags=list(by_cell.get((stance.pk, h.pk), [])))
                for h in holders
            ],
        )
        for stance in ordered
    ]
    return Grid(holders=holders, rows=rows)
