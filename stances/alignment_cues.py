"""Reads from a quote's own words whether it speaks against a stance's proposal.

Every stance is phrased as something to do ("Send weapons to Velmora"), so a quote that says
"not", "never", "no longer", "against", or a verb of undoing (oppose, reject, end, halt, stop,
cut off, withdraw, lift, scrap) usually opposes it. Three refinements, each for quotes of the
tuning part of tests/tag_suggestion_corpus.json that the plain rule got wrong:

- A verb of the stance's own statement, or of the same family, agrees with it: "stop importing
  cotton picked by prisoners" supports "Ban imports of goods made with forced labour".
- A negation just before a verb of undoing cancels it: "we will not leave it".
- In a contrastive sentence ("X, but Y") the clause after the contrast decides when it has a cue
  of its own, since that is where a speaker puts their point.
"""

from __future__ import annotations

import re

NEGATIONS = frozenset({"not", "no", "never", "nor", "cannot", "against", "neither"})

# Verbs of undoing or refusing, by how they start, so that every form counts ("opposes",
# "opposed", "withdrew", "withdrawn"). Each maps to its family.
UNDOING_STARTS = {
    "oppos": "oppose",
    "refus": "refuse",
    "reject": "reject",
    "halt": "halt",
    "withdr": "withdraw",
    "scrap": "scrap",
    "abandon": "abandon",
    "leav": "leave",
}
# Short verbs, as whole words only: "end" is not in "endorse", "cut" not in "cute".
UNDOING_WORDS = {
    **dict.fromkeys(("end", "ends", "ended", "ending"), "end"),
    **dict.fromkeys(("stop", "stops", "stopped", "stopping"), "stop"),
    **dict.fromkeys(("cut", "cuts", "cutting"), "cut"),
    **dict.fromkeys(("lift", "lifts", "lifted", "lifting"), "lift"),
    **dict.fromkeys(("left", "quit", "quits"), "leave"),
}
# Verbs that all restrict or halt something: when the statement uses one of them, a quote
# using another agrees with it.
HALTING = frozenset({"ban", "stop", "halt", "end", "cut", "block", "embargo"})
HALTING_WORDS = {
    **UNDOING_WORDS,
    **dict.fromkeys(("ban", "bans", "banned", "banning"), "ban"),
    **dict.fromkeys(("block", "blocks", "blocked", "blocking"), "block"),
    "embargo": "embargo",
}

MODALS = frozenset(
    "will would shall should must can could may might to be been being is are was were 'll".split()  # noqa: SIM905
)
# Words that report a process (talks, a review, a postponed decision) rather than a position:
# such a quote usually mentions the stance without taking a side.
PROCESS_STARTS = (
    "discuss",
    "talks",
    "agenda",
    "study",
    "studie",
    "weigh",
    "review",
    "postpon",
    "delay",
    "decid",
    "decision",
    "resum",
    "stall",
    "summit",
    "sounded",
    "opinion",
    "expert",
    "moved",
)

# A "not" opening an alternative after a comma rejects the alternative, not the stance:
# "the floor, not the ceiling", "now, not next year".
ALTERNATIVE = re.compile(r",\s*not\b", re.IGNORECASE)
CONTRAST = re.compile(r"\b(?:but|yet|however|nevertheless)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'").replace("\u2018", "'"))


def _family(word: str) -> str | None:
    """The verb family of a verb of undoing (or of halting), else None."""
    if word in HALTING_WORDS:
        return HALTING_WORDS[word]
    for start, family in UNDOING_STARTS.items():
        if word.startswith(start):
            return family
    return None


def _is_negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't")


def agreeing_verbs(statement: str) -> frozenset[str]:
    """The verb families a stance's statement uses itself: in a quote they agree with it."""
    found = {family for word in _words(statement) if (family := _family(word))}
    if found & HALTING:
        found |= HALTING
    return frozenset(found)


def _undoes(words: list[str], i: int, agreeing: frozenset[str]) -> bool:
    """Whether words[i] is a verb of undoing that speaks against the stance.

    The short ones (end, stop, cut, lift, leave) count only after a modal, "to" or a form of
    "be" ("should end", "would stop paying", "should be lifted"): elsewhere they are mostly
    nouns or other people's actions ("Full stop.", "once the fighting ends", "let civilians
    leave").
    """
    family = _family(words[i])
    if family is None or family in agreeing or family in ("ban", "block", "embargo"):
        return False
    if words[i] not in UNDOING_WORDS and family != "leave":
        return True
    before = words[max(0, i - 2) : i]
    return any(w in MODALS or w.endswith("n't") for w in before)


def _clause_cue(words: list[str], agreeing: frozenset[str]) -> bool | None:
    """True when the words speak against; False when their only cues cancel out ("will not
    leave"); None when they have no cue at all."""
    cancelled = set()
    against = False
    for i in range(len(words)):
        if not _undoes(words, i, agreeing):
            continue
        negations = [j for j in range(max(0, i - 2), i) if _is_negation(words[j])]
        cancelled.update(negations)
        against = against or not negations
    against = against or any(_is_negation(w) and i not in cancelled for i, w in enumerate(words))
    if against:
        return True
    return False if cancelled else None


def speaks_against(text: str, statement: str = "") -> bool:
    """Whether the quote's words speak against the stance its ``statement`` states."""
    agreeing = agreeing_verbs(statement)
    text = ALTERNATIVE.sub(",", text)
    clauses = CONTRAST.split(text)
    if len(clauses) > 1:
        last = _clause_cue(_words(clauses[-1]), agreeing)
        if last is not None:
            return last
    return bool(_clause_cue(_words(text), agreeing))


def reports_process(text: str, statement: str = "") -> bool:
    """Whether the quote reports a process (talks, a review, a decision put off) in words the
    stance's statement does not use itself."""
    own = set(_words(statement))
    return any(w.startswith(PROCESS_STARTS) and w not in own for w in _words(text))
