"""The extraction benchmark counts unnamed-source claims credited to a name and scare quotes
reported as quotes, and names each held-out target a report misses."""

from articles.extraction import ExtractedQuote
from benchmarks.extraction import (
    Report,
    credited_anonymous,
    missed_targets,
    reported_scare_quotes,
    same_speaker,
    score_article,
)


def find(text: str, kind: str, speaker: str | None) -> ExtractedQuote:
    return ExtractedQuote(text, kind, speaker, "", 0, len(text), 0.5)


GOLD = [{"text": "the talks would resume in March", "kind": "anonymous", "speaker": None}]


def test_an_unnamed_claim_credited_to_a_name_counts_whatever_its_kind():
    credited = [find("the talks would resume in March", "paraphrase", "Ana Okafor")]
    assert len(credited_anonymous(GOLD, credited)) == 1
    kept_unnamed = [find("the talks would resume in March", "anonymous", None)]
    assert credited_anonymous(GOLD, kept_unnamed) == []
    other_words = [find("the minister had resigned", "paraphrase", "Ana Okafor")]
    assert credited_anonymous(GOLD, other_words) == []


def test_a_scare_quote_counts_when_equal_contained_or_containing():
    not_quotes = ["Operation Northern Gate", "Allies smile, then argue"]
    assert len(reported_scare_quotes(not_quotes, [find("Northern Gate", "partial", "X")])) == 1
    assert (
        len(reported_scare_quotes(not_quotes, [find("allies smile then argue", "direct", "X")]))
        == 1
    )
    containing = find("the army launched Operation Northern Gate", "partial", "X")
    assert len(reported_scare_quotes(not_quotes, [containing])) == 1
    # A paraphrase may name an operation in passing.
    clause = find("the army launched Operation Northern Gate on Monday", "paraphrase", "X")
    assert reported_scare_quotes(not_quotes, [clause]) == []


def test_missed_targets_names_each_target():
    report = Report()
    score_article(
        "a",
        [*GOLD, {"text": "We will win", "kind": "direct", "speaker": "Ana Okafor"}],
        [find("the talks would resume in March", "paraphrase", "Ana Okafor")],
        report,
        ["Aldoria first"],
    )
    missed = missed_targets(report, 250.0)
    assert "direct recall 0.00 < 0.90" in missed
    assert "anonymous recall 0.00 < 0.70" in missed
    assert "1 unnamed-source claims credited to a name" in missed
    assert any(line.startswith("speed 250.0 ms") for line in missed)
    assert missed_targets(Report(), 10.0) == []


def test_a_surname_in_the_gold_is_matched_by_a_known_persons_full_name_only():
    known = ("Edvin Kallas", "Mara Lind")
    assert same_speaker("Kallas", "Edvin Kallas", known)
    assert same_speaker("Kallas", "kallas", known)
    assert not same_speaker("Kallas", "Edvin Kallas")  # not a person the database knows
    assert not same_speaker("Kallas", "Mara Lind", known)
    assert not same_speaker("Edvin Kallas", "Kallas", known)  # less than the gold name
    assert not same_speaker("Lind Kallas", "Edvin Kallas", known)
    assert not same_speaker(None, "Edvin Kallas", known)


def test_a_labelled_quote_that_a_headline_repeats_is_no_scare_quote():
    said = "Where the numbers do not add up, we will count again."
    report = Report()
    score_article(
        "a",
        [{"text": said, "kind": "direct", "speaker": "Ivo Marsh"}],
        [find(said, "direct", "Ivo Marsh"), find("Count again", "partial", "Herald")],
        report,
        ["Count again"],
    )
    # The official's quotation matches its label; only the headline reported as a quote counts.
    assert report.scare_quotes == 1
    assert report.by_kind["direct"].matched == 1


def test_a_labelled_claim_sharing_words_with_an_unnamed_one_credits_nothing():
    gold = [
        {
            "text": "they remain in control of the whole town today",
            "kind": "anonymous",
            "speaker": None,
        },
        {"text": "his forces were in control of the town", "kind": "paraphrase", "speaker": "Ivo"},
    ]
    labelled = find("his forces were in control of the town", "paraphrase", "Ivo")
    report = Report()
    score_article("a", gold, [labelled], report)
    assert report.anonymous_credited == 0
    unnamed = find("they remain in control of the whole town today", "paraphrase", "Ivo")
    report = Report()
    score_article("a", gold, [unnamed], report)
    assert report.anonymous_credited == 1
