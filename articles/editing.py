"""Admin building blocks shared by both apps' editors: history with restore, and no lost updates.

`ContentAdmin` is a django-simple-history admin (each object's history with a field-by-field diff,
and "revert" to any earlier version) that also lists deleted objects and restores them.
`VersionedForm` refuses to save over changes another editor made after this form was opened,
shows what they changed, and keeps everything this editor typed.
Lives in `articles` because `stances` may import `articles`, never the reverse.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import NestedObjects, flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.db.models import Exists, OuterRef
from django.forms.models import model_to_dict
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

RESTORED = "Restored from history"


def reverted_to(record) -> str:
    """The change reason and log message of a revert to the version `record` holds."""
    when = date_format(localtime(record.history_date), "DATETIME_FORMAT")
    return f"Reverted to the version of {when}"


def excerpt(text: str, length: int = 90) -> str:
    """The text, cut at `length` characters with an ellipsis, for lists and messages."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def describe(value, field=None) -> str:
    """A value as an editor reads it: a choice by its label, "—" for nothing, long text cut."""
    if field is not None and field.choices:
        value = dict(field.flatchoices).get(value, value)
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 120 else text[:119] + "…"


def changes_since(instance, version: int) -> tuple[list[str], object]:
    """Field-by-field changes from the record at `version` to the latest, and that latest record."""
    history = instance.history.order_by("-history_date", "-history_id")
    latest = history.first()
    then = history.filter(version=version).first()
    if latest is None or then is None:
        return [], latest
    delta = latest.diff_against(then, foreign_keys_are_objs=True)
    lines = []
    for change in delta.changes:
        if change.field in {"version", "updated_at"}:
            continue
        field = instance._meta.get_field(change.field)
        old, new = describe(change.old, field), describe(change.new, field)
        lines.append(f"{field.verbose_name}: “{old}” → “{new}”")
    return lines, latest


class ReadableChanges(HistoricalRecordContextHelper):
    """The history page's diff as editors read it: choices by their labels, "—" for nothing."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.choices and not field.many_to_many:
            value = dict(field.flatchoices).get(value, value)
        if value in (None, ""):
            return "—"
        return super().prepare_delta_change_value(change, value)


class VersionedForm(forms.ModelForm):
    """A model form that notices when someone else saved the object after it was opened."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Set by the history "revert" page, where the instance shown is an old version.
    start_from_current_version = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            return
        if not self.is_bound:
            version = self.instance.version
            if self.start_from_current_version:
                version = self.current_version(lock=False)
            self.fields["loaded_version"].initial = version
        elif not self.start_from_current_version:
            self.initial.update(self.values_as_loaded())

    def values_as_loaded(self) -> dict:
        """The values this editor's page showed, when someone else has saved since it opened.

        Compared with them, a field or inline row the editor left alone counts as untouched
        (not saved, no conflict) even though it now differs from the database.
        """
        try:
            loaded = int(self.data.get(self.add_prefix("loaded_version")))
        except (TypeError, ValueError):
            return {}
        history = getattr(type(self.instance), "history", None)
        if loaded == self.instance.version or history is None:
            return {}
        record = (
            history.filter(id=self.instance.pk, version=loaded)
            .order_by("-history_date", "-history_id")
            .first()
        )
        if record is None:
            return {}
        self.loaded_values = model_to_dict(
            record.instance, fields=list(self.fields), exclude=self._meta.exclude
        )
        return self.loaded_values

    @property
    def changed_data(self):
        # The version is bookkeeping, not an edit: counting it saved every untouched inline row
        # again (a needless history record and version) and logged "Changed loaded version".
        return [name for name in super().changed_data if name != "loaded_version"]

    def current_version(self, lock=True):
        rows = type(self.instance)._base_manager.filter(pk=self.instance.pk)
        if lock:
            rows = rows.select_for_update()
        return rows.values_list("version", flat=True).first()

    def clean(self):
        data = super().clean()
        if not self.instance.pk:
            return data
        if not self.start_from_current_version and not self.has_changed():
            # Nothing here differs from what the editor loaded: it is not saved, so it
            # overwrites nothing (an untouched row, or the article around a changed quote).
            return data
        current = self.current_version()
        loaded = data.get("loaded_version")
        if current is None or loaded == current:
            self.instance.version = current or self.instance.version
            return data
        # Let a second, deliberate save win: the re-rendered form carries the current version.
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = current
        taken = self.take_their_changes()
        lines, latest = changes_since(self.instance, loaded) if loaded else ([], None)
        who = "Another editor"
        when = ""
        if latest is not None:
            if latest.history_user:
                who = latest.history_user.get_username()
            when = f" at {date_format(localtime(latest.history_date), 'DATETIME_FORMAT')}"
        summary = "; ".join(lines) if lines else "see the object's history"
        taken_note = (
            " Their changes to fields you did not edit are now in the form." if taken else ""
        )
        raise forms.ValidationError(
            f"{who} saved this {self.instance._meta.verbose_name}{when}, after you opened it. "
            f"Their changes: {summary}.{taken_note} Your input is still in the form: compare "
            "it with theirs, then save again to keep yours, or reload the page to start from "
            "theirs.",
            code="stale",
        )

    def take_their_changes(self) -> list[str]:
        """Puts the stored value into the posted data of each field this editor left as loaded
        but someone else changed since, and returns those fields' names.

        Without it the re-rendered form still held the values as loaded, and "save again"
        silently undid the other editor's change to fields this editor never touched.
        """
        loaded = getattr(self, "loaded_values", None)
        if not loaded:
            return []
        row = type(self.instance)._base_manager.filter(pk=self.instance.pk).first()
        if row is None:
            return []
        current = model_to_dict(row, fields=list(loaded))
        edited = set(self.changed_data)
        taken = []
        for name, value in current.items():
            if name in edited or name not in self.fields or value == loaded.get(name):
                continue
            put_posted_value(self.data, self[name], value)
            taken.append(name)
        return taken


def put_posted_value(data, bound, value) -> None:
    """Writes `value` into `data` under the names a browser would post it for this field."""
    widget = bound.field.widget
    while hasattr(widget, "widget") and not isinstance(widget, forms.MultiWidget):
        widget = widget.widget  # the admin's related-object wrapper
    value = bound.field.prepare_value(value)
    name = bound.html_name
    if isinstance(widget, forms.CheckboxInput):
        if widget.check_test(value):
            data[name] = "on"
        else:
            data.pop(name, None)
    elif isinstance(widget, forms.MultiWidget):
        parts = value if isinstance(value, list | tuple) else widget.decompress(value)
        for suffix, sub, part in zip(widget.widgets_names, widget.widgets, parts, strict=True):
            data[name + suffix] = sub.format_value(part) or ""
    elif isinstance(widget, forms.SelectMultiple):
        data.setlist(name, widget.format_value(value))
    elif isinstance(widget, forms.Select):
        chosen = widget.format_value(value)
        data[name] = chosen[0] if chosen else ""
    else:
        formatted = widget.format_value(value)
        data[name] = "" if formatted is None else str(formatted)


def with_loaded_version(fieldsets) -> list:
    """The fieldsets with the hidden version field: a field left out of them is not rendered,
    so the browser never posted it and every save of such a page looked stale."""
    if "loaded_version" in flatten_fieldsets(fieldsets):
        return fieldsets
    (name, options), *rest = fieldsets
    return [(name, {**options, "fields": [*options["fields"], "loaded_version"]}), *rest]


class ContentAdmin(SimpleHistoryAdmin):
    """The admin for every content model: history, diff, revert, and restore after deletion."""

    form = VersionedForm
    change_list_template = "admin/content_change_list.html"
    history_list_display = ["version"]

    def get_ordering(self, request):
        # The model's own order, stated: annotated (GROUP BY) querysets drop Meta.ordering, and
        # the autocomplete would page through them unordered.
        return super().get_ordering(request) or self.model._meta.ordering

    def get_fieldsets(self, request, obj=None):
        return with_loaded_version(super().get_fieldsets(request, obj))

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if "data" in kwargs and issubclass(inline.formset, VersionedInlineFormSet):
            kwargs["data"], gone = without_rows_deleted_since(kwargs["data"], prefix, inline.model)
            kwargs["deleted_since_opened"] = gone
        return kwargs

    def get_deleted_objects(self, objs, request):
        """As Django's, but asks for permission to delete only what would be deleted.

        Django also asked it of the protected objects, which are kept: a published quote (never
        deletable) citing a speaker then read "your account doesn't have permission to delete
        quote" instead of listing the quotes that protect the speaker.
        """
        to_delete, counts, _, protected = super().get_deleted_objects(objs, request)
        collector = NestedObjects(using=router.db_for_write(self.model), origin=objs)
        collector.collect(objs)
        perms_needed = set()
        for model, instances in collector.data.items():
            if not self.admin_site.is_registered(model):
                continue
            model_admin = self.admin_site.get_model_admin(model)
            if any(not model_admin.has_delete_permission(request, obj) for obj in instances):
                perms_needed.add(model._meta.verbose_name)
        return to_delete, counts, perms_needed, protected

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def save_model(self, request, obj, form, change):
        # An untouched parent form (the editor changed only inline rows) is not saved again:
        # that would leave an empty history record and bump the version under other editors.
        # A revert starts from an old version, so "unchanged" there still means a change.
        if (
            change
            and not form.has_changed()
            and not getattr(form, "start_from_current_version", False)
        ):
            return
        record = self.reverted_record(request)
        if record is not None:
            obj._change_reason = reverted_to(record)
        super().save_model(request, obj, form, change)

    def reverted_record(self, request):
        """On the history "revert" page, the record being reverted to; else None."""
        match = request.resolver_match
        if not (match and match.url_name and match.url_name.endswith("_simple_history")):
            return None
        # simple_history's URL passes (object_id, version_id) positionally.
        version_id = match.args[-1] if match.args else match.kwargs.get("version_id")
        if not (str(version_id).isascii() and str(version_id).isdigit()):
            return None
        return self.model.history.filter(history_id=version_id).only("history_date").first()

    def construct_change_message(self, request, form, formsets, add=False):
        # Logged as plain "Changed" before, a revert now says what it did.
        record = None if add else self.reverted_record(request)
        if record is not None:
            return reverted_to(record) + "."
        return super().construct_change_message(request, form, formsets, add)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Like the change page, one transaction: the version check locks the row it reads.
        # simple_history's submit line reads `onclick_attrib`, which it never sets.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(
                request, object_id, version_id, {"onclick_attrib": "", **(extra_context or {})}
            )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        match = request.resolver_match
        if match and match.url_name and match.url_name.endswith("_simple_history"):
            form = type(form.__name__, (form,), {"start_from_current_version": True})
        return form

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "deleted/",
                self.admin_site.admin_view(self.deleted_view),
                name="{}_{}_deleted".format(*info),
            ),
            path(
                "deleted/<int:history_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            *super().get_urls(),
        ]

    def deleted_records(self):
        """The last history record of each object that no longer exists."""
        history = self.model.history.model
        still_there = self.model._base_manager.filter(pk=OuterRef("id"))
        newer = history.objects.filter(id=OuterRef("id"), history_date__gt=OuterRef("history_date"))
        return (
            history.objects.filter(history_type="-")
            .filter(~Exists(still_there), ~Exists(newer))
            .select_related("history_user")
            .order_by("-history_date")
        )

    def deleted_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": f"Deleted {self.opts.verbose_name_plural}",
            "opts": self.opts,
            "records": self.deleted_records()[:200],
        }
        return TemplateResponse(request, "admin/deleted_objects.html", context)

    def restore_view(self, request, history_id):
        with transaction.atomic(using=router.db_for_write(self.model)):
            return self._restore(request, history_id)

    def _restore(self, request, history_id):
        if not self.has_add_permission(request):
            raise PermissionDenied
        record = get_object_or_404(self.deleted_records(), history_id=history_id)
        deleted_list = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_deleted")
        if request.method != "POST":
            return HttpResponseRedirect(deleted_list)
        instance = record.instance
        instance._change_reason = RESTORED
        instance._history_user = request.user
        try:
            instance.full_clean(validate_unique=True)
        except forms.ValidationError as problem:
            messages.error(
                request,
                f"“{record.history_object}” cannot be restored as it was: "
                + " ".join(problem.messages),
            )
            return HttpResponseRedirect(deleted_list)
        instance.save()
        when = date_format(localtime(record.history_date), "DATETIME_FORMAT")
        self.log_addition(request, instance, f"{RESTORED}: deleted {when}, restored as it was.")
        messages.success(request, f"Restored “{instance}”.")
        return HttpResponseRedirect(
            reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[instance.pk]
            )
        )


def without_rows_deleted_since(data, prefix: str, model):
    """The posted inline rows minus those whose object no longer exists, renumbered, and the
    primary keys of the rows left out.

    Django's admin pairs the posted rows with the objects still there by position: one row
    deleted by another editor shifted every later row onto the wrong object, and the last row
    (with what this editor typed in it) disappeared from the page.
    """
    try:
        total = int(data[f"{prefix}-TOTAL_FORMS"])
        initial = int(data[f"{prefix}-INITIAL_FORMS"])
    except (KeyError, ValueError):
        return data, []
    pk_name = model._meta.pk.name
    posted = {data.get(f"{prefix}-{i}-{pk_name}") for i in range(initial)}
    existing = {
        str(pk)
        for pk in model._base_manager.filter(
            pk__in=[pk for pk in posted if pk and pk.isascii() and pk.isdigit()]
        ).values_list("pk", flat=True)
    }
    gone = [i for i in range(initial) if data.get(f"{prefix}-{i}-{pk_name}") not in existing]
    if not gone:
        return data, []
    row = f"{prefix}-"
    kept = [i for i in range(total) if i not in gone]
    renumbered = data.copy()
    for key in list(renumbered):
        if key.startswith(row) and key.split("-")[-2].isascii() and key.split("-")[-2].isdigit():
            del renumbered[key]
    for new, old in enumerate(kept):
        old_row = f"{prefix}-{old}-"
        for key, values in data.lists():
            if key.startswith(old_row):
                renumbered.setlist(f"{prefix}-{new}-{key[len(old_row) :]}", values)
    renumbered[f"{prefix}-TOTAL_FORMS"] = str(len(kept))
    renumbered[f"{prefix}-INITIAL_FORMS"] = str(initial - len(gone))
    return renumbered, [data.get(f"{prefix}-{i}-{pk_name}") for i in gone]


class VersionedInlineFormSet(forms.BaseInlineFormSet):
    """Tells the editor who deleted rows of this page after it was opened (the rows are left
    out; see `without_rows_deleted_since`), before anything is saved."""

    def __init__(self, *args, deleted_since_opened=(), **kwargs):
        self.deleted_since_opened = list(deleted_since_opened)
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.deleted_since_opened:
            return
        history = getattr(self.model, "history", None)
        deletion = history and (
            history.filter(id__in=self.deleted_since_opened, history_type="-")
            .order_by("-history_date")
            .first()
        )
        who = "Someone else"
        if deletion and deletion.history_user:
            who = deletion.history_user.get_username()
        count = len(self.deleted_since_opened)
        meta = self.model._meta
        rows = f"{count} {meta.verbose_name if count == 1 else meta.verbose_name_plural}"
        raise forms.ValidationError(
            f"{who} deleted {rows} of this page after you "
            "opened it, so they are no longer shown. Your input in the other rows is still in "
            "the form: save again to keep it.",
            code="deleted",
        )


class VersionedInlineMixin:
    """Inline rows get the same check as the main form."""

    form = VersionedForm
    formset = VersionedInlineFormSet

    def get_fieldsets(self, request, obj=None):
        return with_loaded_version(super().get_fieldsets(request, obj))


class ContentTabularInline(VersionedInlineMixin, admin.TabularInline):
    pass


class ContentStackedInline(VersionedInlineMixin, admin.StackedInline):
    pass
