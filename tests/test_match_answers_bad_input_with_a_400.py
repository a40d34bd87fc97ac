"""Where do I stand?: a bad answer in the address is a 400 naming it, an answer about a stance not
asked here is left out and said so, and nothing in a query string is a server error."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.match_fixtures import make_race

pytestmark = pytest.mark.django_db


@pytest.fixture
def race():
    return make_race()


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


def get(client, race, query):
    return client.get(f"{reverse('election_match', args=[race.election.slug])}?{query}")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("maybe", "Choose agree, disagree or skip."),
        ("agree%00", "Choose agree, disagree or skip."),
        ("x" * 5000, "Choose agree, disagree or skip."),
        ("", None),  # an empty answer is a skip
    ],
)
def test_a_bad_view_is_a_400_naming_the_statement(anonymous, race, value, message):
    response = get(anonymous, race, f"s{race.aid.pk}={value}")

    if message is None:
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert message in response.text
    assert "Keep sending military aid (your view)" in response.text
    error_id = f"id_s{race.aid.pk}-error"
    assert f'id="id_s{race.aid.pk}_0" aria-describedby="{error_id}" aria-invalid="true"' in (
        response.text
    )
    assert f'<p class="field-error" id="{error_id}">' in response.text
    assert "no-store" in response["Cache-Control"]


def test_a_bad_importance_is_a_400(anonymous, race):
    response = get(anonymous, race, f"s{race.aid.pk}=agree&w{race.aid.pk}=3")

    assert response.status_code == 400
    assert "Choose a little or a lot." in response.text


def test_an_answer_given_twice_is_a_400_not_a_guess(anonymous, race):
    response = get(anonymous, race, f"s{race.aid.pk}=agree&s{race.aid.pk}=disagree")

    assert response.status_code == 400
    assert "more than one answer" in response.text


def test_answers_about_stances_not_asked_here_are_left_out_and_said_so(anonymous, race):
    query = f"s{race.aid.pk}=agree&s{race.tariffs.pk}=agree&s999999999999=disagree&w77=2"
    response = get(anonymous, race, query)

    assert response.status_code == 200
    assert [a.answer.stance for a in response.context["result"].answered] == [race.aid]
    assert "This address answers 3 statements not asked here" in response.text


def test_only_unknown_answers_show_the_form_with_a_note(anonymous, race):
    response = get(anonymous, race, "s999999999999999999=agree")

    assert response.status_code == 200
    assert response.context["result"] is None
    assert "This address answers 1 statement not asked here" in response.text


def test_other_parameters_are_ignored(anonymous, race):
    response = get(anonymous, race, f"utm_source=news&s{race.aid.pk}=agree&s=1&w=&sx1=agree")

    assert response.status_code == 200
    assert len(response.context["result"].answered) == 1
    assert response.context["unknown_stances"] == 0


def test_too_many_parameters_is_a_400(anonymous, race):
    response = get(anonymous, race, "&".join(f"s{i}=agree" for i in range(1500)))

    assert response.status_code == 400


def test_an_unknown_election_is_a_404(anonymous, race):
    assert anonymous.get(reverse("election_match", args=["no-such-election"])).status_code == 404


def test_only_reading_is_allowed(anonymous, race):
    response = anonymous.post(reverse("match"), {f"s{race.aid.pk}": "agree"})

    assert response.status_code == 405
