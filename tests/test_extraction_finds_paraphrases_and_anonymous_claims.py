"""Reported speech without quotation marks, and claims by unnamed sources."""

from articles.extraction import extract_quotes


def kinds(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]


def test_said_that_gives_the_reported_clause():
    body = "Minister Ivo Strand said that the embassy would reopen in March."
    assert kinds(body) == [("paraphrase", "the embassy would reopen in March", "Ivo Strand")]


def test_told_reporters_that():
    body = "Lena Hart told reporters on Monday that the ceasefire was holding."
    [quote] = extract_quotes(body)
    assert (quote.kind, quote.text, quote.speaker) == (
        "paraphrase",
        "the ceasefire was holding",
        "Lena Hart",
    )
    assert body[quote.start : quote.end] == "the ceasefire was holding"


def test_noted_stressed_and_argued_that():
    body = (
        "Rosa Quill stressed that aid would continue, and noted that the first convoy had "
        "already arrived. Tomas Ebb argued that the money should stay at home."
    )
    found = kinds(body)
    assert ("paraphrase", "aid would continue", "Rosa Quill") in found
    assert ("paraphrase", "the first convoy had already arrived", "Rosa Quill") in found
    assert ("paraphrase", "the money should stay at home", "Tomas Ebb") in found


def test_according_to_a_named_person():
    body = "According to Mirek Sand, the treaty will be signed before winter."
    assert kinds(body) == [("paraphrase", "the treaty will be signed before winter", "Mirek Sand")]


def test_a_trailing_attribution_without_quotation_marks():
    body = "The northern border will stay closed until spring, Colonel Ada Frey said."
    assert kinds(body) == [
        ("paraphrase", "The northern border will stay closed until spring", "Ada Frey")
    ]


def test_citing_unnamed_advisers_is_anonymous():
    body = (
        "The Coastal Herald, citing unnamed Voss advisers, wrote that the plan would "
        "freeze the front line."
    )
    [quote] = extract_quotes(body)
    assert quote.kind == "anonymous"
    assert quote.speaker is None
    assert quote.text == "the plan would freeze the front line"
    assert quote.attribution == "citing unnamed Voss advisers"


def test_officials_speaking_on_condition_of_anonymity():
    body = (
        "Two officials, speaking on condition of anonymity, said the summit had been "
        "postponed until June."
    )
    assert kinds(body) == [("anonymous", "the summit had been postponed until June", None)]


def test_people_familiar_with_and_it_is_believed_that():
    body = (
        "The ministry has drafted a new sanctions list, according to people familiar with "
        "the matter. It is believed that the list includes three shipping firms."
    )
    found = kinds(body)
    assert ("anonymous", "The ministry has drafted a new sanctions list", None) in found
    assert ("anonymous", "the list includes three shipping firms", None) in found


def test_a_quote_from_an_unnamed_source_is_anonymous():
    body = '"Nobody expected this," one diplomat said on condition of anonymity.'
    [quote] = extract_quotes(body)
    assert (quote.kind, quote.speaker, quote.text) == ("anonymous", None, "Nobody expected this")


def test_a_poll_is_not_a_speaker():
    body = "According to a new poll, most voters back the aid package."
    assert extract_quotes(body) == []


def test_an_attribution_closing_the_sentence_with_its_circumstances():
    body = (
        "KESSEL, March 3, 2025 — Allied navies are sharing more intelligence, Defence Minister "
        "Elif Arslan said yesterday to reporters travelling with her as she left Varn. "
        "It is through the ports that supplies will come, she emphasized. "
        "The border will stay open, the ministry told the Courier on Monday."
    )
    items = [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]
    assert items == [
        ("paraphrase", "Allied navies are sharing more intelligence", "Elif Arslan"),
        ("paraphrase", "It is through the ports that supplies will come", "Elif Arslan"),
        ("paraphrase", "The border will stay open", "ministry"),
    ]


def test_a_trailing_attribution_does_not_swallow_a_that_clause():
    body = "Separately, the White House said on Friday that no meeting was planned."
    items = [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]
    assert items == [("paraphrase", "no meeting was planned", "White House")]


def test_told_whom_then_the_clause_without_that():
    body = (
        "Opposition leader Succes Mandaba tells VOA's Peter Clottey, he won the election, and "
        "the council should ignore the announced results. Lena Hart told reporters on Monday "
        "the convoy had left."
    )
    items = [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]
    assert items == [
        (
            "paraphrase",
            "he won the election, and the council should ignore the announced results",
            "Succes Mandaba",
        ),
        ("paraphrase", "the convoy had left", "Lena Hart"),
    ]


def test_forms_of_reported_clause_without_that():
    body = (
        "Viktor Halloran criticised the timing, saying Okafor was using the war for votes. "
        "Lena Moravec said lifting the sanctions alone would cut prices. "
        "Drenland has said it is committed to a deal. "
        "Succes Mandaba says if his aim was power, he would not have run."
    )
    items = [(q.text, q.speaker) for q in extract_quotes(body)]
    assert items == [
        ("Okafor was using the war for votes", "Viktor Halloran"),
        ("lifting the sanctions alone would cut prices", "Lena Moravec"),
        ("it is committed to a deal", "Drenland"),
        ("if his aim was power, he would not have run", "Succes Mandaba"),
    ]


def test_an_open_question_or_a_refusal_to_say_is_no_claim():
    body = (
        "Halloran's campaign did not say whether he would honour the pledge. "
        "Lena Hart would not say why the talks had stalled, or how long they would last."
    )
    assert extract_quotes(body) == []


def test_a_trailing_unnamed_source_with_a_relative_clause_after_a_wire_dateline():
    body = (
        "KESSEL, May 4 (Harbour Wire) - Varn is ready to reopen the crossing, a senior "
        "official, who spoke on condition of anonymity because the talks are private, said on "
        "Tuesday."
    )
    items = [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]
    assert items == [("anonymous", "Varn is ready to reopen the crossing", None)]


def test_but_that_with_a_fragment_is_a_second_clause():
    body = (
        "Lena Hart said her government would study any offer, but that it would "
        '"not trade prisoners for land".'
    )
    items = [(q.kind, q.text) for q in extract_quotes(body)]
    assert items == [
        ("paraphrase", "her government would study any offer"),
        ("paraphrase", "it would not trade prisoners for land"),
        ("partial", "not trade prisoners for land"),
    ]


def test_described_as_without_marks_is_a_characterisation_reported():
    body = (
        "Rashed Karimi described the exiles' demands as unrealistic and said the door remained "
        "open. Lena Hart dismissed the report as a fabrication. Ingrid Salo described the "
        'offer as "a trap".'
    )
    items = [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]
    assert items == [
        ("paraphrase", "the exiles' demands as unrealistic", "Rashed Karimi"),
        ("paraphrase", "the door remained open", "Rashed Karimi"),
        ("paraphrase", "the report as a fabrication", "Lena Hart"),
        ("partial", "a trap", "Ingrid Salo"),
    ]


def test_an_attribution_in_parenthesis_after_the_subject():
    # The verb first ("say people familiar with", "said two officials", "according to"); "The
    # talks, Ivo Strand said, had ..." is the trailing-attribution pattern's.
    cases = [
        (
            "The explanation, say people familiar with the trade, lies in a fleet of ageing "
            "tankers.",
            ("anonymous", "The explanation lies in a fleet of ageing tankers", None),
        ),
        (
            "The delay, said two officials, was caused by a dispute over the map.",
            ("anonymous", "The delay was caused by a dispute over the map", None),
        ),
        (
            "The plan, according to Lena Hart, would cost far too much.",
            ("paraphrase", "The plan would cost far too much", "Lena Hart"),
        ),
        (
            "The mood, according to a senior aide, had never been worse.",
            ("anonymous", "The mood had never been worse", None),
        ),
    ]
    for body, item in cases:
        assert [(q.kind, q.text, q.speaker) for q in extract_quotes(body)] == [item], body


def test_said_a_and_that_b_is_two_statements():
    body = (
        "Minister Hana Broz said the talks had been useful, and that a second round would follow "
        "in May."
    )
    items = {(q.kind, q.text) for q in extract_quotes(body)}
    assert items == {
        ("paraphrase", "the talks had been useful"),
        ("paraphrase", "a second round would follow in May"),
    }


def test_the_speakers_next_act_is_not_what_they_said():
    body = "Minister Ana Vell said Carvonia would respond in a measured way but declined to say."
    [claim] = extract_quotes(body)
    assert claim.text == "Carvonia would respond in a measured way"


def test_a_relative_clause_in_the_subject_and_a_condition_start_a_bare_claim():
    body = (
        "Omar says private groups that do not understand the situation are defending the rebels "
        "and calling for talks, but that the government knows how dangerous the rebels are. "
        "Omar says as long as people are dying, dialogue is needed."
    )
    texts = [(q.kind, q.text) for q in extract_quotes(body)]
    assert texts == [
        (
            "paraphrase",
            "private groups that do not understand the situation are defending the rebels and "
            "calling for talks",
        ),
        ("paraphrase", "the government knows how dangerous the rebels are"),
        ("paraphrase", "as long as people are dying, dialogue is needed"),
    ]


def test_it_is_understood_without_that_and_in_his_view():
    body = (
        "It is understood Senator Rosa Calloway will travel to Dessaran next week. Trade "
        "economist Dr Paul Mirren, of the Regional Trade Tribunal, pointed out that bans had "
        "been lifted before. In his view, the tribunal route was 'worth doing, but slow'."
    )
    assert [(q.kind, q.text, q.speaker) for q in extract_quotes(body)] == [
        ("anonymous", "Senator Rosa Calloway will travel to Dessaran next week", None),
        ("paraphrase", "bans had been lifted before", "Paul Mirren"),
        ("paraphrase", "the tribunal route was worth doing, but slow", "Paul Mirren"),
        ("partial", "worth doing, but slow", "Paul Mirren"),
    ]


def test_although_another_speaker_insisted_is_theirs():
    body = (
        "People familiar with the talks said officials had linked the ban to the exercise, "
        'although the embassy insisted on Tuesday the measures were "purely technical".'
    )
    items = [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]
    assert ("partial", "purely technical", "embassy") in items
    assert ("anonymous", "officials had linked the ban to the exercise", None) in items


def test_police_and_authorities_not_named_are_unnamed_sources_but_a_named_force_is_not():
    body = (
        "Police said around 600 people had gathered and that the protest was peaceful. "
        "Dorrick police say eleven people are confirmed dead."
    )
    assert kinds(body) == [
        ("anonymous", "around 600 people had gathered", None),
        ("anonymous", "the protest was peaceful", None),
        ("paraphrase", "eleven people are confirmed dead", "Dorrick police"),
    ]


def test_information_obtained_by_the_paper_is_an_unnamed_source():
    body = (
        "According to information obtained by this newspaper, the Chancellery has already drawn "
        "up a list of countermeasures."
    )
    assert kinds(body) == [
        ("anonymous", "the Chancellery has already drawn up a list of countermeasures", None)
    ]


def test_a_country_maintains_and_diplomats_point_out():
    body = (
        "Maracoa maintains that the river changed course after the floods of 1934. Diplomats "
        "in Lunden point out that two member states maintain close ties with Varnia."
    )
    assert kinds(body) == [
        ("paraphrase", "the river changed course after the floods of 1934", "Maracoa"),
        ("anonymous", "two member states maintain close ties with Varnia", None),
    ]


def test_a_report_interrupted_by_its_attribution_and_a_sentences_connective():
    body = (
        "Robert Joseph spoke on Tuesday. Iranian nuclear weapons would be a direct threat to "
        "U.S. forces, Joseph said, and would threaten Israel. Iran's program is two decades "
        "old, Joseph said, but it was not exposed until 2002. Against any other nation, he "
        "said, Iran could use its weapons to intimidate. Furthermore, it would set back "
        "democracy there, he said."
    )
    assert [q.text for q in extract_quotes(body)] == [
        "Iranian nuclear weapons would be a direct threat to U.S. forces and would threaten Israel",
        "Iran's program is two decades old",
        "it was not exposed until 2002",
        "Against any other nation, Iran could use its weapons to intimidate",
        "it would set back democracy there",
    ]


def test_an_attribution_with_the_verb_first_at_the_end_and_a_dateline_in_mixed_case():
    body = (
        "Washington –- An Iran with nuclear weapons would be an intolerable threat, says a State "
        "Department official.\n\nThe talks will resume in May, says Ana Lund, the foreign "
        "minister. A senior official, who spoke on condition of anonymity, said the party had "
        "opened talks."
    )
    assert kinds(body) == [
        ("anonymous", "An Iran with nuclear weapons would be an intolerable threat", None),
        ("paraphrase", "The talks will resume in May", "Ana Lund"),
        ("anonymous", "the party had opened talks", None),
    ]


def test_a_claim_shared_with_an_unnamed_group_is_unnamed():
    body = (
        "Both the government and opposition lawmakers say they expect the budget to pass. The "
        "ministry and the central bank said inflation had peaked."
    )
    assert ("anonymous", "they expect the budget to pass", None) in kinds(body)
    assert ("paraphrase", "inflation had peaked", "ministry") in kinds(body)


def test_with_a_group_doing_the_saying_is_that_groups_claim():
    body = (
        "The port deal came under fire on Monday, with dockworkers' unions warning that it would "
        "cost 2,000 jobs. Lena Ruud, with the Harbour Workers Federation, says that the deal "
        "can still be saved."
    )
    assert ("anonymous", "it would cost 2,000 jobs", None) in kinds(body)
    assert ("paraphrase", "the deal can still be saved", "Lena Ruud") in kinds(body)


def test_a_possessive_group_is_unnamed_and_a_firm_named_data_is_a_body():
    body = (
        "Farmers' groups in the south say the drought has halved the harvest. According to the "
        "analytics firm Kestrel Data, exports fell by a third in June."
    )
    assert ("anonymous", "the drought has halved the harvest", None) in kinds(body)
    assert ("paraphrase", "exports fell by a third in June", "Kestrel Data") in kinds(body)


def test_who_says_in_commas_ends_where_the_sentence_goes_on():
    body = "Eva Brandt, who says she sleeps four hours a night, met the envoy in Oslo on Friday."
    assert kinds(body) == [("paraphrase", "she sleeps four hours a night", "Eva Brandt")]
