"""The API's views: read-only, published content only, each list in one fixed order.

Every view reads a fixed number of queries whatever the size of the archive: the lists are
cursor pages of at most 100 rows with their relations joined or prefetched, and the grid reads
the stored positions (stances.grids), never a fresh derivation."""

from django import forms
from django.db.models import OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from articles.models import Article
from stances import grids
from stances.filters import public_outlets
from stances.forms import public_speakers
from stances.models import Candidacy, Election, Quote, Stance, StanceTag, Topic
from stances.views import articles_with_published_quotes

from . import serializers
from .filters import ApiQuoteFilter

# The error bodies, as the OpenAPI document describes them.
INVALID = OpenApiResponse(
    response={
        "type": "object",
        "description": "Each invalid parameter, with what is wrong with it.",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
    description="An invalid parameter: the body names it.",
)
NOT_FOUND = OpenApiResponse(
    response={
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    description="Nothing public has this address.",
)


def list_schema(serializer, description):
    return extend_schema(
        description=description, responses={200: serializer(many=True), 400: INVALID}
    )


def detail_schema(serializer, description):
    return extend_schema(description=description, responses={200: serializer, 404: NOT_FOUND})


# Elections ----------------------------------------------------------------------------------


def elections():
    return Election.objects.prefetch_related(
        Prefetch("candidacies", queryset=Candidacy.objects.on_ballot_order())
    )


@list_schema(
    serializers.ElectionSerializer, "Elections, the most recent first, with their candidates."
)
class ElectionList(generics.ListAPIView):
    serializer_class = serializers.ElectionSerializer
    # Few elections share a polling day: the id orders those, and the cursor counts past them.
    ordering = ("-held_on", "-pk")

    def get_queryset(self):
        return elections()


@detail_schema(serializers.ElectionSerializer, "One election and its candidates.")
class ElectionDetail(generics.RetrieveAPIView):
    serializer_class = serializers.ElectionSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return elections()


class GridForm(forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": "There is no topic with this slug."},
    )


@extend_schema(
    description=(
        "The election's comparison: every candidate (running mates included) in columns, and a "
        "row for each stance any of them has evidence on (with `topic`: each of that topic's "
        "stances). Each cell is the stored position the election page shows: its verdict, the "
        "basis and counts of its evidence, a shift if the candidate changed sides, and the ids "
        "of the quotes it shows; `quotes` lists every quote behind it."
    ),
    parameters=[
        OpenApiParameter(
            "topic", OpenApiTypes.STR, description="Only this topic's stances (a topic slug)."
        )
    ],
    responses={200: serializers.GridSerializer, 400: INVALID, 404: NOT_FOUND},
)
class ElectionGrid(APIView):
    def get(self, request, slug):
        election = get_object_or_404(Election, slug=slug)
        form = GridForm(request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        topic = form.cleaned_data["topic"]
        candidacies = list(election.candidacies.on_ballot_order())
        holders = [candidacy.speaker for candidacy in candidacies]
        if topic is None:
            grid = grids.build_grid(holders)
        else:
            stances = topic.stances.select_related("topic").order_by("order", "statement")
            grid = grids.build_grid(holders, stances, include_empty_rows=True)
        data = {
            "election": election,
            "candidates": candidacies,
            "rows": [
                {"stance": row.stance, "topic": row.topic, "cells": row.cells} for row in grid.rows
            ],
        }
        return Response(serializers.GridSerializer(data, context={"request": request}).data)


# Speakers, topics, stances ------------------------------------------------------------------


def speakers():
    return public_speakers().prefetch_related("roles", "other_names")


@list_schema(
    serializers.SpeakerSerializer,
    "Everyone quoted in a published quote or standing in an election, by slug, with their roles "
    "and other names.",
)
class SpeakerList(generics.ListAPIView):
    serializer_class = serializers.SpeakerSerializer
    ordering = ("slug",)

    def get_queryset(self):
        return speakers()


@detail_schema(serializers.SpeakerSerializer, "One speaker and the roles they held.")
class SpeakerDetail(generics.RetrieveAPIView):
    serializer_class = serializers.SpeakerSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return speakers()


def topics():
    return Topic.objects.with_stances()


@list_schema(serializers.TopicSerializer, "Topics by slug, each with its stances.")
class TopicList(generics.ListAPIView):
    serializer_class = serializers.TopicSerializer
    ordering = ("slug",)

    def get_queryset(self):
        return topics()


@detail_schema(serializers.TopicSerializer, "One topic and its stances.")
class TopicDetail(generics.RetrieveAPIView):
    serializer_class = serializers.TopicSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return topics()


@list_schema(serializers.StanceSerializer, "Stances (the grid's rows) by slug, with their topic.")
class StanceList(generics.ListAPIView):
    serializer_class = serializers.StanceSerializer
    ordering = ("slug",)
    queryset = Stance.objects.select_related("topic")


@detail_schema(serializers.StanceSerializer, "One stance.")
class StanceDetail(generics.RetrieveAPIView):
    serializer_class = serializers.StanceSerializer
    lookup_field = "slug"
    queryset = Stance.objects.select_related("topic")


# Outlets and articles -----------------------------------------------------------------------


@list_schema(serializers.OutletSerializer, "Outlets that reported a published quote, by slug.")
class OutletList(generics.ListAPIView):
    serializer_class = serializers.OutletSerializer
    ordering = ("slug",)

    def get_queryset(self):
        return public_outlets()


@detail_schema(serializers.OutletSerializer, "One outlet.")
class OutletDetail(generics.RetrieveAPIView):
    serializer_class = serializers.OutletSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return public_outlets()


def articles():
    return articles_with_published_quotes(Article.objects.with_outlet())


@list_schema(
    serializers.ArticleSerializer,
    "Articles that reported a published quote, the most recently recorded first: metadata "
    "only (their text belongs to their publishers).",
)
class ArticleList(generics.ListAPIView):
    serializer_class = serializers.ArticleSerializer
    ordering = ("-pk",)

    def get_queryset(self):
        return articles()


@detail_schema(serializers.ArticleSerializer, "One article's metadata.")
class ArticleDetail(generics.RetrieveAPIView):
    serializer_class = serializers.ArticleSerializer

    def get_queryset(self):
        return articles()


# Quotes -------------------------------------------------------------------------------------


def quotes_with_sources(quotes):
    """Quotes with everything the API prints: speaker and role, about, article and outlet, the
    answered quote's id if it is public, and the stance tags."""
    public_answered = Quote.objects.published().filter(pk=OuterRef("responds_to_id")).values("pk")
    return (
        quotes.with_citation()
        .annotate(public_responds_to_id=Subquery(public_answered))
        .prefetch_related(
            "speaker__roles",
            Prefetch("tags", queryset=StanceTag.objects.select_related("stance__topic")),
        )
    )


@extend_schema(
    description=(
        "Published quotes, the most recently recorded first, with the quote browser's filters "
        "and search (every word must match the quote, its attribution or a speaker's name; "
        "results are not ranked). Each quote carries its source and attribution."
    ),
    responses={200: serializers.QuoteSerializer(many=True), 400: INVALID},
)
class QuoteList(generics.ListAPIView):
    serializer_class = serializers.QuoteSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ApiQuoteFilter
    # The primary key's index serves any page of any filter; ranking would read every match.
    ordering = ("-pk",)

    def get_queryset(self):
        return quotes_with_sources(Quote.objects.published())


@extend_schema(
    description="One published quote. A quote retracted after publication answers 410, with why.",
    responses={
        200: serializers.QuoteSerializer,
        404: NOT_FOUND,
        410: OpenApiResponse(serializers.RetractedQuoteSerializer, description="Retracted."),
    },
)
class QuoteDetail(generics.RetrieveAPIView):
    serializer_class = serializers.QuoteSerializer

    def get_queryset(self):
        return quotes_with_sources(Quote.objects.all())

    def retrieve(self, request, *args, **kwargs):
        quote = self.get_object()
        if quote.status == Quote.Status.DRAFT or quote.published_at is None:
            raise NotFound("No published quote has this id.")
        if quote.status == Quote.Status.RETRACTED:
            return Response(serializers.RetractedQuoteSerializer(quote).data, status=410)
        return Response(self.get_serializer(quote).data)


# The index ----------------------------------------------------------------------------------

LISTS = ["elections", "speakers", "topics", "stances", "outlets", "articles", "quotes"]


@extend_schema(
    description="Links to every list, the OpenAPI document and its documentation.",
    responses={
        200: {
            "type": "object",
            "additionalProperties": {"type": "string", "format": "uri"},
        }
    },
)
class Index(APIView):
    def get(self, request):
        links = {name: reverse(f"api:{name}", request=request) for name in LISTS}
        links["openapi"] = reverse("api:openapi", request=request)
        links["docs"] = reverse("api:docs", request=request)
        return Response(links)


class NotFoundView(APIView):
    """Any other address under /api/: a JSON 404, like an unknown id."""

    schema = None

    def get(self, request, *args, **kwargs):
        raise NotFound("There is nothing at this address in the API: see /api/docs/.")
