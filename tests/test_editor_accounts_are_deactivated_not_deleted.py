"""Editors' accounts are deactivated, never deleted: deleting one would delete its admin log
and its name from the history of everything it wrote."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from tests.admin_forms import page_values
from tests.factories import make_editor, make_quote

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
USERS = reverse("admin:auth_user_changelist")


@pytest.fixture
def boss(django_user_model):
    return django_user_model.objects.create_superuser("boss", password=PASSWORD)


@pytest.fixture
def boss_client(boss):
    client = Client()
    client.force_login(boss)
    return client


def sign_in(client, username):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": PASSWORD, "next": reverse("admin:index")},
        REMOTE_ADDR="203.0.113.9",
    )


def edit_a_quote(client):
    """The editor's ordinary work: it leaves an admin log entry and a history record."""
    quote = make_quote(text="Words before")
    page_url = reverse("admin:stances_quote_change", args=[quote.pk])
    data = page_values(client.get(page_url))
    data["text"] = "Words after"
    assert client.post(page_url, data).status_code == 302
    return quote


def action_names(response) -> set[str]:
    return {name for name, _label in response.context["action_form"].fields["action"].choices}


def test_the_user_admin_offers_no_way_to_delete_an_account(boss_client, editor):
    assert boss_client.get(reverse("admin:auth_user_delete", args=[editor.pk])).status_code == 403
    listing = boss_client.get(USERS)
    assert "delete_selected" not in action_names(listing)
    assert {"deactivate_accounts", "reactivate_accounts"} <= action_names(listing)
    change_page = boss_client.get(reverse("admin:auth_user_change", args=[editor.pk]))
    assert reverse("admin:auth_user_delete", args=[editor.pk]) not in change_page.content.decode()
    refused = boss_client.post(
        USERS, {"action": "delete_selected", ACTION_CHECKBOX_NAME: [editor.pk], "post": "yes"}
    )
    assert refused.status_code in {200, 302}
    assert get_user_model().objects.filter(pk=editor.pk).exists()


def test_a_deactivated_editor_can_no_longer_sign_in_or_keep_working(boss_client, editor):
    editors_browser = Client()
    assert sign_in(editors_browser, editor.username).status_code == 302

    response = boss_client.post(
        USERS, {"action": "deactivate_accounts", ACTION_CHECKBOX_NAME: [editor.pk]}, follow=True
    )

    editor.refresh_from_db()
    assert not editor.is_active
    assert "Deactivated 1 account." in [m.message for m in response.context["messages"]]
    # Their open session ends, and signing in again fails.
    assert editors_browser.get(reverse("admin:index")).status_code == 302
    assert sign_in(Client(), editor.username).status_code == 200


def test_a_deactivated_editor_can_be_reactivated(boss_client, editor):
    editor.is_active = False
    editor.save()

    boss_client.post(USERS, {"action": "reactivate_accounts", ACTION_CHECKBOX_NAME: [editor.pk]})

    editor.refresh_from_db()
    assert editor.is_active
    assert sign_in(Client(), editor.username).status_code == 302


def test_an_admin_cannot_deactivate_their_own_account(boss_client, boss):
    response = boss_client.post(
        USERS, {"action": "deactivate_accounts", ACTION_CHECKBOX_NAME: [boss.pk]}, follow=True
    )
    boss.refresh_from_db()
    assert boss.is_active
    assert "You cannot deactivate your own account." in [
        m.message for m in response.context["messages"]
    ]


def test_a_staff_account_cannot_be_deleted_from_code_and_its_log_and_history_remain(
    editor, editor_client
):
    quote = edit_a_quote(editor_client)
    entries = LogEntry.objects.filter(user=editor).count()
    assert entries >= 1

    # Each attempt in its own savepoint, as a caller inside a transaction would make it.
    with pytest.raises(ProtectedError), transaction.atomic():
        editor.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        get_user_model().objects.filter(pk=editor.pk).delete()

    assert LogEntry.objects.filter(user=editor).count() == entries
    assert quote.history.first().history_user == editor


def test_a_former_editor_with_admin_log_entries_cannot_be_deleted_either(editor, editor_client):
    edit_a_quote(editor_client)
    editor.is_staff = False
    editor.save()

    with pytest.raises(ProtectedError):
        editor.delete()


def test_an_account_that_never_edited_can_be_deleted(outsider):
    outsider.delete()
    assert not get_user_model().objects.filter(username="otto").exists()


def test_the_editors_group_still_cannot_open_the_accounts(editor_client, editor):
    other = make_editor("ada")
    assert editor_client.get(USERS).status_code == 403
    assert editor_client.get(reverse("admin:auth_user_change", args=[other.pk])).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    refused = editor_client.post(
        USERS, {"action": "deactivate_accounts", ACTION_CHECKBOX_NAME: [other.pk]}
    )
    assert refused.status_code == 403
    other.refresh_from_db()
    assert other.is_active
