"""An election's grid in the API is the grid the election page shows (with running mates): the
same candidates and rows, and in every cell the same verdict, basis, counts, shift and quotes;
with a topic, the rows of the election's topic page. Read from the stored positions."""

import datetime

import pytest
from django.urls import reverse

from stances.models import Quote, StanceTag
from tests.archive import build_archive
from tests.factories import make_quote, make_stance, make_tag

pytestmark = pytest.mark.django_db


def page_grid(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["grid"]


def api_grid(client, election, query=""):
    response = client.get(reverse("api:election-grid", args=[election.slug]) + query)
    assert response.status_code == 200, response.content
    return response.json()


def assert_same(api, grid):
    assert [c["slug"] for c in api["candidates"]] == [h.slug for h in grid.holders]
    assert [row["stance"]["slug"] for row in api["rows"]] == [r.stance.slug for r in grid.rows]
    for api_row, row in zip(api["rows"], grid.rows, strict=True):
        assert api_row["topic"]["slug"] == row.topic.slug
        for api_cell, cell in zip(api_row["cells"], row.cells, strict=True):
            assert api_cell["candidate"] == cell.holder.slug
            assert api_cell["verdict"] == cell.verdict
            assert api_cell["basis"] == (cell.basis or None)
            assert api_cell["quote_count"] == cell.quote_count
            assert api_cell["own_count"] == cell.own_count
            assert api_cell["reported_count"] == cell.reported_count
            assert api_cell["outlet_count"] == cell.outlet_count
            assert api_cell["newest_date"] == (cell.newest_date and cell.newest_date.isoformat())
            assert api_cell["newest_date_is_reported"] == cell.newest_is_reported_date
            assert api_cell["quote_ids"] == [tag.quote_id for tag in cell.shown_tags]
            if cell.shift:
                assert api_cell["shift"] == {
                    "before_quote": cell.shift.before.quote_id,
                    "before_alignment": cell.shift.before.alignment,
                    "after_quote": cell.shift.after.quote_id,
                    "after_alignment": cell.shift.after.alignment,
                }
            else:
                assert api_cell["shift"] is None


def test_the_grid_is_the_election_pages_grid_with_running_mates(client):
    a = build_archive(80)
    grid = page_grid(client, a.election.get_absolute_url() + "?running_mates=on")
    api = api_grid(client, a.election)

    assert grid is not None
    assert grid.rows
    assert_same(api, grid)
    assert api["election"] == {"slug": a.election.slug, "name": a.election.name}
    assert [c["ticket_position"] for c in api["candidates"]] == ["head", "head", "running_mate"]


def test_a_topics_grid_is_the_election_topic_pages(client):
    a = build_archive(80)
    url = reverse("election_topic", args=[a.election.slug, a.topic.slug]) + "?running_mates=on"

    assert_same(api_grid(client, a.election, f"?topic={a.topic.slug}"), page_grid(client, url))


def test_a_shift_names_the_quotes_before_and_after(client):
    a = build_archive(10)
    trump = a.candidates[0]
    stance = make_stance(statement="Meet Putin directly")
    early = make_quote(speaker=trump, said_on=datetime.date(2023, 1, 1))
    late = make_quote(speaker=trump, said_on=datetime.date(2024, 6, 1))
    make_tag(early, stance, alignment=StanceTag.Alignment.OPPOSES)
    make_tag(late, stance, alignment=StanceTag.Alignment.SUPPORTS)

    api = api_grid(client, a.election)
    (row,) = [row for row in api["rows"] if row["stance"]["slug"] == stance.slug]
    cell = row["cells"][0]

    assert cell["verdict"] == "supports"
    assert cell["shift"] == {
        "before_quote": early.pk,
        "before_alignment": "opposes",
        "after_quote": late.pk,
        "after_alignment": "supports",
    }
    assert set(cell["quote_ids"]) == {early.pk, late.pk}
    assert_same(api, page_grid(client, a.election.get_absolute_url() + "?running_mates=on"))


def test_every_quote_behind_a_cell_is_one_link_away(client):
    a = build_archive(120)
    api = api_grid(client, a.election)
    cell = next(c for row in api["rows"] for c in row["cells"] if c["quote_count"] > 4)

    listed, url = [], cell["quotes"]
    while url:
        page = client.get(url).json()
        listed += [quote["id"] for quote in page["results"]]
        url = page["next"]

    assert len(listed) == cell["quote_count"]
    assert set(cell["quote_ids"]) <= set(listed)
    assert len(cell["quote_ids"]) < cell["quote_count"]


def test_a_cell_without_evidence_says_so(client):
    a = build_archive(10)
    stance = make_stance(topic=a.topic, statement="Recognise new borders")
    make_tag(make_quote(speaker=a.candidates[1]), stance)

    api = api_grid(client, a.election, f"?topic={a.topic.slug}")
    (row,) = [row for row in api["rows"] if row["stance"]["slug"] == stance.slug]
    trump_cell = row["cells"][0]

    assert trump_cell["verdict"] == "none"
    assert trump_cell["basis"] is None
    assert trump_cell["quote_count"] == 0
    assert trump_cell["quote_ids"] == []
    assert trump_cell["newest_date"] is None


def test_a_retracted_quote_leaves_the_grid(client):
    a = build_archive(10)
    stance = make_stance(statement="Lift sanctions")
    quote = make_quote(speaker=a.candidates[0])
    make_tag(quote, stance)
    quote.status, quote.retraction_reason = Quote.Status.RETRACTED, "Misquoted."
    quote.save()

    api = api_grid(client, a.election)

    assert stance.slug not in [row["stance"]["slug"] for row in api["rows"]]
