"""`seedsynthetic` fills an empty database with fictional data of a realistic shape, the same for
a seed every time, and refuses a database that holds anything else unless told to go ahead."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from articles.models import Article, Outlet
from stances import summaries, synthetic
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
from tests.factories import make_quote

pytestmark = pytest.mark.django_db


def seed(*args) -> str:
    out = io.StringIO()
    call_command("seedsynthetic", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded():
    return seed("--quotes", "300", "--seed", "7")


def test_it_makes_quotes_of_every_kind_with_reports_responses_drafts_and_retractions(seeded):
    assert Quote.objects.count() == 300
    assert set(Quote.objects.values_list("kind", flat=True)) == set(Quote.Kind.values)
    statuses = Counter(Quote.objects.values_list("status", flat=True))
    assert statuses[Quote.Status.DRAFT] > 0
    assert statuses[Quote.Status.RETRACTED] > 0
    assert statuses[Quote.Status.PUBLISHED] > 0.9 * 300
    assert Quote.objects.filter(about__isnull=False, speaker__isnull=False).exists()
    assert Quote.objects.filter(kind=Quote.Kind.ANONYMOUS, about__isnull=False).exists()
    assert Quote.objects.filter(responds_to__isnull=False).exists()
    assert Quote.objects.filter(said_on__isnull=True).exists()
    assert Article.objects.count() == 300 // synthetic.QUOTES_PER_ARTICLE


def test_elections_have_running_mates_and_the_newest_has_twelve_candidates(seeded):
    assert 4 <= Election.objects.count() <= 6
    sizes = [election.candidacies.count() for election in Election.objects.all()]
    assert min(sizes) >= 2
    assert max(sizes) >= 12
    assert Election.objects.newest_first().first().candidacies.count() == 12
    mates = Candidacy.objects.filter(ticket_position=Candidacy.TicketPosition.RUNNING_MATE)
    assert mates.exists()
    for mate in mates.select_related("running_mate_of"):
        assert mate.running_mate_of.election_id == mate.election_id
        assert mate.running_mate_of.ticket_position == Candidacy.TicketPosition.HEAD


def test_speakers_have_roles_over_time_and_some_are_organisations(seeded):
    assert Speaker.objects.count() == synthetic.SPEAKERS
    assert Speaker.objects.filter(kind=Speaker.Kind.ORGANISATION).exists()
    held = Counter(SpeakerRole.objects.values_list("speaker_id", flat=True))
    assert max(held.values()) >= 3
    assert SpeakerRole.objects.filter(ended_on__isnull=True).exists()
    assert SpeakerRole.objects.filter(ended_on__isnull=False).exists()
    assert Topic.objects.count() == 30
    assert Stance.objects.count() == 150
    assert Outlet.objects.count() == 20


def test_some_speakers_have_other_spellings_that_the_search_reads(seeded, client):
    assert OtherName.objects.count() >= 50
    name = (
        OtherName.objects.filter(speaker__quotes__status=Quote.Status.PUBLISHED)
        .select_related("speaker")
        .first()
    )
    surname = name.name.split()[-1]
    assert surname not in name.speaker.name

    response = client.get(reverse("quotes"), {"q": surname, "speaker": name.speaker.slug})

    assert response.status_code == 200
    assert response.context["page"].object_list


def test_tags_take_sides_or_stay_neutral_about_one_and_a_half_per_quote(seeded):
    alignments = Counter(StanceTag.objects.values_list("alignment", flat=True))
    assert set(alignments) == set(StanceTag.Alignment.values)
    assert 1.2 <= StanceTag.objects.count() / 300 <= 1.6
    assert Quote.objects.untagged().exists()


def test_candidates_hold_a_large_share_and_search_words_have_their_share():
    plan = synthetic.make_plan(5_000, seed=3)
    quotes = list(plan.each_quote())
    candidates = {c.speaker for election in plan.elections for c in election.candidacies}
    holders = [q.about if q.about is not None else q.speaker for q in quotes]
    assert 0.35 <= sum(holder in candidates for holder in holders) / len(quotes) <= 0.45
    common = sum(synthetic.COMMON_WORD in q.text.lower() for q in quotes) / len(quotes)
    assert 0.22 <= common <= 0.28
    assert 0 < sum(synthetic.RARE_WORD in q.text.lower() for q in quotes) < 0.01 * len(quotes)
    assert not any(synthetic.COMMON_WORD in q.attribution.lower() for q in quotes)


def test_everything_made_is_recognisably_synthetic(seeded):
    for model in (Outlet, Speaker, Election, Topic, Stance):
        assert all(
            slug.startswith(synthetic.SLUG_PREFIX)
            for slug in model.objects.values_list("slug", flat=True)
        )
    assert all(
        url.startswith(synthetic.URL_ROOT) for url in Article.objects.values_list("url", flat=True)
    )
    assert all("Synthetic" in name for name in Outlet.objects.values_list("name", flat=True))
    assert synthetic.existing_content() == ({}, synthetic.existing_content()[1])
    assert synthetic.existing_content()[1]["quotes"] == 300


def test_the_same_seed_makes_the_same_data_and_another_seed_other_data(seeded):
    plan = synthetic.make_plan(300, seed=7)
    again = synthetic.make_plan(300, seed=7)
    other = synthetic.make_plan(300, seed=8)
    assert plan == again
    assert list(plan.each_quote()) == list(again.each_quote())
    assert [q.text for q in other.each_quote()] != [q.text for q in plan.each_quote()]

    # What the command stored is that plan, row for row.
    quotes = list(plan.each_quote())
    assert list(Quote.objects.order_by("pk").values_list("text", flat=True)) == [
        q.text for q in quotes
    ]
    assert StanceTag.objects.count() == sum(len(q.tags) for q in quotes)
    assert list(Speaker.objects.order_by("pk").values_list("slug", flat=True)) == [
        s.slug for s in plan.speakers
    ]


def test_stored_positions_equal_a_fresh_derivation_and_some_holders_change_side():
    seed("--quotes", "800", "--seed", "2")
    assert summaries.differences() == []
    verdicts = Counter(PositionSummary.objects.values_list("verdict", flat=True))
    assert verdicts[PositionSummary.Verdict.SUPPORTS]
    assert verdicts[PositionSummary.Verdict.OPPOSES]
    assert verdicts[PositionSummary.Verdict.MIXED]
    assert PositionSummary.objects.filter(shift_before__isnull=False).exists()


def test_every_row_passes_the_models_validation(seeded):
    for model in (Outlet, Article, Speaker, SpeakerRole, Election, Candidacy, Topic, Stance):
        for obj in model.objects.order_by("pk")[:20]:
            obj.full_clean()
    for kind in Quote.Kind.values:
        for status in Quote.Status.values:
            for quote in Quote.objects.filter(kind=kind, status=status)[:3]:
                quote.full_clean()
    for tag in StanceTag.objects.order_by("pk")[:20]:
        tag.full_clean()
    answers = Quote.objects.filter(responds_to__isnull=False)
    assert all(quote.responds_to_id < quote.pk for quote in answers)
    for quote in answers[:5]:
        quote.full_clean()


def test_it_shows_progress_and_says_what_it_made(seeded):
    assert "quotes" in seeded
    assert "300/300" in seeded
    assert "Synthetic data (seed 7, run 1): 300 quotes" in seeded
    assert "500 speakers, 6 articles, 6 elections" in seeded


def test_a_database_with_real_content_is_refused_with_how_to_override():
    make_quote()
    with pytest.raises(CommandError, match="not synthetic") as refused:
        seed("--quotes", "50")
    assert "--force" in str(refused.value)
    assert "(1 outlet, 1 article, 1 speaker, 1 quote)" in str(refused.value)
    assert Quote.objects.count() == 1
    assert not Outlet.objects.filter(slug__startswith=synthetic.SLUG_PREFIX).exists()


def test_force_adds_synthetic_data_beside_real_content():
    real = make_quote()
    seed("--quotes", "50", "--force")
    assert Quote.objects.count() == 51
    assert Quote.objects.filter(pk=real.pk).exists()
    assert summaries.differences() == []


def test_a_second_run_is_refused_and_with_force_gets_names_of_its_own():
    seed("--quotes", "50")
    with pytest.raises(CommandError, match="earlier run") as refused:
        seed("--quotes", "50")
    assert "--force" in str(refused.value)
    assert Quote.objects.count() == 50

    out = seed("--quotes", "50", "--force")
    assert "run 2" in out
    assert Quote.objects.count() == 100
    assert Outlet.objects.filter(slug__startswith=f"{synthetic.SLUG_PREFIX}run-2-").count() == 20
    assert Speaker.objects.filter(slug__startswith=f"{synthetic.SLUG_PREFIX}run-2-").count() == 500
    assert synthetic.existing_content()[0] == {}
    assert summaries.differences() == []


@pytest.mark.parametrize("value", ["0", "-3", "many", "2.5", "", "2000001"])
def test_a_bad_number_of_quotes_is_a_clear_error(value):
    with pytest.raises(CommandError, match="--quotes: expected a whole number from 1 to 2,000,000"):
        seed("--quotes", value)
    assert not Quote.objects.exists()


def test_a_bad_seed_or_no_number_of_quotes_is_a_clear_error():
    with pytest.raises(CommandError, match="--seed: expected a whole number, got 'x'"):
        seed("--quotes", "10", "--seed", "x")
    with pytest.raises(CommandError, match="required: --quotes"):
        seed()
