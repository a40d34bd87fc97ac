"""Two editors open the same page; the second to save is told who saved first and what they
changed, keeps everything they typed, and only a second, deliberate save overwrites."""

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from articles.versioning import StaleEdit
from stances.models import Quote, StanceTag
from tests.admin_forms import inline_row_index, page_values
from tests.factories import (
    make_article,
    make_editor,
    make_quote,
    make_speaker,
    make_tag,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ada(db):
    client = Client()
    client.force_login(make_editor("ada"))
    return client


@pytest.fixture
def ben(db):
    client = Client()
    client.force_login(make_editor("ben"))
    return client


def admin_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def open_page(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return page_values(response)


def errors_shown(response) -> list[str]:
    """Every error on the page: the main form's and each inline row's."""
    errors = [str(e) for e in response.context["adminform"].form.non_field_errors()]
    for inline in response.context["inline_admin_formsets"]:
        for form in inline.formset.forms:
            errors += [str(e) for e in form.non_field_errors()]
    return errors


@dataclass
class Conflict:
    """What the two editors do to one object: A changes one field, B another."""

    name: str
    make: object
    # The object that holds the fields (the tag, when it is edited as a row of its quote).
    target: object
    page: object
    field: object  # field name -> (data, object) -> that field's form key on the page
    a_field: str
    a_value: str
    b_field: str
    b_value: str


def own_field(name):
    return lambda data, obj: name


def tag_row_field(name):
    return lambda data, tag: f"tags-{inline_row_index(data, 'tags', tag.pk)}-{name}"


CONFLICTS = [
    Conflict(
        "quote",
        lambda: make_quote(status=Quote.Status.DRAFT, text="We will talk"),
        lambda obj: obj,
        admin_url,
        own_field,
        "text",
        "We will talk within a month",
        "said_on",
        "2024-09-30",
    ),
    Conflict(
        "article",
        lambda: make_article(title="Candidates meet"),
        lambda obj: obj,
        admin_url,
        own_field,
        "title",
        "Candidates meet in Ohio",
        "summary",
        "A summary typed by the second editor.",
    ),
    Conflict(
        "speaker",
        lambda: make_speaker(name="Ana Okafor", description="Senator"),
        lambda obj: obj,
        admin_url,
        own_field,
        "name",
        "Ana M. Okafor",
        "description",
        "Senator for Ohio since 2019",
    ),
    Conflict(
        "stance tag",
        lambda: make_tag(note="Hedged"),
        lambda obj: obj,
        admin_url,
        own_field,
        "note",
        "Hedged, but clear enough",
        "alignment",
        StanceTag.Alignment.NEUTRAL,
    ),
    Conflict(
        "stance tag as a row of its quote",
        lambda: make_tag(quote=make_tag(note="Another reading").quote, note="Hedged"),
        lambda tag: tag,
        lambda tag: admin_url(tag.quote),
        tag_row_field,
        "note",
        "Hedged, but clear enough",
        "alignment",
        StanceTag.Alignment.NEUTRAL,
    ),
]


def stored(obj, field: str) -> str:
    obj.refresh_from_db()
    value = getattr(obj, field)
    return "" if value is None else str(value)


@pytest.mark.parametrize("case", CONFLICTS, ids=[case.name for case in CONFLICTS])
def test_the_second_editor_to_save_sees_the_first_editors_change_and_keeps_their_input(
    ada, ben, case
):
    obj = case.target(case.make())
    url = case.page(obj)
    a_was, b_was = stored(obj, case.a_field), stored(obj, case.b_field)
    a_data, b_data = open_page(ada, url), open_page(ben, url)
    a_key = case.field(case.a_field)(a_data, obj)
    b_key = case.field(case.b_field)(b_data, obj)

    a_data[a_key] = case.a_value
    assert ada.post(url, a_data).status_code == 302
    b_data[b_key] = case.b_value
    refused = ben.post(url, b_data)

    assert refused.status_code == 200
    [message] = errors_shown(refused)
    label = obj._meta.get_field(case.a_field).verbose_name
    assert message.startswith(f"ada saved this {obj._meta.verbose_name} at ")
    assert f"{label}: “{a_was}” → “{case.a_value}”" in message
    assert escape(message) in refused.content.decode()
    # Ben's input is still in the form, and nothing of his was saved.
    again = page_values(refused)
    assert again[b_key] == case.b_value
    if case.b_field != "alignment":
        assert escape(case.b_value) in refused.content.decode()
    assert (stored(obj, case.a_field), stored(obj, case.b_field)) == (case.a_value, b_was)

    # Ada's change to a field Ben left alone is now in his form: saving again keeps both.
    assert again[a_key] == case.a_value
    assert ben.post(url, again).status_code == 302
    assert (stored(obj, case.a_field), stored(obj, case.b_field)) == (case.a_value, case.b_value)
    latest = obj.history.first()
    assert (latest.history_type, latest.history_user.username) == ("~", "ben")
    assert latest.prev_record.history_user.username == "ada"


def test_the_second_editor_reloading_starts_from_the_first_editors_version(ada, ben):
    quote = make_quote(status=Quote.Status.DRAFT, text="We will talk")
    url = admin_url(quote)
    a_data, _ = open_page(ada, url), open_page(ben, url)
    a_data["text"] = "We will talk within a month"
    ada.post(url, a_data)

    b_data = open_page(ben, url)
    b_data["said_on"] = "2024-09-30"

    assert ben.post(url, b_data).status_code == 302
    quote.refresh_from_db()
    assert (quote.text, str(quote.said_on)) == ("We will talk within a month", "2024-09-30")


def test_editors_changing_different_rows_of_one_quote_do_not_conflict(ada, ben):
    quote = make_quote()
    first, second = make_tag(quote=quote, note="First"), make_tag(quote=quote, note="Second")
    url = admin_url(quote)
    a_data, b_data = open_page(ada, url), open_page(ben, url)

    a_data[f"tags-{inline_row_index(a_data, 'tags', first.pk)}-note"] = "First, by Ada"
    assert ada.post(url, a_data).status_code == 302
    b_data[f"tags-{inline_row_index(b_data, 'tags', second.pk)}-note"] = "Second, by Ben"
    assert ben.post(url, b_data).status_code == 302

    assert list(quote.tags.order_by("pk").values_list("note", flat=True)) == [
        "First, by Ada",
        "Second, by Ben",
    ]


def test_an_editor_changing_a_quote_row_does_not_block_another_changing_the_article(ada, ben):
    article = make_article(title="Candidates meet")
    quote = make_quote(article=article, status=Quote.Status.DRAFT, text="We will talk")
    url = admin_url(article)
    a_data, b_data = open_page(ada, url), open_page(ben, url)

    a_data[f"quotes-{inline_row_index(a_data, 'quotes', quote.pk)}-text"] = "We will talk soon"
    assert ada.post(url, a_data).status_code == 302
    b_data["title"] = "Candidates meet in Ohio"
    assert ben.post(url, b_data).status_code == 302

    article.refresh_from_db()
    quote.refresh_from_db()
    assert (article.title, quote.text) == ("Candidates meet in Ohio", "We will talk soon")


# From code ----------------------------------------------------------------------------------


def test_saving_a_stale_copy_from_code_raises_stale_edit():
    quote = make_quote(text="We will talk")
    stale = Quote.objects.get(pk=quote.pk)
    quote.text = "We will talk within a month"
    quote.save()

    stale.text = "We will never talk"
    with pytest.raises(StaleEdit) as refused:
        stale.save()

    assert refused.value.current_version == quote.version
    assert Quote.objects.get(pk=quote.pk).text == "We will talk within a month"


def test_saving_after_refresh_from_db_works_and_bumps_the_version():
    quote = make_quote(text="We will talk")
    stale = Quote.objects.get(pk=quote.pk)
    quote.text = "We will talk within a month"
    quote.save()

    stale.refresh_from_db()
    stale.text = "We will talk next week"
    stale.save()

    assert Quote.objects.get(pk=quote.pk).version == quote.version + 1
    assert stale.history.first().prev_record.text == "We will talk within a month"


def test_rows_deleted_by_the_first_editor_are_named_and_the_others_keep_the_input(ada, ben):
    quote = make_quote()
    first, second = make_tag(quote=quote, note="First"), make_tag(quote=quote, note="Second")
    url = admin_url(quote)
    a_data, b_data = open_page(ada, url), open_page(ben, url)

    a_data[f"tags-{inline_row_index(a_data, 'tags', first.pk)}-DELETE"] = "on"
    assert ada.post(url, a_data).status_code == 302
    b_data[f"tags-{inline_row_index(b_data, 'tags', second.pk)}-note"] = "Second, by Ben"
    refused = ben.post(url, b_data)

    assert refused.status_code == 200
    [tags] = refused.context["inline_admin_formsets"]
    [message] = tags.formset.non_form_errors()
    assert message.startswith("ada deleted 1 stance tag of this page after you opened it")
    assert escape(message) in refused.content.decode()
    # Ben's row is still on the page, paired with its own tag, with what he typed.
    [row] = [row for row in tags if row.original is not None]
    assert row.original == second
    again = page_values(refused)
    assert again["tags-0-note"] == "Second, by Ben"
    assert list(quote.tags.values_list("pk", "note")) == [(second.pk, "Second")]

    assert ben.post(url, again).status_code == 302
    assert list(quote.tags.values_list("pk", "note")) == [(second.pk, "Second, by Ben")]
    assert StanceTag.history.filter(id=first.pk).count() == 2  # created, deleted: not re-created


def test_a_quote_published_meanwhile_is_named_by_its_status_label(ada, ben):
    quote = make_quote(status=Quote.Status.DRAFT, text="We will talk")
    url = admin_url(quote)
    b_data = open_page(ben, url)
    ada.post(
        reverse("admin:stances_quote_changelist"),
        {"action": "publish_quotes", "_selected_action": [quote.pk]},
    )

    b_data["text"] = "We will talk soon"
    refused = ben.post(url, b_data)

    assert refused.status_code == 200
    [message] = errors_shown(refused)
    assert message.startswith("ada saved this quote")
    assert "status: “Draft” → “Published”" in message
    quote.refresh_from_db()
    assert (quote.status, quote.text) == (Quote.Status.PUBLISHED, "We will talk")
