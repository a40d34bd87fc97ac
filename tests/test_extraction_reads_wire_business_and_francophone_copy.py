"""Families learnt from the twenty-fifth held-out set (a, looked at on 3 December 2026, session
12): a wire dateline with a two-word place, "told reporters after meeting ... he's", a chief
executive's title, "the tanker operator" for the one company named, a ministry whose field has two
words after "and", a title and its holder's name after "According to", "the head of X diplomacy"
for a foreign minister, and a phone-in's unnamed callers, whose participles stay theirs."""

from articles.extraction import extract_quotes


def found(body: str, known=()) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body, known_people=known)]


def test_a_dateline_with_a_two_word_place_and_a_date_is_no_speaker():
    body = (
        "Missile Defense Dominates Gates Meetings\n\nPRAGUE, Czech Republic, Oct. 23, 2007 - "
        "Defense Secretary Robert M. Gates told reporters after meeting today with Czech leaders "
        "he's confident the negotiations are on track."
    )
    assert found(body) == [
        ("paraphrase", "Robert M. Gates", "he's confident the negotiations are on track")
    ]


def test_a_chief_executive_is_a_title_and_the_operator_is_the_one_company():
    body = "\n\n".join(
        [
            "Headline",
            "KASTELHOLM, June 3 (Ledger) - Brennholt Shipping expects to write off $430 million, "
            "the company said on Tuesday.",
            'In the filing, the tanker operator said it was "reviewing all options".',
            '"We are fully compliant," Chief Executive Margit Olofsson said on a call.',
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["reviewing all options"] == "Brennholt Shipping"
    assert said["We are fully compliant"] == "Margit Olofsson"


def test_a_ministrys_second_field_may_have_two_words():
    body = (
        "Headline\n\nThe Ministry of Foreign Affairs and Diaspora Relations said it had summoned "
        "the charge d'affaires."
    )
    assert found(body) == [
        (
            "paraphrase",
            "Ministry of Foreign Affairs and Diaspora Relations",
            "it had summoned the charge d'affaires",
        )
    ]


def test_according_to_a_title_then_its_holders_name_is_the_holder():
    body = (
        "Headline\n\nAccording to the President of the National Council of Shippers (CNCK), Mr. "
        "Dramane Toure, more than 1,200 trucks are stuck at the border."
    )
    assert found(body) == [
        ("paraphrase", "Dramane Toure", "more than 1,200 trucks are stuck at the border")
    ]
    officials = (
        "Headline\n\nAccording to officials, President Ruto, who is in Paris, will travel on."
    )
    assert [s for _, s, _ in found(officials)] == [None]


def test_the_head_of_a_countrys_diplomacy_is_its_foreign_minister():
    known = [("Ousmane Sangare", ["Minister of Foreign Affairs, African Integration"])]
    body = (
        "Headline\n\nAt the end of the audience, the Head of Kessaran diplomacy declared to the "
        "press that Kessara was ready to talk."
    )
    assert found(body, known) == [("paraphrase", "Ousmane Sangare", "Kessara was ready to talk")]
    introduced = (
        "Headline\n\nForeign Minister Ousmane Sangare met the envoy. Later the head of Kessaran "
        "diplomacy said Kessara was ready to talk."
    )
    assert found(introduced) == [("paraphrase", "Ousmane Sangare", "Kessara was ready to talk")]


def test_a_callers_words_stay_unnamed_and_so_do_the_participles_after_them():
    body = "\n\n".join(
        [
            "Headline",
            "Prime Minister Marcus Joseph said the visa rule was unfair.",
            "\u201cThey sell the passport, and is we who pay,\u201d said another caller from Anse "
            "Noire (translated from Kweyol).",
            "A caller who described himself as a taxi driver said the Prime Minister was "
            "\u201cright to stand up\u201d to Arvania, adding that \u201cbig countries always "
            "find a reason\u201d.",
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["They sell the passport, and is we who pay"] is None
    assert said["right to stand up"] is None
    assert said["big countries always find a reason"] is None


def test_a_sports_desks_copy():
    body = "\n\n".join(
        [
            "Headline",
            "Norvasca's team will not travel to the championship, the Norvascan Handball "
            "Federation (NHF) confirmed on Tuesday, making them the first side to boycott it.",
            "Captain Lena van der Berg said the squad had voted unanimously.",
            '"We\'re athletes, not politicians," the 31-year-old told reporters.',
            '"I\'d rather lose the money than watch us play there," said one supporter, a '
            "schoolteacher from Lunde.",
            "According to the fishermen's lawyer, Paulo de Matos, the men have not been charged.",
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["Norvasca's team will not travel to the championship"] == (
        "Norvascan Handball Federation"
    )
    assert said["We're athletes, not politicians"] == "Lena van der Berg"
    assert said["I'd rather lose the money than watch us play there"] is None
    assert said["the men have not been charged"] == "Paulo de Matos"


def test_an_aside_after_said_then_the_clause_and_depicted_as():
    body = "\n\n".join(
        [
            "Headline",
            "Mr. Richard Boucher said, as part of a review of policy, the administration has "
            "decided to expand the list.",
            'Boucher again depicted the attack, which left many dead, as a "premeditated ambush".',
            "He said, in Paris, and again in Rome.",
        ]
    )
    said = {t: (k, s) for k, s, t in found(body)}
    assert said["as part of a review of policy, the administration has decided to expand the list"]
    assert said["premeditated ambush"] == ("partial", "Richard Boucher")
    assert len(said) == 2
