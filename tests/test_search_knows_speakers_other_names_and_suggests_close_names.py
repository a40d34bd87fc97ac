"""A search for a speaker's other name (a transliteration, a nickname) finds that speaker's quotes,
on both databases; a search that finds little offers "did you mean" a close public speaker's name
(pg_trgm's trigram similarity on PostgreSQL, difflib elsewhere), at a bounded cost in queries;
odd input is a clear 400, never a server error."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stances.models import Quote
from tests.factories import make_other_name, make_quote, make_speaker

pytestmark = pytest.mark.django_db

QUOTES = reverse("quotes")


@pytest.fixture
def zelensky():
    speaker = make_speaker(name="Volodymyr Zelensky", slug="volodymyr-zelensky")
    for name in ("Zelenskyy", "Zelenskiy", "Volodymyr Zelenskyy"):
        make_other_name(speaker, name, note="transliteration")
    return speaker


@pytest.fixture
def quotes(zelensky):
    peskov = make_speaker(name="Dmitry Peskov")
    make_other_name(peskov, "Dmitri Peskov", note="transliteration")
    return {
        "own": make_quote(speaker=zelensky, text="Peace through strength is the right way"),
        "about": make_quote(
            kind=Quote.Kind.PARAPHRASE, speaker=peskov, about=zelensky, text="He wants more arms"
        ),
        "other": make_quote(speaker=peskov, text="Nothing can be done within 24 hours"),
    }


def listed(client, **params) -> list[Quote]:
    response = client.get(QUOTES, params)
    assert response.status_code == 200, response.text
    return list(response.context["page"].object_list)


@pytest.mark.parametrize("terms", ["Zelenskyy", "zelenskiy", "Volodymyr Zelenskyy"])
def test_an_other_name_finds_the_quotes_by_and_about_its_speaker(client, quotes, terms):
    assert set(listed(client, q=terms)) == {quotes["own"], quotes["about"]}


def test_an_other_name_combines_with_the_words_of_a_quote(client, quotes):
    assert listed(client, q="Zelenskyy strength") == [quotes["own"]]
    assert listed(client, q="Dmitri hours") == [quotes["other"]]
    assert listed(client, q="Zelenskyy hours") == []


def test_an_other_name_of_a_draft_only_speaker_finds_nothing(client):
    hidden = make_speaker(name="Quinn Hidden")
    make_other_name(hidden, "Kwin Hidden")
    make_quote(speaker=hidden, text="Draft words", status=Quote.Status.DRAFT)

    assert listed(client, q="Kwin") == []


def test_the_api_search_knows_other_names_too(client, quotes):
    response = client.get(reverse("api:quotes"), {"q": "Zelenskyy"})

    assert response.status_code == 200
    texts = {quote["text"] for quote in response.json()["results"]}
    assert texts == {quotes["own"].text, quotes["about"].text}


# Did you mean ------------------------------------------------------------------------------


def suggestion(client, **params):
    response = client.get(QUOTES, params)
    assert response.status_code == 200, response.text
    return response, response.context["did_you_mean"]


def test_a_misspelt_name_that_finds_nothing_is_offered_the_close_name(client, quotes):
    response, offered = suggestion(client, q="Zelenskey")

    assert response.context["page"].paginator.count == 0
    assert offered["terms"] in {"Zelensky", "Zelenskyy", "Zelenskiy"}
    assert offered["speakers"] == ("Volodymyr Zelensky",)
    assert set(listed(client, q=offered["terms"])) == {quotes["own"], quotes["about"]}
    assert "Did you mean" in response.text
    assert f'href="?q={offered["terms"]}"' in response.text


def test_the_offer_keeps_the_other_words_and_filters(client, quotes):
    _, offered = suggestion(client, q="Peskof hours", kind="direct", page="2")

    assert offered["terms"] == "Peskov hours"
    assert offered["url"] == "?q=Peskov+hours&kind=direct"


def test_no_offer_when_the_search_finds_enough_or_no_name_is_close(client, quotes):
    for n in range(3):
        make_quote(speaker=quotes["other"].speaker, text=f"Talks about talks, part {n}")

    assert suggestion(client, q="Talks")[1] is None  # three found: enough
    assert suggestion(client, q="Zelensky")[1] is None  # a name already
    assert suggestion(client, q="obsidian")[1] is None  # nothing close
    assert suggestion(client)[1] is None  # no search
    assert "Did you mean" not in client.get(QUOTES, {"q": "obsidian"}).text


def test_a_draft_only_speakers_name_is_never_offered(client, quotes):
    hidden = make_speaker(name="Quinn Hiddenstone")
    make_quote(speaker=hidden, text="Draft words", status=Quote.Status.DRAFT)

    assert suggestion(client, q="Hiddenstome")[1] is None


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_trgm is PostgreSQL's: SQLite compares words with difflib instead",
)
def test_on_postgresql_the_offer_reads_trigram_similarity(client, quotes):
    with CaptureQueriesContext(connection) as captured:
        _, offered = suggestion(client, q="Zelenskey")

    assert offered is not None
    assert any("WORD_SIMILARITY(" in query["sql"].upper() for query in captured.captured_queries)


def test_the_offer_costs_at_most_one_query_per_word_looked_up(client, quotes, settings):
    settings.PAGE_CACHE_SECONDS = 0

    def queries(terms):
        with CaptureQueriesContext(connection) as captured:
            client.get(QUOTES, {"q": terms})
        return len(captured)

    none = queries("xyz")  # finds nothing, too short to look up
    one = queries("Zelenskey")
    many = queries("Zelenskey Peskof Putim Harriss Trumpp Vancee")

    assert one == none + 1
    assert many == none + 3  # the first three words only


@pytest.mark.parametrize(
    "terms", ["Zelensk\x00yy", "Zelenskyy" * 100, "%_\\", "'; DROP TABLE x; --", "ççç ŭŭŭ"]
)
def test_odd_searches_answer_clearly(client, quotes, terms):
    response = client.get(QUOTES, {"q": terms})

    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "Search words" in response.text
