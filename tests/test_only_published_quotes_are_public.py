"""Only published quotes reach readers: drafts are nowhere (404 on their own address), a retracted
quote's address says it was retracted and why (410) without repeating its words, and articles,
outlets and speakers with nothing published are not public either."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from stances.models import Quote, StanceTag
from stances.positions import Verdict
from tests.factories import (
    make_article,
    make_candidacy,
    make_election,
    make_outlet,
    make_quote,
    make_speaker,
    make_stance,
    make_tag,
)

pytestmark = pytest.mark.django_db

DRAFT_WORDS = "Unpublished promise about grain convoys"
RETRACTED_WORDS = "Misattributed remark about naval patrols"
REASON = "The words were said by an aide, not by the candidate."


@pytest.fixture
def world():
    """A candidate with one published, one draft and one retracted quote in the same article."""
    election = make_election()
    trump = make_speaker(name="Donald Trump")
    make_candidacy(election=election, speaker=trump)
    harris = make_speaker(name="Kamala Harris")
    make_candidacy(election=election, speaker=harris)
    stance = make_stance(statement="Keep sending military aid to Ukraine")
    outlet = make_outlet(name="The Daily Ledger")
    article = make_article(outlet=outlet, title="Candidates on the war")
    published = make_quote(
        speaker=trump, article=article, text="We will make a deal within 24 hours"
    )
    make_tag(quote=published, stance=stance, alignment=StanceTag.Alignment.SUPPORTS)
    draft = make_quote(speaker=trump, article=article, text=DRAFT_WORDS, status=Quote.Status.DRAFT)
    make_tag(quote=draft, stance=stance, alignment=StanceTag.Alignment.OPPOSES)
    retracted = make_quote(
        speaker=trump,
        article=article,
        text=RETRACTED_WORDS,
        status=Quote.Status.RETRACTED,
        retraction_reason=REASON,
        published_at=timezone.now(),  # readers saw it before it was retracted
    )
    make_tag(quote=retracted, stance=stance, alignment=StanceTag.Alignment.OPPOSES)
    return {
        "election": election,
        "trump": trump,
        "harris": harris,
        "stance": stance,
        "outlet": outlet,
        "article": article,
        "published": published,
        "draft": draft,
        "retracted": retracted,
    }


def test_a_draft_quote_has_no_public_address(client, world):
    response = client.get(world["draft"].get_absolute_url())

    assert response.status_code == 404
    assert DRAFT_WORDS not in response.text


def test_a_retracted_quote_says_so_and_why_without_its_words(client, world):
    response = client.get(world["retracted"].get_absolute_url())

    assert response.status_code == 410
    assert "This quote was retracted" in response.text
    assert REASON in response.text
    assert "Candidates on the war" in response.text
    assert RETRACTED_WORDS not in response.text


def test_a_quote_retracted_before_anyone_saw_it_is_simply_not_found(client):
    never_public = make_quote(status=Quote.Status.RETRACTED, retraction_reason=REASON)
    assert client.get(never_public.get_absolute_url()).status_code == 404


def test_a_published_quote_has_its_page(client, world):
    response = client.get(world["published"].get_absolute_url())

    assert response.status_code == 200
    assert "We will make a deal within 24 hours" in response.text


@pytest.mark.parametrize(
    "page",
    ["home", "election", "quotes", "speaker", "topic", "article", "outlet", "compare"],
)
def test_draft_and_retracted_quotes_appear_on_no_page(client, world, page):
    trump = world["trump"]
    urls = {
        "home": reverse("home"),
        "election": world["election"].get_absolute_url(),
        "quotes": reverse("quotes"),
        "speaker": trump.get_absolute_url(),
        "topic": world["stance"].topic.get_absolute_url(),
        "article": world["article"].get_absolute_url(),
        "outlet": world["outlet"].get_absolute_url(),
        "compare": f"{reverse('compare')}?speakers={trump.slug}&speakers={world['harris'].slug}",
    }
    response = client.get(urls[page])

    assert response.status_code == 200
    assert DRAFT_WORDS not in response.text
    assert RETRACTED_WORDS not in response.text
    # The published quote is there, and only it counts: the cell is not "mixed".
    if page != "outlet":
        assert "We will make a deal within 24 hours" in response.text
    if page in ("home", "election", "speaker", "topic", "compare"):
        [row] = response.context["grid"].rows
        [cell] = [cell for cell in row.cells if cell.holder == trump]
        assert cell.verdict == Verdict.SUPPORTS
        assert cell.quote_count == 1
        assert [tag.quote for tag in cell.shown_tags] == [world["published"]]


def test_searching_for_a_draft_finds_nothing(client, world):
    response = client.get(reverse("quotes"), {"q": "grain convoys"})

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    assert DRAFT_WORDS not in response.text


def test_the_quote_browser_counts_published_quotes_only(client, world):
    response = client.get(reverse("quotes"))

    assert [q.pk for q in response.context["page"].object_list] == [world["published"].pk]


def test_an_article_with_no_published_quote_is_not_public(client):
    article = make_article()
    make_quote(article=article, status=Quote.Status.DRAFT)
    make_quote(article=article, status=Quote.Status.RETRACTED, retraction_reason=REASON)

    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.title not in client.get(reverse("articles")).text


def test_an_outlet_with_no_published_quote_is_not_public(client):
    outlet = make_outlet(name="The Quiet Gazette")
    make_quote(article=make_article(outlet=outlet), status=Quote.Status.DRAFT)

    assert client.get(outlet.get_absolute_url()).status_code == 404


def test_an_outlet_with_no_article_at_all_is_not_public(client):
    assert client.get(make_outlet().get_absolute_url()).status_code == 404


def test_a_speaker_with_only_unpublished_quotes_and_no_candidacy_is_not_public(client):
    aide = make_speaker(name="Anonymous Aide Person")
    make_quote(speaker=aide, status=Quote.Status.DRAFT)
    make_quote(speaker=aide, status=Quote.Status.RETRACTED, retraction_reason=REASON)

    assert client.get(aide.get_absolute_url()).status_code == 404
    assert aide.name not in client.get(reverse("speakers")).text


def test_a_speaker_never_quoted_and_never_a_candidate_is_not_public(client):
    assert client.get(make_speaker().get_absolute_url()).status_code == 404


def test_non_public_speakers_are_not_offered_as_choices(client, world):
    aide = make_speaker(name="Anonymous Aide Person")
    make_quote(speaker=aide, status=Quote.Status.DRAFT)

    for url in (reverse("compare"), reverse("quotes")):
        response = client.get(url)
        assert "Donald Trump" in response.text
        assert aide.name not in response.text
    # Filtering by their address is an unknown choice, like any other unknown speaker.
    assert client.get(reverse("quotes"), {"speaker": aide.slug}).status_code == 400


def test_outlets_with_nothing_published_are_not_offered_as_a_filter(client, world):
    quiet = make_outlet(name="The Quiet Gazette")
    make_quote(article=make_article(outlet=quiet), status=Quote.Status.DRAFT)

    response = client.get(reverse("quotes"))
    assert "The Daily Ledger" in response.text
    assert quiet.name not in response.text


def test_a_candidate_without_quotes_is_public(client):
    harris = make_speaker(name="Kamala Harris")
    make_candidacy(speaker=harris)

    response = client.get(harris.get_absolute_url())
    assert response.status_code == 200
    assert "No published quotes yet." in response.text


def test_someone_only_reported_about_is_public(client):
    putin = make_speaker(name="Vladimir Putin")
    make_quote(about=putin, said_on=datetime.date(2024, 6, 1))

    assert client.get(putin.get_absolute_url()).status_code == 200


def test_reactions_and_the_quote_answered_are_shown_only_when_published(client):
    trump = make_speaker(name="Donald Trump")
    answered_draft = make_quote(speaker=trump, text=DRAFT_WORDS, status=Quote.Status.DRAFT)
    quote = make_quote(speaker=trump, responds_to=answered_draft, text="A public reply")
    make_quote(responds_to=quote, text=RETRACTED_WORDS, status=Quote.Status.DRAFT)
    make_quote(responds_to=quote, text="Nothing can be done within 24 hours")

    response = client.get(quote.get_absolute_url())
    assert response.status_code == 200
    assert DRAFT_WORDS not in response.text
    assert RETRACTED_WORDS not in response.text
    assert "Nothing can be done within 24 hours" in response.text
    assert "In response to" not in response.text
