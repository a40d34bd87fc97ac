"""Inputs from a code review of the rules added on 3 December 2026 (session 9): ordinary prose
those rules first misread, each as a real news text could print it."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(body)]


def test_a_dashed_list_is_no_quotation():
    body = (
        "The war at a glance:\n\n– More than 3 million people have fled the country, according "
        "to the United Nations.\n\n– Food prices have doubled since January.\n\n– The army "
        "controls the capital and most large towns."
    )
    assert [q for q in found(body) if q[0] == "direct"] == []
    rents = (
        "What changes\n\n— Landlords can raise rents once a year, Housing Minister Clara Holm "
        "says.\n\n— Tenants who are evicted can appeal to a tribunal."
    )
    assert [q for q in found(rents) if q[0] == "direct" and "Tenants" in q[2]] == []


def test_a_question_is_not_the_next_sentences_speakers():
    body = (
        'The question hangs over the town: "What happens when the mine closes?" Mayor Ana Reyes '
        "said the council had no answer yet."
    )
    assert ("direct", "Ana Reyes", "What happens when the mine closes?") not in found(body)


def test_a_named_report_is_not_replaced_by_an_impersonal_one():
    body = (
        "Prime Minister Jane Doe said the budget was balanced, although it was pointed out that "
        "revenues fell sharply."
    )
    assert ("paraphrase", "Jane Doe", "the budget was balanced") in [
        (kind, speaker, text.split(",")[0]) for kind, speaker, text in found(body)
    ]


def test_a_slogan_that_continues_to_haunt_is_no_quote():
    assert found('"Brexit means Brexit" continues to haunt the party.') == []


def test_names_are_not_taken_for_companies_or_straits():
    body = 'Marine Le Pen said her party was ready. "We are ready to govern," Le Pen said.'
    assert {speaker for _, speaker, _ in found(body)} == {"Marine Le Pen"}
    singer = "Country singer George Strait said he would tour again next year."
    assert found(singer) == [("paraphrase", "George Strait", "he would tour again next year")]


def test_a_two_word_country_is_no_part_of_the_name():
    for body, name in (
        (
            "President of South Africa Cyril Ramaphosa said the talks would go on.",
            "Cyril Ramaphosa",
        ),
        ("President of Costa Rica Rodrigo Chaves said the talks would go on.", "Rodrigo Chaves"),
    ):
        assert {speaker for _, speaker, _ in found(body)} == {name}


def test_urging_calm_or_patience_names_nobody_to_do_anything():
    assert ("paraphrase", "Ana Holm", "the talks had to continue") in found(
        "Ana Holm urged calm and said the talks had to continue."
    )
    assert found("Smith asked reporters whether anyone had bothered to read the report.") == []


def test_for_a_country_is_no_ones_view():
    assert found('For Ukraine, the vote was a "turning point" in the war.') == []
