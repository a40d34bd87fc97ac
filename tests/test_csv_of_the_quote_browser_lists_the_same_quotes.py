"""The quote browser's results as a CSV file: the same filters and validation as the page, one row
per published quote with its source and stances, streamed."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stances import outages
from stances.models import Quote, StanceTag
from stances.syndication import downloads
from tests.archive import build_archive
from tests.factories import (
    make_article,
    make_outlet,
    make_quote,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
)
from tests.test_query_strings_never_cause_a_server_error import (
    HOSTILE_VALUES,
    QUOTE_BROWSER_PARAMS,
)

pytestmark = pytest.mark.django_db

CSV_URL = reverse("syndication:quotes_csv")


def body_of(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def rows_of(response) -> list[dict]:
    text = body_of(response)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_the_file_is_a_streamed_utf8_csv_download_with_a_header_row(client):
    make_quote(text="Мы готовы к переговорам — “at once”")

    response = client.get(CSV_URL)

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="stances-quotes.csv"'
    text = body_of(response)
    # A byte-order mark, so that spreadsheet programs read UTF-8 rather than a legacy encoding.
    assert text.startswith("\ufeffquote_id,permalink,text,kind,speaker,about,attribution,")
    assert next(csv.reader(io.StringIO(text.removeprefix("\ufeff")))) == downloads.COLUMNS
    assert "Мы готовы к переговорам — “at once”" in text


def test_a_row_carries_the_quote_its_source_and_its_stances(client):
    outlet = make_outlet(name="Financial Ledger")
    article = make_article(
        outlet=outlet,
        title="Advisers sketch a peace plan",
        url="https://ledger.example/plan",
        published_on=datetime.date(2024, 11, 5),
    )
    trump = make_speaker(name="Donald Trump")
    quote = make_quote(
        kind=Quote.Kind.ANONYMOUS,
        about=trump,
        attribution_text="unnamed Trump advisers, cited by the Financial Ledger",
        text="The plan revises the Minsk agreements",
        article=article,
    )
    topic = make_topic(order=1)
    first = make_stance(topic=topic, statement="Negotiate a quick end to the war", order=1)
    second = make_stance(topic=topic, statement="Meet Putin directly", order=2)
    make_tag(quote, second, alignment=StanceTag.Alignment.OPPOSES)
    make_tag(quote, first, alignment=StanceTag.Alignment.SUPPORTS)

    [row] = rows_of(client.get(CSV_URL))

    assert row == {
        "quote_id": str(quote.pk),
        "permalink": f"http://testserver/quotes/{quote.pk}/",
        "text": "The plan revises the Minsk agreements",
        "kind": "anonymous",
        "speaker": "",
        "about": "Donald Trump",
        "attribution": "unnamed Trump advisers, cited by the Financial Ledger",
        "date_said": "2024-11-05",
        "date_is_the_report_date": "yes",
        "article_title": "Advisers sketch a peace plan",
        "outlet": "Financial Ledger",
        "article_date": "2024-11-05",
        "article_url": "https://ledger.example/plan",
        "stances": "supports: Negotiate a quick end to the war | opposes: Meet Putin directly",
    }


def test_a_known_date_said_is_not_the_report_date(client):
    article = make_article(published_on=datetime.date(2024, 11, 5), outlet=None)
    make_quote(said_on=datetime.date(2023, 5, 1), article=article, speaker=make_speaker())

    [row] = rows_of(client.get(CSV_URL))

    assert row["date_said"] == "2023-05-01"
    assert row["date_is_the_report_date"] == "no"
    assert row["article_date"] == "2024-11-05"
    assert row["outlet"] == ""


def test_only_published_quotes_are_in_the_file(client):
    published = make_quote(text="Published words")
    make_quote(text="Draft words", status=Quote.Status.DRAFT)
    retracted = make_quote(text="Retracted words")
    retracted.status = Quote.Status.RETRACTED
    retracted.retraction_reason = "Misattributed."
    retracted.save()

    rows = rows_of(client.get(CSV_URL))

    assert [row["quote_id"] for row in rows] == [str(published.pk)]


def test_the_filters_narrow_the_file_as_they_narrow_the_page(client):
    archive = build_archive(60)
    trump = archive.candidates[0]
    query = f"?speaker={trump.slug}&topic={archive.topic.slug}&alignment=supports&kind=direct"

    rows = rows_of(client.get(CSV_URL + query))
    page = client.get(reverse("quotes") + query)

    listed = [quote.pk for quote in page.context["page"].object_list]
    assert rows
    assert [int(row["quote_id"]) for row in rows] == listed
    assert {row["kind"] for row in rows} == {"direct"}


def test_a_search_lists_every_match_newest_first(client):
    older = make_quote(text="A ceasefire now")
    newer = make_quote(text="No ceasefire yet")
    make_quote(text="Something else")

    rows = rows_of(client.get(CSV_URL + "?q=ceasefire"))

    assert [int(row["quote_id"]) for row in rows] == [newer.pk, older.pk]


@pytest.mark.parametrize(
    "query",
    [
        "?speaker=nobody-by-this-name",
        "?kind=rumour",
        "?said_after=yesterday",
        "?said_after=2024-05-01&said_before=2024-01-01",
        "?q=%00",
        "?holder=nobody",
        "?alignment=loves",
    ],
)
def test_filters_the_page_refuses_give_a_400_with_the_reason(client, query):
    make_quote()

    page = client.get(reverse("quotes") + query)
    response = client.get(CSV_URL + query)

    assert page.status_code == 400
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("These filters could not be used")
    assert "\n- " in text


def test_the_quote_browser_offers_the_file_of_its_current_results(client):
    speaker = make_speaker()
    make_quote(speaker=speaker)

    response = client.get(reverse("quotes") + f"?speaker={speaker.slug}&kind=direct&page=1")

    html = response.content.decode()
    link = f'href="{CSV_URL}?speaker={speaker.slug}&amp;kind=direct">Download these quotes as CSV'
    assert link in html
    assert f"up to {downloads.MAX_ROWS:,}" in html


def test_the_file_holds_at_most_the_row_limit_newest_first(client, monkeypatch):
    monkeypatch.setattr(downloads, "MAX_ROWS", 3)
    article = make_article(published_on=datetime.date(2024, 11, 5))
    quotes = [
        make_quote(article=article, said_on=datetime.date(2024, 1, day)) for day in range(1, 6)
    ]

    response = client.get(CSV_URL)

    assert response["X-Row-Limit"] == "3"
    assert [int(row["quote_id"]) for row in rows_of(response)] == [
        quote.pk for quote in reversed(quotes[2:])
    ]


def test_rows_are_fetched_and_sent_in_chunks(client, monkeypatch):
    monkeypatch.setattr(downloads, "CHUNK_SIZE", 3)
    quotes = [make_quote() for _ in range(7)]
    for quote in quotes:
        make_tag(quote)

    response = client.get(CSV_URL)
    pieces = list(response.streaming_content)

    assert len(pieces) == 1 + 3  # the header, then seven rows three at a time
    rows = list(csv.DictReader(io.StringIO(b"".join(pieces).decode("utf-8-sig"))))
    assert sorted(int(row["quote_id"]) for row in rows) == sorted(q.pk for q in quotes)
    assert all(row["stances"].startswith("supports: Lift the tariffs") for row in rows)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        rows = rows_of(response)
    assert response.status_code == 200
    return len(queries), len(rows), [query["sql"] for query in queries.captured_queries]


# Each query, and the queries it takes: the filters' own look-ups (a speaker, a topic), the
# matches' ids, then per chunk of rows the quotes and their tags.
QUERIES = {
    "all": (lambda a: "", 3),
    "searched": (lambda a: "?q=ceasefire+talks", 3),
    "by kind and date": (lambda a: "?kind=paraphrase&said_after=2020-01-01", 3),
    "by speaker and topic": (
        lambda a: f"?speaker={a.candidates[0].slug}&topic={a.topic.slug}&alignment=supports",
        5,
    ),
}


@pytest.mark.parametrize("query", QUERIES)
def test_the_file_issues_the_same_queries_for_10_and_500_quotes(client, query):
    query_of, pinned = QUERIES[query]
    small = build_archive(10)
    small_count, small_rows, _ = count_queries(client, CSV_URL + query_of(small))
    large = build_archive(500)  # in the same database: over 500 quotes in all
    large_count, large_rows, large_sql = count_queries(client, CSV_URL + query_of(large))

    assert large_rows > small_rows > 0
    assert small_count == large_count, "\n".join(large_sql)
    assert large_count == pinned, "\n".join(large_sql)


def test_a_long_file_takes_two_more_queries_per_chunk_not_per_row(client, monkeypatch):
    monkeypatch.setattr(downloads, "CHUNK_SIZE", 100)
    build_archive(500)

    count, rows, sql = count_queries(client, CSV_URL)

    assert rows > 400
    chunks = -(-rows // 100)
    assert count == 1 + 2 * chunks, "\n".join(sql)


def test_the_article_body_is_not_read_for_the_file(client):
    make_quote(article=make_article(body="The whole article, which the file does not need."))

    with CaptureQueriesContext(connection) as queries:
        rows_of(client.get(CSV_URL))

    assert len(queries) == 3
    for query in queries.captured_queries:
        assert '"articles_article"."body"' not in query["sql"]


@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_a_hostile_value_in_any_filter_is_a_file_or_a_400_never_a_server_error(value):
    archive = build_archive(10)
    reader = Client(raise_request_exception=False)
    for query in (
        "&".join(f"{param}={value}" for param in [*QUOTE_BROWSER_PARAMS, "holder"]),
        *(f"{param}={value}" for param in [*QUOTE_BROWSER_PARAMS, "holder"]),
        f"speaker={archive.candidates[0].slug}&q=ceasefire&q={value}",
    ):
        response = reader.get(f"{CSV_URL}?{query}")
        assert response.status_code in (200, 400), query[:200]
        if response.streaming:  # an error while streaming would cut the file short
            rows = list(csv.reader(io.StringIO(body_of(response).removeprefix("\ufeff"))))
            assert rows[0] == downloads.COLUMNS


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the hang watchdog watches PostgreSQL only"
)
def test_rows_read_while_the_file_is_sent_are_timed_by_the_hang_watchdog(client, monkeypatch):
    monkeypatch.setattr(downloads, "CHUNK_SIZE", 2)
    for _ in range(5):
        make_quote()
    timed = []
    start = outages.watchdog.start

    def start_and_record(wrappers):
        watched = start(wrappers)
        timed.append(watched)
        return watched

    monkeypatch.setattr(outages.watchdog, "start", start_and_record)
    response = client.get(CSV_URL)
    during_the_view = len(timed)
    rows = rows_of(response)

    assert len(rows) == 5
    assert during_the_view == 1  # the request itself (DatabaseHangMiddleware)
    assert len(timed) == 1 + 3  # then each of three chunks, each timed on its own
    assert not any(watched.cut for watched in timed)
