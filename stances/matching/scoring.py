"""The matching itself: a reader's answers against candidates' stored positions.

A missing position is never an agreement: each answer is, for each candidate, an agreement, a
disagreement, a mixed record or no recorded position, counted separately. The score weighs only
the answers on which the candidate has taken one side.
"""

from dataclasses import dataclass, field

from django.db import models
from django.db.models import Exists, OuterRef

from ..models import PositionSummary, Speaker, Stance

Verdict = PositionSummary.Verdict


class View(models.TextChoices):
    """The reader's answer on a stance."""

    AGREE = "agree", "Agree"
    DISAGREE = "disagree", "Disagree"
    SKIP = "skip", "Skip"


class Importance(models.TextChoices):
    """How much a stance matters to the reader; an answer that matters a lot counts twice."""

    LITTLE = "1", "A little"
    LOT = "2", "A lot"


WEIGHTS = {Importance.LITTLE: 1, Importance.LOT: 2}


class Outcome(models.TextChoices):
    """One answer set against one candidate's position."""

    AGREES = "agrees", "Agrees with you"
    DISAGREES = "disagrees", "Disagrees with you"
    MIXED = "mixed", "Mixed record: not counted"
    NO_POSITION = "none", "No recorded position"


@dataclass(frozen=True)
class Answer:
    stance: Stance
    view: str  # agree or disagree: skipped stances are not answers
    importance: str

    @property
    def weight(self) -> int:
        return WEIGHTS[self.importance]

    def get_view_display(self) -> str:
        return View(self.view).label

    def get_importance_display(self) -> str:
        return Importance(self.importance).label


def outcome(answer: Answer, cell: PositionSummary) -> Outcome:
    """Only a side taken is compared; mentions without a side are no recorded position."""
    if cell.verdict == Verdict.MIXED:
        return Outcome.MIXED
    if cell.verdict not in (Verdict.SUPPORTS, Verdict.OPPOSES):
        return Outcome.NO_POSITION
    same_side = (cell.verdict == Verdict.SUPPORTS) == (answer.view == View.AGREE)
    return Outcome.AGREES if same_side else Outcome.DISAGREES


@dataclass
class Line:
    """One candidate's position on one answered stance, and how it compares."""

    cell: PositionSummary
    outcome: Outcome

    @property
    def holder(self) -> Speaker:
        return self.cell.holder

    @property
    def symbol(self) -> str:
        """A shape beside the words, unlike the verdict badges' ticks and crosses."""
        return {"agrees": "=", "disagrees": "≠", "mixed": "±"}.get(self.outcome, "–")

    @property
    def weak_evidence(self) -> bool:
        """A side taken on weaker evidence, as the cell's badge counts it (Badge.is_weak)."""
        return self.outcome in (Outcome.AGREES, Outcome.DISAGREES) and self.cell.badge.is_weak


@dataclass
class AnsweredStance:
    answer: Answer
    lines: list[Line]


@dataclass
class Tally:
    """One candidate's result: separate counts, and a score over the sides they have taken."""

    holder: Speaker
    agrees: int = 0
    disagrees: int = 0
    mixed: int = 0
    no_position: int = 0
    weak: int = 0  # agreements and disagreements resting on weaker evidence (Badge.is_weak)
    weight_agreeing: int = 0
    weight_on_record: int = 0

    def count(self, line: Line, weight: int) -> None:
        name = {
            Outcome.AGREES: "agrees",
            Outcome.DISAGREES: "disagrees",
            Outcome.MIXED: "mixed",
            Outcome.NO_POSITION: "no_position",
        }[line.outcome]
        setattr(self, name, getattr(self, name) + 1)
        if line.outcome in (Outcome.AGREES, Outcome.DISAGREES):
            self.weight_on_record += weight
            self.weight_agreeing += weight if line.outcome == Outcome.AGREES else 0
            self.weak += line.weak_evidence

    @property
    def scored(self) -> int:
        return self.agrees + self.disagrees

    @property
    def score(self) -> int | None:
        """Per cent of the weight of the scored answers that agree; None with none scored."""
        if not self.weight_on_record:
            return None
        return round(100 * self.weight_agreeing / self.weight_on_record)


@dataclass
class Result:
    tallies: list[Tally]
    answered: list[AnsweredStance] = field(default_factory=list)

    @property
    def topics(self):
        """Answered stances grouped by topic, in order: [(topic, [answered, ...]), ...]."""
        groups: dict[int, tuple] = {}
        for item in self.answered:
            topic = item.answer.stance.topic
            groups.setdefault(topic.pk, (topic, []))[1].append(item)
        return list(groups.values())


def asked_stances(holders: list[Speaker]):
    """The stances at least one of the holders is on record on (supports, opposes or mixed),
    grouped by topic in display order: a stance only mentioned would compare with nobody. One
    query over the stored positions, however many quotes stand behind them."""
    on_record = PositionSummary.objects.filter(stance=OuterRef("pk"), holder__in=holders).exclude(
        verdict=Verdict.NONE
    )
    return (
        Stance.objects.in_display_order()
        .filter(Exists(on_record))
        .order_by("topic__order", "topic__name", "order", "statement", "pk")
    )


def cells_for(holders: list[Speaker], stances: list[Stance]) -> dict:
    """Every holder's cell on these stances, keyed (holder id, stance id), with the page's own
    holder and stance objects (no query each); a cell without evidence is not stored."""
    holder_by_pk = {holder.pk: holder for holder in holders}
    stance_by_pk = {stance.pk: stance for stance in stances}
    cells = {}
    for cell in PositionSummary.objects.filter(holder__in=holders, stance__in=stances):
        cell.holder, cell.stance = holder_by_pk[cell.holder_id], stance_by_pk[cell.stance_id]
        cells[(cell.holder_id, cell.stance_id)] = cell
    return cells


def match(holders: list[Speaker], answers: list[Answer], cells: dict) -> Result:
    """Every answer against every candidate's cell, counted per candidate."""
    tallies = [Tally(holder=holder) for holder in holders]
    result = Result(tallies=tallies)
    for answer in answers:
        lines = []
        for holder, tally in zip(holders, tallies, strict=True):
            cell = cells.get((holder.pk, answer.stance.pk)) or PositionSummary(
                holder=holder, stance=answer.stance
            )
            line = Line(cell=cell, outcome=outcome(answer, cell))
            tally.count(line, answer.weight)
            lines.append(line)
        result.answered.append(AnsweredStance(answer=answer, lines=lines))
    return result
