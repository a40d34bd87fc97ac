"""The questionnaire: two radio groups per stance, named by the stance's id so that a shared
address keeps working whatever editors rename (`s12=agree&w12=2`)."""

import re

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .scoring import Answer, Importance, View

ANSWER_KEY = re.compile(r"^[sw](\d{1,18})$")


def view_name(stance) -> str:
    return f"s{stance.pk}"


def importance_name(stance) -> str:
    return f"w{stance.pk}"


def has_answers(query) -> bool:
    """Whether an address carries answers (known stances or not), not just the empty form."""
    return any(ANSWER_KEY.match(key) for key in query)


class Radios(forms.RadioSelect):
    """Radio buttons, each inside its label (one large target), rendered in Python: Django's
    template per option costs about a millisecond, and a questionnaire has hundreds. With no
    value in the address the default is checked, so every group always has a choice."""

    def __init__(self, default, attrs=None, choices=()):
        super().__init__(attrs, choices)
        self.default = default

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs or {})
        base_id = escape(attrs.pop("id", f"id_{name}"))
        chosen = value if value in {str(key) for key, _ in self.choices} else self.default
        # Each piece escaped once, not per option through format_html: a questionnaire of 150
        # statements has 750 options, and this was most of the form's rendering time.
        name, extra = escape(name), flatatt(attrs)
        items = []
        for n, (key, label) in enumerate(self.choices):
            key = str(key)
            checked = " checked" if key == chosen else ""
            items.append(
                f'<li><label for="{base_id}_{n}"><input type="radio" name="{name}"'
                f' value="{escape(key)}" id="{base_id}_{n}"{extra}{checked}> {escape(label)}'
                "</label></li>"
            )
        items = "".join(items)
        return mark_safe(f'<ul class="match-choices">{items}</ul>')


class AnswersForm(forms.Form):
    """One view (agree, disagree, skip) and one importance per question; both optional, so an
    address that leaves a stance out skips it. A value given twice is refused, not guessed."""

    def __init__(self, data, stances):
        super().__init__(data)
        self.stances = stances
        for stance in stances:
            self.fields[view_name(stance)] = forms.ChoiceField(
                label="Your view",
                choices=View.choices,
                required=False,
                widget=Radios(default=View.SKIP),
                error_messages={"invalid_choice": "Choose agree, disagree or skip."},
            )
            self.fields[importance_name(stance)] = forms.ChoiceField(
                label="How much it matters to you",
                choices=Importance.choices,
                required=False,
                widget=Radios(default=Importance.LITTLE),
                error_messages={"invalid_choice": "Choose a little or a lot."},
            )

    def clean(self):
        for name in self.fields:
            if self.data and len(self.data.getlist(name)) > 1:
                self.add_error(name, "This address gives more than one answer here; choose one.")
        return super().clean()

    def topics(self):
        """[(topic, [(stance, view field, importance field), ...]), ...] in display order."""
        groups: dict[int, tuple] = {}
        for stance in self.stances:
            row = (stance, self[view_name(stance)], self[importance_name(stance)])
            groups.setdefault(stance.topic_id, (stance.topic, []))[1].append(row)
        return list(groups.values())

    def errors_by_stance(self):
        """[(stance, bound field, error), ...] for the summary at the top of the form."""
        return [
            (stance, field, error)
            for stance in self.stances
            for field in (self[view_name(stance)], self[importance_name(stance)])
            for error in field.errors
        ]

    def answers(self) -> list[Answer]:
        """The stances answered agree or disagree, in the form's order (after is_valid)."""
        result = []
        for stance in self.stances:
            view = self.cleaned_data.get(view_name(stance)) or View.SKIP
            if view == View.SKIP:
                continue
            importance = self.cleaned_data.get(importance_name(stance)) or Importance.LITTLE
            result.append(Answer(stance=stance, view=view, importance=importance))
        return result

    def unknown_stances(self) -> int:
        """How many stances the address answers that are not asked here (an old link: their
        evidence changed, or they belong to another election). They are left out."""
        asked = {str(stance.pk) for stance in self.stances}
        named = {m[1] for key in self.data if (m := ANSWER_KEY.match(key))}
        return len(named - asked)
