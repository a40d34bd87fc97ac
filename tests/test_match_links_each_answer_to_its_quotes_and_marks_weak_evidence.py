"""Where do I stand?: each answer, for each candidate, links to the quotes behind their position,
and a position resting on weaker evidence (others' reports, unnamed sources) says so."""

import pytest
from django.urls import reverse

from tests.match_fixtures import make_race

pytestmark = pytest.mark.django_db


@pytest.fixture
def race():
    return make_race()


@pytest.fixture
def result_page(client, race):
    query = {f"s{race.aid.pk}": "agree", f"s{race.talks.pk}": "disagree"}
    response = client.get(reverse("election_match", args=[race.election.slug]), query)
    assert response.status_code == 200
    return response


def line(response, stance, holder):
    answered = next(a for a in response.context["result"].answered if a.answer.stance == stance)
    return next(line for line in answered.lines if line.holder == holder)


def test_an_agreement_links_to_the_quote_behind_it(race, result_page):
    ada_on_aid = line(result_page, race.aid, race.ada)

    assert [tag.quote for tag in ada_on_aid.cell.shown_tags] == [race.ada_aid]
    assert f'href="{race.ada_aid.get_absolute_url()}"' in result_page.text


def test_a_cell_with_more_quotes_links_to_all_of_them_in_the_quote_browser(race, result_page):
    ada_on_talks = line(result_page, race.talks, race.ada)  # three quotes, one shown

    assert len(ada_on_talks.cell.shown_tags) == 1
    link = f"{reverse('quotes')}?holder={race.ada.slug}&amp;stance={race.talks.slug}"
    assert f'href="{link}"' in result_page.text
    assert "All 3 quotes" in result_page.text


def test_unnamed_sources_only_is_marked_on_the_line_and_in_the_count(race, result_page):
    bo_on_talks = line(result_page, race.talks, race.bo)
    bo_tally = next(t for t in result_page.context["result"].tallies if t.holder == race.bo)

    assert bo_on_talks.weak_evidence
    assert not line(result_page, race.aid, race.bo).weak_evidence  # his own words
    assert bo_tally.weak == 1
    # The badge from _verdict.html says what the evidence is.
    assert bo_on_talks.cell.badge.label == "Unnamed sources: supports"
    assert "badge-anonymous" in result_page.text
    assert "Unnamed sources: supports</span>" in result_page.text
    assert "1 of 2 rests on weaker evidence" in result_page.text
    assert f'href="{race.bo_talks.get_absolute_url()}"' in result_page.text


def test_a_missing_position_links_to_no_quote_and_says_so(race, result_page):
    cy_on_aid = line(result_page, race.aid, race.cy)

    assert not cy_on_aid.cell.has_evidence
    assert cy_on_aid.cell.shown_tags == ()
    assert "No recorded position" in result_page.text
