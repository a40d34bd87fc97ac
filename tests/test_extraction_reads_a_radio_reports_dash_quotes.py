"""A francophone radio report in English: clips printed as "— « ... »" paragraphs after the
sentence that introduces the speaker, "For X, the closure is « ... »" as X's view, the present
tense of a report ("accuses ... of « ... »", "regrets a « ... » decision"), a person known by one
name, and "for its part"."""

from articles.extraction import extract_quotes

REPORT = "\n\n".join(
    [
        "Border closure hits traders",
        ("At the Nianga market, the stalls are half empty. Aminata sells onions and dried fish."),
        "— « Before, the lorries came every morning. Now, nothing. »",
        (
            "In the opposition, the tone is harsher. For Mariam Keita-Sonfo, president of the"
            " Union for Renewal and Progress, the closure is « a political decision disguised"
            " as a security measure »."
        ),
        "— « The government is looking abroad for a scapegoat. »",
        (
            "The deputy for Nianga, Seydou Wendkouni, accuses the opposition of « playing "
            "with fire ». The Foreign Minister, Clementine Ayeva-Doh, regrets a « unilateral "
            "» decision."
        ),
        (
            "The Community of Sahelian States has for its part called on the two countries to"
            " « favour dialogue »."
        ),
        "Back in Nianga, Aminata is waiting.",
        "— « If the border opens tomorrow, I will dance. »",
    ]
)


def found(**known) -> list[tuple[str, str | None, str]]:
    people = [("Aminata", ["market trader"])] if known else []
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(REPORT, known_people=people)]


def test_each_clip_is_the_person_the_sentence_before_introduced():
    quotes = found(known=True)
    assert ("direct", "Aminata", "Before, the lorries came every morning. Now, nothing.") in quotes
    assert ("direct", "Aminata", "If the border opens tomorrow, I will dance.") in quotes
    assert (
        "direct",
        "Mariam Keita-Sonfo",
        "The government is looking abroad for a scapegoat.",
    ) in quotes


def test_for_a_named_person_a_quoted_claim_is_their_view():
    quotes = found()
    assert (
        "paraphrase",
        "Mariam Keita-Sonfo",
        "the closure is a political decision disguised as a security measure",
    ) in quotes
    assert (
        "partial",
        "Mariam Keita-Sonfo",
        "a political decision disguised as a security measure",
    ) in quotes


def test_for_a_named_person_without_quoted_words_is_the_reporters_sentence():
    body = "For Lena Hart, the defeat was a blow. For now, the talks are on hold."
    assert extract_quotes(body) == []


def test_a_report_in_the_present_tense_and_for_its_part():
    quotes = found()
    assert ("partial", "Seydou Wendkouni", "playing with fire") in quotes
    assert ("partial", "Clementine Ayeva-Doh", "unilateral") in quotes
    assert ("partial", "Community of Sahelian States", "favour dialogue") in quotes


def test_a_body_named_with_and_is_one_body_not_a_person():
    assert "Progress" not in {speaker for _, speaker, _ in found()}


def test_for_a_person_inside_a_sentence_names_no_view():
    body = (
        "Rupert Vane spoke. The row is awkward for Mr Vane, whose 'Open for Business' export "
        "drive was launched in January, and for a government that has made much of its "
        "'values-led' foreign policy."
    )
    assert extract_quotes(body) == []
