"""Deleting what published evidence cites is refused with the real reason (quotes are retracted,
not deleted; cited speakers and articles are protected), never as a lack of permission and
never as a bare 403 page."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from stances.models import Quote
from tests.factories import make_editor, make_quote

pytestmark = pytest.mark.django_db

BLAMES_PERMISSIONS = "your account doesn&#x27;t have permission"


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_opening_a_published_quotes_delete_page_goes_back_to_it_with_the_reason(editor_client):
    quote = make_quote(status=Quote.Status.PUBLISHED, text="We will talk")

    response = editor_client.get(reverse("admin:stances_quote_delete", args=[quote.pk]))

    assert response.status_code == 302
    assert response.url == reverse("admin:stances_quote_change", args=[quote.pk])
    [message] = said(response)
    assert message.startswith("“We will talk” is published, so it cannot be deleted")
    assert "retracted, not deleted" in message
    assert Quote.objects.filter(pk=quote.pk).exists()


def test_posting_the_delete_of_a_retracted_quote_deletes_nothing(editor_client):
    quote = make_quote(status=Quote.Status.RETRACTED, retraction_reason="Misattributed")

    response = editor_client.post(
        reverse("admin:stances_quote_delete", args=[quote.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert "is retracted, so it cannot be deleted" in said(response)[0]
    assert Quote.objects.filter(pk=quote.pk).exists()


def test_a_draft_quote_can_still_be_deleted(editor_client):
    quote = make_quote(status=Quote.Status.DRAFT)
    url = reverse("admin:stances_quote_delete", args=[quote.pk])

    assert editor_client.get(url).status_code == 200
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Quote.objects.filter(pk=quote.pk).exists()


def test_bulk_deleting_published_quotes_says_they_are_retracted_not_deleted(editor_client):
    draft = make_quote(status=Quote.Status.DRAFT)
    published = make_quote(status=Quote.Status.PUBLISHED)

    response = editor_client.post(
        reverse("admin:stances_quote_changelist"),
        {"action": "delete_selected", "_selected_action": [draft.pk, published.pk]},
    )

    assert response.status_code == 302
    [message] = said(response)
    assert message.startswith("Nothing was deleted: 1 selected quote is published or retracted.")
    assert Quote.objects.filter(pk__in=[draft.pk, published.pk]).count() == 2


def test_bulk_deleting_drafts_asks_for_confirmation_and_deletes(editor_client):
    drafts = [make_quote(status=Quote.Status.DRAFT) for _ in range(2)]
    url = reverse("admin:stances_quote_changelist")
    chosen = {"action": "delete_selected", "_selected_action": [q.pk for q in drafts]}

    assert "Are you sure" in editor_client.post(url, chosen).content.decode()
    assert editor_client.post(url, {**chosen, "post": "yes"}).status_code == 302
    assert not Quote.objects.filter(pk__in=[q.pk for q in drafts]).exists()


def test_a_speaker_with_a_published_quote_lists_it_as_protected_and_says_why(editor_client):
    quote = make_quote(status=Quote.Status.PUBLISHED)

    response = editor_client.get(reverse("admin:stances_speaker_delete", args=[quote.speaker.pk]))

    page = response.content.decode()
    assert BLAMES_PERMISSIONS not in page
    assert "would require deleting the following protected related objects" in page
    quote_page = reverse("admin:stances_quote_change", args=[quote.pk])
    assert [f'href="{quote_page}"' in item for item in response.context["protected"]] == [True]
    assert "Published and retracted quotes are never deleted" in page


def test_an_article_with_a_published_quote_lists_it_as_protected(editor_client):
    quote = make_quote(status=Quote.Status.PUBLISHED)

    response = editor_client.get(reverse("admin:articles_article_delete", args=[quote.article.pk]))

    page = response.content.decode()
    assert BLAMES_PERMISSIONS not in page
    assert len(response.context["protected"]) == 1
    assert 'id="protected-explained"' in page
