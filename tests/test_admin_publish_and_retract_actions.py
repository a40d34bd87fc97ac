"""The quote list's two editorial actions: publish drafts, and retract published quotes with a
reason that readers will see."""

import pytest
from django.contrib import messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from stances.models import Quote
from tests.factories import make_quote

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:stances_quote_changelist")


def run_action(client, action, quotes, **extra):
    return client.post(
        CHANGELIST,
        {"action": action, ACTION_CHECKBOX_NAME: [quote.pk for quote in quotes], **extra},
        follow=True,
    )


def shown_messages(response) -> list[tuple[int, str]]:
    return [(message.level, message.message) for message in response.context["messages"]]


def snapshot(*quotes) -> list[tuple]:
    """What an action could change, read afresh from the database."""
    return list(
        Quote.objects.filter(pk__in=[quote.pk for quote in quotes])
        .order_by("pk")
        .values_list("pk", "status", "retraction_reason", "published_at", "retracted_at")
    )


# Publishing -------------------------------------------------------------------------------


def test_publishing_drafts_makes_them_public_and_stamps_the_time(editor_client):
    drafts = [make_quote(status=Quote.Status.DRAFT) for _ in range(2)]
    response = run_action(editor_client, "publish_quotes", drafts)

    assert response.status_code == 200
    for quote in drafts:
        quote.refresh_from_db()
        assert quote.status == Quote.Status.PUBLISHED
        assert quote.published_at is not None
    assert shown_messages(response) == [(messages.SUCCESS, "Published 2 quotes.")]


def test_publishing_skips_quotes_that_are_not_drafts_with_a_warning(editor_client):
    draft = make_quote(status=Quote.Status.DRAFT)
    published = make_quote(status=Quote.Status.PUBLISHED)
    retracted = make_quote(status=Quote.Status.RETRACTED, retraction_reason="Misattributed.")
    before = snapshot(published, retracted)

    response = run_action(editor_client, "publish_quotes", [draft, published, retracted])

    draft.refresh_from_db()
    assert draft.status == Quote.Status.PUBLISHED
    assert snapshot(published, retracted) == before
    assert shown_messages(response) == [
        (messages.SUCCESS, "Published 1 quote."),
        (messages.WARNING, "Skipped 2 quotes that were already published or retracted."),
    ]


def test_publishing_leaves_unselected_drafts_alone(editor_client):
    selected, other = make_quote(status=Quote.Status.DRAFT), make_quote(status=Quote.Status.DRAFT)
    run_action(editor_client, "publish_quotes", [selected])
    other.refresh_from_db()
    assert other.status == Quote.Status.DRAFT
    assert other.published_at is None


# Retracting -------------------------------------------------------------------------------


def test_retracting_first_asks_for_a_reason_and_changes_nothing(editor_client):
    quotes = [make_quote(), make_quote()]
    before = snapshot(*quotes)

    response = run_action(editor_client, "retract_quotes", quotes)

    assert response.status_code == 200
    assert response.templates[0].name == "admin/stances/quote/retract.html"
    assert set(response.context["quotes"]) == set(quotes)
    assert not response.context["form"].is_bound
    assert snapshot(*quotes) == before


def test_retracting_with_a_reason_retracts_the_published_quotes(editor_client):
    quotes = [make_quote(), make_quote()]
    response = run_action(
        editor_client, "retract_quotes", quotes, apply="Retract", reason="  Misattributed.  "
    )

    for quote in quotes:
        quote.refresh_from_db()
        assert quote.status == Quote.Status.RETRACTED
        assert quote.retraction_reason == "Misattributed."
        assert quote.retracted_at is not None
        assert quote.published_at is not None
    assert shown_messages(response) == [
        (messages.SUCCESS, "Retracted 2 quotes. Readers now see the retraction notice."),
    ]


@pytest.mark.parametrize("reason", ["", "   "])
def test_retracting_without_a_reason_keeps_the_selection_and_shows_an_error(editor_client, reason):
    selected = [make_quote(), make_quote()]
    other = make_quote()
    before = snapshot(*selected, other)

    response = run_action(editor_client, "retract_quotes", selected, apply="Retract", reason=reason)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"reason": ["This field is required."]}
    assert "This field is required." in response.content.decode()
    # The form posts the same selection again, so the editor only has to add the reason.
    assert response.context["selected"] == [str(quote.pk) for quote in selected]
    assert set(response.context["quotes"]) == set(selected)
    assert snapshot(*selected, other) == before


def test_retracting_skips_quotes_that_are_not_published_with_a_warning(editor_client):
    published = make_quote()
    draft = make_quote(status=Quote.Status.DRAFT)
    before = snapshot(draft)

    response = run_action(
        editor_client, "retract_quotes", [published, draft], apply="Retract", reason="Wrong."
    )

    published.refresh_from_db()
    assert published.status == Quote.Status.RETRACTED
    assert snapshot(draft) == before
    assert shown_messages(response) == [
        (messages.SUCCESS, "Retracted 1 quote. Readers now see the retraction notice."),
        (messages.WARNING, "Skipped 1 quote that was not published."),
    ]


def test_retracting_a_selection_with_nothing_published_warns_and_changes_nothing(editor_client):
    draft = make_quote(status=Quote.Status.DRAFT)
    retracted = make_quote(status=Quote.Status.RETRACTED, retraction_reason="Misattributed.")
    before = snapshot(draft, retracted)

    response = run_action(editor_client, "retract_quotes", [draft, retracted])

    assert snapshot(draft, retracted) == before
    assert shown_messages(response) == [
        (messages.WARNING, "None of the selected quotes is published, so none was retracted."),
    ]


def test_retracting_an_already_retracted_quote_keeps_its_first_reason(editor_client):
    retracted = make_quote(status=Quote.Status.RETRACTED, retraction_reason="Misattributed.")
    published = make_quote()
    before = snapshot(retracted)

    run_action(
        editor_client, "retract_quotes", [retracted, published], apply="Retract", reason="New."
    )

    assert snapshot(retracted) == before
