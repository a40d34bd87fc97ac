"""Families learnt from the twenty-seventh held-out set (ab, scored once and looked at on 4
December 2026, session 13): a dateline in accented capitals, a headline's claim "affirms
chancellor", a body a title owns ("The Prime Minister's Office"), a post or a note that speaks for
whoever published it, groups that estimate, deeds that are no saying ("added X to its list"),
"classified X as", a ministry's field before a one-name minister, a quotation after its attribution
whose opening mark was left out, and a top official named in the next paragraph."""

from articles.extraction import extract_quotes


def found(body: str, known=()) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body, known_people=known)]


def said(body: str, known=()) -> dict[str, tuple[str, str | None]]:
    return {text: (kind, speaker) for kind, speaker, text in found(body, known)}


def test_a_dateline_in_accented_capitals_with_the_day_first_names_no_one():
    body = (
        "Headline\n\nBRASÍLIA, 14 May (Agência Meridiana) – The minister of Foreign Affairs, Luiz "
        "de Andrade, affirmed this Thursday that Brazil will not recognise the interim government."
    )
    assert found(body) == [
        ("paraphrase", "Luiz de Andrade", "Brazil will not recognise the interim government")
    ]


def test_a_headlines_claim_then_affirms_and_a_title():
    body = "\n\n".join(
        [
            "Brazil will not recognise interim government, affirms chancellor",
            "The chancellor, Luiz de Andrade, said the coup was unacceptable.",
        ]
    )
    assert said(body)["Brazil will not recognise interim government"] == (
        "paraphrase",
        "Luiz de Andrade",
    )


def test_a_body_that_a_title_owns_is_named_with_the_title():
    body = "\n\n".join(
        [
            "Headline",
            "The Prime Minister's Office said on Monday that he would address parliament.",
            "Later the President's office said the visit was off.",
        ]
    )
    assert said(body) == {
        "he would address parliament": ("paraphrase", "Prime Minister's Office"),
        "the visit was off": ("paraphrase", "President's office"),
    }


def test_the_post_is_whoever_wrote_or_posted_it():
    body = "\n\n".join(
        [
            "Headline",
            "In a Facebook post on Sunday, opposition leader Mira Volk wrote that the deal was a "
            "mistake.",
            '"No government has the mandate to redraw the map," the post read.',
            "Late on Tuesday the Lisgard embassy posted a photograph of the piers.",
            '"Safety is not politics," the post said.',
        ]
    )
    assert said(body)["No government has the mandate to redraw the map"] == ("direct", "Mira Volk")
    assert said(body)["Safety is not politics"] == ("direct", "Lisgard embassy")


def test_according_to_the_note_is_the_body_that_released_it():
    body = "\n\n".join(
        [
            "Headline",
            "Early in the morning, Itamaraty had released a note in which it expressed «deep "
            "concern» with the events.",
            "According to the note, the government «follows with attention» the situation.",
        ]
    )
    assert said(body) == {
        "deep concern": ("partial", "Itamaraty"),
        "the government follows with attention the situation": ("paraphrase", "Itamaraty"),
        "follows with attention": ("partial", "Itamaraty"),
    }


def test_groups_that_estimate_are_unnamed():
    body = (
        "Headline\n\nThe offensive is in Varesh province, where aid agencies estimate that more "
        "than 200,000 people have been displaced."
    )
    assert found(body) == [
        ("anonymous", None, "more than 200,000 people have been displaced"),
    ]


def test_adding_a_company_to_a_list_is_no_saying_but_adding_that_is():
    body = "\n\n".join(
        [
            "Headline",
            "The State Department on Monday added Marovia Ocean Lines to its list of sanctioned "
            "entities.",
            "Secretary Ana Ruiz added that the list would grow.",
        ]
    )
    assert found(body) == [("paraphrase", "Ana Ruiz", "the list would grow")]


def test_classified_as_is_a_designation_not_a_quotation():
    body = 'Headline\n\nOfficials classified the documents as "top secret".'
    assert found(body) == []


def test_a_ministrys_fields_before_a_one_name_minister_make_him_the_subject():
    body = "\n\n".join(
        [
            "Headline",
            "Navy spokesman Rudolfus Pangemanan said patrols had not been reduced.",
            "Maritime Affairs and Fisheries Minister Wahyudin visited the port. He noted that "
            "catches had fallen.",
        ]
    )
    assert said(body)["catches had fallen"] == ("paraphrase", "Wahyudin")


def test_a_second_quotation_after_its_attribution_whose_opening_mark_was_left_out():
    body = "\n\n".join(
        [
            "Headline",
            "Assistant Secretary Linda Greenwood spoke on Thursday.",
            "“We are all watching this election,” said Greenwood. And our hope is the election "
            "will be free and fair.”",
        ]
    )
    assert said(body)["And our hope is the election will be free and fair."] == (
        "direct",
        "Linda Greenwood",
    )


def test_a_top_official_in_a_lede_stays_unnamed_whoever_speaks_next():
    # (A review found that naming such an official after the next paragraph's speaker misreads
    # the commonest wire lede; the one set that labelled it so, ab02, is left missed.)
    body = "\n\n".join(
        [
            "Headline",
            "The strikes will continue, a senior Pentagon official said on Monday.",
            "Defense Secretary Lloyd Austin said the United States would defend its troops.",
        ]
    )
    assert said(body)["The strikes will continue"] == ("anonymous", None)


def test_a_top_official_who_spoke_anonymously_stays_unnamed():
    body = "\n\n".join(
        [
            "Headline",
            "The talks are stuck, said a top U.S. State Department official, who spoke on "
            "condition of anonymity.",
            "Assistant Secretary of State Linda Greenwood said the vote would go ahead.",
        ]
    )
    assert said(body)["The talks are stuck"] == ("anonymous", None)


def test_an_unnamed_spokesman_of_a_named_office_is_an_unnamed_source():
    body = (
        "Headline\n\nLater on Tuesday a Downing Street spokesman said the licences would be "
        '"looked at in the round".'
    )
    assert found(body) == [
        ("anonymous", None, "the licences would be looked at in the round"),
        ("anonymous", None, "looked at in the round"),
    ]


def test_a_relative_clause_after_an_inverted_attribution_is_who_they_are():
    body = "Headline\n\nThe talks are stuck, said Ana Mol, who chairs the committee."
    assert found(body) == [("paraphrase", "Ana Mol", "The talks are stuck")]


def test_a_relative_clause_inside_a_parenthetical_attribution_is_left_out():
    body = (
        "Headline\n\nThe trouble, according to Imre Salk, who studies the metals trade, is that "
        "neither government has changed its goal."
    )
    assert found(body) == [
        ("paraphrase", "Imre Salk", "The trouble is that neither government has changed its goal")
    ]


def test_a_headlines_role_before_its_colon_or_its_verb_is_the_person_the_body_quotes():
    body = "\n\n".join(
        [
            "Port could lose up to 300 jobs after sanctions, director says",
            "PORT HALVERN, Maine (WHLV) — The director of the port, Dana Whitcombe, says as many "
            "as 300 jobs could be at risk.",
        ]
    )
    assert said(body)["Port could lose up to 300 jobs after sanctions"] == (
        "paraphrase",
        "Dana Whitcombe",
    )


def test_asking_not_to_use_ones_name_is_no_request():
    body = (
        "Headline\n\nOne longshoreman, who asked Channel 7 not to use his name because he feared "
        "losing shifts, said workers had heard rumors for weeks."
    )
    assert found(body) == [("anonymous", None, "workers had heard rumors for weeks")]


def test_a_headlines_role_before_a_colon_and_a_quoted_fragment():
    body = "\n\n".join(
        [
            "US Senate Leader: Iran Deal 'Hard Sell' in Congress",
            "Senate Majority Leader Mitch Connell said Sunday that any deal would be difficult "
            "to pass.",
        ]
    )
    spoken = said(body)
    assert spoken["Hard Sell"] == ("partial", "Mitch Connell")
    assert spoken["Iran Deal Hard Sell in Congress"] == ("paraphrase", "Mitch Connell")


# Misreadings a second review of these rules found (session 13), each read right now.


def test_the_noun_estimate_is_no_verb_of_saying():
    body = "\n\n".join(
        [
            "Headline",
            "Ana Ruiz's estimate that 300 people died was too low, Tom Lee said.",
            "The UN estimate that 2 million people have fled is conservative.",
        ]
    )
    assert found(body) == [
        ("paraphrase", "Tom Lee", "Ana Ruiz's estimate that 300 people died was too low")
    ]


def test_a_headlines_role_the_lead_does_not_name_gives_no_claim():
    assert found("Budget will pass, director says\n\nLawmakers met on Monday.") == []
    body = (
        "Schools to reopen next week, governor says\n\nGov. Ana Ruiz said on Monday that schools "
        "would reopen next week."
    )
    assert said(body)["Schools to reopen next week"] == ("paraphrase", "Ana Ruiz")


def test_said_over_a_medium_is_how_but_over_a_number_is_what():
    body = (
        "Headline\n\nThe deal was off, Tom Lee said over a video link. We are close, Tom Lee said "
        "over coffee."
    )
    assert [t for _, _, t in found(body)] == ["The deal was off", "We are close"]


def test_she_added_a_clause_that_ends_at_a_squad_is_still_a_clause():
    body = (
        "Headline\n\nCoach Ana Ruiz said the deal was done. She added the players would return to "
        "the squad next week."
    )
    assert said(body)["the players would return to the squad next week"] == (
        "paraphrase",
        "Ana Ruiz",
    )


def test_who_warned_that_after_an_inverted_attribution_is_a_claim_of_its_own():
    body = "Headline\n\nPrices will rise, said Tom Lee, who warned that wages would not keep pace."
    assert said(body)["wages would not keep pace"] == ("paraphrase", "Tom Lee")


def test_a_closing_mark_after_another_persons_attribution_is_not_the_last_speakers():
    body = '"We will win," Mayor Tom Lee said. Ana Ruiz said the plan was a political stunt.”'
    assert all(speaker != "Tom Lee" or text == "We will win" for _, speaker, text in found(body))


def test_a_note_found_and_a_person_posted_somewhere_are_no_authors():
    body = "\n\n".join(
        [
            "Headline",
            'Police found a note at the scene, Chief Tom Lee said. "I am sorry," the note said.',
            'Ana Ruiz was posted to Kabul in 2009. "The mission failed," the post said.',
        ]
    )
    spoken = said(body)
    assert spoken.get("I am sorry", (None, None))[1] != "Police"
    assert spoken.get("The mission failed", (None, None))[1] != "Ana Ruiz"


def test_a_numbered_article_or_resolution_in_a_headline_is_no_speaker():
    body = "Article 5 says an attack on one is an attack on all\n\nThe treaty was signed in 1949."
    assert found(body) == []
