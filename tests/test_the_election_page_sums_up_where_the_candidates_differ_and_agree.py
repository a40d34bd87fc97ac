"""At the top of an election page, a head-to-head summary: where the candidates differ (one
supports, another opposes), where those on record agree, where only one is on record, and where
records are mixed; each line links to its row and says when it rests on others' reports or
unnamed sources. It reads the positions the grid already holds: the page's queries do not grow
with the data."""

import datetime
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stances import grids
from stances.models import StanceTag
from tests.archive import build_archive
from tests.factories import (
    make_candidates,
    make_evidence,
    make_stance,
    make_topic,
)

pytestmark = pytest.mark.django_db

SUPPORTS = StanceTag.Alignment.SUPPORTS
OPPOSES = StanceTag.Alignment.OPPOSES
NEUTRAL = StanceTag.Alignment.NEUTRAL


class Summary(HTMLParser):
    """The summary's lines (link, words, folded away or not) and every id on the page."""

    def __init__(self, html):
        super().__init__()
        self.lines, self.ids, self.sections = [], set(), []
        self._line = None
        self._folded = 0
        self._in_summary = 0
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "section" and "head-to-head" in classes:
            self.sections.append(attrs)
            self._in_summary = 1
        elif tag == "section" and self._in_summary:
            self._in_summary += 1
        if tag == "details" and "h2h-more" in classes:
            self._folded += 1
        if tag == "li" and self._in_summary:
            self._line = {"href": None, "text": "", "folded": bool(self._folded)}
        if tag == "a" and self._line is not None and self._line["href"] is None:
            self._line["href"] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "li" and self._line is not None:
            self._line["text"] = " ".join(self._line["text"].split())
            self.lines.append(self._line)
            self._line = None
        if tag == "details" and self._folded:
            self._folded -= 1
        if tag == "section" and self._in_summary:
            self._in_summary -= 1

    def handle_data(self, data):
        if self._line is not None:
            self._line["text"] += data
        if self._in_summary:
            self.text += data

    def line(self, statement):
        (found,) = [line for line in self.lines if line["text"].startswith(statement + ":")]
        return found


@pytest.fixture
def race():
    """Three candidates and a stance of every kind of line, plus one only mentioned."""
    election, (ana, ben, cy) = make_candidates("Ana Arden", "Ben Bly", "Cy Coe", slug="race")
    topic = make_topic(name="Neighbours")
    stances = {
        name: make_stance(statement=statement, topic=topic, order=i)
        for i, (name, statement) in enumerate(
            [
                ("differ", "Build the bridge"),
                ("agree", "Open the border"),
                ("one", "Leave the alliance"),
                ("mixed", "Cut the levy"),
                ("mention", "Rename the sea"),
            ]
        )
    }
    make_evidence(ana, stances["differ"])
    make_evidence(ben, stances["differ"], alignment=OPPOSES)
    make_evidence(ana, stances["agree"])
    make_evidence(ben, stances["agree"], "reported")
    make_evidence(cy, stances["one"], "anonymous")
    day = datetime.date(2024, 3, 3)
    for alignment in (SUPPORTS, OPPOSES):
        make_evidence(ana, stances["mixed"], alignment=alignment, said_on=day)
    make_evidence(ben, stances["mixed"])
    make_evidence(cy, stances["mention"], alignment=NEUTRAL)
    return election, topic, stances


def test_each_stance_is_sorted_into_its_kind_of_line(client, race):
    election, _, stances = race
    summary = client.get(election.get_absolute_url()).context["head_to_head"]
    kinds = {group.kind: [line.stance.pk for line in group.lines] for group in summary.groups}
    assert kinds == {
        "differ": [stances["differ"].pk],
        "agree": [stances["agree"].pk],
        "only_one": [stances["one"].pk],
        "mixed": [stances["mixed"].pk],
    }
    assert summary.on_record == 4
    assert summary.mentioned_only == 1


def test_the_lines_say_who_takes_which_side_and_who_has_none(client, race):
    election, *_ = race
    page = Summary(client.get(election.get_absolute_url()).text)
    assert page.line("Build the bridge")["text"] == (
        "Build the bridge: ✓ Supports Ana Arden; ✗ Opposes Ben Bly; no side on record: Cy Coe"
    )
    assert page.line("Open the border")["text"].startswith(
        "Open the border: ✓ Supports Ana Arden; ✓ Reportedly supports Ben Bly;"
    )
    assert page.line("Leave the alliance")["text"].startswith(
        "Leave the alliance: ✓? Unnamed sources: supports Cy Coe"
    )
    assert page.line("Cut the levy")["text"].startswith(
        "Cut the levy: ± Mixed Ana Arden; ✓ Supports Ben Bly"
    )
    assert not [line for line in page.lines if line["text"].startswith("Rename the sea")]
    text = " ".join(page.text.split())
    assert (
        "Of the 4 stances where a candidate takes a side, they differ on 1, agree on 1, "
        "only one is on record on 1 and records are mixed on 1. 1 more is only mentioned"
    ) in text


def test_lines_resting_on_reports_or_unnamed_sources_say_so(client, race):
    election, *_ = race
    page = Summary(client.get(election.get_absolute_url()).text)
    assert page.line("Open the border")["text"].endswith("⚠ rests on others' reports")
    assert page.line("Leave the alliance")["text"].endswith("⚠ rests on unnamed sources")
    for own_words in ("Build the bridge", "Cut the levy"):
        assert "rests on" not in page.line(own_words)["text"]


def test_each_line_links_to_its_row_of_the_grid(client, race):
    election, _, stances = race
    page = Summary(client.get(election.get_absolute_url()).text)
    assert len(page.lines) == 4
    for line in page.lines:
        assert line["href"].startswith("#stance-")
        assert line["href"].removeprefix("#") in page.ids
    assert page.line("Build the bridge")["href"] == f"#stance-{stances['differ'].slug}"


def test_with_only_the_overview_shown_lines_link_to_rows_on_the_topic_page(
    client, race, monkeypatch
):
    election, topic, stances = race
    monkeypatch.setattr(grids, "FULL_GRID_ROWS", 1)
    response = client.get(election.get_absolute_url())
    assert response.context["grid"] is None
    page = Summary(response.text)
    topic_page = reverse("election_topic", args=[election.slug, topic.slug])
    assert page.line("Build the bridge")["href"] == f"{topic_page}#stance-{stances['differ'].slug}"
    rows = Summary(client.get(topic_page).text).ids
    for line in page.lines:
        path, anchor = line["href"].split("#")
        assert path == topic_page
        assert anchor in rows
    assert page.line("Leave the alliance")["text"].endswith("⚠ rests on unnamed sources")


def test_the_running_mates_choice_is_kept_in_the_overviews_links(client, race, monkeypatch):
    election, topic, _ = race
    monkeypatch.setattr(grids, "FULL_GRID_ROWS", 1)
    page = Summary(client.get(election.get_absolute_url(), {"running_mates": "on"}).text)
    topic_page = reverse("election_topic", args=[election.slug, topic.slug])
    assert {line["href"].split("#")[0] for line in page.lines} == {f"{topic_page}?running_mates=on"}


def test_a_long_kind_shows_its_first_lines_and_folds_the_rest(client, monkeypatch):
    election, (ana, ben) = make_candidates("Ana Arden", "Ben Bly", slug="long")
    count = grids.LINES_SHOWN + 3
    for i in range(count):
        stance = make_stance(statement=f"Stance number {i:02}", order=i)
        make_evidence(ana, stance)
        make_evidence(ben, stance, alignment=OPPOSES)
    page = Summary(client.get(election.get_absolute_url()).text)
    assert len(page.lines) == count  # every line is there
    assert [line["folded"] for line in page.lines] == [False] * grids.LINES_SHOWN + [True] * 3
    assert f"Where they differ ({count})" in " ".join(page.text.split())


def test_with_only_the_overview_shown_the_lines_beyond_the_first_are_counted_by_topic(
    client, monkeypatch
):
    """150 stances of 20 candidates would be the whole grid again: past the first lines of each
    kind, the summary counts the rest by topic, each linked to the topic's rows."""
    monkeypatch.setattr(grids, "FULL_GRID_ROWS", 1)
    monkeypatch.setattr(grids, "LINES_SHOWN", 2)
    election, (ana, ben) = make_candidates("Ana Arden", "Ben Bly", slug="wide")
    topics = [make_topic(name="Alpha", order=1), make_topic(name="Beta", order=2)]
    for i, topic in enumerate([topics[0]] * 3 + [topics[1]] * 2):
        stance = make_stance(statement=f"Stance {i}", topic=topic, order=i)
        make_evidence(ana, stance)
        make_evidence(ben, stance, alignment=OPPOSES)
    response = client.get(election.get_absolute_url())
    page = Summary(response.text)

    assert [line["text"].split(":")[0] for line in page.lines] == ["Stance 0", "Stance 1"]
    assert not [line for line in page.lines if line["folded"]]
    text = " ".join(page.text.split())
    assert "Where they differ (5)" in text
    assert "3 more, by topic: Alpha (1) · Beta (2)" in text
    beta = reverse("election_topic", args=[election.slug, topics[1].slug])
    assert beta in Links(response.text).hrefs


class Links(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.hrefs = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href"))


def test_one_candidate_has_no_head_to_head(client):
    election, [holder] = make_candidates("Ana Arden", slug="alone")
    make_evidence(holder, make_stance())
    response = client.get(election.get_absolute_url())
    assert response.context["head_to_head"] is None
    assert Summary(response.text).sections == []


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["head_to_head"].on_record > 0
    return len(queries), [q["sql"] for q in queries.captured_queries]


# The election page's queries with its summary: with the grid, the same as without one (see
# test_pages_issue_constant_queries); with the overview, one more for the stances' statements.
PINNED = {"grid": 6, "overview": 6}


@pytest.mark.parametrize("shown", PINNED)
def test_the_summary_adds_no_query_whatever_the_number_of_quotes(client, monkeypatch, shown):
    if shown == "overview":
        monkeypatch.setattr(grids, "FULL_GRID_ROWS", 1)
    small = build_archive(10)
    small_count, _ = count_queries(client, reverse("election", args=[small.election.slug]))
    large = build_archive(500)
    large_count, sql = count_queries(client, reverse("election", args=[large.election.slug]))
    assert small_count == large_count, "\n".join(sql)
    assert large_count == PINNED[shown], "\n".join(sql)
