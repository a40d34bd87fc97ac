"""The tag suggester meets its accuracy targets on the labelled corpus and beats a majority guess.

Measured with ``python benchmarks/tag_suggestions.py`` (leave-one-out over all 149 quotes): the
right stance is in the top three for 0.95 and first for 0.81; stance and alignment are first
for 0.52; the majority baseline gets 0.21 and 0.07. The thresholds below sit five to seven points
under those figures: room for a few quotes to move when the tokeniser or the word lists change,
not for a real loss (dropping the trigram blend costs 4 points of top-3, dropping the quote's own
negation vote costs 17 points of stance and alignment).
"""

import pytest

from benchmarks.tag_suggestions import evaluate, off_topic, off_topic_answered


@pytest.fixture(scope="module")
def report():
    return evaluate(("tuning", "heldout"))


def test_the_corpus_is_large_and_varied_enough_to_mean_something(report):
    assert report.quotes >= 120
    assert len(off_topic()) >= 10


def test_the_right_stance_is_usually_among_the_first_three(report):
    assert report.stance_accuracy(3) >= 0.90, report.misses


def test_the_right_stance_is_mostly_first(report):
    assert report.stance_accuracy(1) >= 0.75, report.misses


def test_the_suggester_beats_the_majority_baseline_by_far(report):
    assert report.stance_accuracy(3) >= 3 * report.baseline_stance_accuracy(3)
    assert report.stance_accuracy(1) >= 5 * report.baseline_stance_accuracy(1)
    assert report.pair_accuracy(1) >= 5 * report.baseline_pair_accuracy(1)


def test_stance_and_alignment_are_right_together_about_half_the_time(report):
    assert report.pair_accuracy(1) >= 0.45, report.misses


def test_the_held_out_quotes_alone_meet_the_stance_target():
    held_out = evaluate(("heldout",))

    assert held_out.stance_accuracy(3) >= 0.90, held_out.misses


def test_most_off_topic_sentences_get_no_more_than_a_weak_answer():
    # A known weakness (see the module docstring): the threshold filters only some of them.
    assert off_topic_answered() <= 7
