"""A verdict badge says, in its words and its outline, what its evidence is: the person's own words,
a reporter's paraphrase of them, others' reports, or unnamed sources alone; every page and embed
words it the same way, from one place."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from stances import grids
from stances.models import PositionSummary, StanceTag
from stances.models.positions import badge_for
from tests.factories import make_candidates, make_evidence, make_stance

pytestmark = pytest.mark.django_db

SUPPORTS = StanceTag.Alignment.SUPPORTS
OPPOSES = StanceTag.Alignment.OPPOSES
BASES = ["own_words", "paraphrase", "reported", "anonymous"]


class Badges(HTMLParser):
    """Each verdict badge of a page: (its classes, its words)."""

    def __init__(self, html):
        super().__init__()
        self.found, self._open = [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "span" and "verdict" in classes:
            self._open = [classes, ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        # A badge holds one inner span (its icon): it ends at the second closing span.
        if self._open is not None and tag == "span":
            self._open.append(None)
            if len(self._open) == 4:
                classes, text = self._open[:2]
                self.found.append((classes, " ".join(text.split())))
                self._open = None

    def labels(self):
        return [text for _, text in self.found]


@pytest.mark.parametrize(
    ("verdict", "basis", "shifted", "label", "style"),
    [
        ("supports", "own_words", False, "Supports", "own_words"),
        ("opposes", "own_words", False, "Opposes", "own_words"),
        ("mixed", "own_words", False, "Mixed", "own_words"),
        ("supports", "own_words", True, "Shifted to supports", "own_words"),
        ("supports", "paraphrase", False, "Supports (paraphrased)", "paraphrase"),
        ("opposes", "paraphrase", True, "Shifted to opposes (paraphrased)", "paraphrase"),
        ("supports", "reported", False, "Reportedly supports", "reported"),
        ("opposes", "reported", False, "Reportedly opposes", "reported"),
        ("mixed", "reported", False, "Reportedly mixed", "reported"),
        ("supports", "anonymous", False, "Unnamed sources: supports", "anonymous"),
        ("opposes", "anonymous", True, "Unnamed sources: shifted to opposes", "anonymous"),
        ("mixed", "anonymous", False, "Unnamed sources: mixed", "anonymous"),
    ],
)
def test_each_kind_of_evidence_has_its_own_words_and_outline(verdict, basis, shifted, label, style):
    badge = badge_for(verdict, basis, has_evidence=True, shifted=shifted)
    assert badge.label == label
    assert badge.css_class == f"verdict-{verdict} badge-{style}"
    assert badge.is_weak == (basis in ("reported", "anonymous"))


def test_unnamed_sources_carry_a_different_symbol_from_named_evidence():
    named = {
        badge_for("supports", basis, has_evidence=True).icon
        for basis in ("own_words", "paraphrase", "reported")
    }
    unnamed = badge_for("supports", "anonymous", has_evidence=True).icon
    assert named == {"✓"}
    assert unnamed != "✓"
    assert unnamed.startswith("✓")


def test_a_mention_and_no_evidence_are_never_worded_as_a_position():
    mention = badge_for("none", "own_words", has_evidence=True)
    nothing = badge_for("none", "", has_evidence=False)
    assert (mention.label, mention.style) == ("Mentioned without taking a side", "mention")
    assert (nothing.label, nothing.style) == ("No recorded position", "none")
    for badge in (mention, nothing):
        assert not {"supports", "opposes", "mixed"} & set(badge.label.lower().split())


@pytest.fixture
def four_kinds():
    """One candidate per kind of evidence, each supporting the same stance."""
    election, holders = make_candidates(
        "Ana Own", "Ben Paraphrased", "Cy Reported", "Di Unnamed", slug="four-kinds"
    )
    stance = make_stance(statement="Reopen the embassy")
    for holder, basis in zip(holders, BASES, strict=True):
        make_evidence(holder, stance, basis)
    return election, stance, holders


EXPECTED = [
    (["verdict", "badge", "verdict-supports", "badge-own_words"], "✓ Supports"),
    (["verdict", "badge", "verdict-supports", "badge-paraphrase"], "✓ Supports (paraphrased)"),
    (["verdict", "badge", "verdict-supports", "badge-reported"], "✓ Reportedly supports"),
    (["verdict", "badge", "verdict-supports", "badge-anonymous"], "✓? Unnamed sources: supports"),
]


def test_the_election_grid_shows_each_kind_of_evidence_in_its_badge(client, four_kinds):
    election, *_ = four_kinds
    response = client.get(election.get_absolute_url())
    assert Badges(response.text).found == EXPECTED


def test_every_page_and_embed_words_the_badges_alike(client, four_kinds):
    election, stance, holders = four_kinds
    speakers = "&".join(f"speakers={h.slug}" for h in holders)
    pages = [
        election.get_absolute_url(),
        reverse("election_topic", args=[election.slug, stance.topic.slug]),
        f"{reverse('compare')}?{speakers}",
        stance.topic.get_absolute_url(),
        reverse("embeds:election", args=[election.slug]),
        reverse("embeds:topic", args=[stance.topic.slug]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert sorted(Badges(response.text).found) == sorted(EXPECTED), url
    for holder, expected in zip(holders, EXPECTED, strict=True):
        speaker_page = Badges(client.get(holder.get_absolute_url()).text).found
        embed = Badges(client.get(reverse("embeds:position", args=[holder.slug, stance.slug])).text)
        assert speaker_page == [expected], holder
        assert embed.found == [expected], holder


def test_a_long_list_of_positions_words_its_badges_alike(client, four_kinds, monkeypatch):
    """The speaker page's compact table (rendered in Python) uses the same wording."""
    monkeypatch.setattr(grids, "FULL_GRID_ROWS", 0)
    *_, holders = four_kinds
    for holder, expected in zip(holders, EXPECTED, strict=True):
        response = client.get(holder.get_absolute_url())
        assert "compact-positions" in response.text
        assert Badges(response.text).found == [expected], holder


def test_a_shift_is_worded_in_the_badge(client):
    election, [holder] = make_candidates("Ana Okafor", slug="shifting")
    stance = make_stance(statement="Lift the sanctions")
    for said_on, alignment in (
        (datetime.date(2023, 1, 5), OPPOSES),
        (datetime.date(2024, 6, 1), SUPPORTS),
    ):
        make_evidence(holder, stance, alignment=alignment, said_on=said_on)
    position = PositionSummary.objects.get(holder=holder, stance=stance)
    assert position.has_shift

    badges = Badges(client.get(election.get_absolute_url()).text)
    assert badges.labels() == ["✓ Shifted to supports"]
