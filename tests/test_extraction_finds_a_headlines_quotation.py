"""An article's own headline that quotes someone gives a partial quote of its subject, named as the
body names them (a headline that only restates a body quotation after a name and colon does not);
one that reports a claim without marks ("Cohen Says Balkan Progress Encouraging") a paraphrase."""

from articles.extraction import extract_quotes


def headline_items(body: str) -> list[tuple[str, str | None]]:
    first_line = len(body.split("\n", 1)[0])
    return [(q.text, q.speaker) for q in extract_quotes(body) if q.start < first_line]


def test_a_headlines_subject_said_the_quoted_words():
    body = (
        "Marsh calls border talks 'substantive, productive'\n\n"
        "Defence Secretary Ivo Marsh said on Monday that the talks had gone well."
    )
    assert headline_items(body) == [("substantive, productive", "Ivo Marsh")]


def test_an_address_and_a_title_in_a_headline():
    body = (
        "Kestria to Velmora: 'No foreign interference' in the strait\n\n"
        "Kestria's foreign ministry warned Velmora on Friday to keep its ships away.\n\n"
        "Premier accuses Ottery of 'sleepwalking' as tariffs bite\n\n"
    )
    assert headline_items(body) == [("No foreign interference", "Kestria")]
    titled = (
        "Premier accuses Ottery of 'sleepwalking' as tariffs bite\n\n"
        "Premier Dana Ouimet warned on Thursday that farmers could lose a billion dollars."
    )
    assert headline_items(titled) == [("sleepwalking", "Dana Ouimet")]


def test_a_name_and_colon_headline_restating_the_body_gives_nothing():
    body = (
        "Brandvold: 'We will not trade Velmora for cheap gas'\n\n"
        '"We will not trade Velmora for cheap gas," Minister Tomas Brandvold said on Monday.'
    )
    assert headline_items(body) == []


def test_a_kicker_and_an_organisations_title_for_the_subject():
    body = (
        'Strike: union president calls new offer "an insult"\n\n'
        "The union's president, Emeka Obi, said on Tuesday the strike would go on."
    )
    people = [("Emeka Obi", ["union president"])]
    headline = [q for q in extract_quotes(body, known_people=people) if q.start < 50]
    assert [(q.kind, q.text, q.speaker) for q in headline] == [
        ("partial", "an insult", "Emeka Obi")
    ]


def test_a_quotation_then_says_and_the_subject():
    body = (
        "Lobster ban 'coercion, plain and simple', says Harlow\n\n"
        "Prime Minister Neil Harlow has accused Vashir of 'coercion, plain and simple'."
    )
    assert [(q.text, q.speaker) for q in extract_quotes(body)] == [
        ("coercion, plain and simple", "Neil Harlow"),
        ("coercion, plain and simple", "Neil Harlow"),
    ]


def test_a_surname_in_the_headline_is_the_full_name_the_body_gives_later():
    body = (
        "Fact check: Brannick says knife crime has 'doubled'. Has it?\n\n"
        "The debate between Yvette Lamorne and the Civic Alliance leader, Oskar Brannick, drew "
        "2.3 million viewers."
    )
    assert {q.speaker for q in extract_quotes(body)} == {"Oskar Brannick"}


def test_a_headline_that_reports_a_claim_without_marks_is_a_paraphrase():
    body = (
        "Cohen Says Balkan Progress Encouraging, but U.S. Troops Stay\n\n"
        "Defense Secretary William S. Cohen spoke in Skopje on Tuesday about the region."
    )
    assert [(q.kind, q.text, q.speaker) for q in extract_quotes(body)] == [
        ("paraphrase", "Balkan Progress Encouraging", "William S. Cohen"),
        ("paraphrase", "U.S. Troops Stay", "William S. Cohen"),
    ]


def test_a_headline_claim_attributed_at_its_end_to_a_role_the_body_names():
    body = (
        "Nuclear-armed Iran Is Intolerable, U.S. Official Says\n\n"
        "Under Secretary Robert Joseph spoke to reporters in Washington on Tuesday."
    )
    [claim] = extract_quotes(body)
    assert (claim.kind, claim.text, claim.speaker) == (
        "paraphrase",
        "Nuclear-armed Iran Is Intolerable",
        "Robert Joseph",
    )


def test_a_headline_claim_by_an_unnamed_group_and_a_subjects_own_second_verb():
    group = "Ethiopian Opposition Says It Is Under Surveillance\n\nThe party met on Monday."
    assert [(q.kind, q.speaker) for q in extract_quotes(group)] == [("anonymous", None)]
    own_verb = "Thompson Says He Supports Trade Bill, But Pushes Amendment\n\nFred Thompson spoke."
    assert [q.text for q in extract_quotes(own_verb)] == ["He Supports Trade Bill"]


def test_a_question_or_a_quoted_headline_gives_no_claim():
    assert extract_quotes("Why Dana Ortiz Says No\n\nThe senator voted on Monday.") == []
    # A headline that is all quotation is no claim in the headline's own words.
    quoted = "'Talks are dead,' Ana Lund says\n\nAna Lund spoke on Monday."
    assert [q for q in extract_quotes(quoted) if q.kind == "paraphrase"] == []
    # Around a quoted fragment, the claim is (the corpus's convention: fragment and clause).
    fragment = "Ana Lund says talks are 'dead'\n\nAna Lund spoke on Monday."
    assert sorted((q.kind, q.text) for q in extract_quotes(fragment)) == [
        ("paraphrase", "talks are dead"),
        ("partial", "dead"),
    ]


def test_a_headlines_quotation_is_credited_as_the_body_quotes_the_same_words():
    body = (
        "Councillors clash over 'reckless' Ardmoy housing plan\n\n"
        "Councillor Bríd Ní Fhloinn called the plan 'reckless' and said the town was full."
    )
    assert headline_items(body) == [("reckless", "Bríd Ní Fhloinn")]


def test_a_headlines_quotation_the_body_quotes_from_nobody_or_restates_is_not_credited():
    scare = (
        "Velka's 'neutrality' under strain\n\n"
        "Critics call the policy 'neutrality' in name only. The minister said it was unchanged."
    )
    assert headline_items(scare) == []
    restated = (
        "Brandvold: 'We will not trade Velmora'\n\n"
        "'We will not trade Velmora,' Tomas Brandvold said."
    )
    assert headline_items(restated) == []


def test_a_headline_claim_around_a_quoted_fragment_gives_both():
    body = (
        "Halvorsen says export talks left her 'quietly confident'\n\n"
        "Trade Minister Eva Halvorsen said on Friday that she was quietly confident."
    )
    assert sorted(headline_items(body)) == [
        ("export talks left her quietly confident", "Eva Halvorsen"),
        ("quietly confident", "Eva Halvorsen"),
    ]


def test_a_headline_warning_someone_against_something_is_no_claim():
    body = (
        "Ruud warns Kessland against 'blackmail' over gas\n\n"
        "Foreign Minister Lena Ruud said the threat was unacceptable."
    )
    assert headline_items(body) == [("blackmail", "Lena Ruud")]


def test_a_titled_subject_is_the_holder_of_that_title():
    from articles.extraction import extract_quotes as extract

    body = (
        "Why Velmark's interior minister says the pact is 'on life support'\n\n"
        "Velmark's then prime minister, Ola Berg, signed the pact in 2024. Its interior "
        "minister, Sara Lind, says it is failing."
    )
    known = [("Sara Lind", ["interior minister of Velmark"]), ("Ola Berg", ["prime minister"])]
    quotes = extract(body, known_people=known)
    assert [(q.text, q.speaker) for q in quotes if q.text == "on life support"] == [
        ("on life support", "Sara Lind")
    ]
