"""A person whose quotes only mention a stance, without taking a side, is never shown as holding a
position on it, nor as having nothing on record: every cell and card says "Mentioned without taking
a side", with the mentions, on every page and embed; the head-to-head summary leaves it out."""

import pytest
from django.urls import reverse

from stances import grids
from stances.models import StanceTag
from tests.factories import (
    make_candidacy,
    make_election,
    make_quote,
    make_speaker,
    make_stance,
    make_tag,
)
from tests.test_verdict_badges_say_what_their_evidence_is import Badges

pytestmark = pytest.mark.django_db

MENTION = "○ Mentioned without taking a side"


@pytest.fixture
def mention():
    """Two candidates: one only mentions the stance, the other has said nothing on it."""
    election = make_election(slug="mentions")
    talker = make_candidacy(election=election, speaker=make_speaker(name="Tal Talker")).speaker
    silent = make_candidacy(election=election, speaker=make_speaker(name="Sil Silent")).speaker
    stance = make_stance(statement="Sign the grain deal")
    quote = make_quote(speaker=talker, text="The grain deal is on the table, we will see")
    make_tag(quote, stance, alignment=StanceTag.Alignment.NEUTRAL)
    return election, stance, talker, silent, quote


def test_every_page_and_embed_says_the_mention_is_not_a_position(client, mention):
    election, stance, talker, silent, quote = mention
    pages = [
        election.get_absolute_url(),
        reverse("election_topic", args=[election.slug, stance.topic.slug]),
        f"{reverse('compare')}?speakers={talker.slug}&speakers={silent.slug}",
        stance.topic.get_absolute_url(),
        talker.get_absolute_url(),
        reverse("embeds:election", args=[election.slug]),
        reverse("embeds:topic", args=[stance.topic.slug]),
        reverse("embeds:position", args=[talker.slug, stance.slug]),
    ]
    for url in pages:
        response = client.get(url)
        labels = Badges(response.text).labels()
        assert MENTION in labels, url
        # The talker's cell is the only mention, and nobody is shown with a side.
        assert labels.count(MENTION) == 1, url
        assert not [label for label in labels if "upports" in label or "pposes" in label], url
        assert quote.get_absolute_url() in response.text, url  # the mention is listed


def test_the_topic_page_no_longer_says_no_position_above_the_mentions(client, mention):
    _, stance, *_ = mention
    labels = Badges(client.get(stance.topic.get_absolute_url()).text).labels()
    assert labels == [MENTION]  # the topic page lists only people with evidence


def test_the_long_speaker_list_and_the_overview_say_mentioned(client, mention, monkeypatch):
    election, _, talker, *_ = mention
    monkeypatch.setattr(grids, "FULL_GRID_ROWS", 0)
    assert Badges(client.get(talker.get_absolute_url()).text).labels() == [MENTION]
    overview = client.get(election.get_absolute_url())
    assert overview.context["overview"]
    assert "Mentioned without taking a side: 1 stance" in overview.text


def test_a_stance_only_mentioned_is_no_line_of_the_head_to_head(client, mention):
    election, *_ = mention
    response = client.get(election.get_absolute_url())
    summary = response.context["head_to_head"]
    assert summary.on_record == 0
    assert summary.mentioned_only == 1
    assert "No candidate takes a side on any stance yet; 1 stance is only mentioned." in (
        " ".join(response.text.split())
    )
