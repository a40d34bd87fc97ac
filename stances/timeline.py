"""Geometry for a speaker's timeline: dated quotes placed on a time axis, drawn as inline SVG."""

import datetime
from dataclasses import dataclass

WIDTH = 720
MARGIN = 40
TOP = 16  # room above the highest mark
BELOW_AXIS = 34  # room for the tick labels
STACK_STEP = 16
MAX_TICKS = 8


@dataclass(frozen=True)
class Mark:
    quote: object
    x: float
    y: float
    date: datetime.date
    date_is_reported: bool  # said-on unknown: placed at the date it was reported
    is_about: bool  # reported as the speaker's position by someone else


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    marks: list[Mark]
    ticks: list[Tick]
    axis_y: int
    width: int = WIDTH
    axis_start: int = MARGIN
    axis_end: int = WIDTH - MARGIN

    @property
    def height(self) -> int:
        return self.axis_y + BELOW_AXIS


def build(quotes, holder=None) -> Timeline | None:
    """Places each quote at its said-on date (or its reported date), stacking same-day marks."""
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

    placed, stacked = [], {}
    for day, quote in sorted(dated, key=lambda pair: (pair[0], pair[1].pk)):
        x = x_of(day)
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
        day = datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    step = max(1, -(-len(months) // MAX_TICKS))
    return [Tick(x_of(m), m.strftime("%b %Y")) for m in months[::step]]
