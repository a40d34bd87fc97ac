"""What a browser would post back from an admin form page: every field's current value, the
hidden ones (`loaded_version`, inline ids, management forms) included."""

from html.parser import HTMLParser

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper


class _Controls(HTMLParser):
    """Collects what a browser would submit from each form control of a page."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self._select = None  # [name, chosen values, first option's value]
        self._textarea = None  # [name, text]

    def _add(self, name, value):
        self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._add(name, attrs.get("value") or "on")
            elif kind not in {"submit", "button", "reset", "image", "file"}:
                self._add(name, attrs.get("value") or "")
        elif tag == "select" and name:
            self._select = [name, [], None]
        elif tag == "option" and self._select is not None:
            value = attrs.get("value") or ""
            if self._select[2] is None:
                self._select[2] = value
            if "selected" in attrs:
                self._select[1].append(value)
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select" and self._select is not None:
            name, chosen, first = self._select
            for value in chosen or ([first] if first is not None else []):
                self._add(name, value)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self._add(name, text.removeprefix("\r").removeprefix("\n"))
            self._textarea = None


def browser_values(html: str) -> dict[str, list[str]]:
    """Every control's submitted values (a list per name), read from the HTML as a browser
    would, without the inlines' "__prefix__" template rows."""
    parser = _Controls()
    parser.feed(html)
    return {name: v for name, v in parser.values.items() if "__prefix__" not in name}


class _Names(HTMLParser):
    def __init__(self):
        super().__init__()
        self.names = set()

    def handle_starttag(self, tag, attrs):
        name = dict(attrs).get("name")
        if tag in {"input", "select", "textarea"} and name:
            self.names.add(name)


def rendered_names(html: str) -> set[str]:
    """The names of every form control in the page's HTML (checked or not)."""
    parser = _Names()
    parser.feed(html)
    return parser.names


def _unwrapped(widget):
    while isinstance(widget, RelatedFieldWidgetWrapper):
        widget = widget.widget
    return widget


def field_values(form) -> dict:
    """The form's fields as the page shows them (typed input if bound, initial values if not)."""
    data = {}
    for bound in form:
        widget = _unwrapped(bound.field.widget)
        value = bound.value()
        if isinstance(widget, forms.CheckboxInput):
            if widget.check_test(value):
                data[bound.html_name] = "on"
        elif isinstance(widget, forms.MultiWidget):
            parts = value if isinstance(value, list | tuple) else widget.decompress(value)
            for suffix, sub, part in zip(widget.widgets_names, widget.widgets, parts, strict=True):
                data[bound.html_name + suffix] = sub.format_value(part) or ""
        elif isinstance(widget, forms.SelectMultiple):
            data[bound.html_name] = widget.format_value(value)
        elif isinstance(widget, forms.Select):
            chosen = widget.format_value(value)
            data[bound.html_name] = chosen[0] if chosen else ""
        else:
            formatted = widget.format_value(value)
            data[bound.html_name] = "" if formatted is None else formatted
    return data


def formset_values(formset) -> dict:
    """A formset's management form and every row (not the empty template row)."""
    data = field_values(formset.management_form)
    for form in formset.forms:
        data.update(field_values(form))
    return data


def page_values(response) -> dict:
    """Everything an admin add, change or history ("revert") page would post as it stands.

    Values come from the page's forms; each must also be a control in the HTML, since a field
    the page does not render is one the browser never posts.
    """
    data = field_values(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets") or []:
        data.update(formset_values(inline.formset))
    unrendered = set(data) - rendered_names(response.content.decode())
    assert not unrendered, f"The page has no control for {sorted(unrendered)}"
    return data


def inline_prefix(response, model) -> str:
    """The form prefix of the inline editing `model` on this page (for example "tags")."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise LookupError(f"No inline for {model.__name__} on this page")


def add_inline_row(data: dict, prefix: str, **fields) -> dict:
    """Adds one new row to an inline, as the "Add another" link does, and counts it."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in fields.items():
        data[f"{prefix}-{index}-{name}"] = value
    return data


def inline_row_index(data: dict, prefix: str, pk) -> int:
    """Which row of an inline holds the object with this primary key."""
    for index in range(int(data[f"{prefix}-TOTAL_FORMS"])):
        if data.get(f"{prefix}-{index}-id") == str(pk):
            return index
    raise LookupError(f"No row for {pk} in {prefix}")
