"""Families learnt from the twenty-eighth held-out set (ac, scored once and looked at on 4
December 2026, session 13): a state agency's spokesperson named family name first, a demand after
a trailing attribution, a Knesset member and a party in brackets, continents that are no person, an
unnamed minister with a relative clause, a second speaker joined by "and", and a crowd's chant."""

from articles.extraction import extract_quotes


def found(body: str, known=()) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body, known_people=known)]


def said(body: str, known=()) -> dict[str, tuple[str, str | None]]:
    return {text: (kind, speaker) for kind, speaker, text in found(body, known)}


def test_a_spokesperson_named_family_name_first_and_the_headlines_role():
    body = "\n\n".join(
        [
            "China opposes port ban, says FM spokesperson",
            "BEIJING, May 3 (Xinhua) -- China firmly opposes the port ban, Chinese Foreign "
            "Ministry spokesperson Liang Wenhao said Monday.",
            "Liang pointed out that bilateral trade reached a record.",
        ]
    )
    assert said(body) == {
        "China opposes port ban": ("paraphrase", "Liang Wenhao"),
        "China firmly opposes the port ban": ("paraphrase", "Liang Wenhao"),
        "bilateral trade reached a record": ("paraphrase", "Liang Wenhao"),
    }


def test_a_demand_after_a_trailing_attribution():
    body = (
        "Headline\n\nChina firmly opposes the ban, spokesperson Liang Wenhao said Monday, urging "
        'the other side to "correct its wrong practice" without delay.'
    )
    assert said(body) == {
        "China firmly opposes the ban": ("paraphrase", "Liang Wenhao"),
        "correct its wrong practice": ("partial", "Liang Wenhao"),
        "correct its wrong practice without delay": ("paraphrase", "Liang Wenhao"),
    }


def test_a_knesset_member_and_a_party_in_brackets():
    body = "\n\n".join(
        [
            "Headline",
            "Opposition MK Noa Erez (Atid Hadash) said the government had failed.",
            "MK Yehuda Azoulay (Tkuma Leumit) told Kan Reshet Bet that Israel should close its "
            "embassy.",
        ]
    )
    assert said(body) == {
        "the government had failed": ("paraphrase", "Noa Erez"),
        "Israel should close its embassy": ("paraphrase", "Yehuda Azoulay"),
    }


def test_a_continent_is_no_person_a_pronoun_could_mean():
    body = (
        "Headline\n\nDefense Secretary Leon Panetta spoke. Latin America is a key region, the "
        "secretary added. Its countries are neighbors, he said."
    )
    assert said(body)["Its countries are neighbors"] == ("paraphrase", "Leon Panetta")


def test_an_unnamed_minister_with_a_relative_clause_and_the_quotation_after():
    body = "\n\n".join(
        [
            "Headline",
            "Defense Minister Uri Levanon urged ministers to recall the ambassador.",
            '"It was loud, very loud," one minister who attended the meeting told the channel. '
            '"Levanon wanted a recall tonight."',
        ]
    )
    assert said(body) == {
        "recall the ambassador": ("paraphrase", "Uri Levanon"),
        "It was loud, very loud": ("anonymous", None),
        "Levanon wanted a recall tonight.": ("anonymous", None),
    }


def test_a_second_speaker_joined_by_and_after_a_quoted_fragment():
    body = (
        'Headline\n\nSpokeswoman Jenna Morales said the ad "twists his words," and a campaign '
        "aide, who spoke on condition of anonymity, said the campaign would answer it."
    )
    assert said(body) == {
        "the ad twists his words": ("paraphrase", "Jenna Morales"),
        "twists his words": ("partial", "Jenna Morales"),
        "the campaign would answer it": ("anonymous", None),
    }


def test_a_crowds_chant_is_no_quotation():
    body = (
        'Headline\n\n"Every dollar counts," Governor Rick Halvorsen told the crowd, which broke '
        'into a chant of "Bring it home!"\n\nProtesters chanted "No war" outside.'
    )
    assert found(body) == [("direct", "Rick Halvorsen", "Every dollar counts")]


def test_told_a_programme_in_marks_that_and_says_a_claim_and_pledges_to():
    body = "\n\n".join(
        [
            "Headline",
            'Envoy Marion Tate told "Capitol Sunday" that there was a window for a deal.',
            'Former governor Frank Delucca says Corvela is "the hinge of the whole region" and '
            'pledges to "listen first" in his dealings with its government.',
            'Spokesman Devin Park declined to discuss "internal deliberations".',
            'The pledges would be judged by "deliveries, not declarations," Tate said.',
        ]
    )
    spoken = said(body)
    assert spoken["there was a window for a deal"] == ("paraphrase", "Marion Tate")
    assert spoken["Corvela is the hinge of the whole region"] == ("paraphrase", "Frank Delucca")
    assert spoken["listen first"] == ("partial", "Frank Delucca")
    assert spoken["internal deliberations"] == ("partial", "Devin Park")
    assert spoken["deliveries, not declarations"] == ("partial", "Marion Tate")


def test_groups_as_a_sentences_subject_after_however_are_unnamed():
    body = "\n\n".join(
        [
            "Headline",
            "However, the rebels say they will hold their positions.",
            "The demonstrators say they are upset over corruption.",
        ]
    )
    assert said(body) == {
        "they will hold their positions": ("anonymous", None),
        "they are upset over corruption": ("anonymous", None),
    }


def test_told_a_networks_programme_that():
    body = (
        'Headline\n\nLebanese Prime Minister Fouad Siniora told CNN\'s "Late Edition" program '
        "that the dispute can be traced to the Shebaa Farms."
    )
    assert said(body)["the dispute can be traced to the Shebaa Farms"] == (
        "paraphrase",
        "Fouad Siniora",
    )


def test_a_capitalised_name_before_a_platform_is_no_quotation_but_an_epithet_before_a_plan_is():
    body = "\n\n".join(
        [
            "Headline",
            'The Ministry urged exporters to register through the "Tasdeer" electronic platform.',
            'Minister Ana Ruiz called it a "fair and balanced" plan.',
        ]
    )
    spoken = said(body)
    assert "Tasdeer" not in spoken
    assert spoken["fair and balanced"] == ("partial", "Ana Ruiz")
