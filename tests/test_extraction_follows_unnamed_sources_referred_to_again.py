"""An unnamed source stays unnamed when the article refers to it again ("the official said")."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]


def test_the_official_said_in_a_later_paragraph_is_the_anonymous_official():
    body = (
        "A senior official, who spoke on condition of anonymity, said the talks would resume.\n\n"
        "Foreign Minister Ana Okafor met the envoy on Monday and said the mood was good.\n\n"
        "The official said the delegation would arrive on Tuesday."
    )
    items = found(body)
    assert ("anonymous", "the delegation would arrive on Tuesday", None) in items
    assert ("paraphrase", "the mood was good", "Ana Okafor") in items


def test_anonymity_far_from_the_source_still_makes_it_anonymous():
    body = (
        "A senior official in the foreign ministry who has followed the negotiations closely for "
        "several months, speaking on condition of anonymity because he was not authorised to "
        "discuss them, said the first round had failed. Minister Ivo Strand declined to comment. "
        '"Nobody wants to be blamed," the official said.'
    )
    items = found(body)
    assert ("anonymous", "Nobody wants to be blamed", None) in items
    assert all(speaker is None for _, _, speaker in items)


def test_the_source_added_and_the_diplomat_told_are_anonymous():
    body = (
        "According to a source close to the negotiations, the ceasefire will start on Friday. "
        "Petra Lind, the mediator, said she was hopeful. "
        "The source added that both armies had been told to hold their fire.\n\n"
        "A Western diplomat, who asked not to be named, said the map was still disputed. "
        "The diplomat told reporters that a second meeting was planned."
    )
    items = found(body)
    assert ("anonymous", "both armies had been told to hold their fire", None) in items
    assert ("anonymous", "a second meeting was planned", None) in items
    assert ("paraphrase", "she was hopeful", "Petra Lind") in items


def test_a_trailing_the_official_said_keeps_the_clause_anonymous():
    body = (
        "Two officials, speaking on condition of anonymity, described the plan. "
        "Governor Tobias Wren welcomed it.\n\n"
        "The convoy will leave the capital on Friday, the official said, and will reach the "
        "border within two days."
    )
    [claim] = [q for q in extract_quotes(body) if "convoy" in q.text]
    assert (claim.kind, claim.speaker) == ("anonymous", None)


def test_a_quoted_fragment_from_the_unnamed_source_is_anonymous():
    body = (
        "A senior aide, who was not authorised to speak publicly, said the offer was serious. "
        'Halloran said nothing. The aide called the rival bid "a stunt".'
    )
    items = found(body)
    assert ("anonymous", "a stunt", None) in items
    assert not [item for item in items if item[2] and "stunt" in item[1]]


def test_news_reports_and_state_media_are_unnamed_sources():
    body = (
        "News reports say Yaalon had recently criticized the policy. "
        "State media said the drills would continue for a week."
    )
    items = found(body)
    assert ("anonymous", "Yaalon had recently criticized the policy", None) in items
    assert ("anonymous", "the drills would continue for a week", None) in items


def test_a_capitalised_group_noun_is_not_a_surname():
    body = "Analysts said the exchange showed how far the campaigns had drifted apart."
    assert found(body) == [
        ("anonymous", "the exchange showed how far the campaigns had drifted apart", None)
    ]


def test_sources_described_with_abbreviations_and_nationalities_are_unnamed():
    body = (
        "Lloyd Austin spoke on Monday. A U.S. official said the talks would resume next week. "
        "U.S. officials say Iran has not yet decided. "
        'One European diplomat said the package was "too little, too late."'
    )
    items = found(body)
    assert ("anonymous", "the talks would resume next week", None) in items
    assert ("anonymous", "Iran has not yet decided", None) in items
    assert all(speaker is None for _, _, speaker in items)


def test_official_as_an_adjective_is_not_the_unnamed_official():
    body = (
        "A senior official, speaking on condition of anonymity, said talks were near. "
        'The official Xinhua news agency said the visit was "a success." '
        'The official results, Ana Mol said, were "a fraud."'
    )
    items = found(body)
    assert ("partial", "a success.", "Xinhua news agency") in items
    assert ("partial", "a fraud.", "Ana Mol") in items


def test_other_ways_of_saying_a_source_is_unnamed():
    body = (
        "Lloyd Austin spoke. Defense officials, speaking on background, said the shipment was "
        'near. Diplomats who spoke anonymously said the talks had "stalled." Aides not '
        "authorized to speak publicly said the plan was dead."
    )
    items = found(body)
    assert ("anonymous", "the shipment was near", None) in items
    assert ("anonymous", "stalled.", None) in items
    assert ("anonymous", "the plan was dead", None) in items


def test_anyone_left_unnamed_who_speaks_is_an_unnamed_source_and_so_is_he():
    body = (
        "A government spokesman, Tariq Haddad, said the talks had been useful.\n\n"
        "In the port of Lessa, one skipper said the talk on the quay was of little else. "
        '"We just want to know where we can fish," he said.\n\n'
        "A bus driver, who has crossed the bridge every day for years, told the Courier the "
        'queues were getting longer. "Nobody tells us anything," she said.'
    )
    items = [(q.kind, q.speaker) for q in extract_quotes(body)]
    assert items == [
        ("paraphrase", "Tariq Haddad"),
        ("anonymous", None),
        ("anonymous", None),
        ("anonymous", None),
        ("anonymous", None),
    ]


def test_an_audience_or_a_visit_is_not_an_unnamed_source():
    body = (
        "Mireille Fontaine toured the north. In a speech to farmers in Sallow, Fontaine said "
        "the tariffs would go. After a visit by officials from Varn, she said the border "
        "would stay open."
    )
    assert {q.speaker for q in extract_quotes(body)} == {"Mireille Fontaine"}


def test_a_lede_that_describes_a_person_named_in_the_next_paragraph():
    body = (
        "Senate leader doubts deal\n\n"
        "Six powers are negotiating in Vienna. A senior U.S. lawmaker says any deal will leave "
        "Iran as what he calls a 'threshold state.'\n\n"
        "Senate Majority Leader Mitch Harlan is the chief voice of his party in the Senate."
    )
    assert {(q.kind, q.speaker) for q in extract_quotes(body)} == {
        ("paraphrase", "Mitch Harlan"),
        ("partial", "Mitch Harlan"),
    }


def test_an_unnamed_official_in_a_lede_stays_unnamed_whoever_comes_next():
    body = (
        "Talks stall\n\n"
        "Six powers are negotiating in Vienna. A senior official says any deal is months away.\n\n"
        "Foreign Minister Lena Hart is due in Vienna on Monday."
    )
    assert [(q.kind, q.speaker) for q in extract_quotes(body)] == [("anonymous", None)]


def test_an_unnamed_source_told_me_a_clause_and_said_that_was():
    body = (
        "A senior official, who asked not to be named, told me the two delegations had agreed "
        'on a map. The official said that was "more than we managed in ten years".'
    )
    items = [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]
    assert items == [
        ("anonymous", "the two delegations had agreed on a map", None),
        ("anonymous", "that was more than we managed in ten years", None),
        ("anonymous", "more than we managed in ten years", None),
    ]


def test_a_time_phrase_before_a_pronoun_is_not_an_unnamed_source():
    body = (
        "Lena Hart spoke on Monday. A week later she said the talks had failed. "
        "A few hours later, she said the border was closed."
    )
    assert [(q.kind, q.speaker) for q in extract_quotes(body)] == [
        ("paraphrase", "Lena Hart"),
        ("paraphrase", "Lena Hart"),
    ]


def test_any_noun_for_an_unnamed_group_with_a_place_stays_unnamed():
    # The source noun is not from a list: brokers, fishermen, engineers; a place after "in"/"at"
    # is where they are, never who spoke.
    bodies = [
        "Two shipping brokers in Port Halden, who asked not to be identified, said the cargoes "
        "were relabelled at sea.",
        "Several engineers at Kessel Dam, speaking on condition of anonymity, said the turbines "
        "had been idle for weeks.",
        "Three fishermen from Lake Varna, who declined to be named, told reporters the catch had "
        "halved.",
    ]
    for body in bodies:
        items = found(body)
        assert items
        assert all(kind == "anonymous" and speaker is None for kind, _, speaker in items)


def test_one_of_them_and_the_noun_again_are_the_same_unnamed_source():
    bodies = [
        "Two brokers, who asked not to be identified, described the trade. "
        '"Everybody knows where the grain comes from," one of the brokers said. '
        '"The paperwork is the only thing that changes." The broker estimated that thirty ships '
        "were involved.",
        "Mayor Ivo Strand spoke first. Several engineers, speaking on condition of anonymity, "
        'disagreed. "The dam is not safe," one of the engineers said. The engineer added that '
        "the inspection had been rushed.",
        'Lena Hart opened the meeting. "We were never asked," one of the farmers told '
        "reporters. The farmer said the water had been cut off in June.",
    ]
    for body in bodies:
        items = found(body)
        assert len(items) >= 2, items
        assert all(speaker is None for _, _, speaker in items), items
        assert all(kind == "anonymous" for kind, _, _ in items), items


def test_others_and_some_as_a_subject_are_unnamed():
    bodies = [
        "Lena Hart said the pact was symbolic. Others argued that the symbolism was the point.",
        "Ivo Strand said the plan was sound. Some said the plan would cost too much.",
        "Ana Okafor said the deal was fair. Many warned that it would not last the winter.",
    ]
    for body in bodies:
        items = found(body)
        assert len(items) == 2, items
        assert items[1][0] == "anonymous", items
        assert items[1][2] is None, items


def test_a_bare_plural_group_as_the_subject_is_unnamed_wherever_it_is_from():
    bodies = [
        "Farmers in the Serek valley say their patience is running out.",
        "Traders at the port said prices had doubled.",
        "Fishermen from Lake Varna told reporters the catch had halved.",
        "Ana Okafor spoke on Monday. Nurses across the north said the wards were full.",
    ]
    for body in bodies:
        items = found(body)
        assert items, body
        assert items[-1][0] == "anonymous", (body, items)
        assert items[-1][2] is None, (body, items)


def test_a_plural_after_a_preposition_is_not_a_speaker():
    body = (
        "Volunteers painted the campaign slogan, 'Open the windows', on walls across the old "
        "town as counting continued through the night."
    )
    assert [q for q in found(body) if q[0] == "anonymous"] == []


def test_this_official_and_those_diplomats_refer_back_to_unnamed_sources():
    body = (
        "A senior interior official, who spoke on condition of anonymity, said the border would "
        "reopen on Friday. Minister Tomas Brandt declined to comment.\n\n"
        "This official said the new checkpoints were temporary.\n\n"
        "Two diplomats who asked not to be named said the talks had stalled. Those diplomats said "
        "the mediators would try again in June."
    )
    items = found(body)
    assert ("anonymous", "the new checkpoints were temporary", None) in items
    assert ("anonymous", "the mediators would try again in June", None) in items
    assert all(speaker is None for _, _, speaker in items)


def test_someone_whose_name_is_withheld_stays_unnamed_when_referred_to_by_pronoun():
    body = (
        "Governor Ilse Marten toured the valley on Monday.\n\n"
        "In the market town of Ostrava Nova I met a wheat farmer who asked me not to use his "
        "name. He said the drought had cost him half his harvest. "
        '"We cannot survive another year like this," he told me.\n\n'
        "A shopkeeper, who declined to give her name, said prices had doubled. She added that "
        "the road to the coast was closed."
    )
    items = found(body)
    assert ("anonymous", "the drought had cost him half his harvest", None) in items
    assert ("anonymous", "We cannot survive another year like this", None) in items
    assert ("anonymous", "prices had doubled", None) in items
    assert ("anonymous", "the road to the coast was closed", None) in items
    assert all(speaker is None for _, _, speaker in items)


def test_a_first_name_given_is_a_name_not_a_withheld_one():
    body = (
        "Captain Ivo Marsh said the drills were routine. A baker, who gave only her first name, "
        "Katja, said the drills had frightened her customers."
    )
    [claim] = [q for q in extract_quotes(body) if "customers" in q.text]
    assert (claim.kind, claim.speaker) == ("paraphrase", "Katja")


def test_a_spokesman_for_a_ministry_who_asked_not_to_be_named_is_the_spokesman_later():
    body = (
        "A spokesman for the Varnish foreign ministry, who asked not to be named because he was "
        "not authorised to speak, said the crew would be freed. Minister Oda Fenn was abroad.\n\n"
        'The spokesman added that the ministry would ask for "a full explanation".'
    )
    items = found(body)
    assert ("anonymous", "the ministry would ask for a full explanation", None) in items
    assert ("anonymous", "a full explanation", None) in items


def test_a_fragment_after_an_unnamed_source_says_belongs_to_the_source_not_the_subject():
    body = (
        "A Western diplomat, who spoke on condition of anonymity, said Mr Hallor had been warned "
        "in writing, and 'chose to ignore it'."
    )
    items = found(body)
    assert ("anonymous", "chose to ignore it", None) in items
    assert all(speaker is None for _, _, speaker in items)


def test_a_relative_clause_with_unnamed_sources_as_its_subject_is_anonymous():
    body = (
        "Prime Minister Lena Korr met the senators for talks that officials say were "
        '"focused on trade alone."'
    )
    [fragment] = extract_quotes(body)
    assert (fragment.kind, fragment.speaker) == ("anonymous", None)


def test_a_plural_group_after_but_is_unnamed_wherever_it_is_from():
    body = "Prices fell last week. But dealers in Port Ansel say the fall has slowed."
    [claim] = extract_quotes(body)
    assert (claim.kind, claim.text, claim.speaker) == ("anonymous", "the fall has slowed", None)


def test_a_spokesman_for_an_institution_left_unnamed_is_an_unnamed_source():
    body = (
        "The navy kept a lower profile. A spokesman for its press office said only that the "
        'exercise was "routine and defensive," and declined to comment on the protest.'
    )
    items = found(body)
    assert ("anonymous", "the exercise was routine and defensive", None) in items
    assert ("anonymous", "routine and defensive", None) in items
    assert not any("declined" in text for _, text, _ in items)


def test_they_after_a_sentence_about_unnamed_officials_is_unnamed():
    body = (
        "But officials I spoke to afterwards painted a different picture. They say the cabinet "
        "was split for weeks, and that pressure from the allies tipped the balance."
    )
    items = found(body)
    assert ("anonymous", "the cabinet was split for weeks", None) in items
    assert ("anonymous", "pressure from the allies tipped the balance", None) in items


def test_they_after_a_named_person_is_not_made_unnamed():
    body = "Minister Ana Vell met the farmers. They say the river is too low."
    assert all(q.kind != "anonymous" for q in extract_quotes(body))


def test_one_of_a_group_of_unnamed_officials_is_unnamed():
    body = (
        "Officials in the ministry, speaking privately, said an expulsion was likely. "
        "One described the mood as 'cold, but not yet frozen'."
    )
    items = found(body)
    assert ("anonymous", "cold, but not yet frozen", None) in items


def test_an_institution_before_the_noun_only_says_whose_the_unnamed_source_is():
    body = "A White House spokesman said Wednesday the talks would go ahead."
    assert found(body) == [("anonymous", "the talks would go ahead", None)]


def test_a_spokesman_the_article_never_names_stays_unnamed():
    body = (
        "A spokesman for the rebel leader on Thursday accused officials of bad faith. The rebel "
        "spokesman said the coalition had five days to resign."
    )
    assert ("anonymous", "the coalition had five days to resign", None) in found(body)


def test_a_transcripts_well_is_nobodys_name():
    body = (
        "REPORTER ANA LIND: Well, an election official, who asked not to be named, told me the "
        "vote was far from unanimous."
    )
    assert found(body) == [("anonymous", "the vote was far from unanimous", None)]


def test_she_after_a_passer_by_who_speaks_is_the_passer_by():
    body = (
        "Mayor Nkechi Bergstrom said the town would cope. Outside the post office, a retired "
        'schoolteacher said she had never seen the town so anxious. "People here do not complain," '
        "she said."
    )
    items = found(body)
    assert ("anonymous", "People here do not complain", None) in items
    assert ("anonymous", "she had never seen the town so anxious", None) in items


def test_local_police_unnamed_are_an_unnamed_source():
    assert found("Local police said the dead included four foreigners.") == [
        ("anonymous", "the dead included four foreigners", None)
    ]


def test_a_conjunction_is_never_an_unnamed_speakers_noun():
    body = (
        "General Ana Holm acknowledged that her troops had not fired a shot since Wednesday but "
        'warned that the rebels were digging in. "They are mistaken," she said.'
    )
    assert {q.speaker for q in extract_quotes(body)} == {"Ana Holm"}


def test_a_document_no_one_is_named_for_speaks_as_an_unnamed_source():
    body = (
        "The chairman, Piet van Aalst, opened by reading from a leaked customs memo that "
        'described the port as "the softest door in the north."'
    )
    [fragment] = extract_quotes(body)
    assert (fragment.kind, fragment.speaker) == ("anonymous", None)


def test_the_subject_of_a_participle_or_an_as_clause_can_be_unnamed():
    body = (
        "Council members clashed on Monday, with several ambassadors accusing each other of "
        '"playing politics with bread" as aid agencies warned that food would run out.'
    )
    items = found(body)
    assert ("anonymous", "playing politics with bread", None) in items
    assert ("anonymous", "food would run out", None) in items


def test_a_spokesperson_from_an_organisation_is_unnamed_not_the_organisation():
    for body in (
        "A spokesperson from the U.S. State Department noted that the talks would resume.",
        "A spokesman for the Foreign Ministry stressed that the talks would resume.",
        "A lawyer for the Mol family confirmed that the talks would resume.",
    ):
        assert found(body) == [("anonymous", "the talks would resume", None)], body


def test_a_group_with_an_auxiliary_or_two_groups_at_once_are_unnamed():
    assert found("Rebel leaders have said that the group will fight on.") == [
        ("anonymous", "the group will fight on", None)
    ]
    body = (
        'They will fight the regime and "foreign invaders" from abroad, turning the war into a '
        "national liberation fight, rebel commanders and opposition politicians say."
    )
    items = found(body)
    assert ("anonymous", "foreign invaders", None) in items
    assert all(speaker is None for _, _, speaker in items)


def test_a_sentence_adverb_or_an_object_after_the_mark_leaves_the_speaker_named():
    body = 'The rebels will fight "to the last man" in the hills, General Ana Holm said on Monday.'
    assert ("partial", "to the last man", "Ana Holm") in found(body)


def test_someone_who_gives_one_name_is_named():
    body = (
        "A law student, who gave her name only as Amaka, said she had been at home since "
        'February. "Is that fair?" she asked.'
    )
    assert found(body) == [
        ("paraphrase", "she had been at home since February", "Amaka"),
        ("direct", "Is that fair?", "Amaka"),
    ]


def test_a_reporters_question_is_an_unnamed_sources():
    body = 'Ana Mol took questions. One reporter asked: "Minister, is this about the pipeline?"'
    assert found(body) == [("anonymous", "Minister, is this about the pipeline?", None)]


def test_someones_family_or_husband_unnamed_are_unnamed_sources():
    body = (
        "Four aid workers were freed on Tuesday, ending an ordeal their families had described "
        'as "a long night with no morning".'
    )
    assert found(body) == [("anonymous", "a long night with no morning", None)]
    assert found("Ana Mol was freed. Her husband said she was tired.") == [
        ("anonymous", "she was tired", None)
    ]
    assert found("Ana Mol was freed. Her husband, Ivo Mol, said she was tired.") == [
        ("paraphrase", "she was tired", "Ivo Mol")
    ]


def test_a_group_doing_something_somewhere_is_unnamed_and_a_titled_name_ends_its_claim():
    body = (
        "Rebels advancing in the Central African Republic say they want talks with the "
        "government, but President Francois Bozize has refused."
    )
    assert found(body) == [("anonymous", "they want talks with the government", None)]


def test_told_or_informed_by_nobody_named_is_an_unnamed_source():
    assert found("Powell was informed she would need a letter of clearance.") == [
        ("anonymous", "she would need a letter of clearance", None)
    ]
    assert found("Ana Mol was told by the minister that the talks were over.") == [
        ("paraphrase", "the talks were over", "the minister")
    ]
    assert found("The crew was warned to leave the port.") == []


def test_a_name_that_begins_with_media_is_no_group():
    body = "Media Council director Takura Zhangazha said the government should be open."
    assert found(body) == [("paraphrase", "the government should be open", "Takura Zhangazha")]


def test_sources_close_to_a_named_person_are_still_unnamed():
    body = (
        "Sources close to the prime minister, Henrik Aalto-Brenn, say he has twice asked her "
        "to soften her tone."
    )
    assert found(body) == [("anonymous", "he has twice asked her to soften her tone", None)]


def test_the_reporter_who_sets_the_scene_is_not_the_unnamed_group_that_speaks():
    body = (
        "Rebels in the Democratic Republic of Congo have called for the government of President "
        "Laurent Kabila to halt an offensive. As Todd Pitman reports from Kigali in neighboring "
        "Rwanda, the Congo rebels say the offensive could endanger foreign troops."
    )
    items = found(body)
    assert ("anonymous", "the offensive could endanger foreign troops", None) in items
    assert all(speaker is None for _, _, speaker in items)


def test_a_name_in_brackets_after_a_title_is_the_speaker():
    body = (
        "The spokesman for the main rebel Congolese Rally for Democracy (Kin-Kiey Mulumba) "
        'reported what he calls "very bloody" fighting near Bokungu.'
    )
    assert found(body) == [("partial", "very bloody", "Kin-Kiey Mulumba")]


def test_groups_that_believe_and_an_unnamed_report_inside_a_named_one():
    body = (
        "U.S. intelligence agencies say they believe the leader died weeks ago. Officials "
        "believe a missile strike killed his predecessor in August. Ibrahim Qaftan told VOA that "
        "American officials said the U.S. has no intention of withdrawing. The letter asked him "
        "to shut down what they believe is a government website."
    )
    items = found(body)
    assert ("anonymous", "they believe the leader died weeks ago", None) in items
    assert ("anonymous", "a missile strike killed his predecessor in August", None) in items
    assert ("anonymous", "the U.S. has no intention of withdrawing", None) in items
    assert all(speaker is None for _, _, speaker in items)


def test_things_that_suggest_are_no_sources_and_a_report_of_a_passive_stays_the_reporters():
    for body in (
        "Estimates suggest the toll is higher.",
        "Satellite images suggest the dam is full.",
        "Recent analysis suggests a slowdown.",
    ):
        assert found(body) == [], body
    assert found("Ana Mol said the council was told the budget would be cut.") == [
        ("paraphrase", "the council was told the budget would be cut", "Ana Mol")
    ]


def test_unnamed_groups_around_a_person_a_place_or_a_country_stay_unnamed():
    body = (
        "Allies of the minister, Rupert Vane, say privately that he was never shown the reports. "
        "In Puerto Ibarra, a town of 6,000 people, fishermen say they cannot reach the island. "
        "Sri Lankan Military officials say government forces have dealt a double blow. But the "
        "Sri Lankan state media says its forces have increased security. Opposition MPs accused "
        "Vane of 'sitting on' evidence."
    )
    assert [(q.kind, q.speaker) for q in extract_quotes(body)] == [("anonymous", None)] * 4


def test_a_persons_allies_an_assumption_somewhere_and_critics_who_call_it_something():
    body = (
        "Ana Marstrand spoke. Marstrand's allies insist that the policy is working, pointing to "
        "the reopened consulate. It is widely assumed in the capital that she will do nothing "
        'before the vote. Critics on the right call the reset "appeasement with better catering".'
    )
    assert [(q.kind, q.text) for q in extract_quotes(body)] == [
        ("anonymous", "the policy is working"),
        ("anonymous", "she will do nothing before the vote"),
        ("anonymous", "appeasement with better catering"),
    ]


def test_it_was_learnt_sources_told_this_correspondent_and_members_where():
    body = (
        "It was learnt that the Foreign Office had summoned the deputy high commissioner. Sources "
        "in the ministry told this correspondent that the government was weighing its options, "
        "and that a legal team had been asked to prepare a brief. Meanwhile, the issue echoed in "
        "the National Assembly, where members on both benches called for a unanimous resolution."
    )
    assert [(q.kind, q.text) for q in extract_quotes(body)] == [
        ("anonymous", "the Foreign Office had summoned the deputy high commissioner"),
        ("anonymous", "the government was weighing its options"),
        ("anonymous", "a legal team had been asked to prepare a brief"),
        ("anonymous", "a unanimous resolution"),
    ]


def test_members_aides_and_officials_around_a_named_body_or_person_stay_unnamed():
    body = (
        "Members of the Syrian National Coalition's negotiating team said the afternoon session "
        "was cancelled. Aides to the deputy prime minister, speaking on condition of anonymity, "
        "had said that she had been coached. Officials traveling with Cohen said Milosevic was "
        "forced from office. The plan has split the council, with opponents warning of a 'flood "
        "waiting to happen'."
    )
    assert [(q.kind, q.speaker) for q in extract_quotes(body)] == [("anonymous", None)] * 4


def test_a_correspondents_source_told_by_and_spoken_to():
    body = (
        "Talks broke up at noon. I'm told by one diplomat in the Velmar delegation that the "
        "other side asked for more money. And the diplomat I spoke to added that a new date "
        "could be set within days."
    )
    found = [(q.kind, q.speaker, q.text) for q in extract_quotes(body)]
    assert ("anonymous", None, "the other side asked for more money") in found
    assert ("anonymous", None, "a new date could be set within days") in found
