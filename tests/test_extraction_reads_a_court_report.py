"""A court report's habits: "the presiding judge" for the judge the text named, "Under
cross-examination by X, Y conceded" (Y speaks), "Prosecutors allege that" (unnamed), a body's
statement read out by a lawyer ("..., which called the trial '...'"), and a question's
attribution standing as a sentence of its own ('"...?" Osei asked.')."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body)]


def test_the_presiding_judge_is_the_judge_named():
    body = (
        "Presiding Judge Amara Okonjo-Lindqvist opened the trial. Prosecutor Hana Dvorsky spoke "
        "first. When the gallery applauded, the presiding judge warned that she would clear the "
        'room. "This is a courtroom, not a stadium," she said.'
    )
    assert found(body) == [
        ("paraphrase", "Amara Okonjo-Lindqvist", "she would clear the room"),
        ("direct", "Amara Okonjo-Lindqvist", "This is a courtroom, not a stadium"),
    ]


def test_who_speaks_under_cross_examination_and_what_prosecutors_allege():
    body = (
        "Under cross-examination by Pieter Haldane, Luka Brandt conceded he had never seen a "
        "written order. Prosecutors allege that the ministry drew up lists of households."
    )
    assert found(body) == [
        ("paraphrase", "Luka Brandt", "he had never seen a written order"),
        ("anonymous", None, "the ministry drew up lists of households"),
    ]


def test_a_bodys_statement_read_out_by_its_lawyer():
    body = (
        "Outside the court, lawyer Mira Solberg read out a statement from the Oskari Survivors' "
        'Association, which called the trial "the first time anyone has been made to answer".'
    )
    assert found(body) == [
        (
            "partial",
            "Oskari Survivors' Association",
            "the first time anyone has been made to answer",
        )
    ]


def test_a_questions_attribution_after_its_mark():
    body = (
        "Under questioning from Sen. Kevin Osei, Gordon Pike acknowledged that the firm had sold "
        'components.\n\n"Did anyone ask what the boards were for?" Osei asked.'
    )
    assert ("direct", "Kevin Osei", "Did anyone ask what the boards were for?") in found(body)
