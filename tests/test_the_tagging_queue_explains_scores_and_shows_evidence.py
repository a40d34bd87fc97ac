"""The tagging queue says what a suggestion's score means and shows, for each suggestion, the
most similar quote already tagged with its stance, read in one query for the whole page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_editor, make_quote, make_stance, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


@pytest.fixture
def closest():
    """Two quotes tagged with a stance; the first reads most like the quotes waiting."""
    stance = make_stance(statement="Keep sending military aid to Ukraine")
    first = make_quote(text="We will keep sending military aid to Ukraine")
    make_tag(quote=first, stance=stance, alignment="supports")
    other = make_quote(text="Military aid to Ukraine must go on without interruption, always")
    make_tag(quote=other, stance=stance, alignment="supports")
    return first


def queue(client):
    return client.get(reverse("admin:stances_quote_tagging_queue"))


def test_the_queue_explains_what_the_score_means(editor_client, closest):
    make_quote(text="We will keep sending military aid")

    page = queue(editor_client).content.decode()

    assert 'id="score-explained"' in page
    assert "It is a hint, not a verdict" in page


def test_each_suggestion_shows_the_most_similar_tagged_quote(editor_client, closest):
    waiting = make_quote(text="We will keep sending military aid")

    response = queue(editor_client)

    [suggestion] = {row.quote: row.suggestions for row in response.context["rows"]}[waiting]
    assert suggestion.evidence == closest
    change = reverse("admin:stances_quote_change", args=[closest.pk])
    assert f'<a href="{change}">“We will keep sending military aid to Ukraine”</a>' in (
        response.content.decode()
    )


def test_the_evidence_costs_the_same_queries_for_a_full_page(editor_client, closest):
    make_quote(text="We will keep sending military aid")

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = queue(editor_client)
        return len(queries), response

    few, _ = count()
    for n in range(30):
        make_quote(text=f"We will keep sending military aid, part {n}")
    many, response = count()

    assert many == few
    shown = [s for row in response.context["rows"] for s in row.suggestions]
    assert len(shown) == 25
    assert all(s.evidence == closest for s in shown)


def test_the_quote_page_explains_its_suggestion_scores_too(editor_client, closest):
    waiting = make_quote(text="We will keep sending military aid")

    response = editor_client.get(reverse("admin:stances_quote_change", args=[waiting.pk]))

    assert response.context["tag_suggestions"]
    assert "a hint, not a verdict, so check before accepting" in response.content.decode()
