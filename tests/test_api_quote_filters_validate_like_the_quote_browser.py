"""The API's quote filters are the quote browser's: the same parameters find the same quotes, and
a value the page refuses is a 400 here too, a JSON object naming the parameter. Whatever a query
string holds (NUL bytes, huge numbers, hand-made cursors), no address under /api/ is a 500."""

import base64
from urllib.parse import quote as urlquote

import pytest
from django.test import Client
from django.urls import reverse

from tests.archive import build_archive
from tests.test_query_strings_never_cause_a_server_error import HOSTILE_VALUES

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return build_archive(40)


def api_ids(client, query):
    """Every quote the API lists for this query, following the pages."""
    ids, url = [], f"{reverse('api:quotes')}?{query}&page_size=7"
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        ids += [quote["id"] for quote in response.json()["results"]]
        url = response.json()["next"]
    return ids


def browser_ids(client, query):
    response = client.get(f"{reverse('quotes')}?{query}")
    assert response.status_code == 200
    return set(response.context["filter"].qs.values_list("pk", flat=True))


def queries(a):
    trump, harris = a.candidates
    return [
        "",
        f"speaker={trump.slug}",
        f"holder={harris.slug}&stance={a.stance.slug}",
        f"topic={a.topic.slug}&alignment=opposes",
        "kind=anonymous",
        "kind=paraphrase&alignment=neutral",
        f"outlet={a.outlet.slug}",
        f"election={a.election.slug}&said_after=2024-10-01",
        "said_before=2024-09-30",
        "q=ceasefire+statement",
        "q=Trump",
        f"speaker={trump.slug}&topic={a.topic.slug}&alignment=supports&said_after=2020-01-01"
        f"&said_before=2024-12-31&election={a.election.slug}",
    ]


def test_each_filter_finds_the_quotes_the_quote_browser_finds(client, archive):
    for query in queries(archive):
        listed = api_ids(client, query)
        assert len(listed) == len(set(listed)), query
        assert set(listed) == browser_ids(client, query), query
        assert listed == sorted(listed, reverse=True), query  # newest recorded first


def test_the_article_filter_lists_an_articles_published_quotes(client, archive):
    listed = api_ids(client, f"article={archive.article.pk}")

    assert set(listed) == set(archive.article.quotes.published().values_list("pk", flat=True))
    assert archive.quote.pk in listed


INVALID = {
    "speaker=nobody": "speaker",
    "holder=nobody": "holder",
    "topic=nothing": "topic",
    "stance=nothing": "stance",
    "outlet=nowhere": "outlet",
    "election=never": "election",
    "alignment=sideways": "alignment",
    "kind=rumour": "kind",
    "said_after=2024-02-30": "said_after",
    "said_before=yesterday": "said_before",
    "said_after=2024-06-01&said_before=2024-01-01": "said_before",
    "q=cease%00fire": "q",
    f"q={'x' * 201}": "q",
    "article=abc": "article",
    "article=99999999999999999999999999": "article",
    "speaker=%00": "speaker",
}


@pytest.mark.parametrize("query", INVALID)
def test_an_invalid_filter_is_a_400_naming_it_as_on_the_page(client, archive, query):
    response = client.get(f"{reverse('api:quotes')}?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    errors = response.json()
    assert list(errors) == [INVALID[query]]
    assert all(isinstance(message, str) and message for message in errors[INVALID[query]])
    if not query.startswith("article"):  # the one filter the page does not have
        assert client.get(f"{reverse('quotes')}?{query}").status_code == 400


def test_a_nul_byte_in_the_search_says_why(client, archive):
    response = client.get(f"{reverse('api:quotes')}?q=cease%00fire")

    assert response.json() == {"q": ["Null characters are not allowed."]}


def cursor(text: str) -> str:
    return urlquote(base64.b64encode(text.encode()).decode())


BAD_CURSORS = {
    "not base64": "%%%",
    "garbage": "zzz",
    "nul": "%00",
    "position with a nul byte": cursor("p=1\x00"),
    "negative offset": cursor("o=-1"),
    "offset not a number": cursor("o=x"),
    "direction not a number": cursor("r=x"),
    "not ascii": urlquote("é"),
}


@pytest.mark.parametrize("value", BAD_CURSORS.values(), ids=BAD_CURSORS.keys())
def test_a_cursor_the_api_did_not_give_out_is_a_400(client, archive, value):
    for name in ("quotes", "articles", "speakers", "elections"):
        response = client.get(f"{reverse(f'api:{name}')}?cursor={value}")
        assert response.status_code == 400, (name, response.content)
        assert list(response.json()) == ["cursor"]


BAD_ID_POSITIONS = {
    "not a number": cursor("p=abc"),
    "past any id": cursor("p=" + "9" * 40),
    "negative past any id": cursor("p=-" + "9" * 40),
}


@pytest.mark.parametrize("value", BAD_ID_POSITIONS.values(), ids=BAD_ID_POSITIONS.keys())
def test_a_cursor_position_that_is_no_id_is_a_400(client, archive, value):
    for name in ("quotes", "articles"):  # the lists in order of id
        response = client.get(f"{reverse(f'api:{name}')}?cursor={value}")
        assert response.status_code == 400, (name, response.content)
        assert list(response.json()) == ["cursor"]


def test_a_bad_date_in_an_elections_cursor_is_a_400(client, archive):
    response = client.get(f"{reverse('api:elections')}?cursor={cursor('p=2024-02-30')}")

    assert response.status_code == 400
    assert list(response.json()) == ["cursor"]


@pytest.mark.parametrize("size", ["0", "-1", "101", "abc", "1e3", "9" * 40, "%00", ""])
def test_a_page_size_outside_1_to_100_is_a_400(client, archive, size):
    response = client.get(f"{reverse('api:quotes')}?page_size={size}")

    assert response.status_code == 400
    assert list(response.json()) == ["page_size"]


def test_the_grid_refuses_an_unknown_topic(client, archive):
    url = reverse("api:election-grid", args=[archive.election.slug])

    assert client.get(f"{url}?topic=nothing").json() == {
        "topic": ["There is no topic with this slug."]
    }
    assert client.get(f"{url}?topic=%00").status_code == 400


def api_urls(a):
    """Every operation of the API, on records that exist."""
    return [
        reverse("api:index"),
        reverse("api:openapi"),
        reverse("api:docs"),
        reverse("api:elections"),
        reverse("api:election", args=[a.election.slug]),
        reverse("api:election-grid", args=[a.election.slug]),
        reverse("api:speakers"),
        reverse("api:speaker", args=[a.candidates[0].slug]),
        reverse("api:topics"),
        reverse("api:topic", args=[a.topic.slug]),
        reverse("api:stances"),
        reverse("api:stance", args=[a.stance.slug]),
        reverse("api:outlets"),
        reverse("api:outlet", args=[a.outlet.slug]),
        reverse("api:articles"),
        reverse("api:article", args=[a.article.pk]),
        reverse("api:quotes"),
        reverse("api:quote", args=[a.quote.pk]),
    ]


PARAMETERS = [
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
    "cursor",
    "page_size",
    "format",
]


@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_a_hostile_value_in_any_parameter_is_never_a_server_error(archive, value):
    client = Client(raise_request_exception=False)
    every = "&".join(f"{name}={value}" for name in PARAMETERS)
    # Every parameter at once everywhere; then each alone (so that it reaches the database
    # rather than being stopped by a sibling's error) where they are all read.
    requests = [(url, every) for url in api_urls(archive)]
    requests += [(reverse("api:quotes"), f"{name}={value}") for name in PARAMETERS]
    requests += [(reverse("api:articles"), f"{name}={value}") for name in ("cursor", "page_size")]
    for url, query in requests:
        response = client.get(f"{url}?{query}")
        assert response.status_code < 500, f"{url}?{query[:200]}: {response.status_code}"


@pytest.mark.parametrize("value", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_a_hostile_value_in_an_address_is_never_a_server_error(archive, value):
    client = Client(raise_request_exception=False)
    for template in ["/api/quotes/{}/", "/api/articles/{}/", "/api/speakers/{}/", "/api/{}/"]:
        response = client.get(template.format(value))
        assert response.status_code in (301, 404), template.format(value)[:200]
