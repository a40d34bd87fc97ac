"""Direct quotes: straight and curly marks, single marks, split and multi-paragraph quotations."""

from articles.extraction import ExtractedQuote, extract_quotes


def only(body: str, kind: str) -> list[ExtractedQuote]:
    return [q for q in extract_quotes(body) if q.kind == kind]


def test_a_straight_quote_with_a_trailing_attribution():
    body = 'Mara Voss spoke in the square. "The border stays open," Voss said.'
    [quote] = only(body, "direct")
    assert quote.text == "The border stays open"
    assert quote.speaker == "Mara Voss"
    assert quote.attribution == "Voss said"
    assert body[quote.start : quote.end] == "The border stays open,"


def test_curly_quotes_and_a_speaker_named_after_the_verb():
    body = "“We have no plan to leave the treaty,” said Ilan Brecht, the party chairman."
    [quote] = only(body, "direct")
    assert quote.text == "We have no plan to leave the treaty"
    assert quote.speaker == "Ilan Brecht"
    assert quote.attribution.startswith("said Ilan Brecht")


def test_british_single_quotes_are_quotes_but_apostrophes_are_not():
    body = "Senator Ruth Ambler took questions. 'The country's patience is not endless,' she said."
    [quote] = only(body, "direct")
    assert quote.text == "The country's patience is not endless"
    assert quote.speaker == "Ruth Ambler"


def test_a_quote_split_around_she_said_is_one_quote_spanning_both_parts():
    body = 'Dana Kell was asked about the vote. "We will win," she said, "and soon."'
    quotes = only(body, "direct")
    assert len(quotes) == 1
    [quote] = quotes
    assert quote.text == "We will win and soon."
    assert quote.speaker == "Dana Kell"
    assert body[quote.start : quote.end] == 'We will win," she said, "and soon.'


def test_a_quote_over_several_paragraphs_closes_only_on_the_last():
    body = (
        "Governor Tobias Wren addressed the assembly.\n\n"
        '"First, we will rebuild the bridges.\n\n'
        '"Second, we will pay for it ourselves," Wren said.\n'
    )
    [quote] = only(body, "direct")
    assert quote.text == "First, we will rebuild the bridges. Second, we will pay for it ourselves"
    assert quote.speaker == "Tobias Wren"
    assert body[quote.start : quote.end].startswith("First, we will")
    assert body[quote.start : quote.end].endswith("ourselves,")


def test_a_colon_introduces_a_direct_quote():
    body = 'Asked about sanctions, Minister Oriel Pask said: "They stay until the troops leave."'
    [quote] = only(body, "direct")
    assert quote.speaker == "Oriel Pask"
    assert quote.text == "They stay until the troops leave."


def test_an_unattributed_follow_on_quote_keeps_the_previous_speaker():
    body = '"We are ready," Lio Marsh said. "We have been ready for a year."'
    quotes = only(body, "direct")
    assert [q.speaker for q in quotes] == ["Lio Marsh", "Lio Marsh"]
    assert quotes[1].confidence < quotes[0].confidence


def test_the_result_is_a_frozen_dataclass_with_a_dict_form():
    [quote] = extract_quotes('"No deal," Hal Ostrow said.')
    assert quote.to_dict() == {
        "text": "No deal",
        "kind": "direct",
        "speaker": "Hal Ostrow",
        "attribution": "Hal Ostrow said",
        "start": 1,
        "end": 9,
        "confidence": quote.confidence,
    }
    assert 0 <= quote.confidence <= 1
    try:
        quote.text = "changed"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("ExtractedQuote should be frozen")


def test_empty_and_whitespace_bodies_give_no_quotes():
    assert extract_quotes("") == []
    assert extract_quotes("  \n\n ") == []


def test_a_plural_possessive_inside_single_marks_does_not_close_the_quote():
    body = "Mrs Ama Mensah spoke in Accra. 'The voters' anger is real, and we hear it,' she said."
    [quote] = only(body, "direct")
    assert (quote.text, quote.speaker) == (
        "The voters' anger is real, and we hear it",
        "Ama Mensah",
    )


def test_an_honorific_and_a_surname_make_a_speaker():
    body = (
        "'We are confident,' said Mrs Mensah, the party's flagbearer. "
        "Mr Boateng, 54, a former finance minister, said: 'I accept the result.'"
    )
    assert [(q.text, q.speaker) for q in only(body, "direct")] == [
        ("We are confident", "Mensah"),
        ("I accept the result.", "Boateng"),
    ]


def test_a_quotation_after_noting_is_a_second_statement():
    body = (
        'Ana Mol spoke. "We do not talk about numbers," she explained, noting, "It helps the '
        'other side."'
    )
    assert [(q.kind, q.text) for q in extract_quotes(body)] == [
        ("direct", "We do not talk about numbers"),
        ("direct", "It helps the other side."),
    ]


def test_a_quotation_signed_with_a_dash_is_the_signers():
    body = (
        "The debate pitted Yvette Lamorne against the Civic Alliance leader, Oskar Brannick.\n\n"
        'CLAIM: "Knife crime has doubled since Yvette Lamorne took office." – Oskar Brannick\n\n'
        'CLAIM: "Not a single hospital has closed on our watch." – Finance Minister Tomasz Welk, '
        "speaking to reporters after the debate"
    )
    assert [(q.kind, q.speaker) for q in extract_quotes(body)] == [
        ("direct", "Oskar Brannick"),
        ("direct", "Tomasz Welk"),
    ]


def test_guillemets_are_quotation_marks_and_stay_in_the_words():
    body = (
        "Minister Élodie Marchal accused Orsund of «blackmail» on Tuesday.\n\n"
        "«The Orsundian side speaks of a ‹fair redistribution›. What they mean is that our "
        "boats stay in port», the minister declared."
    )
    assert [(q.kind, q.text, q.speaker) for q in extract_quotes(body)] == [
        ("partial", "blackmail", "Élodie Marchal"),
        (
            "direct",
            "The Orsundian side speaks of a ‹fair redistribution›. What they mean is that our "
            "boats stay in port",
            "Élodie Marchal",
        ),
    ]


def test_german_low_nine_marks_are_quotation_marks_and_the_comma_may_follow_them():
    body = (
        "Minister Katrin Wellbrock warned against „blackmail“ on Tuesday. „We will not let "
        "ourselves be blackmailed“, Wellbrock said. „Military steps“, her spokesman Jonas "
        "Freytag said, „are not on the agenda.“"
    )
    assert [(q.kind, q.text, q.speaker) for q in extract_quotes(body)] == [
        ("partial", "blackmail", "Katrin Wellbrock"),
        ("direct", "We will not let ourselves be blackmailed", "Katrin Wellbrock"),
        ("direct", "Military steps are not on the agenda.", "Jonas Freytag"),
    ]


def test_inward_guillemets_are_read_the_other_way_round():
    body = "»Wir bleiben«, sagte sie. »The port stays open«, the mayor Ana Lund told reporters."
    [quote] = [q for q in extract_quotes(body) if "port" in q.text]
    assert (quote.kind, quote.text, quote.speaker) == ("direct", "The port stays open", "Ana Lund")


def test_an_english_text_with_a_stray_low_nine_mark_keeps_its_curly_marks():
    body = "“The talks are over,” said Ana Lund, holding a paper headed „Protokoll“."
    [quote] = extract_quotes(body)
    assert (quote.kind, quote.text, quote.speaker) == ("direct", "The talks are over", "Ana Lund")


def test_the_speaker_may_follow_the_verb_after_a_quotation():
    body = (
        "„The minister has been writing letters“, criticised Hennes Kroll, the opposition's "
        'spokesman. "Nothing has changed," explained Ana Lund.'
    )
    assert [(q.kind, q.speaker) for q in extract_quotes(body)] == [
        ("direct", "Hennes Kroll"),
        ("direct", "Ana Lund"),
    ]


def test_a_newsletters_bulleted_quotations_signed_with_a_dash_are_direct():
    body = (
        "What they're saying:\n\n"
        "• “Ninety days is a lifeline, but it isn’t a strategy.” — Sen. Paul Okafor (Reform "
        "Alliance), who chairs the Senate trade committee\n"
        "• “Our members were told this tariff was permanent.” — Rosa Kettering, president of the "
        "United Metalworkers"
    )
    assert [(q.kind, q.speaker) for q in extract_quotes(body)] == [
        ("direct", "Paul Okafor"),
        ("direct", "Rosa Kettering"),
    ]


def test_spaces_inside_french_guillemets_are_no_part_of_the_quotation_or_its_offsets():
    body = (
        "Paul Ndong promet de rouvrir la frontière « quand les conditions seront réunies »\n\n"
        "Le ministre Paul Ndong a dit : « Nous rouvrirons la frontière quand les conditions seront "
        "réunies »."
    )
    quotes = extract_quotes(body)
    assert [q.text for q in quotes] == [
        "quand les conditions seront réunies",
        "Nous rouvrirons la frontière quand les conditions seront réunies",
    ]
    assert all(body[q.start : q.end] == q.text for q in quotes)


def test_a_sidebars_quotation_signed_on_the_line_below():
    body = "\n\n".join(
        [
            "Economist Jonas Holt of the Kessel Institute spoke first. Trade Minister Ana Reyes "
            "spoke after him.",
            'Key quote\n\n"A tariff is a tax that a country pays to itself."\n— Jonas Holt, '
            "Kessel Institute",
        ]
    )
    assert [(q.text, q.speaker) for q in extract_quotes(body)] == [
        ("A tariff is a tax that a country pays to itself.", "Jonas Holt")
    ]
