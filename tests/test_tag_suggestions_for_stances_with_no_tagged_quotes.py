"""A stance nobody has tagged a quote with yet is still suggested, from its statement and its
topic's name and description; off-topic text gets no suggestion at all."""

import pytest

from stances.tag_suggestions import Example, StanceProfile, TagSuggester
from tests.factories import make_quote, make_stance, make_tag, make_topic

TARIFFS, AID, CHIPS = 1, 2, 3

EXAMPLES = [
    Example("We will raise tariffs on imported steel and cars", TARIFFS, "supports", 101),
    Example("Higher tariffs on imports protect our factory jobs", TARIFFS, "supports", 102),
    Example("Tariffs are a tax on our own families", TARIFFS, "opposes", 103),
]
PROFILES = [
    StanceProfile(TARIFFS, "Raise tariffs on imported goods", "", "Trade", "Tariffs and deals."),
    StanceProfile(
        AID,
        "Cut the foreign aid budget",
        "",
        "Foreign aid",
        "What the country gives poorer countries.",
    ),
    StanceProfile(
        CHIPS,
        "Ban exports of advanced microchips to Drassia",
        "",
        "Sanctions",
        "Measures against Drassia.",
    ),
]


def test_a_stance_with_no_tagged_quotes_is_suggested_from_its_statement():
    suggester = TagSuggester(EXAMPLES, PROFILES)

    suggestions = suggester.suggest("She wants to ban the export of microchips to Drassia.")

    assert suggestions[0].stance_id == CHIPS
    assert suggestions[0].evidence_quote_ids == (), "no tagged quote stands behind it"


def test_its_alignment_comes_from_the_quotes_own_words():
    suggester = TagSuggester(EXAMPLES, PROFILES)

    for_it = suggester.suggest("We will cut the foreign aid budget by a third.")
    against_it = suggester.suggest("The foreign aid budget must not be cut.")

    assert (for_it[0].stance_id, for_it[0].alignment) == (AID, "supports")
    assert (against_it[0].stance_id, against_it[0].alignment) == (AID, "opposes")


def test_a_stance_with_tagged_quotes_still_wins_on_its_own_quotes():
    suggester = TagSuggester(EXAMPLES, PROFILES)

    assert suggester.suggest("tariffs on imported cars must go up")[0].stance_id == TARIFFS


@pytest.mark.parametrize(
    "text",
    [
        "The weather in the capital was mild this week.",
        "Our football team won the cup.",
        "We will fix the potholes on every street.",
        "The minister flew home on Tuesday.",
    ],
)
def test_off_topic_text_gets_no_suggestion(text):
    assert TagSuggester(EXAMPLES, PROFILES).suggest(text) == []


def test_a_single_shared_word_is_not_enough():
    text = "The museum imported a dinosaur skeleton."  # shares "imported" with tariff quotes

    assert TagSuggester(EXAMPLES, PROFILES).suggest(text) == []
    assert TagSuggester(EXAMPLES, PROFILES, min_score=0.0).suggest(text) != [], (
        "without the calibrated threshold the chance overlap would be suggested"
    )


@pytest.mark.django_db
def test_the_database_index_knows_stances_without_quotes():
    trade = make_topic(name="Trade", slug="trade", description="Tariffs and trade deals.")
    tariffs = make_stance(statement="Raise tariffs on imports", slug="raise-tariffs", topic=trade)
    aid_topic = make_topic(name="Foreign aid", slug="aid", description="Help for poorer countries.")
    aid = make_stance(statement="Cut the foreign aid budget", slug="cut-aid", topic=aid_topic)
    make_tag(make_quote(text="We will raise tariffs on imported steel"), tariffs)

    suggestions = TagSuggester.from_database().suggest("We will cut the foreign aid budget.")

    assert (suggestions[0].stance_id, suggestions[0].alignment) == (aid.pk, "supports")
