"""Reads what an attribution prints about its speaker: the role and party ("Marek Lindqvist, the
Liberty Party's candidate for president"), the office a candidate runs for, and the names an
unnamed-source claim is about ("unnamed Trump advisers, cited by the Financial Times").

Plain text in, plain values out: matching the names to speakers and the office to an election
is stances/suggestions.py's work. Every reader abstains (returns None or nothing) when the
words do not fit one of the forms it knows; a wrong proposal costs an editor more than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Nouns that make a phrase a role. Without one, "the man who said" is not read as a title.
ROLE_NOUNS = frozenset(
    """
    adviser advisor ambassador candidate chair chairman chairwoman chancellor commander
    congressman congresswoman deputy diplomat director envoy general governor head king leader
    mayor member minister mp nominee official premier president prime queen representative
    secretary senator speaker spokesman spokeswoman spokesperson
    """.split()  # noqa: SIM905 (as words, not a column of 40 lines)
)
_NAME_WORD = r"[A-Z][\w'’-]*"
PARTY = re.compile(rf"(?:the\s+)?(?P<party>(?:{_NAME_WORD}\s+)+Party)(?:'s|’s)?")
# "candidate for president", "nominee for vice president", "presidential candidate".
OFFICE_SOUGHT = re.compile(
    r"\b(?:candidate|nominee|running)\s+for\s+(?:the\s+)?(?P<office>(?:vice[\s-])?[\w-]+)"
    r"|\b(?P<adjective>(?:vice-)?presidential|senate|gubernatorial|mayoral)\s+"
    r"(?:candidate|nominee|hopeful)",
    re.IGNORECASE,
)
ADJECTIVE_OFFICES = {
    "presidential": "President",
    "vice-presidential": "Vice President",
    "senate": "Senator",
    "gubernatorial": "Governor",
    "mayoral": "Mayor",
}
# Words that start an attribution rather than a title ("Said Ana Okafor" never names a role).
NOT_TITLES = frozenset(
    """
    according after and as at but by cited citing for from in of on said says the to told when
    while with
    """.split()  # noqa: SIM905
)
# Capitalised words in an unnamed-source attribution that are not names.
NOT_NAMES = frozenset(
    """
    a according advisers advisors aides allies an anonymous associates campaign cited citing
    close familiar officials people senior source sources the their unidentified unnamed
    """.split()  # noqa: SIM905
)


@dataclass(frozen=True)
class PrintedRole:
    """A role as an attribution prints it: a title, and the party (or other organisation)."""

    title: str
    organisation: str = ""

    @property
    def office_sought(self) -> str:
        """The office a candidate runs for ("President"), empty when the title is no candidacy."""
        found = OFFICE_SOUGHT.search(self.title)
        if found is None:
            return ""
        if found["adjective"]:
            return ADJECTIVE_OFFICES[found["adjective"].lower()]
        words = found["office"].replace("-", " ").split()
        return " ".join(word.capitalize() for word in words)

    @property
    def is_running_mate(self) -> bool:
        return self.office_sought.startswith("Vice ") or "running mate" in self.title.lower()


def _has_role_noun(phrase: str) -> bool:
    return any(
        word.lower().strip("'’s") in ROLE_NOUNS or word.lower() in ROLE_NOUNS
        for word in re.findall(r"[\w'’-]+", phrase)
        for word in word.split("-")
    )


def _split_party(phrase: str) -> PrintedRole:
    """ "the Liberty Party's candidate for president" -> candidate for president, Liberty Party;
    "a senator from the Green Party" -> senator, Green Party; otherwise the phrase as a title."""
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    party = PARTY.search(phrase)
    organisation = ""
    if party:
        organisation = party["party"]
        before, after = phrase[: party.start()], phrase[party.end() :]
        after = after.strip()
        # "a senator from the Green Party": the preposition went with the party.
        before = re.sub(r"\s+(?:of|from|for)\s*$", "", before.strip(), flags=re.IGNORECASE)
        phrase = " ".join(part for part in (before, after) if part)
        phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    phrase = phrase.strip(" ,")
    if not phrase:
        return PrintedRole("")
    return PrintedRole(phrase[0].upper() + phrase[1:], organisation)


def read_role(name: str, text: str) -> PrintedRole | None:
    """The role printed next to ``name`` in ``text``: in apposition after it ("Ana Okafor, the
    foreign minister, said") or as a title before it ("Foreign Minister Ana Okafor"). None when
    neither form holds a role noun (minister, senator, candidate, spokesman...)."""
    if not name.strip() or not text:
        return None
    name_pattern = r"\s+".join(re.escape(part) for part in name.split())
    after = re.search(
        rf"{name_pattern}\s*,\s*(?P<role>(?:the|a|an)\s+[^,.;:\"“”()]+?)\s*(?:,|\.|;|\)|$|\s+(?:said|says|told|added|wrote)\b)",
        text,
    )
    if after and _has_role_noun(after["role"]):
        role = _split_party(after["role"])
        if role.title:
            return role
    before = re.search(rf"(?P<role>(?:[\w'’-]+\s+){{1,5}}){name_pattern}\b", text)
    if before:
        words = before["role"].split()
        # Keep the words nearest the name up to the first that cannot be part of a title.
        kept: list[str] = []
        for word in reversed(words):
            if word.lower() in NOT_TITLES or word.endswith((",", ".", ";", ":", '"', "”")):
                break
            kept.insert(0, word)
        phrase = " ".join(kept)
        if phrase and phrase[0].isupper() and _has_role_noun(phrase):
            role = _split_party(phrase)
            if role.title:
                return role
    return None


def names_in(text: str) -> list[str]:
    """Capitalised names in a text, each once, in order, with possessives and the words of an
    unnamed-source attribution taken off: "unnamed Trump advisers, cited by the Financial
    Times" gives Trump and Financial Times; "people close to Helena Marsh's campaign" gives
    Helena Marsh."""
    found: list[str] = []
    for run in re.finditer(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*", text):
        words = [w.removesuffix("'s").removesuffix("’s") for w in run.group().split()]
        while words and words[0].lower() in NOT_NAMES:
            words.pop(0)
        while words and words[-1].lower() in NOT_NAMES:
            words.pop()
        name = " ".join(words)
        if name and name not in found:
            found.append(name)
    return found
