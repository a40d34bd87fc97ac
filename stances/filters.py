"""The quote browser's filters: each one validated, so a bad value is a 400, never a 500."""

import django_filters
from django import forms
from django.db.models import Q

from articles.models import Outlet

from .models import Candidacy, Election, Quote, Speaker, Stance, StanceTag, Topic
from .search import search_quotes


class QuoteFilterForm(forms.Form):
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
        queryset=Speaker.objects.order_by("name"),
        to_field_name="slug",
        label="Speaker",
        empty_label="Any speaker",
        method="filter_speaker",
    )
    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        field_name="tags__stance__topic",
        label="Topic",
        empty_label="Any topic",
        distinct=True,
    )
    stance = django_filters.ModelChoiceFilter(
        queryset=Stance.objects.in_display_order(),
        to_field_name="slug",
        field_name="tags__stance",
        label="Stance",
        empty_label="Any stance",
        distinct=True,
    )
    alignment = django_filters.ChoiceFilter(
        choices=StanceTag.Alignment.choices,
        field_name="tags__alignment",
        label="Alignment",
        empty_label="Any alignment",
        distinct=True,
    )
    kind = django_filters.ChoiceFilter(
        choices=Quote.Kind.choices, label="Kind of quote", empty_label="Any kind"
    )
    outlet = django_filters.ModelChoiceFilter(
        queryset=Outlet.objects.all(),
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
        field_name="said_on",
        lookup_expr="gte",
        label="Said on or after",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    said_before = django_filters.DateFilter(
        field_name="said_on",
        lookup_expr="lte",
        label="Said on or before",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Quote
        fields = []
        form = QuoteFilterForm

    def filter_search(self, quotes, name, value):
        return search_quotes(quotes, value)

    def filter_speaker(self, quotes, name, speaker):
        """A speaker's quotes: said by them, or reported as their position."""
        return quotes.filter(Q(speaker=speaker) | Q(about=speaker))

    def filter_election(self, quotes, name, election):
        candidates = Candidacy.objects.filter(election=election).values("speaker")
        return quotes.filter(Q(speaker__in=candidates) | Q(about__in=candidates))
