"""Every named constraint of the evidence model refuses a row that breaks it, in the database
and in model validation, with the message an editor would read."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from articles.models import Article, Outlet
from stances.models import (
    Candidacy,
    Election,
    OtherName,
    PositionSummary,
    Quote,
    QuoteSuggestion,
    Speaker,
    SpeakerRole,
    Stance,
    StanceTag,
    TaskRun,
    Topic,
)
from tests.factories import (
    make_article,
    make_candidacy,
    make_election,
    make_outlet,
    make_quote,
    make_speaker,
    make_stance,
    make_suggestion,
    make_tag,
    make_topic,
)

CONTENT_APPS = ("articles", "stances")


def unsaved_quote(**fields) -> Quote:
    """A valid draft direct quote, not yet saved, with what it cites already saved."""
    fields.setdefault("article", make_article())
    if "speaker" not in fields and fields.get("kind") != Quote.Kind.ANONYMOUS:
        fields["speaker"] = make_speaker()
    return Quote(**{"text": "We will open talks", "kind": Quote.Kind.DIRECT, **fields})


def stored_position(on=None, **fields) -> PositionSummary:
    """A valid stored position, not yet saved: for the cell of an existing tag (`on`), or for
    a new speaker and stance."""
    cell = {"holder": on.quote.speaker, "stance": on.stance} if on else {}
    return PositionSummary(
        **{
            "holder": cell.get("holder") or make_speaker(),
            "stance": cell.get("stance") or make_stance(),
            "verdict": PositionSummary.Verdict.SUPPORTS,
            "basis": PositionSummary.Basis.OWN_WORDS,
            "quote_count": 1,
            "own_count": 1,
            "newest_date": datetime.date(2024, 10, 1),
            **fields,
        }
    )


def unsaved_suggestion(**fields) -> QuoteSuggestion:
    """A valid pending direct-quote suggestion, not yet saved, in a saved article."""
    fields.setdefault("article", make_article())
    return QuoteSuggestion(
        **{
            "text": "We will open talks",
            "kind": Quote.Kind.DIRECT,
            "speaker_name": "Ana Okafor",
            "start_offset": 1,
            "end_offset": 19,
            "confidence": 0.9,
            **fields,
        }
    )


# Constraint name -> a function that saves whatever the violating row needs and returns that
# row, unsaved. Keep this in step with the models: a constraint missing here fails a test.
VIOLATIONS = {
    # articles
    "outlet_slug_unique": lambda: Outlet(name="Other name", slug=make_outlet().slug),
    "outlet_name_unique_ignoring_case": lambda: Outlet(
        name=make_outlet(name="The Daily Ledger").name.upper(), slug="another-slug"
    ),
    "outlet_name_not_blank": lambda: Outlet(name="", slug="nameless"),
    "article_url_unique_when_present": lambda: Article(
        title="Same address",
        published_on=datetime.date(2024, 10, 2),
        summary="A summary.",
        url=make_article(url="https://news.example/a").url,
    ),
    "article_title_not_blank": lambda: Article(
        title="", published_on=datetime.date(2024, 10, 2), summary="A summary."
    ),
    "article_retrieved_not_before_published": lambda: Article(
        title="Read before it existed",
        published_on=datetime.date(2024, 10, 2),
        retrieved_on=datetime.date(2024, 10, 1),
        summary="A summary.",
    ),
    # speakers and roles
    "speaker_slug_unique": lambda: Speaker(name="Someone else", slug=make_speaker().slug),
    "speaker_wikidata_id_unique_when_present": lambda: Speaker(
        name="A namesake", slug="namesake", wikidata_id=make_speaker(wikidata_id="Q42").wikidata_id
    ),
    "speaker_name_not_blank": lambda: Speaker(name="", slug="nameless"),
    "speaker_kind_valid": lambda: Speaker(name="A robot", slug="robot", kind="robot"),
    "speakerrole_ends_after_it_starts": lambda: SpeakerRole(
        speaker=make_speaker(),
        title="Envoy",
        started_on=datetime.date(2024, 5, 1),
        ended_on=datetime.date(2024, 4, 30),
    ),
    "speakerrole_title_not_blank": lambda: SpeakerRole(speaker=make_speaker(), title=""),
    "othername_unique_per_speaker": lambda: (
        lambda first: OtherName(speaker=first.speaker, name=first.name.upper())
    )(OtherName.objects.create(speaker=make_speaker(), name="Zelenskyy")),
    "othername_name_not_blank": lambda: OtherName(speaker=make_speaker(), name=""),
    "othername_ends_after_it_starts": lambda: OtherName(
        speaker=make_speaker(),
        name="Ana Baptiste",
        started_on=datetime.date(2024, 5, 1),
        ended_on=datetime.date(2024, 4, 30),
    ),
    # elections and candidacies
    "election_slug_unique": lambda: Election(
        name="Another election", slug=make_election().slug, held_on=datetime.date(2028, 11, 7)
    ),
    "election_name_not_blank": lambda: Election(
        name="", slug="nameless", held_on=datetime.date(2028, 11, 7)
    ),
    "candidacy_one_per_speaker_and_election": lambda: (
        lambda first: Candidacy(election=first.election, speaker=first.speaker, office="Senator")
    )(make_candidacy()),
    "candidacy_only_running_mates_join_a_ticket": lambda: (
        lambda head: Candidacy(
            election=head.election,
            speaker=make_speaker(),
            office="Vice President",
            ticket_position=Candidacy.TicketPosition.HEAD,
            running_mate_of=head,
        )
    )(make_candidacy()),
    "candidacy_ticket_position_valid": lambda: Candidacy(
        election=make_election(), speaker=make_speaker(), office="President", ticket_position="x"
    ),
    "candidacy_office_not_blank": lambda: Candidacy(
        election=make_election(), speaker=make_speaker(), office=""
    ),
    # topics and stances
    "topic_slug_unique": lambda: Topic(name="Another topic", slug=make_topic().slug),
    "topic_name_not_blank": lambda: Topic(name="", slug="nameless"),
    "stance_slug_unique": lambda: Stance(
        topic=make_topic(), statement="Another statement", slug=make_stance().slug
    ),
    "stance_statement_unique_within_topic": lambda: (
        lambda first: Stance(topic=first.topic, statement=first.statement, slug="another-slug")
    )(make_stance()),
    "stance_statement_not_blank": lambda: Stance(topic=make_topic(), statement="", slug="blank"),
    # quotes
    "quote_speaker_named_unless_anonymous": lambda: unsaved_quote(speaker=None),
    "quote_anonymous_has_attribution": lambda: unsaved_quote(
        kind=Quote.Kind.ANONYMOUS, attribution_text=""
    ),
    "quote_about_differs_from_speaker": lambda: (
        lambda speaker: unsaved_quote(speaker=speaker, about=speaker)
    )(make_speaker()),
    "quote_offsets_both_or_neither": lambda: unsaved_quote(start_offset=3),
    "quote_offsets_in_order": lambda: unsaved_quote(start_offset=10, end_offset=10),
    "quote_retracted_has_reason": lambda: unsaved_quote(
        status=Quote.Status.RETRACTED, retraction_reason=""
    ),
    "quote_published_has_timestamp": lambda: unsaved_quote(
        status=Quote.Status.PUBLISHED, published_at=None
    ),
    "quote_once_published_never_draft": lambda: unsaved_quote(
        status=Quote.Status.DRAFT, published_at=timezone.now()
    ),
    "quote_text_not_blank": lambda: unsaved_quote(text=""),
    "quote_kind_valid": lambda: unsaved_quote(kind="rumour"),
    "quote_status_valid": lambda: unsaved_quote(status="pending"),
    # stance tags
    "stancetag_one_per_quote_and_stance": lambda: (
        lambda first: StanceTag(
            quote=first.quote, stance=first.stance, alignment=StanceTag.Alignment.OPPOSES
        )
    )(make_tag()),
    "stancetag_alignment_valid": lambda: StanceTag(
        quote=make_quote(), stance=make_stance(), alignment="ambivalent"
    ),
    # quote suggestions
    "quotesuggestion_once_per_place_and_kind": lambda: (
        lambda first: unsaved_suggestion(
            article=first.article,
            text="We will open talks today",
            start_offset=first.start_offset,
            end_offset=first.end_offset,
        )
    )(make_suggestion()),
    "quotesuggestion_offsets_in_order": lambda: unsaved_suggestion(start_offset=9, end_offset=9),
    "quotesuggestion_text_not_blank": lambda: unsaved_suggestion(text=""),
    "quotesuggestion_kind_valid": lambda: unsaved_suggestion(kind="rumour"),
    "positionsummary_one_per_holder_and_stance": lambda: stored_position(
        on=make_tag(quote=make_quote(), stance=make_stance())
    ),
    "positionsummary_verdict_valid": lambda: stored_position(verdict="maybe"),
    "positionsummary_basis_valid": lambda: stored_position(basis=""),
    "positionsummary_counts_add_up": lambda: stored_position(quote_count=2),
    "positionsummary_shift_has_both_ends": lambda: stored_position(
        shift_before=make_tag(quote=make_quote(), stance=make_stance())
    ),
    "quotesuggestion_anonymous_has_no_speaker": lambda: unsaved_suggestion(
        kind=Quote.Kind.ANONYMOUS, speaker_name="Ana Okafor"
    ),
    "quotesuggestion_confidence_between_0_and_1": lambda: unsaved_suggestion(confidence=1.5),
    "quotesuggestion_status_valid": lambda: unsaved_suggestion(
        status="maybe", decided_at=timezone.now()
    ),
    "quotesuggestion_decided_when_not_pending": lambda: unsaved_suggestion(
        status=QuoteSuggestion.Status.REJECTED, decided_at=None
    ),
    "quotesuggestion_quote_only_when_accepted": lambda: unsaved_suggestion(
        status=QuoteSuggestion.Status.REJECTED,
        decided_at=timezone.now(),
        quote=make_quote(status=Quote.Status.DRAFT),
    ),
    # background task runs
    "taskrun_kind_valid": lambda: TaskRun(kind="import"),
    "taskrun_status_valid": lambda: TaskRun(
        kind=TaskRun.Kind.REBUILD_POSITIONS, status="paused", finished_at=timezone.now()
    ),
    "taskrun_article_only_for_suggest_quotes": lambda: TaskRun(
        kind=TaskRun.Kind.SUGGEST_QUOTES, article=None
    ),
    "taskrun_finished_when_done": lambda: TaskRun(
        kind=TaskRun.Kind.REBUILD_POSITIONS, status=TaskRun.Status.FINISHED, finished_at=None
    ),
    "taskrun_one_active_per_article": lambda: (
        lambda first: TaskRun(kind=TaskRun.Kind.SUGGEST_QUOTES, article=first.article)
    )(TaskRun.objects.create(kind=TaskRun.Kind.SUGGEST_QUOTES, article=make_article())),
    "taskrun_one_active_rebuild": lambda: (lambda first: TaskRun(kind=first.kind))(
        TaskRun.objects.create(kind=TaskRun.Kind.REBUILD_POSITIONS)
    ),
    "taskrun_file_only_for_imports": lambda: TaskRun(kind=TaskRun.Kind.IMPORT_DATASET),
    "taskrun_one_active_import": lambda: (
        lambda first: TaskRun(kind=first.kind, file_path="/tmp/b.json")
    )(TaskRun.objects.create(kind=TaskRun.Kind.IMPORT_DATASET, file_path="/tmp/a.json")),
}


def all_constraints() -> dict[str, models.BaseConstraint]:
    return {
        constraint.name: constraint
        for app_label in CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models()
        for constraint in model._meta.constraints
    }


def expected_message(constraint: models.BaseConstraint) -> str:
    """The constraint's own message, or Django's "already exists" for a plain unique field."""
    if constraint.violation_error_message != constraint.default_violation_error_message:
        return constraint.get_violation_error_message()
    return "already exists"


def broken_constraints(row: models.Model) -> set[str]:
    broken = set()
    for constraint in row._meta.constraints:
        try:
            constraint.validate(type(row), row)
        except ValidationError:
            broken.add(constraint.name)
    return broken


def names_the_constraint(error: str, constraint: models.BaseConstraint, model) -> bool:
    """PostgreSQL names every constraint; SQLite names a plain unique one by its columns."""
    if constraint.name in error:
        return True
    fields = getattr(constraint, "fields", ())
    columns = [model._meta.get_field(field).column for field in fields]
    return bool(columns) and all(column in error for column in columns)


def test_every_named_constraint_has_a_violating_row_here():
    assert set(VIOLATIONS) == set(all_constraints())


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(VIOLATIONS))
def test_each_violating_row_breaks_only_its_own_constraint(name):
    assert broken_constraints(VIOLATIONS[name]()) == {name}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(VIOLATIONS))
def test_the_database_refuses_a_row_that_breaks_the_constraint(name):
    row = VIOLATIONS[name]()
    # models.Model.save, not the model's own: Quote.save fills in published_at, which would hide
    # whether the database itself holds the rule.
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        models.Model.save(row)
    assert names_the_constraint(str(caught.value), all_constraints()[name], type(row))


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(VIOLATIONS))
def test_validation_names_the_broken_constraint(name):
    row = VIOLATIONS[name]()
    with pytest.raises(ValidationError) as caught:
        row.validate_constraints()
    assert expected_message(all_constraints()[name]) in " ".join(caught.value.messages)


@pytest.mark.django_db
def test_saving_a_published_quote_stamps_when_it_was_published():
    quote = unsaved_quote(status=Quote.Status.PUBLISHED, published_at=None)
    quote.save()
    assert quote.published_at is not None


@pytest.mark.django_db
def test_an_anonymous_quote_with_attribution_and_no_speaker_is_accepted():
    quote = unsaved_quote(kind=Quote.Kind.ANONYMOUS, attribution_text="unnamed officials")
    quote.full_clean()
    quote.save()
    assert Quote.objects.filter(pk=quote.pk, speaker__isnull=True).exists()


@pytest.mark.django_db
def test_articles_without_a_url_do_not_clash():
    make_article(url="")
    second = Article(title="Also offline", published_on=datetime.date(2024, 10, 2), summary="S.")
    second.validate_constraints()
    second.save()
    assert Article.objects.filter(url="").count() == 2


@pytest.mark.django_db
def test_a_running_mate_joins_a_ticket_of_the_same_election():
    head = make_candidacy()
    mate = Candidacy(
        election=make_election(),
        speaker=make_speaker(),
        office="Vice President",
        ticket_position=Candidacy.TicketPosition.RUNNING_MATE,
        running_mate_of=head,
    )
    with pytest.raises(ValidationError):
        mate.full_clean()
