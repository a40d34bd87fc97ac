"""A title ("the prime minister") is credited to the person who held it on the article's date."""

from articles.extraction import extract_quotes

PEOPLE = [
    ("Roksana Hrytsenko", ["Prime Minister", "Prime Minister of Velmora"]),
    ("Casimir Vell", ["President of Drenland"]),
    ("Ana Okafor", ["Foreign Minister of Aldoria"]),
]


def found(body: str, people=PEOPLE) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(body, known_people=people)]


def test_the_prime_minister_responded_that_is_the_prime_minister():
    body = (
        "Asked whether talks had begun, the prime minister responded that contacts were "
        "taking place."
    )
    assert found(body) == [("paraphrase", "contacts were taking place", "Roksana Hrytsenko")]


def test_a_possessive_country_and_a_title():
    body = (
        "Velmora's prime minister said on Tuesday that her government would study the offer. "
        '"We will not be rushed," the Drenish president said.'
    )
    items = found(body)
    assert ("paraphrase", "her government would study the offer", "Roksana Hrytsenko") in items
    assert ("direct", "We will not be rushed", "Casimir Vell") in items


def test_titles_match_whatever_their_case_and_a_country_adjective():
    body = "The Aldorian foreign minister told reporters that the embassy would stay open."
    people = [("Ana Okafor", ["foreign minister of aldoria"])]
    assert found(body, people) == [("paraphrase", "the embassy would stay open", "Ana Okafor")]


def test_without_known_people_a_person_the_text_named_with_the_title():
    body = (
        "Prime Minister Roksana Hrytsenko opened the session. Later the prime minister said "
        "that the budget would pass."
    )
    assert found(body, []) == [("paraphrase", "the budget would pass", "Roksana Hrytsenko")]


def test_without_any_match_the_title_as_printed():
    body = '"We are ready to talk," the prime minister said.'
    [(kind, text, speaker)] = found(body, [])
    assert (kind, text) == ("direct", "We are ready to talk")
    assert speaker == "the prime minister"


def test_two_people_with_the_same_title_and_no_country_is_no_guess():
    body = '"We are ready to talk," the president said.'
    people = [("Casimir Vell", ["President of Drenland"]), ("Ana Mol", ["President of Aldoria"])]
    [(_, _, speaker)] = found(body, people)
    assert speaker == "the president"


def test_a_shorter_title_refers_back_to_the_person_given_the_full_title():
    body = (
        "Defense Secretary Lloyd Austin spoke in Brussels. The secretary said the aid would "
        '"make a real difference" on the battlefield.'
    )
    assert ("partial", "make a real difference", "Lloyd Austin") in found(body, [])


def test_the_prime_minister_is_not_the_deputy_prime_minister():
    body = '"We will not be rushed," the prime minister said.'
    people = [("Jalen Corso", ["Deputy Prime Minister"])]
    assert found(body, people) == [("direct", "We will not be rushed", "the prime minister")]


def test_a_title_given_with_a_later_surname_is_followed_back():
    for full, name, later, title in (
        (
            "Senate Majority Leader Mitch McConnell",
            "Mitch McConnell",
            "Senator McConnell",
            "the senator",
        ),
        ("Lena Hart, who chairs the ports board,", "Lena Hart", "Governor Hart", "The governor"),
        ("Pieter van der Berg", "Pieter van der Berg", "Ambassador van der Berg", "the ambassador"),
    ):
        body = (
            f"{full} spoke first. {later} told the radio that the port would reopen. "
            f"Fishermen were not convinced. {title[0].upper() + title[1:]} says repairs will "
            "take a month."
        )
        assert [q.speaker for q in extract_quotes(body)] == [name, name], full


def test_its_and_whose_titles_are_the_countrys_office_holders():
    people = [("Ilse Varga", ["foreign minister"]), ("Jon Ekel", ["defense minister"])]
    body = (
        "Veldara released the crew on Tuesday, and its foreign minister said the gesture should "
        '"clear the air". The drills drew a protest from Orland, whose defense minister called '
        'them "a rehearsal for blockade".'
    )
    speakers = {q.text: q.speaker for q in extract_quotes(body, known_people=people)}
    assert speakers["clear the air"] == "Ilse Varga"
    assert speakers["a rehearsal for blockade"] == "Jon Ekel"


def test_of_two_holders_of_a_title_the_one_named_last_is_meant():
    people = [
        ("Folake Ibekwe", ["Minister of Education"]),
        ("Musa Garba", ["Minister of Finance"]),
    ]
    body = (
        "The union rejected the offer made by the Minister of Education, Folake Ibekwe, on "
        "Friday. The minister maintained that the offer remained open."
    )
    assert ("paraphrase", "the offer remained open", "Folake Ibekwe") in found(body, people)
    body = "The minister maintained that the offer remained open."
    assert found(body, people) == [("paraphrase", "the offer remained open", "the minister")]


def test_a_title_that_runs_over_of_before_a_surname_is_that_persons():
    body = (
        "Secretary of State Albright says the department must warn travellers. The Secretary "
        "of State said the warning was specific. The secretary of defense said it was not."
    )
    assert [(q.text, q.speaker) for q in extract_quotes(body)] == [
        ("the department must warn travellers", "Albright"),
        ("the warning was specific", "Albright"),
        # Another department's secretary is not her.
        ("it was not", "the secretary"),
    ]


def test_a_former_title_is_only_a_holder_of_that_former_title():
    people = [
        ("Faith Njambi Gatwiri", ["former Woman Representative"]),
        ("Mary Wanjiru", ["Woman Representative"]),
    ]
    body = (
        '"We have evidence that the forms were altered," the former Woman Representative told '
        'journalists. "The count was clean," the Woman Representative said.'
    )
    assert [q.speaker for q in extract_quotes(body, known_people=people)] == [
        "Faith Njambi Gatwiri",
        "Mary Wanjiru",
    ]
