"""A Nordic or continental paper's quotations: a paragraph opening on a dash, its attribution
after a comma at the end ("says Løkken", "he says", "asks Brekke"), and, without one, the words of
whoever the paper last quoted. A list's dashes are no quotations."""

from articles.extraction import extract_quotes

REPORT = """Midwives fear for the ward

HAMMARVIK: The board decided on Tuesday to close the maternity ward.

– They are gambling with women's lives, says midwife Kari Edvardsen (58) to Lofmark Tidende.

Edvardsen has worked at the ward for 27 years.

– Nobody from the board has set foot here. Not once.

Chief executive Tor-Arne Løkken says the decision is «painful but necessary».

– The board decided on Tuesday, and not a day before, he says.

– This is the third unit in the north to close. Where does it end? asks Hallvard Brekke.
"""


def test_each_dash_paragraph_is_its_speakers_own_words():
    found = [(q.kind, q.speaker, q.text) for q in extract_quotes(REPORT) if q.kind == "direct"]
    assert found == [
        ("direct", "Kari Edvardsen", "They are gambling with women's lives"),
        ("direct", "Kari Edvardsen", "Nobody from the board has set foot here. Not once."),
        ("direct", "Tor-Arne Løkken", "The board decided on Tuesday, and not a day before"),
        (
            "direct",
            "Hallvard Brekke",
            "This is the third unit in the north to close. Where does it end?",
        ),
    ]


def test_the_words_inside_a_dash_quotation_are_no_paraphrase():
    kinds = {q.kind for q in extract_quotes(REPORT) if "Tuesday, and not" in q.text}
    assert kinds == {"direct"}


def test_a_list_of_dashes_without_any_attribution_is_no_quotation():
    body = (
        "What the bill does\n\n– Raises the pension age to 67.\n\n– Cuts the defence budget by "
        "a tenth.\n\nThe minister said the bill was fair."
    )
    assert [(q.kind, q.text) for q in extract_quotes(body)] == [("paraphrase", "the bill was fair")]
