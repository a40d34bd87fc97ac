"""Every admin action reports how many objects it changed and how many it skipped, and those
figures stay right when the list is filtered by the very field the action changes (publishing
from the list of drafts once said "Skipped -6 quotes")."""

import pytest
from django.contrib import messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from stances.models import Quote
from tests.factories import make_editor, make_quote

pytestmark = pytest.mark.django_db

QUOTES = reverse("admin:stances_quote_changelist")
USERS = reverse("admin:auth_user_changelist")


def run_action(client, url, action, objects, **extra):
    return client.post(
        url, {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in objects], **extra}, follow=True
    )


def shown_messages(response) -> list[tuple[int, str]]:
    return [(message.level, message.message) for message in response.context["messages"]]


def statuses(quotes) -> list[str]:
    return list(
        Quote.objects.filter(pk__in=[q.pk for q in quotes])
        .order_by("pk")
        .values_list("status", flat=True)
    )


@pytest.fixture
def boss_client(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("boss", password="x" * 14))
    return client


# Publishing -------------------------------------------------------------------------------


def test_publishing_from_the_list_of_drafts_reports_the_published_and_skips_nothing(
    editor_client,
):
    drafts = [make_quote(status=Quote.Status.DRAFT) for _ in range(6)]

    response = run_action(editor_client, f"{QUOTES}?status__exact=draft", "publish_quotes", drafts)

    assert statuses(drafts) == [Quote.Status.PUBLISHED] * 6
    assert shown_messages(response) == [(messages.SUCCESS, "Published 6 quotes.")]


def test_publishing_all_drafts_across_pages_of_a_filtered_list_counts_them_once(editor_client):
    drafts = [make_quote(status=Quote.Status.DRAFT) for _ in range(3)]
    make_quote(status=Quote.Status.PUBLISHED)

    response = editor_client.post(
        f"{QUOTES}?status__exact=draft",
        {"action": "publish_quotes", "select_across": "1", ACTION_CHECKBOX_NAME: [drafts[0].pk]},
        follow=True,
    )

    assert statuses(drafts) == [Quote.Status.PUBLISHED] * 3
    assert shown_messages(response) == [(messages.SUCCESS, "Published 3 quotes.")]


def test_publishing_a_mixed_selection_on_a_filtered_list_counts_each_kind_of_skip(editor_client):
    drafts = [make_quote(status=Quote.Status.DRAFT) for _ in range(2)]
    published = [make_quote() for _ in range(2)]
    retracted = make_quote(status=Quote.Status.RETRACTED, retraction_reason="Misattributed.")
    selection = [*drafts, *published, retracted]

    # Filtered by kind (all are direct), so every selected quote is in the list's queryset.
    response = run_action(
        editor_client, f"{QUOTES}?kind__exact=direct", "publish_quotes", selection
    )

    assert shown_messages(response) == [
        (messages.SUCCESS, "Published 2 quotes."),
        (messages.WARNING, "Skipped 3 quotes that were already published or retracted."),
    ]


def test_publishing_only_already_published_quotes_publishes_none_and_skips_them_all(
    editor_client,
):
    published = [make_quote() for _ in range(2)]

    response = run_action(
        editor_client, f"{QUOTES}?status__exact=published", "publish_quotes", published
    )

    assert shown_messages(response) == [
        (messages.SUCCESS, "Published 0 quotes."),
        (messages.WARNING, "Skipped 2 quotes that were already published or retracted."),
    ]


# Retracting -------------------------------------------------------------------------------


def test_retracting_from_the_list_of_published_quotes_skips_nothing(editor_client):
    published = [make_quote() for _ in range(4)]

    response = run_action(
        editor_client,
        f"{QUOTES}?status__exact=published",
        "retract_quotes",
        published,
        apply="Retract",
        reason="Misattributed.",
    )

    assert statuses(published) == [Quote.Status.RETRACTED] * 4
    assert shown_messages(response) == [
        (messages.SUCCESS, "Retracted 4 quotes. Readers now see the retraction notice."),
    ]


def test_retracting_a_mixed_selection_on_a_filtered_list_skips_the_unpublished(editor_client):
    published = [make_quote() for _ in range(2)]
    draft = make_quote(status=Quote.Status.DRAFT)
    retracted = make_quote(status=Quote.Status.RETRACTED, retraction_reason="Misattributed.")

    response = run_action(
        editor_client,
        f"{QUOTES}?kind__exact=direct",
        "retract_quotes",
        [*published, draft, retracted],
        apply="Retract",
        reason="Wrong speaker.",
    )

    assert shown_messages(response) == [
        (messages.SUCCESS, "Retracted 2 quotes. Readers now see the retraction notice."),
        (messages.WARNING, "Skipped 2 quotes that were not published."),
    ]


# Deleting drafts --------------------------------------------------------------------------


def test_deleting_from_the_list_of_drafts_counts_the_deleted_drafts(editor_client):
    drafts = [make_quote(status=Quote.Status.DRAFT) for _ in range(3)]

    response = run_action(
        editor_client, f"{QUOTES}?status__exact=draft", "delete_selected", drafts, post="yes"
    )

    assert not Quote.objects.filter(pk__in=[q.pk for q in drafts]).exists()
    assert shown_messages(response) == [(messages.SUCCESS, "Successfully deleted 3 quotes.")]


def test_deleting_a_selection_with_published_quotes_counts_them_and_deletes_nothing(
    editor_client,
):
    draft = make_quote(status=Quote.Status.DRAFT)
    published = [make_quote() for _ in range(2)]

    response = run_action(
        editor_client, f"{QUOTES}?kind__exact=direct", "delete_selected", [draft, *published]
    )

    assert Quote.objects.filter(pk=draft.pk).exists()
    [(level, text)] = shown_messages(response)
    assert level == messages.ERROR
    assert text.startswith("Nothing was deleted: 2 selected quotes are published or retracted.")


# Accounts ---------------------------------------------------------------------------------


def test_deactivating_from_the_list_of_active_accounts_counts_the_deactivated(boss_client):
    editors = [make_editor(f"editor{n}") for n in range(3)]

    response = run_action(
        boss_client, f"{USERS}?is_active__exact=1", "deactivate_accounts", editors
    )

    assert shown_messages(response) == [(messages.SUCCESS, "Deactivated 3 accounts.")]


def test_deactivating_counts_only_accounts_that_were_active_and_never_ones_own(
    boss_client, django_user_model
):
    active = make_editor("active")
    inactive = make_editor("inactive")
    inactive.is_active = False
    inactive.save()
    boss = django_user_model.objects.get(username="boss")

    response = run_action(boss_client, USERS, "deactivate_accounts", [active, inactive, boss])

    boss.refresh_from_db()
    assert boss.is_active
    assert shown_messages(response) == [
        (messages.SUCCESS, "Deactivated 1 account."),
        (messages.WARNING, "You cannot deactivate your own account."),
    ]


def test_reactivating_from_the_list_of_inactive_accounts_counts_the_reactivated(boss_client):
    editors = [make_editor(f"editor{n}") for n in range(2)]
    for account in editors:
        account.is_active = False
        account.save()

    response = run_action(
        boss_client, f"{USERS}?is_active__exact=0", "reactivate_accounts", editors
    )

    assert shown_messages(response) == [(messages.SUCCESS, "Reactivated 2 accounts.")]
