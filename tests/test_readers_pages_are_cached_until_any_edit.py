"""Readers' pages come from a shared cache until anything they show is edited: the next request
after an edit, through a form, an action or a command, is rendered afresh. Editors are never
served a stored page. Pages are compressed and carry an ETag, answered with 304 while unchanged."""

import gzip
import os
import socket
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stances import page_cache
from stances.models import Quote
from tests.factories import make_candidacy, make_quote, make_speaker, make_tag

pytestmark = pytest.mark.django_db

HOME = reverse("home")


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def quote():
    candidacy = make_candidacy()
    quote = make_quote(speaker=candidacy.speaker, text="We will hold the line on sanctions.")
    make_tag(quote=quote)
    return quote


def fetch(client, url, **headers):
    return client.get(url, headers=headers)


def test_a_readers_second_visit_is_served_from_the_cache_without_the_database(reader, quote):
    first = fetch(reader, reverse("quote", args=[quote.pk]))
    with CaptureQueriesContext(connection) as queries:
        second = fetch(reader, reverse("quote", args=[quote.pk]))

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_cached_page_still_carries_every_security_header(reader, quote):
    fetch(reader, HOME)
    hit = fetch(reader, HOME)

    assert hit["X-Page-Cache"] == "hit"
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "X-Frame-Options",
    ):
        assert header in hit, header


def test_saving_a_quote_shows_the_change_on_the_next_request(reader, quote):
    url = reverse("quote", args=[quote.pk])
    fetch(reader, url)

    quote.text = "We will never lift the sanctions."
    quote.save()
    after = fetch(reader, url)

    assert after["X-Page-Cache"] == "miss"
    assert "We will never lift the sanctions." in after.text


def test_an_edit_to_any_content_drops_every_stored_page(reader, quote):
    speakers = reverse("speakers")
    fetch(reader, speakers)
    fetch(reader, HOME)

    speaker = quote.speaker
    speaker.name = "Renamed Person"
    speaker.save()

    assert "Renamed Person" in fetch(reader, speakers).text
    assert fetch(reader, HOME)["X-Page-Cache"] == "miss"


def test_an_editors_bulk_action_drops_stored_pages(reader, editor_client):
    draft = make_quote(status=Quote.Status.DRAFT, text="Words that were a draft until now.")
    make_tag(quote=draft)
    url = reverse("quotes")
    assert "Words that were a draft until now." not in fetch(reader, url).text

    editor_client.post(
        reverse("admin:stances_quote_changelist"),
        {"action": "publish_quotes", "_selected_action": [draft.pk]},
    )

    assert Quote.objects.get(pk=draft.pk).status == Quote.Status.PUBLISHED
    assert "Words that were a draft until now." in fetch(reader, url).text


def test_any_form_an_editor_posts_invalidates_even_without_a_signal(editor_client):
    before = cache.get(page_cache.VERSION_KEY)

    editor_client.post(reverse("admin:stances_quote_changelist"), {"action": "no-such-action"})

    assert cache.get(page_cache.VERSION_KEY) != before


def test_the_version_moves_again_when_the_edit_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_speaker()
        during = cache.get(page_cache.VERSION_KEY)
    for callback in callbacks:
        callback()

    assert page_cache.bump_content_version in callbacks
    assert cache.get(page_cache.VERSION_KEY) > during


def test_editors_are_never_served_a_stored_page(reader, editor_client, quote):
    fetch(reader, HOME)
    assert fetch(reader, HOME)["X-Page-Cache"] == "hit"

    response = fetch(editor_client, HOME)

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_an_editors_visit_does_not_fill_the_cache_for_readers(reader, editor_client, quote):
    fetch(editor_client, HOME)

    assert fetch(reader, HOME)["X-Page-Cache"] == "miss"


def test_pages_are_compressed_for_browsers_that_accept_it(reader, quote):
    plain = fetch(reader, HOME)
    compressed = fetch(reader, HOME, accept_encoding="gzip, deflate, br")
    compressed_again = fetch(reader, HOME, accept_encoding="gzip, deflate, br")

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert compressed_again["X-Page-Cache"] == "hit"
    assert compressed_again["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed_again.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2
    for vary in ("Accept-Encoding", "Cookie"):
        assert vary in compressed["Vary"]


def test_an_unchanged_page_answers_304_to_a_browser_that_has_it(reader, quote):
    first = fetch(reader, HOME)
    etag = first["ETag"]

    again = fetch(reader, HOME, if_none_match=etag)

    assert again.status_code == 304
    assert again.content == b""
    assert "no-cache" in first["Cache-Control"]
    assert "private" not in first["Cache-Control"]


def test_after_an_edit_the_browsers_copy_is_replaced(reader, quote):
    etag = fetch(reader, reverse("quote", args=[quote.pk]))["ETag"]
    quote.text = "Changed words, on the record."
    quote.save()

    response = fetch(reader, reverse("quote", args=[quote.pk]), if_none_match=etag)

    assert response.status_code == 200
    assert "Changed words, on the record." in response.text


@pytest.mark.parametrize(
    "url",
    [reverse("healthz"), reverse("admin:login"), "/no-such-page/", "/speakers/nobody-here/"],
)
def test_admin_pages_health_checks_and_errors_are_never_stored(reader, url):
    fetch(reader, url)

    assert fetch(reader, url).get("X-Page-Cache") != "hit"


def test_each_address_and_query_is_its_own_page(reader, quote):
    fetch(reader, reverse("quotes"))

    filtered = reader.get(reverse("quotes"), {"q": "sanctions"})
    other = reader.get(reverse("quotes"), {"q": "nothing-matches-this"})

    assert filtered["X-Page-Cache"] == "miss"
    assert other["X-Page-Cache"] == "miss"
    assert "We will hold the line on sanctions." not in other.text


def test_a_cache_that_cannot_be_reached_leaves_pages_and_edits_working(settings, reader, quote):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }

    quote.text = "Edited while the cache was away."
    quote.save()
    response = fetch(reader, reverse("quote", args=[quote.pk]))

    assert response.status_code == 200
    assert "Edited while the cache was away." in response.text
    assert "X-Page-Cache" in response


def redis_url() -> str | None:
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except Exception:
        if os.environ.get("CI"):
            raise
        return None
    return url


def test_with_redis_a_page_is_stored_once_and_dropped_by_an_edit(settings, reader, quote):
    url = redis_url()
    if url is None:
        pytest.skip("no Redis on 127.0.0.1:6379 (set REDIS_URL); CI always has one")
    prefix = f"stances-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
        }
    }
    page = reverse("quote", args=[quote.pk])

    assert fetch(reader, page)["X-Page-Cache"] == "miss"
    assert fetch(reader, page)["X-Page-Cache"] == "hit"
    quote.text = "Edited with Redis in between."
    quote.save()
    after = fetch(reader, page)

    assert after["X-Page-Cache"] == "miss"
    assert "Edited with Redis in between." in after.text
    server = cache._cache.get_client(write=True)  # this test's keys only: never FLUSHDB
    server.delete(*server.scan_iter(f"{prefix}:*"))


def test_a_head_request_does_not_store_a_page_without_its_etag(reader, quote):
    reader.head(HOME)

    response = fetch(reader, HOME)
    again = fetch(reader, HOME)

    assert response["X-Page-Cache"] == "miss"
    assert again["X-Page-Cache"] == "hit"
    assert again["ETag"]


def test_after_one_cache_error_the_cache_is_left_alone_for_a_while(monkeypatch, reader, quote):
    calls = []

    def unreachable(*args, **kwargs):
        calls.append(args)
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(cache, "get_many", unreachable)
    statuses = [fetch(reader, HOME).status_code for _ in range(5)]

    assert statuses == [200] * 5
    assert len(calls) == 1


def test_an_edit_made_while_the_cache_was_away_drops_the_pages_when_it_is_back(
    monkeypatch, reader, quote
):
    url = reverse("quote", args=[quote.pk])
    fetch(reader, url)
    assert fetch(reader, url)["X-Page-Cache"] == "hit"

    with monkeypatch.context() as away:
        away.setattr(cache, "incr", lambda *args, **kwargs: (_ for _ in ()).throw(OSError()))
        quote.text = "Edited while the cache could not be told."
        quote.save()
    monkeypatch.setattr(page_cache.breaker, "resting_until", 0)  # the cache answers again
    response = fetch(reader, url)

    assert response["X-Page-Cache"] == "miss"
    assert "Edited while the cache could not be told." in response.text
