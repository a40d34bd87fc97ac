"""Where the admin expects a speaker's name, an anonymous quote reads as "Unnamed sources" with
the printed attribution after it, never as "by According to officials…"."""

import pytest
from django.urls import reverse

from stances.models import Quote
from tests.factories import make_article, make_editor, make_quote, make_suggestion

pytestmark = pytest.mark.django_db

ATTRIBUTION = "According to officials familiar with the talks"


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_accepting_an_anonymous_suggestion_says_from_unnamed_sources(editor_client):
    body = f"{ATTRIBUTION}, the talks will resume in May."
    suggestion = make_suggestion(
        article=make_article(body=body),
        text="the talks will resume in May",
        start_offset=body.index("the talks will"),
        kind=Quote.Kind.ANONYMOUS,
        speaker_name="",
        attribution=ATTRIBUTION,
    )
    article = suggestion.article
    url = reverse("admin:articles_article_suggestion_accept", args=[article.pk, suggestion.pk])

    response = editor_client.post(url, follow=True)

    [message] = messages_of(response)
    assert "draft quote</a> from unnamed sources (“According to officials" in message
    assert " by " not in message


def test_accepting_a_named_speakers_suggestion_still_says_by_the_speaker(editor_client):
    suggestion = make_suggestion()
    url = reverse(
        "admin:articles_article_suggestion_accept", args=[suggestion.article.pk, suggestion.pk]
    )

    response = editor_client.post(url, {"speaker": "new"}, follow=True)

    [message] = messages_of(response)
    assert "draft quote</a> by Ana Okafor (new speaker): “We will open talks”." in message


def test_the_quote_list_shows_unnamed_sources_with_the_attribution_muted(editor_client):
    make_quote(kind=Quote.Kind.ANONYMOUS, attribution_text=ATTRIBUTION)

    response = editor_client.get(reverse("admin:stances_quote_changelist"))

    assert (
        f'<td class="field-speaker_or_attribution">Unnamed sources '
        f'<span class="quiet">({ATTRIBUTION})</span></td>'
    ) in response.content.decode()


def test_the_tagging_queue_names_unnamed_sources(editor_client):
    make_quote(kind=Quote.Kind.ANONYMOUS, attribution_text=ATTRIBUTION)

    response = editor_client.get(reverse("admin:stances_quote_tagging_queue"))

    assert f"Unnamed sources ({ATTRIBUTION})" in response.content.decode()
