"""The quote browser's filters: each one validated, so a bad value is a 400, never a 500."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce

from articles.models import Outlet

from .forms import public_speakers
from .models import Candidacy, Election, Quote, Stance, StanceTag, Topic
from .search import search_quotes
from .widgets import FastSelect

# Filters on a quote's stance tags, and the tag field each names. Applied together, so that
# "stance X, opposes" means a tag opposing X, not a tag on X and another tag that opposes.
TAG_FILTERS = {"topic": "stance__topic", "stance": "stance", "alignment": "alignment"}


def public_outlets():
    """Outlets with at least one published quote: the others have no public page."""
    return Outlet.objects.filter(
        Exists(Quote.objects.published().filter(article__outlet=OuterRef("pk")))
    )


class QuoteFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field.widget) is forms.Select:  # hundreds of speakers: render them fast
                field.widget = FastSelect(attrs=field.widget.attrs)
                field.widget.choices = field.choices

    def clean(self):
        data = super().clean()
        after, before = data.get("said_after"), data.get("said_before")
        if after and before and after > before:
            raise forms.ValidationError(
                "The start date is after the end date: swap them or change one."
            )
        return data


class QuoteFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search words", method="filter_search", max_length=200)
    speaker = django_filters.ModelChoiceFilter(
        queryset=public_speakers().order_by("name"),
        to_field_name="slug",
        label="Speaker",
        empty_label="Any speaker",
        method="filter_speaker",
    )
    # Set by the grid's "all quotes" links: the quotes that give this person's position (their
    # own words, or reports about them), as counted in a cell. Hidden: the links set it.
    holder = django_filters.ModelChoiceFilter(
        queryset=public_speakers(),
        to_field_name="slug",
        label="Position of",
        method="filter_holder",
        error_messages={"invalid_choice": "the person in this link is not on record."},
        widget=forms.HiddenInput,
    )
    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        label="Topic",
        empty_label="Any topic",
    )
    stance = django_filters.ModelChoiceFilter(
        queryset=Stance.objects.in_display_order(),
        to_field_name="slug",
        label="Stance",
        empty_label="Any stance",
    )
    alignment = django_filters.ChoiceFilter(
        choices=StanceTag.Alignment.choices,
        label="Alignment",
        empty_label="Any alignment",
    )
    kind = django_filters.ChoiceFilter(
        choices=Quote.Kind.choices, label="Kind of quote", empty_label="Any kind"
    )
    outlet = django_filters.ModelChoiceFilter(
        queryset=public_outlets(),
        to_field_name="slug",
        field_name="article__outlet",
        label="Outlet",
        empty_label="Any outlet",
    )
    election = django_filters.ModelChoiceFilter(
        queryset=Election.objects.newest_first(),
        to_field_name="slug",
        label="Election",
        empty_label="Any election",
        method="filter_election",
    )
    said_after = django_filters.DateFilter(
        label="From date",
        method="filter_said_after",
        help_text="The date said, or the date reported when that is unknown.",
        widget=forms.DateInput(attrs={"type": "date", "aria-describedby": "id_said_after-help"}),
    )
    said_before = django_filters.DateFilter(
        label="To date",
        method="filter_said_before",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Quote
        fields = []
        form = QuoteFilterForm

    def filter_queryset(self, queryset):
        tag_lookups = {}
        for name, value in self.form.cleaned_data.items():
            if name in TAG_FILTERS:
                if value not in (None, ""):
                    tag_lookups[TAG_FILTERS[name]] = value
            else:
                queryset = self.filters[name].filter(queryset, value)
        if tag_lookups:
            # One tag must match them all; Exists keeps each quote once without DISTINCT.
            tags = StanceTag.objects.filter(quote=OuterRef("pk"), **tag_lookups)
            queryset = queryset.filter(Exists(tags))
        return queryset

    def filter_search(self, quotes, name, value):
        return search_quotes(quotes, value)

    def filter_speaker(self, quotes, name, speaker):
        """A speaker's quotes: said by them, or reported as their position."""
        return quotes.filter(Q(speaker=speaker) | Q(about=speaker))

    def filter_holder(self, quotes, name, speaker):
        return quotes.for_holder(speaker)

    def filter_election(self, quotes, name, election):
        candidates = Candidacy.objects.filter(election=election).values("speaker")
        return quotes.filter(Q(speaker__in=candidates) | Q(about__in=candidates))

    def filter_said_after(self, quotes, name, day):
        return with_effective_date(quotes).filter(effective_on__gte=day)

    def filter_said_before(self, quotes, name, day):
        return with_effective_date(quotes).filter(effective_on__lte=day)

    @property
    def set_count(self) -> int:
        """How many filters besides the search words the query sets, valid or not: the number
        the quote browser's "Filters (n active)" disclosure shows."""
        if not self.is_bound:
            return 0
        data = self.form.data
        return sum(1 for name in self.form.fields if name != "q" and data.get(name, "").strip())


def with_effective_date(quotes):
    """Each quote's date: when it was said, or when it was reported if that is all we know."""
    if "effective_on" in quotes.query.annotations:
        return quotes
    return quotes.annotate(effective_on=Coalesce("said_on", "article__published_on"))
