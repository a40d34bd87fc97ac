"""Circumstances after an attribution ("when asked about the summit") are not paraphrases."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]


def test_when_asked_after_a_quote():
    body = '"We have nothing to hide," Irina Volkhova said when asked about the summit.'
    assert found(body) == [("direct", "We have nothing to hide", "Irina Volkhova")]


def test_after_a_vigil_and_in_a_statement_after_a_quote():
    body = (
        '"We are always the last to know," Marta Kovalchuk said after a vigil outside the '
        'ministry. "Every leak costs somebody a place," Ingrid Salo said in a statement on '
        "Friday, before leaving for Varn."
    )
    assert found(body) == [
        ("direct", "We are always the last to know", "Marta Kovalchuk"),
        ("direct", "Every leak costs somebody a place", "Ingrid Salo"),
    ]


def test_circumstances_with_a_participle_or_while():
    body = (
        '"The door is open," Casimir Vell said, speaking to reporters at the airport. '
        '"Not for long," Ana Okafor said while touring a factory in Sallow.'
    )
    assert [kind for kind, _, _ in found(body)] == ["direct", "direct"]


def test_a_real_paraphrase_after_a_trailing_circumstance_is_kept():
    body = (
        "Speaking in Sallow on Monday, Ana Okafor said that the aid would continue, adding "
        "that the first convoy had arrived."
    )
    items = found(body)
    assert ("paraphrase", "the aid would continue", "Ana Okafor") in items


def test_on_his_way_is_not_on_monday():
    body = (
        'Jonas Rautio spoke briefly. "We will not be provoked," the minister said on his way '
        "into an emergency cabinet meeting. Rautio said on Monday the border was calm."
    )
    items = found(body)
    assert not [text for kind, text, _ in items if kind == "paraphrase" and "way" in text]
    assert ("paraphrase", "the border was calm", "Jonas Rautio") in items


def test_the_reporters_aside_after_an_unpaired_dash_is_not_the_speakers_clause():
    for clause, aside in (
        ("the report had been published on May 3", "the same day the ministry replied"),
        ("the dam was safe", "a claim the engineers' union disputes"),
        ("the border would reopen on Friday", "days after the governor had ruled it out"),
    ):
        body = f"Speaking on Tuesday, Lena Hart said {clause} — {aside}."
        assert [(q.text, q.speaker) for q in extract_quotes(body)] == [(clause, "Lena Hart")]


def test_a_paired_dash_inside_the_clause_stays_in_it():
    body = "Lena Hart said the dam — the oldest in the valley — was safe."
    assert [q.text for q in extract_quotes(body)] == [
        "the dam — the oldest in the valley — was safe"
    ]


def test_a_when_after_a_quotes_attribution_is_not_what_was_said():
    body = (
        "Ana Okafor spoke at a news conference on Tuesday. "
        '"We are ready," she said later in the same speech. '
        '"So are we," Lena Hart said again on Wednesday.'
    )
    assert [q.kind for q in found_items(body)] == ["direct", "direct"]


def test_the_occasion_at_the_end_of_a_reported_clause_is_left_out():
    body = (
        "Ana Okafor said the convoy had left, in remarks broadcast on state television. "
        "Lena Hart told reporters the border was open, at a news conference in Varn. "
        "Casimir Vell said the talks would resume, speaking after a cabinet meeting. "
        "Ingrid Salo said the vote was fair, when asked about the protests."
    )
    assert [(q.text, q.speaker) for q in found_items(body)] == [
        ("the convoy had left", "Ana Okafor"),
        ("the border was open", "Lena Hart"),
        ("the talks would resume", "Casimir Vell"),
        ("the vote was fair", "Ingrid Salo"),
    ]


def test_later_adding_that_is_a_second_clause_not_part_of_the_first():
    body = (
        "Ana Okafor said in a speech to parliament that the convoy had left, later adding that "
        "the ports were open."
    )
    assert [q.text for q in found_items(body)] == ["the convoy had left", "the ports were open"]


def found_items(body: str):
    return extract_quotes(body)


def test_would_not_say_is_a_refusal_but_would_not_accept_is_what_was_said():
    body = (
        'The ministry said it was "open to technical dialogue" but would not accept "lectures '
        'from downstream". Ana Mol said the drills were "routine" but would not say when '
        "they would end."
    )
    texts = {q.text for q in extract_quotes(body) if q.kind == "paraphrase"}
    assert texts == {
        "it was open to technical dialogue but would not accept lectures from downstream",
        "the drills were routine",
    }


def test_without_giving_details_and_the_reporters_word_on_the_claim():
    body = (
        'Aldana had said on Wednesday evening that "all options are on the table," without '
        "giving details. Maracoa says the river changed course in 1934, a position that Alto "
        "Peralta has always rejected."
    )
    assert found(body) == [
        ("partial", "all options are on the table", "Aldana"),
        ("paraphrase", "the river changed course in 1934", "Maracoa"),
    ]


def test_called_on_someone_to_act_gives_what_they_are_to_do():
    body = (
        'Tomás Ebner Lagos called on both governments to "lower the tone" and return to talks. '
        "Owen Darby has called for an emergency debate in Parliament."
    )
    assert found(body) == [
        ("partial", "lower the tone", "Tomás Ebner Lagos"),
        ("paraphrase", "lower the tone and return to talks", "Tomás Ebner Lagos"),
        ("paraphrase", "an emergency debate in Parliament", "Owen Darby"),
    ]


def test_which_he_termed_is_the_reporters_word():
    body = (
        "Former president Ana Duarte said she had been detained without charge, which she termed "
        "an insult to every voter."
    )
    assert found(body) == [("paraphrase", "she had been detained without charge", "Ana Duarte")]
