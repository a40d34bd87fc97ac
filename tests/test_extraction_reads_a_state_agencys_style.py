"""A state news agency's style (translated dispatches): long titles whose body or country runs
into the name, "In his words,", "it was noted that", and a person later called by their
profession ("the diplomat noted", "the expert told the agency")."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]


def speakers(body: str) -> set[str | None]:
    return {speaker for _, _, speaker in found(body)}


def test_a_title_ending_in_a_country_is_no_part_of_the_name_after_it():
    body = (
        "Talks can resume, Deputy Minister of Foreign Affairs of the Republic of Korvassia "
        'Anatol Vershinsky told the agency. "The door is open," Vershinsky said.'
    )
    assert speakers(body) == {"Anatol Vershinsky"}
    three_names = (
        "President of Tarlandia Ilse Marrow Denn said the border would reopen. Tarlandia's "
        "army disagreed."
    )
    assert speakers(three_names) == {"Ilse Marrow Denn"}


def test_a_title_ending_in_a_body_gives_the_person_not_the_body():
    body = (
        "The Official Representative of the Korvassian Ministry of Foreign Affairs, Director of "
        "the Information and Press Department Yelena Markovskaya, said at a weekly briefing that "
        'no reply had come. "We are waiting," Markovskaya said.'
    )
    assert speakers(body) == {"Yelena Markovskaya"}
    expert = (
        "Director of the Institute of Regional Studies of the Korvassian Academy of Sciences "
        "Pavel Ostrogin believes that both sides want calm."
    )
    assert found(expert) == [("paraphrase", "both sides want calm", "Pavel Ostrogin")]


def test_a_body_whose_name_ends_in_of_and_a_place_stays_whole():
    body = (
        "The National President of the Academic Staff Union of Oduria (ASUO), Prof. Emeka "
        "Adeyemi-Okon, said the offer was an insult."
    )
    assert found(body) == [("paraphrase", "the offer was an insult", "Emeka Adeyemi-Okon")]


def test_in_his_words_gives_the_sentence_as_his_own():
    body = (
        'Anatol Vershinsky spoke on Thursday. In his words, "attempts by outside forces to '
        'divide us are obvious." According to him, "The talks will resume."'
    )
    assert found(body) == [
        ("direct", "attempts by outside forces to divide us are obvious.", "Anatol Vershinsky"),
        ("direct", "The talks will resume.", "Anatol Vershinsky"),
    ]


def test_a_fragment_after_according_to_is_still_a_fragment():
    body = 'Anatol Vershinsky spoke on Thursday. According to him, "the talks" stalled in May.'
    assert ("partial", "the talks", "Anatol Vershinsky") in found(body)


def test_what_it_was_noted_or_stressed_was_said_by_nobody_named():
    body = (
        "At a meeting of the Security Council of Korvassia on Monday, it was noted that the "
        'situation on the border "remains stable and under control". It has been stressed '
        "that the talks will go on."
    )
    assert found(body) == [
        (
            "anonymous",
            "the situation on the border remains stable and under control",
            None,
        ),
        ("anonymous", "remains stable and under control", None),
        ("anonymous", "the talks will go on", None),
    ]


def test_the_diplomat_or_the_expert_is_the_person_last_quoted():
    body = (
        "Foreign ministry spokeswoman Yelena Markovskaya said on Wednesday that no reply had "
        "come. The diplomat recalled that the treaty remained in force. Pavel Ostrogin, an analyst "
        'at the institute, believes the talks will resume. "Nobody needs a new crisis," the '
        "expert told the agency."
    )
    assert found(body) == [
        ("paraphrase", "no reply had come", "Yelena Markovskaya"),
        ("paraphrase", "the treaty remained in force", "Yelena Markovskaya"),
        ("paraphrase", "the talks will resume", "Pavel Ostrogin"),
        ("direct", "Nobody needs a new crisis", "Pavel Ostrogin"),
    ]


def test_a_profession_names_only_a_person_the_text_introduced_so():
    lawmaker = (
        "Opposition lawmaker Jane Okafor criticised the bill on Monday. Finance Minister John "
        'Mensah defended it. "It will bankrupt ordinary families," the lawmaker said.'
    )
    assert ("direct", "It will bankrupt ordinary families", "John Mensah") not in found(lawmaker)
    shopkeeper = (
        "Interior Minister Ana Ruiz announced the curfew on Sunday. Shopkeeper Luis Ortega said "
        'he would close early. "The order was needed," the official said.'
    )
    assert ("direct", "The order was needed", "Luis Ortega") not in found(shopkeeper)
    analyst = (
        "An analyst at a Dubai bank said oil prices would keep rising. Oil Minister Ali Saleh "
        'disagreed. "Prices have already peaked," the analyst said.'
    )
    assert ("anonymous", "Prices have already peaked", None) in found(analyst)


def test_the_diplomat_after_an_unnamed_diplomat_stays_unnamed():
    body = (
        "A Western diplomat, who spoke on condition of anonymity, said the talks had stalled. "
        "The diplomat added that a deal was still possible."
    )
    assert speakers(body) == {None}


def test_the_agencys_interlocutor_is_an_unnamed_source():
    body = (
        "A diplomatic source in Mirvod told the agency that an answer could come next week. "
        "According to the agency's interlocutor, a meeting of ministers is being discussed."
    )
    assert speakers(body) == {None}


def test_names_with_a_demonym_an_editors_title_or_a_double_surname():
    body = (
        "The representative in Valtierra, the Uruguayan Martín Echegoyen, said talks must go on. "
        "Nepali Times Editor Kunda Dixit says the party is isolated. The Minister of Foreign "
        'Relations, Héctor Almonacid Ruiz, spoke on Tuesday. "We are asking for due process", '
        "said Almonacid Ruiz. The Paris-based Reporters Without Borders said two reporters were "
        "held. Dixit said the Maoists were alone."
    )
    assert speakers(body) == {
        "Martín Echegoyen",
        "Kunda Dixit",
        "Héctor Almonacid Ruiz",
        "Reporters Without Borders",
    }


def test_a_region_is_no_person():
    body = (
        "The Defense Department worked on the National Strategy for the Arctic Region released "
        'today. Daniel Y. Chiu said the strategy sets a framework. "This is captured in the '
        'third line of effort."'
    )
    assert speakers(body) == {"Daniel Y. Chiu"}
