"""Titles that stand for people ("the prime minister", "Velmora's president", "the Drenish
envoy"), credited to whoever held the role on the article's date.

Who held which role comes from the caller (``known_people``: the database knows it; this module
does not); failing that, from a person the text itself introduced with the title; failing that,
the title is kept as printed, so an editor sees who the article meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ROLE = (
    r"(?i:(?:(?:deputy|vice|acting|interim)\s+)?(?:prime\s+minister|(?:[a-z]+\s+)?minister|"
    r"vice[- ]president|vice[- ]minister|president|chancellor|secretary[- ]general|"
    r"secretary\s+of\s+state|"
    r"(?:[a-z]+\s+)?secretary|spokes(?:man|woman|person)|ambassador|envoy|governor|mayor|premier|"
    r"(?:party\s+)?leader|chair(?:man|woman)?|commissioner|king|queen|senator|commander|"
    # Royal and honorific titles a later "the shaikh said" refers back by.
    r"emir|sultan|sheikh|shaikh|"
    # "the head of Kessaran diplomacy": a foreign minister, as francophone and Latin American
    # papers call one.
    # (A people's adjective only: not "the head of public diplomacy", "the head of EU diplomacy".)
    r"head\s+of\s+(?-i:[A-Z][a-z]+(?:an|ian|ese|ish|ch|i))\s+diplomacy|"
    # Ranks a military story refers back by ("the admiral said"; "the general" only before its
    # verb: not "the General Assembly").
    r"admiral|colonel|general(?=\s+(?:also\s+|then\s+)?(?:said|says|told|tells|added|noted|"
    r"stressed|explained|warned|insisted|replied|acknowledged)\b)|"
    r"negotiator|prosecutor|(?:[a-z]+\s+)?director|flagbearer|(?:[a-z]+\s+)?representative|"
    r"(?-i:CS)|judge|"
    # "the speaker of parliament", but not a conference's "the speaker said".
    r"speaker(?=\s+of\s)))"
)
TITLED = re.compile(
    # "its foreign minister", "Orland, whose defense minister": a country's, named just before.
    # (Each word bounded: a run of "A-A-A-..." must not be tried at every letter to its end.)
    r"\b(?:(?:[Tt]he\s+)?(?P<owner>[A-Za-z][\w-]{1,40})['’]s|[Tt]he|[Ii]ts|[Tt]heir|whose)\s+"
    r"(?P<mods>(?:(?:[A-Z]\.){2,}\s+|[A-Za-z-]{1,40}\s+){0,2}?)"
    rf"(?P<role>{ROLE})\b(?!['’]s|-)"
    # "the leader of the National Bloc": the whole name, whose first word qualifies the title.
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?P<of>[A-Z][\w-]{1,40})(?:\s+[A-Z][\w-]{1,40}){0,6})?"
)
# Words that say the title is not the current holder's, so no one is credited by it.
_NOT_CURRENT = {"former", "late", "ex", "previous", "incoming", "new", "next", "future"}
# Words that say the holder is the current one ("the outgoing speaker" still holds the post).
_CURRENT = {"outgoing", "current", "sitting", "incumbent", "serving", "presiding"}


# Words that make a title another person's: the deputy prime minister is not the prime minister.
_RANKS = {"deputy", "vice", "acting", "assistant", "under", "junior", "shadow", "former", "interim"}


# Ranks as abbreviated before a name ("Navy Adm. Mike Mullen"), as a later "the admiral" says them.
_RANK_WORDS = {"adm": "admiral", "gen": "general", "col": "colonel"}


def _words(text: str) -> list[str]:
    # "U.S. defense secretary": an abbreviation is one word ("us"), as in the printed title.
    words = re.findall(r"[a-z]+", text.lower().replace("-", " ").replace(".", ""))
    return [_RANK_WORDS.get(word, word) for word in words]


def _stem(word: str) -> str:
    # "Drenish", "Drenland" and "Drenlander" share a stem: enough to tell two countries apart.
    return word.lower().replace(".", "")[:4]


def known_titles(known_people: Iterable) -> list[tuple[str, list[str]]]:
    """(name, role titles) pairs made safe to compare: blank names dropped, titles lower-cased."""
    known = []
    for entry in known_people or ():
        name, titles = entry
        titles = [titles] if isinstance(titles, str) else list(titles or ())
        name = " ".join(str(name or "").split())
        if name:
            words = [" ".join(_words(str(t))) for t in titles if str(t).strip()]
            # "minister of foreign affairs" is also a foreign minister, as a text calls one.
            words += [
                # (What qualified it still does: not "the Ugandan foreign minister".)
                f"{field.split()[0]} {role} of {field}"
                for role, _, field in (w.partition(" of ") for w in words)
                if role in {"minister", "secretary"}
                and field.split()[:1]
                and field.split()[0] in _FIELD_FIRST
            ]
            known.append((name, words))
    return known


def _split_title(title: str) -> tuple[list[str], set[str]]:
    """A title's role words and the stems of what qualifies it ("prime minister of velmora")."""
    head, _, tail = title.partition(" of ")
    return head.split(), {_stem(w) for w in tail.split() if w != "the"}


# The field that names a minister of it ("minister of defence": the defence minister).
_FIELD_FIRST = {
    "foreign", "defence", "defense", "finance", "interior", "justice", "health", "education",
    "trade", "agriculture", "energy", "information", "communication", "communications",
}  # fmt: skip


def holder(
    core: list[str], qualifiers: set[str], people: list[tuple[str, list[str]]]
) -> str | None:
    """The one person whose title is the printed role (and country, if printed), else None.

    A title that says the role exactly ("prime minister") wins over one that only ends with it
    ("deputy prime minister" for "the prime minister" is another person). With a country printed
    ("Velmora's prime minister"), a title of that country wins over one naming no country, and a
    title of another country never matches.
    """
    for exact in (True, False):
        agreeing, open_ = set(), set()
        for name, titles in people:
            fits = []
            for title in titles:
                head, qualifying = _split_title(title)
                extra = head[: len(head) - len(core)]
                if head[len(head) - len(core) :] != core or (exact and extra):
                    continue
                qualifying |= {_stem(w) for w in extra}
                if not exact and set(extra) & _RANKS:
                    continue  # "the prime minister" is not the deputy prime minister
                fits.append(qualifying)
            if not fits:
                continue
            if not qualifiers or any(qualifiers & q for q in fits):
                agreeing.add(name)
            elif all(not q for q in fits):
                open_.add(name)
        names = agreeing or open_
        if len(names) == 1:
            return names.pop()
        if names:
            return None  # two holders fit: no guess
    return None


def titled_phrases(masked: str) -> Iterable[tuple[int, int, list[str], set[str], str]]:
    """(start, end, role words, qualifier stems, phrase as printed) for each titled phrase."""
    for match in TITLED.finditer(masked):
        mods = match.group("mods").split()
        # "the former Woman Representative", "Velsland's Ex-Interior Minister": only a holder
        # given that very title (a former role) is meant, never the current holder.
        former = [w.lower() for w in mods if w.lower() in _NOT_CURRENT]
        former += ["ex" for w in mods if re.match(r"(?i:ex)-\w", w)]
        mods = [re.sub(r"^(?i:ex)-", "", w) for w in mods]
        mods = [w for w in mods if w.lower() not in _CURRENT | _NOT_CURRENT]
        qualifiers = {_stem(w) for w in mods if w[:1].isupper()}
        qualifiers |= {
            _stem(match.group(g)) for g in ("owner", "of") if (match.group(g) or "")[:1].isupper()
        }
        core = (
            former + [w.lower() for w in mods if not w[:1].isupper()] + _words(match.group("role"))
        )
        lower_of = re.match(
            r"\s+of\s+(?:the\s+)?(state|defen[cs]e|finance|interior|energy|commerce|agriculture|"
            r"health|education|labou?r|justice|transport|treasury|homeland\s+security)\b",
            masked[match.end() : match.end() + 40],
        )
        if lower_of and not match.group("of") and core[-1] in {"secretary", "minister"}:
            # "the secretary of defense": the department, printed in lower case.
            qualifiers.add(_stem(lower_of.group(1)))
        diplomacy = re.fullmatch(r"(?i:head\s+of\s+(\w+)\s+diplomacy)", match.group("role"))
        if diplomacy:
            core = [*former, "foreign", "minister"]
            if diplomacy.group(1) and diplomacy.group(1)[:1].isupper():
                qualifiers.add(_stem(diplomacy.group(1)))
        if core[-1:] == ["cs"]:
            # "the CS": Kenya's cabinet secretary, a minister, as a text that named them calls them.
            core = [*core[:-1], "cabinet", "secretary"]
        if "of" in core:
            # "the secretary of state": the role, and what it is of, as a title is compared.
            cut = core.index("of")
            qualifiers |= {_stem(w) for w in core[cut + 1 :] if w != "the"}
            core = core[:cut]
        printed = match.group()
        printed = printed[0].lower() + printed[1:] if printed.startswith("The ") else printed
        yield match.start(), match.end(), core, qualifiers, " ".join(printed.split())
