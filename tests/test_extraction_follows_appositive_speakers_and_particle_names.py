"""A speaker named in apposition ("the deputy leader, Omar al-Rashidi, told"), and names with
particles (al-, van, de, bin) followed back from a later mention."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]


def test_a_long_description_then_the_name_in_commas():
    body = (
        "The movement's deputy leader abroad, Omar al-Rashidi, told the Coastal Herald that the "
        "group would not disarm. Al-Rashidi also said the talks were a trap."
    )
    items = found(body)
    assert ("paraphrase", "the group would not disarm", "Omar al-Rashidi") in items
    assert ("paraphrase", "the talks were a trap", "Omar al-Rashidi") in items


def test_dutch_and_french_particles():
    body = (
        "Dutch Defence Minister Pieter van der Berg arrived in Sallow. "
        '"We stay as long as needed," Van der Berg said. The envoy, Marie de Villiers, '
        'said the mission was "far from over". De Villiers added that France would send medics.'
    )
    items = found(body)
    assert ("direct", "We stay as long as needed", "Pieter van der Berg") in items
    assert ("partial", "far from over", "Marie de Villiers") in items
    assert ("paraphrase", "France would send medics", "Marie de Villiers") in items


def test_bin_and_a_surname_with_the_particle_only_later():
    body = (
        "Khalid bin Saeed, the kingdom's envoy to the talks, said the corridor would open. "
        '"Nobody will be turned away," bin Saeed said.'
    )
    items = found(body)
    assert ("paraphrase", "the corridor would open", "Khalid bin Saeed") in items
    assert ("direct", "Nobody will be turned away", "Khalid bin Saeed") in items


def test_an_appositive_speaker_after_a_quote():
    body = (
        '"This changes nothing," said the ministry\'s spokeswoman, Irina Volkhova. '
        "Volkhova added that the offer had never been made."
    )
    items = found(body)
    assert ("direct", "This changes nothing", "Irina Volkhova") in items
    assert ("paraphrase", "the offer had never been made", "Irina Volkhova") in items


def test_a_named_person_with_a_description_that_sounds_unnamed_is_named():
    body = (
        'Ana Mol, an analyst close to the government, said the pledge was "mostly symbolic". '
        'One resident, Ivo Strand, said the shelling was "constant".'
    )
    items = found(body)
    assert ("partial", "mostly symbolic", "Ana Mol") in items
    assert ("partial", "constant", "Ivo Strand") in items
    assert not [item for item in items if item[0] == "anonymous"]


def test_a_second_speaker_after_but_takes_over_the_sentence():
    body = (
        'Ivo Strand said the idea was "interesting", but Ana Mol, a former minister, called it '
        '"naive".'
    )
    assert found(body) == [
        ("paraphrase", "the idea was interesting", "Ivo Strand"),
        ("partial", "interesting", "Ivo Strand"),
        ("partial", "naive", "Ana Mol"),
    ]


def test_names_with_accents_and_a_later_middle_family_name():
    body = (
        'Chad\'s president, Mahamat Idriss Déby Itno, said the election was "free". '
        '"We have nothing to hide," Déby said. Succès Masra, the prime minister, said the '
        'count was "fair". Recep Tayyip Erdoğan said Ankara would "not stay silent".'
    )
    partials = [(text, who) for kind, text, who in found(body) if kind != "paraphrase"]
    assert partials == [
        ("free", "Mahamat Idriss Déby Itno"),
        ("We have nothing to hide", "Mahamat Idriss Déby Itno"),
        ("fair", "Succès Masra"),
        ("not stay silent", "Recep Tayyip Erdoğan"),
    ]


def test_the_subject_of_the_verb_is_not_always_the_first_name():
    body = (
        'John Kerry met Javad Zarif, who said the talks were "useful." '
        'John Kerry said Javad Zarif had called the proposal "unacceptable." '
        'Ana Okafor welcomed what Omar Rask called "a new beginning". '
        'Ana Okafor told Omar Rask that his plan was "reckless".'
    )
    partials = [(text, who) for kind, text, who in found(body) if kind == "partial"]
    assert partials == [
        ("useful.", "Javad Zarif"),
        ("unacceptable.", "Javad Zarif"),
        ("a new beginning", "Omar Rask"),
        ("reckless", "Ana Okafor"),
    ]


def test_middle_initials_ranks_and_suffixes_belong_to_the_name():
    body = (
        'Defense Secretary Lloyd J. Austin III said the aid would "make a difference." '
        'Army Gen. Mark A. Milley said the war was "a stalemate." "It will not end soon," '
        "Milley said. Robert Smith Jr. said the plan was dead. Smith said more would follow."
    )
    speakers = {(text, who) for kind, text, who in found(body) if kind != "paraphrase"}
    assert speakers == {
        ("make a difference.", "Lloyd J. Austin III"),
        ("a stalemate.", "Mark A. Milley"),
        ("It will not end soon", "Mark A. Milley"),
    }
    assert ("paraphrase", "more would follow", "Robert Smith Jr.") in found(body)


def test_a_transcripts_speaker_label_is_not_the_source_of_what_it_reports():
    body = (
        "PRESENTER: Tensions rose in the strait today.\n\n"
        "MARA LIND: The navy says two patrol boats were shadowed overnight. Officials here say "
        "the ferries will keep running."
    )
    items = found(body)
    assert ("paraphrase", "two patrol boats were shadowed overnight", "navy") in items
    assert ("anonymous", "the ferries will keep running", None) in items


def test_a_pronoun_after_an_organisations_spokesperson_named_in_apposition_is_that_person():
    # The organisation's noun takes the possessive ("the Sarnish government's spokeswoman"):
    # it is not the subject, the spokeswoman named after it is.
    opener = (
        "A senior official, who spoke on condition of anonymity, said the talks had stalled. "
        "Ivo Strand, the envoy, said he was hopeful.\n\n"
    )
    cases = [
        (
            "In Varessa, the Sarnish government's spokeswoman, Marieke van der Berg, described "
            'the figures as "pure invention". She said only "a handful" of incidents occurred.',
            "Marieke van der Berg",
        ),
        (
            "The Drenish ministry's spokeswoman, Ana Okafor, rejected the report. She said it was "
            '"a fabrication" from start to finish.',
            "Ana Okafor",
        ),
        (
            "Later, the Velmoran presidency's press officer, Lena Hart, took questions. She said "
            'the visit would go ahead "as planned".',
            "Lena Hart",
        ),
    ]
    for body, name in cases:
        found = [(q.kind, q.speaker) for q in extract_quotes(opener + body)]
        assert ("partial", name) in found, found
        assert ("anonymous", None) not in found[2:], found


def test_a_pronoun_after_the_leader_of_a_named_body_in_apposition_is_the_leader():
    opener = (
        "A senior official, who spoke on condition of anonymity, said the talks had stalled.\n\n"
    )
    cases = [
        (
            "The leader of the opposition Homeland Party, Omar bin Khalid, called the extension "
            '"a gift". He later wrote that the government had "learned nothing".',
            "Omar bin Khalid",
        ),
        (
            "The head of the Northern Council, Ivo Strand, opened the session. He said the vote "
            'was "long overdue".',
            "Ivo Strand",
        ),
        (
            "A spokesman for Halden Marine Mutual, Piet Laar, declined to comment at first. He "
            'later said the firm was "fully compliant".',
            "Piet Laar",
        ),
    ]
    for body, name in cases:
        found = [(q.kind, q.speaker) for q in extract_quotes(opener + body)]
        assert len(found) > 1, found
        assert all(speaker == name for _, speaker in found[1:]), found


def test_irish_names_and_a_councillors_title():
    body = (
        "Cllr Bríd Ní Fhloinn said the site was on a flood plain. Cllr Séamus Ó Ceallaigh said "
        "the plant was full. The chief executive, Declan Mac Giolla Rua, said the risk was low. "
        "Ní Fhloinn said the scheme was rushed. Mac Giolla Rua said it was not."
    )
    assert [q.speaker for q in extract_quotes(body)] == [
        "Bríd Ní Fhloinn",
        "Séamus Ó Ceallaigh",
        "Declan Mac Giolla Rua",
        "Bríd Ní Fhloinn",
        "Declan Mac Giolla Rua",
    ]


def test_a_surname_with_its_particle_opening_a_sentence_and_a_title_before_the_name():
    body = (
        "Prime Minister Lotte ter Braak said the summit had gone well. The fourth leader, "
        "President Ana de Sousa Ferreira of Belamar, struck a gentler note. She said neighbours "
        "move at different speeds. De Sousa Ferreira added that Belamar would host the next one."
    )
    speakers = [q.speaker for q in extract_quotes(body)]
    assert speakers == ["Lotte ter Braak", "Ana de Sousa Ferreira", "Ana de Sousa Ferreira"]


def test_a_fathers_name_after_bin_is_no_title():
    body = (
        "His Royal Highness Prince Faisal bin Sultan Al-Qadri, Minister of Foreign Affairs, "
        'affirmed that the kingdom "will not accept" any closure. "The crossing is a bridge," '
        "Prince Faisal said. Earlier, His Majesty King Abdullah bin Qadri received a call."
    )
    speakers = {q.speaker for q in extract_quotes(body)}
    assert speakers == {"Faisal bin Sultan Al-Qadri"}
