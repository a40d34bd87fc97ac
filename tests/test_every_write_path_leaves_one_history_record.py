"""Every way content is written (admin pages, actions and inlines, history revert and restore,
the demo loader, code) leaves exactly one history record per object written: who, when, what
kind of write, and the values before it."""

import ast
import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.urls import reverse

from articles.editing import RESTORED
from stances.management.commands.loaddemo import CHANGE_REASON
from stances.models import Quote, SpeakerRole, StanceTag
from tests.admin_forms import add_inline_row, inline_row_index, page_values
from tests.factories import make_article, make_quote, make_speaker, make_stance, make_tag

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parent.parent
CONTENT_APPS = ("articles", "stances")
DRAFT = Quote.Status.DRAFT


def content_models() -> list:
    """Every model of the content apps that keeps a history."""
    return [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if hasattr(model, "history")
    ]


def latest_history_ids() -> dict:
    return {
        model: model.history.order_by("-history_id").values_list("history_id", flat=True).first()
        or 0
        for model in content_models()
    }


def history_since(ids: dict) -> list:
    """Every history record written after `ids` was taken, of every content model."""
    return [
        record
        for model, last in ids.items()
        for record in model.history.filter(history_id__gt=last).select_related("history_user")
    ]


def url(name: str, obj=None, *args) -> str:
    meta = (obj if isinstance(obj, type) else type(obj))._meta
    if obj is None or isinstance(obj, type):
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_{name}", args=args)
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{name}", args=[obj.pk, *args])


def open_and_save(client, page_url: str, changes: dict | None = None, edit=None):
    """Opens an admin form page, changes what an editor would, and saves it as a browser would."""
    page = client.get(page_url)
    assert page.status_code == 200
    data = page_values(page)
    data.update(changes or {})
    if edit:
        edit(data)
    response = client.post(page_url, data)
    assert response.status_code == 302, page_errors(response)
    return response


def page_errors(response) -> list:
    if response.context is None or "adminform" not in response.context:
        return [response.status_code]
    errors = [response.context["adminform"].form.errors]
    for inline in response.context.get("inline_admin_formsets") or []:
        errors += [inline.formset.non_form_errors(), *inline.formset.errors]
    return errors


def run_action(client, model, action: str, objects, **extra):
    response = client.post(
        url("changelist", model),
        {"action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects], **extra},
    )
    assert response.status_code == 302
    return response


@dataclass
class Write:
    """One write about to happen: `run()` writes, then `expected` names the records it leaves."""

    run: object
    # (model, pk, history type) for every record the write should leave, nothing else.
    expected: list = field(default_factory=list)
    by_editor: bool = True
    # For a change or a deletion: values the object held before, to be found in the history.
    before: dict = field(default_factory=dict)
    reason: str | None = None


# The write paths ----------------------------------------------------------------------------


def admin_add_page(client):
    article, speaker = make_article(), make_speaker()

    def run():
        open_and_save(
            client,
            url("add", Quote),
            {
                "text": "Words typed on the add page",
                "speaker": str(speaker.pk),
                "article": str(article.pk),
            },
        )
        write.expected = [(Quote, Quote.objects.get(text="Words typed on the add page").pk, "+")]

    write = Write(run)
    return write


def admin_change_page(client):
    quote = make_quote(status=DRAFT, text="Words before the change")
    make_tag(quote=quote)  # an untouched inline row must not be saved again
    return Write(
        lambda: open_and_save(client, url("change", quote), {"text": "Words after the change"}),
        [(Quote, quote.pk, "~")],
        before={"text": "Words before the change"},
    )


def admin_delete_page_for_a_draft_quote(client):
    quote = make_quote(status=DRAFT, text="A draft to delete")
    return Write(
        lambda: client.post(url("delete", quote), {"post": "yes"}),
        [(Quote, quote.pk, "-")],
        before={"text": "A draft to delete"},
    )


def admin_delete_page_for_a_stance_tag(client):
    tag = make_tag(note="A reading to delete")
    return Write(
        lambda: client.post(url("delete", tag), {"post": "yes"}),
        [(StanceTag, tag.pk, "-")],
        before={"note": "A reading to delete"},
    )


def changelist_delete_selected_drafts(client):
    drafts = [make_quote(status=DRAFT) for _ in range(2)]
    return Write(
        lambda: run_action(client, Quote, "delete_selected", drafts, post="yes"),
        [(Quote, draft.pk, "-") for draft in drafts],
        before={"status": DRAFT},
    )


def quote_inline_added_on_the_article_page(client):
    article, speaker = make_article(), make_speaker()
    make_quote(article=article, status=DRAFT)  # an untouched row

    def run():
        open_and_save(
            client,
            url("change", article),
            edit=lambda data: add_inline_row(
                data,
                "quotes",
                id="",
                article=str(article.pk),
                kind=Quote.Kind.DIRECT,
                status=DRAFT,
                retraction_reason="",
                text="Words added in the article's quote list",
                speaker=str(speaker.pk),
                about="",
                attribution_text="",
                said_on="",
                responds_to="",
                start_offset="",
                end_offset="",
                loaded_version="",
            ),
        )
        added = Quote.objects.get(text="Words added in the article's quote list")
        write.expected = [(Quote, added.pk, "+")]

    write = Write(run)
    return write


def quote_inline_changed_on_the_article_page(client):
    article = make_article()
    quote = make_quote(article=article, status=DRAFT, text="Inline words before")
    make_quote(article=article, status=DRAFT)  # an untouched row

    def edit(data):
        row = inline_row_index(data, "quotes", quote.pk)
        data[f"quotes-{row}-text"] = "Inline words after"

    return Write(
        lambda: open_and_save(client, url("change", article), edit=edit),
        [(Quote, quote.pk, "~")],
        before={"text": "Inline words before"},
    )


def tag_inline_added_on_the_quote_page(client):
    quote, stance = make_quote(), make_stance()
    make_tag(quote=quote)  # an untouched row

    def run():
        open_and_save(
            client,
            url("change", quote),
            edit=lambda data: add_inline_row(
                data,
                "tags",
                id="",
                quote=str(quote.pk),
                stance=str(stance.pk),
                alignment=StanceTag.Alignment.OPPOSES,
                note="",
                loaded_version="",
            ),
        )
        write.expected = [(StanceTag, StanceTag.objects.get(quote=quote, stance=stance).pk, "+")]

    write = Write(run)
    return write


def tag_inline_changed_on_the_quote_page(client):
    quote = make_quote()
    tag = make_tag(quote=quote, note="Reading before")
    make_tag(quote=quote)  # an untouched row

    def edit(data):
        data[f"tags-{inline_row_index(data, 'tags', tag.pk)}-note"] = "Reading after"

    return Write(
        lambda: open_and_save(client, url("change", quote), edit=edit),
        [(StanceTag, tag.pk, "~")],
        before={"note": "Reading before"},
    )


def tag_inline_deleted_on_the_quote_page(client):
    quote = make_quote()
    tag = make_tag(quote=quote, note="Reading to delete")
    make_tag(quote=quote)  # an untouched row

    def edit(data):
        data[f"tags-{inline_row_index(data, 'tags', tag.pk)}-DELETE"] = "on"

    return Write(
        lambda: open_and_save(client, url("change", quote), edit=edit),
        [(StanceTag, tag.pk, "-")],
        before={"note": "Reading to delete"},
    )


def publish_action(client):
    draft = make_quote(status=DRAFT)
    return Write(
        lambda: run_action(client, Quote, "publish_quotes", [draft]),
        [(Quote, draft.pk, "~")],
        before={"status": DRAFT, "published_at": None},
    )


def retract_action_with_a_reason(client):
    quote = make_quote()
    return Write(
        lambda: run_action(
            client, Quote, "retract_quotes", [quote], apply="1", reason="Misattributed."
        ),
        [(Quote, quote.pk, "~")],
        before={"status": Quote.Status.PUBLISHED, "retraction_reason": ""},
    )


def revert_to_an_earlier_version(client):
    quote = make_quote(status=DRAFT, text="The first wording")
    first = quote.history.get()
    quote.text = "The second wording"
    quote.save()
    return Write(
        lambda: open_and_save(client, url("simple_history", quote, first.history_id)),
        [(Quote, quote.pk, "~")],
        before={"text": "The second wording"},
    )


def restore_a_deleted_quote(client):
    quote = make_quote(status=DRAFT, text="Deleted, then restored")
    pk = quote.pk
    quote.delete()
    deleted = Quote.history.get(id=pk, history_type="-")
    return Write(
        lambda: client.post(url("restore", Quote, deleted.history_id)),
        [(Quote, pk, "+")],
        reason=RESTORED,
    )


def model_save_creating_from_code(client):
    article, speaker = make_article(), make_speaker()

    def run():
        quote = Quote.objects.create(article=article, speaker=speaker, text="Created in code")
        write.expected = [(Quote, quote.pk, "+")]

    write = Write(run, by_editor=False)
    return write


def model_save_changing_from_code(client):
    quote = make_quote(text="Code before")

    def run():
        quote.text = "Code after"
        quote.save()

    return Write(run, [(Quote, quote.pk, "~")], by_editor=False, before={"text": "Code before"})


def model_delete_from_code(client):
    tag = make_tag(note="Deleted in code")
    return Write(
        tag.delete, [(StanceTag, tag.pk, "-")], by_editor=False, before={"note": "Deleted in code"}
    )


def queryset_delete_of_drafts(client):
    drafts = [make_quote(status=DRAFT) for _ in range(2)]
    make_quote()  # published: not selected, not touched
    return Write(
        lambda: Quote.objects.drafts().delete(),
        [(Quote, draft.pk, "-") for draft in drafts],
        by_editor=False,
        before={"status": DRAFT},
    )


WRITE_PATHS = [
    admin_add_page,
    admin_change_page,
    admin_delete_page_for_a_draft_quote,
    admin_delete_page_for_a_stance_tag,
    changelist_delete_selected_drafts,
    quote_inline_added_on_the_article_page,
    quote_inline_changed_on_the_article_page,
    tag_inline_added_on_the_quote_page,
    tag_inline_changed_on_the_quote_page,
    tag_inline_deleted_on_the_quote_page,
    publish_action,
    retract_action_with_a_reason,
    revert_to_an_earlier_version,
    restore_a_deleted_quote,
    model_save_creating_from_code,
    model_save_changing_from_code,
    model_delete_from_code,
    queryset_delete_of_drafts,
]


@pytest.mark.parametrize("path", WRITE_PATHS, ids=[path.__name__ for path in WRITE_PATHS])
def test_each_write_path_leaves_exactly_one_history_record_per_object(path, editor, editor_client):
    write = path(editor_client)
    before = latest_history_ids()

    write.run()

    records = history_since(before)
    left = {(type(r).instance_type, r.id, r.history_type) for r in records}
    assert len(records) == len(write.expected)
    assert left == set(write.expected)
    for record in records:
        assert record.history_user == (editor if write.by_editor else None)
        if write.reason:
            assert record.history_change_reason == write.reason
        if record.history_type == "~":
            earlier = record.prev_record
            assert earlier is not None
            for name, value in write.before.items():
                assert getattr(earlier, name) == value
                assert getattr(record, name) != value
        elif record.history_type == "-":
            for name, value in write.before.items():
                assert getattr(record, name) == value


def test_the_delete_path_keeps_the_values_the_object_held_when_deleted(editor_client):
    tag = make_tag(note="Kept after deletion")
    editor_client.post(url("delete", tag), {"post": "yes"})
    assert tag.history.filter(history_type="-").get().note == "Kept after deletion"


def test_every_content_model_keeps_a_history():
    assert {model.__name__ for model in content_models()} >= {
        "Outlet",
        "Article",
        "Speaker",
        "SpeakerRole",
        "Election",
        "Candidacy",
        "Topic",
        "Stance",
        "Quote",
        "StanceTag",
    }


# The demo loader ----------------------------------------------------------------------------


def loaddemo() -> str:
    out = io.StringIO()
    call_command("loaddemo", "--demo-editor", stdout=out)
    return out.getvalue()


def test_the_demo_loaders_first_run_leaves_one_creation_record_per_object_it_creates():
    before = latest_history_ids()
    report = loaddemo()

    records = history_since(before)
    objects = [(type(r).instance_type, r.id) for r in records]
    assert len(objects) == len(set(objects))
    assert {r.history_type for r in records} == {"+"}
    assert {r.history_user for r in records} == {None}
    assert {r.history_change_reason for r in records} == {CHANGE_REASON}
    assert set(objects) == {
        (model, pk)
        for model in content_models()
        for pk in model._base_manager.values_list("pk", flat=True)
    }
    # The report counts the demo editor's account too, which has no history of its own.
    assert f"Demo data loaded: {len(records) + 1} created, 0 already there" in report


def test_the_demo_loaders_second_run_leaves_no_history_record():
    loaddemo()
    before = latest_history_ids()
    loaddemo()
    assert history_since(before) == []


def test_the_demo_loader_records_the_re_creation_of_a_deleted_demo_object():
    loaddemo()
    role = SpeakerRole.objects.get(title="Kremlin spokesman")
    role.delete()
    before = latest_history_ids()

    loaddemo()

    [record] = history_since(before)
    assert (record.instance_type, record.history_type) == (SpeakerRole, "+")
    assert record.title == "Kremlin spokesman"
    assert record.history_change_reason == CHANGE_REASON


# Bulk writes --------------------------------------------------------------------------------

BULK_METHODS = {"bulk_create", "bulk_update", "update"}


# Files allowed to write in bulk without history, and why.
BULK_WITHOUT_HISTORY = {
    # seedsynthetic: fictional data for trying the site at volume; its help says it has no history.
    "synthetic.py",
}


def bulk_calls_in_production_code() -> list[str]:
    """Calls of QuerySet.update / bulk_create / bulk_update that may reach a model with history:
    they skip save() and with it the history. Models without history (extraction suggestions)
    may be written in bulk."""
    untracked = {
        model.__name__
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if not hasattr(model, "history") and not model.__name__.startswith("Historical")
    }
    found = []
    for app in CONTENT_APPS:
        for source in (PROJECT / app).rglob("*.py"):
            if "migrations" in source.parts or source.name in BULK_WITHOUT_HISTORY:
                continue
            tree = ast.parse(source.read_text(), filename=str(source))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                    continue
                if node.func.attr not in BULK_METHODS:
                    continue
                chain = ast.unparse(node.func.value)
                if chain.split(".")[0] in untracked:
                    continue
                if node.func.attr != "update" or "objects" in chain or "queryset" in chain:
                    found.append(f"{source.relative_to(PROJECT)}:{node.lineno} {chain}")
    return found


def test_no_production_code_writes_content_in_bulk_without_history():
    # bulk_create_with_history / bulk_update_with_history are simple_history's, and allowed.
    assert bulk_calls_in_production_code() == []
