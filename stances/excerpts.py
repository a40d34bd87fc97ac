"""The few words of an article around a quote, for readers. An article's text is someone else's
copyright: public pages show at most CONTEXT_CHARS characters of it around each quote, cut at
word boundaries and within the quote's paragraph; editors see the whole text in the admin."""

import re

# Characters of the article's own text around a quote, ellipses included, both sides together.
CONTEXT_CHARS = 300
ELLIPSIS = "…"


def place_of(quote, body: str) -> tuple[int, int] | None:
    """Where the quote's words are in the body: its stored offsets when they hold them, else the
    first place its exact words (or the original's, for a translation) are found."""
    if not body:
        return None
    if quote.sits_in(body):
        return quote.start_offset, quote.end_offset
    for words in (quote.text, quote.original_text):
        found = body.find(words) if words else -1
        if found >= 0:
            return found, found + len(words)
    return None


def context_of(quote, body: str) -> dict | None:
    """{"before", "words", "after"} around the quote in the body, or None when the body does not
    hold its words. Before and after together are at most CONTEXT_CHARS characters."""
    place = place_of(quote, body)
    if place is None:
        return None
    start, end = place
    # Within the quote's paragraph: the next one is another part of the story.
    paragraph_start = body.rfind("\n", 0, start) + 1
    paragraph_end = body.find("\n", end)
    if paragraph_end < 0:
        paragraph_end = len(body)
    # Half each side, and what one side does not need goes to the other; one character of
    # each side's share is kept for the ellipsis that a cut side starts or ends with.
    budget = CONTEXT_CHARS - 2
    room_before, room_after = start - paragraph_start, paragraph_end - end
    before_chars = min(room_before, max(budget // 2, budget - room_after))
    after_chars = min(room_after, budget - before_chars)
    before = body[start - before_chars : start]
    after = body[end : end + after_chars]
    if before_chars < room_before:
        cuts_a_word = not body[start - before_chars - 1].isspace()
        before = ELLIPSIS + (from_the_second_word(before) if cuts_a_word else before.lstrip())
    if after_chars < room_after:
        cuts_a_word = not body[end + after_chars].isspace()
        after = (up_to_the_last_word(after) if cuts_a_word else after.rstrip()) + ELLIPSIS
    return {"before": before, "words": body[start:end], "after": after}


def from_the_second_word(text: str) -> str:
    """The text without its first word (cut in two), nor the space after it."""
    cut = re.match(r"\S*\s+", text)
    return text[cut.end() :] if cut else ""


def up_to_the_last_word(text: str) -> str:
    """The text without its last word (cut in two), nor the space before it."""
    cut = re.search(r"\s+\S*$", text)
    return text[: cut.start()] if cut else ""
