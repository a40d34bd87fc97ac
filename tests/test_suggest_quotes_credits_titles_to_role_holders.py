"""Suggest quotes credits "the prime minister said" to whoever held the role on the article's
date, from the speakers' roles, in one query however many roles there are."""

import datetime

import pytest

from stances.suggestions import refresh_suggestions, roles_held_on
from tests.factories import make_article, make_role, make_speaker

pytestmark = pytest.mark.django_db

BODY = (
    "Asked about the border, the prime minister responded that the crossings would reopen "
    "on Monday."
)
DAY = datetime.date(2024, 10, 1)


def speaker_names(article) -> list[str]:
    return [s.speaker_name for s in refresh_suggestions(article)]


def test_the_holder_on_the_articles_date_is_the_speaker():
    holder = make_speaker(name="Roksana Hrytsenko")
    make_role(holder, title="Prime Minister", organisation="Velmora", started_on=DAY.replace(2022))
    earlier = make_speaker(name="Pavlo Stern")
    make_role(
        earlier,
        title="Prime Minister",
        organisation="Velmora",
        started_on=DAY.replace(2018),
        ended_on=DAY.replace(2021),
    )

    assert speaker_names(make_article(body=BODY, published_on=DAY)) == ["Roksana Hrytsenko"]


def test_a_role_that_starts_after_the_article_does_not_count():
    later = make_speaker(name="Roksana Hrytsenko")
    make_role(later, title="Prime Minister", started_on=DAY + datetime.timedelta(days=1))

    assert speaker_names(make_article(body=BODY, published_on=DAY)) == ["the prime minister"]


def test_a_role_with_unknown_dates_counts_as_held():
    holder = make_speaker(name="Roksana Hrytsenko")
    make_role(holder, title="Prime Minister", organisation="")

    assert roles_held_on(DAY) == [("Roksana Hrytsenko", ["Prime Minister"])]
    assert speaker_names(make_article(body=BODY, published_on=DAY)) == ["Roksana Hrytsenko"]


def test_the_roles_are_read_in_one_query_however_many(django_assert_num_queries):
    for n in range(30):
        make_role(make_speaker(name=f"Minister Number {n}"), title=f"Minister of Things {n}")
    with django_assert_num_queries(1):
        held = roles_held_on(DAY)
    assert len(held) == 30
    assert (
        "Minister Number 7",
        ["Minister of Things 7", "Minister of Things 7 of Ministry of Foreign Affairs"],
    ) in held
