"""sitemap.xml: an index of one sitemap per kind of page, each split into pages of at most the
protocol's 50,000 addresses, listing the pages readers can open and no other; robots.txt keeps
crawlers out of the admin and names the sitemap."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stances.models import Quote
from stances.syndication import sitemaps
from tests.archive import build_archive
from tests.factories import (
    make_article,
    make_candidacy,
    make_election,
    make_outlet,
    make_quote,
    make_speaker,
    make_topic,
)

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE = "http://testserver"


def read_xml(client, url) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def section_urls(client) -> list[str]:
    index = read_xml(client, reverse("syndication:sitemap"))
    assert index.tag == f"{SM}sitemapindex"
    return [loc.text for loc in index.iter(f"{SM}loc")]


def listed(client) -> set[str]:
    """Every address in every page of every section, as paths."""
    paths = set()
    for url in section_urls(client):
        urlset = read_xml(client, url.removeprefix(SITE))
        assert urlset.tag == f"{SM}urlset"
        for loc in urlset.iter(f"{SM}loc"):
            assert loc.text.startswith(SITE + "/")
            paths.add(loc.text.removeprefix(SITE))
    return paths


def retracted(quote):
    quote.status = Quote.Status.RETRACTED
    quote.retraction_reason = "Misattributed."
    quote.save()
    return quote


def test_the_index_names_one_sitemap_per_kind_of_page(client):
    assert section_urls(client) == [
        f"{SITE}/sitemap-{section}.xml"
        for section in (
            "pages",
            "elections",
            "election-questionnaires",
            "topics",
            "speakers",
            "quotes",
            "articles",
            "outlets",
        )
    ]


def test_public_pages_are_listed(client):
    election = make_election()
    candidate = make_speaker()
    make_candidacy(election=election, speaker=candidate)  # a candidate's page, quotes or not
    topic = make_topic()
    outlet = make_outlet()
    article = make_article(outlet=outlet)
    quote = make_quote(article=article)
    reported = make_speaker()
    make_quote(kind=Quote.Kind.ANONYMOUS, about=reported, article=article)

    paths = listed(client)

    assert {
        reverse("home"),
        reverse("match"),
        reverse("topics"),
        reverse("speakers"),
        reverse("quotes"),
        reverse("articles"),
        election.get_absolute_url(),
        reverse("election_match", args=[election.slug]),
        candidate.get_absolute_url(),
        topic.get_absolute_url(),
        quote.get_absolute_url(),
        quote.speaker.get_absolute_url(),
        reported.get_absolute_url(),
        article.get_absolute_url(),
        outlet.get_absolute_url(),
    } <= paths
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_drafts_and_retractions_are_never_listed_nor_what_only_they_cite(client):
    outlet = make_outlet()
    article = make_article(outlet=outlet)
    speaker = make_speaker()
    draft = make_quote(speaker=speaker, article=article, status=Quote.Status.DRAFT)
    gone = retracted(make_quote(speaker=speaker, article=article))

    paths = listed(client)

    for hidden in (draft, gone, speaker, article, outlet):
        assert hidden.get_absolute_url() not in paths
    assert not any(path.startswith("/quotes/") and path != "/quotes/" for path in paths)


def test_quotes_and_articles_say_when_they_last_changed(client):
    article = make_article()
    make_quote(article=article)
    later = make_quote(article=article)
    edited = timezone.now() + datetime.timedelta(days=3)
    Quote.objects.filter(pk=later.pk).update(updated_at=edited)
    day = edited.date()

    for section, page in (("quotes", later), ("articles", article)):
        urlset = read_xml(client, reverse("syndication:sitemap_section", args=[section]))
        lastmods = {
            url.findtext(f"{SM}loc"): url.findtext(f"{SM}lastmod")
            for url in urlset.iter(f"{SM}url")
        }
        assert lastmods[SITE + page.get_absolute_url()] == day.isoformat(), section
    index = read_xml(client, reverse("syndication:sitemap"))
    lastmods = {
        item.findtext(f"{SM}loc").rsplit("-", 1)[1]: item.findtext(f"{SM}lastmod")
        for item in index.iter(f"{SM}sitemap")
    }
    assert lastmods["quotes.xml"].startswith(day.isoformat())
    assert lastmods["articles.xml"].startswith(day.isoformat())
    assert lastmods["topics.xml"] is None  # not known without reading every quote


def test_a_section_longer_than_the_limit_is_split_into_pages(client, monkeypatch):
    monkeypatch.setattr(sitemaps.QuoteSitemap, "limit", 2)
    quotes = [make_quote() for _ in range(5)]

    urls = section_urls(client)
    pages = [url for url in urls if "sitemap-quotes.xml" in url]

    assert pages == [
        f"{SITE}/sitemap-quotes.xml",
        f"{SITE}/sitemap-quotes.xml?p=2",
        f"{SITE}/sitemap-quotes.xml?p=3",
    ]
    found = []
    for page in pages:
        urlset = read_xml(client, page.removeprefix(SITE))
        found.extend(loc.text for loc in urlset.iter(f"{SM}loc"))
    assert found == [f"{SITE}{q.get_absolute_url()}" for q in quotes]


def test_the_protocol_limit_holds_by_default():
    for section in sitemaps.SECTIONS.values():
        assert section.limit == 50_000


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-nothing.xml",
        "/sitemap-quotes.xml?p=2",
        "/sitemap-quotes.xml?p=0",
        "/sitemap-quotes.xml?p=two",
        "/sitemap-quotes.xml?p=%00",
        "/sitemap-quotes.xml?p=-1",
        "/sitemap-quotes.xml?p=1e9",
        "/sitemap-quotes.xml?p=" + "9" * 40,
        "/sitemap-quotes.xml?p=%ff%fe",
    ],
)
def test_a_section_or_page_that_does_not_exist_is_not_found(client, url):
    make_quote()

    assert client.get(url).status_code == 404


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /quotes.csv" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


def test_robots_txt_names_the_sitemap_at_the_address_it_was_asked_on(client, settings):
    settings.ALLOWED_HOSTS = ["stances.example.org"]

    response = client.get("/robots.txt", headers={"host": "stances.example.org"}, secure=True)

    assert "Sitemap: https://stances.example.org/sitemap.xml" in response.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), [query["sql"] for query in queries.captured_queries]


# The index counts each section (and reads two sections' latest change); a section reads its
# count and its page.
URLS = {
    "index": ("/sitemap.xml", 10),
    **{
        section: (f"/sitemap-{section}.xml", 0 if section == "pages" else 2)
        for section in sitemaps.SECTIONS
    },
    "robots": ("/robots.txt", 0),
}


@pytest.mark.parametrize("name", URLS)
def test_sitemaps_and_robots_issue_the_same_queries_for_10_and_500_quotes(client, name):
    url, pinned = URLS[name]
    build_archive(10)
    small_count, _ = count_queries(client, url)
    build_archive(500)
    large_count, large_sql = count_queries(client, url)

    assert small_count == large_count, "\n".join(large_sql)
    assert large_count == pinned, "\n".join(large_sql)
