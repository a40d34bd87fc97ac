"""Where do I stand?: per candidate, agreements, disagreements, mixed records and missing
positions are separate counts, and the score weighs only the sides a candidate has taken."""

import pytest
from django.urls import reverse

from tests.match_fixtures import make_race

pytestmark = pytest.mark.django_db


@pytest.fixture
def race():
    return make_race()


def answer(client, race, **answers):
    """Answers given as stance=(view, importance); the result's tallies by candidate."""
    query = {}
    for name, (view, importance) in answers.items():
        stance = getattr(race, name)
        query[f"s{stance.pk}"] = view
        query[f"w{stance.pk}"] = importance
    response = client.get(reverse("election_match", args=[race.election.slug]), query)
    assert response.status_code == 200
    return response, {t.holder: t for t in response.context["result"].tallies}


def counts(tally):
    return tally.agrees, tally.disagrees, tally.mixed, tally.no_position


def test_the_questions_are_the_stances_a_candidate_on_the_ticket_is_on_record_on(client, race):
    response = client.get(reverse("election_match", args=[race.election.slug]))

    asked = response.context["form"].stances
    # Not the running mate's tariffs, not the stance nobody is on record on.
    assert asked == [race.aid, race.talks]
    assert response.context["result"] is None


def test_each_candidate_gets_separate_counts(client, race):
    _, tallies = answer(client, race, aid=("agree", "2"), talks=("disagree", "1"))

    assert counts(tallies[race.ada]) == (1, 0, 1, 0)  # aid agrees; talks mixed
    assert counts(tallies[race.bo]) == (0, 2, 0, 0)  # opposes aid; supports talks
    assert counts(tallies[race.cy]) == (0, 0, 0, 2)  # nothing on aid; a mention is no side
    assert counts(tallies[race.di]) == (1, 1, 0, 0)
    assert race.mate not in tallies


def test_a_candidate_with_no_recorded_position_has_no_score_not_a_perfect_one(client, race):
    response, tallies = answer(client, race, aid=("agree", "1"), talks=("agree", "1"))

    cy = tallies[race.cy]
    assert cy.agrees == 0
    assert cy.no_position == 2
    assert cy.score is None
    assert "No score: not on record on any statement you answered." in response.text


def test_a_mixed_record_is_neither_agreement_nor_disagreement(client, race):
    _, tallies = answer(client, race, talks=("agree", "2"))

    ada = tallies[race.ada]
    assert counts(ada) == (0, 0, 1, 0)
    assert ada.score is None


def test_the_score_weighs_only_sides_taken_and_a_lot_counts_twice(client, race):
    _, a_lot = answer(client, race, aid=("agree", "2"), talks=("disagree", "1"))
    _, a_little = answer(client, race, aid=("agree", "1"), talks=("disagree", "1"))

    assert a_lot[race.di].score == 67  # 2 of 3
    assert a_little[race.di].score == 50  # 1 of 2
    assert a_lot[race.ada].score == 100  # the mixed record on talks does not count
    assert a_lot[race.bo].score == 0


def test_skipped_stances_are_not_counted(client, race):
    _, tallies = answer(client, race, aid=("agree", "1"), talks=("skip", "2"))

    assert counts(tallies[race.ada]) == (1, 0, 0, 0)
    assert counts(tallies[race.cy]) == (0, 0, 0, 1)


def test_skipping_everything_asks_for_an_answer(client, race):
    url = reverse("election_match", args=[race.election.slug])
    response = client.get(url, {f"s{race.aid.pk}": "skip", f"s{race.talks.pk}": "skip"})

    assert response.status_code == 200
    assert response.context["result"] is None
    assert "None of the statements below is answered agree or disagree yet" in response.text


def test_the_result_page_prints_the_counts_separately(client, race):
    response, _ = answer(client, race, aid=("agree", "1"))
    html = response.text

    for label in ("Agree with you", "Disagree with you", "Mixed record", "No recorded position"):
        assert f"<dt>{label}</dt>" in html
    assert "No recorded position</span>" in html  # cy's line on aid says so, it is not hidden
