"""An unnamed source stays unnamed when the article refers to it again ("the official said")."""

from articles.extraction import extract_quotes


def found(body: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(body)]


def test_the_official_said_in_a_later_paragraph_is_the_anonymous_official():
    body = (
        "A senior official, who spoke on condition of anonymity, said the talks would resume.\n\n"
        "Foreign Minister Ana Okafor met the envoy on Monday and said the mood was good.\n\n"
        "The official said the delegation would arrive on Tuesday."
    )
    items = found(body)
    assert ("anonymous", "the delegation would arrive on Tuesday", None) in items
    assert ("paraphrase", "the mood was good", "Ana Okafor") in items


def test_anonymity_far_from_the_source_still_makes_it_anonymous():
    body = (
        "A senior official in the foreign ministry who has followed the negotiations closely for "
        "several months, speaking on condition of anonymity because he was not authorised to "
        "discuss them, said the first round had failed. Minister Ivo Strand declined to comment. "
        '"Nobody wants to be blamed," the official said.'
    )
    items = found(body)
    assert ("anonymous", "Nobody wants to be blamed", None) in items
    assert all(speaker is None for _, _, speaker in items)


def test_the_source_added_and_the_diplomat_told_are_anonymous():
    body = (
        "According to a source close to the negotiations, the ceasefire will start on Friday. "
        "Petra Lind, the mediator, said she was hopeful. "
        "The source added that both armies had been told to hold their fire.\n\n"
        "A Western diplomat, who asked not to be named, said the map was still disputed. "
        "The diplomat told reporters that a second meeting was planned."
    )
    items = found(body)
    assert ("anonymous", "both armies had been told to hold their fire", None) in items
    assert ("anonymous", "a second meeting was planned", None) in items
    assert ("paraphrase", "she was hopeful", "Petra Lind") in items


def test_a_trailing_the_official_said_keeps_the_clause_anonymous():
    body = (
        "Two officials, speaking on condition of anonymity, described the plan. "
        "Governor Tobias Wren welcomed it.\n\n"
        "The convoy will leave the capital on Friday, the official said, and will reach the "
        "border within two days."
    )
    [claim] = [q for q in extract_quotes(body) if "convoy" in q.text]
    assert (claim.kind, claim.speaker) == ("anonymous", None)


def test_a_quoted_fragment_from_the_unnamed_source_is_anonymous():
    body = (
        "A senior aide, who was not authorised to speak publicly, said the offer was serious. "
        'Halloran said nothing. The aide called the rival bid "a stunt".'
    )
    items = found(body)
    assert ("anonymous", "a stunt", None) in items
    assert not [item for item in items if item[2] and "stunt" in item[1]]


def test_news_reports_and_state_media_are_unnamed_sources():
    body = (
        "News reports say Yaalon had recently criticized the policy. "
        "State media said the drills would continue for a week."
    )
    items = found(body)
    assert ("anonymous", "Yaalon had recently criticized the policy", None) in items
    assert ("anonymous", "the drills would continue for a week", None) in items


def test_a_capitalised_group_noun_is_not_a_surname():
    body = "Analysts said the exchange showed how far the campaigns had drifted apart."
    assert found(body) == [
        ("anonymous", "the exchange showed how far the campaigns had drifted apart", None)
    ]


def test_sources_described_with_abbreviations_and_nationalities_are_unnamed():
    body = (
        "Lloyd Austin spoke on Monday. A U.S. official said the talks would resume next week. "
        "U.S. officials say Iran has not yet decided. "
        'One European diplomat said the package was "too little, too late."'
    )
    items = found(body)
    assert ("anonymous", "the talks would resume next week", None) in items
    assert ("anonymous", "Iran has not yet decided", None) in items
    assert all(speaker is None for _, _, speaker in items)


def test_official_as_an_adjective_is_not_the_unnamed_official():
    body = (
        "A senior official, speaking on condition of anonymity, said talks were near. "
        'The official Xinhua news agency said the visit was "a success." '
        'The official results, Ana Mol said, were "a fraud."'
    )
    items = found(body)
    assert ("partial", "a success.", "Xinhua news agency") in items
    assert ("partial", "a fraud.", "Ana Mol") in items


def test_other_ways_of_saying_a_source_is_unnamed():
    body = (
        "Lloyd Austin spoke. Defense officials, speaking on background, said the shipment was "
        'near. Diplomats who spoke anonymously said the talks had "stalled." Aides not '
        "authorized to speak publicly said the plan was dead."
    )
    items = found(body)
    assert ("anonymous", "the shipment was near", None) in items
    assert ("anonymous", "stalled.", None) in items
    assert ("anonymous", "the plan was dead", None) in items
