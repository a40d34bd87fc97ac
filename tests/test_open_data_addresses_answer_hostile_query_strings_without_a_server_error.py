"""The open-data surfaces (API, CSV, feeds, sitemap, Popolo, share images, embeds, reuse) and the
sign-in pages answer hostile query strings, NUL bytes above all, without a server error: PostgreSQL
refuses a NUL in text, so a value that reaches a query unchecked is a 500 there."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.archive import build_archive
from tests.test_query_strings_never_cause_a_server_error import HOSTILE_VALUES as ALL_VALUES

pytestmark = pytest.mark.django_db

API_QUOTE_PARAMS = [
    "q",
    "speaker",
    "holder",
    "topic",
    "stance",
    "alignment",
    "kind",
    "outlet",
    "election",
    "said_after",
    "said_before",
    "article",
]
# The values a query can trip over (the page tests try every one on the readers' pages).
HOSTILE_VALUES = {
    name: ALL_VALUES[name]
    for name in (
        "nul",
        "nul inside",
        "invalid utf-8",
        "very long",
        "sql like wildcards",
        "huge number",
        "date far future",
        "unicode",
    )
}
# What any API list reads besides its filters (DRF's own too: format).
API_LIST_PARAMS = ["cursor", "page_size", "format"]


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


@pytest.fixture
def archive():
    return build_archive(10)


def open_data_urls(a):
    """Every open-data address, with the query parameters it reads (and a few it might)."""
    speaker, topic = a.candidates[0], a.topic
    return {
        reverse("api:index"): ["format"],
        reverse("api:openapi"): ["format", "lang"],
        reverse("api:docs"): [],
        reverse("api:elections"): API_LIST_PARAMS,
        reverse("api:election", args=[a.election.slug]): ["format"],
        reverse("api:election-grid", args=[a.election.slug]): ["topic", "format"],
        reverse("api:speakers"): API_LIST_PARAMS,
        reverse("api:speaker", args=[speaker.slug]): ["format"],
        reverse("api:topics"): API_LIST_PARAMS,
        reverse("api:topic", args=[topic.slug]): ["format"],
        reverse("api:stances"): API_LIST_PARAMS,
        reverse("api:stance", args=[a.stance.slug]): ["format"],
        reverse("api:outlets"): API_LIST_PARAMS,
        reverse("api:outlet", args=[a.outlet.slug]): ["format"],
        reverse("api:articles"): API_LIST_PARAMS,
        reverse("api:article", args=[a.article.pk]): ["format"],
        reverse("api:quotes"): [*API_LIST_PARAMS, *API_QUOTE_PARAMS],
        reverse("api:quote", args=[a.quote.pk]): ["format"],
        reverse("syndication:quotes_csv"): [*API_QUOTE_PARAMS[:-1], "page"],
        reverse("syndication:quotes_feed"): [],
        reverse("syndication:speaker_feed", args=[speaker.slug]): [],
        reverse("syndication:topic_feed", args=[topic.slug]): [],
        reverse("syndication:sitemap"): ["p"],
        reverse("syndication:sitemap_section", args=["quotes"]): ["p"],
        reverse("syndication:robots"): [],
        reverse("sharing:popolo"): [],
        reverse("sharing:site_image"): [],
        reverse("sharing:quote_image", args=[a.quote.pk]): [],
        reverse("embeds:election", args=[a.election.slug]): ["running_mates", "topic"],
        reverse("embeds:topic", args=[topic.slug]): ["running_mates"],
        reverse("embeds:position", args=[speaker.slug, a.stance.slug]): [],
        reverse("reuse"): [],
        reverse("admin:login"): ["next"],
        reverse("admin:logout"): ["next"],
    }


def assert_no_server_error(client, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code < 500, f"{url}?{query[:200]} answered {response.status_code}"
    return response


@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_a_hostile_value_in_any_parameter_is_not_a_server_error(anonymous, archive, value):
    everything = sorted({p for params in open_data_urls(archive).values() for p in params})
    for url, params in open_data_urls(archive).items():
        assert_no_server_error(anonymous, url, "&".join(f"{p}={value}" for p in everything))
        for param in params:
            assert_no_server_error(anonymous, url, f"{param}={value}")


@pytest.mark.parametrize(
    "path",
    [
        "/api/speakers/a%00b/",
        "/api/quotes/%00/",
        "/api/elections/x/grid/%00/",
        "/feeds/speakers/%00.atom",
        "/sitemap-%00.xml",
        "/embed/topics/%00/",
        "/quotes/%00/share.png",
        "/speakers/%00/",
        "/%00",
    ],
)
def test_a_nul_byte_in_the_path_is_not_a_server_error(anonymous, archive, path):
    assert_no_server_error(anonymous, path, "")


@pytest.mark.parametrize("param", ["speaker", "topic", "q"])
def test_a_nul_byte_in_a_csv_filter_is_a_400(anonymous, archive, param):
    response = assert_no_server_error(anonymous, reverse("syndication:quotes_csv"), f"{param}=x%00")

    assert response.status_code == 400
