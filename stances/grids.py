"""What pages show of positions: grids and per-topic overviews read from stored positions.

Nothing here derives a verdict (that is `stances.positions`). Each function reads a bounded
number of stored rows and the few stance tags the cells link to, in a fixed number of queries.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Sum

from .models import PositionSummary, Speaker, Stance, StanceTag, Topic

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


def stored_cells(holders, stances=None) -> list[tuple[int, int, int, str]]:
    """(stance, topic, holder, verdict) of every stored position of these holders: a light index
    that says how big their grid is and, when it is too big to show, how it sums up by topic."""
    stored = PositionSummary.objects.filter(holder__in=holders)
    if stances is not None:
        stored = stored.filter(stance__in=stances)
    return list(stored.values_list("stance_id", "stance__topic_id", "holder_id", "verdict"))


def grid_or_overview(holders, stances=None) -> tuple[Grid | None, list["TopicTally"] | None]:
    """The whole grid when it is short enough to read; else a per-topic overview."""
    cells = stored_cells(holders, stances)
    if len({stance for stance, *_ in cells}) <= FULL_GRID_ROWS:
        return build_grid(holders, stances), None
    return None, overview(holders, cells)


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
    for stance_id, topic_id, holder_id, verdict in cells:
        stances_by_topic[topic_id].add(stance_id)
        tally = by_topic[topic_id].setdefault(holder_id, Tally(holder=None))
        name = "mentions" if verdict == PositionSummary.Verdict.NONE else verdict
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
