"""Rule-based extraction of quotes, paraphrases and anonymous-source claims from article bodies.

Standard library only (no network, no models, no Django), so it can run anywhere, including in
tests without a database. Entry point: ``extract_quotes(body)``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .article import KINDS, Article, ExtractedQuote
from .headlines import find_headline_claims, find_headline_quotes
from .quoted import find_quoted
from .reported import credit_said_this, find_reported
from .transcripts import (
    complete_surnames,
    credit_the_addressed,
    find_turns,
    without_turns_words,
)

__all__ = ["KINDS", "ExtractedQuote", "extract_quotes"]


def extract_quotes(
    body: str, known_people: Iterable[tuple[str, Iterable[str] | str]] = ()
) -> list[ExtractedQuote]:
    """Every direct, partial, paraphrased and anonymous statement in body, in body order.

    known_people: (name, role titles) pairs, the people and the roles they held on the article's
    date ("Ana Okafor", ["Prime Minister of Aldoria"]), so that "the prime minister said" is
    credited to the person. Without a match the titled phrase is kept as printed, or given to a
    person the text itself named with that title.
    """
    if not body or not body.strip():
        return []
    article = Article(body, known_people)
    turns = find_turns(article)
    # Words a guest reports inside their own turn are theirs to tell, not quotes of their own.
    found = without_turns_words(turns, find_quoted(article) + find_reported(article))
    found += turns
    headline_quotes = find_headline_quotes(article, found)
    found += headline_quotes + find_headline_claims(article, headline_quotes)
    found = complete_surnames(turns, credit_the_addressed(turns, found))
    found = credit_said_this(article, found)
    unique = {(q.start, q.end, q.kind): q for q in found}
    return sorted(unique.values(), key=lambda q: (q.start, q.end))
