"""The embeds may be framed by any site, whether rendered, served again or answered with a 304;
every other page keeps X-Frame-Options DENY and frame-ancestors 'none'."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.archive import build_archive
from tests.test_every_response_carries_the_security_headers import (
    REQUIRED_DIRECTIVES,
    assert_security_headers,
    directives,
)
from tests.test_query_strings_never_cause_a_server_error import public_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return build_archive(10)


def embed_urls(a):
    return [
        reverse("embeds:election", args=[a.election.slug]),
        reverse("embeds:election", args=[a.election.slug]) + "?running_mates=on",
        reverse("embeds:topic", args=[a.topic.slug]),
        reverse("embeds:position", args=[a.candidates[0].slug, a.stance.slug]),
    ]


def assert_frameable(response, where: str):
    assert response.status_code in (200, 304), where
    assert "X-Frame-Options" not in response.headers, f"{where}: {response['X-Frame-Options']}"
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["*"], where
    # Everything else is the site's strict policy, unchanged.
    for name, value in REQUIRED_DIRECTIVES.items():
        if name != "frame-ancestors":
            assert policy.get(name) == [value], f"{where}: {name} is {policy.get(name)}"
    assert set(policy) == set(settings.SECURE_CSP), where
    assert "Permissions-Policy" in response.headers, where


def assert_not_frameable(response, where: str):
    assert response.headers.get("X-Frame-Options") == "DENY", where
    assert directives(response.headers["Content-Security-Policy"])["frame-ancestors"] == [
        "'none'"
    ], where


def test_every_embed_may_be_framed_by_any_site(client, archive):
    for url in embed_urls(archive):
        assert_frameable(client.get(url), url)


def test_an_embed_served_a_second_time_may_still_be_framed(client, archive):
    for url in embed_urls(archive):
        client.get(url)
        assert_frameable(client.get(url), f"{url} again")
        assert_frameable(client.get(url, HTTP_ACCEPT_ENCODING="gzip"), f"{url} gzip")


def test_an_embeds_304_may_still_be_framed(client, archive):
    """A 304's headers replace those the browser kept: a 304 saying 'none' would block the
    frame the next time the reader's browser checks it."""
    for url in embed_urls(archive):
        first = client.get(url)
        revalidated = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert revalidated.status_code == 304, url
        assert_frameable(revalidated, f"{url} 304")


def test_an_embed_still_answers_200_when_its_content_changed(client, archive):
    url = embed_urls(archive)[0]
    response = client.get(url, HTTP_IF_NONE_MATCH='"not-the-current-one"')
    assert response.status_code == 200
    assert_frameable(response, url)


def test_an_editor_sees_embeds_frameable_too(editor_client, archive):
    for url in embed_urls(archive):
        assert_frameable(editor_client.get(url), url)


def test_every_other_public_page_refuses_to_be_framed(client, archive):
    urls = [*public_urls(archive), reverse("healthz"), "/no-such-page/", "/embed/"]
    for url in urls:
        response = Client(raise_request_exception=False).get(url)
        assert_not_frameable(response, url)
        if response.status_code == 200:
            assert_security_headers(response, url)
        # Served again (from the page cache, for readers), still not frameable.
        assert_not_frameable(client.get(url), f"{url} again")


def test_the_pages_offering_embed_code_are_not_frameable_themselves(client, archive):
    for url in (archive.election.get_absolute_url(), archive.topic.get_absolute_url()):
        response = client.get(url)
        assert b"embed-code" in response.content
        assert_not_frameable(response, url)


def test_an_embed_of_something_unknown_is_a_404(client, archive):
    urls = [
        reverse("embeds:election", args=["no-such-election"]),
        reverse("embeds:topic", args=["no-such-topic"]),
        reverse("embeds:position", args=["no-such-speaker", archive.stance.slug]),
        reverse("embeds:position", args=[archive.candidates[0].slug, "no-such-stance"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_a_hostile_running_mates_value_is_not_an_error(client, archive):
    url = reverse("embeds:election", args=[archive.election.slug])
    for value in ("\x00", "yes%00", "<script>", "on" * 5000):
        response = client.get(url, {"running_mates": value})
        assert response.status_code == 200, value
