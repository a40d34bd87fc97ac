"""A word search reads quotes through the stored document's GIN index, never by scanning the quotes
table; it keeps its meaning on both databases (every word must match the quote, its attribution or
a speaker's name; stop words are ignored); and a list longer than the cap says "1,000+"."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stances import pagination
from stances.models import Quote, Speaker
from stances.search import DOCUMENT_INDEX, StoredDocument, quote_search_document
from tests.factories import make_article, make_quote, make_speaker

pytestmark = pytest.mark.django_db

QUOTES = reverse("quotes")
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has no tsvector, GIN index or EXPLAIN plans to compare: search falls back there",
)


def listed(client, **params) -> list[Quote]:
    response = client.get(QUOTES, params)
    assert response.status_code == 200, response.text
    return list(response.context["page"].object_list)


# Meaning, on whichever database runs the tests ----------------------------------------------


@pytest.fixture
def cast():
    peskov = make_speaker(name="Dmitry Peskov")
    trump = make_speaker(name="Donald Trump")
    vance = make_speaker(name="JD Vance")
    return {
        "peskov": make_quote(speaker=peskov, text="Nothing can be done within 24 hours"),
        "trump": make_quote(speaker=trump, text="We will make a deal within 24 hours"),
        "vance": make_quote(speaker=vance, about=trump, text="A guarantee of neutral status"),
        "claim": make_quote(
            kind=Quote.Kind.ANONYMOUS,
            about=trump,
            attribution_text="unnamed advisers, cited by the Financial Times",
            text="The plan revises the Minsk agreements",
        ),
    }


def test_every_word_must_match_the_text_the_attribution_or_a_name(client, cast):
    assert set(listed(client, q="Peskov hours")) == {cast["peskov"]}  # a name and the text
    assert set(listed(client, q="Trump Financial")) == {cast["claim"]}  # about, attribution
    assert set(listed(client, q="Vance guarantee")) == {cast["vance"]}
    assert listed(client, q="Peskov deal") == []


def test_a_name_finds_quotes_by_and_about_its_speaker(client, cast):
    assert set(listed(client, q="Trump")) == {cast["trump"], cast["vance"], cast["claim"]}


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's fallback matches every word as a substring, stop words included",
)
def test_stop_words_are_ignored(client, cast):
    assert set(listed(client, q="the deal")) == set(listed(client, q="deal")) == {cast["trump"]}


@on_postgresql
def test_best_matches_come_first_then_the_newest(client):
    article = make_article()
    once = make_quote(article=article, text="A ceasefire now")
    twice = make_quote(article=article, text="A ceasefire, and a ceasefire that holds")
    attributed = make_quote(
        kind=Quote.Kind.ANONYMOUS,
        article=article,
        attribution_text="ceasefire negotiators, cited by the Ledger",
        text="Talks will resume",
    )
    newer_once = make_quote(article=article, text="No ceasefire without talks")

    # More mentions outrank fewer, the quote's words outrank its attribution; ties, newest first.
    assert listed(client, q="ceasefire") == [twice, newer_once, once, attributed]


@on_postgresql
def test_the_stored_document_equals_a_fresh_one_after_every_edit(cast):
    quote = cast["claim"]
    quote.text = "The plan revises the Minsk agreements of 2015"
    quote.attribution_text = "unnamed advisers, cited by Reuters"
    quote.save()

    rows = Quote.objects.annotate(stored=StoredDocument(), fresh=quote_search_document())
    pairs = list(rows.values_list("stored", "fresh"))
    assert len(pairs) == 4
    assert all(stored == fresh for stored, fresh in pairs), pairs


# The plan on PostgreSQL ---------------------------------------------------------------------


QUOTES_AT_SCALE = 3_000


@pytest.fixture
def thousands():
    """3,000 published quotes by 1,000 speakers, a few with a rare word, and fresh statistics:
    with enough rows the planner chooses between an index and a scan as it would in production."""
    speakers = Speaker.objects.bulk_create(
        Speaker(name=f"Ana Okafor {n}", slug=f"okafor-{n}") for n in range(999)
    )
    speakers.append(make_speaker(name="Quillon Rosaska"))
    article = make_article()
    now = timezone.now()
    Quote.objects.bulk_create(
        Quote(
            article=article,
            speaker=speakers[n % len(speakers)],
            text=f"We will keep talking about trade and security, item {n}"
            + (" with an obsidian ceasefire" if n % 500 == 0 else "")
            + (" as part of any ceasefire" if n % 4 == 0 else ""),
            status=Quote.Status.PUBLISHED,
            published_at=now,
        )
        for n in range(QUOTES_AT_SCALE)
    )
    with connection.cursor() as cursor:
        # What autovacuum does in production: GIN's list of pending entries merged, statistics.
        cursor.execute(f"SELECT gin_clean_pending_list('{DOCUMENT_INDEX}'::regclass)")
        cursor.execute("ANALYZE stances_quote")
        cursor.execute("ANALYZE stances_speaker")


def plans_of_a_search(client, terms) -> list[str]:
    """EXPLAIN of every query the quote browser makes on the quotes table for a search."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(QUOTES, {"q": terms}).status_code == 200
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if "search_document" in query["sql"]:
                cursor.execute(f"EXPLAIN {query['sql']}")
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert len(plans) == 2, "a capped count and a page"
    return plans


@on_postgresql
@pytest.mark.parametrize("terms", ["obsidian", "obsidian ceasefire", "the obsidian", "Rosaska"])
def test_a_word_search_reads_the_index_not_the_whole_quotes_table(client, thousands, terms):
    for plan in plans_of_a_search(client, terms):
        assert "Seq Scan on stances_quote" not in plan, plan
        if terms == "Rosaska":  # a name only: the speakers' foreign-key indexes answer
            assert "Bitmap Index Scan on stances_quote_speaker_id" in plan, plan
            assert "Bitmap Index Scan on stances_quote_about_id" in plan, plan
        else:
            assert f"Bitmap Index Scan on {DOCUMENT_INDEX}" in plan, plan


@on_postgresql
def test_the_rank_reads_the_stored_document_without_parsing_the_text_again(client):
    make_quote(text="An obsidian ceasefire")
    with CaptureQueriesContext(connection) as captured:
        client.get(QUOTES, {"q": "obsidian"})
    sql = "\n".join(query["sql"] for query in captured.captured_queries)

    assert "to_tsvector" not in sql
    assert 'ts_rank("stances_quote"."search_document"' in sql


# The capped count ---------------------------------------------------------------------------


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(pagination, "CAP", 30)


@pytest.fixture
def forty_five():
    article = make_article()
    speaker = make_speaker()
    return [
        make_quote(article=article, speaker=speaker, text=f"A ceasefire must hold, part {n}")
        for n in range(45)
    ]


def test_a_total_under_the_cap_is_exact(client, forty_five):
    response = client.get(QUOTES, {"q": "ceasefire"})

    assert "45 quotes" in response.text
    assert "+ quotes" not in response.text
    assert response.context["page"].paginator.num_pages == 3


def test_a_total_past_the_cap_says_so_and_the_pages_stop_there(client, small_cap, forty_five):
    response = client.get(QUOTES)

    assert "30+ quotes" in response.text
    assert "The pages list the first 30. Add a word or a filter" in response.text
    paginator = response.context["page"].paginator
    assert (paginator.count, paginator.num_pages) == (30, 2)


@pytest.mark.parametrize("number", ["3", "99"])
def test_a_page_past_the_cap_shows_the_last_reachable_page(client, small_cap, forty_five, number):
    page = client.get(QUOTES, {"page": number}).context["page"]

    assert page.number == 2
    assert len(page.object_list) == 10


@on_postgresql
def test_a_search_under_the_cap_lists_the_best_match_first(client, forty_five):
    best = forty_five[0]
    best.text = "A ceasefire, and then a ceasefire that holds"
    best.save()

    assert listed(client, q="ceasefire")[0] == best


def test_a_search_past_the_cap_lists_the_newest_first(client, small_cap, forty_five):
    best = forty_five[0]
    best.text = "A ceasefire, and then a ceasefire that holds"
    best.save()

    response = client.get(QUOTES, {"q": "ceasefire"})

    assert "30+ quotes" in response.text
    newest = sorted(forty_five, key=lambda quote: -quote.pk)
    assert list(response.context["page"].object_list) == newest[:20]
    if connection.vendor == "postgresql":  # elsewhere searches are never ranked
        assert "Too many to rank by relevance: the most recently added come first" in response.text


def test_a_search_costs_the_same_queries_under_and_past_the_cap(
    client, forty_five, monkeypatch, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # both searches rendered, not the second read from the cache

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(QUOTES, {"q": "ceasefire"})
        return len(captured)

    under = queries()
    monkeypatch.setattr(pagination, "CAP", 30)
    assert queries() == under


def test_a_large_total_is_written_with_separators():
    paginator = pagination.CappedPaginator(Quote.objects.all(), 20, cap=10_000)
    paginator.counted = 10_001

    assert paginator.count_label == "10,000+"
    paginator = pagination.CappedPaginator(Quote.objects.all(), 20, cap=10_000)
    paginator.counted = 1_234
    assert paginator.count_label == "1,234"
