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


def test_a_subheading_in_marks_between_paragraphs_is_not_a_quote():
    for heading in ("'Witch hunt'", '"Not for sale"', "“A Long Winter”"):
        body = (
            "Gael Marchetti spent the morning answering questions about the audit.\n\n"
            f"{heading}\n\n"
            "The committee will publish its findings next month, the clerk's office said."
        )
        assert quoted(body) == [], heading


def test_names_in_a_headline_or_subheading_are_not_speakers():
    body = (
        "Harbour Board Chief: Port Plan 'Too Costly'\n\n"
        "The report was released on Tuesday.\n\n"
        "He says the plan would cost more than the port earns in a decade."
    )
    assert [q.speaker for q in extract_quotes(body)] == []
    body = (
        "Talks Resume in Sallow\n\n"
        "Delegations met again on Friday after a week's pause.\n\n"
        "Northern Water Pact\n\n"
        "Irina Volkhova led the Velmoran side. She said a draft could be ready by spring."
    )
    assert [(q.text, q.speaker) for q in extract_quotes(body)] == [
        ("a draft could be ready by spring", "Irina Volkhova")
    ]


def test_a_term_before_a_later_clauses_attribution_is_not_that_speakers_fragment():
    for body in (
        'Backers of the "Yes" campaign gathered outside, and Lena Hart said the vote was close.',
        'The front page read "Betrayed", but Casimir Vell said the editors were wrong.',
        'Fans of the "Green Wave" filled the square, while Ana Okafor said turnout was low.',
    ):
        assert quoted(body) == [], body
    assert quoted('"A disgrace," and nothing more, Lena Hart said of the ruling.') != []


def test_the_thing_described_in_marks_is_not_the_description():
    for body in (
        'Lena Hart described the "Velmora model" as a failure.',
        'Casimir Vell regards the "grand bargain" as dead.',
        'Ana Okafor sees the "reset" as a trap.',
    ):
        assert quoted(body) == [], body
    assert quoted('Lena Hart described the plan as "a failure".') == [("a failure", "Lena Hart")]


def test_a_label_going_round_is_not_a_quotation():
    body = (
        "Party commentators have taken to calling the result the 'revolt of the bankers'. "
        'Analysts call the district the "rust crescent", and what critics call the "Vell '
        'doctrine" is now policy. The bridge, widely known as "the Needle", reopened.'
    )
    assert extract_quotes(body) == []


def test_a_named_speakers_label_with_a_or_their_words_stay_quotations():
    body = (
        'Lena Hart called the plan "a betrayal of the north". Unnamed officials called the '
        'offer "a trap".'
    )
    assert [(q.kind, q.speaker) for q in extract_quotes(body)] == [
        ("partial", "Lena Hart"),
        ("anonymous", None),
    ]


def test_a_one_word_term_after_a_verb_of_going_is_the_reporters():
    body = (
        'Rafael Cruz said roughly one ship in eight now sails "dark" for part of the journey. '
        'Hart said the account went "viral" overnight and that the talks had been "useful".'
    )
    partial = [q.text for q in extract_quotes(body) if q.kind == "partial"]
    assert partial == ["useful"]


def test_words_a_printed_surface_says_or_reads_are_not_a_quote():
    bodies = [
        'The Herald\'s front page simply said "The end of an era".',
        'Outside the embassy, a banner read "Hands off our river" and the crowd grew.',
        'A sign at the border crossing says "Welcome to Sarnland", Lena Hart noted.',
        "The placards read 'No deal without a vote'.",
    ]
    for body in bodies:
        assert quoted(body) == [], body


def test_a_name_given_to_something_is_no_quotation():
    body = (
        'A mediation round in January, dubbed "the last chance talks" by local newspapers, ended '
        'without agreement. The so-called "magnet war" went on.'
    )
    assert extract_quotes(body) == []


def test_a_name_remembered_or_known_as_is_no_quotation():
    body = (
        'Ana Vell recalled that a lease talk in the 1990s, remembered in Ilvar as "the summer of '
        'the cables", had collapsed.'
    )
    assert all(q.kind != "partial" for q in extract_quotes(body))


def test_a_questions_topic_with_an_adjective_is_the_askers_words():
    body = (
        'When asked about the current "political crisis" in Ukraine, in which the President has '
        "disbanded Parliament, Ivan Petrenko told reporters that it was not a crisis."
    )
    assert "political crisis" not in {q.text for q in extract_quotes(body)}


def test_a_slogan_named_after_its_marks_is_no_quotation():
    body = 'Ana Mol spoke. She repeated her "Aldoria first" slogan at the rally.'
    assert extract_quotes(body) == []


def test_a_vessels_name_and_a_policys_name_in_marks():
    body = (
        'Kroll demanded that the frigate "Ostwind" be sent at once. The government\'s line of '
        '"strategic patience" is under pressure, Ana Lund said.'
    )
    assert quoted(body) == []


def test_a_slogan_after_a_comma_a_billed_name_a_doctrine_and_a_word_held_at_a_distance():
    body = (
        'Ekdahl repeated her slogan, "Steady hands, open doors". Osei-Larsen said the airfield was '
        'leased for what was billed as a "training partnership". Lukas Fenn said the '
        '"active neutrality" doctrine was unchanged. Prisoners must confess. Those "admissions," '
        "the website says, will later be published."
    )
    assert quoted(body) == []
