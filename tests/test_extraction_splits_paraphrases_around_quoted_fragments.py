"""A reported clause with a quoted fragment gives a partial quote and, when the clause says more
than the fragment, a paraphrase."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]


def test_a_fragment_then_and_that_gives_a_partial_and_two_paraphrases():
    body = (
        'Foreign Minister Lena Hart said talks had been "constructive" and that a deal '
        "could follow within weeks."
    )
    items = found(body)
    assert ("partial", "constructive", "Lena Hart") in items
    # Two clauses joined by "and that" are two paraphrases.
    assert ("paraphrase", "talks had been constructive", "Lena Hart") in items
    assert ("paraphrase", "a deal could follow within weeks", "Lena Hart") in items


def test_a_fragment_in_the_middle_of_a_clause_keeps_the_whole_clause():
    body = (
        'Rosa Quill said the sanctions had "done their job" and should now be lifted in stages '
        "over the coming year."
    )
    items = found(body)
    assert ("partial", "done their job", "Rosa Quill") in items
    [paraphrase] = [text for kind, text, _ in items if kind == "paraphrase"]
    assert paraphrase.startswith("the sanctions had")
    assert paraphrase.endswith("lifted in stages over the coming year")


def test_a_short_clause_around_a_fragment_is_still_a_paraphrase_without_the_marks():
    body = 'Arno Keel told reporters that the talks had been "useful but slow".'
    items = found(body)
    assert ("partial", "useful but slow", "Arno Keel") in items
    assert ("paraphrase", "the talks had been useful but slow", "Arno Keel") in items
    [paraphrase] = [q for q in extract_quotes(body) if q.kind == "paraphrase"]
    assert body[paraphrase.start : paraphrase.end] == 'the talks had been "useful but slow'


def test_a_clause_quoted_whole_is_only_a_partial():
    body = 'Ana Okafor said that "everything is on the table".'
    assert found(body) == [("partial", "everything is on the table", "Ana Okafor")]


def test_an_unnamed_source_gives_both_items_as_anonymous():
    body = (
        "Two diplomats, speaking on condition of anonymity, said the first round had been "
        '"constructive but inconclusive".'
    )
    items = found(body)
    assert ("anonymous", "constructive but inconclusive", None) in items
    assert ("anonymous", "the first round had been constructive but inconclusive", None) in items


def test_but_that_carries_the_reporting_verb_on_to_a_second_fragment():
    body = (
        "Velmora's prime minister, Roksana Hrytsenko, said her government would study any "
        'serious proposal, but that it would "not bargain with lists of human beings".'
    )
    items = found(body)
    assert ("partial", "not bargain with lists of human beings", "Roksana Hrytsenko") in items
    assert (
        "paraphrase",
        "her government would study any serious proposal",
        "Roksana Hrytsenko",
    ) in items


def test_a_fragment_at_the_start_of_a_clause_still_gives_the_rest():
    body = (
        'Mirek Sand warned that "a frozen war is still a war" and that Drenland would use any '
        "pause to rearm its northern divisions."
    )
    items = found(body)
    assert ("partial", "a frozen war is still a war", "Mirek Sand") in items
    assert any(
        kind == "paraphrase"
        and "Drenland would use any pause to rearm" in text
        and who == "Mirek Sand"
        for kind, text, who in items
    )


def test_a_full_stop_inside_the_closing_mark_leaves_no_mark_in_the_clause():
    body = (
        "A senior State Department official, briefing reporters on condition of anonymity, said "
        'the gaps were "significant."'
    )
    items = found(body)
    assert ("anonymous", "the gaps were significant", None) in items


def test_but_warned_starts_the_speakers_next_statement():
    body = (
        "Dr Efua Sarpong said the vote was 'the freest in our history' but warned of 'serious "
        "irregularities' in two regions."
    )
    items = found(body)
    assert ("paraphrase", "the vote was the freest in our history", "Efua Sarpong") in items
    assert ("partial", "serious irregularities", "Efua Sarpong") in items


def test_a_one_word_subject_before_the_fragment_makes_a_clause():
    body = 'Ana Mol stated that government "cannot pay what it does not have".'
    items = {(q.kind, q.text) for q in extract_quotes(body)}
    assert ("paraphrase", "government cannot pay what it does not have") in items
    assert ("partial", "cannot pay what it does not have") in items
    body = 'Ana Mol hosted talks that officials say were "solely focused on Iran."'
    assert [q.kind for q in extract_quotes(body)] == ["anonymous"]


def test_according_to_a_pronoun_and_a_call_to_act_with_a_fragment():
    body = (
        "Ana Mol spoke on Monday. According to her, the rise announced by the minister "
        '"does not even cover inflation". She called on both parties to "shift ground" and '
        "sign an agreement."
    )
    items = {(q.kind, q.text, q.speaker) for q in extract_quotes(body)}
    assert ("partial", "does not even cover inflation", "Ana Mol") in items
    assert (
        "paraphrase",
        "the rise announced by the minister does not even cover inflation",
        "Ana Mol",
    ) in items
    assert ("partial", "shift ground", "Ana Mol") in items
    assert any(kind == "paraphrase" and "sign an agreement" in text for kind, text, _ in items)


def test_a_claim_named_by_a_noun_is_its_claimants():
    body = (
        "Pressed on claims by the opposition Liberal Union that the government had been "
        '"asleep at the wheel" while espionage grew, Ana Mol dismissed the criticism as '
        '"hindsight dressed up as analysis".'
    )
    items = found(body)
    assert ("partial", "asleep at the wheel", "Liberal Union") in items
    assert (
        "paraphrase",
        "the government had been asleep at the wheel while espionage grew",
        "Liberal Union",
    ) in items
    assert ("partial", "hindsight dressed up as analysis", "Ana Mol") in items


def test_while_after_a_fragment_without_a_comma_goes_on_with_the_clause():
    body = 'Ana Mol said the army had been "asleep at the wheel" while raids grew.'
    assert ("paraphrase", "the army had been asleep at the wheel while raids grew", "Ana Mol") in (
        found(body)
    )


def test_a_clause_opening_with_its_fragment_and_a_refusal_after_it():
    body = (
        'Ana Mol said "serious differences" exist between the parties, but she did not '
        "specify what they were."
    )
    assert sorted(found(body)) == [
        ("paraphrase", "serious differences exist between the parties", "Ana Mol"),
        ("partial", "serious differences", "Ana Mol"),
    ]
