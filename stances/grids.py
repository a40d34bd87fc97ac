"""What pages show of positions: grids and per-topic overviews read from stored positions.

Nothing here derives a verdict (that is `stances.positions`). Each function reads a bounded
number of stored rows and the few stance tags the cells link to, in a fixed number of queries.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Sum

from .models import PositionSummary, Speaker, Stance, StanceTag, Topic
from .models.positions import WEAK_BASES, Badge, badge_for

# More rows than this and a page shows a per-topic overview, each topic's rows one click away.
FULL_GRID_ROWS = 24


@dataclass(frozen=True)
class Shift:
    """The holder's alignment changed: the last quote before and the first quote after."""

    before: StanceTag
    after: StanceTag


@dataclass
class Row:
    stance: Stance
    cells: list[PositionSummary]

    @property
    def topic(self) -> Topic:
        return self.stance.topic

    @property
    def has_evidence(self) -> bool:
        return any(cell.has_evidence for cell in self.cells)


@dataclass
class Grid:
    """Holders in columns, stances in rows grouped by topic."""

    holders: list[Speaker]
    rows: list[Row]

    @property
    def topics(self) -> list[tuple[Topic, list[Row]]]:
        """Rows grouped by topic, in order: [(topic, [row, ...]), ...]."""
        groups: dict[int, tuple] = {}
        for row in self.rows:
            groups.setdefault(row.topic.pk, (row.topic, []))[1].append(row)
        return list(groups.values())

    @property
    def is_empty(self) -> bool:
        return not self.rows


def stance_order(stance: Stance):
    return (stance.topic.order, stance.topic.name, stance.order, stance.statement)


def build_grid(holders, stances=None, *, include_empty_rows=False, quotes_per_cell=None) -> Grid:
    """Every holder's stored position on every stance any of them has evidence on.

    `stances` limits the rows (a queryset or list); with `include_empty_rows`, stances nobody
    has evidence on are kept as rows of "no recorded position". `quotes_per_cell` links fewer
    quotes from each cell than it stores (for long single-column lists).
    """
    holders = list(holders)
    stored = PositionSummary.objects.for_holders(holders)
    if stances is not None:
        stored = stored.filter(stance__in=stances)
    stored = list(stored)
    attach_quotes(stored, quotes_per_cell)
    by_cell = {(row.holder_id, row.stance_id): row for row in stored}
    rows_by_stance = {row.stance_id: row.stance for row in stored}
    if include_empty_rows and stances is not None:
        for stance in stances:
            rows_by_stance.setdefault(stance.pk, stance)
    rows = [
        Row(
            stance=stance,
            cells=[
                by_cell.get((holder.pk, stance.pk)) or PositionSummary(holder=holder, stance=stance)
                for holder in holders
            ],
        )
        for stance in sorted(rows_by_stance.values(), key=stance_order)
    ]
    for row in rows:
        for cell, holder in zip(row.cells, holders, strict=True):
            cell.holder = holder  # the holder objects the page has, not one query each
    return Grid(holders=holders, rows=rows)


def attach_quotes(cells: list[PositionSummary], per_cell: int | None = None) -> None:
    """Loads, in one query, the stance tags the cells link to and their shifts' ends."""
    wanted = set()
    for cell in cells:
        cell.shown_tag_ids = cell.shown_tag_ids[:per_cell]
        wanted.update(cell.shown_tag_ids)
        if cell.has_shift:
            wanted.update((cell.shift_before_id, cell.shift_after_id))
    tags = {
        tag.pk: tag
        for tag in StanceTag.objects.filter(pk__in=wanted)
        .select_related("quote__speaker", "quote__article")
        .only(
            "alignment",
            "quote__text",
            "quote__kind",
            "quote__about_id",
            "quote__said_on",
            "quote__attribution_text",
            "quote__speaker__name",
            "quote__article__published_on",
        )
    }
    for cell in cells:
        cell.shown_tags = [tags[pk] for pk in cell.shown_tag_ids if pk in tags]
        if cell.has_shift and cell.shift_before_id in tags and cell.shift_after_id in tags:
            cell.shift = Shift(tags[cell.shift_before_id], tags[cell.shift_after_id])


class IndexedCell(NamedTuple):
    """One stored position, as plain values: enough to size a grid, count it by topic, and word
    its badge for a head-to-head summary, without loading the quotes."""

    stance_id: int
    topic_id: int
    holder_id: int
    verdict: str
    basis: str
    quote_count: int
    shift_before_id: int | None


def stored_cells(holders, stances=None) -> list[IndexedCell]:
    """Every stored position of these holders as plain values: a light index that says how big
    their grid is and, when it is too big to show, how it sums up by topic and head to head."""
    stored = PositionSummary.objects.filter(holder__in=holders)
    if stances is not None:
        stored = stored.filter(stance__in=stances)
    columns = (
        "stance_id",
        "stance__topic_id",
        "holder_id",
        "verdict",
        "basis",
        "quote_count",
        "shift_before_id",
    )
    return [IndexedCell(*row) for row in stored.values_list(*columns)]


def grid_or_overview(holders, stances=None) -> tuple[Grid | None, list["TopicTally"] | None]:
    """The whole grid when it is short enough to read; else a per-topic overview."""
    cells = stored_cells(holders, stances)
    if len({cell.stance_id for cell in cells}) <= FULL_GRID_ROWS:
        return build_grid(holders, stances), None
    return None, overview(holders, cells)


def grid_overview_and_rows(holders, stances=None):
    """As `grid_or_overview`, with every stance's row for a head-to-head summary: the grid's own
    rows, or, when only the overview is shown, light rows made from the same index and one query
    for the stances' names."""
    holders = list(holders)
    cells = stored_cells(holders, stances)
    if len({cell.stance_id for cell in cells}) <= FULL_GRID_ROWS:
        grid = build_grid(holders, stances)
        return grid, None, grid.rows
    return None, overview(holders, cells), indexed_rows(holders, cells)


@dataclass(frozen=True, slots=True)
class IndexedTopic:
    pk: int
    slug: str
    name: str
    order: int


@dataclass(frozen=True, slots=True)
class IndexedStance:
    """What a summary line shows of a stance and where its row is."""

    pk: int
    slug: str
    statement: str
    order: int
    topic: IndexedTopic


@dataclass(slots=True)
class IndexedPosition:
    """A stored position from the index: its badge, not its quotes. Model instances cost too
    much here: an overview of 20 candidates on 150 stances has 3,000 of them."""

    holder: Speaker
    verdict: str = PositionSummary.Verdict.NONE
    basis: str = ""
    quote_count: int = 0
    shift_before_id: int | None = None

    @property
    def has_evidence(self) -> bool:
        return self.quote_count > 0

    @property
    def badge(self) -> Badge:
        """As PositionSummary.badge."""
        return badge_for(
            self.verdict,
            self.basis,
            has_evidence=self.has_evidence,
            shifted=self.shift_before_id is not None,
        )


def indexed_rows(holders, cells: list[IndexedCell]) -> list[Row]:
    """Rows of light positions made from the index, and one query for their stances."""
    by_cell = {(cell.holder_id, cell.stance_id): cell for cell in cells}
    found = Stance.objects.filter(pk__in={cell.stance_id for cell in cells}).order_by()
    columns = ("topic_id", "topic__slug", "topic__name", "topic__order")
    stances = [
        IndexedStance(pk, slug, statement, order, IndexedTopic(*topic))
        for pk, slug, statement, order, *topic in found.values_list(
            "pk", "slug", "statement", "order", *columns
        )
    ]
    rows = []
    for stance in sorted(stances, key=stance_order):
        positions = []
        for holder in holders:
            cell = by_cell.get((holder.pk, stance.pk))
            if cell is None:
                positions.append(IndexedPosition(holder))
            else:
                positions.append(
                    IndexedPosition(
                        holder, cell.verdict, cell.basis, cell.quote_count, cell.shift_before_id
                    )
                )
        rows.append(Row(stance=stance, cells=positions))
    return rows


# Head to head ---------------------------------------------------------------------------------

SIDES = (PositionSummary.Verdict.SUPPORTS, PositionSummary.Verdict.OPPOSES)
# Each kind of line shows this many at once; with the grid shown, the rest are listed under a
# disclosure. With only the overview shown (up to 150 stances of 20 candidates: the whole grid
# again), the rest are counted by topic, each topic linked to its rows.
LINES_SHOWN = 8


@dataclass
class Side:
    """Holders whose badges on one stance read the same, e.g. "Reportedly supports": A, B."""

    badge: Badge
    holders: list[Speaker]


@dataclass
class Line:
    """One stance of a head-to-head summary: who takes which side, and who has none on record."""

    stance: Stance
    sides: list[Side]
    silent: list[Speaker]  # no recorded position, or mentions without taking a side
    link: str = ""  # the line's row
    topic_link: str = ""  # its topic's rows

    @property
    def weak_sources(self) -> str:
        """What weaker evidence the line rests on, in words; empty when none."""
        styles = {side.badge.style for side in self.sides if side.badge.is_weak}
        return " and ".join(words for style, words in WEAK_BASES.items() if style in styles)


@dataclass
class Group:
    """Lines of one kind: where the holders differ, agree, or only one is on record."""

    kind: str
    title: str
    phrase: str  # the group in a sentence, before its count: "they differ on" 3
    listed: int | None = None  # how many lines to list (None: all)
    lines: list[Line] = field(default_factory=list)

    @property
    def shown(self) -> list[Line]:
        return self.lines[:LINES_SHOWN]

    @property
    def more(self) -> list[Line]:
        return self.lines[LINES_SHOWN : self.listed]

    @property
    def unlisted(self) -> int:
        return len(self.lines) - len(self.lines[: self.listed])

    @property
    def unlisted_by_topic(self) -> list[tuple[str, int, str]]:
        """(topic name, lines, link to the topic's rows) of the lines not listed."""
        by_topic: dict[int, list] = {}
        for line in self.lines[len(self.lines) - self.unlisted :]:
            topic = line.stance.topic
            by_topic.setdefault(topic.pk, [topic.name, 0, line.topic_link])[1] += 1
        return [tuple(entry) for entry in by_topic.values()]


@dataclass
class HeadToHead:
    groups: list[Group]
    mentioned_only: int  # stances on which nobody takes a side, though some are mentioned

    @property
    def on_record(self) -> int:
        return sum(len(group.lines) for group in self.groups)


def head_to_head(rows: list[Row], link, topic_link, listed: int | None = None) -> HeadToHead:
    """Sorts the rows into where the holders differ (one supports, another opposes), agree (all
    on record take the same side), where only one is on record, and where records are mixed.

    Reads the positions the rows already hold: no query, whatever their number. `link(stance)`
    is where the line's row is, `topic_link(topic)` where its topic's rows are; `listed` caps
    the lines listed of each kind (the rest are counted by topic).
    """
    groups = {
        "differ": Group("differ", "Where they differ", "they differ on", listed),
        "agree": Group("agree", "Where those on record agree", "agree on", listed),
        "only_one": Group("only_one", "Only one on record", "only one is on record on", listed),
        "mixed": Group("mixed", "Mixed records", "records are mixed on", listed),
    }
    mentioned_only = 0
    for row in rows:
        sides: dict[str, Side] = {}
        silent = []
        for position in row.cells:
            if position.verdict == PositionSummary.Verdict.NONE:
                silent.append(position.holder)
                continue
            badge = position.badge
            sides.setdefault(badge.label, Side(badge, [])).holders.append(position.holder)
        if not sides:
            if row.has_evidence:
                mentioned_only += 1
            continue
        verdicts = {side.badge.verdict for side in sides.values()}
        on_record = sum(len(side.holders) for side in sides.values())
        if set(SIDES) <= verdicts:
            kind = "differ"
        elif on_record == 1:
            kind = "only_one"
        elif len(verdicts) == 1 and verdicts <= set(SIDES):
            kind = "agree"
        else:
            kind = "mixed"
        line = Line(
            row.stance,
            list(sides.values()),
            silent,
            link(row.stance),
            topic_link(row.stance.topic),
        )
        groups[kind].lines.append(line)
    return HeadToHead(
        groups=[group for group in groups.values() if group.lines or group.kind != "mixed"],
        mentioned_only=mentioned_only,
    )


# Per-topic overview -------------------------------------------------------------------------


@dataclass
class Tally:
    """One holder's positions on one topic's stances, counted by verdict."""

    holder: Speaker
    supports: int = 0
    opposes: int = 0
    mixed: int = 0
    mentions: int = 0

    @property
    def on_record(self) -> int:
        return self.supports + self.opposes + self.mixed

    @property
    def has_evidence(self) -> bool:
        return bool(self.on_record or self.mentions)


@dataclass
class TopicTally:
    topic: Topic
    stance_count: int  # stances of the topic any of the holders has evidence on
    tallies: list[Tally] = field(default_factory=list)
    link: str = ""  # where the page shows this topic's full rows


def overview(holders, cells) -> list[TopicTally]:
    """Per topic, how many stances each holder supports, opposes, is mixed on or only mentions,
    from `stored_cells`: one query (the topics) whatever the number of quotes."""
    by_topic: dict[int, dict[int, Tally]] = defaultdict(dict)
    stances_by_topic: dict[int, set[int]] = defaultdict(set)
    for cell in cells:
        stances_by_topic[cell.topic_id].add(cell.stance_id)
        tally = by_topic[cell.topic_id].setdefault(cell.holder_id, Tally(holder=None))
        name = "mentions" if cell.verdict == PositionSummary.Verdict.NONE else cell.verdict
        setattr(tally, name, getattr(tally, name) + 1)
    result = []
    for topic in Topic.objects.filter(pk__in=list(by_topic)).order_by("order", "name"):
        tallies = []
        for holder in holders:
            tally = by_topic[topic.pk].get(holder.pk) or Tally(holder=holder)
            tally.holder = holder
            tallies.append(tally)
        result.append(TopicTally(topic, len(stances_by_topic[topic.pk]), tallies))
    return result


def top_holders_on(stances, limit: int) -> tuple[list[int], int]:
    """The `limit` holders with the most evidence on these stances, and how many there are."""
    stored = PositionSummary.objects.filter(stance__in=stances)
    ranked = (
        stored.values("holder_id")
        .annotate(quotes=Sum("quote_count"))
        .order_by("-quotes", "holder__name")
        .values_list("holder_id", flat=True)
    )
    return list(ranked[:limit]), stored.values("holder").distinct().count()
