"""Each object's history in the admin: who changed what (old → new, field by field), revert to
any earlier version, and deleted objects listed and restored with their old address."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.html import escape

from articles.editing import RESTORED
from articles.models import Article, Outlet
from stances.models import (
    Candidacy,
    Election,
    Quote,
    Speaker,
    SpeakerRole,
    Stance,
    StanceTag,
    Topic,
)
from tests.admin_forms import page_values
from tests.factories import (
    make_article,
    make_candidacy,
    make_editor,
    make_election,
    make_outlet,
    make_quote,
    make_role,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
)

pytestmark = pytest.mark.django_db

DRAFT = Quote.Status.DRAFT


def admin_url(name: str, model, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


def change_in_the_admin(client, quote, **changes):
    page_url = admin_url("change", Quote, quote.pk)
    data = page_values(client.get(page_url))
    data.update(changes)
    response = client.post(page_url, data)
    assert response.status_code == 302
    return response


def history_page(client, obj) -> str:
    response = client.get(admin_url("history", type(obj), obj.pk))
    assert response.status_code == 200
    return response.content.decode()


# The history page ---------------------------------------------------------------------------


def test_the_history_page_shows_each_changed_field_old_and_new_and_who_changed_it(
    client, editor_client
):
    quote = make_quote(status=DRAFT, text="We will never negotiate")
    client.force_login(make_editor("ada"))
    change_in_the_admin(client, quote, text="We will negotiate next spring", status="published")

    response = editor_client.get(admin_url("history", Quote, quote.pk))

    page = response.content.decode()
    assert "<strong>Text:</strong>" in page
    assert "We will never negotiate" in page
    assert "We will negotiate next spring" in page
    assert "ada" in page
    [changed, created] = response.context["page_obj"].object_list
    assert (changed.history_user.username, created.history_user) == ("ada", None)
    # Choices read as editors know them, not as stored.
    assert {(c["field"], c["old"], c["new"]) for c in changed.history_delta_changes} == {
        ("Text", "We will never negotiate", "We will negotiate next spring"),
        ("Status", "Draft", "Published"),
    }


def test_the_history_diff_lists_only_the_field_changed_and_shows_nothing_as_a_dash(
    editor_client,
):
    quote = make_quote(status=DRAFT)
    change_in_the_admin(editor_client, quote, said_on="2024-09-30")

    response = editor_client.get(admin_url("history", Quote, quote.pk))

    [changed, _created] = response.context["page_obj"].object_list
    [said_on] = changed.history_delta_changes
    assert (said_on["field"], said_on["old"], said_on["new"]) == ("Said on", "—", "2024-09-30")


# Revert -------------------------------------------------------------------------------------


def revert(client, quote, record):
    """Opens the history form page of `record` and presses Revert."""
    page_url = admin_url("simple_history", Quote, quote.pk, record.history_id)
    page = client.get(page_url)
    assert page.status_code == 200
    return client.post(page_url, page_values(page))


def test_reverting_to_an_earlier_version_restores_its_values_and_is_recorded(editor_client, editor):
    quote = make_quote(status=DRAFT, text="The first wording", said_on=None)
    first = quote.history.get()
    quote.text = "The second wording"
    quote.said_on = quote.article.published_on
    quote.save()

    response = revert(editor_client, quote, first)

    assert response.status_code == 302
    quote.refresh_from_db()
    assert (quote.text, quote.said_on) == ("The first wording", None)
    latest = quote.history.first()
    assert (latest.history_type, latest.history_user, latest.text) == (
        "~",
        editor,
        "The first wording",
    )
    assert latest.prev_record.text == "The second wording"


def test_reverting_a_published_quote_to_its_draft_version_is_refused(editor_client):
    quote = make_quote(status=DRAFT, text="Words first entered as a draft")
    draft_version = quote.history.get()
    quote.status = Quote.Status.PUBLISHED
    quote.save()

    response = revert(editor_client, quote, draft_version)

    assert response.status_code == 200
    assert "cannot go back to draft" in str(response.context["adminform"].form.errors)
    quote.refresh_from_db()
    assert quote.status == Quote.Status.PUBLISHED
    assert quote.published_at is not None


def test_reverting_over_a_change_made_after_the_revert_page_was_opened_is_refused(
    editor_client,
):
    quote = make_quote(status=DRAFT, text="The first wording")
    first = quote.history.get()
    quote.text = "The second wording"
    quote.save()
    page_url = admin_url("simple_history", Quote, quote.pk, first.history_id)
    data = page_values(editor_client.get(page_url))
    quote.refresh_from_db()
    quote.text = "A third wording, saved meanwhile"
    quote.save()

    response = editor_client.post(page_url, data)

    assert response.status_code == 200
    assert "A third wording, saved meanwhile" in str(response.context["adminform"].form.errors)
    quote.refresh_from_db()
    assert quote.text == "A third wording, saved meanwhile"


@pytest.mark.django_db(transaction=True)
def test_reverting_works_outside_a_test_transaction_too(client, django_user_model):
    # The version check locks the row; PostgreSQL allows that only inside a transaction, which
    # the test's own transaction would otherwise hide. (A superuser: an earlier transactional
    # test may have flushed the Editors group.)
    client.force_login(django_user_model.objects.create_superuser("ada", password="x-y-z-w-v"))
    quote = make_quote(status=DRAFT, text="The first wording")
    first = quote.history.get()
    quote.text = "The second wording"
    quote.save()

    assert revert(client, quote, first).status_code == 302
    quote.refresh_from_db()
    assert quote.text == "The first wording"


# Deleted objects and restore ----------------------------------------------------------------


def delete_in_the_admin(client, obj):
    response = client.post(admin_url("delete", type(obj), obj.pk), {"post": "yes"})
    assert response.status_code == 302


def test_a_deleted_draft_quote_is_listed_under_deleted_quotes(editor_client):
    quote = make_quote(status=DRAFT, text="A draft deleted by mistake")
    delete_in_the_admin(editor_client, quote)

    changelist = editor_client.get(admin_url("changelist", Quote)).content.decode()
    assert admin_url("deleted", Quote) in changelist
    assert "Deleted quotes" in changelist

    response = editor_client.get(admin_url("deleted", Quote))
    assert response.status_code == 200
    [record] = response.context["records"]
    assert record.text == "A draft deleted by mistake"
    page = response.content.decode()
    assert escape(str(record.history_object)) in page
    assert "edith" in page
    assert admin_url("restore", Quote, record.history_id) in page


def test_restore_brings_a_deleted_quote_back_with_the_same_address(editor_client, editor):
    quote = make_quote(status=DRAFT, text="A draft deleted by mistake")
    pk = quote.pk
    delete_in_the_admin(editor_client, quote)
    record = Quote.history.get(id=pk, history_type="-")

    response = editor_client.post(admin_url("restore", Quote, record.history_id))

    assert response.status_code == 302
    assert response["Location"] == admin_url("change", Quote, pk)
    restored = Quote.objects.get(pk=pk)
    assert restored.text == "A draft deleted by mistake"
    latest = restored.history.first()
    assert (latest.history_type, latest.history_user, latest.history_change_reason) == (
        "+",
        editor,
        RESTORED,
    )
    # Once restored it is no longer listed as deleted, and it can be edited again.
    assert list(editor_client.get(admin_url("deleted", Quote)).context["records"]) == []
    change_in_the_admin(editor_client, restored, text="Edited after the restore")


def test_opening_the_restore_address_without_posting_restores_nothing(editor_client):
    quote = make_quote(status=DRAFT)
    pk = quote.pk
    quote.delete()
    record = Quote.history.get(id=pk, history_type="-")

    response = editor_client.get(admin_url("restore", Quote, record.history_id))

    assert response.status_code == 302
    assert not Quote.objects.filter(pk=pk).exists()


def test_a_deleted_object_that_clashes_with_a_newer_one_is_not_restored(editor_client):
    tag = make_tag()
    quote, stance, pk = tag.quote, tag.stance, tag.pk
    tag.delete()
    make_tag(quote=quote, stance=stance)  # the same reading, entered again
    record = StanceTag.history.get(id=pk, history_type="-")

    response = editor_client.post(admin_url("restore", StanceTag, record.history_id), follow=True)

    assert response.status_code == 200
    assert not StanceTag.objects.filter(pk=pk).exists()
    assert "cannot be restored" in str([m.message for m in response.context["messages"]])


def test_an_outsider_cannot_see_or_restore_deleted_objects(client, outsider):
    quote = make_quote(status=DRAFT)
    pk = quote.pk
    quote.delete()
    record = Quote.history.get(id=pk, history_type="-")
    client.force_login(outsider)

    listing = client.get(admin_url("deleted", Quote))
    restore = client.post(admin_url("restore", Quote, record.history_id))

    for response in (listing, restore):
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    assert not Quote.objects.filter(pk=pk).exists()


def test_restoring_needs_the_permission_to_add(client, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", password="correct-horse-battery")
    clerk.is_staff = True
    clerk.save()
    clerk.user_permissions.set(
        Permission.objects.filter(codename__in=["view_quote", "change_quote", "delete_quote"])
    )
    quote = make_quote(status=DRAFT)
    pk = quote.pk
    quote.delete()
    record = Quote.history.get(id=pk, history_type="-")
    client.force_login(clerk)

    assert client.get(admin_url("deleted", Quote)).status_code == 403
    assert client.post(admin_url("restore", Quote, record.history_id)).status_code == 403
    assert not Quote.objects.filter(pk=pk).exists()
    assert (
        admin_url("deleted", Quote)
        not in client.get(admin_url("changelist", Quote)).content.decode()
    )


# Every content model ------------------------------------------------------------------------

FACTORIES = {
    Outlet: make_outlet,
    Article: make_article,
    Speaker: make_speaker,
    SpeakerRole: lambda: make_role(make_speaker()),
    Election: lambda: make_candidacy().election,
    Candidacy: make_candidacy,
    Topic: make_topic,
    Stance: make_stance,
    Quote: make_quote,
    StanceTag: make_tag,
}


# Objects nothing refers to, which may be deleted.
DELETABLE = {Election: make_election, Quote: lambda: make_quote(status=DRAFT)}


@pytest.mark.parametrize("model", FACTORIES, ids=lambda model: model.__name__)
def test_editors_can_open_the_history_revert_and_deleted_pages_of_every_content_model(
    editor_client, model
):
    obj = FACTORIES[model]()
    first = obj.history.earliest()
    gone = DELETABLE.get(model, FACTORIES[model])()
    gone_pk = gone.pk
    gone.delete()

    assert editor_client.get(admin_url("history", model, obj.pk)).status_code == 200
    revert_page = editor_client.get(admin_url("simple_history", model, obj.pk, first.history_id))
    assert revert_page.status_code == 200
    deleted = editor_client.get(admin_url("deleted", model))
    assert deleted.status_code == 200
    assert [record.id for record in deleted.context["records"]] == [gone_pk]
