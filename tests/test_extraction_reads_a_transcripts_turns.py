"""A broadcast transcript's turns by a named guest or a recorded clip are that person's own words,
quotation marks or not; the programme's own voices are not sources."""

from articles.extraction import extract_quotes

TRANSCRIPT = """PRESENTER: Tarsia expelled two diplomats. Our correspondent Mara Lind-Okoye reports.

MARA LIND-OKOYE: The foreign ministry says the two were spies.

PRESENTER: With me is the ambassador, Radu O'Callaghan-Vescu.

RADU O'CALLAGHAN-VESCU: Our ambassador was shown a folder for twenty minutes. It is theatre.

PRESENTER: The minister, Ilse ter Horst, spoke this morning.

ILSE TER HORST (RECORDING): We have shown the evidence to every member state.

O'CALLAGHAN-VESCU: It sounds like what it is.
"""


def turns() -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(TRANSCRIPT) if q.kind == "direct"]


def test_a_guests_and_a_recorded_speakers_turns_are_direct_quotes():
    assert turns() == [
        (
            "Our ambassador was shown a folder for twenty minutes. It is theatre.",
            "Radu O'Callaghan-Vescu",
        ),
        ("We have shown the evidence to every member state.", "Ilse ter Horst"),
        ("It sounds like what it is.", "Radu O'Callaghan-Vescu"),
    ]


def test_the_presenter_and_the_correspondent_are_not_sources():
    said = [text for text, _ in turns()]
    assert not any("spies" in text or "expelled" in text for text in said)
    assert all(speaker != "Mara Lind-Okoye" for _, speaker in turns())


def test_a_label_the_article_never_names_gives_nothing():
    assert extract_quotes("NOTE: The figures are provisional and may change.") == []


def test_a_clip_labelled_with_its_speaker_is_theirs():
    body = (
        "HOST (DARRAGH MULVEY): The port is closed. The union's Con O'Riordan warned of this.\n\n"
        "CLIP (CON O'RIORDAN): We wrote to the authority in March. We said the wall was moving.\n\n"
        "HOST (DARRAGH MULVEY): And the minister, Sinead de Burca, spoke in parliament.\n\n"
        "CLIP (SINEAD DE BURCA, IN PARLIAMENT): I want to know why the wall was allowed to crack.\n"
    )
    assert turns_of(body) == [
        ("We wrote to the authority in March. We said the wall was moving.", "Con O'Riordan"),
        ("I want to know why the wall was allowed to crack.", "Sinead de Burca"),
    ]


def turns_of(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(body) if q.kind == "direct"]


PODCAST = (
    "HOST (NADIA BRANNIGAN): With me are Dr. Ines Castro, a hydrologist, and Lukas van Aalst, "
    "who led the last round of treaty talks.\n\n"
    "GUEST (INES CASTRO): The river was low anyway, so the drop is closer to twelve per cent.\n\n"
    'VAN AALST: The treaty says neither side may "appreciably reduce" the flow without '
    "consultation.\n\n"
    "HOST: You said last year, when you left the job, that the treaty was "
    '"a fair-weather document".\n'
)


def test_a_guests_label_and_a_turn_quoting_a_document_are_the_guests_words():
    quotes = {q.text: q.speaker for q in extract_quotes(PODCAST) if q.kind == "direct"}
    assert quotes["The river was low anyway, so the drop is closer to twelve per cent."] == (
        "Ines Castro"
    )
    assert quotes[
        'The treaty says neither side may "appreciably reduce" the flow without consultation.'
    ] == ("Lukas van Aalst")


def test_you_is_whoever_spoke_the_turn_before_and_nobody_outside_a_transcript():
    items = {(q.kind, q.text, q.speaker) for q in extract_quotes(PODCAST)}
    assert ("paraphrase", "the treaty was a fair-weather document", "Lukas van Aalst") in items
    assert ("partial", "a fair-weather document", "Lukas van Aalst") in items
    assert extract_quotes('You said last year that the treaty was "a fair-weather document".') == []


def test_a_vox_pop_is_an_unnamed_source_and_so_are_drivers_spoken_to():
    body = (
        "REPORTER (Nadia Pryce): Drivers I've spoken to say they were given no warning at all.\n\n"
        "VOX POP (LORRY DRIVER): I've been sat here since ten last night. It's a disgrace.\n\n"
        "NEWSREADER: It's understood that the ferry operator is considering cancelling "
        "sailings. Polls suggest the town is divided. Farmers who use the port say they'll "
        "protest tomorrow."
    )
    assert [(q.kind, q.text, q.speaker) for q in extract_quotes(body)] == [
        ("anonymous", "they were given no warning at all", None),
        ("anonymous", "I've been sat here since ten last night. It's a disgrace.", None),
        ("anonymous", "the ferry operator is considering cancelling sailings", None),
        ("anonymous", "they'll protest tomorrow", None),
    ]


def test_you_after_a_vox_pop_is_the_named_guest_before_it():
    body = (
        "HOST: With me is Dr. Ines Castro, a hydrologist at the Varrow Institute.\n\n"
        "GUEST (INES CASTRO): The river was low anyway, so the drop is smaller.\n\n"
        "VOX POP (FARMER): We have not seen water like this in years.\n\n"
        'HOST: You said last year that the treaty was "a fair-weather document".\n'
    )
    items = {(q.kind, q.text, q.speaker) for q in extract_quotes(body)}
    assert ("partial", "a fair-weather document", "Ines Castro") in items


def test_an_interviews_answers_are_the_interviewees_and_its_questions_are_nobodys():
    body = (
        "Interview: Noor Halvard on the runoff\n\n"
        "Noor Halvard has been foreign minister since January. Critics such as Tomas Rell say "
        "she is too cautious. Halvard spoke to the Velmora Review on Wednesday.\n\n"
        "Q: Minister, will Velmora recognise the result, whoever wins?\n\n"
        "A: We will recognise a result that reflects the will of the voters.\n\n"
        'Q: In March you said sanctions were "not on the table". Diplomats say your ambassador '
        "meets both campaigns.\n\n"
        "A: Talking to both candidates is the opposite of interference."
    )
    assert [(q.kind, q.text, q.speaker) for q in extract_quotes(body)] == [
        ("paraphrase", "she is too cautious", "Tomas Rell"),
        (
            "direct",
            "We will recognise a result that reflects the will of the voters.",
            "Noor Halvard",
        ),
        ("paraphrase", "sanctions were not on the table", "Noor Halvard"),
        ("partial", "not on the table", "Noor Halvard"),
        ("anonymous", "your ambassador meets both campaigns", None),
        ("direct", "Talking to both candidates is the opposite of interference.", "Noor Halvard"),
    ]


def test_an_interview_headline_names_who_answers_and_an_explainer_has_nobody():
    body = (
        "Interview: Ana Lund on the port\n\n"
        "Ana Lund, the mayor of Tarnmouth, answered our questions.\n\n"
        "Q: Will the port close?\n\nA: Not while I am mayor, and not after."
    )
    [answer] = extract_quotes(body)
    assert (answer.kind, answer.speaker) == ("direct", "Ana Lund")
    explainer = body.replace("Interview: Ana Lund on the port", "The port explained")
    assert extract_quotes(explainer) == []


def test_australian_labels_name_and_describe_the_speaker_and_the_reporter_is_no_source():
    body = (
        "NATALIE PRICE, PRESENTER: Nakoria has signed a deal with Orvania.\n\n"
        "TOM HALLETT, REPORTER: A brass band met the minister on the wharf.\n\n"
        "LEV ARANOV, ORVANIAN PUBLIC SECURITY MINISTER (translated): Our cooperation is open and "
        "transparent.\n\n"
        "DR ANIKA SHAH, HARBOURSIDE INSTITUTE: Canberra has tended to treat the Pacific as a "
        "security problem.\n\n"
        "MARK THORNE, OPPOSITION DEFENCE SPOKESMAN: This Government has been asleep at the "
        "wheel.\n\n"
        "TOM HALLETT: Mr Thorne has called for a Senate inquiry into how the deal was missed, "
        'describing it as a "strategic own goal".\n\n'
        "VOX POP 1: When the cyclone came, it was the Australians who came first."
    )
    assert [(q.kind, q.speaker) for q in extract_quotes(body)] == [
        ("direct", "Lev Aranov"),
        ("direct", "Anika Shah"),
        ("direct", "Mark Thorne"),
        ("paraphrase", "Mark Thorne"),
        ("partial", "Mark Thorne"),
        ("anonymous", None),
    ]
    [demand] = [q.text for q in extract_quotes(body) if q.kind == "paraphrase"]
    assert demand == "a Senate inquiry into how the deal was missed"


def test_a_podcasts_turns_in_ordinary_case_are_the_guests_and_the_hosts_reports_are_reported():
    body = (
        "Host: Welcome back. The ministry said on Friday its team had been recalled.\n\n"
        "Ana Lund: Honestly? Nowhere good. A negotiator said to me, \"We've seen this film "
        'before."\n\n'
        "Tomas Ferrante: I'd stand by that.\n\n"
        "Host: There were also reports from people close to the delegation that the talks "
        "would resume.\n\n"
        "Ana Lund: Not soon."
    )
    assert [(q.kind, q.text, q.speaker) for q in extract_quotes(body)] == [
        ("paraphrase", "its team had been recalled", "ministry"),
        (
            "direct",
            'Honestly? Nowhere good. A negotiator said to me, "We\'ve seen this film before."',
            "Ana Lund",
        ),
        ("direct", "I'd stand by that.", "Tomas Ferrante"),
        ("anonymous", "the talks would resume", None),
        ("direct", "Not soon.", "Ana Lund"),
    ]


HANSARD = "\n\n".join(
    [
        "The Speaker, Gareth Lindqvist, twice called the House to order.",
        (
            "Marcus Teale (Kelsholm Vale) (CDP): What recent representations she has made to "
            "the Government of Karsovia."
        ),
        (
            "The Secretary of State for Foreign Affairs (Helena Vosk): I have raised the case"
            " three times."
        ),
        "Marcus Teale: I thank the Secretary of State, but the family has heard nothing.",
        (
            'Tobias Ranleigh (Marsh Ferry) (SDA): Mr Speaker, "every option remains on the '
            'table" is what we heard in March. (Interruption) Members opposite may groan.'
        ),
        "Mr Speaker: Order. The honourable Member will hear the answer.",
        (
            "Helena Vosk: The honourable Gentleman knows that a strategy shouted across the "
            "Dispatch Box is not a strategy."
        ),
    ]
)


def test_a_parliamentary_record_gives_each_members_turn_to_them():
    found = [(q.kind, q.speaker, q.text) for q in extract_quotes(HANSARD)]
    assert found == [
        (
            "direct",
            "Marcus Teale",
            "What recent representations she has made to the Government of Karsovia.",
        ),
        ("direct", "Helena Vosk", "I have raised the case three times."),
        (
            "direct",
            "Marcus Teale",
            "I thank the Secretary of State, but the family has heard nothing.",
        ),
        (
            "direct",
            "Tobias Ranleigh",
            'Mr Speaker, "every option remains on the table" is what we heard in March. '
            "Members opposite may groan.",
        ),
        ("direct", "Gareth Lindqvist", "Order. The honourable Member will hear the answer."),
        (
            "direct",
            "Helena Vosk",
            "The honourable Gentleman knows that a strategy shouted across the Dispatch Box is "
            "not a strategy.",
        ),
    ]


def test_the_chair_is_whoever_the_caller_knows_holds_it_when_the_text_does_not_say():
    body = HANSARD.replace("The Speaker, Gareth Lindqvist, twice called", "The House was called")
    speakers = {
        q.speaker for q in extract_quotes(body, known_people=[("Gareth Lindqvist", ["Speaker"])])
    }
    assert "Gareth Lindqvist" in speakers
    assert "Mr Speaker" not in {q.speaker for q in extract_quotes(body)}


PANEL = "\n\n".join(
    [
        "The Sunday Panel: national service",
        (
            "Anchor: With me are Senator Rafael Quintero and General Piotr Halas. But first, "
            "the defence minister, Ilse Varga."
        ),
        "Defence Minister Ilse Varga: We are asking our young people to be ready.",
        'Anchor: Senator, last week you called this bill "a tax on being nineteen". Why?',
        "Sen. Rafael Quintero: Because that's what it is.",
        "Gen. Piotr Halas: With respect, Senator, a professional force would cost —",
        "Quintero: — no, let me finish, General. Readiness for what?",
        "Halas: It is. We are eleven thousand short today.",
        "Update: the vote is on Thursday.",
    ]
)


def test_a_panels_labels_with_titles_and_surnames_alone_are_turns():
    found = [(q.kind, q.speaker, q.text) for q in extract_quotes(PANEL)]
    assert [f for f in found if f[0] == "direct"] == [
        ("direct", "Ilse Varga", "We are asking our young people to be ready."),
        ("direct", "Rafael Quintero", "Because that's what it is."),
        ("direct", "Piotr Halas", "With respect, Senator, a professional force would cost"),
        ("direct", "Rafael Quintero", "no, let me finish, General. Readiness for what?"),
        ("direct", "Piotr Halas", "It is. We are eleven thousand short today."),
    ]


def test_what_the_host_says_you_said_is_the_guest_who_answers():
    found = [(q.kind, q.speaker, q.text) for q in extract_quotes(PANEL)]
    assert ("partial", "Rafael Quintero", "a tax on being nineteen") in found


def test_a_briefings_office_label_is_whoever_holds_the_office():
    body = "\n\n".join(
        [
            "Daily press briefing",
            "The following is a transcript of today's briefing by Ana Lindqvist, Spokesperson "
            "for the Secretary-General.",
            "Question: Has the envoy reached the capital?",
            "Spokesperson: She arrived this morning and will meet both delegations tomorrow.",
            "Question: Will the Council meet?",
            "Spokesperson: That is for Council members to decide, not for me.",
        ]
    )
    turns = [(q.kind, q.speaker, q.text) for q in extract_quotes(body) if q.kind == "direct"]
    assert turns == [
        (
            "direct",
            "Ana Lindqvist",
            "She arrived this morning and will meet both delegations tomorrow.",
        ),
        ("direct", "Ana Lindqvist", "That is for Council members to decide, not for me."),
    ]


def test_a_radio_scripts_clips_cued_with_a_dash():
    body = "\n\n".join(
        [
            "NEWSREADER: The Trade Minister, Oskar Brandt, says the tariffs will go.",
            "— BRANDT: We listened to the farmers, and we are acting on what they told us.",
            "NEWSREADER: At the border, lorries queued for hours.",
            "— DRIVER: Nobody can tell me when I'm getting out of here.",
        ]
    )
    found = [(q.kind, q.speaker, q.text) for q in extract_quotes(body)]
    assert (
        "direct",
        "Oskar Brandt",
        "We listened to the farmers, and we are acting on what they told us.",
    ) in found
    assert ("anonymous", None, "Nobody can tell me when I'm getting out of here.") in found
