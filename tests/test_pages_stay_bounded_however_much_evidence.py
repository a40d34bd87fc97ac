"""Pages show a bounded amount however much evidence there is: a long grid becomes a per-topic
overview with each topic one click away, a topic shows the people with the most evidence, a
speaker's quotes come a page at a time and their timeline counts by month.

The limits are lowered here, so a few quotes prove what thousands would."""

import datetime

import pytest
from django.urls import reverse

from stances import grids, timeline, views
from stances.models import StanceTag
from tests.factories import (
    make_candidates,
    make_evidence,
    make_quote,
    make_speaker,
    make_stance,
    make_topic,
)

pytestmark = pytest.mark.django_db

SUPPORTS = StanceTag.Alignment.SUPPORTS
OPPOSES = StanceTag.Alignment.OPPOSES


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(grids, "FULL_GRID_ROWS", 3)
    monkeypatch.setattr(views, "TOPIC_HOLDERS", 2)
    monkeypatch.setattr(views, "QUOTES_PER_PAGE", 3)
    monkeypatch.setattr(views, "SPEAKERS_PER_PAGE", 2)
    monkeypatch.setattr(timeline, "MAX_MARKS", 4)


@pytest.fixture
def race():
    """An election whose two candidates have positions on five stances in two topics."""
    election, (ana, ben) = make_candidates(
        "Ana Okafor", "Ben Ito", name="Presidential election", slug="race"
    )
    war, trade = make_topic(name="War"), make_topic(name="Trade")
    stances = [make_stance(topic=war) for _ in range(3)] + [make_stance(topic=trade) for _ in "ab"]
    for n, stance in enumerate(stances):
        make_evidence(ana, stance, alignment=SUPPORTS)
        make_evidence(ben, stance, alignment=OPPOSES if n % 2 else SUPPORTS)
    return election, ana, ben, war, trade


def test_a_short_election_grid_is_shown_whole(client, race):
    election, *_ = race

    response = client.get(election.get_absolute_url())

    assert response.context["overview"] is None
    assert len(response.context["grid"].rows) == 5


def test_a_long_election_grid_becomes_a_per_topic_overview(client, race, small_limits):
    election, ana, ben, war, trade = race

    response = client.get(election.get_absolute_url())

    assert response.context["grid"] is None
    overview = {row.topic: row for row in response.context["overview"]}
    assert set(overview) == {war, trade}
    ana_war, ben_war = overview[war].tallies
    assert (ana_war.holder, ana_war.supports, ana_war.opposes) == (ana, 3, 0)
    assert (ben_war.holder, ben_war.supports, ben_war.opposes) == (ben, 2, 1)
    assert overview[war].stance_count == 3
    link = reverse("election_topic", args=[election.slug, war.slug])
    assert overview[war].link == link
    assert f'href="{link}"' in response.text
    assert "Supports: 3 stances" in response.text


def test_a_topic_of_an_election_shows_every_stance_with_the_quotes(client, race, small_limits):
    election, ana, ben, war, _ = race

    response = client.get(reverse("election_topic", args=[election.slug, war.slug]))

    grid = response.context["grid"]
    assert grid.holders == [ana, ben]
    assert len(grid.rows) == 3
    assert all(cell.shown_tags for row in grid.rows for cell in row.cells)


def test_a_topic_of_an_election_that_does_not_exist_is_a_404(client, race):
    election, *_ = race

    response = client.get(reverse("election_topic", args=[election.slug, "no-such-topic"]))

    assert response.status_code == 404


def test_compare_with_many_stances_shows_the_overview_linking_each_topic(
    client, race, small_limits
):
    _, ana, ben, war, _ = race

    response = client.get(f"{reverse('compare')}?speakers={ana.slug}&speakers={ben.slug}")

    assert response.context["grid"] is None
    links = {row.topic: row.link for row in response.context["overview"]}
    assert links[war] == f"?speakers={ana.slug}&speakers={ben.slug}&topics={war.slug}"


def test_a_topic_page_shows_the_people_with_most_evidence_and_counts_the_rest(client, small_limits):
    topic = make_topic(name="War")
    stance = make_stance(topic=topic)
    busy, busier, quiet = (make_speaker(name=n) for n in ("Busy", "Busier", "Quiet"))
    for speaker, quotes in ((busy, 2), (busier, 3), (quiet, 1)):
        for _ in range(quotes):
            make_evidence(speaker, stance)

    response = client.get(topic.get_absolute_url())

    assert response.context["grid"].holders == [busier, busy]  # by name, once chosen
    assert response.context["more_holders"] == 1
    assert "1 more person is on record" in response.text


def test_a_speakers_quotes_come_a_page_at_a_time(client, small_limits):
    ana = make_speaker(name="Ana Okafor")
    quotes = [make_quote(speaker=ana, said_on=datetime.date(2024, 1, n)) for n in range(1, 8)]

    first = client.get(ana.get_absolute_url())
    third = client.get(ana.get_absolute_url() + "?page=3")

    assert first.context["page"].object_list == quotes[::-1][:3]  # newest first
    assert third.context["page"].object_list == [quotes[0]]
    assert "7 published quotes by or about Ana Okafor; page 1 of 3" in first.text


def test_a_speaker_timeline_counts_by_month_when_marks_would_crowd(client, small_limits):
    ana = make_speaker(name="Ana Okafor")
    for day in (1, 2, 3):
        make_quote(speaker=ana, said_on=datetime.date(2024, 1, day))
    make_quote(speaker=make_speaker(), about=ana, said_on=datetime.date(2024, 1, 9))
    make_quote(speaker=ana, said_on=datetime.date(2024, 3, 5))

    response = client.get(ana.get_absolute_url())

    line = response.context["timeline"]
    assert line.marks == []
    january, march = line.months
    assert (january.first_day, january.own, january.about) == (datetime.date(2024, 1, 1), 3, 1)
    assert (march.first_day, march.own, march.about) == (datetime.date(2024, 3, 1), 1, 0)
    assert "said_after=2024-01-01&amp;said_before=2024-01-31" in response.text


def test_a_speaker_timeline_marks_each_quote_when_there_are_few(client, small_limits):
    ana = make_speaker(name="Ana Okafor")
    for day in (1, 2):
        make_quote(speaker=ana, said_on=datetime.date(2024, 1, day))

    line = client.get(ana.get_absolute_url()).context["timeline"]

    assert len(line.marks) == 2
    assert line.months == []


def test_a_speaker_with_many_positions_gets_a_compact_table(client, race, small_limits):
    _, ana, *_ = race

    response = client.get(ana.get_absolute_url())

    assert response.context["compact"]
    assert all(len(row.cells[0].shown_tags) == 1 for row in response.context["grid"].rows)
    assert 'class="compact-positions"' in response.text


def test_the_speakers_list_pages_and_counts_positions_from_stored_ones(client, race, small_limits):
    _, ana, ben, *_ = race

    first = client.get(reverse("speakers"))

    assert first.context["page"].object_list == [ana, ben]
    assert first.context["page"].paginator.num_pages == 1
    assert [s.stance_count for s in first.context["page"].object_list] == [5, 5]
    assert "Takes a side on 5 stances" in first.text


def test_a_quote_page_lists_a_bounded_number_of_reactions(client, monkeypatch):
    monkeypatch.setattr(views, "REACTIONS_SHOWN", 2)
    words = make_quote()
    reactions = [make_quote(responds_to=words) for _ in range(3)]

    response = client.get(words.get_absolute_url())

    assert response.context["reactions"] == reactions[:2]
    assert response.context["more_reactions"]
    assert "The first 2 reactions recorded are listed here; more are on record." in response.text


def test_one_topic_chosen_in_compare_shows_its_whole_grid_however_long(client, race, small_limits):
    _, ana, ben, war, _ = race
    grids.FULL_GRID_ROWS = 2  # war has 3 stances: more than a whole grid may show
    url = f"{reverse('compare')}?speakers={ana.slug}&speakers={ben.slug}&topics={war.slug}"

    response = client.get(url)

    assert response.context["overview"] is None
    assert len(response.context["grid"].rows) == 3


def test_a_link_naming_only_a_topic_opens_compare_with_the_topic_ticked(client, race):
    *_, war, _ = race

    response = client.get(f"{reverse('compare')}?topics={war.slug}")

    assert response.status_code == 200
    assert not response.context["form"].is_bound
    assert f'value="{war.slug}" id="id_topics_' in response.text
    assert "checked" in response.text.split(f'value="{war.slug}"', 1)[1].split(">", 1)[0]
