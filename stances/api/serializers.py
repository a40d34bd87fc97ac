"""What the API says about each record: published facts only, never an article's body text.

Each serializer reads attributes its view has already joined or prefetched: none queries."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article, Outlet
from stances.models import (
    Candidacy,
    Election,
    OtherName,
    PositionSummary,
    Quote,
    Speaker,
    SpeakerRole,
    Stance,
    StanceTag,
    Topic,
)


@extend_schema_field(OpenApiTypes.URI)
class PageLink(serializers.Field):
    """The record's page on the site, as an absolute address."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record):
        return self.context["request"].build_absolute_uri(record.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class ApiLink(serializers.Field):
    """An address in this API, from a function of the record giving (route name, args, query)."""

    def __init__(self, link, **kwargs):
        self.link = link
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record):
        name, args, query = self.link(record)
        address = reverse(f"api:{name}", args=args) + (f"?{query}" if query else "")
        return self.context["request"].build_absolute_uri(address)


class ReadOnlySerializer(serializers.ModelSerializer):
    """Every field is output: the OpenAPI document then lists each one as always present."""

    def get_extra_kwargs(self):
        extra = super().get_extra_kwargs()
        for name in self.Meta.fields:
            extra.setdefault(name, {})["read_only"] = True
        return extra


class OptionalUrl(serializers.URLField):
    """An address that may be missing: null then, rather than an empty string."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None


# References: the few fields that name a record inside another ------------------------------


class SpeakerRef(ReadOnlySerializer):
    class Meta:
        model = Speaker
        fields = ["slug", "name"]


class OutletRef(ReadOnlySerializer):
    class Meta:
        model = Outlet
        fields = ["slug", "name"]


class TopicRef(ReadOnlySerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name"]


class StanceRef(ReadOnlySerializer):
    class Meta:
        model = Stance
        fields = ["slug", "statement"]


# Records ------------------------------------------------------------------------------------


class RoleSerializer(ReadOnlySerializer):
    class Meta:
        model = SpeakerRole
        fields = ["title", "organisation", "started_on", "ended_on"]


class OtherNameSerializer(ReadOnlySerializer):
    class Meta:
        model = OtherName
        fields = ["name", "note", "started_on", "ended_on"]


class SpeakerSerializer(ReadOnlySerializer):
    roles = RoleSerializer(many=True, read_only=True, help_text="Roles held, latest first.")
    other_names = OtherNameSerializer(
        many=True,
        read_only=True,
        help_text="Other names (transliterations, maiden names, nicknames), as Popolo's "
        "other_names; the quote search knows them too.",
    )
    page = PageLink()
    quotes = ApiLink(
        lambda speaker: ("quotes", [], f"speaker={speaker.slug}"),
        help_text="Their quotes and quotes reported about them.",
    )

    class Meta:
        model = Speaker
        fields = [
            "slug",
            "name",
            "other_names",
            "kind",
            "description",
            "wikidata_id",
            "roles",
            "page",
            "quotes",
        ]


class CandidacySerializer(ReadOnlySerializer):
    speaker = SpeakerRef(read_only=True)
    running_mate_of = serializers.SlugRelatedField(
        source="running_mate_of.speaker",
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="For a running mate: the slug of the candidate at the top of the ticket.",
    )

    class Meta:
        model = Candidacy
        fields = ["speaker", "office", "party", "ticket_position", "running_mate_of", "order"]


class ElectionSerializer(ReadOnlySerializer):
    candidacies = CandidacySerializer(
        many=True, read_only=True, help_text="In the order the comparison shows them."
    )
    grid = ApiLink(lambda election: ("election-grid", [election.slug], ""))
    page = PageLink()

    class Meta:
        model = Election
        fields = [
            "slug",
            "name",
            "held_on",
            "country",
            "description",
            "candidacies",
            "grid",
            "page",
        ]


class TopicSerializer(ReadOnlySerializer):
    stances = StanceRef(many=True, read_only=True, help_text="In the order editors set.")
    page = PageLink()

    class Meta:
        model = Topic
        fields = ["slug", "name", "description", "order", "stances", "page"]


class StanceSerializer(ReadOnlySerializer):
    topic = TopicRef(read_only=True)
    page = PageLink()
    quotes = ApiLink(lambda stance: ("quotes", [], f"stance={stance.slug}"))

    class Meta:
        model = Stance
        fields = ["slug", "statement", "description", "order", "topic", "page", "quotes"]


class OutletSerializer(ReadOnlySerializer):
    website = OptionalUrl()
    page = PageLink()
    quotes = ApiLink(lambda outlet: ("quotes", [], f"outlet={outlet.slug}"))

    class Meta:
        model = Outlet
        fields = ["slug", "name", "website", "country", "language", "page", "quotes"]


class ArticleSerializer(ReadOnlySerializer):
    """An article's metadata. Its text belongs to its publisher and is never served."""

    outlet = OutletRef(read_only=True, allow_null=True, help_text="Empty when not named.")
    url = OptionalUrl(help_text="Where the article is published.")
    archive_url = OptionalUrl(help_text="A saved copy, in case the original changes.")
    page = PageLink()
    quotes = ApiLink(lambda article: ("quotes", [], f"article={article.pk}"))

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "outlet",
            "published_on",
            "authors",
            "url",
            "archive_url",
            "language",
            "page",
            "quotes",
        ]


class SourceSerializer(ReadOnlySerializer):
    """Where a quote was reported."""

    article = serializers.IntegerField(source="pk", read_only=True)
    outlet = OutletRef(read_only=True, allow_null=True, help_text="Empty when not named.")
    url = OptionalUrl(help_text="Where the article is published.")
    archive_url = OptionalUrl(help_text="A saved copy, in case the original changes.")
    page = PageLink()

    class Meta:
        model = Article
        fields = ["article", "title", "outlet", "published_on", "url", "archive_url", "page"]


class TagSerializer(ReadOnlySerializer):
    stance = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    topic = serializers.SlugRelatedField(source="stance.topic", slug_field="slug", read_only=True)

    class Meta:
        model = StanceTag
        fields = ["stance", "topic", "alignment", "note"]


class QuoteSerializer(ReadOnlySerializer):
    speaker = SpeakerRef(
        read_only=True, allow_null=True, help_text="Who said it; empty for unnamed sources."
    )
    speaker_role = serializers.SerializerMethodField(
        help_text="The role the speaker held when the words were said (or reported)."
    )
    attribution = serializers.CharField(
        source="attribution_text",
        read_only=True,
        help_text="The attribution as printed (always given for unnamed sources).",
    )
    about = SpeakerRef(
        read_only=True,
        allow_null=True,
        help_text="Whose position the quote describes, when not the speaker's own.",
    )
    source = SourceSerializer(source="article", read_only=True)
    responds_to = serializers.IntegerField(
        source="public_responds_to_id",
        read_only=True,
        allow_null=True,
        help_text="The published quote this one answers.",
    )
    tags = TagSerializer(many=True, read_only=True, help_text="The stances it speaks to.")
    page = PageLink()

    class Meta:
        model = Quote
        fields = [
            "id",
            "text",
            "kind",
            "language",
            "original_text",
            "speaker",
            "speaker_role",
            "attribution",
            "about",
            "said_on",
            "source",
            "responds_to",
            "tags",
            "page",
        ]
        extra_kwargs = {
            "kind": {
                "help_text": (
                    "direct: the speaker's own words; partial: a quoted fragment inside "
                    "reporting; paraphrase: reported speech; anonymous: a claim by unnamed sources."
                )
            },
            "said_on": {"help_text": "When the words were said; empty when not known."},
        }

    @extend_schema_field(RoleSerializer(allow_null=True))
    def get_speaker_role(self, quote):
        role = quote.role_at_the_time()
        return RoleSerializer(role).data if role else None


class RetractedQuoteSerializer(ReadOnlySerializer):
    """What remains public of a quote retracted after it was published."""

    detail = serializers.SerializerMethodField()

    class Meta:
        model = Quote
        fields = ["detail", "id", "retracted_at", "retraction_reason"]

    def get_detail(self, quote) -> str:
        return "This quote was retracted and no longer counts towards any position."


# The grid -----------------------------------------------------------------------------------


class ShiftSerializer(serializers.Serializer):
    before_quote = serializers.IntegerField(source="before.quote_id")
    before_alignment = serializers.ChoiceField(
        source="before.alignment", choices=StanceTag.Alignment.choices
    )
    after_quote = serializers.IntegerField(source="after.quote_id")
    after_alignment = serializers.ChoiceField(
        source="after.alignment", choices=StanceTag.Alignment.choices
    )


class CellSerializer(serializers.Serializer):
    """One candidate's stored position on one stance."""

    candidate = serializers.CharField(source="holder.slug", help_text="The candidate's slug.")
    verdict = serializers.ChoiceField(choices=PositionSummary.Verdict.choices)
    basis = serializers.ChoiceField(
        choices=PositionSummary.Basis.choices,
        allow_null=True,
        help_text="The strongest kind of evidence; empty when there is none.",
    )
    quote_count = serializers.IntegerField()
    own_count = serializers.IntegerField(help_text="Quotes in the candidate's own words.")
    reported_count = serializers.IntegerField(
        help_text="Quotes reporting the candidate's position."
    )
    outlet_count = serializers.IntegerField()
    newest_date = serializers.DateField(allow_null=True)
    newest_date_is_reported = serializers.BooleanField(
        source="newest_is_reported_date",
        help_text="The newest date is when an article reported the words, not when they were said.",
    )
    shift = ShiftSerializer(
        allow_null=True, help_text="The alignment changed: the last quote before, the first after."
    )
    quote_ids = serializers.SerializerMethodField(
        help_text="The quotes the cell shows (a few); `quotes` lists them all."
    )
    quotes = serializers.SerializerMethodField()

    def to_representation(self, cell):
        data = super().to_representation(cell)
        data["basis"] = data["basis"] or None
        return data

    def get_quote_ids(self, cell) -> list[int]:
        return [tag.quote_id for tag in cell.shown_tags]

    @extend_schema_field(OpenApiTypes.URI)
    def get_quotes(self, cell):
        query = f"holder={cell.holder.slug}&stance={cell.stance.slug}"
        return self.context["request"].build_absolute_uri(f"{reverse('api:quotes')}?{query}")


class RowSerializer(serializers.Serializer):
    stance = StanceRef()
    topic = TopicRef()
    cells = CellSerializer(many=True, help_text="One per candidate, in the candidates' order.")


class GridCandidateSerializer(serializers.Serializer):
    slug = serializers.CharField(source="speaker.slug")
    name = serializers.CharField(source="speaker.name")
    party = serializers.CharField()
    ticket_position = serializers.ChoiceField(choices=Candidacy.TicketPosition.choices)


class GridSerializer(serializers.Serializer):
    election = serializers.SerializerMethodField()
    candidates = GridCandidateSerializer(many=True)
    rows = RowSerializer(many=True)

    @extend_schema_field(
        {
            "type": "object",
            "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
            "required": ["slug", "name"],
        }
    )
    def get_election(self, grid):
        return {"slug": grid["election"].slug, "name": grid["election"].name}
