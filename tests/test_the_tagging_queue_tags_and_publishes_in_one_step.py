""" "Tag and publish" in the tagging queue: one button tags a draft and publishes it through the
quote list's publish action, so history, versions and stored positions follow as for any publish;
a quote that cannot be published says why."""

import pytest
from django.urls import reverse

from stances import summaries
from stances.models import PositionSummary, Quote
from tests.factories import make_quote, make_stance, make_tag

pytestmark = pytest.mark.django_db

QUEUE = "admin:stances_quote_tagging_queue"


def tag_url(quote):
    return reverse("admin:stances_quote_tag", args=[quote.pk])


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_a_draft_is_tagged_and_published_and_its_position_stored(editor_client, editor):
    stance = make_stance(statement="Negotiate a quick end to the war")
    draft = make_quote(status=Quote.Status.DRAFT)
    version = draft.version

    response = editor_client.post(
        tag_url(draft), {"stance": stance.pk, "tag_and_publish": "supports"}, follow=True
    )

    draft.refresh_from_db()
    assert draft.status == Quote.Status.PUBLISHED
    assert draft.published_at is not None
    assert draft.version == version + 1
    assert draft.history.first().history_user == editor
    assert draft.history.count() == 2  # created, then published: one record for this write
    tag = draft.tags.get()
    assert tag.alignment == "supports"
    assert tag.history.get().history_user == editor
    cell = PositionSummary.objects.get(holder=draft.speaker, stance=stance)
    assert cell.verdict == "supports"
    assert summaries.differences() == []
    said = messages_of(response)
    assert any(f"Supports “{stance}”" in m for m in said)
    assert "Published 1 quote." in said


def test_the_and_publish_buttons_are_offered_for_drafts_only(editor_client):
    draft = make_quote(status=Quote.Status.DRAFT)
    published = make_quote()

    page = editor_client.get(reverse(QUEUE)).content.decode()

    def row(quote):
        start = page.index(f'id="quote-{quote.pk}"')
        return page[start : page.index("</li>", start)]

    assert 'name="tag_and_publish" value="opposes"' in row(draft)
    assert "and publish</span>" in row(draft)
    assert 'name="tag_and_publish"' not in row(published)
    assert 'name="tag" value="opposes"' in row(published)


def test_a_quote_already_published_is_tagged_and_said_so(editor_client):
    quote = make_quote()  # published by another editor after the page was shown

    response = editor_client.post(
        tag_url(quote), {"stance": make_stance().pk, "tag_and_publish": "neutral"}, follow=True
    )

    assert quote.tags.get().alignment == "neutral"
    assert "It was already published; it is tagged now." in messages_of(response)
    assert not any(m.startswith("Published") for m in messages_of(response))


def test_a_retracted_quote_is_neither_tagged_nor_published_and_says_why(editor_client):
    quote = make_quote(status=Quote.Status.DRAFT)
    Quote.objects.filter(pk=quote.pk).update(
        status=Quote.Status.RETRACTED, retraction_reason="Misquoted."
    )

    response = editor_client.post(
        tag_url(quote), {"stance": make_stance().pk, "tag_and_publish": "supports"}, follow=True
    )

    quote.refresh_from_db()
    assert quote.status == Quote.Status.RETRACTED
    assert not quote.tags.exists()
    assert any("was retracted, so it is not tagged" in m for m in messages_of(response))


def test_a_quote_tagged_meanwhile_is_not_published_either(editor_client):
    quote = make_quote(status=Quote.Status.DRAFT)
    make_tag(quote=quote)

    editor_client.post(
        tag_url(quote), {"stance": make_stance().pk, "tag_and_publish": "supports", "seen": ""}
    )

    quote.refresh_from_db()
    assert quote.status == Quote.Status.DRAFT
    assert quote.tags.count() == 1
