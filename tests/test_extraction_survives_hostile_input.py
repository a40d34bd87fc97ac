"""Hostile or broken bodies (no full stops, thousands of quotation marks, unbalanced or nested
marks, only commas) are extracted with bounded work per sentence: the call returns a list, and no
"sentence" the rules work on is longer than the cap. The time bound itself (100,000 characters in
under 8 times what as much ordinary news takes, about 2 s on an idle machine) is the benchmark's to
check (benchmarks/extraction.py prints a hostile-input line and exits 1 above it), since a loaded
test machine would make a timing assertion flaky here."""

import pytest

from articles.extraction import ExtractedQuote, extract_quotes
from articles.extraction.article import Article
from articles.extraction.marks import MAX_SENTENCE
from benchmarks.extraction import hostile_bodies

BODIES = hostile_bodies(20_000)


@pytest.mark.parametrize("name", sorted(BODIES))
def test_a_hostile_body_returns_a_list_of_quotes(name):
    found = extract_quotes(BODIES[name])
    assert isinstance(found, list)
    assert all(isinstance(q, ExtractedQuote) and q.start <= q.end for q in found)


@pytest.mark.parametrize("name", sorted(BODIES))
def test_no_sentence_the_rules_see_is_longer_than_the_cap(name):
    article = Article(BODIES[name])
    assert max(end - start for start, end in article.sentences) <= MAX_SENTENCE


def test_a_run_on_text_is_cut_at_semicolons_or_commas_before_spaces():
    clause = "Okafor said the talks had been useful and the convoy would leave on time"
    body = "; ".join([clause] * 60)  # no full stop anywhere
    article = Article(body)
    assert len(article.sentences) > 1
    # Every piece but the last ends at a semicolon, so no clause is cut in the middle.
    assert all(body[end - 1] == ";" for _, end in article.sentences[:-1])
    paraphrases = [q for q in extract_quotes(body) if q.kind == "paraphrase"]
    assert len(paraphrases) >= 60
    assert {q.speaker for q in paraphrases} == {"Okafor"}


def test_an_ordinary_article_after_hostile_text_is_still_found():
    body = (
        '"' * 3000
        + "\n\n"
        + "Foreign Minister Ana Okafor said on Tuesday that the convoy had left. "
        + '"We will not stop," she said.'
    )
    found = [(q.kind, q.speaker) for q in extract_quotes(body)]
    assert ("paraphrase", "Ana Okafor") in found
    assert ("direct", "Ana Okafor") in found


def test_quotation_marks_without_words_give_nothing():
    assert extract_quotes("“”‘’\"'" * 2000) == []


def test_a_list_of_fragments_after_one_verb_keeps_its_speaker():
    # The reporting clause before a quotation may reach back past a few earlier quotations
    # (the window is cut short only when a verb of saying is among the last four).
    body = (
        'Lena Hart called the plan "reckless", "costly", "vague", "late" and "unfunded" on Monday.'
    )
    found = [(q.kind, q.speaker, q.text) for q in extract_quotes(body)]
    assert [text for _, _, text in found] == ["reckless", "costly", "vague", "late", "unfunded"]
    assert {(kind, speaker) for kind, speaker, _ in found} == {("partial", "Lena Hart")}


def test_a_speaker_whose_clause_holds_several_quotations_keeps_them_all():
    body = (
        'The talks ended on Monday. Lena Hart, who has called the treaty "a trap", "a sham" '
        'and "a relic", said the pact "is dead in the water."'
    )
    found = [(q.kind, q.text) for q in extract_quotes(body)]
    assert ("partial", "is dead in the water.") in found
    assert {q.speaker for q in extract_quotes(body)} == {"Lena Hart"}
