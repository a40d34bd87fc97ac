"""Shared pieces of the extractor: the result type, reporting verbs, and the parsed article."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from .entities import (
    ANON,
    Entities,
    find_entities,
)
from .marks import DATELINE, dash_spans, find_spans, mask, nickname, paragraphs, sentences
from .titles import known_titles

KINDS = ("direct", "partial", "paraphrase", "anonymous")

SAY = (
    r"said|says|say|added|adds|told|tells|tell|wrote|writes|warned|warns|warn|insisted|insists|"
    # Plural present ("Industry groups warn the levies could ...").
    r"insist|argue|claim|contend|maintain|predict|"
    # ("Aid agencies estimate that ...", not "the UN estimate that ...", "Ruiz's estimate that".)
    r"(?<=s )(?<!['’]s )estimate|"
    r"argued|argues|noted|notes|stressed|stresses|explained|explains|declared|replied|recalled|"
    r"admitted|acknowledged|conceded|claimed|claims|stated|announced|observed|remarked|admits|"
    r"acknowledges|concedes|confirms|assured|assures|reassured|informed|informs|"
    r"emphasi[sz]ed|emphasi[sz]es|maintained|maintains|suggested|complained|confirmed|responded|"
    r"cautioned|predicted|predicts|repeated|reiterated|pointed out|points? out|reported|believes|"
    r"promised|pledged|vowed|urged|specified|specifies|(?:pledges|vows|promises)(?=\s+to\s)|"
    r"posted|tweeted|asked|asserted|asserts|contended|contends|alleged|alleges|allege|testified|"
    r"countered|retorted|disclosed|revealed|underlined|underscored|affirmed|reaffirmed|boasted|"
    r"charged|offered|threatened|considers|believe|suggest|suggests|"
    r"thinks|indicated|indicates|signal(?:l)?ed|signals|hinted|hints|demanded|demands|requested|"
    r"proposed|recommended|recommends|quipped|joked|mused|commented|comments|estimated|estimates|"
    r"made\s+(?:it\s+)?clear|makes\s+(?:it\s+)?clear|"
    # Verbs of urging: what the speaker told someone to do ("advised the parties to ...").
    r"urges|advised|advises|encouraged|encourages|implored|implores|exhorted|exhorts"
)
# "continued" is not a verb of saying ("shelling continued"), except straight after a quotation;
# nor is "read" ('"...," the statement read').
AFTER_QUOTE_SAY = (
    rf"{SAY}|continued|continues|read|reads|"
    # A profile's present tense after the marks ('"...?" Baptiste asks', 'she recalls').
    r"asks|replies|recalls|wonders|wondered"
)
# Participles that report the subject's words in a clause of their own ("..., adding that ...").
REPORTING = (
    r"adding|saying|noting|stating|stressing|arguing|warning|insisting|explaining|asserting|writing|"
    r"acknowledging|conceding|admitting|confirming|affirming|reaffirming|emphasi[sz]ing|"
    r"underlining|underscoring|reiterating|"
    r"claiming|declaring|telling(?:\s+[\w-]+){1,3}?(?=\s)"
)
# Verbs that introduce a quoted fragment but not a reported clause.
FRAGMENT = (
    r"called|calling|call|described|describing|dubbed|labell?ed|branded|accused|accusing|saying|"
    r"writing|telling|adding|denounced|condemned|praised|dismissed|dismissing|hailed|"
    r"characteri[sz]ed|termed|calls|describes|dubs|labels|brands|put it|puts it|"
    # Verbs that introduce a speaker's own words inside the reporter's sentence.
    r"pointed to|points to|spoke of|speaks of|spoke about|talked of|talked about|referred to|"
    # "declined to discuss 'internal deliberations'": what they would not talk about.
    r"declined to discuss|refused to discuss|declined to comment on|"
    r"expressed|expresses|cited|cites|welcomed|welcomes|thanked|thanks|criticized|criticised|"
    r"criticizes|criticises|lauded|rejected|rejects|vilified|vilifies|derided|derides|ridiculed|"
    r"mocked|lambasted|slammed|blasted|commended|commends|congratulated|applauded|"
    # "defended the expulsions as 'a last resort'".
    r"defended|defends|justified|justifies|depicted|depicts|portrayed|portrays|"
    # The present tense a radio report or a translated dispatch tells events in ("accuses the
    # opposition of '...'"), and regret ("regrets a 'unilateral' decision").
    r"accuses|denounces|condemns|praises|dismisses|hails|regretted|regrets|deplored|deplores|"
    r"lamented|laments|decried|decries"
)
# A claim named by a noun, with whose it is and what it says: "claims by the opposition Liberal
# Union that the government had been 'asleep at the wheel'", "warnings from aid agencies that".
CLAIM_BY = re.compile(
    r"\b(?:claims?|accusations?|allegations?|assertions?|charges?|complaints?|warnings?|"
    r"suggestions?|insistence|reports?|rumou?rs?)\s+(?:(?:this|last)\s+week,?\s+)?(?:by|from)\s+"
    r"(?P<spk>[^,~]{1,60}?)\s+that\s+"
)
SAY_RE = re.compile(rf"\b(?:{SAY})\b")
# Participles of saying ("..., asserting that the complaints were 'a pretext'") introduce a
# fragment too, credited to the subject of the clause they hang from.
ANY_VERB_RE = re.compile(
    rf"\b(?:{SAY}|{FRAGMENT}|asserting|stating|noting|stressing|arguing|warning|insisting|"
    r"explaining|claiming|declaring|maintaining|contending|suggesting|acknowledging)\b"
)
TIME = (
    # "on Monday evening", but not "said on his way into ...".
    # A bare weekday is a time too ("said Wednesday", "indicated Friday"), as US wire copy has it.
    r"(?:\s+(?:(?:on\s+[A-Z0-9]\w*|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|"
    r"tonight)(?:\s+(?:evening|morning|night|afternoon))?|last\s+\w+|"
    r"this\s+\w+|earlier|later|"
    r"afterwards|privately|publicly|again|only|also|repeatedly|in\s+a\s+statement))*"
)


@dataclass(frozen=True)
class ExtractedQuote:
    """One attributable statement found in an article body."""

    text: str
    kind: str  # one of KINDS
    speaker: str | None  # None for anonymous sources
    attribution: str  # as printed, e.g. "Okafor said", "citing unnamed officials"
    start: int  # offsets into the body; for joined or multi-paragraph quotes, first to last part
    end: int
    confidence: float

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


_GUILLEMETS = str.maketrans("«»‹›", "“”‘’")
# German and Danish books print »...« and ›...‹: the same marks, pointing inwards.
_INWARD_GUILLEMETS = str.maketrans("»«›‹", "“”‘’")
# German and central European news print „...“ and ‚...‘: the closing mark is the English
# opening one.
_LOW_NINE = str.maketrans("„“‚‘", "“”‘’")


def _as_curly_marks(body: str) -> str:
    """The body with its quotation marks written as English curly marks, character for
    character (so offsets hold): guillemets either way round, and „...“ where the text uses
    it and no English closing mark (a text that has both is quoting in English)."""
    first = re.search(r"[«»]", body)
    marked = body.translate(_INWARD_GUILLEMETS if first and first.group() == "»" else _GUILLEMETS)
    if "„" in marked and "”" not in body:
        marked = marked.translate(_LOW_NINE)
    return marked


class Article:
    """The body plus the derived views every rule needs."""

    def __init__(self, body: str, known_people: Iterable = ()) -> None:
        self.body = body
        paras = paragraphs(body)
        # Guillemets («...», »...«) and low-nine marks („...“), as French, German, Nordic and
        # central European news print quotations, are read as the curly marks the rules know;
        # the body keeps them, so quoted words stay verbatim.
        marked = _as_curly_marks(body)
        # 'Senator Josefina "Pinky" Alcaraz': a nickname inside a name is no quotation.
        self.spans = [span for span in find_spans(marked, paras) if not nickname(marked, span)]
        self.spans = sorted(
            self.spans + dash_spans(marked, paras, self.spans), key=lambda s: s.start
        )
        self.masked = mask(marked, self.spans)
        # Where the quotation marks are, sorted, so that a clause finds its own by bisection
        # (a text of thousands of marks would make a walk over all of them per clause quadratic).
        self.opens = frozenset(span.open_pos for span in self.spans)
        self.closes = frozenset(span.close_pos for span in self.spans)
        self.close_positions = sorted(self.closes)
        self.mark_positions = sorted(self.opens | self.closes)
        self.sentences = sentences(self.masked, paras)
        self._sentence_starts = [a for a, _ in self.sentences]
        self.paragraphs = paras
        self._paragraph_starts = [a for a, _ in paras]
        first = body[paras[0][0] : paras[0][1]] if paras else ""
        # A short first line without a full stop is a headline restating the body; skip it.
        headline = (
            len(paras) > 1 and len(first.split()) < 20 and first.rstrip("\"'”’")[-1:] not in ".!?"
        )
        self.skip_until = paras[0][1] if headline else 0
        # Headings (the headline, a subheading such as 'Witch hunt') are no one's words, and
        # their capitals ("Iran Nuclear Deal") are not people a later "he" could mean.
        self.headings = [(0, self.skip_until)] if headline else []
        self.headings += [
            (a, b) for a, b in paras[1:] if len(paras) > 2 and _heading(body[a:b], a, paras)
        ]
        for_entities = list(self.masked)
        for a, b in self.headings:
            for_entities[a:b] = " " * (b - a)
        known = known_titles(known_people)
        self.known = known  # (name, role titles) pairs, lower-cased, from the caller
        self.entities: Entities = find_entities(
            "".join(for_entities),
            self.sentences,
            known,
            self.headings[int(headline) :],
            self.masked,
        )

    def in_heading(self, pos: int) -> bool:
        # By bisection: a text of thousands of short lines has thousands of headings.
        if self.__dict__.get("_heading_starts") is None:
            self._heading_starts = [a for a, _ in self.headings]
        index = bisect_right(self._heading_starts, pos) - 1
        return index >= 0 and pos < self.headings[index][1]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        index = bisect_right(self._sentence_starts, pos) - 1
        if index >= 0 and pos < self.sentences[index][1]:
            return self.sentences[index]
        return pos, pos

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph holding pos starts (pos itself when it is between paragraphs)."""
        index = bisect_right(self._paragraph_starts, pos) - 1
        if index >= 0 and pos <= self.paragraphs[index][1]:
            return self.paragraphs[index][0]
        return pos

    def after_dateline(self, start: int, end: int) -> int:
        """Where a sentence's words start: after a wire dateline ("KITAURA, March 14 (Kitaura
        Shimpo) -- ") when the sentence opens its paragraph with one."""
        dateline = self.paragraph_start(start) == start and DATELINE.match(self.masked, start, end)
        return dateline.end() if dateline else start

    def paragraph_before(self, start: int) -> int | None:
        """Where the paragraph before the one starting at start starts (None for the first)."""
        index = bisect_right(self._paragraph_starts, start) - 1
        return self.paragraphs[index - 1][0] if index > 0 else None

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """Offsets without the spaces at either end (French typography puts them inside
        « ... »)."""
        while start < end and self.body[start].isspace():
            start += 1
        while end > start and self.body[end - 1].isspace():
            end -= 1
        return start, end

    def marks_within(self, start: int, end: int) -> list[int]:
        """Offsets of the quotation marks (not apostrophes) inside [start, end)."""
        positions = self.mark_positions
        return positions[bisect_left(positions, start) : bisect_left(positions, end)]

    def last_close_within(self, start: int, end: int) -> int:
        """The last closing mark inside [start, end), or -1."""
        index = bisect_left(self.close_positions, end) - 1
        return (
            self.close_positions[index]
            if index >= 0 and self.close_positions[index] >= start
            else -1
        )

    def printed(self, start: int, end: int) -> str:
        return " ".join(self.body[start:end].split()).strip(" ,")


def _heading(text: str, start: int, paras: list[tuple[int, int]]) -> bool:
    """A subheading: a short line between paragraphs, without a sentence's closing punctuation
    or a verb of saying (whatever quotation marks wrap it)."""
    if start == paras[-1][0] or len(text.split()) > 8 or SAY_RE.search(text):
        return False
    return text.rstrip("\"'”’ ")[-1:] not in ".!?:;,—–-"


def speaker_kind(speaker: str | None, kind: str) -> tuple[str | None, str]:
    return (None, "anonymous") if speaker == ANON else (speaker, kind)
