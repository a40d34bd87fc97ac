"""Slogans, named events, coined terms and quoted headlines are not quotes."""

from articles.extraction import extract_quotes


def quoted(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(body) if q.kind != "paraphrase"]


def test_a_named_operation_or_event_in_marks():
    body = (
        'The army launched "Operation Northern Gate" on Monday. Thousands joined the '
        '"March for Peace" in Sallow, and the "Velmora Compact" was signed in 2019.'
    )
    assert quoted(body) == []


def test_a_slogan_on_posters_or_chanted_by_a_crowd():
    body = (
        'Viktor Halloran\'s posters carry the slogan "Aldoria first". Supporters chanted '
        '"Bring them home" as he spoke, and his campaign sells caps reading "No more cheques".'
    )
    assert quoted(body) == []


def test_a_newspaper_headline_after_a_colon():
    body = (
        'The Coastal Herald ran a front page on Tuesday with the headline: "Minister quits over '
        'arms deal". Another paper, the Northern Ledger, led with: "Deal or no deal?"'
    )
    assert quoted(body) == []


def test_a_headline_in_marks_named_by_the_word_headline():
    body = (
        'Under the headline "Peace at any price", the Tribune accused the government of '
        "weakness. Ana Okafor said the editorial was unfair."
    )
    assert quoted(body) == []
    assert [q.speaker for q in extract_quotes(body)] == ["Ana Okafor"]


def test_a_real_quote_next_to_a_slogan_is_still_found():
    body = (
        'Halloran repeated his "Aldoria first" slogan. "We will not pay for other people\'s '
        'wars," Viktor Halloran said.'
    )
    assert quoted(body) == [("We will not pay for other people's wars", "Viktor Halloran")]


def test_a_name_in_title_case_and_a_term_coined_by_unnamed_critics():
    body = (
        'Ana Okafor said the "Bridge to Peace" plan would fail. Critics have dubbed it "the '
        'peace at any price plan". Delegates gathered for the "Summit of Resolve" in Fenmouth.'
    )
    assert quoted(body) == []


def test_what_unnamed_critics_called_something_is_still_their_words():
    body = "Opposition deputies have called his record 'a warning, not a credential'."
    assert quoted(body) == [("a warning, not a credential", None)]
