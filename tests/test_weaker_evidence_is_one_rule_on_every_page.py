"""Weaker evidence is one rule, the badge's: a position only others describe, or only unnamed
sources give, is weaker; the person's own words and a reporter's paraphrase of them are not. The
head-to-head summary and Where do I stand? flag exactly the positions whose badge is weak."""

import pytest
from django.urls import reverse

from stances.models import PositionSummary, StanceTag
from stances.models.positions import WEAK_BASES, badge_for
from tests.factories import make_candidates, make_evidence, make_stance

pytestmark = pytest.mark.django_db

BASES = [basis for basis, _ in PositionSummary.Basis.choices]


def test_the_rule_weaker_evidence_is_others_reports_or_unnamed_sources_only():
    assert set(WEAK_BASES) == {"reported", "anonymous"}
    for basis in BASES:
        for verdict in ("supports", "opposes", "mixed"):
            badge = badge_for(verdict, basis, has_evidence=True)
            assert badge.is_weak == (basis in ("reported", "anonymous")), (verdict, basis)
    assert not badge_for("none", "reported", has_evidence=True).is_weak  # a mention takes no side


@pytest.fixture(params=BASES)
def race(request):
    """Two candidates who differ on a stance: Ana supports it on evidence of one basis, Ben
    opposes it in his own words."""
    election, (ana, ben) = make_candidates("Ana Arden", "Ben Bly", slug=f"race-{request.param}")
    stance = make_stance(statement="Build the bridge")
    make_evidence(ana, stance, request.param)
    make_evidence(ben, stance, alignment=StanceTag.Alignment.OPPOSES)
    badge = PositionSummary.objects.get(holder=ana, stance=stance).badge
    assert badge.style == request.param
    return election, stance, ana, badge


def test_the_head_to_head_summary_flags_a_line_as_its_badges_do(client, race):
    election, stance, _, badge = race

    summary = client.get(election.get_absolute_url()).context["head_to_head"]

    [line] = [line for group in summary.groups for line in group.lines]
    assert line.stance == stance
    assert line.weak_sources == WEAK_BASES.get(badge.style, "")
    assert bool(line.weak_sources) == badge.is_weak


def test_where_do_i_stand_counts_a_position_as_weaker_as_its_badge_does(client, race):
    election, stance, ana, badge = race

    response = client.get(
        reverse("election_match", args=[election.slug]), {f"s{stance.pk}": "agree"}
    )

    result = response.context["result"]
    [answered] = result.answered
    ana_line = next(line for line in answered.lines if line.holder == ana)
    ana_tally = next(tally for tally in result.tallies if tally.holder == ana)
    assert ana_line.cell.badge == badge
    assert ana_line.weak_evidence == badge.is_weak
    assert ana_tally.weak == int(badge.is_weak)
    assert ("rests on weaker evidence" in response.text) == badge.is_weak
