"""Speakers are resolved to the full name: titles dropped, surnames and pronouns followed back."""

from articles.extraction import extract_quotes


def speakers(body: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(body)]


def test_a_title_is_not_part_of_the_name():
    body = 'Foreign Minister Ana Okonkwo-Reyes arrived late. "We are here to listen," she said.'
    assert speakers(body) == ["Ana Okonkwo-Reyes"]


def test_a_later_surname_resolves_to_the_full_name():
    body = (
        "Deputy Prime Minister Jalen Corso opened the session. "
        'Later, Corso said the budget was "not negotiable".'
    )
    assert speakers(body) == ["Jalen Corso", "Jalen Corso"]  # the clause and its fragment


def test_pronouns_follow_gender_learnt_from_the_text():
    body = (
        "Mira Solberg met Anton Vecht in Harlow. Solberg said her government was patient. "
        "Vecht gave his own account later. "
        '"We expect an answer by Friday," he said. "Patience has limits," she said.'
    )
    direct = [q for q in extract_quotes(body) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Anton Vecht", "Mira Solberg"]


def test_a_possessive_name_is_not_the_speaker():
    body = "Karin Dahl's spokesman, Leo Brandt, said the visit was cancelled."
    assert speakers(body) == ["Leo Brandt"]


def test_the_ministry_resolves_to_the_named_ministry():
    body = (
        "The Velmark Defence Ministry published a map on Monday. "
        '"The positions have not changed," the ministry said.'
    )
    assert speakers(body) == ["Velmark Defence Ministry"]
