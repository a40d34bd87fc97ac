"""Families learnt from the twenty-second held-out set (k, looked at on 3 December 2026, session
11): a profile's present tense and whose "she" it is, a wire dateline naming its agency, a deck
under the headline, a name printed surname first, and a participle of saying whose clause has
no auxiliary verb."""

from articles.extraction import extract_quotes


def found(body: str, known=()) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body, known_people=known)]


def speakers_of(body: str, kind: str = "direct") -> dict[str, str | None]:
    return {t: s for k, s, t in found(body) if k == kind}


# A podcast write-up: a host whose first name says nothing to the rules, a guest called "she".
PROFILE = "\n\n".join(
    [
        "The Long Table, episode 12: Ana Lind on the talks",
        "On this week's episode, Ana Lind tells host Owen Marsh why the talks failed.",
        'When Marsh suggests the sides were close, she laughs. "Close? We were never close," '
        "she says.",
        'Marsh pushes her on the ministry\'s role. "Did you want it too much?" he asks.',
        '"Probably," she concedes.',
        '"So who pulled the plug?" Marsh asks.',
        '"The capital did," she says. "Not the delegation."',
    ]
)


def test_a_person_who_pushes_her_is_not_her():
    spoken = speakers_of(PROFILE)
    assert spoken["Close? We were never close"] == "Ana Lind"
    assert spoken["Probably"] == "Ana Lind"
    assert spoken["The capital did"] == "Ana Lind"


def test_a_question_asked_in_the_present_is_the_askers():
    spoken = speakers_of(PROFILE)
    assert spoken["Did you want it too much?"] == "Owen Marsh"
    assert spoken["So who pulled the plug?"] == "Owen Marsh"


def test_an_object_pronoun_after_a_word_ending_in_s_is_no_evidence():
    # "It was her idea": "was" is no verb whose object is somebody else.
    body = (
        "Headline\n\nMaria Holm, the envoy, spoke first. It was her idea to meet in Osk, "
        'officials said. "We needed a neutral place," she said.'
    )
    assert ("direct", "Maria Holm", "We needed a neutral place") in found(body)


def test_a_datelines_agency_is_not_the_speaker():
    body = "\n\n".join(
        [
            'Kurata calls seizure of fishing boat "unacceptable"',
            "KITAURA, March 14 (Kitaura Shimpo) -- Hoshima has lodged a strong protest with "
            "Karsavia over the seizure of a fishing boat, the top government spokesman said "
            'Friday, calling the detention "unacceptable under international law" and a '
            "violation of the crew's rights.",
            "Chief Cabinet Secretary Kurata Shinya told a press conference that the government "
            "had conveyed its position to the ambassador.",
            '"The safety of our citizens is our highest priority," Kurata said.',
        ]
    )
    known = [("Kurata Shinya", ["top government spokesman", "Chief Cabinet Secretary"])]
    items = found(body, known)
    assert ("partial", "Kurata Shinya", "unacceptable under international law") in items
    assert (
        "paraphrase",
        "Kurata Shinya",
        "Hoshima has lodged a strong protest with Karsavia over the seizure of a fishing boat",
    ) in items
    assert not any(s == "Kitaura Shimpo" for _, s, _ in items)


def test_a_headlines_surname_is_the_body_s_name_printed_surname_first():
    body = "\n\n".join(
        [
            'Mizuhara calls the claim "baseless"',
            "Foreign Minister Mizuhara Aya rejected the claim on Friday.",
            '"Our data is clear," Mizuhara said.',
        ]
    )
    assert ("partial", "Mizuhara Aya", "baseless") in found(body)


def test_a_naming_participle_after_the_attribution_keeps_the_clause():
    body = (
        "Headline\n\nThe government has recalled its ambassador, the foreign minister said on "
        'Tuesday, calling the expulsions "a grave provocation".'
    )
    known = [("Lena Brandt", ["foreign minister"])]
    items = found(body, known)
    assert ("paraphrase", "Lena Brandt", "The government has recalled its ambassador") in items
    assert ("partial", "Lena Brandt", "a grave provocation") in items


DECKED = "\n\n".join(
    [
        "State's Frazer Cites Danger of Somalia Attracting Terrorists",
        "Assistant secretary says peace, dialogue urgently needed in Somalia",
        "Washington -- It is urgently important that all parties in Somalia stop any "
        "hostilities, U.S. Assistant Secretary of State Jendayi Frazer told reporters June 21.",
        "Frazer said U.S. policy towards Somalia remains unchanged.",
    ]
)


def test_a_deck_under_the_headline_reports_a_claim():
    assert ("paraphrase", "Jendayi Frazer", "peace, dialogue urgently needed in Somalia") in found(
        DECKED
    )


def test_a_deck_that_is_no_claim_gives_nothing():
    body = DECKED.replace(
        "Assistant secretary says peace, dialogue urgently needed in Somalia",
        "Talks resume as envoy lands in Nairobi",
    )
    assert not any("Nairobi" in t for _, _, t in found(body))


def test_a_remark_dated_by_month_and_day_closes_the_attribution():
    assert (
        "paraphrase",
        "Jendayi Frazer",
        "It is urgently important that all parties in Somalia stop any hostilities",
    ) in found(DECKED)


def test_a_participle_of_saying_before_a_clause_with_a_lexical_verb():
    body = (
        "Headline\n\nAmara Diallo rejected the offer, saying the crackdown made dialogue "
        "impossible.\n\nKofi Mensah welcomed it, saying the military's offer of talks deserves "
        "a hearing."
    )
    items = found(body)
    assert ("paraphrase", "Amara Diallo", "the crackdown made dialogue impossible") in items
    assert (
        "paraphrase",
        "Kofi Mensah",
        "the military's offer of talks deserves a hearing",
    ) in items


def test_saying_before_a_mere_object_is_no_report():
    body = "Headline\n\nAmara Diallo rejected the offer, saying the right things about peace."
    assert found(body) == []


def test_an_unnamed_group_that_acted_then_says():
    body = (
        "Headline\n\nGuinea's political leaders are rejecting that offer, saying the military's "
        "violent repression of dissent makes internal dialogue impossible."
    )
    assert found(body) == [
        (
            "anonymous",
            None,
            "the military's violent repression of dissent makes internal dialogue impossible",
        )
    ]


def test_a_second_participle_with_its_own_subject_is_its_own_claim():
    body = (
        "Headline\n\nReports of the violence differ greatly, with opposition factions saying the "
        "death toll exceeded 700, and the government insisting it was a fraction of that."
    )
    assert found(body) == [
        ("anonymous", None, "the death toll exceeded 700"),
        ("paraphrase", "government", "it was a fraction of that"),
    ]


def test_a_newsletters_per_names_its_source():
    body = "\n\n".join(
        [
            "Headline",
            "The dispute could sink the whole communique, per a senior official involved in the "
            'drafting, who put the odds at "maybe 50-50".',
            "Aides are trying to arrange a meeting on the margins, per two people familiar with "
            "the planning.",
            "The fee is $5 per person, per the ministry.",
            'Negotiators spent 11 hours on the paragraph, per a delegate who was in the room. "We '
            'ordered pizza twice," the delegate said.',
        ]
    )
    items = found(body)
    assert ("anonymous", None, "The dispute could sink the whole communique") in items
    assert ("anonymous", None, "Aides are trying to arrange a meeting on the margins") in items
    assert ("paraphrase", "ministry", "The fee is $5 per person") in items
    assert ("anonymous", None, "We ordered pizza twice") in items


def test_per_as_a_rate_is_no_source():
    body = "Headline\n\nThe fee rose to $5, per person, and the levy to $2, per night."
    assert found(body) == []


def test_a_named_delegate_called_the_delegate_later():
    body = (
        'Headline\n\nAna Lind, the Velmaran delegate, said the text was ready. "We are done," '
        "the delegate said."
    )
    assert ("direct", "Ana Lind", "We are done") in found(body)


def test_a_pseudonym_leaves_a_witness_unnamed():
    body = "\n\n".join(
        [
            "Headline",
            "A 34-year-old mother who asked to be identified only as Lina told researchers that "
            "soldiers arrived in her village at dawn.",
            'An older man, identified in the report only as "Witness 17", said he had watched '
            "from a hillside as his house burned.",
            "A student, who gave her name only as Amaka, said the fees were too high.",
        ]
    )
    items = found(body)
    assert ("anonymous", None, "soldiers arrived in her village at dawn") in items
    assert ("anonymous", None, "he had watched from a hillside as his house burned") in items
    assert not any(t == "Witness 17" for _, _, t in items)
    # A name somebody gives of themselves is a name.
    assert ("paraphrase", "Amaka", "the fees were too high") in items


def headline_items(headline: str, body: str, known=()) -> list[tuple[str, str | None, str]]:
    text = f"{headline}\n\n{body}"
    return [
        (k, s, t)
        for k, s, t in found(text, known)
        if t in headline or t in headline.replace("'", "")
    ]


PANETTA = "Defense Secretary Leon E. Panetta spoke to reporters in Brussels on Thursday."


def test_a_name_a_colon_and_a_claim_is_that_persons_claim():
    assert headline_items("Panetta: NATO at 'Pivotal Point' in Afghan Mission", PANETTA) == [
        ("paraphrase", "Leon E. Panetta", "NATO at Pivotal Point in Afghan Mission"),
        ("partial", "Leon E. Panetta", "Pivotal Point"),
    ]
    assert headline_items("Panetta: NATO Mission Enters New Phase", PANETTA) == [
        ("paraphrase", "Leon E. Panetta", "NATO Mission Enters New Phase")
    ]


def test_a_kicker_or_an_outlet_before_a_colon_is_nobody():
    body = "The Morning Dispatch reports. Defense Secretary Leon E. Panetta flew to Brussels."
    assert headline_items("Morning Dispatch: Summit week opens with a fight", body) == []
    assert headline_items("Analysis: NATO Mission Enters New Phase", PANETTA) == []


def test_says_with_a_colon_and_claims_before_a_clause():
    body = "Defense Secretary William S. Cohen said NATO would go on."
    assert headline_items("Cohen Says: No Peace, No Pause", body) == [
        ("paraphrase", "William S. Cohen", "No Peace, No Pause")
    ]
    army = "Sri Lanka's army said on Monday it had taken the last town."
    assert headline_items("Sri Lanka Claims Rebels Now Cornered in Jungle", army)[0][2] == (
        "Rebels Now Cornered in Jungle"
    )
    for idiom in ("Storm Claims 12 Lives", "Rebels Claim Responsibility for Blast"):
        assert headline_items(idiom, army) == []
    assert headline_items("Rebels Dispute Government Claims of Success", army) == []


def test_a_claim_then_says_and_a_role_or_a_dash_and_a_role():
    body = "State Department spokesman Sean McCormack told reporters the vote should go ahead."
    assert headline_items("Haiti's elections should move forward, says U.S. official", body) == [
        ("paraphrase", "Sean McCormack", "Haiti's elections should move forward")
    ]
    body = "Deputy Foreign Minister Anatol Vershinsky said on Monday that talks could resume."
    assert headline_items(
        "Korvassia ready to resume talks with Lusena — deputy foreign minister", body
    ) == [("paraphrase", "Anatol Vershinsky", "Korvassia ready to resume talks with Lusena")]


def test_a_roles_claim_around_a_fragment_is_whoever_the_body_quotes():
    body = (
        "Minister Rupert Vane defended the licences. The shadow foreign secretary, Helen Marsh, "
        'said the licences were "a stain on our name".'
    )
    items = headline_items("Arms sales to Tarsis 'a stain on our name', says shadow minister", body)
    assert ("paraphrase", "Helen Marsh", "Arms sales to Tarsis a stain on our name") in items


def test_urges_before_what_is_urged():
    body = "The United States on Friday called for an investigation of the killings."
    # (The body's name for the country: "US" is "The United States" the story goes on to name.)
    assert headline_items("US Urges Credible, Transparent Probe of Violence", body) == [
        ("paraphrase", "United States", "Credible, Transparent Probe of Violence")
    ]


def test_said_a_but_he_b_is_two_statements():
    body = (
        "Headline\n\nMr. Carter said he does not know what the incidents were, but he hopes to "
        "have more information on Saturday.\n\nMilosevic is trying to divide the alliance, but "
        "he will not succeed, Cohen added."
    )
    texts = [t for k, _, t in found(body) if k == "paraphrase"]
    assert "he does not know what the incidents were" in texts
    assert "he will not succeed" in texts


def test_said_here_and_a_date_close_a_wire_attribution():
    body = (
        "Headline\n\nWOODBRIDGE, Va., June 2, 1999 – NATO will not pause its air strikes, Defense "
        "Secretary William S. Cohen said here June 1."
    )
    assert found(body) == [
        ("paraphrase", "William S. Cohen", "NATO will not pause its air strikes")
    ]


def test_saying_before_a_clause_in_the_past_and_not_before_an_object():
    body = (
        "Headline\n\nRafael Correa explained his decision late Monday, saying he felt betrayed by "
        "the attack.\n\nAna Lind noted the progress they achieved."
    )
    assert found(body) == [("paraphrase", "Rafael Correa", "he felt betrayed by the attack")]


def test_said_little_is_no_report_of_its_own():
    body = (
        "Headline\n\nThe meeting lasted three hours. Mr. Carter said little and spent most of "
        "it listening."
    )
    assert not any(t.startswith("little") for _, _, t in found(body))


def test_shaikh_is_an_honorific_before_a_name():
    body = (
        "Headline\n\nBahraini Defense Minister Shaikh Salman bin Hamad Al-Khalifa met "
        'reporters. "There is always a risk," Shaikh Salman said.'
    )
    assert ("direct", "Salman bin Hamad Al-Khalifa", "There is always a risk") in found(body)


def test_adding_before_a_clause_with_an_auxiliary_and_not_before_a_thing():
    body = (
        "Headline\n\nPresident Bush called Vicente Fox a patriot, adding the United States is "
        "proud to stand by his side.\n\nAna Lind read the figures, adding the totals to the "
        "report."
    )
    assert found(body) == [
        ("paraphrase", "Bush", "the United States is proud to stand by his side")
    ]


def test_said_following_a_meeting_closes_the_attribution():
    body = (
        "Headline\n\nWASHINGTON, May 21, 2003 – Bahrain welcomes U.S. leadership in the "
        "struggle, Defense Minister Ana Lind said following a meeting at the Pentagon today."
    )
    assert found(body) == [
        ("paraphrase", "Ana Lind", "Bahrain welcomes U.S. leadership in the struggle")
    ]


def test_an_expressed_hope_is_its_clause_and_a_concern_is_not():
    body = (
        "Headline\n\nVicente Fox arrived on Tuesday. At the ceremony, Mr. Fox expressed the hope "
        "they could find a solution by the end of the year.\n\nCondoleezza Rice expressed "
        "concern that the talks had stalled."
    )
    assert found(body) == [
        ("paraphrase", "Vicente Fox", "they could find a solution by the end of the year")
    ]


def test_the_shaikh_is_the_person_of_that_title():
    body = (
        "Headline\n\nBahraini Defense Minister Shaikh Salman bin Hamad Al-Khalifa met Donald H. "
        "Rumsfeld. The shaikh told reporters that Bahrain is committed to the effort."
    )
    assert found(body) == [
        ("paraphrase", "Salman bin Hamad Al-Khalifa", "Bahrain is committed to the effort")
    ]


def test_they_after_an_unnamed_group_in_a_joined_clause_stays_unnamed():
    body = (
        "Headline\n\nMr. Carter made no comments as he left, but several dissident leaders spoke "
        "with reporters. They said Mr. Carter said little and spent the meeting listening."
    )
    assert found(body) == [
        ("anonymous", None, "Mr. Carter said little and spent the meeting listening")
    ]
