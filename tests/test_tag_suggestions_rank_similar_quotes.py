"""The tag suggester ranks the stances of similar tagged quotes first, on tiny inline examples."""

import random

import pytest

from stances.tag_suggestions import Example, TagSuggester
from stances.tokeniser import tokens

TARIFFS, CLIMATE, TROOPS = 1, 2, 3

EXAMPLES = [
    Example("We will raise tariffs on imported steel and cars", TARIFFS, "supports", 101),
    Example("Higher tariffs on imports protect our factory jobs", TARIFFS, "supports", 102),
    Example("Parliament must ratify the climate accord this year", CLIMATE, "supports", 201),
    Example("The climate accord is a promise to our children", CLIMATE, "supports", 202),
    Example("Our troops should come home from overseas bases", TROOPS, "supports", 301),
    Example("Bring the soldiers home and close the foreign bases", TROOPS, "supports", 302),
]


def test_similar_wording_ranks_the_right_stance_first():
    suggestions = TagSuggester(EXAMPLES).suggest("tariffs on imported cars must go up")

    assert suggestions[0].stance_id == TARIFFS
    assert suggestions[0].alignment == "supports"
    assert suggestions[0].evidence_quote_ids[0] == 101, "the closest quote is cited first"


def test_word_forms_meet_through_stemming():
    assert tokens("supporting ratification") == tokens("supports ratify")

    suggestions = TagSuggester(EXAMPLES).suggest("ratifying the accord")

    assert suggestions[0].stance_id == CLIMATE


def test_a_short_partial_quote_finds_its_stance_through_trigrams():
    # "bases" and "soldier" differ from the tagged words, but share most of their letters.
    suggestions = TagSuggester(EXAMPLES).suggest("overseas base closures")

    assert suggestions[0].stance_id == TROOPS


def test_stances_the_quote_already_has_are_never_suggested():
    suggestions = TagSuggester(EXAMPLES).suggest(
        "tariffs on imported cars must go up", exclude_stance_ids={TARIFFS}
    )

    assert TARIFFS not in [s.stance_id for s in suggestions]


def test_the_quote_itself_is_left_out_of_its_neighbours():
    suggestions = TagSuggester(EXAMPLES).suggest(EXAMPLES[0].text, exclude_quote_id=101)

    assert all(101 not in s.evidence_quote_ids for s in suggestions)
    assert suggestions[0].evidence_quote_ids == (102,)


@pytest.mark.parametrize(
    ("against", "plain", "stance"),
    [
        (
            "We won't raise tariffs on imported cars",
            "We will raise tariffs on imported cars",
            TARIFFS,
        ),
        ("We oppose the climate accord", "We back the climate accord", CLIMATE),
    ],
)
def test_wont_and_we_oppose_are_cues_that_turn_the_alignment_to_opposes(against, plain, stance):
    """Read through the public suggest(): "won't" and "we oppose" are cues against."""
    suggester = TagSuggester(EXAMPLES)

    [top_against] = suggester.suggest(against, limit=1)
    [top_plain] = suggester.suggest(plain, limit=1)

    assert (top_against.stance_id, top_against.alignment) == (stance, "opposes")
    assert (top_plain.stance_id, top_plain.alignment) == (stance, "supports")


def test_a_negation_cue_in_the_quote_turns_the_alignment_to_opposes():
    suggester = TagSuggester(EXAMPLES)

    # Every neighbour supports ratifying; the quote's "never" still decides.
    negated = suggester.suggest("We will never ratify the climate accord")
    plain = suggester.suggest("We will ratify the climate accord")

    assert (negated[0].stance_id, negated[0].alignment) == (CLIMATE, "opposes")
    assert (plain[0].stance_id, plain[0].alignment) == (CLIMATE, "supports")


def test_neighbours_that_all_say_neutral_overrule_a_quote_without_a_cue():
    neutral = [
        Example("the vote on the climate accord was held over to June", CLIMATE, "neutral", 1),
        Example("the climate accord vote was moved to the autumn", CLIMATE, "neutral", 2),
    ]

    suggestions = TagSuggester(neutral).suggest("the climate accord vote was moved again")

    assert suggestions[0].alignment == "neutral"


def test_an_empty_index_or_an_empty_quote_gets_no_suggestion():
    assert TagSuggester([]).suggest("raise tariffs") == []
    assert len(TagSuggester([])) == 0
    assert TagSuggester(EXAMPLES).suggest("") == []
    assert TagSuggester(EXAMPLES).suggest("and the, of it!") == []


def test_an_unrelated_quote_gets_no_suggestion():
    assert TagSuggester(EXAMPLES).suggest("The museum opens late on Fridays") == []


def test_suggestions_do_not_depend_on_the_order_of_the_examples():
    shuffled = EXAMPLES[:]
    random.Random(4).shuffle(shuffled)
    text = "tariffs and the climate accord and foreign bases"

    assert TagSuggester(shuffled).suggest(text) == TagSuggester(EXAMPLES).suggest(text)


def test_equal_scores_are_ordered_by_stance_id():
    twins = [
        Example("Sanctions on gas exports start in spring", 9, "supports", 1),
        Example("Sanctions on gas exports start in spring", 4, "supports", 2),
    ]

    suggestions = TagSuggester(twins).suggest("sanctions on gas exports")

    assert [s.stance_id for s in suggestions] == [4, 9]
    assert suggestions[0].score == suggestions[1].score


def test_a_quote_with_two_tags_is_one_neighbour_voting_for_both():
    rows = [
        Example("We will make a deal within a day and call both leaders", 1, "supports", 7),
        Example("We will make a deal within a day and call both leaders", 2, "supports", 7),
    ]
    suggester = TagSuggester(rows)

    suggestions = suggester.suggest("a deal within a day")

    assert len(suggester) == 1
    assert {(s.stance_id, s.evidence_quote_ids) for s in suggestions} == {(1, (7,)), (2, (7,))}


def test_limit_caps_the_number_of_suggestions():
    text = "tariffs and the climate accord and foreign bases"

    assert len(TagSuggester(EXAMPLES).suggest(text, limit=1)) == 1
