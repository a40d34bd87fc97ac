"""TagSuggester.from_database() indexes every tagged quote except retracted ones, in one query,
and every stance's statement and topic, in one more: two queries however many quotes there are."""

import pytest

from stances.models import Quote
from stances.tag_suggestions import TagSuggester
from tests.factories import make_quote, make_stance, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged():
    """Two stances, quotes for each (published and draft), and one retracted quote."""
    tariffs = make_stance(statement="Raise tariffs on imports", slug="raise-tariffs")
    accord = make_stance(statement="Ratify the climate accord", slug="ratify-the-accord")
    quotes = {
        "tariffs": make_quote(text="We will raise tariffs on imported steel and cars"),
        "draft": make_quote(
            text="Tariffs on imported cars go up on day one", status=Quote.Status.DRAFT
        ),
        "accord": make_quote(text="Parliament must ratify the climate accord this year"),
        "retracted": make_quote(
            text="The climate accord was never ratified and never will be",
            status=Quote.Status.RETRACTED,
            retraction_reason="Misattributed.",
        ),
    }
    make_tag(quotes["tariffs"], tariffs)
    make_tag(quotes["draft"], tariffs)
    make_tag(quotes["accord"], accord)
    make_tag(quotes["accord"], tariffs, alignment="neutral")
    make_tag(quotes["retracted"], accord, alignment="opposes")
    return tariffs, accord, quotes


def test_the_index_is_read_in_one_query_and_the_stances_in_another(
    django_assert_num_queries, tagged
):
    with django_assert_num_queries(2):
        suggester = TagSuggester.from_database()

    assert len(suggester) == 3, "one document per quote, however many tags it has"


def test_the_query_count_does_not_grow_with_the_number_of_tags(django_assert_num_queries, tagged):
    tariffs, _, _ = tagged
    for n in range(20):
        make_tag(make_quote(text=f"Tariffs on imports must rise by {n} percent"), tariffs)

    with django_assert_num_queries(2):
        suggester = TagSuggester.from_database()

    assert len(suggester) == 23


def test_retracted_quotes_are_left_out(tagged):
    _, _, quotes = tagged
    suggester = TagSuggester.from_database()

    suggestions = suggester.suggest("The climate accord will never be ratified")

    evidence = {quote_id for s in suggestions for quote_id in s.evidence_quote_ids}
    assert quotes["retracted"].pk not in evidence
    assert quotes["accord"].pk in evidence


def test_drafts_count_and_existing_tags_are_excluded(tagged):
    tariffs, accord, quotes = tagged
    suggester = TagSuggester.from_database()

    suggestions = suggester.suggest(
        quotes["draft"].text, exclude_quote_id=quotes["draft"].pk, exclude_stance_ids={accord.pk}
    )

    assert suggestions[0].stance_id == tariffs.pk
    assert suggestions[0].evidence_quote_ids[0] == quotes["tariffs"].pk
    assert accord.pk not in [s.stance_id for s in suggestions]


def test_only_the_newest_quotes_of_each_stance_are_read(monkeypatch, tagged):
    from stances import tag_suggestions

    tariffs, _, quotes = tagged
    newer = [make_quote(text=f"Tariffs must rise by {n} percent") for n in range(3)]
    for quote in newer:
        make_tag(quote, tariffs)
    monkeypatch.setattr(tag_suggestions, "QUOTES_PER_STANCE", 2)

    suggester = TagSuggester.from_database()

    evidence = {
        quote_id
        for s in suggester.suggest("tariffs must rise", limit=5)
        for quote_id in s.evidence_quote_ids
    }
    assert evidence <= {newer[1].pk, newer[2].pk, quotes["accord"].pk}
    assert len(suggester) == 3, "two newest for tariffs; the accord quote (and its tariff tag)"
