"""The speakers list has a name search: every word must be in a speaker's name or one of their
other names; results page like the list, the search kept in the page links; odd input is a 400
that says what is wrong, never a server error."""

import pytest
from django.urls import reverse

from stances.views import SPEAKERS_PER_PAGE
from tests.factories import make_other_name, make_quote, make_speaker

pytestmark = pytest.mark.django_db

SPEAKERS = reverse("speakers")


def names(response) -> list[str]:
    return [speaker.name for speaker in response.context["page"].object_list]


@pytest.fixture
def people():
    zelensky = make_speaker(name="Volodymyr Zelensky")
    make_other_name(zelensky, "Zelenskyy", note="transliteration")
    for name in ("Dmitry Peskov", "Dmitry Medvedev", "Kamala Harris"):
        make_quote(speaker=make_speaker(name=name))
    make_quote(speaker=zelensky)
    return zelensky


def test_a_word_of_a_name_finds_its_speakers(client, people):
    response = client.get(SPEAKERS, {"q": "dmitry"})
    assert response.status_code == 200
    assert names(response) == ["Dmitry Medvedev", "Dmitry Peskov"]
    assert "2 speakers matching “dmitry”" in response.text


def test_every_word_must_match(client, people):
    assert names(client.get(SPEAKERS, {"q": "dmitry  peskov"})) == ["Dmitry Peskov"]


def test_another_spelling_finds_the_speaker(client, people):
    assert names(client.get(SPEAKERS, {"q": "Zelenskyy"})) == ["Volodymyr Zelensky"]


def test_no_match_says_so_and_offers_the_quotes_search(client, people):
    response = client.get(SPEAKERS, {"q": "Nobody"})
    assert names(response) == []
    assert "No speaker’s name matches “Nobody”" in response.text
    assert f"{reverse('quotes')}?q=Nobody" in response.text


def test_speakers_with_nothing_public_stay_hidden_from_a_search(client, people):
    make_speaker(name="Dmitry Unquoted")
    assert "Dmitry Unquoted" not in names(client.get(SPEAKERS, {"q": "dmitry"}))


def test_the_pages_of_a_search_keep_the_search(client):
    for number in range(SPEAKERS_PER_PAGE + 1):
        make_quote(speaker=make_speaker(name=f"Anna Example {number:03}"))
    make_quote(speaker=make_speaker(name="Someone Else"))
    response = client.get(SPEAKERS, {"q": "anna"})
    assert response.context["page"].paginator.count == SPEAKERS_PER_PAGE + 1
    assert 'href="?q=anna&amp;page=2"' in response.text
    second = client.get(SPEAKERS, {"q": "anna", "page": "2"})
    assert names(second) == [f"Anna Example {SPEAKERS_PER_PAGE:03}"]


@pytest.mark.parametrize(
    ("value", "message"),
    [("x" * 101, "at most 100 characters"), ("Pes\x00kov", "Null characters are not allowed")],
)
def test_odd_input_is_a_400_naming_the_problem(client, people, value, message):
    response = client.get(SPEAKERS, {"q": value})
    assert response.status_code == 400
    assert message in response.text
    assert 'aria-invalid="true"' in response.text


def test_an_empty_search_lists_everyone(client, people):
    response = client.get(SPEAKERS, {"q": "   "})
    assert len(names(response)) == 4
    assert "matching" not in response.text
