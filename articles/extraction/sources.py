"""Unnamed sources: how an article says a claim's source is not named ("a senior official, who
spoke on condition of anonymity"), and its later references back to one ("the official said")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .mentions import ANON, Mention

# How a text says it withholds a source's name ("asked me not to use his name", "declined to give
# her name", "asked that their names be withheld"), besides "anonymity" and "unnamed".
NAME_WITHHELD = (
    r"not\s+to\s+(?:use|give|print|publish|reveal|disclose)\s+(?:his|her|their|my|our)\s+"
    r"(?:full\s+|real\s+|last\s+)?names?|"
    r"(?:declined|refused|would\s+not|did\s+not\s+want|didn['’]t\s+want)\s+to\s+(?:give|share|"
    r"reveal|disclose)\s+(?:his|her|their)\s+(?:full\s+|real\s+|last\s+)?names?|"
    r"(?:his|her|their)\s+names?\s+(?:be\s+)?withheld|without\s+giving\s+(?:his|her|their)\s+"
    r"(?:full\s+)?names?|"
    # "who asked to be identified only as Lina", "identified in the report only as 'Witness 17'".
    # (Not "a protester identified only as Ahmed": part of a real name, as wire copy gives it.)
    r"(?:asked\s+to\s+be\s+identified|identified\s+in\s+the\s+[\w-]+)\s+only\s+(?:as|by)\b"
)
# Plural things that "suggest" or "show", which are never a source's words.
DATA_NOUNS = (
    r"polls|surveys|statistics|studies|numbers|results|estimates|images|photos|photographs|"
    r"pictures|videos|documents|records|models|projections|forecasts|indications|signs|tests|"
    r"findings|data|figures\s+(?:show|suggest)"
)
ANON_RE = re.compile(
    r"\b(?:unnamed|anonymous|anonymously|anonymity|not (?:want )?to be (?:named|identified)|"
    r"familiar with|with knowledge of|close to the|declined to be (?:named|identified)|"
    # "According to information obtained by this newspaper": its sources, unnamed.
    r"information\s+(?:obtained|seen|received|gathered)\s+by|"
    r"not authori[sz]ed|on background|not be (?:named|identified)|unidentified|"
    rf"{NAME_WITHHELD})\b"
    r"|^(?:the\s+)?(?:[A-Za-z.'’-]+\s+){0,3}?(?:officials|sources?|diplomats|advisers|aides|"
    r"analysts|economists|historians|critics|observers|experts|insiders|people|commentators|"
    # "According to the agency's interlocutor": a source by another name.
    r"interlocutors?|"
    # "Media Council director Takura Zhangazha": a word of a name, not a group.
    r"deputies|lawmakers|residents|voters|reports|"
    # (Not "Army media director Brigadier Udaya Nanyakkara": a role's field.)
    r"media(?!\s+(?-i:[A-Z])|\s+(?:director|chief|officer|adviser|advisor|spokes\w+|secretary|"
    r"head|manager|coordinator|liaison)\b))\b"
    r"|^(?:a|an|one|two|three|several|some|another)\s+(?:[\w.-]+\s+){0,4}?(?:officials?|sources?|"
    r"diplomats?|advisers?|aides?|people|insiders?|deputy|member|analysts?|economists?|delegates?|"
    r"teacher|voters?|residents?|figures?|of them|third|second|person|participants?|"
    # A phone-in's "another caller from Anse Noire", "a listener".
    r"attendees?|callers?|listeners?|viewers?|supporters?|fans?|spectators?)\b"
    # "Others argued", "Some said", "Many warned": an indefinite pronoun names nobody.
    # Police or authorities, none named: "Police said", "Local police said" (a named force,
    # "Dorrick police", is a body).
    r"|^(?:the\s+)?(?:(?:local|provincial|regional|district|municipal|city|state)\s+)?"
    r"(?:police|authorities|officials)$"
    r"|^(?:others|some|many|most|several|few|a few|some others|many others|still others|one|"
    r"another)$"
    # A bare plural group, wherever it is from: "Farmers in the Serek valley", "Traders at the
    # port", "Fishermen from Lake Varna" (the place is never the speaker).
    # One or two words say whose or what kind ("U.S. intelligence agencies").
    r"|^(?:(?!(?:on|in|at|to|for|from|by|with|of|as|and|or|but|while|when|after|before|"
    # "Farmers' groups in the north": a possessive says whose.
    r"the|a|an|its|his|her|their)\b)[a-z][\w.-]*(?:['’]s?)?\s+){0,2}"
    # Things are no speakers ("Polls suggest", "Satellite images suggest"), nor is a singular
    # noun ending in s ("Recent analysis suggests").
    rf"(?!(?:his|this|its|us|was|is|has|does|as|thus|news|{DATA_NOUNS})\b)(?![\w-]*(?:sis|us|ss)\b)"
    r"(?:[a-z][\w-]*[^s\W]s|[a-z][\w-]*men)"
    # Two groups at once: "rebel commanders and opposition politicians".
    r"(?:\s+and\s+(?:[a-z][\w-]*\s+)?(?:[a-z][\w-]*[^s\W]s|[a-z][\w-]*men))?"
    # Where they are, or what they are doing there: "Rebels advancing in the north".
    r"(?:(?:\s+[a-z]+ing)?\s+(?:in|from|at|near|across|on|outside|inside|around|throughout|"
    r"toward|towards)\s+[^,~]{1,60})?"
    # Who they are: "Farmers who use the port", "Drivers I've spoken to".
    r"(?:\s+who\s+[^,~]{1,50}|\s+(?:I|we)(?:['’]ve|\s+have)?\s+(?:spoke|spoken|talked|met)\s+"
    r"(?:to|with))?$",
    re.IGNORECASE,
)
# Someone's family, friends or lawyer, not named: "an ordeal their families had described as".
KIN_RE = re.compile(
    r"(?:^|\s)(?:[Tt]heir|[Hh]is|[Hh]er)\s+(?:[a-z]+\s+)?(?:families|family|relatives|parents|"
    r"children|friends|colleagues|neighbou?rs|supporters|lawyers?|husband|wife|sons?|"
    r"daughters?|mother|father|brothers?|sisters?)(?:\s+(?:has|have|had))?\s*$"
)
# Nouns an article uses for a source it does not name; "the official" later refers back to one.
SOURCE_NOUNS = (
    r"officials?|sources?|diplomats?|aides?|advisers?|advisors?|insiders?|officers?|"
    r"negotiators?|delegates?|people|persons?"
)
# People in the street quoted without a name ("a retired teacher"), who are unnamed sources too.
PASSERS_BY = (
    r"teachers?|voters?|residents?|pensioners?|shopkeepers?|farmers?|students?|workers?|"
    r"nurses?|drivers?|soldiers?|veterans?|volunteers?|mothers?|fathers?|woman|man|women|men|"
    r"guards?|policem[ae]n|fisherm[ae]n|vendors?|refugees?|migrants?|doctors?|pilgrims?|truckers?|"
    r"merchants?|traders?|owners?"
)
# Words between the determiner and the noun of an unnamed source are its modifiers: a
# preposition means the noun is something else's ("a speech to students", "a visit by officials").
_MODIFIER = (
    r"(?!(?:to|in|at|on|for|with|from|by|about|into|of|over|after|before|and|or|but|since|"
    r"because|while|although|though|as|if|when|than|he|she|they|it|"
    # A word, or initials ("U.S."), but never a word ending a sentence ("profile. A ...").
    r"we|i|you|later|earlier|ago|then|later|afterwards)\b)(?:(?:[A-Z]\.){2,}|[\w-]+(?:\.[\w-]+)*)"
)
_DETERMINER = r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any)"
_ANON_INTRO = re.compile(
    rf"{_DETERMINER}\s+(?:of\s+(?:the|those|its|their)\s+)?(?:{_MODIFIER}\s+){{0,4}}?"
    rf"(?P<noun>{SOURCE_NOUNS}|{PASSERS_BY})\b"
)
# Anyone the text leaves unnamed who says something ("One skipper said", "A fisherman, who has
# worked the strait for years, told the BBC"): any common noun after a determiner, as long as a
# verb of saying follows it directly (a name in apposition would come first).
_ANON_SPEAKER = re.compile(
    rf"{_DETERMINER}\s+(?:of\s+(?:the|those|these|its|their)\s+)?(?:{_MODIFIER}\s+){{0,3}}?"
    r"(?P<noun>(?!(?:statement|report|poll|study|letter|document|survey|memo|communiqu\w+|"
    r"release|post|message|notice|video|source|analysis|editorial|article|ruling|filing|"
    r"copy|version|draft|transcript|summary|but|and|or|since|because|while|although|though|as|"
    r"if|when|than|"
    r"he|she|they|it|we|i|you|later|earlier|ago|then|afterwards)\b)[a-z][\w-]*)"
    # Where they are ("in Port Halden") is no name, and how they asked not to be named
    # (", who ...,", ", speaking on condition of anonymity,") comes before the verb.
    r"(?=(?:\s+(?:in|at|from|near|outside|inside)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}"
    # Whose they are: "A spokesman for its navy said", "A lawyer for the family told".
    r"|\s+(?:for|of|with|from)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?"
    r"(?:(?:(?:[A-Z]\.){2,}|[A-Za-z][\w'’-]*)\s+){0,3}?[A-Za-z][\w-]*)?"
    r"(?:,\s+(?:who|whose|speaking|asking|requesting)\b[^,~]{0,120},"
    # "one minister who attended the meeting told the channel": a relative clause, no commas.
    r"|\s+who\s+(?:[a-z]+ed|was|were|had|has)\b[^,~.]{0,60}?(?=\s+(?:said|told)\b))?"
    r"\s+(?:also\s+|later\s+)?"
    r"(?:said|says|told|tells|added|noted|stressed|declared|confirmed|acknowledged|conceded|"
    r"claimed|announced|wrote|admitted|replied|responded|suggested|maintained|asked|"
    r"warned|insisted|argued|explained|complained|recalled|remembered|shouted|sighed)\b)"
)
# Anyone introduced with their name withheld: "a rice grower who asked me not to use his name",
# "a Kabul shopkeeper, who declined to give his name,". A later "he" or "she" means them.
_ANON_WITHHELD = re.compile(
    rf"{_DETERMINER}\s+(?:{_MODIFIER}\s+){{0,4}}?(?P<noun>[a-z][\w-]*)"
    # Whose or where they are first: "A spokesman for the foreign ministry, who asked ...".
    r"(?=(?:\s+(?:for|of|at|from|in|with)\s+[^,.;~]{1,60}?)?,?\s+(?:who|speaking|"
    rf"asking|requesting)\b[^.~;]{{0,80}}?(?:anonymity|not\s+to\s+be\s+(?:named|identified)|"
    rf"{NAME_WITHHELD}))"
)
_ANON_AGAIN = re.compile(
    # "the official", and with a demonstrative ("This official told VOA", "Those diplomats said";
    # a lower-case "that" is too often the conjunction: "said that officials ...").
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose|That)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{SOURCE_NOUNS})"
    r"\b(?!['’]s)"
    # "the official results", "the official Xinhua news agency": an adjective, not a source.
    # ("the official I spoke to" is one, the reporter's source).
    r"(?!\s+(?:(?!I\s+(?:spoke|talked|met|interviewed)\b)[A-Z]|"
    r"(?:results|count|figures|line|news|visit|statement|media|website|data|"
    r"position|policy|report|tally|language|name|title|channels?|story|version|estimates?|"
    r"toll|documents?|records?|account|agency|newspaper|gazette|portal|announcement|"
    r"ceremony|residence|opening|launch|reason|explanation|code|close|of)\b))"
)
_ANONYMITY = re.compile(
    r"\b(?:unnamed|anonymous|anonymously|anonymity|not (?:to be )?(?:named|identified)|"
    r"not authori[sz]ed|on background|unidentified|"
    rf"declined to be (?:named|identified)|familiar with|with knowledge of|close to the|"
    rf"{NAME_WITHHELD})\b",
    re.IGNORECASE,
)
GENERIC = re.compile(
    r"officials|sources|diplomats|advisers|aides|analysts|economists|historians|critics|"
    r"observers|experts|insiders|people|commentators|deputies|lawmakers|residents|voters|"
    r"reports|media|witnesses|activists|protesters|campaigners|scholars|researchers"
)


# "A student, who gave her name only as Amaka,": someone known by one name is named.
_GIVES_A_NAME = re.compile(
    # (After where they are: "One fisherman on the Fenua'ura wharf, who gave only his first name")
    r"(?:\s+(?:on|at|in|from|near|outside)\s+[^,~]{1,40})?,\s+who\b[^,~]{0,60}?\b(?:his|her)\s+(?:(?:first|given)\s+)?name(?:\s+only)?"
    r"(?:\s+as)?,?\s+[A-Z]"
)


DESCRIBED = "<described>"
WITHHELD = "<name withheld>"  # "a farmer who asked not to be named": "he" later means them


def _singular(noun: str) -> str:
    return {"people": "person"}.get(noun.lower(), noun.lower().removesuffix("s"))


def anonymous_sources(masked: str, mentions: list[Mention]) -> list[Mention]:
    """Unnamed sources ("a senior official"), and later references back to one ("the official")
    once the article has said its sources are unnamed (however far back it said so)."""
    taken = sorted((m.start, m.end) for m in mentions if m.kind in {"person", "org"})
    people = sorted(m.start for m in mentions if m.kind == "person")
    first_anonymity = next((m.start() for m in _ANONYMITY.finditer(masked)), None)
    introduced: set[str] = set()
    first_use: dict[str, int] = {}
    found = []
    matches = {m.start(): m for m in _ANON_SPEAKER.finditer(masked)}
    matches.update({m.start(): m for m in _ANON_INTRO.finditer(masked)})
    matches.update({m.start(): m for m in _ANON_AGAIN.finditer(masked)})
    matches.update({m.start(): m for m in _ANON_WITHHELD.finditer(masked)})
    for match in sorted(matches.values(), key=lambda m: m.start()):
        noun = _singular(match.group("noun"))
        index = bisect_left(taken, (match.end(),))
        # An organisation before the noun only says whose they are ("A White House spokesman").
        noun_at = match.start("noun")
        if any(
            a < match.end() and match.start() < b and b > noun_at
            for a, b in taken[max(0, index - 8) : index]
        ):
            continue
        if match.re is not _ANON_AGAIN:
            near = bisect_right(people, match.end())
            if near < len(people) and people[near] - match.end() <= 3:
                continue  # "One resident, Ana Mol, said": named after all
            if _GIVES_A_NAME.match(masked, match.end()):
                continue  # "A student, who gave her name only as Amaka, said": named too
            introduced.add(noun)
            first_use.setdefault(noun, match.end())
        elif noun not in introduced and not (first_anonymity or 1e9) < match.start():
            continue
        found.append(Mention(match.start(), match.end(), "anon", ANON))
        if match.re is _ANON_SPEAKER:
            found[-1].title = DESCRIBED  # "a top lawmaker": maybe named in the next paragraph
        elif match.re is _ANON_WITHHELD:
            found[-1].title = WITHHELD
    return sorted(found + _again(masked, first_use, taken, found), key=lambda m: m.start)


def _again(
    masked: str, first_use: dict[str, int], taken: list[tuple[int, int]], found: list[Mention]
) -> list[Mention]:
    """ "The broker said" after "one of the brokers said": any noun the article used for an
    unnamed speaker refers back to that source later, not only the usual source nouns."""
    nouns = sorted(n for n in first_use if not re.fullmatch(SOURCE_NOUNS, n))[:20]
    if not nouns:
        return []
    again = re.compile(
        rf"\b[Tt]he\s+(?P<noun>{'|'.join(map(re.escape, nouns))})s?\b(?!['’]s)"
        r"(?=\s+(?:also\s+|later\s+)?(?:said|told|[a-z]+ed|[a-z]+s)\b)"
    )
    starts = {m.start for m in found}
    extra = []
    for match in again.finditer(masked):
        if match.start() in starts or match.start() < first_use[match.group("noun").lower()]:
            continue
        index = bisect_left(taken, (match.end(),))
        if any(a < match.end() and match.start() < b for a, b in taken[max(0, index - 8) : index]):
            continue
        extra.append(Mention(match.start(), match.end(), "anon", ANON))
    return extra


# A verb of saying in the impersonal passive ("it was noted that", "it has been stressed that").
IMPERSONAL_SAY = re.compile(
    r"\b[Ii]t\s+(?:was|is|has\s+been|had\s+been)\s+(?:also\s+)?"
    r"(?:noted|stated|stressed|emphasi[sz]ed|said|pointed\s+out|underlined|underscored|"
    r"reiterated|recalled|observed|remarked)\s+that\s+"
)
