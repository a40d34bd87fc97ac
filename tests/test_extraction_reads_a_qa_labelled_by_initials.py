"""A magazine's Q&A printed with its speakers' initials ("MA: ...", "JP: ..."): the interviewee's
answers are their own words; the interviewer's questions are the magazine's, though the words of
others a question reports are still reported speech."""

from articles.extraction import extract_quotes

INTERVIEW = "\n\n".join(
    [
        "Talking trade: a conversation with Lotte Brandvik",
        "Lotte Brandvik, 47, has led Norrland's fisheries delegation since 2022. She spoke to "
        "The Harbour Quarterly's Sam Okafor in Tromhavn.",
        "SO: The talks ended without a deal. Why?",
        "LB: Because the other side wanted a number we cannot sign. We offered a smaller cut "
        "over five years, and they said no.",
        'SO: Your minister said last week that the quota was "not for sale". Is it?',
        "LB: It is not for sale, and it never was. But everything else can be discussed.",
        "SO: Last year you told parliament that a deal was close. Was that wrong?",
        "LB: I was too hopeful about the calendar, not about the deal.",
    ]
)


def found(body: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body)]


def test_the_interviewees_answers_are_hers():
    answers = [q for q in found(INTERVIEW) if q[0] == "direct"]
    assert (
        "direct",
        "Lotte Brandvik",
        "I was too hopeful about the calendar, not about the deal.",
    ) in answers
    assert all(speaker == "Lotte Brandvik" for _, speaker, _ in answers)
    assert len(answers) == 3


def test_the_interviewers_questions_are_nobodys_quotes():
    assert not any("Why?" in text or "Was that wrong" in text for _, _, text in found(INTERVIEW))


def test_what_a_question_reports_is_still_reported():
    assert ("paraphrase", "Lotte Brandvik", "a deal was close") in found(INTERVIEW)


def test_initials_that_name_nobody_in_the_text_are_no_speaker():
    body = "\n\n".join(
        [
            "Notes from the summit",
            "XY: The summit ended early because the hosts ran out of time and patience.",
            "XY: Delegates left without signing the final text.",
        ]
    )
    assert [q for q in found(body) if q[0] == "direct"] == []
