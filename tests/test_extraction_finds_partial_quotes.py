"""Partial quotes inside reporting, and scare quotes that must not be extracted."""

from articles.extraction import extract_quotes


def kinds(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]


def test_a_fragment_after_called_is_a_partial_quote_of_the_subject():
    body = 'Senator Nia Torvald called the rival leader a "reckless gambler" on Monday.'
    assert kinds(body) == [("partial", "reckless gambler", "Nia Torvald")]


def test_a_fragment_in_a_reported_clause_is_partial_and_the_clause_a_paraphrase():
    body = 'Arno Keel told reporters that the talks had been "useful but slow".'
    assert kinds(body) == [
        ("paraphrase", "the talks had been useful but slow", "Arno Keel"),
        ("partial", "useful but slow", "Arno Keel"),
    ]


def test_two_speakers_in_one_sentence_each_get_their_fragment():
    body = (
        'Petra Lind said the report was "deeply flawed", while Omar Rask, her deputy, '
        'said it had "missed the point entirely".'
    )
    found = kinds(body)
    assert ("partial", "deeply flawed", "Petra Lind") in found
    assert ("partial", "missed the point entirely", "Omar Rask") in found


def test_so_called_terms_are_scare_quotes():
    body = 'The so-called "peace dividend" has not arrived, the figures show.'
    assert [q for q in extract_quotes(body) if q.kind in {"direct", "partial"}] == []


def test_a_short_quoted_term_without_a_reporting_verb_is_not_a_quote():
    body = 'The term "frozen conflict" appears in every memo this year.'
    assert extract_quotes(body) == []


def test_a_quoted_fragment_without_attribution_is_not_a_quote():
    body = 'Voters in the "swing belt" will decide the race, and turnout there is rising.'
    assert extract_quotes(body) == []


def test_an_organisation_can_be_the_speaker():
    body = (
        "The Ostland Foreign Ministry met envoys on Friday. "
        'The ministry said the strikes hit "military targets only".'
    )
    assert kinds(body) == [
        ("paraphrase", "the strikes hit military targets only", "Ostland Foreign Ministry"),
        ("partial", "military targets only", "Ostland Foreign Ministry"),
    ]


def test_according_to_before_or_after_a_fragment():
    before = 'According to Lena Hart, the deal is "dead in the water".'
    after = 'The talks were "very productive," according to Lena Hart.'
    assert ("partial", "dead in the water", "Lena Hart") in kinds(before)
    assert kinds(after) == [("partial", "very productive", "Lena Hart")]


def test_a_comma_inside_the_closing_mark_still_ends_the_first_speakers_clause():
    body = (
        'Ana Mol and Ivo Strand met on Monday. Mol said the meeting was "productive," while '
        'Strand called it "a first step."'
    )
    partials = [(text, who) for kind, text, who in kinds(body) if kind == "partial"]
    assert partials == [("productive", "Ana Mol"), ("a first step.", "Ivo Strand")]


def test_according_to_a_title_and_then_a_name():
    body = (
        "The candidates' promises were 'unaffordable', according to the fund's country "
        "director, Mr Carlos Mendes."
    )
    assert kinds(body) == [("partial", "unaffordable", "Carlos Mendes")]


def test_a_quotation_opening_the_reporters_sentence_is_a_fragment():
    body = 'John Kerry met Javad Zarif. "Unacceptable" was how Kerry described the offer.'
    assert kinds(body) == [("partial", "Unacceptable", "John Kerry")]
    # A quotation that is the whole sentence is still a direct quote.
    body = '"We are ready," Ana Mol said on Monday. "Ready for anything."'
    assert [kind for kind, _, _ in kinds(body)] == ["direct", "direct"]


def test_a_participle_fragment_belongs_to_the_subject_of_its_own_clause():
    cases = (
        (
            "Lena Hart said the report came out on May 3 — the day Drenish officials answered "
            'it, dismissing it as "a fabrication."',
            None,
        ),
        (
            "Ana Okafor recalled the night in March when Casimir Vell walked out, calling the "
            'talks "a circus."',
            "Casimir Vell",
        ),
        (
            "The minister spoke after Irina Volkhova had addressed the chamber, describing the "
            'budget as "a surrender."',
            "Irina Volkhova",
        ),
    )
    for body, speaker in cases:
        partials = [q for q in extract_quotes(body) if q.kind in {"partial", "anonymous"}]
        assert [q.speaker for q in partials] == [speaker], body


def test_a_fragment_after_a_colon_is_partial_and_a_sentence_after_a_colon_is_direct():
    for body in (
        'Lena Hart had a simple message: "no more delays."',
        'Casimir Vell gave his verdict on the budget: "a missed opportunity."',
        "Ana Okafor summed up the mood in two words: 'not yet'.",
    ):
        assert [q.kind for q in extract_quotes(body)] == ["partial"], body
    body = 'Lena Hart had a simple message: "There will be no more delays."'
    assert [q.kind for q in extract_quotes(body)] == ["direct"]


def test_a_first_person_fragment_with_no_attribution_goes_on_with_the_last_speaker():
    for fragment in ("a test of our resolve", "the fight of my life", "what we promised"):
        body = (
            '"We will not give in," Lena Hart said at the rally.\n\n'
            f'The strikes, in other words, were "{fragment}."'
        )
        assert [(q.kind, q.text.rstrip("."), q.speaker) for q in extract_quotes(body)] == [
            ("direct", "We will not give in", "Lena Hart"),
            ("partial", fragment, "Lena Hart"),
        ], fragment


def test_a_slogan_in_the_first_person_is_still_not_a_quote():
    for body in (
        '"We will not give in," Lena Hart said.\n\nMarchers held a banner reading "Not our war".',
        '"We will not give in," Lena Hart said.\n\nThe crowd chanted "our streets" for an hour.',
        '"We will not give in," Lena Hart said.\n\nShops sold mugs with the slogan "we stay".',
    ):
        assert [q.kind for q in extract_quotes(body)] == ["direct"], body


def test_a_fragment_is_credited_to_the_inner_speaker_not_the_first_name():
    cases = (
        (
            'Casimir Vell, whom Lena Hart has called "a menace," said he would run again.',
            "Lena Hart",
        ),
        (
            'Lena Hart quoted Casimir Vell as saying the border would "never" reopen.',
            "Casimir Vell",
        ),
        ('Ana Okafor, whom the mayor calls "my best deputy," denied it.', "the mayor"),
        ('In an interview with Ana Okafor, Lena Hart said the vote was "stolen."', "Lena Hart"),
        (
            'During a call with Ana Okafor, Casimir Vell called the offer "generous."',
            "Casimir Vell",
        ),
    )
    for body, speaker in cases:
        partials = [q for q in extract_quotes(body) if q.kind in {"partial", "anonymous"}]
        assert [q.speaker for q in partials][:1] == [speaker], body


def test_a_quotation_the_reporters_sentence_goes_on_from_is_a_fragment():
    body = (
        "Defence Minister Elif Arslan spoke in Varn. "
        '"We will hold the line" until the spring, she said. '
        '"Not one village more" would fall to the offensive, Arslan told reporters.'
    )
    items = [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]
    assert items == [
        ("partial", "We will hold the line", "Elif Arslan"),
        ("partial", "Not one village more", "Elif Arslan"),
    ]


def test_a_quotation_ending_in_a_comma_before_the_attribution_stays_direct():
    body = (
        '"We did not leave the table," al-Hakimi said, speaking through an interpreter. '
        '"We will be back" she said.'
    )
    assert [q.kind for q in extract_quotes(body)] == ["direct", "direct"]


def test_a_quotation_starting_in_lower_case_after_said_is_a_fragment():
    body = (
        "Casimir Vell spoke at length. While budgets are tight, he said, "
        '"you see the shipyards working again." Later he added: "and the ports too."'
    )
    assert [(q.kind, q.speaker) for q in extract_quotes(body)] == [
        ("partial", "Casimir Vell"),
        ("partial", "Casimir Vell"),
    ]


def test_a_fragment_after_a_participle_of_saying_is_the_subjects():
    body = (
        "Its minister, Yusuf Haddad, went further in a radio interview, asserting that the "
        'complaints were "a pretext for war". Lena Hart replied on Friday, stating that the '
        'offer was "dead on arrival".'
    )
    partial = [(q.text, q.speaker) for q in extract_quotes(body) if q.kind == "partial"]
    assert partial == [
        ("a pretext for war", "Yusuf Haddad"),
        ("dead on arrival", "Lena Hart"),
    ]


def test_words_in_a_question_are_the_askers_not_the_speakers():
    body = (
        'Asked about the "grain crisis" in the south, Vell said it was "a passing storm". '
        'Questioned over the "shadow fleet", Lena Hart said nothing.'
    )
    partial = [(q.text, q.speaker) for q in extract_quotes(body) if q.kind == "partial"]
    assert partial == [("a passing storm", "Vell")]


def test_a_fragment_in_a_report_of_someone_elses_promise_is_the_reporters_speakers():
    body = (
        'Lena Hart said Casimir Vell had promised "a fair deal" in March. Ingrid Salo wrote '
        'that the minister had pledged "no new taxes".'
    )
    partial = [(q.text, q.speaker) for q in extract_quotes(body) if q.kind == "partial"]
    assert partial == [("a fair deal", "Lena Hart"), ("no new taxes", "Ingrid Salo")]


def test_a_naming_verb_in_the_report_quotes_its_own_subject():
    body = (
        "Casimir Vell met Lena Hart on Monday. Hart later told reporters that Vell had called "
        'the offer "generous". Hart said the talks were "frank". Vell, for his part, described '
        'them as "useful".'
    )
    partial = [(q.text, q.speaker) for q in extract_quotes(body) if q.kind == "partial"]
    assert partial == [
        ("generous", "Casimir Vell"),
        ("frank", "Lena Hart"),
        ("useful", "Casimir Vell"),
    ]


def test_the_next_sentence_may_name_who_said_it():
    body = (
        'The new plan is "dead on arrival". That was the verdict of Lena Hart, the opposition '
        'leader.\n\n"Not one step back." That was the message from Defence Minister Elif Arslan '
        'on Monday.\n\nThe deal is "finished." So says Ingrid Salo, who led the talks.'
    )
    items = [(q.kind, q.speaker) for q in extract_quotes(body)]
    assert items == [
        ("partial", "Lena Hart"),
        ("direct", "Elif Arslan"),
        ("partial", "Ingrid Salo"),
    ]


def test_every_fragment_of_one_report_is_the_same_speakers():
    # Fragments joined by "and"/"or", or a second one in a clause that goes on without a
    # subject of its own ("but would respond"), are still inside the same report.
    cases = [
        ('Lena Hart told reporters the talks were "business like" and "forward looking."', 2),
        (
            'Ivo Strand said his government was "ready to talk" but would respond "without '
            'hesitation" to any attack.',
            2,
        ),
        (
            'The ministry said the plan was "unworkable", "costly" and "a gift to smugglers".',
            3,
        ),
    ]
    for body, count in cases:
        partials = [(t, s) for k, t, s in kinds(body) if k == "partial"]
        assert len(partials) == count, partials
        assert len({s for _, s in partials}) == 1, partials
        assert None not in {s for _, s in partials}, partials


def test_a_second_fragment_after_a_new_subject_is_not_the_first_speakers():
    body = 'Lena Hart said the deal was "fair", and the crowd outside chanted "shame".'
    assert [t for k, t, _ in kinds(body) if k == "partial"] == ["fair"]


def test_a_fragment_after_a_parenthetical_attribution_and_but_is_the_same_speakers():
    cases = [
        (
            "Lena Hart was asked about sanctions. All options remained open, she said, but the "
            'government preferred "the courtroom to the battlefield".',
            "Lena Hart",
        ),
        (
            "The talks would resume in May, Ivo Strand added, and the delegations would be "
            '"smaller and quieter".',
            "Ivo Strand",
        ),
        (
            "Ana Okafor spoke briefly. The border stays shut, she insisted, but the aid convoys "
            'would pass "within days".',
            "Ana Okafor",
        ),
    ]
    for body, name in cases:
        partials = [s for k, _, s in kinds(body) if k == "partial"]
        assert partials == [name], (body, partials)


def test_defended_something_as_a_fragment():
    body = 'Ana Mol on Thursday defended the expulsion of four diplomats as "a last resort".'
    assert [(q.kind, q.text, q.speaker) for q in extract_quotes(body)] == [
        ("partial", "a last resort", "Ana Mol")
    ]
