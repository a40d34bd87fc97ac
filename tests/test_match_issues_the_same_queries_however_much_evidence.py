"""Where do I stand? reads stored positions only: the same, pinned number of queries for 10 and
for 500 quotes, whether the form is empty or every statement is answered."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stances.matching.views import QUOTES_PER_LINE
from tests.archive import build_archive

pytestmark = pytest.mark.django_db

SMALL, LARGE = 10, 500
# Elections, candidacies, the stances asked; and for a result the answered stances' stored
# positions and the quotes they link.
EMPTY_FORM, ANSWERED = 3, 5


def every_answer(client, archive, view):
    """The election's questions, all answered `view` and mattering a lot."""
    url = reverse("election_match", args=[archive.election.slug])
    stances = client.get(url).context["form"].stances
    assert stances, "the archive's candidates are on record on some stances"
    query = {}
    for stance in stances:
        query[f"s{stance.pk}"] = view
        query[f"w{stance.pk}"] = "2"
    return url, query


def count_queries(client, url, query=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query or {})
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("view", ["agree", "disagree"])
def test_an_answered_form_issues_its_pinned_queries_for_10_and_500_quotes(client, view):
    small = build_archive(SMALL)
    small_count, _ = count_queries(client, *every_answer(client, small, view))
    large = build_archive(LARGE)
    large_count, response = count_queries(client, *every_answer(client, large, view))

    assert small_count == large_count == ANSWERED
    result = response.context["result"]
    assert result.answered
    for item in result.answered:
        for line in item.lines:
            assert len(line.cell.shown_tags) <= QUOTES_PER_LINE


def test_the_empty_form_issues_its_pinned_queries_for_10_and_500_quotes(client):
    build_archive(SMALL)
    small_count, _ = count_queries(client, reverse("match"))
    build_archive(LARGE)  # a newer write: the cached page is stale
    large_count, response = count_queries(client, reverse("match"))

    assert response["X-Page-Cache"] == "miss"
    assert small_count == large_count == EMPTY_FORM
