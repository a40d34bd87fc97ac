"""The API's records: each endpoint's shape, every quote with its source and attribution, and only
what is published (drafts nowhere, a retracted quote a 410 with the reason, an article's text
never)."""

import datetime

import pytest
from django.urls import reverse

from stances.models import Candidacy, Quote, StanceTag
from tests.factories import (
    make_article,
    make_candidacy,
    make_election,
    make_outlet,
    make_quote,
    make_role,
    make_speaker,
    make_stance,
    make_tag,
)

pytestmark = pytest.mark.django_db

BODY = "The article's own text, which belongs to its publisher and must never be served."


@pytest.fixture
def world():
    """The seed article's cases: a direct quote, a paraphrase about a candidate by his running
    mate, an unnamed-sources claim, a reaction, a draft and a retraction."""
    election = make_election(name="2024 United States presidential election", country="US")
    trump = make_speaker(name="Donald Trump", description="Republican nominee")
    vance = make_speaker(name="JD Vance")
    make_role(
        vance,
        title="Republican vice-presidential nominee",
        organisation="",
        started_on=datetime.date(2024, 7, 15),
    )
    peskov = make_speaker(name="Dmitry Peskov")
    make_role(
        peskov, title="Spokesman", organisation="the Kremlin", started_on=datetime.date(2012, 5, 22)
    )
    loner = make_speaker(name="Only In Drafts")
    head = make_candidacy(election=election, speaker=trump, party="Republican", order=1)
    make_candidacy(
        election=election,
        speaker=vance,
        party="Republican",
        order=2,
        ticket_position=Candidacy.TicketPosition.RUNNING_MATE,
        running_mate_of=head,
    )
    ft = make_outlet(name="Financial Times", slug="ft", website="https://www.ft.com/")
    empty_outlet = make_outlet(name="Nothing Published Here", slug="nothing")
    article = make_article(
        outlet=ft,
        title="Trump's plan for Ukraine",
        url="https://www.ft.com/content/plan",
        authors="A. Reporter",
        published_on=datetime.date(2024, 11, 5),
        body=BODY,
    )
    stance = make_stance(statement="Negotiate a quick end to the war", slug="quick-end")
    deal = make_quote(
        text="We will make a deal within 24 hours",
        speaker=trump,
        article=article,
        said_on=datetime.date(2023, 5, 10),
    )
    make_tag(deal, stance, note="A promise of a fast settlement.")
    plan = make_quote(
        text="a guarantee of Kyiv's neutral status is part of the plan",
        kind=Quote.Kind.PARAPHRASE,
        speaker=vance,
        about=trump,
        article=article,
    )
    claim = make_quote(
        text="the plan revises the Minsk agreements",
        kind=Quote.Kind.ANONYMOUS,
        attribution_text="unnamed Trump advisers, cited by the Financial Times",
        about=trump,
        article=article,
    )
    reaction = make_quote(
        text="nothing can be done within 24 hours",
        speaker=peskov,
        article=article,
        responds_to=deal,
        said_on=datetime.date(2024, 11, 5),
    )
    draft = make_quote(
        text="Unpublished words",
        speaker=loner,
        status=Quote.Status.DRAFT,
        article=make_article(outlet=empty_outlet, title="Only drafts here"),
    )
    retracted = make_quote(text="Misattributed words", speaker=trump, article=article)
    retracted.status = Quote.Status.RETRACTED
    retracted.retraction_reason = "Said by an aide."
    retracted.save()
    answer_to_draft = make_quote(
        text="Answering a draft", speaker=peskov, article=article, responds_to=draft
    )
    return locals()


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return response.json()


def results(client, url):
    return get(client, url)["results"]


def test_the_index_links_every_list_the_document_and_the_docs(client):
    links = get(client, reverse("api:index"))

    assert set(links) == {
        "elections",
        "speakers",
        "topics",
        "stances",
        "outlets",
        "articles",
        "quotes",
        "openapi",
        "docs",
    }
    assert links["quotes"] == "http://testserver/api/quotes/"


def test_a_quote_carries_its_source_kind_attribution_and_the_role_held(client, world):
    (quote,) = [
        q for q in results(client, reverse("api:quotes")) if q["id"] == world["reaction"].pk
    ]

    assert quote["text"] == "nothing can be done within 24 hours"
    assert quote["kind"] == "direct"
    assert quote["speaker"] == {"slug": world["peskov"].slug, "name": "Dmitry Peskov"}
    assert quote["speaker_role"]["title"] == "Spokesman"
    assert quote["speaker_role"]["organisation"] == "the Kremlin"
    assert quote["said_on"] == "2024-11-05"
    assert quote["responds_to"] == world["deal"].pk
    assert quote["source"] == {
        "article": world["article"].pk,
        "title": "Trump's plan for Ukraine",
        "outlet": {"slug": "ft", "name": "Financial Times"},
        "published_on": "2024-11-05",
        "url": "https://www.ft.com/content/plan",
        "archive_url": None,
        "page": f"http://testserver{world['article'].get_absolute_url()}",
    }
    assert quote["page"] == f"http://testserver{world['reaction'].get_absolute_url()}"


def test_an_unnamed_sources_claim_has_no_speaker_and_its_printed_attribution(client, world):
    claim = get(client, reverse("api:quote", args=[world["claim"].pk]))

    assert claim["kind"] == "anonymous"
    assert claim["speaker"] is None
    assert claim["speaker_role"] is None
    assert claim["attribution"] == "unnamed Trump advisers, cited by the Financial Times"
    assert claim["about"] == {"slug": world["trump"].slug, "name": "Donald Trump"}


def test_a_paraphrase_about_the_candidate_says_whose_position_it_describes(client, world):
    plan = get(client, reverse("api:quote", args=[world["plan"].pk]))

    assert plan["kind"] == "paraphrase"
    assert plan["speaker"]["name"] == "JD Vance"
    assert plan["speaker_role"]["title"] == "Republican vice-presidential nominee"
    assert plan["about"]["name"] == "Donald Trump"


def test_a_quote_lists_its_stance_tags(client, world):
    deal = get(client, reverse("api:quote", args=[world["deal"].pk]))

    assert deal["tags"] == [
        {
            "stance": "quick-end",
            "topic": world["stance"].topic.slug,
            "alignment": "supports",
            "note": "A promise of a fast settlement.",
        }
    ]


def test_only_published_quotes_are_listed(client, world):
    ids = {quote["id"] for quote in results(client, reverse("api:quotes"))}

    published = {
        world[name].pk for name in ("deal", "plan", "claim", "reaction", "answer_to_draft")
    }
    assert ids == published


def test_a_draft_is_a_404_and_a_retracted_quote_a_410_with_the_reason_not_the_words(client, world):
    draft = get(client, reverse("api:quote", args=[world["draft"].pk]), status=404)
    retracted = get(client, reverse("api:quote", args=[world["retracted"].pk]), status=410)

    assert "detail" in draft
    assert retracted["retraction_reason"] == "Said by an aide."
    assert retracted["id"] == world["retracted"].pk
    assert "Misattributed words" not in str(retracted)


def test_a_reaction_to_a_draft_does_not_reveal_the_draft(client, world):
    answer = get(client, reverse("api:quote", args=[world["answer_to_draft"].pk]))

    assert answer["responds_to"] is None


def test_elections_list_their_candidacies_in_ballot_order(client, world):
    (election,) = results(client, reverse("api:elections"))

    assert election["name"] == "2024 United States presidential election"
    assert election["country"] == "US"
    assert [c["speaker"]["name"] for c in election["candidacies"]] == ["Donald Trump", "JD Vance"]
    mate = election["candidacies"][1]
    assert mate["ticket_position"] == "running_mate"
    assert mate["running_mate_of"] == world["trump"].slug
    assert election["grid"].endswith(reverse("api:election-grid", args=[world["election"].slug]))
    assert get(client, reverse("api:election", args=[world["election"].slug])) == election


def test_speakers_are_the_public_ones_with_their_roles(client, world):
    speakers = {s["name"]: s for s in results(client, reverse("api:speakers"))}

    assert set(speakers) == {"Donald Trump", "JD Vance", "Dmitry Peskov"}
    assert speakers["Dmitry Peskov"]["roles"] == [
        {
            "title": "Spokesman",
            "organisation": "the Kremlin",
            "started_on": "2012-05-22",
            "ended_on": None,
        }
    ]
    assert speakers["Donald Trump"]["description"] == "Republican nominee"
    assert speakers["Donald Trump"]["quotes"].endswith(
        f"/api/quotes/?speaker={world['trump'].slug}"
    )
    get(client, reverse("api:speaker", args=[world["loner"].slug]), status=404)


def test_topics_and_stances(client, world):
    stance = world["stance"]
    (topic,) = results(client, reverse("api:topics"))
    (listed,) = results(client, reverse("api:stances"))

    assert topic["stances"] == [
        {"slug": "quick-end", "statement": "Negotiate a quick end to the war"}
    ]
    assert listed["topic"] == {"slug": stance.topic.slug, "name": stance.topic.name}
    assert listed == get(client, reverse("api:stance", args=["quick-end"]))
    assert get(client, reverse("api:topic", args=[stance.topic.slug])) == topic


def test_outlets_and_articles_are_those_with_a_published_quote(client, world):
    (outlet,) = results(client, reverse("api:outlets"))
    (article,) = results(client, reverse("api:articles"))

    assert outlet["name"] == "Financial Times"
    assert outlet["website"] == "https://www.ft.com/"
    assert article["title"] == "Trump's plan for Ukraine"
    assert article["authors"] == "A. Reporter"
    assert article["outlet"] == {"slug": "ft", "name": "Financial Times"}
    get(client, reverse("api:outlet", args=["nothing"]), status=404)
    get(client, reverse("api:article", args=[world["draft"].article_id]), status=404)


def test_an_articles_text_is_never_served(client, world):
    for url in (
        reverse("api:articles"),
        reverse("api:article", args=[world["article"].pk]),
        reverse("api:quotes"),
        reverse("api:quote", args=[world["deal"].pk]),
    ):
        response = client.get(url)
        assert BODY not in response.text
        assert "summary" not in response.text


def test_an_articles_quotes_are_one_link_away(client, world):
    article = get(client, reverse("api:article", args=[world["article"].pk]))
    quotes = results(client, article["quotes"])

    assert {q["id"] for q in quotes} == {
        world[name].pk for name in ("deal", "plan", "claim", "reaction", "answer_to_draft")
    }


@pytest.mark.parametrize(
    "url",
    [
        "/api/quotes/999999/",
        "/api/articles/999999/",
        "/api/quotes/99999999999999999999999999999999/",
        "/api/speakers/nobody/",
        "/api/elections/nothing/grid/",
        "/api/no-such-list/",
        "/api/speakers/%00/",
        "/api/speakers/a%0Ab/",
    ],
)
def test_unknown_addresses_are_a_json_404(client, world, url):
    body = get(client, url, status=404)

    assert body["detail"]


def test_nothing_is_written_through_the_api(client, world):
    response = client.post(reverse("api:quotes"), {"text": "x"})

    assert response.status_code == 405
    assert Quote.objects.count() == 7
    assert StanceTag.objects.count() == 1
