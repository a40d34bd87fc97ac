"""Geometry for a speaker's timeline, drawn as inline SVG: each quote as a mark on a time axis,
or, when there are too many marks to tell apart, one bar per month counting them.

Across, positions are worked out on a 720-unit line and drawn as percentages of the SVG's width
(`pct`), with no viewBox: the drawing stretches to any screen while its text and marks keep their
size in CSS pixels, so labels stay 12 px on a phone instead of shrinking with the drawing."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Count, DateField, Q
from django.db.models.functions import Coalesce, TruncMonth

WIDTH = 720
MARGIN = 60  # room for half a tick label ("Nov 2024") at each end, even 390 px wide
TOP = 16  # room above the highest mark
BELOW_AXIS = 34  # room for the tick labels
STACK_STEP = 16
MAX_TICKS = 8
# Marks closer than one slot of the axis are stacked at the slot's middle instead of overlapping:
# 24 slots leave each at least 12 px (a mark's width) on a 390 px phone.
MARK_SLOTS = 24
# More quotes than this and the timeline counts them by month instead of marking each one.
MAX_MARKS = 60
BAR_HEIGHT = 80


def percent(x: float) -> float:
    """A position on the WIDTH-unit line as a percentage of the drawing's width."""
    return round(x / WIDTH * 100, 2)


@dataclass(frozen=True)
class Mark:
    quote: object
    x: float
    y: float
    date: datetime.date
    date_is_reported: bool  # said-on unknown: placed at the date it was reported
    is_about: bool  # reported as the speaker's position by someone else

    @property
    def pct(self) -> float:
        return percent(self.x)


@dataclass(frozen=True)
class Tick:
    x: float
    label: str

    @property
    def pct(self) -> float:
        return percent(self.x)


@dataclass(frozen=True)
class Month:
    """One month's quotes, drawn as a bar: own words below, reports about the speaker on top."""

    first_day: datetime.date
    own: int
    about: int
    x: float
    width: float
    own_height: float
    about_height: float
    axis_y: int

    @property
    def last_day(self) -> datetime.date:
        days = calendar.monthrange(self.first_day.year, self.first_day.month)[1]
        return self.first_day.replace(day=days)

    @property
    def total(self) -> int:
        return self.own + self.about

    # Labels made here once, not by template filters for each of a hundred months.
    @property
    def label(self) -> str:
        return self.first_day.strftime("%B %Y")

    @property
    def iso(self) -> str:
        return self.first_day.strftime("%Y-%m")

    @property
    def date_query(self) -> str:
        """The quote browser's date filters for this month."""
        return f"said_after={self.first_day.isoformat()}&said_before={self.last_day.isoformat()}"

    @property
    def pct(self) -> float:
        return percent(self.x)

    @property
    def width_pct(self) -> float:
        return percent(self.width)

    @property
    def own_y(self) -> float:
        return self.axis_y - self.own_height

    @property
    def about_y(self) -> float:
        return self.own_y - self.about_height


@dataclass(frozen=True)
class Timeline:
    marks: list[Mark]
    ticks: list[Tick]
    axis_y: int
    months: list[Month] = field(default_factory=list)
    width: int = WIDTH
    axis_start: int = MARGIN
    axis_end: int = WIDTH - MARGIN

    @property
    def height(self) -> int:
        return self.axis_y + BELOW_AXIS

    @property
    def has_reported_dates(self) -> bool:
        """Whether a mark sits at its reported date: the list then explains that once."""
        return any(mark.date_is_reported for mark in self.marks)

    @property
    def axis_start_pct(self) -> float:
        return percent(self.axis_start)

    @property
    def axis_end_pct(self) -> float:
        return percent(self.axis_end)


def for_speaker(speaker, total: int) -> Timeline | None:
    """The speaker's timeline from their `total` published quotes (own and about them), in one
    query: each quote marked when there are few, else counted by month."""
    from .models import Quote

    quotes = Quote.objects.published().filter(Q(speaker=speaker) | Q(about=speaker))
    if total <= MAX_MARKS:
        return build(list(quotes.select_related("speaker", "about", "article")), holder=speaker)
    counts = (
        quotes.annotate(
            month=TruncMonth(Coalesce("said_on", "article__published_on"), output_field=DateField())
        )
        .values_list("month")
        .annotate(
            own=Count("pk", filter=~Q(about=speaker) | Q(about__isnull=True)),
            about=Count("pk", filter=Q(about=speaker)),
        )
        .order_by("month")
    )
    return by_month([(month, own, about) for month, own, about in counts])


def by_month(counts: list[tuple[datetime.date, int, int]]) -> Timeline | None:
    """One bar per month with quotes, on an axis spanning the first to the last month."""
    if not counts:
        return None
    first = counts[0][0]
    last = next_month(counts[-1][0])
    span = max(1, (last - first).days)

    def x_of(day: datetime.date) -> float:
        return round(MARGIN + (day - first).days / span * (WIDTH - 2 * MARGIN), 1)

    tallest = max(own + about for _, own, about in counts)
    axis_y = TOP + BAR_HEIGHT
    months = [
        Month(
            first_day=month,
            own=own,
            about=about,
            x=x_of(month),
            width=max(1.0, round(x_of(next_month(month)) - x_of(month) - 1, 1)),
            own_height=round(own / tallest * BAR_HEIGHT, 1),
            about_height=round(about / tallest * BAR_HEIGHT, 1),
            axis_y=axis_y,
        )
        for month, own, about in counts
    ]
    return Timeline(marks=[], ticks=ticks(first, last, x_of), axis_y=axis_y, months=months)


def next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def build(quotes, holder=None) -> Timeline | None:
    """Places each quote at its said-on date (or its reported date), stacking marks that would
    overlap: those in the same slot of the axis (see MARK_SLOTS)."""
    if not quotes:
        return None
    dated = [(quote.effective_date, quote) for quote in quotes]
    first = min(day for day, _ in dated)
    last = max(day for day, _ in dated)
    if first == last:
        first -= datetime.timedelta(days=30)
        last += datetime.timedelta(days=30)
    span = (last - first).days

    def x_of(day: datetime.date) -> float:
        return round(MARGIN + (day - first).days / span * (WIDTH - 2 * MARGIN), 1)

    slot_width = (WIDTH - 2 * MARGIN) / MARK_SLOTS

    def slot_x(day: datetime.date) -> float:
        slot = min(MARK_SLOTS - 1, int((x_of(day) - MARGIN) / slot_width))
        return round(MARGIN + (slot + 0.5) * slot_width, 1)

    placed, stacked = [], {}
    for day, quote in sorted(dated, key=lambda pair: (pair[0], pair[1].pk)):
        x = slot_x(day)
        level = stacked.get(x, 0)
        stacked[x] = level + 1
        placed.append((x, level, day, quote))
    # The axis sits low enough for the tallest stack of same-day marks to fit above it.
    axis_y = TOP + max(stacked.values()) * STACK_STEP + 8
    marks = [
        Mark(
            quote=quote,
            x=x,
            y=axis_y - 14 - level * STACK_STEP,
            date=day,
            date_is_reported=quote.said_on is None,
            is_about=holder is not None and quote.about_id == getattr(holder, "pk", None),
        )
        for x, level, day, quote in placed
    ]
    return Timeline(marks=marks, ticks=ticks(first, last, x_of), axis_y=axis_y)


def ticks(first: datetime.date, last: datetime.date, x_of) -> list[Tick]:
    """Year ticks for long spans, month ticks (thinned to at most MAX_TICKS) for short ones."""
    if (last - first).days > 2 * 365:
        years = range(first.year + 1, last.year + 1)
        step = max(1, len(years) // MAX_TICKS + 1)
        return [Tick(x_of(datetime.date(y, 1, 1)), str(y)) for y in years[::step]]
    months = []
    day = datetime.date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            months.append(day)
        day = next_month(day)
    step = max(1, -(-len(months) // MAX_TICKS))
    return [Tick(x_of(m), m.strftime("%b %Y")) for m in months[::step]]
