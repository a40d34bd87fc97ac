"""Rules learnt from one press style do not fire on ordinary prose: a review's list of inputs
that a real news text would plausibly contain."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]


def test_a_person_before_a_verb_and_a_title_keeps_their_name():
    body = (
        'Lena Hart told Ambassador Joe Marsh the plan would fail. She added that it was "a '
        'disgrace". Lena Hart said President Ola Berg had misled voters. Hart said the vote '
        "should be rerun."
    )
    assert {speaker for _, _, speaker in found(body)} == {"Lena Hart"}


def test_title_case_headings_and_a_papers_own_explainer_are_no_interviews():
    headings = (
        "Housing plan\n\nRent Caps: the mayor said rents would be frozen, calling it "
        '"a lifeline".\n\nNew Housing: the council will build 500 homes by 2030.'
    )
    assert [kind for kind, _, _ in found(headings)] == ["paraphrase", "partial"]
    explainer = (
        "Snap election explained\n\nPrime Minister Ola Berg called a snap election on Monday.\n\n"
        "Q: When is the vote?\n\nA: The vote will be held on May 5, the electoral commission says."
    )
    assert found(explainer) == [
        ("paraphrase", "The vote will be held on May 5", "electoral commission")
    ]


def test_headline_idioms_are_no_claims_and_an_unnamed_official_stays_unnamed():
    assert found("Storm Claims 12 Lives in Northern Province\n\nThe storm hit on Monday.") == []
    assert found("Lund Says Goodbye to Parliament After 30 Years\n\nAna Lund left.") == []
    official = (
        "Iran Sanctions Working, U.S. Official Says\n\nPresident Joe Biden signed new sanctions "
        "on Monday. A senior official, who spoke on condition of anonymity, said they worked."
    )
    assert found(official)[0] == ("anonymous", "Iran Sanctions Working", None)


def test_given_names_styles_and_bodies_are_not_confused():
    body = (
        "Mohammed Shtayyeh arrived. He met Sheikh Mohammed bin Zayed in Abu Dhabi. Sheikh "
        'Mohammed said the meeting had been "fruitful". Foreign Minister van der Berg said the '
        "talks had failed. Royal Caribbean said the cruises would resume. Lund's representative "
        "said she would appeal the ruling."
    )
    speakers = [speaker for _, _, speaker in found(body)]
    assert "Mohammed Shtayyeh" not in speakers
    assert {"van der Berg", "Royal Caribbean", "Lund's representative"} <= set(speakers)


def test_gerunds_services_and_added_with_a_clause():
    body = (
        'Ana Lund left the meeting without saying a word to the "rebels" in her party. The '
        "bishop arrived at the cathedral at dawn, said Mass. Ana Lund added inflation fell "
        "sharply in March."
    )
    assert found(body) == [("paraphrase", "inflation fell sharply in March", "Ana Lund")]


def test_a_country_in_a_broadcast_is_not_a_guest_of_the_same_name():
    body = (
        "MARK JORDAN, MIDDLE EAST ANALYST: The crossing matters.\n\n"
        "PRESENTER: Jordan said on Monday it would keep the crossing shut for another week."
    )
    assert ("paraphrase", "it would keep the crossing shut for another week", "Jordan") in found(
        body
    )
