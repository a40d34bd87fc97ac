"""Every list of the API is a cursor page in a fixed order: following `next` visits each row once,
`previous` goes back, a row added meanwhile neither repeats nor hides another, and every address
issues the same, pinned number of queries for a small and a large archive."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stances.models import Quote, Speaker, Topic
from tests.archive import build_archive
from tests.factories import make_quote

pytestmark = pytest.mark.django_db

LISTS = ["elections", "speakers", "topics", "stances", "outlets", "articles", "quotes"]


def walk(client, url, key):
    """The rows of every page from `url` on, in order, and the pages' sizes."""
    seen, sizes = [], []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        page = response.json()
        seen += [row[key] for row in page["results"]]
        sizes.append(len(page["results"]))
        url = page["next"]
    return seen, sizes


def test_following_next_visits_every_published_quote_once_newest_recorded_first(client):
    build_archive(60)
    seen, sizes = walk(client, f"{reverse('api:quotes')}?page_size=9", "id")

    expected = list(Quote.objects.published().order_by("-pk").values_list("pk", flat=True))
    assert seen == expected
    assert all(size == 9 for size in sizes[:-1])


@pytest.mark.parametrize(
    ("name", "key", "expected"),
    [
        ("speakers", "slug", lambda: sorted(Speaker.objects.values_list("slug", flat=True))),
        ("topics", "slug", lambda: sorted(Topic.objects.values_list("slug", flat=True))),
    ],
)
def test_lists_by_slug_are_in_slug_order(client, name, key, expected):
    build_archive(30)
    seen, _ = walk(client, f"{reverse(f'api:{name}')}?page_size=4", key)

    assert seen == expected()


def test_elections_are_newest_first_and_ties_on_a_day_are_kept_apart(client):
    for _ in range(5):
        build_archive(2)  # five elections on the same polling day
    seen, _ = walk(client, f"{reverse('api:elections')}?page_size=2", "slug")

    assert len(seen) == len(set(seen)) == 5


def test_previous_goes_back_to_the_same_rows(client):
    build_archive(40)
    first = client.get(f"{reverse('api:quotes')}?page_size=5").json()
    second = client.get(first["next"]).json()
    back = client.get(second["previous"]).json()

    assert [q["id"] for q in back["results"]] == [q["id"] for q in first["results"]]
    assert first["previous"] is None


def test_a_quote_published_while_reading_neither_repeats_nor_hides_a_row(client):
    build_archive(30)
    before = list(Quote.objects.published().order_by("-pk").values_list("pk", flat=True))
    first = client.get(f"{reverse('api:quotes')}?page_size=5").json()
    make_quote()  # newer than every row: it belongs before the first page, not in the next
    rest, _ = walk(client, first["next"], "id")

    assert [q["id"] for q in first["results"]] + rest == before


def test_the_page_size_is_50_by_default(client):
    build_archive(120)
    page = client.get(reverse("api:quotes")).json()

    assert len(page["results"]) == 50
    assert page["next"]


def api_urls(a):
    trump = a.candidates[0]
    return {
        **{name: reverse(f"api:{name}") for name in LISTS},
        "quotes page 2": None,  # filled in from the first page's next link
        "quotes filtered": (
            f"{reverse('api:quotes')}?speaker={trump.slug}&topic={a.topic.slug}"
            f"&alignment=supports&said_after=2020-01-01&said_before=2024-12-31"
            f"&election={a.election.slug}&kind=direct&outlet={a.outlet.slug}"
        ),
        "quotes of a holder on a stance": (
            f"{reverse('api:quotes')}?holder={trump.slug}&stance={a.stance.slug}"
        ),
        "quotes searched": f"{reverse('api:quotes')}?q=ceasefire+talks",
        "quotes of an article": f"{reverse('api:quotes')}?article={a.article.pk}",
        "election": reverse("api:election", args=[a.election.slug]),
        "grid": reverse("api:election-grid", args=[a.election.slug]),
        "grid of a topic": reverse("api:election-grid", args=[a.election.slug])
        + f"?topic={a.topic.slug}",
        "speaker": reverse("api:speaker", args=[trump.slug]),
        "topic": reverse("api:topic", args=[a.topic.slug]),
        "stance": reverse("api:stance", args=[a.stance.slug]),
        "outlet": reverse("api:outlet", args=[a.outlet.slug]),
        "article": reverse("api:article", args=[a.article.pk]),
        "quote": reverse("api:quote", args=[a.quote.pk]),
    }


# Each address and its pinned query count: a page of rows, plus one per prefetched relation and
# one per filter value checked.
PINNED = {
    "elections": 2,
    "speakers": 3,
    "topics": 2,
    "stances": 1,
    "outlets": 1,
    "articles": 1,
    "quotes": 3,
    "quotes page 2": 3,
    "quotes filtered": 7,
    "quotes of a holder on a stance": 5,
    "quotes searched": 3,
    "quotes of an article": 4,
    "election": 2,
    "grid": 4,
    "grid of a topic": 6,
    "speaker": 3,
    "topic": 2,
    "stance": 1,
    "outlet": 1,
    "article": 1,
    "quote": 3,
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(queries), [q["sql"] for q in queries.captured_queries]


def url_of(client, archive, name):
    if name == "quotes page 2":
        return client.get(reverse("api:quotes") + "?page_size=5").json()["next"]
    return api_urls(archive)[name]


@pytest.mark.parametrize("name", PINNED)
def test_an_address_issues_its_pinned_number_of_queries_for_10_and_500_quotes(client, name):
    small = build_archive(10)
    small_count, _ = count_queries(client, url_of(client, small, name))
    large = build_archive(500)  # in the same database: over 500 quotes in all
    large_count, large_sql = count_queries(client, url_of(client, large, name))

    assert small_count == large_count, "\n".join(large_sql)
    assert large_count == PINNED[name], "\n".join(large_sql)
