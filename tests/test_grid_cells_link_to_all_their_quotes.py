"""A cell links straight to a few quotes and, when there are more, to all of them in the browser."""

import datetime

import pytest
from django.urls import reverse

from stances.models import Quote
from tests.factories import make_candidacy, make_election, make_quote, make_stance, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_cell():
    """A candidate with six quotes on one stance: four own words, one reported, one neutral."""
    election = make_election()
    candidate = make_candidacy(election=election).speaker
    reporter = make_candidacy(election=election).speaker
    stance = make_stance(statement="Lift the grain blockade")
    quotes = []
    for day in range(1, 5):
        quote = make_quote(speaker=candidate, said_on=datetime.date(2024, 5, day))
        make_tag(quote=quote, stance=stance)
        quotes.append(quote)
    reported = make_quote(
        speaker=reporter,
        about=candidate,
        kind=Quote.Kind.PARAPHRASE,
        said_on=datetime.date(2024, 4, 1),
    )
    make_tag(quote=reported, stance=stance)
    mention = make_quote(speaker=candidate, said_on=datetime.date(2024, 6, 1))
    make_tag(quote=mention, stance=stance, alignment="neutral")
    # Said by the candidate about someone else: not the candidate's position, not in the cell.
    elsewhere = make_quote(speaker=candidate, about=reporter)
    make_tag(quote=elsewhere, stance=stance)
    return candidate, stance, [*quotes, reported, mention], elsewhere


def test_a_cell_links_to_four_quotes_taking_sides_newest_first(client, busy_cell):
    candidate, _, quotes, _ = busy_cell
    grid = client.get(reverse("home")).context["grid"]
    cell = next(c for row in grid.rows for c in row.cells if c.holder == candidate)
    shown = [tag.quote for tag in cell.shown_tags]
    assert len(shown) == 4
    assert quotes[5] not in shown  # the neutral mention comes after those taking sides
    assert shown[0].said_on == datetime.date(2024, 5, 4)
    assert cell.hidden_count == 2


def test_the_all_quotes_link_lists_exactly_the_cells_quotes(client, busy_cell):
    candidate, stance, quotes, elsewhere = busy_cell
    home = client.get(reverse("home")).content.decode()
    link = f"{reverse('quotes')}?holder={candidate.slug}&amp;stance={stance.slug}"
    assert f'href="{link}"' in home
    assert "All 6 quotes" in home

    listed = client.get(reverse("quotes"), {"holder": candidate.slug, "stance": stance.slug})
    assert listed.status_code == 200
    assert set(listed.context["page"].object_list) == set(quotes)
    assert elsewhere not in listed.context["page"].object_list


def test_an_unknown_holder_is_a_400_with_the_error(client):
    response = client.get(reverse("quotes"), {"holder": "nobody-at-all"})
    assert response.status_code == 400
    assert "Position of" in response.content.decode()
