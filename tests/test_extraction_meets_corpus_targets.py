"""The extractor meets its accuracy targets on the labelled corpus (tuning and held-out sets)."""

import pytest

from benchmarks.extraction import evaluate


@pytest.fixture(scope="module")
def report():
    return evaluate(("tuning", "heldout"))


@pytest.mark.parametrize("kind", ["direct", "partial"])
def test_quotes_are_found_precisely_and_completely(report, kind):
    tally = report.by_kind[kind]
    assert tally.gold >= 10, "the corpus should exercise every kind"
    assert tally.precision >= 0.90, report.misses
    assert tally.recall >= 0.90, report.misses
    assert tally.speaker_accuracy >= 0.90, report.misses


@pytest.mark.parametrize("kind", ["paraphrase", "anonymous"])
def test_reported_claims_are_mostly_found(report, kind):
    tally = report.by_kind[kind]
    assert tally.gold >= 10
    assert tally.recall >= 0.70, report.misses


def test_the_held_out_set_alone_meets_the_quote_targets():
    held_out = evaluate(("heldout",))
    quoted = [held_out.by_kind["direct"], held_out.by_kind["partial"]]
    matched = sum(t.matched for t in quoted)
    assert matched / sum(t.gold for t in quoted) >= 0.90
    assert matched / sum(t.predicted for t in quoted) >= 0.90


def test_every_extracted_offset_points_at_the_quoted_text(report):
    from benchmarks.extraction import load

    for _name, body, _gold in load("tuning") + load("heldout"):
        from articles.extraction import extract_quotes

        for quote in extract_quotes(body):
            span = body[quote.start : quote.end]
            assert span.startswith(quote.text.split()[0])
            assert quote.text.split()[-1].rstrip(".,") in span
