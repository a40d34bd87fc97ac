"""An embed shows what its full page shows (the same verdicts, evidence and quotes), names the
source of every quote, links back to the full page, and issues a pinned number of queries."""

import datetime
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stances import grids
from stances.models import Quote
from tests.archive import build_archive
from tests.factories import (
    make_article,
    make_candidacy,
    make_election,
    make_outlet,
    make_quote,
    make_stance,
    make_tag,
)

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    """What a test reads from a page: its links, verdict badges and `<time>`s."""

    def __init__(self, html: str):
        super().__init__()
        self.links, self.verdicts, self.scripts, self.base_target = [], [], [], None
        self._text = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "a":
            self.links.append(attrs.get("href"))
        if tag == "span" and "verdict" in classes:
            self.verdicts.append(next(c for c in classes if c.startswith("verdict-")))
        if tag == "script":
            self.scripts.append(attrs)
        if tag == "base":
            self.base_target = attrs.get("target")

    def handle_data(self, data):
        self._text.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self._text).split())


def cells(grid):
    """Each cell of a grid as what a reader is told: verdict, evidence and the quotes linked."""
    return {
        (cell.holder.pk, cell.stance.pk): (
            cell.verdict,
            cell.basis,
            cell.quote_count,
            cell.own_count,
            cell.outlet_count,
            cell.newest_date,
            [tag.pk for tag in cell.shown_tags],
            bool(cell.shift),
        )
        for row in grid.rows
        for cell in row.cells
    }


@pytest.fixture
def archive():
    return build_archive(60)


def test_the_election_embed_shows_the_election_pages_grid(client, archive):
    for query in ("", "?running_mates=on"):
        full = client.get(archive.election.get_absolute_url() + query)
        embed = client.get(reverse("embeds:election", args=[archive.election.slug]) + query)
        assert cells(embed.context["grid"]) == cells(full.context["grid"])
        assert [h.pk for h in embed.context["grid"].holders] == [
            h.pk for h in full.context["grid"].holders
        ]
        assert Page(embed.content.decode()).verdicts
        assert Page(embed.content.decode()).verdicts == Page(full.content.decode()).verdicts


def test_the_topic_embed_shows_the_topic_pages_positions(client, archive):
    full = client.get(archive.topic.get_absolute_url())
    embed = client.get(reverse("embeds:topic", args=[archive.topic.slug]))
    assert cells(embed.context["grid"]) == cells(full.context["grid"])
    assert Page(embed.content.decode()).verdicts == Page(full.content.decode()).verdicts


def test_the_position_embed_shows_the_same_cell_as_the_grid(client, archive):
    trump = archive.candidates[0]
    full = client.get(archive.election.get_absolute_url()).context["grid"]
    (expected,) = [
        value for key, value in cells(full).items() if key == (trump.pk, archive.stance.pk)
    ]
    embed = client.get(reverse("embeds:position", args=[trump.slug, archive.stance.slug]))
    position = embed.context["position"]
    assert cells(grids.Grid(holders=[trump], rows=[grids.Row(archive.stance, [position])])) == {
        (trump.pk, archive.stance.pk): expected
    }
    assert Page(embed.content.decode()).verdicts == [f"verdict-{position.verdict}"]


def test_an_election_with_many_stances_embeds_its_per_topic_overview(client, archive, monkeypatch):
    monkeypatch.setattr(grids, "FULL_GRID_ROWS", 2)
    embed = client.get(reverse("embeds:election", args=[archive.election.slug]))
    assert embed.context["grid"] is None
    overview = embed.context["overview"]
    assert overview
    links = Page(embed.content.decode()).links
    for row in overview:
        assert reverse("election_topic", args=[archive.election.slug, row.topic.slug]) in links


@pytest.fixture
def sourced():
    """A candidate with a quote reported by a named outlet at an address, and an unnamed one."""
    election = make_election(slug="city-vote")
    candidate = make_candidacy(election=election).speaker
    stance = make_stance(statement="Reopen the embassy")
    outlet = make_outlet(name="The Harbour Courier")
    named = make_quote(
        speaker=candidate,
        text="We will reopen the embassy next spring",
        article=make_article(
            outlet=outlet,
            url="https://courier.example/embassy",
            published_on=datetime.date(2024, 9, 30),
        ),
    )
    unnamed = make_quote(
        speaker=candidate,
        kind=Quote.Kind.PARAPHRASE,
        text="She said the embassy would reopen",
        article=make_article(outlet=None, published_on=datetime.date(2024, 9, 1)),
    )
    for quote in (named, unnamed):
        make_tag(quote=quote, stance=stance)
    return election, candidate, stance, named, unnamed


def test_every_quote_in_an_embed_names_its_source(client, sourced):
    election, candidate, stance, named, unnamed = sourced
    urls = [
        reverse("embeds:election", args=[election.slug]),
        reverse("embeds:topic", args=[stance.topic.slug]),
        reverse("embeds:position", args=[candidate.slug, stance.slug]),
    ]
    for url in urls:
        page = Page(client.get(url).content.decode())
        assert named.get_absolute_url() in page.links, url
        assert "https://courier.example/embassy" in page.links, url
        assert "Source: The Harbour Courier, 30 Sep 2024" in page.text, url
        # An article without an address is linked on Stances; one without an outlet says so.
        assert unnamed.article.get_absolute_url() in page.links, url
        assert "Source: outlet not named, 1 Sep 2024" in page.text, url


def test_an_embed_links_back_to_its_full_page_in_a_new_tab(client, sourced):
    election, candidate, stance, *_ = sourced
    full_pages = {
        reverse("embeds:election", args=[election.slug]): election.get_absolute_url(),
        reverse("embeds:topic", args=[stance.topic.slug]): stance.topic.get_absolute_url(),
        reverse("embeds:position", args=[candidate.slug, stance.slug]): (
            f"{candidate.get_absolute_url()}#stance-{stance.slug}"
        ),
    }
    for url, full in full_pages.items():
        page = Page(client.get(url).content.decode())
        assert f"http://testserver{full}" in page.links, url
        assert page.base_target == "_blank", url
        assert "/reuse/" in page.links, url
        assert "CC BY 4.0" in page.text, url
        # Compact and self-contained: no site navigation, no scripts.
        assert reverse("compare") not in page.links, url
        assert page.scripts == [], url


def test_the_election_embed_follows_the_running_mates_choice(client, sourced):
    election, *_ = sourced
    head = election.candidacies.get()
    mate = make_candidacy(
        election=election, ticket_position="running_mate", running_mate_of=head
    ).speaker
    url = reverse("embeds:election", args=[election.slug])
    assert mate not in client.get(url).context["grid"].holders
    with_mates = client.get(url, {"running_mates": "on"})
    assert mate in with_mates.context["grid"].holders
    assert with_mates.context["full_url"].endswith("?running_mates=on")


def test_a_position_without_evidence_says_there_is_none(client, sourced):
    _, candidate, *_ = sourced
    other = make_stance(statement="Close the consulate")
    response = client.get(reverse("embeds:position", args=[candidate.slug, other.slug]))
    assert response.status_code == 200
    assert "No recorded position" in Page(response.content.decode()).text


def test_only_published_quotes_appear_in_an_embed(client, sourced):
    _, candidate, stance, named, _ = sourced
    draft = make_quote(speaker=candidate, text="A draft nobody may read", status=Quote.Status.DRAFT)
    make_tag(quote=draft, stance=stance)
    url = reverse("embeds:position", args=[candidate.slug, stance.slug])
    html = client.get(url).content.decode()
    assert named.text in html
    assert "A draft nobody may read" not in html


def test_a_speaker_nobody_may_see_has_no_position_embed(client, sourced):
    *_, stance, _, _ = sourced
    from tests.factories import make_speaker

    unseen = make_speaker()
    assert (
        client.get(reverse("embeds:position", args=[unseen.slug, stance.slug])).status_code == 404
    )


# Each embed: how to reach it in an archive, and its pinned query count.
EMBEDS = {
    "election": (lambda a: reverse("embeds:election", args=[a.election.slug]), 6),
    "election with running mates": (
        lambda a: reverse("embeds:election", args=[a.election.slug]) + "?running_mates=on",
        6,
    ),
    "topic": (lambda a: reverse("embeds:topic", args=[a.topic.slug]), 8),
    "position": (
        lambda a: reverse("embeds:position", args=[a.candidates[0].slug, a.stance.slug]),
        5,
    ),
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("embed", EMBEDS)
def test_an_embed_issues_its_pinned_number_of_queries_for_10_and_500_quotes(client, embed):
    url_of, pinned = EMBEDS[embed]
    small_count, _ = count_queries(client, url_of(build_archive(10)))
    large_count, large_sql = count_queries(client, url_of(build_archive(500)))

    assert small_count == large_count, "\n".join(large_sql)
    assert large_count == pinned, "\n".join(large_sql)
