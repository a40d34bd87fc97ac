"""An East African daily's habits: "the CS" for the cabinet secretary the text named, "MP Hon."
before a member's name, "Member for Trade" before a county officer's, "the county official" and
"the legislator" for the person last quoted, and ", even as ..." as the reporter's scene."""

from articles.extraction import extract_quotes

REPORT = "\n\n".join(
    [
        "CS vows border deal as traders count losses",
        (
            "Trade Cabinet Secretary Amos Wanjala yesterday said the government would reopen the "
            'crossing "within days," even as traders counted losses running into millions.'
        ),
        'Speaking in Mokera town, the CS said talks had made "real progress".',
        (
            "Mokera County Executive Committee Member for Trade Grace Akinyi Odera said more than "
            "600 lorries were stuck. The county official said the county had set aside Sh20 "
            "million."
        ),
        (
            'Mokera Town MP Hon. Peter Kiprono Lagat accused the government of "sleeping on the '
            'job". "We warned the ministry in June," the legislator said.'
        ),
    ]
)


def found() -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(REPORT)]


def test_each_claim_is_its_speakers():
    quotes = found()
    assert (
        "paraphrase",
        "Amos Wanjala",
        "the government would reopen the crossing within days",
    ) in (quotes)
    assert ("paraphrase", "Amos Wanjala", "talks had made real progress") in quotes
    assert ("paraphrase", "Grace Akinyi Odera", "more than 600 lorries were stuck") in quotes
    assert ("paraphrase", "Grace Akinyi Odera", "the county had set aside Sh20 million") in quotes
    assert ("partial", "Peter Kiprono Lagat", "sleeping on the job") in quotes
    assert ("direct", "Peter Kiprono Lagat", "We warned the ministry in June") in quotes


def test_no_place_or_body_is_taken_for_a_speaker():
    speakers = {speaker for _, speaker, _ in found()}
    assert speakers == {"Amos Wanjala", "Grace Akinyi Odera", "Peter Kiprono Lagat"}
