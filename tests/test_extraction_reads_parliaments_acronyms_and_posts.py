"""Families learnt from the twenty-ninth held-out set (ad, scored once and looked at on 4 December
2026, session 13): a member by their country ("the Greek MEP"), a body a country's president owns,
a headline's acronym the body spells out, "U.S." for "the United States", a post "on X." that ends
its sentence, and "talk of" a term."""

from articles.extraction import extract_quotes


def found(body: str, known=()) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body, known_people=known)]


def said(body: str, known=()) -> dict[str, tuple[str, str | None]]:
    return {text: (kind, speaker) for kind, speaker, text in found(body, known)}


def test_a_member_by_their_country_is_the_one_the_text_gave_it():
    body = "\n\n".join(
        [
            "Headline",
            "Nikos Karamanlidis (The Left, Greece) argued that sanctions would hurt.",
            '"We have seen this film before," said the Greek MEP.',
            "Tomasz Wierzbicki (EPP, Poland), who chairs the delegation, spoke next.",
            '"Every week we wait, Dolgan gets stronger," the Polish MEP said.',
            'Ana Ruiz, a Spanish MEP, spoke too. "No," said the Spanish MEP.',
        ]
    )
    spoken = said(body)
    assert spoken["We have seen this film before"] == ("direct", "Nikos Karamanlidis")
    assert spoken["Every week we wait, Dolgan gets stronger"] == ("direct", "Tomasz Wierzbicki")
    assert spoken["No"] == ("direct", "Ana Ruiz")


def test_an_office_a_countrys_president_owns_is_named_whole():
    body = "Headline\n\nThe Maldaran President's Office said the matter would be resolved."
    assert found(body) == [
        ("paraphrase", "Maldaran President's Office", "the matter would be resolved")
    ]


def test_a_headlines_acronym_and_us_are_the_bodies_the_story_names():
    body = "\n\n".join(
        [
            "MEA Calls Minister's Remarks 'Unwarranted'",
            "India hit back, with the Ministry of External Affairs (MEA) calling the remarks "
            '"unwarranted".',
        ]
    )
    assert said(body)["Unwarranted"] == ("partial", "Ministry of External Affairs")
    body = "\n\n".join(
        [
            "U.S. Says Talks Must Resume",
            "The United States is urging both parties to return to the table.",
        ]
    )
    assert said(body)["Talks Must Resume"] == ("paraphrase", "United States")


def test_a_post_on_x_ends_its_sentence_and_talk_of_a_term_is_no_quotation():
    body = "\n\n".join(
        [
            "Headline",
            "Foreign Minister Taras Bond posted photos of the building on X. "
            '"This is what they mean by negotiations," he wrote.',
            'Prime Minister Ana Havryl dismissed talk of an "energy truce" as "a cynical show".',
        ]
    )
    assert said(body) == {
        "This is what they mean by negotiations": ("direct", "Taras Bond"),
        "a cynical show": ("partial", "Ana Havryl"),
    }


def test_a_term_the_text_marked_as_one_is_no_quotation_when_printed_again():
    body = "\n\n".join(
        [
            "Headline",
            'The Brigades announced the formation of a so-called "parallel government".',
            'Minister Hisham Raafat described the announcement of a "parallel government" as "a '
            'dangerous step".',
        ]
    )
    assert found(body) == [("partial", "Hisham Raafat", "a dangerous step")]


def test_a_clause_that_opens_with_a_connective_then_a_mark_points_past_the_mark():
    body = (
        'Headline\n\nAlso, "a significant number of fighters were shot down," Commander Ana Vid '
        "told state television on Sunday, AFP reported."
    )
    for quote in extract_quotes(body):
        assert body[quote.start : quote.end].startswith(quote.text.split()[0])
