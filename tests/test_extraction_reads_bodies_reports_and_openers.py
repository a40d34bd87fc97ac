"""Families learnt from the twenty-fourth held-out set (o, looked at on 3 December 2026, session
12): bodies named in full once and then by one word (a factbox's heading, a headline's "Committee
says"), a body that belongs to another ("the Assembly's Foreign Affairs Committee"), a report
whose author an earlier sentence names, an opening "As for ..." clause, a second statement after
", noting that" or ", calling on ... to", and an unnamed source's pronoun once someone of that
gender has been named since."""

from articles.extraction import extract_quotes


def found(body: str, known=()) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body, known_people=known)]


def speaker_of(body: str, text: str) -> str | None:
    return next(s for _, s, t in found(body) if t == text)


# --- Bodies, by their full name and by one word ---


def test_a_factbox_heading_names_the_body_its_entries_call_by_one_word():
    body = "\n\n".join(
        [
            "FACTBOX-World reacts to the Orsk truce",
            "Governments and aid groups reacted on Monday to the truce.",
            "INTERNATIONAL RELIEF FEDERATION",
            "- The Federation said in a statement that at least 310,000 people had fled the "
            "border districts since October.",
            "WORLD FOOD COUNCIL",
            "- The Council said it would send 40 lorries of flour before the end of the week.",
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["at least 310,000 people had fled the border districts since October"] == (
        "International Relief Federation"
    )
    assert said["it would send 40 lorries of flour before the end of the week"] == (
        "World Food Council"
    )


def test_a_heading_that_names_no_body_names_no_speaker():
    body = "\n\n".join(
        [
            "FACTBOX-World reacts to the Orsk truce",
            "Governments reacted on Monday to the truce.",
            "THE BIG PICTURE",
            "- The Federation said at least 310,000 people had fled since October.",
        ]
    )
    assert speaker_of(body, "at least 310,000 people had fled since October") == "Federation"


def test_a_headlines_one_word_body_is_the_body_the_story_names_in_full():
    body = "\n\n".join(
        [
            "Committee says embassy staff were left 'exposed' in evacuation",
            "In a report published on Thursday, the Foreign Affairs Committee said the "
            "department had no workable plan for local staff.",
        ]
    )
    assert speaker_of(body, "exposed") == "Foreign Affairs Committee"


def test_a_body_that_belongs_to_another_speaks_for_itself():
    body = (
        "Headline\n\nThe Assembly's Foreign Affairs Committee said the department had no "
        "workable plan for the staff."
    )
    assert found(body) == [
        (
            "paraphrase",
            "Foreign Affairs Committee",
            "the department had no workable plan for the staff",
        )
    ]


def test_a_ministry_whose_name_holds_and_is_one_body_not_unnamed_people():
    body = (
        "Headline\n\nThe Ministry of Foreign Affairs and Expatriates said the talks had been "
        "held in a positive atmosphere."
    )
    assert speaker_of(body, "the talks had been held in a positive atmosphere") == (
        "Ministry of Foreign Affairs and Expatriates"
    )
    # A claim that a named body shares with people it leaves unnamed is still nobody's.
    shared = "Headline\n\nBoth the government and Tamil rebels say the truce is holding."
    assert speaker_of(shared, "the truce is holding") is None


def test_a_body_named_to_the_pentagon_is_no_part_of_the_pentagons_name():
    body = "\n\n".join(
        [
            "Sweden applies to join NATO",
            "Secretary of Defense Lloyd J. Austin III hosted an honor cordon at the Pentagon "
            "for Swedish Defense Minister Peter Hultqvist.",
            "Things have changed since Sweden's neutrality, said Hultqvist.",
            '"This is a time when the democracies must stand together," he said.',
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["Things have changed since Sweden's neutrality"] == "Peter Hultqvist"
    assert said["This is a time when the democracies must stand together"] == "Peter Hultqvist"


def test_a_republic_ends_the_country_before_the_presidents_name():
    body = "\n\n".join(
        [
            "Headline",
            "H.E. President of the Republic Nizar Farid Saadeh received Minister Vellinger.",
            'President Saadeh affirmed that Hamrat "will not bargain over its sovereignty".',
        ]
    )
    assert speaker_of(body, "will not bargain over its sovereignty") == "Nizar Farid Saadeh"


def test_a_broadcasts_name_is_no_person():
    body = "\n\n".join(
        [
            "Headline",
            "Corinna van Heemstra, the high commissioner, said the proposal was welcome.",
            "Correspondent Losana Teiwaki, speaking to the Morning Tide programme, said the "
            "mood was anxious.",
            "She said many had not seen the draft.",
        ]
    )
    assert speaker_of(body, "many had not seen the draft") == "Losana Teiwaki"


def test_a_samoan_honorific_is_no_part_of_the_name():
    body = (
        "Headline\n\nPrime Minister Afioga Kaitu Fesola Amituana'i told reporters no "
        "agreement had been signed."
    )
    assert speaker_of(body, "no agreement had been signed") == "Kaitu Fesola Amituana'i"


# --- Reports ---

REPORT = "\n\n".join(
    [
        "Headline",
        "In a report published on Thursday, the Foreign Affairs Committee said the department "
        "had 'no workable plan' for the staff.",
        "The report, titled 'Left at the Gate', says: 'Staff were told to wait for a telephone "
        "call that never came.'",
        "According to the report, the emergency contact list had not been updated since 2019.",
    ]
)


def test_a_report_speaks_for_the_body_an_earlier_sentence_says_published_it():
    said = {t: s for _, s, t in found(REPORT)}
    assert said["Staff were told to wait for a telephone call that never came."] == (
        "Foreign Affairs Committee"
    )
    assert said["the emergency contact list had not been updated since 2019"] == (
        "Foreign Affairs Committee"
    )


def test_a_report_nobody_is_said_to_have_published_is_nobodys():
    body = "Headline\n\nAccording to the report, the contact list had not been updated."
    assert found(body) == []


def test_a_quotation_with_its_own_speaker_is_not_the_reports_claim():
    body = "\n\n".join(
        [
            "Headline",
            "Lantern Watch published a report on Monday.",
            "A mother who asked to be identified only as Lina told researchers that soldiers "
            "came at dawn.",
            '"They did not shout," she said, according to the report.',
        ]
    )
    assert [(k, s) for k, s, t in found(body) if "shout" in t] == [("anonymous", None)]


def test_what_it_said_is_the_subject_of_the_clause_not_the_person_criticised():
    body = "\n\n".join(
        [
            "Headline",
            "Opposition candidate Kumba Yala won a 2000 run-off.",
            'The ministry criticized Yala for what it said were "serious accusations without '
            'evidence".',
        ]
    )
    assert speaker_of(body, "serious accusations without evidence") == "ministry"


# --- Clauses that open or follow the report ---


def test_an_opening_as_for_clause_is_not_the_subject():
    body = "\n\n".join(
        [
            "Headline",
            "As for whether the United States would cooperate with an inquiry into the "
            "departure of former Haitian President Jean-Bertrand Aristide, Boucher said such an "
            'investigation is "hypothetical at this point," adding: "We don\'t think it is '
            'necessary."',
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["such an investigation is hypothetical at this point"] == "Boucher"
    assert said["We don't think it is necessary."] == "Boucher"


def test_a_participle_after_an_interrupting_attribution_is_a_second_statement():
    body = (
        "Headline\n\nThe United States strongly supports Sweden's application, Austin said, "
        "noting that the militaries of both nations routinely train together."
    )
    assert found(body) == [
        ("paraphrase", "Austin", "The United States strongly supports Sweden's application"),
        ("paraphrase", "Austin", "the militaries of both nations routinely train together"),
    ]


def test_calling_on_someone_to_act_reports_the_demand():
    body = "\n\n".join(
        [
            "Headline",
            "Minister Samir al-Haddad met the envoy on Monday.",
            "He said the measures had hindered the return of refugees, calling on the "
            'international community to "shoulder its responsibilities" in this regard.',
            "He was in Nyeri on Monday, calling on local elders to drum up support.",
        ]
    )
    said = {t: (k, s) for k, s, t in found(body)}
    assert said["shoulder its responsibilities in this regard"] == ("paraphrase", "Samir al-Haddad")
    assert said["shoulder its responsibilities"] == ("partial", "Samir al-Haddad")
    # A visit is no demand: with no report before it, "calling on" says nothing.
    assert "drum up support" not in said


def test_affirming_and_estimates_report_a_clause():
    body = "\n\n".join(
        [
            "Headline",
            'Minister al-Haddad stressed coordination, affirming that Hamrat "has always '
            'extended its hand".',
            "The European Union estimates turnout on Sunday was about 60 percent.",
            "An estimated 300 people fled.",
        ]
    )
    said = {t: (k, s) for k, s, t in found(body)}
    assert said["Hamrat has always extended its hand"] == ("paraphrase", "al-Haddad")
    assert said["turnout on Sunday was about 60 percent"] == ("paraphrase", "European Union")
    assert len(said) == 3


def test_a_conjunction_after_the_clause_opens_no_attribution():
    body = "\n\n".join(
        [
            "Headline",
            "Helena da Rocha has led the talks since 2022.",
            'Then, more quietly, she says the two sides are "closer than the newspapers think", '
            "though she will not say on what.",
            "Colleagues call her \u201cthe Abbess\u201d, a nickname she claims to dislike.",
        ]
    )
    said = {t: (k, s) for k, s, t in found(body)}
    assert said["the two sides are closer than the newspapers think"] == (
        "paraphrase",
        "Helena da Rocha",
    )
    assert not any("Abbess" in t for t in said)


def test_an_interviewers_address_names_who_they_ask_not_who_estimated():
    body = (
        "Headline\n\nAnchor: Dr. Okafor, your institute, the Institute for Labour Studies, "
        "estimated last month that the scheme would cut growth. Is that a price worth paying?"
    )
    assert speaker_of(body, "the scheme would cut growth") == "Institute for Labour Studies"


# --- An unnamed source's pronoun ---

PROFILE = "\n\n".join(
    [
        "Headline",
        "Helena da Rocha is Lusetia's longest-serving ambassador.",
        "A diplomat who asked not to be named because the talks are confidential puts it "
        'bluntly. "She will wait until you are hungry," the diplomat says.',
        'The diplomat adds that da Rocha is "the best-prepared person in any room".',
        "The ministry said in a written response that da Rocha enjoys its full confidence.",
        'Asked about a deadline, she laughs. "Do you know how many deadlines I have outlived?" '
        "she says.",
    ]
)


def test_a_pronoun_after_a_person_of_its_gender_named_since_the_unnamed_source_is_theirs():
    assert speaker_of(PROFILE, "Do you know how many deadlines I have outlived?") == (
        "Helena da Rocha"
    )
    assert speaker_of(PROFILE, "She will wait until you are hungry") is None


def test_a_person_named_in_the_unnamed_sources_own_sentence_does_not_take_the_pronoun():
    body = "\n\n".join(
        [
            "Headline",
            "President Dario Velasco claimed victory on Sunday.",
            "A taxi driver near the market said he had voted for Velasco but wanted a recount. "
            '"If they won, they won," he said.',
        ]
    )
    assert speaker_of(body, "If they won, they won") is None


def test_the_name_an_unnamed_person_gave_takes_the_pronoun():
    body = "\n\n".join(
        [
            "Headline",
            "Residents said they did not trust either side. A schoolteacher in Kessel, who gave "
            "her name only as Irena, said the shelling had stopped.",
            '"We sleep in our clothes," she said.',
        ]
    )
    assert speaker_of(body, "We sleep in our clothes") == "Irena"


def test_an_unnamed_persons_pronoun_is_not_a_person_named_in_its_own_apposition():
    body = "\n\n".join(
        [
            "Headline",
            "The same sources said a visit was under consideration.",
            "Meanwhile, the spokesman of the Ministry of Foreign Affairs, His Excellency Sultan "
            "bin Ahmed Al Jaraidi, denied the reports. He said any decision would be announced "
            "through official channels.",
        ]
    )
    assert speaker_of(body, "any decision would be announced through official channels") == (
        "Sultan bin Ahmed Al Jaraidi"
    )


# --- Names of bodies that run over "in" or a list, and subjects out of their usual place ---


def test_a_bodys_name_may_run_over_in_and_its_short_forms_mean_it():
    body = "\n\n".join(
        [
            "Headline",
            'The Crisis in Zimbabwe Coalition said it was "perturbed" by the allegations.',
            "The Crisis Coalition statement said its accounts had been audited.",
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["perturbed"] == "Crisis in Zimbabwe Coalition"
    assert said["its accounts had been audited"] == "Crisis in Zimbabwe Coalition"


def test_a_ministrys_field_may_be_a_list():
    body = (
        "Headline\n\nThe Tsukai Ministry of Economy, Trade and Commerce said it had approved 14 "
        "export applications."
    )
    assert speaker_of(body, "it had approved 14 export applications") == (
        "Tsukai Ministry of Economy, Trade and Commerce"
    )


def test_a_subject_after_its_verb_is_the_subject():
    body = "\n\n".join(
        [
            "Headline",
            "Helena Marsh-Adeyemi, the relief chief, said only 41 convoys had arrived.",
            "Also briefing the Council was Nadira Sulevic, director of a clinic, who said it had "
            'no insulin. "We are asking for the road," she said.',
        ]
    )
    assert speaker_of(body, "We are asking for the road") == "Nadira Sulevic"


def test_a_name_apposed_to_an_opening_clauses_lawyer_is_not_the_speaker():
    body = "\n\n".join(
        [
            "Headline",
            "Mr Brenkovic denied any wrongdoing. In a statement issued through his lawyer, Petra "
            "Lind, he said he had never discussed the tender.",
            "On Capitol Hill, Sen. Marla Quint, the top Republican on the committee, said the "
            "response was timid.",
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["he had never discussed the tender"] == "Brenkovic"
    assert said["the response was timid"] == "Marla Quint"


# --- Verbs and clause shapes ---


def test_made_clear_reports_a_clause():
    body = "Headline\n\nDeputy Minister Ismel Hurreh made clear that the government would act."
    assert found(body) == [("paraphrase", "Ismel Hurreh", "the government would act")]


def test_an_aside_may_open_the_clause_after_that():
    body = (
        "Headline\n\nMinister Hurreh acknowledged that, so far, only the opposition has presented "
        "its ideas."
    )
    assert found(body) == [
        ("paraphrase", "Hurreh", "so far, only the opposition has presented its ideas")
    ]


def test_a_call_may_name_its_day_before_what_is_called_for():
    body = "Headline\n\nSecretary General Ban Ki-moon called Friday for any differences to end."
    assert found(body) == [("paraphrase", "Ban Ki-moon", "any differences to end")]


def test_a_refusal_in_the_present_is_the_speakers_next_act():
    body = (
        "Headline\n\nThe minister, Ibrahim Konsega, assures that the closure is temporary, but "
        "refuses to give a date."
    )
    assert found(body) == [("paraphrase", "Ibrahim Konsega", "the closure is temporary")]


def test_a_media_director_is_a_named_person_and_local_media_are_unnamed():
    body = "\n\n".join(
        [
            "Headline",
            "Army media director Brigadier Udaya Nanyakkara tells VOA News the rebels are "
            "cornered.",
            "Local media said the talks had failed.",
        ]
    )
    assert found(body) == [
        ("paraphrase", "Udaya Nanyakkara", "the rebels are cornered"),
        ("anonymous", None, "the talks had failed"),
    ]


def test_a_subjects_aside_with_while_does_not_split_the_sentence():
    body = "\n\n".join(
        [
            "Headline",
            "Foreign Minister Shah Qureshi, while making the announcement told reporters "
            "Islamabad is optimistic the dialogue will resume.",
            "Minister Hart said the talks failed, while Minister Lena Vell said they had "
            "succeeded.",
            "Two journalists were arrested, according to Reporters Without Borders, while two "
            "others were sentenced.",
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["Islamabad is optimistic the dialogue will resume"] == "Shah Qureshi"
    assert said["the talks failed"] == "Hart"
    assert said["they had succeeded"] == "Lena Vell"
    assert said["Two journalists were arrested"] == "Reporters Without Borders"


def test_told_a_broadcaster_then_a_number_opens_the_clause():
    body = (
        "Headline\n\nBrigadier Udaya Nanayakkara tells VOA News two Army divisions moving from "
        "opposite directions have joined together."
    )
    assert found(body) == [
        (
            "paraphrase",
            "Udaya Nanayakkara",
            "two Army divisions moving from opposite directions have joined together",
        )
    ]


def test_the_narrators_own_clause_after_and_i_is_not_reported():
    body = (
        "Headline\n\nSecretary General Odile Farran called me and assured me that the Council "
        "stands with us, and I believe her."
    )
    assert found(body) == [("paraphrase", "Odile Farran", "the Council stands with us")]


def test_a_participle_after_a_quoted_fragments_closing_mark_is_a_second_statement():
    body = (
        'Headline\n\nMinister Ahmed Kesra said the rules would be reviewed "within weeks," noting '
        "that they had been introduced after a seizure."
    )
    said = {t: (k, s) for k, s, t in found(body)}
    assert said["they had been introduced after a seizure"] == ("paraphrase", "Ahmed Kesra")
    assert said["within weeks"] == ("partial", "Ahmed Kesra")


def test_a_title_in_apposition_after_a_name_is_hers_later():
    body = "\n\n".join(
        [
            "Headline",
            "Ingrid Aalvik, the health minister, visited the ward.",
            "The health minister said the ward would stay open.",
        ]
    )
    assert found(body) == [("paraphrase", "Ingrid Aalvik", "the ward would stay open")]
    # Not a subject after an opening clause that ends in a name.
    subject = "\n\n".join(
        [
            "Headline",
            "Bahraini Defense Minister Shaikh Salman bin Hamad said terror was the enemy.",
            "After a session with Defense Secretary Donald H. Rumsfeld, the shaikh told reporters "
            "that Bahrain is committed to the fight.",
        ]
    )
    assert ("paraphrase", "Salman bin Hamad", "Bahrain is committed to the fight") in found(subject)


# --- Misreadings a review found in the rules above (inputs written by the reviewer) ---


def test_an_unnamed_sources_pronoun_is_not_a_person_the_source_talked_about():
    for body in [
        "A spokesman for the army said troops had killed the rebel leader, Joseph Kony. He said "
        "the operation lasted three days.",
        "A police officer told reporters that the suspect, John Kamau, had fled to Uganda. He "
        "said the search would continue.",
        "A senior official said the cabinet would meet on Monday. He said Mr John Mbadi, the "
        'finance minister, would present the budget. "It will be close," he said.',
    ]:
        assert {s for _, s, _ in found("Headline\n\n" + body)} == {None}, body


def test_according_to_the_report_needs_a_report_introduced_earlier():
    reporters = (
        "Headline\n\nPresident William Ruto told reporters on Monday that the economy was "
        "recovering. According to the report, unemployment rose to 12 percent."
    )
    assert [t for _, _, t in found(reporters)] == ["the economy was recovering"]
    mentioned = (
        "Headline\n\nMinister Ruth Kamau said the report would be published in June. According "
        "to the report, which was leaked to the BBC, the dam was unsafe."
    )
    assert [t for _, _, t in found(mentioned)] == ["the report would be published in June"]


def test_what_he_said_were_is_the_person_named_before_it():
    body = (
        "Headline\n\nProsecutor Jane Wambui charged Mr Peter Otieno over what he said were "
        '"harmless jokes" on social media.'
    )
    assert speaker_of(body, "harmless jokes") == "Peter Otieno"


def test_a_heading_about_a_body_is_not_its_name():
    body = "\n\n".join(
        [
            "Headline",
            "The dams were built in 1990.",
            "WHAT THE COMMITTEE FOUND",
            "The committee said the dams had not been inspected since 2015.",
            "HEALTH MINISTRY RESPONDS",
            "The ministry said new doctors would be hired.",
            "UN SECURITY COUNCIL",
            "- The Council said it would meet again.",
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["the dams had not been inspected since 2015"] == "committee"
    assert said["new doctors would be hired"] == "ministry"
    assert said["it would meet again"] == "UN Security Council"


def test_a_name_before_the_verbs_show_or_broadcast_is_a_person():
    body = "\n\n".join(
        [
            "Headline",
            "John Mahama broadcast a message to the nation on Sunday. He said the curfew would "
            "end on Monday.",
            "Figures compiled by Mark Vosloo show support is falling. Vosloo said the party was "
            "in trouble.",
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["the curfew would end on Monday"] == "John Mahama"
    assert said["the party was in trouble"] == "Mark Vosloo"


def test_a_name_before_your_predecessor_is_who_said_it():
    body = (
        "Headline\n\nINTERVIEWER: Theresa May, your predecessor, said Brexit meant Brexit. Do "
        "you agree?"
    )
    assert found(body) == [("paraphrase", "Theresa May", "Brexit meant Brexit")]


def test_a_headlines_body_is_the_one_the_story_has_speak():
    body = (
        "Party says it will boycott vote\n\nThe Labour Party won the seat in 2019. The Reform "
        "Party said on Monday it would boycott the vote."
    )
    assert {s for _, s, _ in found(body)} == {"Reform Party"}


def test_estimated_after_a_possessive_is_an_adjective():
    assert found("Headline\n\nKenya's estimated population is 55 million.") == []


def test_a_body_with_and_in_its_name_shares_a_claim_with_unnamed_people():
    body = (
        "Headline\n\nBoth the Ministry of Foreign Affairs and Trade and opposition lawmakers say "
        "the treaty is flawed."
    )
    assert found(body) == [("anonymous", None, "the treaty is flawed")]


def test_scare_quotes_before_according_to_do_not_make_a_quotation():
    body = (
        'Headline\n\nThe "special unit" was disbanded in 2019, the ministry said, according to '
        "local media."
    )
    assert ("paraphrase", "ministry", "The special unit was disbanded in 2019") in found(body)
    arakawa = (
        'Headline\n\nMinister Kenji Arakawa said Tsukai "will explain its position" at the '
        "meeting, according to the ministry."
    )
    assert {s for _, s, _ in found(arakawa)} == {"Kenji Arakawa"}


def test_an_office_named_after_its_holder_is_the_office():
    body = "Headline\n\nThe Office of President Ruto said the trip had been cancelled."
    assert found(body) == [
        ("paraphrase", "Office of President Ruto", "the trip had been cancelled")
    ]


def test_claimed_to_reporters_reports_and_claims_to_dislike_does_not():
    claimed = "Headline\n\nThe rebels seized the town, the group claimed to reporters on Monday."
    assert [t for _, _, t in found(claimed)] == ["The rebels seized the town"]
    dislike = "Headline\n\nColleagues call her the Abbess, a nickname she claims to dislike."
    assert found(dislike) == []
