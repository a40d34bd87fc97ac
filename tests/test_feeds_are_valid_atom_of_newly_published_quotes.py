"""Atom feeds of newly published quotes (all, a speaker's, a topic's): valid Atom, read with a
parser; each entry a published quote at its permalink with its speaker, kind and source; a
retraction an update of its entry; drafts never."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stances.models import Quote
from stances.syndication import feeds
from tests.archive import build_archive
from tests.factories import (
    make_article,
    make_candidacy,
    make_outlet,
    make_quote,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time: full date, "T", time with optional fraction, and "Z" or a numeric offset.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
LONG_AGO = timezone.now() - datetime.timedelta(days=30)


def read_feed(client, url) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return feed


def assert_valid_atom(feed: ET.Element):
    """RFC 4287's required elements, unique entry ids and RFC 3339 dates."""
    for required in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{required}")) == 1, required
    assert feed.findtext(f"{ATOM}title").strip()
    assert RFC3339.match(feed.findtext(f"{ATOM}updated"))
    self_links = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(self_links) == 1
    # Every entry has an author: here the feed's own.
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Stances"
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{required}")) == 1, required
        assert entry.findtext(f"{ATOM}title").strip()
        for date in ("updated", "published"):
            assert RFC3339.match(entry.findtext(f"{ATOM}{date}")), date
        [link] = entry.findall(f"{ATOM}link")
        assert link.get("rel") == "alternate"
        assert link.get("href").startswith("http://testserver/quotes/")
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids))


def entries(feed):
    return feed.findall(f"{ATOM}entry")


def entry_for(feed, quote):
    permalink = f"http://testserver{quote.get_absolute_url()}"
    [entry] = [e for e in entries(feed) if e.find(f"{ATOM}link").get("href") == permalink]
    return entry


def retract(quote, reason="The words were misattributed."):
    quote.status = Quote.Status.RETRACTED
    quote.retraction_reason = reason
    quote.save()
    return quote


def test_the_site_feed_lists_published_quotes_with_their_source(client):
    outlet = make_outlet(name="Financial Ledger")
    article = make_article(outlet=outlet, title="Advisers sketch a <peace> plan")
    speaker = make_speaker(name="Dmitry Peskov")
    quote = make_quote(
        text="Nothing can be done within 24 hours",
        speaker=speaker,
        kind=Quote.Kind.PARAPHRASE,
        article=article,
    )
    make_tag(quote, make_stance(topic=make_topic(name="Russia-Ukraine war")))

    feed = read_feed(client, reverse("syndication:quotes_feed"))

    assert_valid_atom(feed)
    entry = entry_for(feed, quote)
    assert entry.findtext(f"{ATOM}title") == "Dmitry Peskov: Nothing can be done within 24 hours"
    assert entry.findtext(f"{ATOM}id") == f"http://testserver/quotes/{quote.pk}/"
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    content = summary.text
    assert "Paraphrase by Dmitry Peskov" in content
    assert "Nothing can be done within 24 hours" in content
    assert "Advisers sketch a &lt;peace&gt; plan" in content  # escaped once, inside the HTML
    # Absolute: a feed reader shows the content away from the site.
    assert f'href="http://testserver{article.get_absolute_url()}"' in content
    assert "Financial Ledger" in content
    categories = [c.get("term") for c in entry.findall(f"{ATOM}category")]
    assert categories == ["Paraphrase", "Russia-Ukraine war"]


def test_the_newest_published_come_first_and_the_feed_is_bounded(client, monkeypatch):
    monkeypatch.setattr(feeds, "ENTRIES", 3)
    quotes = [
        make_quote(published_at=LONG_AGO + datetime.timedelta(hours=hour)) for hour in range(5)
    ]

    feed = read_feed(client, reverse("syndication:quotes_feed"))

    assert [e.findtext(f"{ATOM}id") for e in entries(feed)] == [
        f"http://testserver/quotes/{q.pk}/" for q in reversed(quotes[2:])
    ]
    assert feed.findtext(f"{ATOM}updated") == entries(feed)[0].findtext(f"{ATOM}updated")


def test_drafts_never_appear_in_any_feed(client):
    speaker = make_speaker()
    make_candidacy(speaker=speaker)
    topic = make_topic()
    draft = make_quote(text="Draft words", speaker=speaker, status=Quote.Status.DRAFT)
    make_tag(draft, make_stance(topic=topic))
    # Retracted before anyone saw it: never published, so never in a feed either.
    unseen = make_quote(
        text="Unseen words",
        speaker=speaker,
        status=Quote.Status.RETRACTED,
        retraction_reason="Wrong speaker.",
    )
    make_tag(unseen, make_stance(topic=topic))

    for url in (
        reverse("syndication:quotes_feed"),
        reverse("syndication:speaker_feed", args=[speaker.slug]),
        reverse("syndication:topic_feed", args=[topic.slug]),
    ):
        feed = read_feed(client, url)
        assert_valid_atom(feed)
        assert entries(feed) == [], url
        assert b"Draft words" not in client.get(url).content


def test_a_retraction_updates_the_entry_and_says_why(client):
    quote = make_quote(text="We will leave the alliance", published_at=LONG_AGO)
    make_tag(quote)
    before = entry_for(read_feed(client, reverse("syndication:quotes_feed")), quote)

    retract(quote, reason="The speaker was misidentified.")
    feed = read_feed(client, reverse("syndication:quotes_feed"))

    assert_valid_atom(feed)
    after = entry_for(feed, quote)
    assert after.findtext(f"{ATOM}id") == before.findtext(f"{ATOM}id")
    assert after.findtext(f"{ATOM}published") == before.findtext(f"{ATOM}published")
    assert after.findtext(f"{ATOM}updated") > before.findtext(f"{ATOM}updated")
    # As on the quote's page: when and why, and the source, but neither words nor speaker.
    assert after.findtext(f"{ATOM}title") == "Retracted quote"
    content = after.findtext(f"{ATOM}summary")
    assert f"retracted this quote on {quote.retracted_at.date().isoformat()}." in content
    assert "Reason: The speaker was misidentified." in content
    assert f"Originally reported in {quote.article.title}" in content
    assert "We will leave the alliance" not in content
    assert quote.speaker.name not in content
    assert after.findall(f"{ATOM}category") == []
    # The entry's link is the quote's permalink, which now explains the retraction.
    assert client.get(quote.get_absolute_url()).status_code == 410


def test_a_retraction_moves_the_entry_to_the_top(client):
    old = make_quote(published_at=LONG_AGO)
    make_quote(published_at=LONG_AGO + datetime.timedelta(days=1))

    retract(old)
    feed = read_feed(client, reverse("syndication:quotes_feed"))

    assert entries(feed)[0].findtext(f"{ATOM}id") == f"http://testserver/quotes/{old.pk}/"


def test_a_speaker_feed_holds_their_words_and_reports_about_them(client):
    trump = make_speaker(name="Donald Trump")
    own = make_quote(speaker=trump)
    about = make_quote(kind=Quote.Kind.ANONYMOUS, about=trump)
    make_quote()  # someone else's

    feed = read_feed(client, reverse("syndication:speaker_feed", args=[trump.slug]))

    assert_valid_atom(feed)
    assert feed.findtext(f"{ATOM}title") == "Donald Trump: newly published quotes · Stances"
    assert {e.findtext(f"{ATOM}id") for e in entries(feed)} == {
        f"http://testserver/quotes/{q.pk}/" for q in (own, about)
    }
    alternate = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "alternate"]
    assert alternate[0].get("href") == f"http://testserver{trump.get_absolute_url()}"
    content = entry_for(feed, about).findtext(f"{ATOM}summary")
    assert "Anonymous-source claim by unnamed officials" in content
    assert "about Donald Trump" in content


def test_a_topic_feed_holds_the_quotes_tagged_on_its_stances(client):
    topic = make_topic(name="Middle East")
    on_topic = make_quote()
    make_tag(on_topic, make_stance(topic=topic))
    make_tag(on_topic, make_stance(topic=topic))  # two stances: still one entry
    make_tag(make_quote(), make_stance())  # another topic

    feed = read_feed(client, reverse("syndication:topic_feed", args=[topic.slug]))

    assert_valid_atom(feed)
    assert [e.findtext(f"{ATOM}id") for e in entries(feed)] == [
        f"http://testserver/quotes/{on_topic.pk}/"
    ]


def test_feeds_of_unknown_or_unpublished_speakers_and_topics_are_not_found(client):
    hidden = make_speaker()
    make_quote(speaker=hidden, status=Quote.Status.DRAFT)

    for url in (
        reverse("syndication:speaker_feed", args=["nobody"]),
        reverse("syndication:speaker_feed", args=[hidden.slug]),
        reverse("syndication:topic_feed", args=["nothing"]),
    ):
        assert client.get(url).status_code == 404, url


def test_speaker_and_topic_pages_announce_their_feeds(client):
    speaker = make_speaker(name="Kamala Harris")
    quote = make_quote(speaker=speaker)
    topic = make_topic(name="Trade")
    make_tag(quote, make_stance(topic=topic))

    speaker_page = client.get(speaker.get_absolute_url()).content.decode()
    topic_page = client.get(topic.get_absolute_url()).content.decode()

    assert (
        '<link rel="alternate" type="application/atom+xml" title="Kamala Harris: newly '
        f'published quotes" href="{reverse("syndication:speaker_feed", args=[speaker.slug])}">'
    ) in speaker_page
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Trade: newly published '
        f'quotes" href="{reverse("syndication:topic_feed", args=[topic.slug])}">'
    ) in topic_page


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), [query["sql"] for query in queries.captured_queries]


FEEDS = {
    "site": (lambda a: reverse("syndication:quotes_feed"), 2),
    "speaker": (lambda a: reverse("syndication:speaker_feed", args=[a.candidates[0].slug]), 3),
    "topic": (lambda a: reverse("syndication:topic_feed", args=[a.topic.slug]), 3),
}


@pytest.mark.parametrize("name", FEEDS)
def test_a_feed_issues_the_same_queries_for_10_and_500_quotes(client, name):
    url_of, pinned = FEEDS[name]
    small = build_archive(10)
    small_count, _ = count_queries(client, url_of(small))
    large = build_archive(500)
    large_count, large_sql = count_queries(client, url_of(large))
    feed = read_feed(client, url_of(large))

    assert_valid_atom(feed)
    assert len(entries(feed)) == feeds.ENTRIES
    assert small_count == large_count, "\n".join(large_sql)
    assert large_count == pinned, "\n".join(large_sql)
