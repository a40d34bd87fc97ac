"""Reporting verbs in their several forms ("asserted", "stating", "has told", "described X as"),
and verbs that only look like saying ("continued")."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]


def test_asserted_that_and_has_told():
    body = (
        "Ines Marr asserted that the border had never been closed. "
        "Tomas Ebb has told parliament that the army needs more air defence."
    )
    items = found(body)
    assert ("paraphrase", "the border had never been closed", "Ines Marr") in items
    assert ("paraphrase", "the army needs more air defence", "Tomas Ebb") in items


def test_a_statement_stating_that():
    body = (
        "The Velmark Defence Ministry issued a statement on Friday, stating that two drones had "
        "been shot down over the river."
    )
    assert found(body) == [
        ("paraphrase", "two drones had been shot down over the river", "Velmark Defence Ministry")
    ]


def test_described_x_as_a_quoted_fragment():
    body = (
        'Senator Nia Torvald described the agreement as "a surrender in slow motion". '
        'Mara Voss described him as "the most dangerous man in the chamber".'
    )
    items = found(body)
    assert ("partial", "a surrender in slow motion", "Nia Torvald") in items
    assert ("partial", "the most dangerous man in the chamber", "Mara Voss") in items


def test_continued_is_not_a_verb_of_saying():
    body = (
        "Minister Ivo Strand said the ceasefire was holding. Shelling continued in the east "
        "overnight, and the army continued to move troops towards the river."
    )
    items = found(body)
    assert items == [("paraphrase", "the ceasefire was holding", "Ivo Strand")]


def test_continued_after_a_quote_does_not_make_a_speaker():
    body = (
        '"We will not move," Dana Kell said. The fighting continued, the agency reported, '
        "with heavy losses on both sides."
    )
    assert [q.speaker for q in extract_quotes(body) if q.kind == "direct"] == ["Dana Kell"]
    assert not [q for q in extract_quotes(body) if q.text.startswith("The fighting")]


def test_analysis_verbs_calls_thinks_and_as_x_put_it():
    body = (
        'The analyst Ivo Strand calls this "strategic drift". '
        'Ana Mol, who advised two presidents, thinks the pledge is "real". '
        'As Omar Rask put it, the alliance is "running on fumes". '
        'In the words of Lena Hart, the summit was "a polite disaster".'
    )
    partials = [(text, who) for kind, text, who in found(body) if kind == "partial"]
    assert partials == [
        ("strategic drift", "Ivo Strand"),
        ("real", "Ana Mol"),
        ("running on fumes", "Omar Rask"),
        ("a polite disaster", "Lena Hart"),
    ]


def test_verbs_that_carry_a_fragment_of_the_speakers_words():
    body = (
        'Jens Stoltenberg spoke of "a very serious situation". He pointed to "significant '
        'progress", expressed "deep concern" and welcomed the "historic" decision. John Kerry '
        'cited "real progress" and criticized the "unacceptable" delays.'
    )
    partials = [(text, who) for kind, text, who in found(body) if kind == "partial"]
    assert partials == [
        ("a very serious situation", "Jens Stoltenberg"),
        ("significant progress", "Jens Stoltenberg"),
        ("deep concern", "Jens Stoltenberg"),
        ("historic", "Jens Stoltenberg"),
        ("real progress", "John Kerry"),
        ("unacceptable", "John Kerry"),
    ]


def test_saying_and_a_comma_introduce_a_direct_quote():
    body = (
        'Bright Matonga disputed the claim, saying, "He is very secure. There is no way his '
        'life can be in danger."'
    )
    assert found(body) == [
        (
            "direct",
            "He is very secure. There is no way his life can be in danger.",
            "Bright Matonga",
        )
    ]


def test_recalled_an_ambassador_is_not_a_verb_of_saying():
    body = (
        "Kestria has recalled its ambassador to Drenland after a drone crashed near the border, "
        "the foreign ministry said on Thursday."
    )
    [(kind, text, speaker)] = found(body)
    assert (kind, speaker) == ("paraphrase", "foreign ministry")
    assert text.startswith("Kestria has recalled its ambassador")


def test_said_there_was_is_what_was_said_but_said_there_is_where():
    for clause in (
        "there was another possibility: new sanctions",
        "there would be no second vote",
        "there are still too many checkpoints",
    ):
        body = f"Lena Hart says {clause}."
        assert [(q.text, q.speaker) for q in extract_quotes(body)] == [(clause, "Lena Hart")]
    assert [q.text for q in extract_quotes("Lena Hart said there on Monday.")] == []


def test_verbs_of_urging_report_what_someone_was_told_to_do():
    cases = [
        ('Lena Hart advised the parties to exercise "strategic patience" for now.', "Lena Hart"),
        ('Ivo Strand encouraged both sides to keep "every channel" open.', "Ivo Strand"),
        ('Ana Okafor urges voters to reject "easy answers" at the polls.', "Ana Okafor"),
        ('Omar Rask implored the council to act "before the winter".', "Omar Rask"),
    ]
    for body, name in cases:
        found = [(q.kind, q.speaker) for q in extract_quotes(body)]
        assert ("partial", name) in found, (body, found)
        assert ("paraphrase", name) in found, (body, found)


def test_advised_as_a_job_or_a_passive_reports_nothing():
    bodies = [
        "Ana Okafor was advised by her lawyers not to comment.",
        "Ingrid Solberg, who advised the navy until 2021, spoke at the forum.",
        "The minister encouraged investment in the north.",
    ]
    for body in bodies:
        assert found(body) == [], body


def test_indicated_signalled_and_hinted_report_a_clause():
    body = (
        "Defence Minister Aron Vell indicated Friday the exercises may be cut short. "
        "Foreign Minister Hana Broz signalled that a deal was close. "
        "Finance Minister Ode Lamm hinted that taxes would rise."
    )
    items = {(q.kind, q.text, q.speaker) for q in extract_quotes(body)}
    assert ("paraphrase", "the exercises may be cut short", "Aron Vell") in items
    assert ("paraphrase", "a deal was close", "Hana Broz") in items
    assert ("paraphrase", "taxes would rise", "Ode Lamm") in items


def test_a_bare_weekday_after_the_verb_is_when_not_what():
    body = (
        "Hundreds more soldiers are on the border than the ministry admitted, officials said "
        "Wednesday. Senator Ida Holm said Thursday the figures would be published."
    )
    items = {(q.kind, q.text, q.speaker) for q in extract_quotes(body)}
    assert (
        "anonymous",
        "Hundreds more soldiers are on the border than the ministry admitted",
        None,
    ) in items
    assert ("paraphrase", "the figures would be published", "Ida Holm") in items


def test_it_has_been_believed_that_is_an_unnamed_claim():
    body = "For months it has been believed that the rebels were regrouping in the hills."
    [claim] = extract_quotes(body)
    assert (claim.kind, claim.text) == ("anonymous", "the rebels were regrouping in the hills")


def test_in_writing_and_had_been_warned_are_not_the_reporting_verb():
    body = "Ana Ferro said the envoy had been warned twice, in writing, and 'chose to stay'."
    [fragment] = [q for q in extract_quotes(body) if q.kind == "partial"]
    assert (fragment.text, fragment.speaker) == ("chose to stay", "Ana Ferro")


def test_demanded_that_and_a_sentence_adverb_before_that():
    body = (
        "The foreign ministry of Orland demanded that the drills be moved farther south. "
        "Admiral Ana Vell acknowledged, however, that a patrol boat had shadowed the ships."
    )
    items = {(q.kind, q.text) for q in extract_quotes(body)}
    assert ("paraphrase", "the drills be moved farther south") in items
    assert ("paraphrase", "a patrol boat had shadowed the ships") in items


def test_asked_someone_to_do_something_is_a_request_but_asked_whether_is_a_question():
    body = (
        "President Ivo Marsh has asked lawmakers to delay any new sanctions. "
        "Minister Ana Vell was asked to resign. Senator Ode Lamm asked whether talks would resume. "
        "A diplomat who asked not to be named said the talks were over."
    )
    items = {(q.kind, q.text, q.speaker) for q in extract_quotes(body)}
    assert ("paraphrase", "delay any new sanctions", "Ivo Marsh") in items  # whom: no part of it
    assert ("anonymous", "the talks were over", None) in items
    assert len(items) == 2


def test_in_someones_view_is_their_claim():
    body = "The analyst Imre Salk spoke to us. In Salk's view, the truce is mostly about elections."
    [claim] = extract_quotes(body)
    assert (claim.kind, claim.text, claim.speaker) == (
        "paraphrase",
        "the truce is mostly about elections",
        "Imre Salk",
    )


def test_called_for_someone_to_act_is_a_demand():
    body = "The opposition leader, Bernard Okoye, called for the minister to step aside."
    [claim] = extract_quotes(body)
    assert (claim.kind, claim.speaker) == ("paraphrase", "Bernard Okoye")
    assert claim.text.endswith("the minister to step aside")


def test_commented_by_saying_and_commended():
    body = (
        'Ambassador Nick Burns commented, "We have been disappointed by the talks." He ended '
        'the interview by saying the country hopes "to find its way to peace." Secretary Ana '
        'Holm commended the general "for his exceptional leadership."'
    )
    items = {(q.kind, q.text, q.speaker) for q in extract_quotes(body)}
    assert ("direct", "We have been disappointed by the talks.", "Nick Burns") in items
    assert ("partial", "to find its way to peace.", "Nick Burns") in items
    assert ("partial", "for his exceptional leadership.", "Ana Holm") in items


def test_noted_with_a_clause_reports_it_but_noted_with_an_object_does_not():
    body = "Ana Mol spoke. She noted instead it would be up to Pakistani officials to decide."
    assert [q.text for q in extract_quotes(body)] == [
        "it would be up to Pakistani officials to decide"
    ]
    assert extract_quotes("Ana Mol noted the progress made by the army.") == []


def test_told_pentagon_reporters_a_clause():
    body = "Gen. Peter Pace told Pentagon reporters there's nothing significant to say."
    assert [(q.text, q.speaker) for q in extract_quotes(body)] == [
        ("there's nothing significant to say", "Peter Pace")
    ]


def test_charged_that_and_a_live_report_inside_a_report():
    body = (
        "The rebel leader, Jonas Savimbi, spoke on Monday. The rebel leader charged that the "
        "government is out to destroy UNITA. Correspondent Alex Belida reports Mr. Savimbi warns "
        "if the government does not show that it wants peace, his rebels will fight on."
    )
    assert [(q.text, q.speaker) for q in extract_quotes(body)] == [
        ("the government is out to destroy UNITA", "Jonas Savimbi"),
        (
            "if the government does not show that it wants peace, his rebels will fight on",
            "Jonas Savimbi",
        ),
    ]


def test_told_his_cabinet_and_offered_or_threatened_to():
    body = (
        "Prime Minister Ariel Sharon told his cabinet, the government is preparing the way. "
        "Ana Mol offered to freeze the programme. Ivo Strand threatened to expand the operation."
    )
    assert [(q.text, q.speaker) for q in extract_quotes(body)] == [
        ("the government is preparing the way", "Ariel Sharon"),
        ("freeze the programme", "Ana Mol"),
        ("expand the operation", "Ivo Strand"),
    ]


def test_told_a_broadcasters_programme_and_but_it_noted():
    body = (
        "Losa Tavita-Harrow told Radio Motuhina's Dawn Report it was \"good for the whole "
        'country", and said fees would bring in $14 million. The Elections Watch Coalition said '
        'voting had been "largely peaceful", but it noted "worrying delays" in two wards.'
    )
    found = [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]
    assert ("paraphrase", "it was good for the whole country", "Losa Tavita-Harrow") in found
    assert ("paraphrase", "fees would bring in $14 million", "Losa Tavita-Harrow") in found
    assert (
        "paraphrase",
        "voting had been largely peaceful",
        "Elections Watch Coalition",
    ) in found


def test_added_with_an_object_is_no_saying_and_a_participle_quoting_ends_the_clause():
    body = (
        "Girija Prasad Koirala added 11 new ministers to his cabinet. He added the talks would "
        "resume in May. Ana Lund said the leaders had underestimated the militants saying, "
        '"it is a small group."'
    )
    reported = [(q.kind, q.text) for q in extract_quotes(body) if q.kind == "paraphrase"]
    assert reported == [
        ("paraphrase", "the talks would resume in May"),
        ("paraphrase", "the leaders had underestimated the militants"),
    ]


def test_plural_present_verbs_report_a_clause_but_not_an_object():
    body = (
        "Industry groups warn the levies could cost thousands of jobs. Syrian rebels warn their "
        "five-year-long struggle to oust the president will go underground. Officials also claim "
        "a much lower death toll. Critics argue the plan will fail."
    )
    assert [(q.kind, q.text) for q in extract_quotes(body)] == [
        ("anonymous", "the levies could cost thousands of jobs"),
        ("anonymous", "their five-year-long struggle to oust the president will go underground"),
        ("anonymous", "the plan will fail"),
    ]


def test_whom_was_told_and_what_comes_between_a_verb_and_its_that():
    body = (
        "Aurel Banek told state television the president would be sworn in on March 3. Berhanu "
        "Nega tells VOA at least 10 of his staff members were arrested. Daniel Whitcombe said in "
        "a statement released late Friday that the duties were a response to dumping. Robert "
        "Gates flew into Kabul to tell Afghan leaders that they need to move faster, and to tell "
        "U.S. troops that the United States is in this to win. Some economists say the levy "
        "reflects a shift that no single meeting will reverse."
    )
    assert [(q.text, q.speaker) for q in extract_quotes(body)] == [
        ("the president would be sworn in on March 3", "Aurel Banek"),
        ("at least 10 of his staff members were arrested", "Berhanu Nega"),
        ("the duties were a response to dumping", "Daniel Whitcombe"),
        ("they need to move faster", "Robert Gates"),
        ("the United States is in this to win", "Robert Gates"),
        ("the levy reflects a shift that no single meeting will reverse", None),
    ]


def test_a_clause_whose_verb_is_in_the_quotation_that_ends_it():
    body = (
        "The Concord of Northern States (CNS), which sent 200 observers, said counting in two "
        'districts "lacked transparency". Vedant Patel issued a statement saying the attack and '
        'a reported airstrike on April 10 "further underscore the regime\'s disregard".'
    )
    reported = [(q.text, q.speaker) for q in extract_quotes(body) if q.kind == "paraphrase"]
    assert reported == [
        ("counting in two districts lacked transparency", "Concord of Northern States"),
        (
            "the attack and a reported airstrike on April 10 further underscore the regime's "
            "disregard",
            "Vedant Patel",
        ),
    ]


def test_nouns_and_infinitives_of_saying_are_no_report_but_a_named_claim_is():
    body = (
        "Jonas Harsen spoke. Ostashenko warned other capitals against interference. It was a "
        "chance to argue that the alliance was overstretched. The claim that it pays less is "
        "true. FACT CHECK: Harsen's claim that Vellmark pays more than any other member is false."
    )
    assert [(q.kind, q.text, q.speaker) for q in extract_quotes(body)] == [
        ("paraphrase", "Vellmark pays more than any other member", "Jonas Harsen"),
    ]


def test_admits_confirms_acknowledging_and_quoted_as_saying():
    body = (
        "General Paolo Lukamba Gato admits rebel forces have lost the strongholds. Myanmar's "
        "ruling junta has confirmed it carried out airstrikes. Zaw Min Tun said some of those "
        "killed were fighters, while acknowledging that some civilians may have been killed. "
        "But Gato is quoted by the state news agency as vowing his troops will fight on."
    )
    assert [(q.text, q.speaker) for q in extract_quotes(body)] == [
        ("rebel forces have lost the strongholds", "Paolo Lukamba Gato"),
        ("it carried out airstrikes", "Myanmar's ruling junta"),
        ("some of those killed were fighters", "Zaw Min Tun"),
        ("some civilians may have been killed", "Zaw Min Tun"),
        ("his troops will fight on", "Paolo Lukamba Gato"),
    ]


def test_a_clause_that_opens_with_a_number_and_sources_connected_to_a_group():
    body = (
        "Various news outlets say at least 50 people were killed. Sources connected to the NUG "
        "say as many as 100 people may have died. Ana Lund said about 20 soldiers were hurt."
    )
    assert [(q.kind, q.text) for q in extract_quotes(body)] == [
        ("anonymous", "at least 50 people were killed"),
        ("anonymous", "as many as 100 people may have died"),
        ("paraphrase", "about 20 soldiers were hurt"),
    ]


def test_told_a_committee_and_said_however_that():
    body = (
        "Two economists have told a House Budget subcommittee the deficit will double by 2030. "
        "Treasury Secretary Ana Velez said however, that the forecast ignored new revenue."
    )
    assert ("anonymous", "the deficit will double by 2030", None) in found(body)
    assert ("paraphrase", "the forecast ignored new revenue", "Ana Velez") in found(body)


def test_said_in_some_places_opens_the_claim_but_said_in_a_statement_does_not():
    body = (
        "Envoy Rosa Lind said in many regions, the harvest had failed. She said in a statement "
        "posted online."
    )
    assert ("paraphrase", "in many regions, the harvest had failed", "Rosa Lind") in found(body)
    assert not any(text.startswith("in a statement") for _, text, _ in found(body))


def test_said_a_and_that_b_is_two_claims_without_a_first_that():
    body = "Mr. Ortega said he wants to go home and that he trusts the courts."
    assert ("paraphrase", "he wants to go home", "Ortega") in found(body)
    assert ("paraphrase", "he trusts the courts", "Ortega") in found(body)


def test_a_name_and_one_word_after_a_comma_inside_the_marks_is_an_attribution():
    # A misspelt verb ("sais") or one no list holds: the comma inside the marks and the name
    # that follows are what attribute the quotation.
    body = (
        'Chief negotiator Humberto de la Rosa spoke on Monday. "We will go back to the table '
        'tomorrow," De la Rosa sais. "The Economy Ministry," the paper reports.'
    )
    assert ("direct", "We will go back to the table tomorrow", "Humberto de la Rosa") in found(body)
    assert not any(text == "The Economy Ministry" for _, text, _ in found(body))


def test_a_wire_apposition_without_its_closing_comma():
    body = (
        "The inquiry into the strike is still open, Army Maj. Gen. Paul Reyes, commander of "
        "Joint Task Force 7 told Pentagon reporters on Tuesday."
    )
    assert found(body) == [
        ("paraphrase", "The inquiry into the strike is still open", "Paul Reyes")
    ]
