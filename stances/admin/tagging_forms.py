"""The tagging queue's forms and widgets: its filters, the stance picker that needs no query per
row, and the new-stance form."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import Exists, OuterRef

from articles.models import Article, Outlet

from ..ids import parse_id
from ..models import Quote, StanceTag, Topic
from ..tagging import same_statement


class NumberedChoiceField(forms.ModelChoiceField):
    """A choice by number that refuses anything else before asking the database (a number too
    long for its column overflowed there: a server error)."""

    def to_python(self, value):
        if value in self.empty_values:
            return super().to_python(value)
        number = parse_id(value)
        if number is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(number)


class ArticlePicker(AutocompleteSelect):
    """The admin's article autocomplete, which looks up only what could be an article's number
    (it looked up whatever the address held, and "abc" failed in the database)."""

    def format_value(self, value):
        return [v for v in super().format_value(value) if parse_id(v) is not None]


class QueueFilters(forms.Form):
    """The queue narrowed to one article, one outlet or one topic (any combination)."""

    article = NumberedChoiceField(
        Article.objects.all(),
        required=False,
        error_messages={"invalid_choice": "There is no article number “%(value)s”."},
        help_text="Quotes reported in this article.",
    )
    outlet = NumberedChoiceField(
        Outlet.objects.order_by("name"),
        required=False,
        empty_label="Any outlet",
        error_messages={"invalid_choice": "There is no outlet number “%(value)s”."},
        help_text="Quotes from this outlet's articles.",
    )
    topic = NumberedChoiceField(
        Topic.objects.all(),
        required=False,
        empty_label="Any topic",
        error_messages={"invalid_choice": "There is no topic number “%(value)s”."},
        # Quotes in the queue have no tags yet, and suggestions cannot be filtered in the
        # database: an article's tagged quotes say what the article is about.
        help_text="Quotes from articles in which another quote is already tagged on this topic.",
    )

    def __init__(self, data, admin_site):
        super().__init__(data)
        article = self.fields["article"]
        article.widget = ArticlePicker(Quote._meta.get_field("article"), admin_site)
        article.widget.choices = article.choices  # as the field does for its own widget

    def narrow(self, quotes):
        """The quotes that pass the valid filters."""
        chosen = self.cleaned_data
        if chosen.get("article"):
            quotes = quotes.filter(article=chosen["article"])
        if chosen.get("outlet"):
            quotes = quotes.filter(article__outlet=chosen["outlet"])
        if chosen.get("topic"):
            on_topic = StanceTag.objects.filter(
                quote__article=OuterRef("article"), stance__topic=chosen["topic"]
            )
            quotes = quotes.filter(Exists(on_topic))
        return quotes


class StancePicker(AutocompleteSelect):
    """The admin's stance autocomplete with its options given (the quote's suggestions): the
    stock widget reads its selected stance from the database, a query for every row."""

    def __init__(self, admin_site, stances):
        super().__init__(StanceTag._meta.get_field("stance"), admin_site)
        self.given = stances

    def optgroups(self, name, value, attrs=None):
        selected = {str(v) for v in value if v not in (None, "")}
        options = [self.create_option(name, "", "", not selected, 0)]
        for index, stance in enumerate(self.given, start=1):
            label = f"{stance.statement} ({stance.topic.name})"
            options.append(
                self.create_option(name, stance.pk, label, str(stance.pk) in selected, index)
            )
        return [(None, options, 0)]


class NewStanceForm(forms.Form):
    topic = NumberedChoiceField(
        Topic.objects.all(),
        help_text="The area of foreign policy the stance belongs to.",
        error_messages={"invalid_choice": "Choose one of the topics listed."},
    )
    statement = forms.CharField(
        max_length=300,
        widget=forms.TextInput(attrs={"class": "vTextField", "size": 60}),
        help_text="A policy one can be for or against: Keep sending military aid to Ukraine.",
    )
    alignment = forms.ChoiceField(
        label="The quote",
        choices=StanceTag.Alignment.choices,
        widget=forms.RadioSelect,
        help_text="How the quote reads against the new stance.",
    )
    publish = forms.BooleanField(
        required=False, label="Publish the quote too", help_text="It is a draft until published."
    )

    def __init__(self, *args, may_publish=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            del self.fields["publish"]

    def clean(self):
        data = super().clean()
        if data.get("topic") and data.get("statement"):
            duplicate = same_statement(data["topic"], data["statement"])
            if duplicate is not None:
                self.add_error(
                    "statement",
                    f"“{data['topic']}” already has the stance “{duplicate}”: pick it in the "
                    "queue's stance picker instead of creating it again.",
                )
        return data
