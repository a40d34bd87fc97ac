"""A live blog's and an investigation's habits: "the ministry has just announced", "It said"
after a body that spoke at the end of the sentence before, a statement printed in full after
"Here it is in full:", the reporter's gloss after quoted words, companies named without a
company word ("Halvard Maritime", later "the company"), and "the sister of" a person."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body)]


def test_a_live_reports_present_perfect_and_it_said_after_it():
    body = (
        "Expulsions - live\n\n"
        "Varkland has ordered three diplomats to leave within 72 hours, the Varklandic Foreign "
        'Ministry has just announced.\n\nIt said the three had engaged in "activities '
        'incompatible with their diplomatic status", the standard formula for alleged spying.'
    )
    assert found(body) == [
        (
            "paraphrase",
            "Varklandic Foreign Ministry",
            "Varkland has ordered three diplomats to leave within 72 hours",
        ),
        (
            "paraphrase",
            "Varklandic Foreign Ministry",
            "the three had engaged in activities incompatible with their diplomatic status",
        ),
        (
            "partial",
            "Varklandic Foreign Ministry",
            "activities incompatible with their diplomatic status",
        ),
    ]


def test_a_statement_printed_in_full_after_a_colon_is_its_issuers():
    body = (
        "Expulsions - live\n\n"
        "The Varklandic Foreign Ministry has published a statement on its website. Here it is in "
        'full:\n\n"The Ministry categorically rejects the decision. This step will not go '
        'unanswered.\n\n"Varkland reserves the right to a proportionate response."'
    )
    assert found(body) == [
        (
            "direct",
            "Varklandic Foreign Ministry",
            "The Ministry categorically rejects the decision. This step will not go unanswered. "
            "Varkland reserves the right to a proportionate response.",
        )
    ]


def test_the_company_is_the_one_company_named():
    one = (
        "Halvard Maritime won the concession in 2023. The company said the emails had been "
        '"taken out of context".'
    )
    assert {speaker for _, speaker, _ in found(one)} == {"Halvard Maritime"}
    two = one.replace(
        "won the concession in 2023.", "hired Tolsz Partners in 2023. Tolsz Partners billed it."
    )
    assert {speaker for _, speaker, _ in found(two)} == {"company"}
    # A company only named in passing is not what "the company" means.
    passing = "Boeing delivered the jet to Alaska Airlines. The company said it would cooperate."
    assert {speaker for _, speaker, _ in found(passing)} == {"company"}


def test_a_persons_kin_is_no_title_before_their_name():
    body = (
        "Marek Tolsz is married to the sister of Luka Brenkovic, the deputy minister. "
        'Mr Brenkovic said he had "never discussed the tender" with his family.'
    )
    assert {speaker for _, speaker, _ in found(body)} == {"Luka Brenkovic"}


def test_a_body_whose_name_ends_in_a_groups_noun_is_that_body():
    body = (
        "The Council for Displaced People, an independent monitoring group, said on Monday that "
        'conditions at the gate were "unacceptable". Pentagon officials said the gate was shut.'
    )
    assert found(body) == [
        ("paraphrase", "Council for Displaced People", "conditions at the gate were unacceptable"),
        ("partial", "Council for Displaced People", "unacceptable"),
        ("anonymous", None, "the gate was shut"),
    ]


def test_whom_someone_urged_is_no_part_of_what_they_urged():
    body = (
        'Envoy Thomas Werle said an agreement was "achievable" and urged both parties to "seize '
        'this moment". Lena Hart urged Sarnica to "refrain from unilateral steps" in the '
        "disputed sections."
    )
    texts = {text for kind, _, text in found(body) if kind == "paraphrase"}
    assert texts == {
        "an agreement was achievable",
        "refrain from unilateral steps in the disputed sections",
    }


def test_a_bodys_own_figures_are_its_word():
    body = (
        "The war began in October, killing about 900 people, according to Sarneli government "
        "figures."
    )
    assert found(body) == [
        ("paraphrase", "Sarneli government", "The war began in October, killing about 900 people")
    ]


def test_a_report_in_commas_with_quoted_words_and_a_second_subject():
    body = (
        "The Sarnian ambassador, Luka Vrabec, spoke from the floor. The detentions, he said, "
        "were 'temporary, lawful and reviewed by our courts', and Sarnia had 'carried more than "
        "its share' of the region's burden."
    )
    assert found(body) == [
        (
            "paraphrase",
            "Luka Vrabec",
            "The detentions were temporary, lawful and reviewed by our courts",
        ),
        ("partial", "Luka Vrabec", "temporary, lawful and reviewed by our courts"),
        (
            "paraphrase",
            "Luka Vrabec",
            "Sarnia had carried more than its share of the region's burden",
        ),
        ("partial", "Luka Vrabec", "carried more than its share"),
    ]


def test_a_newsletters_and_a_translated_wires_habits():
    body = (
        "Dame Helena Strand spoke first. The quota, in her telling, had cut crossings 'by "
        "something like a fifth'. Another participant observed that the slogan left 'very little "
        "room' for bargaining.\n\nThe Vice-Minister of Migration, Rosaura Quintanilla, spoke on "
        'Tuesday. "We have received 300,000 people", the official said. She specified that 4,870 '
        "people have been returned."
    )
    quotes = found(body)
    assert ("partial", "Helena Strand", "by something like a fifth") in quotes
    assert ("anonymous", None, "the slogan left very little room for bargaining") in quotes
    assert ("direct", "Rosaura Quintanilla", "We have received 300,000 people") in quotes
    assert ("paraphrase", "Rosaura Quintanilla", "4,870 people have been returned") in quotes


def test_the_official_after_an_unnamed_one_stays_unnamed():
    body = (
        "A senior official said the talks had stalled. Lena Hart, the minister, disagreed. "
        '"We are close," the official said.'
    )
    assert ("direct", "Lena Hart", "We are close") not in found(body)
