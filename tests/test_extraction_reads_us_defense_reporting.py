"""US defense and wire reporting: the Pentagon as a body, a service and rank before a name
("Marine Corps four star General Peter Pace", "Pentagon spokesman Navy Capt. Michael
Doubleday") as the subject a later "he" means, present-tense reports without "that" ("tells VOA
allied forces will ...", "notes U.S. air-strikes have been ...", "predicts"), and the reporter's
", playing down ..." after a claim."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body)]


def test_the_pentagon_is_a_body_and_the_general_is_he():
    body = (
        "But the Pentagon says it has no independent information to confirm the reports. Marine "
        "Corps four star General Peter Pace is Vice-Chairman of the Joint Chiefs of Staff. "
        '"I have read the same reports you have read," he said.'
    )
    assert found(body) == [
        ("paraphrase", "Pentagon", "it has no independent information to confirm the reports"),
        ("direct", "Peter Pace", "I have read the same reports you have read"),
    ]


def test_a_spokesman_named_after_the_service_and_rank_is_he():
    body = (
        "Defense Secretary William Cohen spoke on Monday. Pentagon spokesman Navy Capt. Michael "
        'Doubleday said Iraq is refusing access. "The inspectors must have unfettered access," '
        "he said."
    )
    assert ("direct", "Michael Doubleday", "The inspectors must have unfettered access") in found(
        body
    )


def test_present_tense_reports_without_that():
    body = (
        "A senior defense official tells VOA allied forces will intercept any reinforcement. "
        "The same official, speaking on condition of anonymity, notes U.S. air-strikes have been "
        "hammering supply depots. This official predicts the strikes will soon leave the Taleban "
        "short of supplies."
    )
    assert found(body) == [
        ("anonymous", None, "allied forces will intercept any reinforcement"),
        ("anonymous", None, "U.S. air-strikes have been hammering supply depots"),
        ("anonymous", None, "the strikes will soon leave the Taleban short of supplies"),
    ]


def test_what_saying_it_did_is_the_reporters():
    body = (
        "The Pentagon late Thursday said North Korea does not have nuclear-armed missiles, "
        "playing down an intelligence report leaked earlier in the day."
    )
    assert found(body) == [
        ("paraphrase", "Pentagon", "North Korea does not have nuclear-armed missiles")
    ]
