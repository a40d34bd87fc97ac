"""The quote browser's filters for the API: the page's own QuoteFilter, so a parameter means and
validates the same in both, plus the article a quote was reported in."""

import copy

import django_filters
from django import forms
from drf_spectacular.utils import extend_schema_field

from articles.models import Article
from stances.filters import QuoteFilter, QuoteFilterForm


class ApiQuoteFilterForm(QuoteFilterForm):
    def clean(self):
        # The page shows a date clash above the form; the API names the parameter to change.
        try:
            return super().clean()
        except forms.ValidationError as clash:
            self.add_error("said_before", clash)
            return self.cleaned_data


class ApiQuoteFilter(QuoteFilter):
    article = django_filters.ModelChoiceFilter(
        queryset=Article.objects.all(),
        label="Article",
        help_text="The id of the article the quotes were reported in.",
    )

    class Meta(QuoteFilter.Meta):
        form = ApiQuoteFilterForm


def slug_of(what: str) -> dict:
    return {"type": "string", "description": f"The slug of {what}."}


# How the OpenAPI document describes each parameter (the page's labels are for its form).
PARAMETERS = {
    "q": {
        "type": "string",
        "maxLength": 200,
        "description": "Search words: each must match the quote, its attribution or a speaker's "
        "name.",
    },
    "speaker": slug_of("a speaker: quotes they said, and quotes reported about them"),
    "holder": slug_of(
        "a speaker: the quotes that give their position (their own words unless about someone "
        "else, and reports about them), as a grid cell counts them"
    ),
    "topic": slug_of("a topic: quotes tagged with one of its stances"),
    "stance": slug_of("a stance: quotes tagged with it"),
    "alignment": {
        "type": "string",
        "enum": ["supports", "opposes", "neutral"],
        "description": "Quotes with a tag of this alignment (with `topic` or `stance`: on the "
        "same tag).",
    },
    "kind": {
        "type": "string",
        "enum": ["direct", "partial", "paraphrase", "anonymous"],
        "description": "direct: the speaker's own words; partial: a quoted fragment inside "
        "reporting; paraphrase: reported speech; anonymous: a claim by unnamed sources.",
    },
    "outlet": slug_of("an outlet: quotes reported in its articles"),
    "election": slug_of("an election: quotes by or about its candidates"),
    "said_after": {
        "type": "string",
        "format": "date",
        "description": "On or after this day: the day said, or reported when that is unknown.",
    },
    "said_before": {
        "type": "string",
        "format": "date",
        "description": "On or before this day (not before `said_after`).",
    },
    "article": {
        "type": "integer",
        "description": "The id of the article the quotes were reported in.",
    },
}


def described(declared, schema: dict):
    """A copy of the page's filter carrying its OpenAPI description (the page's stays as it is)."""
    copied = copy.copy(declared)
    copied.method = declared.method  # binds a filter method to the copy, not the original
    return extend_schema_field(schema)(copied)


ApiQuoteFilter.base_filters = {
    name: described(declared, PARAMETERS[name])
    for name, declared in ApiQuoteFilter.base_filters.items()
}
