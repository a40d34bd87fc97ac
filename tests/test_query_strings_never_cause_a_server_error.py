"""Whatever a query string holds (NUL bytes, huge or repeated values, odd unicode, SQL-like text,
absurd page numbers), every public page answers it without a server error."""

from urllib.parse import quote as urlquote

import pytest
from django.test import Client
from django.urls import reverse

from tests.archive import build_archive

pytestmark = pytest.mark.django_db

# Raw, already-encoded values: some are not valid once decoded (NUL, lone UTF-8 bytes).
HOSTILE_VALUES = {
    "nul": "%00",
    "nul inside": "trump%00harris",
    "only nul bytes": "%00%00%00",
    "very long": "x" * 5000,
    "very long words": "+".join(["ceasefire"] * 500),
    "unicode": urlquote("Зеленский 日本語 🇺🇦 \u202eevil"),
    "invalid utf-8": "%ff%fe%c3%28",
    "sql": urlquote("' OR 1=1; DROP TABLE stances_quote; --"),
    "sql like wildcards": urlquote("%_%\\"),
    "search syntax": urlquote('"unclosed -not or & | ! :* <-> ('),
    "stopwords only": "the+and+of",
    "negative number": "-1",
    "huge number": "9" * 40,
    "float": "1e9",
    "empty": "",
    "spaces": "+++",
    "date garbage": "2024-02-30",
    "date far future": "99999-12-31",
    "date zero": "0000-00-00",
    "boolean-ish": "maybe",
    "html": urlquote('<script>alert("x")</script>'),
}

QUOTE_BROWSER_PARAMS = [
    "q",
    "speaker",
    "topic",
    "stance",
    "alignment",
    "kind",
    "outlet",
    "election",
    "said_after",
    "said_before",
    "page",
]
ALL_PARAMS = [*QUOTE_BROWSER_PARAMS, "speakers", "topics", "running_mates"]


@pytest.fixture
def anonymous():
    """A reader whose requests come back as responses even when the view raises."""
    return Client(raise_request_exception=False)


@pytest.fixture
def archive():
    return build_archive(10)


def public_urls(a):
    """Every public page, with the query parameters it reads."""
    return {
        reverse("home"): ["running_mates"],
        a.election.get_absolute_url(): ["running_mates"],
        reverse("compare"): ["speakers", "topics"],
        reverse("topics"): [],
        a.topic.get_absolute_url(): [],
        reverse("speakers"): ["page", "q"],
        a.candidates[0].get_absolute_url(): ["page"],
        reverse("election_topic", args=[a.election.slug, a.topic.slug]): ["running_mates"],
        reverse("quotes"): QUOTE_BROWSER_PARAMS,
        a.quote.get_absolute_url(): [],
        reverse("articles"): ["page"],
        a.article.get_absolute_url(): [],
        a.outlet.get_absolute_url(): ["page"],
        # Where do I stand?: an answer and its importance, keyed by the stance's id.
        reverse("match"): [f"s{a.stance.pk}", f"w{a.stance.pk}"],
        reverse("election_match", args=[a.election.slug]): [f"s{a.stance.pk}", f"w{a.stance.pk}"],
    }


def assert_no_server_error(client, url, query):
    response = client.get(f"{url}?{query}")
    assert response.status_code < 500, f"{url}?{query[:200]} answered {response.status_code}"
    return response


@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_a_hostile_value_in_any_parameter_is_not_a_server_error(anonymous, archive, value):
    for url, params in public_urls(archive).items():
        # Every parameter at once, then each one a page reads on its own (alone, a value that
        # passes validation reaches the database instead of being stopped by a sibling's error).
        assert_no_server_error(anonymous, url, "&".join(f"{p}={value}" for p in ALL_PARAMS))
        for param in params:
            assert_no_server_error(anonymous, url, f"{param}={value}")


@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_a_hostile_value_beside_valid_filters_is_not_a_server_error(anonymous, archive, value):
    trump, harris = archive.candidates
    valid_compare = f"speakers={trump.slug}&speakers={harris.slug}"
    assert_no_server_error(anonymous, reverse("compare"), f"{valid_compare}&speakers={value}")
    assert_no_server_error(anonymous, reverse("compare"), f"{valid_compare}&topics={value}")
    for param in QUOTE_BROWSER_PARAMS:
        assert_no_server_error(
            anonymous, reverse("quotes"), f"speaker={trump.slug}&q=ceasefire&{param}={value}"
        )


def test_a_nul_byte_in_the_search_is_a_400_with_the_reason(anonymous, archive):
    response = assert_no_server_error(anonymous, reverse("quotes"), "q=cease%00fire")

    assert response.status_code == 400
    assert "Null characters are not allowed." in response.text


@pytest.mark.parametrize("param", ["speaker", "topic", "stance", "outlet", "election"])
def test_a_nul_byte_in_a_choice_is_a_400(anonymous, archive, param):
    response = assert_no_server_error(anonymous, reverse("quotes"), f"{param}=trump%00")

    assert response.status_code == 400
    assert "Null characters are not allowed." in response.text


@pytest.mark.parametrize("param", ["speakers", "topics"])
def test_a_nul_byte_in_the_comparison_choice_is_a_400(anonymous, archive, param):
    trump, harris = archive.candidates
    query = f"speakers={trump.slug}&speakers={harris.slug}&{param}=x%00"
    response = assert_no_server_error(anonymous, reverse("compare"), query)

    assert response.status_code == 400
    assert "Null characters are not allowed." in response.text


def test_one_speaker_repeated_a_hundred_times_is_one_speaker(anonymous, archive):
    trump = archive.candidates[0]
    response = assert_no_server_error(
        anonymous, reverse("compare"), "&".join([f"speakers={trump.slug}"] * 100)
    )

    assert response.status_code == 400
    assert "you chose 1" in response.text


def test_a_hundred_different_speakers_is_a_400(anonymous, archive):
    query = "&".join(f"speakers=speaker-{i}" for i in range(100))
    response = assert_no_server_error(anonymous, reverse("compare"), query)

    assert response.status_code == 400


def test_more_parameters_than_allowed_is_a_400_not_a_500(anonymous, archive):
    query = "&".join(f"speakers=s{i}" for i in range(1500))
    for url, params in public_urls(archive).items():
        response = assert_no_server_error(anonymous, url, query)
        # Django refuses the query string when a page reads it; others never parse it.
        assert response.status_code == (400 if params else 200), url


@pytest.mark.parametrize(
    "query",
    [
        "speaker[]=x&speaker[]=y",
        "speaker=a&speaker=b&speaker=c",
        "page=1&page=2&page=-5",
        "%00=1",
        "=&&&=&",
        "q",
        "running_mates=on&running_mates=off&running_mates=%00",
        "said_after=2024-01-01&said_after=2024-12-31&said_before=2024-06-01",
    ],
)
def test_odd_query_string_shapes_are_not_a_server_error(anonymous, archive, query):
    for url in public_urls(archive):
        assert_no_server_error(anonymous, url, query)


@pytest.mark.parametrize("page", ["-1", "0", "999999", "abc", "%00", "1.5"])
def test_odd_page_numbers_show_a_page(anonymous, archive, page):
    for url in (reverse("quotes"), reverse("articles"), archive.outlet.get_absolute_url()):
        response = assert_no_server_error(anonymous, url, f"page={page}")
        assert response.status_code == 200


def test_running_mates_maybe_shows_the_comparison(anonymous, archive):
    response = assert_no_server_error(anonymous, reverse("home"), "running_mates=maybe")

    assert response.status_code == 200
