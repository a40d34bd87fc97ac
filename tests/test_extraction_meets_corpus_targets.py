"""The extractor does not get worse on either part of the labelled corpus (issue 10's targets on
the held-out part are the benchmark's to check: it exits 1 while any is missed).

A failure on the held-out part names only the targets missed (totals), never the items: whoever
changes the rules must not tune on them (see benchmarks/extraction.py).
"""

import pytest

from benchmarks.extraction import KINDS, evaluate, load_articles, missed_targets

# The tuning part's figures when the rules were last changed: (precision, recall, speaker
# accuracy) per kind. Raise them when the rules get better; never lower them to pass. (Set afresh
# on 3 December 2026, session 9, when the sixteenth to nineteenth held-out sets, d01-d10 to
# g01-g10, joined the tuning part; in session 10, when the twentieth and twenty-first, i01-i10 and
# j01-j10, joined it: their 429 items took unnamed-source recall over the whole part from 0.87 to
# 0.86, the unnamed claims credited to a name from 8 to 10 and the scare quotes reported from 1 to
# 2; and in session 11, when the twenty-second and twenty-third, k01-k10 and l01-l10, joined it
# and were tuned on: paraphrase recall rose from 0.88 to 0.89 and unnamed-source recall from 0.86
# to 0.87, the rest held; in session 12, when the twenty-fourth, o01-o10, joined it and was tuned
# on: paraphrase recall rose from 0.89 to 0.90, paraphrase speaker accuracy from 0.96 to 0.97 and
# unnamed-source precision from 0.94 to 0.95; partial recall reached 0.96 and went back to 0.95
# when the twenty-fifth, a01-a10, joined it the same session (its 54 partial items, 47 found when
# it was scored once), the rest held.)
TUNING_FLOORS = {
    "direct": (1.00, 0.98, 0.99),
    "partial": (0.99, 0.96, 0.96),
    "paraphrase": (0.97, 0.90, 0.97),
    "anonymous": (0.95, 0.88, 1.00),
}


@pytest.fixture(scope="module")
def tuning():
    return evaluate(("tuning",))


# The held-out part is the thirtieth set (ae01-ae10, labelled blind and reviewed by a second
# annotator), scored once on 4 December 2026 (session 13), after the rules were tuned on the
# twenty-sixth to twenty-ninth sets (aa, ab, ac, ad). It meets every target of issue 10 (direct
# 0.98, 0.94, 0.98; partial 0.93, 0.95, 0.95; paraphrase recall 0.92; unnamed-source recall 0.92;
# no unnamed claim credited to a name; no scare quote reported). It must not get worse than
# measured then. Raise these as it improves; never lower them to pass.
HELD_OUT_FLOORS = {
    "direct": (0.98, 0.94, 0.98),
    "partial": (0.93, 0.95, 0.95),
    "paraphrase": (0.97, 0.92, 0.99),
    "anonymous": (0.92, 0.92, 1.00),
}
HELD_OUT_AT_MOST = {"unnamed sources credited": 0, "scare quotes reported": 0}


def test_the_held_out_part_does_not_get_worse_while_it_misses_targets():
    held_out = evaluate(("heldout",))
    worse = [
        kind
        for kind, floors in HELD_OUT_FLOORS.items()
        if not all(
            round(figure, 2) >= floor
            for figure, floor in zip(
                (
                    held_out.by_kind[kind].precision,
                    held_out.by_kind[kind].recall,
                    held_out.by_kind[kind].speaker_accuracy,
                ),
                floors,
                strict=True,
            )
        )
    ]
    assert worse == [], missed_targets(held_out)  # totals only: never tune on held-out items
    assert held_out.anonymous_credited <= HELD_OUT_AT_MOST["unnamed sources credited"]
    assert held_out.scare_quotes <= HELD_OUT_AT_MOST["scare quotes reported"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_tuning_part_does_not_get_worse(tuning, kind):
    tally = tuning.by_kind[kind]
    figures = (tally.precision, tally.recall, tally.speaker_accuracy)
    floors = TUNING_FLOORS[kind]
    assert all(round(f, 2) >= floor for f, floor in zip(figures, floors, strict=True)), (
        tuning.misses
    )


# Eleven unnamed claims in the tuning part are still credited to a name (among them w03's army
# chief, x01's reporter, x05's director of information, y06's reported words, c04's "Serbian
# leaders assured the troika" reported by Wisner, e05's deputy information minister, j09's Telegram
# channel taken for the newspaper that reported it, and ad07's "no military solution" from the
# Egyptian side's unnamed sources); one scare quote is reported (e08's «patient hotel», a term
# inside a reported clause). Lower these when they are fixed.
TUNING_AT_MOST_CREDITED = 11
TUNING_AT_MOST_SCARE = 1


def test_the_tuning_part_credits_almost_no_unnamed_source_and_reports_no_scare_quote(tuning):
    assert tuning.anonymous_credited <= TUNING_AT_MOST_CREDITED, tuning.misses
    assert tuning.scare_quotes <= TUNING_AT_MOST_SCARE, tuning.misses


def test_the_corpus_is_large_enough_to_mean_something():
    for split in ("tuning", "heldout"):
        report = evaluate((split,))
        assert all(report.by_kind[kind].gold >= 10 for kind in KINDS), split
    articles = load_articles("tuning") + load_articles("heldout")
    assert len(articles) >= 20
    assert sum(len(a.gold) for a in articles) >= 300


def test_every_extracted_offset_points_at_the_quoted_text():
    from articles.extraction import extract_quotes

    for article in load_articles("tuning") + load_articles("heldout"):
        for quote in extract_quotes(article.body, known_people=article.known_people):
            span = article.body[quote.start : quote.end]
            assert span.startswith(quote.text.split()[0])
            assert quote.text.split()[-1].rstrip(".,") in span
