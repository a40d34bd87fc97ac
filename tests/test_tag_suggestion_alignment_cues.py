"""The quote's own words decide supports or opposes: negations, verbs of undoing (oppose,
reject, end, halt, stop, cut off, withdraw), "no longer", contrastive clauses, read against the
stance's own statement."""

import pytest

from stances.alignment_cues import reports_process, speaks_against


@pytest.mark.parametrize(
    "text",
    [
        "We will never ratify the accord.",
        "We won't send them another rifle.",
        "We oppose the accord.",
        "he rejected the plan as a hidden tax",
        "the sanctions should end before winter",
        "We will halt the shipments.",
        "the government should cut off arms deliveries",
        "she would withdraw from the partnership",
        "the embargo should be lifted",
        "he no longer believed in the plan",
        "I am against it.",
        "The plan deserves a vote, but I will vote against it.",
    ],
)
def test_cues_against_make_a_quote_oppose(text):
    assert speaks_against(text, "Keep the plan")


@pytest.mark.parametrize(
    "text",
    [
        "We will ratify the accord this year.",
        "Weapons for Velmora, yes, but only for defending its own territory.",
        "The Compact has its faults, but we will not leave it.",
        "The guns must fall silent now, not next year.",
        "We are staying in the Compact. Full stop.",
        "once the fighting ends, the door must open",
    ],
)
def test_words_that_only_look_like_cues_do_not(text):
    assert not speaks_against(text, "Keep the plan")


def test_a_verb_the_statement_uses_itself_agrees_with_it():
    assert not speaks_against("We will cut the foreign aid budget.", "Cut the foreign aid budget")
    assert not speaks_against(
        "We should stop importing cotton picked by prisoners.",
        "Ban imports of goods made with forced labour",
    )
    assert speaks_against("We should stop sending weapons.", "Send weapons to Velmora")


def test_a_negated_verb_of_the_statement_still_opposes():
    assert speaks_against("The foreign aid budget must not be cut.", "Cut the foreign aid budget")


def test_reports_of_talks_and_reviews_read_as_neutral_unless_the_stance_is_about_talks():
    assert reports_process("the question would be discussed at the summit")
    assert reports_process("the list was under review")
    assert not reports_process("We will ratify the accord.")
    assert not reports_process(
        "some sanctions can be eased in exchange for talks",
        "Ease sanctions on Drassia in exchange for talks",
    )
