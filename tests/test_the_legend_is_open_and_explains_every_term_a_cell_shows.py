"""The legend is open on a first visit, on every page and embed that shows cells, and explains every
term a cell can show: each badge's kind, the line under it, the counts, the shift, the dates, the
kinds of quote."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from stances.models import Quote, StanceTag
from tests.factories import make_candidates, make_evidence, make_stance, make_topic

pytestmark = pytest.mark.django_db

SUPPORTS = StanceTag.Alignment.SUPPORTS
OPPOSES = StanceTag.Alignment.OPPOSES
NEUTRAL = StanceTag.Alignment.NEUTRAL


class Page(HTMLParser):
    """The legend (is it open, its text, its sample badges' classes) and what the cells say."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "col", "wbr", "base"}

    def __init__(self, html):
        super().__init__()
        self.legends_open, self.legend_text, self.legend_badges = [], "", set()
        self.cell_badges, self.cell_texts = set(), {"basis": [], "quote-meta": [], "evidence": []}
        self.shift_texts = []
        self._stack = []  # (tag, classes) of open elements
        self.feed(html)

    def inside(self, name):
        return any(name in classes for _, classes in self._stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if tag == "details" and "legend" in classes:
            self.legends_open.append("open" in attrs)
        styles = {c.removeprefix("badge-") for c in classes if c.startswith("badge-")}
        if "legend-badge" in classes:
            self.legend_badges |= styles
        elif "verdict" in classes and self.inside("position"):
            self.cell_badges |= styles
        if tag not in self.VOID:
            self._stack.append((tag, classes))

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.inside("legend"):
            self.legend_text += data
        elif self.inside("position"):
            for name, texts in self.cell_texts.items():
                if self.inside(name) and data.strip():
                    texts.append(" ".join(data.split()))
            if self.inside("shift") and data.strip():
                self.shift_texts.append(data.strip())

    @property
    def legend(self):
        return " ".join(self.legend_text.split())


@pytest.fixture
def every_kind_of_cell():
    """An election whose cells show every verdict, basis, kind of quote, shift and mention."""
    names = ["Own", "Paraphrase", "Reported", "Unnamed", "Mixed", "Shifted", "Mentions", "Silent"]
    election, candidates = make_candidates(*names, slug="every-kind")
    people = dict(zip(names, candidates, strict=True))
    topic = make_topic(name="Trade")
    stance = make_stance(statement="Lower tariffs", topic=topic)
    other = make_stance(statement="Join the customs union", topic=topic)
    make_evidence(people["Own"], stance, kind=Quote.Kind.PARTIAL)
    make_evidence(people["Paraphrase"], stance, "paraphrase")
    make_evidence(people["Reported"], stance, "reported", alignment=OPPOSES)
    make_evidence(people["Unnamed"], stance, "anonymous")
    same_day = datetime.date(2024, 5, 1)
    for alignment in (SUPPORTS, OPPOSES):
        make_evidence(people["Mixed"], stance, alignment=alignment, said_on=same_day)
    for said_on, alignment in ((datetime.date(2023, 1, 1), OPPOSES), (same_day, SUPPORTS)):
        make_evidence(people["Shifted"], stance, alignment=alignment, said_on=said_on)
    make_evidence(people["Own"], stance, alignment=NEUTRAL)
    make_evidence(people["Mentions"], stance, alignment=NEUTRAL)
    make_evidence(people["Own"], other)
    return election, topic, people


def pages(election, topic, people):
    speakers = "&".join(f"speakers={p.slug}" for p in list(people.values())[:6])
    return [
        election.get_absolute_url(),
        reverse("election_topic", args=[election.slug, topic.slug]),
        f"{reverse('compare')}?{speakers}",
        topic.get_absolute_url(),
        people["Own"].get_absolute_url(),
        reverse("embeds:election", args=[election.slug]),
        reverse("embeds:topic", args=[topic.slug]),
        reverse("embeds:position", args=[people["Own"].slug, topic.stances.first().slug]),
    ]


def test_the_legend_is_open_on_every_page_that_shows_cells(client, every_kind_of_cell):
    for url in pages(*every_kind_of_cell):
        page = Page(client.get(url).text)
        assert page.legends_open == [True], url


def test_every_badge_a_cell_shows_has_a_sample_in_the_legend(client, every_kind_of_cell):
    election, *_ = every_kind_of_cell
    page = Page(client.get(election.get_absolute_url()).text)

    assert page.cell_badges == {
        "own_words",
        "paraphrase",
        "reported",
        "anonymous",
        "mention",
        "none",
    }
    assert page.cell_badges <= page.legend_badges
    for label in (
        "Mixed",
        "Shifted to supports",
        "Reportedly supports",
        "Unnamed sources: supports",
    ):
        assert label in page.legend, label


def test_every_line_under_a_badge_is_explained_in_the_legend(client, every_kind_of_cell):
    election, *_ = every_kind_of_cell
    page = Page(client.get(election.get_absolute_url()).text)

    bases = set(page.cell_texts["basis"])
    assert bases == {
        "In their own words",
        "Paraphrased only",
        "Reported by others only",
        "Unnamed sources only",
    }
    for term in bases:
        assert term in page.legend, term


def test_the_counts_dates_shift_and_kinds_of_quote_are_explained(client, every_kind_of_cell):
    election, *_ = every_kind_of_cell
    page = Page(client.get(election.get_absolute_url()).text)
    evidence = " ".join(page.cell_texts["evidence"])
    meta = " ".join(page.cell_texts["quote-meta"])

    for term in ("own statement", "reported by others", "outlet", "newest", "reported"):
        assert term in evidence, term
        assert term in page.legend, term
    assert "Shifted:" in page.shift_texts
    assert "Shifted: opposes → supports" in page.legend
    for kind in Quote.Kind:
        if kind.label in meta:
            assert kind.label in page.legend, kind.label
    assert "Anonymous-source claim" in meta
    for mark in ("mentions only", "opposes"):
        assert mark in meta, mark
        assert f"“{mark}”" in page.legend, mark
