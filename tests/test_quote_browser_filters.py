"""The quote browser's filters each keep exactly the quotes they name, alone and together; a bad
value is a 400 that says what is wrong; pages and the list of active filters keep the others."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from stances.models import Candidacy, Quote, StanceTag
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

QUOTES = reverse("quotes")
SUPPORTS = StanceTag.Alignment.SUPPORTS
OPPOSES = StanceTag.Alignment.OPPOSES
NEUTRAL = StanceTag.Alignment.NEUTRAL


@pytest.fixture
def w():
    """The seed article's cast: candidates, a running mate, the Kremlin, unnamed advisers."""
    w = SimpleNamespace()
    w.trump, w.harris = make_speaker(name="Donald Trump"), make_speaker(name="Kamala Harris")
    w.vance, w.peskov = make_speaker(name="JD Vance"), make_speaker(name="Dmitry Peskov")
    w.us_2024 = make_election(slug="us-2024")
    w.ohio_2022 = make_election(slug="ohio-2022", held_on=datetime.date(2022, 11, 8))
    make_candidacy(election=w.us_2024, speaker=w.trump)
    make_candidacy(election=w.us_2024, speaker=w.harris)
    make_candidacy(
        election=w.ohio_2022,
        speaker=w.vance,
        office="Senator",
        ticket_position=Candidacy.TicketPosition.HEAD,
    )
    w.ledger = make_outlet(name="The Daily Ledger", slug="ledger")
    w.courier = make_outlet(name="The Courier", slug="courier")
    w.war, w.trade = make_topic(slug="war"), make_topic(slug="trade")
    w.deal = make_stance(topic=w.war, slug="quick-deal")
    w.aid = make_stance(topic=w.war, slug="military-aid")
    w.tariffs = make_stance(topic=w.trade, slug="tariffs")

    ledger_article = make_article(outlet=w.ledger, published_on=datetime.date(2024, 11, 5))
    courier_article = make_article(outlet=w.courier, published_on=datetime.date(2024, 10, 1))

    w.trump_deal = make_quote(
        speaker=w.trump,
        text="We will make a deal within 24 hours",
        said_on=datetime.date(2024, 3, 1),
        article=ledger_article,
    )
    make_tag(quote=w.trump_deal, stance=w.deal, alignment=SUPPORTS)
    make_tag(quote=w.trump_deal, stance=w.aid, alignment=OPPOSES)
    w.harris_aid = make_quote(
        speaker=w.harris,
        kind=Quote.Kind.PARAPHRASE,
        text="The United States would continue supporting Ukraine, including militarily",
        said_on=datetime.date(2024, 6, 10),
        article=courier_article,
    )
    make_tag(quote=w.harris_aid, stance=w.aid, alignment=SUPPORTS)
    w.vance_plan = make_quote(
        speaker=w.vance,
        about=w.trump,
        kind=Quote.Kind.PARTIAL,
        text="a guarantee of Kyiv's neutral status",
        said_on=datetime.date(2024, 9, 15),
        article=ledger_article,
    )
    make_tag(quote=w.vance_plan, stance=w.deal, alignment=SUPPORTS)
    w.ft_claim = make_quote(
        kind=Quote.Kind.ANONYMOUS,
        about=w.trump,
        attribution_text="unnamed Trump advisers, cited by the Financial Times",
        text="The plan is a revision of the Minsk agreements",
        article=courier_article,
    )
    make_tag(quote=w.ft_claim, stance=w.deal, alignment=NEUTRAL)
    w.peskov_reply = make_quote(
        speaker=w.peskov,
        text="Nothing can be done within 24 hours",
        said_on=datetime.date(2024, 3, 2),
        responds_to=w.trump_deal,
        article=ledger_article,
    )
    make_tag(quote=w.peskov_reply, stance=w.tariffs, alignment=OPPOSES)
    # A draft matches many filters below; it must never be listed.
    draft = make_quote(
        speaker=w.trump,
        text="Draft: a deal on tariffs with everyone",
        said_on=datetime.date(2024, 3, 1),
        article=ledger_article,
        status=Quote.Status.DRAFT,
    )
    make_tag(quote=draft, stance=w.deal, alignment=SUPPORTS)
    return w


def listed(client, **params):
    response = client.get(QUOTES, params)
    assert response.status_code == 200, response.text
    quotes = list(response.context["page"].object_list)
    assert len(quotes) == len(set(quotes)), "a quote is listed twice"
    return set(quotes)


def test_without_filters_every_published_quote_is_listed(client, w):
    assert listed(client) == {w.trump_deal, w.harris_aid, w.vance_plan, w.ft_claim, w.peskov_reply}


def test_speaker_keeps_their_words_and_reports_about_them(client, w):
    assert listed(client, speaker=w.trump.slug) == {w.trump_deal, w.vance_plan, w.ft_claim}
    assert listed(client, speaker=w.vance.slug) == {w.vance_plan}


def test_topic_keeps_quotes_tagged_with_any_of_its_stances_once_each(client, w):
    assert listed(client, topic="war") == {w.trump_deal, w.harris_aid, w.vance_plan, w.ft_claim}
    assert listed(client, topic="trade") == {w.peskov_reply}


def test_stance_keeps_quotes_tagged_with_it(client, w):
    assert listed(client, stance="military-aid") == {w.trump_deal, w.harris_aid}


def test_alignment_keeps_quotes_taking_that_side(client, w):
    assert listed(client, alignment="opposes") == {w.trump_deal, w.peskov_reply}
    assert listed(client, alignment="neutral") == {w.ft_claim}


def test_stance_and_alignment_together_mean_one_tag_with_both(client, w):
    # Trump's quote supports a quick deal and opposes aid: it does not support aid.
    assert listed(client, stance="military-aid", alignment="supports") == {w.harris_aid}
    assert listed(client, stance="military-aid", alignment="opposes") == {w.trump_deal}
    assert listed(client, topic="trade", alignment="supports") == set()


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("direct", {"trump_deal", "peskov_reply"}),
        ("partial", {"vance_plan"}),
        ("paraphrase", {"harris_aid"}),
        ("anonymous", {"ft_claim"}),
    ],
)
def test_kind_keeps_that_kind_of_quote(client, w, kind, expected):
    assert listed(client, kind=kind) == {getattr(w, name) for name in expected}


def test_outlet_keeps_quotes_it_reported(client, w):
    assert listed(client, outlet="ledger") == {w.trump_deal, w.vance_plan, w.peskov_reply}
    assert listed(client, outlet="courier") == {w.harris_aid, w.ft_claim}


def test_election_keeps_quotes_by_or_about_its_candidates(client, w):
    assert listed(client, election="us-2024") == {
        w.trump_deal,
        w.harris_aid,
        w.vance_plan,
        w.ft_claim,
    }
    assert listed(client, election="ohio-2022") == {w.vance_plan}


def test_said_on_range_keeps_quotes_said_within_it(client, w):
    # The FT claim's date said is unknown: the date it was reported (1 October) counts.
    assert listed(client, said_after="2024-06-01") == {w.harris_aid, w.vance_plan, w.ft_claim}
    assert listed(client, said_after="2024-10-02") == set()
    assert listed(client, said_before="2024-03-01") == {w.trump_deal}
    assert listed(client, said_after="2024-03-01", said_before="2024-03-02") == {
        w.trump_deal,
        w.peskov_reply,
    }


def test_filters_combine(client, w):
    assert listed(client, speaker=w.trump.slug, kind="partial", outlet="ledger") == {w.vance_plan}
    assert listed(client, speaker=w.trump.slug, outlet="courier", topic="trade") == set()


# Search, on whichever database runs the tests -----------------------------------------------


def test_search_finds_words_in_the_quote(client, w):
    assert listed(client, q="Minsk agreement") == {w.ft_claim}


def test_search_needs_every_word(client, w):
    assert listed(client, q="deal hours") == {w.trump_deal}


def test_search_finds_words_in_the_attribution(client, w):
    assert listed(client, q="Financial Times") == {w.ft_claim}


def test_search_finds_quotes_by_or_about_a_named_speaker(client, w):
    assert listed(client, q="Peskov") == {w.peskov_reply}
    assert w.ft_claim in listed(client, q="Trump")


def test_search_combines_with_filters(client, w):
    assert listed(client, q="hours", speaker=w.peskov.slug) == {w.peskov_reply}


def test_a_blank_search_changes_nothing(client, w):
    assert len(listed(client, q="   ")) == 5


# Bad values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"said_after": "2024-02-30"}, "Enter a valid date."),
        ({"said_before": "yesterday"}, "Enter a valid date."),
        ({"speaker": "nobody-we-know"}, "Select a valid choice."),
        ({"topic": "gardening"}, "Select a valid choice."),
        ({"stance": "no-such-stance"}, "Select a valid choice."),
        ({"outlet": "no-such-outlet"}, "Select a valid choice."),
        ({"election": "no-such-election"}, "Select a valid choice."),
        ({"kind": "haiku"}, "haiku is not one of the available choices"),
        ({"alignment": "maybe"}, "maybe is not one of the available choices"),
        (
            {"said_after": "2024-06-01", "said_before": "2024-01-01"},
            "The start date is after the end date",
        ),
        ({"q": "x" * 201}, "Ensure this value has at most 200 characters"),
    ],
)
def test_a_bad_value_is_a_400_that_says_what_is_wrong(client, w, params, message):
    response = client.get(QUOTES, params)

    assert response.status_code == 400
    assert message in response.text
    assert "Some filters could not be used" in response.text
    assert "Correct the filters to see quotes." in response.text
    assert w.trump_deal.text not in response.text


def test_the_invalid_field_points_to_its_error(client, w):
    response = client.get(QUOTES, {"kind": "haiku"})

    assert 'aria-invalid="true"' in response.text
    assert 'aria-describedby="id_kind-error"' in response.text
    assert 'id="id_kind-error"' in response.text


def test_unknown_parameters_are_ignored(client, w):
    assert len(listed(client, utm_source="newsletter", sort="oldest")) == 5


# Pages --------------------------------------------------------------------------------------


@pytest.fixture
def many(w):
    """45 published quotes by Harris, on top of the five above."""
    article = make_article(outlet=w.courier)
    return [
        make_quote(speaker=w.harris, article=article, text=f"Statement on sanctions {i}")
        for i in range(45)
    ]


def test_pages_of_twenty_cover_every_quote_once(client, w, many):
    seen = []
    for number in (1, 2, 3):
        response = client.get(QUOTES, {"page": number})
        assert response.status_code == 200
        seen.extend(response.context["page"].object_list)
    assert len(seen) == 50
    assert len(set(seen)) == 50


@pytest.mark.parametrize(
    ("page", "shown"),
    [("abc", 1), ("-1", 3), ("0", 3), ("999999", 3), ("99999999999999999999999", 3), ("", 1)],
)
def test_a_bad_page_number_shows_a_page_not_an_error(client, w, many, page, shown):
    response = client.get(QUOTES, {"page": page})

    assert response.status_code == 200
    assert response.context["page"].number == shown


def test_page_links_keep_the_filters(client, w, many):
    response = client.get(QUOTES, {"speaker": w.harris.slug, "page": "2"})

    assert response.context["page"].number == 2
    assert f'href="?speaker={w.harris.slug}&amp;page=1"' in response.text
    assert f'href="?speaker={w.harris.slug}&amp;page=3"' in response.text


# Active filters -----------------------------------------------------------------------------


def test_active_filters_are_listed_with_links_that_remove_only_them(client, w):
    response = client.get(
        QUOTES, {"speaker": w.trump.slug, "kind": "partial", "said_after": "2024-01-01"}
    )

    active = {item["label"]: item for item in response.context["active"]}
    assert set(active) == {"Speaker", "Kind of quote", "From date"}
    assert str(active["Speaker"]["value"]) == "Donald Trump"
    assert active["Kind of quote"]["value"] == "Partial quote"
    assert active["Kind of quote"]["remove_url"] == (
        f"{QUOTES}?speaker={w.trump.slug}&said_after=2024-01-01"
    )
    assert active["Speaker"]["remove_url"] == f"{QUOTES}?kind=partial&said_after=2024-01-01"
    assert "Partial quote" in response.text
    assert "Remove<span" in response.text


def test_removing_a_filter_also_returns_to_the_first_page(client, w, many):
    response = client.get(QUOTES, {"speaker": w.harris.slug, "page": "2"})

    [speaker] = response.context["active"]
    assert speaker["remove_url"] == QUOTES


def test_no_filters_no_active_list(client, w):
    response = client.get(QUOTES, {"page": "1", "q": ""})

    assert response.context["active"] == []
    assert "Active filters" not in response.text
