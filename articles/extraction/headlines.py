"""A headline that quotes someone: 'Taliban Describes as "Productive" Initial Talks with US',
'China to US: "No Foreign Interference" in Taiwan', 'Premier accuses Ottery of "sleepwalking"'. The
quoted words are a partial quote of the headline's subject, named as the body names them."""

from __future__ import annotations

import re

from .article import Article, ExtractedQuote
from .entities import TITLES, surname_key
from .titles import holder

_ROLE_WORDS = (
    r"(?-i:president|minister|leader|chief|spokesman|spokeswoman|spokesperson|chairman|"
    r"chairwoman|chair|envoy|ambassador|governor|mayor|senator|secretary|general|commander)"
)
# The headline's subject, then what it did with the words: a verb of saying or naming, or an
# address ("China to US:").
_SUBJECT = re.compile(
    # A kicker first may say what the story is about: "Strike: ASUO president calls ...".
    r"(?:[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}:\s+)?"
    # A name, or an organisation's title for someone ("ASUO president").
    rf"(?P<subject>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|{_ROLE_WORDS})){{0,3}}?)\s*"
    # (A bare "Name: '...'" headline restates the body's quotation, so it is not one.)
    r"(?:\s(?:to|tells?)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*:|\s(?:says?|calls?|"
    r"describes?|accuses?|brands?|dubs?|labels?|warns?|vows?|urges?|slams?|rejects?|denounces?|"
    r"hails?|praises?|dismisses?|decries?|blasts?|lauds?|defends?|condemns?|critici[sz]es?)\b)",
    re.IGNORECASE,
)


# 'Lobster ban "coercion, plain and simple", says Harlow': the subject after the quotation.
_SAYS_AFTER = re.compile(
    r"[\"”’'],?\s+(?:says?|said|warns?|insists?)\s+"
    r"(?P<subject>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$"
)


def find_headline_quotes(article: Article) -> list[ExtractedQuote]:
    """A partial quote for each quotation in the headline whose subject said it."""
    if not article.skip_until:
        return []
    body = article.body
    subject = _SUBJECT.match(body, 0, article.skip_until) or _SAYS_AFTER.search(
        body, 0, article.skip_until
    )
    if not subject:
        return []
    speaker = _named_in_body(article, subject["subject"])
    return [
        ExtractedQuote(
            " ".join(body[a:b].split()).strip(",;: "),
            "partial",
            speaker,
            f"headline: {subject.group().strip()}",
            a,
            b,
            0.6,
        )
        for span in article.spans
        if span.close_pos < article.skip_until
        for a, b in span.parts[:1]
        if body[a:b].strip()
    ]


def _named_in_body(article: Article, subject: str) -> str:
    """The body's name for a headline's subject: a surname's full name ("Panetta"), a title's
    holder ("Premier"), else the subject as printed ("Taliban", "China")."""
    words = subject.split()
    people = [m for m in article.entities.mentions if m.kind == "person"]
    key = surname_key(words[-1])
    for person in people:
        if len(person.name.split()) >= 2 and surname_key(person.name.split()[-1]) == key:
            return person.name
    if words[-1].capitalize() in TITLES:
        for person in people:
            if words[-1].lower() in person.title.lower().split():
                return person.name
    # "ASUO president": whoever held that role on the article's date.
    held = holder([w.lower() for w in words], set(), article.entities.known)
    return held or subject
