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
    known = [("Ousmane Sangare", ["Minister of Foreign Affairs and Kessarans Abroad"])]
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


# --- Misreadings a second review found in the rules above (inputs written by the reviewer) ---


def test_a_list_of_places_opening_a_paragraph_is_no_dateline_and_costs_little():
    places = ", ".join(["South Sudan", "Sierra Leone", "Costa Rica", "New Zealand"] * 8)
    body = f"Headline\n\nKenya, {places} and Chile signed the 2019 declaration, the UN said."
    assert [s for _, s, _ in found(body)] == ["UN"]


def test_according_to_a_title_then_a_name_with_a_relative_clause_is_about_the_name():
    kamau = (
        "Headline\n\nAccording to the prosecutor, Mr. John Kamau, who denies the charges, lured "
        "the victim to his flat."
    )
    assert "John Kamau" not in {s for _, s, _ in found(kamau)}
    ruto = (
        "Headline\n\nAccording to a senior official, President William Ruto, who is in Paris, "
        "will travel to Berlin on Monday."
    )
    assert found(ruto) == [
        (
            "anonymous",
            None,
            "President William Ruto, who is in Paris, will travel to Berlin on Monday",
        )
    ]


def test_a_ministrys_field_then_a_title_and_a_name_is_the_named_holder():
    body = (
        "Headline\n\nMinistry of Agriculture and Food Security Cabinet Secretary Mithika Linturi "
        "said the fertiliser would arrive in March."
    )
    assert [s for _, s, _ in found(body)] == ["Mithika Linturi"]


def test_an_age_names_the_person_given_it_never_a_guess_between_two():
    two = (
        "Headline\n\nMarcus Rashford was dropped. Manager Erik ten Hag said the decision was about "
        'discipline. "I\'m disappointed," the 26-year-old told reporters.'
    )
    said = {t: s for _, s, t in found(two)}
    assert "I'm disappointed" not in said or said["I'm disappointed"] is None
    assert said["the decision was about discipline"] == "Erik ten Hag"
    given = two.replace("Marcus Rashford was", "Marcus Rashford, 26, was")
    assert ("direct", "Marcus Rashford", "I'm disappointed") in found(given)


def test_a_rival_company_is_another_company():
    body = (
        "Headline\n\nBrennholt Shipping said it would sell two tankers. The rival company said it "
        "had no interest in buying them."
    )
    assert [s for _, s, _ in found(body)] == ["Brennholt Shipping", "rival company"]


def test_only_a_countrys_head_of_diplomacy_is_a_foreign_minister():
    known = [("Ousmane Sangare", ["Minister of Foreign Affairs"])]
    body = "\n\n".join(
        [
            "Headline",
            "The embassy's head of public diplomacy said visas would resume.",
            "The head of EU diplomacy said the bloc was ready.",
            "The Ugandan foreign minister said Kampala would not attend.",
        ]
    )
    assert "Ousmane Sangare" not in {s for _, s, _ in found(body, known)}


def test_executive_and_officer_name_a_chief_only_before_a_name():
    body = "\n\n".join(
        [
            "Headline",
            "The Executive Mansion said in a statement that President Boakai would travel.",
            "A Customs Officer said the cargo had been seized.",
            "Safaricom Chief Executive Officer Peter Ndegwa said the profits had risen.",
        ]
    )
    said = {t: s for _, s, t in found(body)}
    assert said["President Boakai would travel"] == "Executive Mansion"
    assert "the cargo had been seized" in said
    assert said["the profits had risen"] == "Peter Ndegwa"


def test_told_reporters_during_a_visit_she_made_is_no_clause():
    body = (
        "Headline\n\nSmith told reporters during the visit she made to Gaza last week it was the "
        "worst she had seen."
    )
    assert not any(t.startswith("she made") for _, _, t in found(body))


def test_told_me_before_a_clause_then_that():
    body = "\n\n".join(
        [
            "Headline",
            "Host: Tomas Ferrante, you told me before we started recording that she had "
            '"overplayed a decent hand".',
            "The governor told reporters after police said they had found no survivors that the "
            "search would continue.",
        ]
    )
    said = {t for _, _, t in found(body)}
    assert "she had overplayed a decent hand" in said
    assert "the search would continue" in said
