"""Small things on the editors' pages: the stance-tag rows fit the quote page, action messages
use proper plurals, the history shows "—" for no change reason, reverts and restores say what
they did, and an article links to its public page only when it has one."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime

from stances.models import Quote
from tests.admin_forms import page_values
from tests.factories import make_article, make_editor, make_quote, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def when(record) -> str:
    return date_format(localtime(record.history_date), "DATETIME_FORMAT")


def test_the_stance_tag_note_is_a_small_textarea_so_the_delete_column_fits(editor_client):
    tag = make_tag()

    response = editor_client.get(reverse("admin:stances_quote_change", args=[tag.quote.pk]))

    [tags] = response.context["inline_admin_formsets"]
    attrs = tags.formset.forms[0].fields["note"].widget.attrs
    assert (attrs["rows"], attrs["cols"]) == (2, 24)
    assert 'name="tags-0-note" cols="24" rows="2"' in response.content.decode()


def test_publishing_one_quote_says_one_quote(editor_client):
    quote = make_quote(status=Quote.Status.DRAFT)

    response = editor_client.post(
        reverse("admin:stances_quote_changelist"),
        {"action": "publish_quotes", "_selected_action": [quote.pk]},
    )

    assert said(response) == ["Published 1 quote."]


def test_the_history_shows_a_dash_for_no_change_reason(editor_client):
    quote = make_quote()

    response = editor_client.get(reverse("admin:stances_quote_history", args=[quote.pk]))

    page = response.content.decode()
    assert quote.history.get().history_change_reason is None
    assert "None" not in page.split('id="change-history"')[1].split("</table>")[0]


def test_a_revert_says_which_version_it_went_back_to(editor_client):
    quote = make_quote(status=Quote.Status.DRAFT, text="The first wording")
    first = quote.history.get()
    quote.text = "The second wording"
    quote.save()
    url = reverse("admin:stances_quote_simple_history", args=[quote.pk, first.history_id])

    assert editor_client.post(url, page_values(editor_client.get(url))).status_code == 302

    reason = f"Reverted to the version of {when(first)}"
    assert quote.history.first().history_change_reason == reason
    entry = LogEntry.objects.get(object_id=str(quote.pk))
    assert entry.get_change_message() == reason + "."


def test_a_restore_says_when_it_was_deleted(editor_client):
    quote = make_quote(status=Quote.Status.DRAFT)
    pk = quote.pk
    quote.delete()
    deleted = Quote.history.get(id=pk, history_type="-")

    editor_client.post(reverse("admin:stances_quote_restore", args=[deleted.history_id]))

    entry = LogEntry.objects.get(object_id=str(pk))
    assert entry.get_change_message() == (
        f"Restored from history: deleted {when(deleted)}, restored as it was."
    )


def test_an_article_links_to_its_public_page_only_with_a_published_quote(editor_client):
    article = make_article()
    quote = make_quote(article=article, status=Quote.Status.DRAFT)
    url = reverse("admin:articles_article_change", args=[article.pk])

    assert not editor_client.get(url).context["has_absolute_url"]
    assert editor_client.get(article.get_absolute_url()).status_code == 404

    quote.status = Quote.Status.PUBLISHED
    quote.save()

    assert editor_client.get(url).context["has_absolute_url"]
    assert editor_client.get(article.get_absolute_url()).status_code == 200
