"""The quote list's filters (status, kind, speaker, topic, outlet, election) each keep exactly the
quotes they name, alone and together."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from stances.models import Quote
from tests.factories import (
    make_article,
    make_candidacy,
    make_election,
    make_outlet,
    make_quote,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:stances_quote_changelist")


@pytest.fixture
def world():
    """Two elections, two outlets, two topics, and quotes spread across them."""
    w = SimpleNamespace()
    w.trump, w.harris = make_speaker(name="Donald Trump"), make_speaker(name="Kamala Harris")
    w.vance, w.peskov = make_speaker(name="JD Vance"), make_speaker(name="Dmitry Peskov")
    w.nobody = make_speaker(name="Never Quoted")
    w.us_2024, w.ohio_2022 = make_election(), make_election()
    make_candidacy(election=w.us_2024, speaker=w.trump)
    make_candidacy(election=w.us_2024, speaker=w.harris)
    make_candidacy(election=w.ohio_2022, speaker=w.vance, office="Senator")
    make_candidacy(election=w.ohio_2022, speaker=w.nobody, office="Senator")

    w.ledger, w.courier = make_outlet(), make_outlet()
    ledger_article = make_article(outlet=w.ledger)
    courier_article = make_article(outlet=w.courier)
    w.war, w.trade = make_topic(), make_topic()
    deal, aid, tariffs = (
        make_stance(topic=w.war),
        make_stance(topic=w.war),
        make_stance(topic=w.trade),
    )

    w.trump_deal = make_quote(speaker=w.trump, article=ledger_article)
    make_tag(quote=w.trump_deal, stance=deal)
    # Two tags within one topic: the topic filter must still list the quote once.
    make_tag(quote=w.trump_deal, stance=aid)
    w.harris_draft = make_quote(
        speaker=w.harris,
        kind=Quote.Kind.PARAPHRASE,
        status=Quote.Status.DRAFT,
        article=courier_article,
    )
    make_tag(quote=w.harris_draft, stance=tariffs)
    w.advisers_claim = make_quote(
        kind=Quote.Kind.ANONYMOUS,
        about=w.trump,
        article=ledger_article,
        status=Quote.Status.RETRACTED,
        retraction_reason="The report was withdrawn.",
    )
    make_tag(quote=w.advisers_claim, stance=tariffs)
    w.peskov_reply = make_quote(speaker=w.peskov, article=courier_article, responds_to=w.trump_deal)
    w.vance_on_trump = make_quote(
        speaker=w.vance, about=w.trump, kind=Quote.Kind.PARAPHRASE, article=courier_article
    )
    w.all = {w.trump_deal, w.harris_draft, w.advisers_claim, w.peskov_reply, w.vance_on_trump}
    return w


def listed(client, **params) -> set[Quote]:
    response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    changelist = response.context["cl"]
    quotes = list(changelist.queryset)
    assert changelist.result_count == len(quotes), "a filter listed a quote twice"
    assert len(set(quotes)) == len(quotes), "a filter listed a quote twice"
    return set(quotes)


def test_without_a_filter_every_quote_is_listed(editor_client, world):
    assert listed(editor_client) == world.all


def test_the_status_filter_keeps_quotes_of_that_status(editor_client, world):
    assert listed(editor_client, status__exact="draft") == {world.harris_draft}
    assert listed(editor_client, status__exact="retracted") == {world.advisers_claim}
    assert listed(editor_client, status__exact="published") == {
        world.trump_deal,
        world.peskov_reply,
        world.vance_on_trump,
    }


def test_the_kind_filter_keeps_quotes_of_that_kind(editor_client, world):
    assert listed(editor_client, kind__exact="anonymous") == {world.advisers_claim}
    assert listed(editor_client, kind__exact="paraphrase") == {
        world.harris_draft,
        world.vance_on_trump,
    }


def test_the_speaker_filter_keeps_that_speakers_own_quotes(editor_client, world):
    assert listed(editor_client, speaker__id__exact=world.trump.pk) == {world.trump_deal}
    assert listed(editor_client, speaker__id__exact=world.peskov.pk) == {world.peskov_reply}


def test_the_speaker_filter_offers_only_speakers_who_were_quoted(editor_client, world):
    changelist = editor_client.get(CHANGELIST).context["cl"]
    speaker_filter = next(spec for spec in changelist.filter_specs if spec.field_path == "speaker")
    offered = {pk for pk, _ in speaker_filter.lookup_choices}
    assert offered == {world.trump.pk, world.harris.pk, world.peskov.pk, world.vance.pk}


def test_the_topic_filter_keeps_quotes_tagged_with_a_stance_on_that_topic(editor_client, world):
    assert listed(editor_client, tags__stance__topic__id__exact=world.war.pk) == {world.trump_deal}
    assert listed(editor_client, tags__stance__topic__id__exact=world.trade.pk) == {
        world.harris_draft,
        world.advisers_claim,
    }


def test_the_outlet_filter_keeps_quotes_reported_by_that_outlet(editor_client, world):
    assert listed(editor_client, article__outlet__id__exact=world.ledger.pk) == {
        world.trump_deal,
        world.advisers_claim,
    }
    assert listed(editor_client, article__outlet__id__exact=world.courier.pk) == {
        world.harris_draft,
        world.peskov_reply,
        world.vance_on_trump,
    }


def test_the_election_filter_keeps_quotes_by_or_about_its_candidates(editor_client, world):
    assert listed(editor_client, election=world.us_2024.pk) == {
        world.trump_deal,
        world.harris_draft,
        world.advisers_claim,
        world.vance_on_trump,
    }
    assert listed(editor_client, election=world.ohio_2022.pk) == {world.vance_on_trump}


def test_the_election_filter_ignores_a_value_that_is_not_an_election_id(editor_client, world):
    assert listed(editor_client, election="not-a-number") == world.all


def test_filters_combine(editor_client, world):
    assert listed(editor_client, election=world.us_2024.pk, status__exact="published") == {
        world.trump_deal,
        world.vance_on_trump,
    }
    assert listed(
        editor_client, article__outlet__id__exact=world.ledger.pk, kind__exact="anonymous"
    ) == {world.advisers_claim}


def test_the_search_combines_with_a_filter(editor_client, world):
    assert listed(editor_client, q="Trump", status__exact="published") == {
        world.trump_deal,
        world.vance_on_trump,
    }
