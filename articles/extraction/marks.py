"""Quotation-mark spans, a masked copy of the body, and sentence boundaries.

Everything here works on character offsets into the original body, so later stages can report
exact positions. Pure standard library.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

MASK = "~"
OPENERS_BEFORE = " \t\n([{—–-/"
ABBREVIATIONS = {
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Gen",
    "Sen",
    "Rep",
    "Gov",
    "Lt",
    "Col",
    "No",
    "vs",
    # Military ranks and name suffixes, frequent in US government texts ("Brig. Gen. Pat Ryder").
    "Jr",
    "Sr",
    "Brig",
    "Adm",
    "Maj",
    "Capt",
    "Sgt",
    "Cmdr",
    "Prof",
    "Rev",
    "Hon",
    "Smt",
    "Shri",
}


@dataclass(frozen=True)
class Span:
    """A quotation: one inner (start, end) range per paragraph it runs over."""

    parts: tuple[tuple[int, int], ...]

    @property
    def open_pos(self) -> int:
        return self.parts[0][0] - 1

    @property
    def close_pos(self) -> int:
        return self.parts[-1][1]

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trailing whitespace excluded."""
    found = []
    for match in re.finditer(r"[^\n]+", body):
        text = match.group()
        if text.strip():
            lead = len(text) - len(text.lstrip())
            found.append((match.start() + lead, match.start() + len(text.rstrip())))
    return found


# Words that may follow a closing mark directly ("'... voters' the minister said"): after these,
# "s'" is a closing mark; before any other word it is a plural possessive ("the voters' anger").
_AFTER_CLOSE = {
    "said", "says", "say", "added", "told", "he", "she", "they", "we", "i", "it", "according",
    "and", "or", "but", "as", "in", "on", "at", "for", "to", "the", "a", "an", "was", "were", "is",
    "are", "of", "from", "with", "by", "that", "which", "when", "while", "after", "before",
}  # fmt: skip


def _plural_possessive(body: str, pos: int) -> bool:
    """Whether an apostrophe after an s is a plural possessive, not a closing mark."""
    if pos == 0 or body[pos - 1] != "s":
        return False
    following = re.match(r" ([a-z]+)\b", body[pos + 1 : pos + 30])
    return bool(following) and following.group(1) not in _AFTER_CLOSE


def _role(body: str, pos: int, para_start: int, single: bool) -> str | None:
    """Whether the mark at pos opens, closes, or (for apostrophes) is neither."""
    char = body[pos]
    prev = body[pos - 1] if pos > para_start else " "
    nxt = body[pos + 1] if pos + 1 < len(body) else " "
    if char in "“‘":
        return "open"
    if char == "”":
        return "close"
    if char in "’'" and _plural_possessive(body, pos):
        return None
    if char == "’":
        # A curly apostrophe inside a word (Drenland’s) is not a closing mark.
        return None if nxt.isalnum() else "close"
    opens = prev in OPENERS_BEFORE or prev in '“"‘'
    if single:
        # Straight apostrophes: only a mark when it sits at a word edge on the correct side.
        if opens and nxt.isalnum():
            return "open"
        if not prev.isspace() and not nxt.isalnum():
            return "close"
        return None
    return "open" if opens else "close"


def _scan(
    body: str, paras: list[tuple[int, int]], marks: str, blocked: list[tuple[int, int]]
) -> list[Span]:
    single = "'" in marks
    mark_re = re.compile(f"[{re.escape(marks)}]")
    spans: list[Span] = []
    pending: list[tuple[int, int]] = []  # finished parts of a quote still open at paragraph end
    for index, (p_start, p_end) in enumerate(paras):
        opened: int | None = None
        if pending:
            first = body[p_start]
            if first in marks and _role(body, p_start, p_start, single) == "open":
                opened = p_start
            else:
                if not single and _left_open(body, pending[-1]):
                    spans.append(Span(tuple(pending)))
                pending = []
        for found in mark_re.finditer(body, p_start, p_end):
            pos = found.start()
            inside = bisect_right(blocked, (pos, len(body)))
            if inside and blocked[inside - 1][0] <= pos < blocked[inside - 1][1]:
                continue
            role = _role(body, pos, p_start, single)
            if role == "open" and opened is None:
                opened = pos
            elif (
                role == "close"
                and opened is None
                and not single
                and not pending
                and pos > p_start + 1
                and not any(span.start >= p_start for span in spans[-1:])
                and _OPENING_LEFT_OUT.match(body, p_start, p_end)
                and body[pos - 1] in ",.?!"
                and _SAID_AFTER.match(body, pos + 1, p_end)
            ):
                # 'We were very troubled by Andijan," he said.': a paragraph of the speaker's
                # words whose opening mark the copy left out, closed and attributed.
                spans.append(Span(((p_start, pos),)))
            elif (
                role == "close"
                and opened is None
                and body[pos] == "”"
                and spans
                and spans[-1].end >= p_start
                and body[pos - 1] in ".!?"
            ):
                # '“We are all watching,” said Thomas-Greenfield. And our hope is ... Nigeria.”':
                # a second quotation after its attribution, its opening mark left out; it opens
                # where its sentence does, after the attribution's full stop.
                after = spans[-1].end + 1
                starts = list(_NEXT_SENTENCE.finditer(body, after, pos))
                if starts and _SAYS.search(body, after, starts[-1].start()):
                    begin = starts[-1].end()
                    # (Not a sentence with its own attribution: 'Ana Ruiz said the plan was a
                    # stunt."', a fragment's opening mark left out.)
                    if len(body[begin:pos].split()) >= 3 and not _SAYS.search(body, begin, pos):
                        spans.append(Span(((begin, pos),)))
            elif role == "close" and opened is not None and pos > opened + 1:
                spans.append(Span((*pending, (opened + 1, pos))))
                pending, opened = [], None
        if opened is not None and index + 1 < len(paras):
            # A quotation over several paragraphs has no closing mark until its last one.
            pending = [*pending, (opened + 1, p_end)]
        else:
            if opened is not None and not single and _left_open(body, (opened + 1, p_end)):
                spans.append(Span((*pending, (opened + 1, p_end))))
            pending = []
    return spans


# A paragraph that opens on a word, not a mark; and an attribution after a closing mark.
_OPENING_LEFT_OUT = re.compile(r"[A-Z][a-z']*\s")
_SAID_AFTER = re.compile(
    r"\s+(?:(?:he|she|they)\s+|(?:[A-Z][\w.'’-]*\s+){1,3})(?:said|says|added|told|stated)\b"
)


_NEXT_SENTENCE = re.compile(r"[.!?]\s+(?=[A-Z])")
_SAYS = re.compile(r"\b(?:said|says|added|told|tells|stated|called|described|warned)\b")


def _left_open(body: str, part: tuple[int, int]) -> bool:
    """Whether a quotation still open at its paragraph's end, with no quotation after it, is one
    whose closing mark the copy left out ('"I think we are making good progress. More needs to be
    done.' and a new paragraph of narrative): whole sentences of three words or more, opening on a
    capital and ending the paragraph on a full stop, question or exclamation mark."""
    text = body[part[0] : part[1]].rstrip()
    # The mark opens a sentence (not 'who starred in "The Crown, said she was retiring.': a
    # title's closing mark left out).
    opening = body[max(0, part[0] - 4) : part[0] - 1]
    opens_a_sentence = not opening.strip() or re.search(r"[.!?:]\s*$", opening)
    return bool(
        opens_a_sentence and text[:1].isupper() and text[-1:] in ".!?" and len(text.split()) >= 3
    )


def nickname(body: str, span: Span) -> bool:
    """Whether a quotation is a nickname printed inside a name ('Josefina "Pinky" Alcaraz'): one
    or two capitalised words, between a capitalised word and the next, one space either side."""
    before = _NAME_BEFORE.search(body, max(0, span.open_pos - 30), span.open_pos)
    after = _NAME_AFTER.match(body, span.close_pos + 1)
    first_line = body.find("\n")
    return bool(
        len(span.parts) == 1
        # (Not a headline in title case: 'Trump Calls Deal "Terrible" As Talks Stall'.)
        and span.open_pos > first_line >= 0
        and _NICKNAME.fullmatch(body, span.start, span.end)
        and before
        and after
        and before.group().strip() not in _NOT_NAMES
        and after.group().strip() not in _NOT_NAMES
    )


_NICKNAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?")
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’-]+ $")
_NAME_AFTER = re.compile(r" [A-Z][\w'’-]+")
# Capitalised words beside marks that are no part of a name ('called Smith "Dangerous" Monday').
_NOT_NAMES = {
    "As", "For", "To", "After", "Before", "Despite", "In", "On", "At", "Of", "And", "Or", "But",
    "The", "A", "An", "With", "From", "By", "Over", "Amid", "Calls", "Says", "Vows", "Warns",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
}  # fmt: skip


def find_spans(body: str, paras: list[tuple[int, int]] | None = None) -> list[Span]:
    """All quotation spans: double marks first, then single marks outside them."""
    paras = paragraphs(body) if paras is None else paras
    doubles = _scan(body, paras, '"“”', [])
    blocked = [(s.open_pos, s.close_pos + 1) for s in doubles]
    singles = _scan(body, paras, "'‘’", blocked)
    return sorted(doubles + singles, key=lambda s: s.start)


# A Nordic or continental paper's quotation: a paragraph opening on a dash ("– We cannot
# safely staff a ward ..., says Løkken."), the attribution after a comma (or after the
# question's own mark) at its end: "says X", "X says", "he says", "asks Brekke".
_DASH_OPEN = re.compile(r"[–—]\s+(?=[^\s\"“”‘’'«»„–—])")
_DASH_ATTRIBUTION = re.compile(
    r"(?:,|(?<=[?!]))\s+(?:(?:says|said|asks|asked|adds|added|continues|explains|writes)"
    r"\s+[^,.?!]{1,80}|(?:he|she|they|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
    r"\s+(?:says|said|asks|asked|adds|added|continues|explains|writes)"
    r"(?:\s+(?:to|in|on)\s+[^,.?!]{1,60})?)\.?\s*$"
)


def dash_spans(body: str, paras: list[tuple[int, int]], spans: list[Span]) -> list[Span]:
    """The dash quotations of a text that uses them: each paragraph opening on a dash, up to its
    attribution; one without an attribution only in a text that attributes two or more so, and
    never in a run of three (a list's dashes are no quotes)."""
    taken = sorted((s.open_pos, s.close_pos + 1) for s in spans)
    starts = [a for a, _ in taken]
    found: list[tuple[Span, bool, int]] = []
    for index, (start, end) in enumerate(paras):
        opening = _DASH_OPEN.match(body, start, end)
        if not opening or end - start > 2000:
            continue  # an attribution ends a short paragraph
        near = bisect_right(starts, end)
        if any(a < end and start < b for a, b in taken[max(0, near - 2) : near]):
            continue  # a quotation in marks inside it: found as one
        attribution = _DASH_ATTRIBUTION.search(body, opening.end(), end)
        stop = attribution.start() if attribution else end
        if stop - opening.end() >= 2:
            found.append((Span(((opening.end(), stop),)), attribution is not None, index))
    attributed = sum(1 for _, said, _ in found if said)
    indexes = {index for _, _, index in found}
    kept = []
    for span, said, index in found:
        in_a_list = (
            {index - 1, index + 1} <= indexes
            or {index + 1, index + 2} <= indexes
            or ({index - 1, index - 2} <= indexes)
        )
        if said or (attributed >= 2 and not in_a_list):
            kept.append(span)
    return kept


def mask(body: str, spans: list[Span]) -> str:
    """The body with quoted words replaced by MASK, keeping a final . ? ! for sentence ends."""
    chars = list(body)
    for span in spans:
        for start, end in span.parts:
            for pos in range(start, end):
                if chars[pos] != "\n":
                    chars[pos] = MASK
            if end > start and body[end - 1] in ".?!":
                chars[end - 1] = body[end - 1]
    return "".join(chars)


_ON_X = re.compile(r"\b(?:on|via)\s+X$")


def sentences(masked: str, paras: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) of sentences, found on the masked text so quoted full stops do not split.

    paras: the body's paragraphs, when already known (masking keeps line breaks in place)."""
    found = []
    for p_start, p_end in paragraphs(masked) if paras is None else paras:
        start = p_start
        for match in re.finditer(r"[.?!][\"”’']?(\s+)(?=[\"“‘'A-ZÀ-ÖØ-Þ~])", masked[p_start:p_end]):
            stop = p_start + match.start()
            # Only the word before the full stop is looked at: rescanning the sentence from its
            # start for each abbreviation would be quadratic ("Mr. Mr. Mr. ...").
            word = re.search(r"(\w+)$", masked[max(start, stop - 12) : stop])
            if (
                word
                and (word.group(1) in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1)))
                # ("posted photos on X. ...": the platform ends the sentence, no initial.)
                and not _ON_X.search(masked, max(start, stop - 12), stop)
            ):
                continue
            found.append((start, p_start + match.start(1)))
            start = p_start + match.end(1)
        found.append((start, p_end))
    return [piece for span in found for piece in _bounded(masked, *span)]


# No news sentence runs this long; past it a "sentence" is a run-on list or hostile text, cut at
# a semicolon, else a comma, else a space, so the rules' work per sentence stays bounded.
MAX_SENTENCE = 1000


def _bounded(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        window = masked[start : start + MAX_SENTENCE]
        cut = max(window.rfind("; "), 0) or max(window.rfind(", "), 0) or window.rfind(" ")
        cut = cut + 1 if cut > MAX_SENTENCE // 4 else MAX_SENTENCE
        pieces.append((start, start + cut))
        start += cut
        while start < end and masked[start] == " ":
            start += 1
    pieces.append((start, end))
    return pieces


# A wire story's dateline ("WASHINGTON, Feb. 18, 2018 — ", "KASPAR — ", "Washington, D.C., May 1,
# 2007 - "): a place in capitals or a place with a date, then a dash. It is no part of a claim.
DATELINE = re.compile(
    # "AL QASR: His Highness ...", as Gulf and South Asian papers print a dateline.
    r"[A-Z][A-Z.'’ ]{2,30}:\s+(?=[A-Z])|"
    # "Washington –- ", as US government wire copy prints it.
    r"(?:(?:Washington|London|Paris|Brussels|Geneva|Moscow|Beijing|Tokyo|Kabul|Baghdad)"
    r"(?=\s+[—–-]{1,2}\s)|"
    # ("BRASÍLIA, 14 May (Agência Meridiana) –": capitals with accents.)
    r"[A-Z][A-ZÀ-ÖØ-Þ.'’ ]{2,30}|"
    # (Not "Sarah Jones, 52 - who married in 2015 - said": the year must come before any dash.)
    r"[A-Z][\w.'’ ]{2,30}(?=,[^—–\n-]{0,80}\b(?:1[89]|20)\d\d\b))"
    # ("PRAGUE, Czech Republic, Oct. 23, 2007 –": a place of two words, then the date.)
    # (Each piece matched one way only, at most four of them: a list of countries that opens a
    # paragraph is no dateline, and must not cost exponential work to rule out.)
    r"(?:,\s*[\w.]+(?:\s+[A-Z][\w.]+)?(?:\s+\d{1,2})?){0,4}(?:,\s*\d{4})?(?:\s*\([^()]{1,40}\))?"
    r"\s+[—–-]{1,2}\s+"
    # The story then opens a sentence (not "BMA - the doctors' union - said").
    r"(?=[A-Z0-9\"“‘'«(])"
)
