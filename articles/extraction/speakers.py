"""Who a speaker phrase refers to ("Okafor", "the ministry", "she", "unnamed officials", "Kerry met
Zarif, who"), from the mentions found in the article."""

from __future__ import annotations

import re

from .entities import COMPANY_WORDS, ORG_WORDS, TITLES, WRITTEN_BY, Entities, subject_of
from .mentions import ANON, Mention
from .sources import ANON_RE, DATA_NOUNS, DESCRIBED, KIN_RE, WITHHELD
from .titles import ROLE

_POLL_RE = re.compile(r"\b(?:poll|polls|polling|survey|tracker|figures|data|study|report)\b", re.I)
SPEECH_VERB_AFTER = re.compile(r"\b(?:said|says|say|added|adds|told|tells|wrote|writes|reports)\b")


def resolve_pronoun(entities: Entities, mention: Mention) -> str | None:
    """The latest earlier sentence subject (or named person) matching the pronoun's gender."""
    memo = entities.__dict__.setdefault("_pronouns", {})
    if id(mention) not in memo:
        memo[id(mention)] = None  # a pronoun never refers through itself
        memo[id(mention)] = _resolve_pronoun(entities, mention)
    return memo[id(mention)]


# Between an unnamed person and their name in apposition: "..., who gave her name only as ",
# "the official spokesman of the Ministry of Foreign Affairs, His Excellency ".
_APPOSED_NAME = re.compile(
    r"[^.;~]{0,40}?,\s+who\s+gave\s+(?:his|her)\s+(?:first\s+)?name[^.;~]{0,12}"
    # (Only the unnamed noun's own complement before the name: not "said troops had killed the
    # rebel leader, Joseph Kony", a person the source talked about.)
    r"|(?:\s+(?!(?:said|says|told|tells)\b)[a-z]+){0,2}(?:\s+(?:of|for|at|in|from|with|to)\s+"
    r"(?:(?!\b(?:said|says|told|tells|had|has|have|was|were|is|are|[a-z]+ed)\b)[^.;,~]){0,70})?"
    r",\s+(?:[A-Z][\w.]*\s+){0,3}"
)


def _resolve_pronoun(entities: Entities, mention: Mention) -> str | None:
    # Only the latest subjects and people are looked at: a pronoun does not reach back
    # dozens of sentences, and the bound keeps the work per pronoun constant.
    seen_subjects = entities.subjects_before(mention.start, 40)
    subject_ids = {id(s) for s in seen_subjects}
    others = [
        m
        for m in entities.before(mention.start, 120)
        if m.kind == "person" and id(m) not in subject_ids
    ]
    withheld = [
        m
        for m in entities.before(mention.start, 40)
        if m.kind == "anon" and m.title in {WITHHELD, DESCRIBED}
    ]
    if withheld and (not seen_subjects or withheld[-1].start > seen_subjects[-1].start):
        return ANON  # "I met a farmer who asked me not to use his name. He said ..."
    for group in (seen_subjects, others):
        for candidate in reversed(group):
            name = _name_of(entities, candidate)
            if candidate.kind == "anon":
                # "he said", after an unnamed source: still the unnamed source; unless a person
                # of the pronoun's gender is named after it ("The diplomat adds that da Rocha is
                # ... the ministry said her mandate ... she says": her).
                # (Only in a later sentence: "A taxi driver said he had voted for the president.
                # 'If they won, they won,' he said" is still the driver.)
                # (Someone else must have taken the floor since: "He said Mr John Mbadi would
                # present the budget. 'It will be close,' he said" is still the source's "he".)
                later = next(
                    (
                        s.start
                        for s in seen_subjects
                        if s.start > candidate.start and s.kind not in {"pronoun", "anon"}
                    ),
                    None,
                )
                named_since = [
                    o.name
                    for o in others
                    if (
                        (later is not None and o.start > later)
                        # "A schoolteacher in Kessel, who gave her name only as Irena,": her name.
                        or _APPOSED_NAME.fullmatch(entities.masked, candidate.end, o.start)
                    )
                    and entities.genders.get(o.name) == mention.gender
                    and mention.gender is not None
                ]
                return named_since[-1] if named_since else ANON
            if name is None or name == ANON or candidate.kind in {"org", "title"}:
                continue  # an unresolved title may be anyone, so "he" does not go to it
            gender = entities.genders.get(name)
            if gender is None or gender == mention.gender:
                return name
    return None


def _name_of(entities: Entities, mention: Mention) -> str | None:
    if mention.kind == "pronoun":
        return resolve_pronoun(entities, mention) if mention.name in {"he", "she"} else None
    if mention.kind == "anon":
        return ANON
    return resolve_org(entities, mention) if mention.kind == "org" else mention.name


def resolve_org(entities: Entities, mention: Mention) -> str:
    """A lower-case "the ministry" refers to the latest named organisation with that head noun."""
    if mention.name[:1].isupper():
        return _named_earlier(entities, mention)
    # "the foreign ministry" is not the defence ministry: every word must be in the name.
    wanted = set(mention.name.lower().split())
    for earlier in reversed([m for m in entities.before(mention.start, 200) if m.kind == "org"]):
        # "the shipping company Holm & Tessen", later "the company": the noun it was named with.
        named_as = set(f"{earlier.name} {earlier.title}".lower().split())
        if earlier.name[:1].isupper() and wanted <= named_as:
            return earlier.name
    if wanted & _GROUP_NOUNS:
        # "MEND, a militant group, claimed ... The militant group denounced": the latest body, not
        # a state's, that the text has made a sentence's subject (not "Human Rights Watch urged
        # the European Union ... The group said": the object).
        bodies = [
            m
            for m in entities.subjects_before(mention.start, 6)
            if m.kind == "org"
            and mention.start - m.end < 600
            and m.name[:1].isupper()
            and not m.possessive
            and not set(m.name.split()) & _STATE_WORDS
            and m.name.split()[-1] not in COMPANY_WORDS
        ]
        if bodies:
            return _named_earlier(entities, bodies[-1])
    if mention.name.lower().split()[-1] in _BUSINESS_NOUNS and wanted <= (
        _BUSINESS_NOUNS | _TRADES
    ):
        # ("the tanker operator": a qualifier may say what the company does; not "the rival
        # company", "the parent company": another one.)
        # "Halvard Maritime won the concession ... The company said": the one company named
        # (with two, no guess: the editor sees "company").
        companies = {
            m.name
            for m in entities.subjects_before(mention.start)
            if m.kind == "org" and m.name.split()[-1] in COMPANY_WORDS
        }
        if len(companies) == 1:
            return companies.pop()
    return mention.name


def _named_earlier(entities: Entities, mention: Mention) -> str:
    """ "The Foreign Ministry", "the Pakistani Foreign Ministry" after "Pakistan's Foreign
    Ministry": an institution the article has already named with its country is that one."""
    words = mention.name.split()
    for earlier in reversed(entities.before(mention.start, 200)):
        if earlier.kind != "org" or earlier.name == mention.name:
            continue
        before = earlier.name.split()
        if (
            len(before) > len(words) >= 2
            and (before[0], before[-1]) == (words[0], words[-1])
            and set(words) <= set(before)
        ):
            return earlier.name  # "the Crisis Coalition": the Crisis in Zimbabwe Coalition
        if len(before) <= len(words) or before[-len(words) :] != words:
            if len(before) != len(words) or before[1:] != words[1:]:
                continue
            # "Pakistani" and "Pakistan's": one country, two forms.
            a, b = before[0].lower().removesuffix("'s"), words[0].lower().removesuffix("'s")
            shorter = min(len(a), len(b))
            stem = next((i for i in range(shorter) if a[i] != b[i]), shorter)
            if stem < 4 or stem < shorter - 2:
                continue
        if all(w in ORG_WORDS or w in TITLES for w in words[-2:]):
            return earlier.name
    return mention.name


# An opening participle clause ("Speaking with ...,", "When asked by ...,", "Reacting to ...,").
_LEAD = re.compile(
    # "Later, talking to the media outside Parliament House, Mr Jatoi said ...".
    r"\s*(?:(?:Later|Earlier|Separately|Meanwhile|Afterwards),\s+[a-z]+ing\b[^,~]{0,150},\s*)"
    r"|\s*(?:(?:When|While|After|Before)\s+)?(?:[A-Z][a-z]+ing|[Aa]sked|Pressed)\b[^,~]{0,150},\s*"
    # "After meeting Lena Hart, Vell said ...": who met is who spoke, after the comma.
    r"|\s*(?:When|While|After|Before|Since|On|Upon)\s+[a-z]+ing\b[^,~]{0,150},\s*"
    # "Unlike Lena Hart, Vell called ...", "Like his predecessor, ...": a comparison, not the
    # speaker.
    r"|\s*(?:Unlike|Like|Besides|Alongside|Along with|Together with|Apart from|Instead of|"
    r"Rather than|Replying to|Responding to|Reacting to)\s[^,~]{0,150},\s*"
    # "In an interview with Ana Okafor, Hart said": the interviewer does not speak.
    r"|\s*(?:In|During)\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+)?(?:interview|call|meeting|"
    r"conversation|talks?|exchange|debate|session)\s+with\s[^,~]{0,150},\s*"
)


# A sentence's opening adverbial clause, up to its comma: "When asked about ...,", "At the ...,".
_OPENER = re.compile(
    r"\s*(?:When|While|After|Before|Asked|Pressed|Speaking|Writing|Addressing|Responding|"
    r"Reacting|Replying|In|At|On|During|Following|Despite|Although|Though|Since|Separately|If|"
    r"Unless|Under|Because|Once|Until|Regarding|Concerning|"
    r"Meanwhile|Elsewhere|Outside|Inside|From|Earlier|Later|Last|This|"
    # "As Todd Pitman reports from Kigali, the Congo rebels say": the reporter sets the scene;
    # "As for whether the United States would cooperate with ..., Boucher said": the question.
    r"As)\b[^,]{0,250},\s*"
)
# A name in apposition to the opening clause's last noun: "..., through his lawyer, Petra Lind, ".
_APPOSED_TO_OPENER = re.compile(r"\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s*(?=\S)")
# An opening clause ending in a person's role, whose name follows (not "On Capitol Hill, Sen.
# Marla Quint, the top Republican ..., called": the subject and her apposition).
_WHOSE_NAME_FOLLOWS = re.compile(
    r"\b(?:lawyer|lawyers|attorney|spokes(?:man|woman|person)|aide|adviser|advisor|assistant|"
    r"wife|husband|son|daughter|brother|sister|representative|envoy|deputy),\s*$"
)
# A comma-separated piece that goes on with the opening clause rather than naming the speaker.
_CONTINUES = re.compile(
    r"\s*(?:in|on|at|of|for|with|from|by|during|after|before|which|where|when|whose|as|and|"
    r"or|but|amid|despite|including)\b"
)
_SEGMENT_END = re.compile(r"[^,]{0,150},\s*")
_LABEL = re.compile(
    r"\s*(?:[A-Z][A-Z.'’ -]{0,40}(?:\s*\([^()]{1,40}\))?"
    # A newsletter's section label: "Between the lines: Shipbuilders ... say".
    r"|(?:Why it matters|Driving the news|Between the lines|Zoom in|Zoom out|The other side|"
    r"Behind the scenes|Flashback|By the numbers|What they['’]re saying|The big picture|"
    r"Yes, but|What's next|What’s next|Context|Background|Catch up quick)"
    # A list's heading in title case before a sentence: "Rent Caps: the mayor said ...".
    r"|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?=:\s+[a-z])"
    # A programme's own voice in ordinary case: "Anchor: Senator, last week you called ...".
    r"|(?:Anchor|Host|Co-host|Presenter|Moderator|Interviewer|Reporter|Correspondent|Narrator)"
    r"(?=:\s)):\s+"
)
# "the 31-year-old", "the 22-year-old winger": a person by their age.
_AGED = re.compile(r"(?i:the)\s+(?P<age>\d{1,3})-year-old(?:\s+[a-z]+)?")


def _of_age(entities: Entities, masked: str, start: int, age: str) -> str | None:
    """The person the text gave this age, else the only person it named just before."""
    people = [m for m in entities.before(start, 60) if m.kind == "person"]
    for person in reversed(people):
        if re.match(rf",\s+{age}\b", masked[person.end : person.end + 8]) or re.search(
            rf"\b{age}-year-old\s+$", masked[max(0, person.start - 20) : person.start]
        ):
            return person.name
    recent = {m.name for m in people if start - m.start < 600}
    return recent.pop() if len(recent) == 1 else None


# An interviewer's address before "your ...": "Dr. Okafor, your institute".
_VOCATIVE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]*,\s+(?=your\s)")
_WHICH_SAID = re.compile(r",\s+which\s+(?:also\s+)?$")
_RELATIVE = re.compile(r",?\s+who\s+(?:[a-z]+\s+){0,2}$")
# "what Vell called", "Vell, whom Hart has called", "quoted Vell as saying": the inner subject.
_WHAT = re.compile(
    r"\b(?:what|whom)\s+(?=[^,~]*$)|\bquot(?:ed|ing)\s+(?=[^,~]*\bas(?:\s+saying)?\s*$)"
    # A relative clause with its own subject: "talks that officials say were ...", "a peace
    # accord which the rebels say was violated".
    r"|\b(?:that|which)\s+(?=(?:[\w.'’-]+\s+){0,3}?[\w'’-]+\s*$)(?!(?:it|he|she|they|we|I)\b)"
    # A subordinate clause's own subject: "..., as aid agencies warned that ...".
    r"|\b(?:as|while|whereas|although|though|because|since|after|when)\s+"
    r"(?=(?:[\w.'’-]+\s+){0,3}?[\w'’-]+\s*$)(?!(?:it|he|she|they|we|I)\b)"
)
_SPEAKERS = {"person", "anon", "title"}
_A_LETTER = re.compile(r"[^\W\d_]")
# A body's own figures after its name ("Sarneli government figures").
_ITS_FIGURES = re.compile(r"\s+(?:figures|data|statistics|estimates|records|count|tally)")
# A verb of saying straight after a name (", the ministry has just announced.").
# A body's verb of saying straight after its name ("..., the Foreign Ministry has just announced",
# "The Reform Party said on Monday", "The committee concluded").
SPOKE_AFTER = re.compile(
    r"\s+(?:on\s+\w+\s+|\w+day\s+)?(?:(?:has|have|had)\s+)?(?:just\s+|also\s+)?"
    r"(?:said|says|announced|announces|stated|added|confirmed|confirms|told|tells|warned|warns|"
    r"concluded|found|wrote|insisted)\b"
)
# What a company is later called ("the company said", "the firm denied").
_BUSINESS_NOUNS = {"company", "firm", "group", "operator", "consultancy", "conglomerate", "carrier"}
# What a campaign, a rebel movement or a charity is later called ("the group said").
# What a company does, said before its noun: "the tanker operator", "the oil company".
_TRADES = {
    "shipping", "consulting", "tanker", "oil", "gas", "mining", "energy", "steel", "logistics",
    "airline", "telecom", "trading", "engineering", "construction", "chemical", "chip",
    "technology", "tech", "freight", "ferry", "software", "defence", "defense", "arms",
}  # fmt: skip
_GROUP_NOUNS = {"group", "organisation", "organization", "charity", "movement", "coalition"}
# Words of a state's own bodies, which "the group" never means.
_STATE_WORDS = {
    "Ministry", "Government", "Office", "Embassy", "Presidency", "Palace", "Kremlin", "Army",
    "Navy", "Police", "Parliament", "Senate", "Congress", "Court", "Department", "Cabinet",
}  # fmt: skip
# A full stop that ends a sentence (not "Hon.", "Dr.", "Gen.").
_SENTENCE_STOP = re.compile(
    r"(?<!\bHon)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGen)(?<!\bCol)"
    r"(?<!\bLt)(?<!\bProf)(?<!\bSt)(?<!\b[A-Z])[.!?][\"”’~]?\s+(?=[A-Z\"“‘~])"
)
# An official the text does not name ("a senior official", "officials said").
_UNNAMED_OFFICIAL = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)\s+(?:[\w-]+\s+){0,3}"
    r"officials?\b|\bofficials\s+(?:said|say|says|told|added|warned|insisted|believe)\b"
)
# What a named person is later called by ("the diplomat noted", "the expert told KNA").
# Each with the words a text may have introduced such a person by.
_PROFESSIONS = {
    "diplomat": r"diplomat|ambassador|envoy|consul|foreign\s+minist|minister\s+of\s+foreign|"
    r"foreign\s+affairs|spokes\w+|official\s+representative",
    "expert": r"expert|analyst|director\s+of\s+the\s+institute|institute|professor|researcher",
    "analyst": r"analyst|expert",
    "economist": r"economist",
    "delegate": r"delegate|delegation",
    "scholar": r"scholar|professor|academic|historian",
    "researcher": r"researcher|research",
    "academic": r"academic|professor|lecturer|scholar",
    "legislator": r"legislator|lawmaker|\bMP\b|member\s+of\s+parliament|senator|deputy|congress",
    "lawmaker": r"lawmaker|legislator|\bMP\b|member\s+of\s+parliament|senator|deputy|congress",
}
_OFFICE_WORDS = (
    r"minist|secretary|spokes\w+|ambassador|director|commissioner|governor|mayor|president|"
    r"chair|official|envoy|chief|head\s+of|member|executive|council|officer"
)


def _named_just_before(entities: Entities, masked: str, start: int, end: int) -> str | None:
    """The speaker when the verb's subject is not the phrase's first name: "Kerry met Zarif, who
    said", "welcomed what Zarif called", "Kerry said Zarif had called"."""
    relative = _RELATIVE.search(masked, start, end)
    if relative:
        before = [m for m in entities.within(start, relative.start()) if m.kind in _SPEAKERS]
        if before and before[-1].end >= relative.start() - 1:
            return before[-1].name
    body = _WHICH_SAID.search(masked, start, end)
    if body:
        # "a statement from the Oskari Survivors' Association, which called the trial '...'":
        # the body the relative clause is about.
        orgs = [m for m in entities.within(start, body.start()) if m.kind == "org"]
        if orgs and orgs[-1].end >= body.start() - 2:
            return resolve_org(entities, orgs[-1])
    what = _WHAT.search(masked, start, end)
    reported = list(SPEECH_VERB_AFTER.finditer(masked, start, end))
    inner = what.end() if what else (reported[-1].end() if reported else None)
    if inner is not None:
        after = [m for m in entities.within(inner, end) if m.kind in _SPEAKERS and not m.possessive]
        if after:
            return after[0].name
        pronoun = what and re.fullmatch(r"\s*(he|she)\s*", masked[what.end() : end])
        if pronoun:
            # "reported what he calls 'very bloody' fighting": the person the clause named, or
            # else whom the pronoun means ("tabled what she called 'a map ...'").
            mention = next(
                (m for m in entities.within(what.end(), end) if m.kind == "pronoun"), None
            )
            named = [
                m
                for m in entities.within(start, what.start())
                if m.kind == "person"
                and not m.possessive
                and entities.genders.get(m.name, mention and mention.gender)
                == (mention and mention.gender)
            ]
            if named:
                return named[-1].name
            return resolve_pronoun(entities, mention) if mention else None
        if what and ANON_RE.search(masked[what.end() : end].strip(" ,")):
            return ANON  # "talks that officials say were ...": the relative clause's subject
    return None


# "Its statement", "her letter": a text that speaks for its owner.
_OWNED_TEXT = re.compile(
    r"(its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|letter|communiqu\w+|release|post|message|"
    r"note|reply|response|website|account|spokes\w+)",
    re.I,
)


# "The statement", "the ministry's letter": a text whose author an earlier sentence named.
_THE_TEXT = re.compile(
    r"(?:the|that|this)\s+(?:[\w-]+\s+)?(?P<noun>statement|communiqu\w+|letter|declaration|"
    r"release|memo|report|post|note)(?:,\s+(?:titled|entitled|called)\s+[\"“‘']?~+[\"”’']?)?",
    re.I,
)


# A plural group of unnamed people opening a sentence: "Officials I spoke to", "two officials
# from the United Provinces", "U.S. reconstruction officials".
_UNNAMED_GROUP = re.compile(
    r"^(?:(?:the|two|three|several|some|many|other|senior|U\.S\.|[A-Z][a-z]+)\s+){0,3}"
    r"(?:officials|sources|diplomats|aides|advisers|analysts|economists|experts|insiders|"
    r"residents|witnesses|traders|investors|bankers|people|observers|critics|leaders|activists|"
    r"dissidents|protesters|lawmakers|politicians|rebels|members)\b",
    re.IGNORECASE,
)
# A document no one is named for, whose words these are.
_UNNAMED_DOCUMENT = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:memo|memorandum|report|document|cable|email|dossier|"
    r"briefing\s+paper|letter)\s+(?:that|which)\s*$"
)
_COMPILED_BY = re.compile(
    r"\b(?:compiled|published|released|gathered|collected|issued|conducted|carried\s+out)\s+by\s+"
)
_AFTER_PREPOSITION = re.compile(r"\b(?:in|from|at|near|across|around|of)\s+(?:the\s+)?$")


_CALLS_ITSELF = re.compile(
    r",\s+(?:which|who|that)\s+(?:calls|call|called)\s+(?:itself|themselves)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:of|for|the|and)?\s*[A-Z][\w'’-]*){0,5}),\s*$"
)
_WHICH = re.compile(
    r"(?:\s*\([A-Z]{2,10}\))?,\s+(?:which|where|whose)\s[^,~]{1,120},$|\s*\([A-Z]{2,10}\),?$"
)
_WHEN = re.compile(
    r",?\s+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|tonight)"
    r"(?:\s+(?:morning|evening|night|afternoon))?$"
)
_AUXILIARY = re.compile(
    r"\s+(?:has|have|had|would\s+have|will\s+have)"
    r"(?:\s+(?:also|long|repeatedly|previously|already|now|since|publicly|consistently))?"
    # "The Community ... has for its part called on": whose part is no part of who.
    r"(?:\s*,?\s+for\s+(?:his|her|its|their|our)\s+part\s*,?)?$"
)


_TITLE_FIRST = re.compile(
    # The scene may come first: "In Ciudad Alta, the spokeswoman for the Ministry of ..., Mariela
    # Quispe Andrade, told".
    r"\s*(?:(?:In|At|From|On)\s+[^,~]{1,40},\s+)?"
    r"(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w'’-]*['’]s)\s+[\w'’ .-]{1,120}?"
    r"[a-z],\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
)
_PROPER = re.compile(
    r"(?:[Tt]he\s+)?((?:(?:[A-Z]\.){2,}|[A-Z][\w'’-]+)(?:\s+(?:(?:[A-Z]\.){2,}|[A-Z][\w'’-]+|"
    r"of|and)){0,4})"
)
_NOT_A_SPEAKER = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|It|This|That|These|Those|"
    r"He|She|They|We|I|You|There|Here|But|And|Yet|So|Then|Now|Some|Many|Others|Both|All|"
    r"Each|One|Neither|Either|None|Mr|Mrs|Ms|Dr|Prof|When|While|As|If|After|Before|Asked|"
    r"Speaking|In|On|At|For|From|With|By|To|Of)\b"
)
# "the Congo rebels": a group (a lower-case plural), not "the United States".
_LOWER_GROUP = re.compile(r"(?:the|The)\s+(?:[\w-]+\s+)?[a-z][\w-]*[^s\W]s")
_CLOSE_TO = re.compile(
    # Not "Friends of the Earth", a body's name.
    r"(?:[A-Z][\w-]*\s+)?(?:[Ss]ources|[Pp]eople|[Oo]fficials|[Dd]iplomats|[Aa]ides|[Aa]llies|"
    r"[Ff]riends(?!\s+of\s+the\s+[A-Z])|[Aa]dvisers|[Ss]upporters|[Aa]ssociates|[Mm]embers|"
    r"[Rr]epresentatives)\s+"
    # "Aides to the deputy prime minister", "Officials traveling with Cohen".
    r"(?:to|traveling\s+with|travelling\s+with|accompanying|close\s+to|familiar\s+with|"
    # "Allies of the minister": his people, none named.
    r"with\s+knowledge\s+of|around|near|working\s+for|loyal\s+to|of|connected\s+to|linked\s+to|"
    r"tied\s+to)\b"
)
_DOCUMENT_SUBJECT = re.compile(
    r"(?:The|A|An|This|That)\s+(?:[\w-]+\s+){0,2}?(?:cable|memo|memorandum|letter|report|e-?mail|"
    r"document|dossier|note|assessment)\b"
)
_DOCUMENT_VERB = re.compile(
    r"\b(?:says|said|warns|warned|states|stated|argues|argued|notes|noted|concludes|concluded|"
    r"recommends|recommended|describes|described|claims|claimed)\b"
)
_HIS_PEOPLE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+)*[A-Z][\w-]*['’]s\s+(?:[a-z]+\s+)?(?:allies|aides|advisers|friends|"
    r"supporters|associates|critics|opponents|backers|loyalists|rivals)"
)
_TITLE_APPOSED = re.compile(
    # "..., the deputy defence minister, Otto van Roon,", "..., the Costa Verdean diplomat Tomás
    # Ebner Lagos,".
    r",\s+the\s+(?:[\w'’ -]{2,60},\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?|"
    rf"[\w'’ -]{{0,60}}?\b(?:{ROLE}|diplomat|politician|lawmaker|official|analyst|economist|"
    r"lawyer|activist|journalist|general|admiral|colonel)\s+"
    # "The representative in Valtierra, the Uruguayan Martín Echegoyen,".
    r"|[A-Z][\w-]*(?:an|ian|ese|ish)\s+)$"
)


def _text_author(entities: Entities, masked: str, start: int, noun: str) -> str | None:
    """Who issued "the statement" (or report): the subject of the latest earlier sentence that
    names such a text ("In a statement, the ministry said", "Hart said in a statement")."""
    floor = max(0, start - 2000)  # a bounded look back, not the whole text
    # A report is introduced as one ("In a report published on Thursday", "its latest report"),
    # not mentioned ("said the report would be published"); a statement may be either.
    named = (
        rf"\b(?:a|an|its|their|his|her|[\w-]+['’]s)\s+(?:[\w-]+\s+){{0,3}}?{noun}\b"
        if noun.lower() == "report"
        # "the embassy posted a photograph ... 'the post said'": the verb names the post too
        # (not "posted to Kabul", "posted bail").
        else r"\b(?:post\b|posted\s+(?:a|an|on|online)\b)"
        if noun.lower() == "post"
        # A note the body wrote or issued ("released a note"), not one found at the scene.
        else r"\b(?:released|issued|sent|published|wrote|in)\s+an?\s+(?:[\w-]+\s+)?note\b"
        if noun.lower() == "note"
        else rf"\b{noun}\b"
    )
    before = start
    for _ in range(3):  # "The report, titled ..., says" names no author: look one back more
        found = None
        for found in re.finditer(named, masked[floor:before], re.I):  # noqa: B007 (the last)
            pass
        if found is None:
            return None
        earlier = floor + found.end() - len(noun)
        sentence = max(masked.rfind(". ", floor, earlier), masked.rfind("\n", floor, earlier)) + 1
        sentence = max(sentence, floor)
        author = resolve_subject(
            entities, masked, sentence, masked.find(".", earlier) % len(masked)
        )
        if author:
            return author
        # "Karsania has condemned ..., with the Foreign Ministry describing the text as ... in
        # a written statement": the sentence's subject is no speaker; the body named last
        # before the statement issued it.
        issuer = next(
            (
                m
                for m in reversed(entities.within(sentence, earlier))
                if m.kind in {"person", "org"} and not m.possessive
            ),
            None,
        )
        # (Only that body's participle: not "no comment from the Foreign Ministry on the
        # statement by Hamas", nor "After Ana Ruiz spoke, the opposition issued a statement".)
        if issuer and _ISSUER_PARTICIPLE.match(masked, issuer.end, earlier):
            return _name_of(entities, issuer)
        before = sentence
    return None


def resolve_phrase(entities: Entities, masked: str, start: int, end: int) -> str | None:
    """Who a speaker phrase ("Okafor", "the ministry", "she", "unnamed officials") refers to.

    Returns a name, ANON for unnamed sources, or None when the phrase names nobody.
    """
    phrase = masked[start:end].strip(" ,")
    if not phrase or not _A_LETTER.search(phrase):
        return None  # marks and punctuation name nobody (and cost nothing to see so)
    # "Rebel leaders have said": the auxiliary is no part of who spoke.
    # The phrase's end holds what these strip: look only there, not from every offset of a long
    # phrase (thousands of quotations in one sentence would make it slow).
    near_end = max(start, end - 200)
    auxiliary = _AUXILIARY.search(masked, near_end, start + len(masked[start:end].rstrip(" ,")))
    if auxiliary and auxiliary.start() > start:
        end = auxiliary.start()
        phrase = masked[start:end].strip(" ,")
    calls_itself = _CALLS_ITSELF.search(masked, near_end, end)
    if calls_itself:
        # "The group that held them, which calls itself the Free Hill Brigades,": its own name.
        return calls_itself["name"].strip()
    relative = _WHICH.search(masked, near_end, start + len(masked[start:end].rstrip(" ")))
    if relative and relative.start() > start:
        # "The Concord of Northern States (CNS), which sent 200 observers,": who, not the
        # relative clause about them.
        end = relative.start()
        phrase = masked[start:end].strip(" ,")
    when = _WHEN.search(masked, max(start, end - 200), start + len(masked[start:end].rstrip(" ,")))
    if when and when.start() > start:
        # "..., Yusuf Isse Kabakutukade, Monday claimed": when is no part of who.
        end = when.start()
        phrase = masked[start:end].strip(" ,")
    aged = _AGED.fullmatch(phrase)
    if aged:
        # "the 31-year-old told reporters": a sports desk's name for the person whose age the
        # story gave ("Rashford, 26,"), or for the one person it just named; never a guess
        # between two (the manager quoted about his player).
        return _of_age(entities, masked, start, aged.group("age"))
    vocative = _VOCATIVE.match(masked, start, end)
    addressed = vocative and resolve_phrase(entities, masked, vocative.end(), end)
    if addressed:
        # "Dr. Okafor, your institute, the Institute for Labour Studies, estimated": an
        # interviewer addresses one person and names what they speak for (not "Theresa May,
        # your predecessor, said": the apposition names nobody, so she is who said it).
        return addressed
    label = _LABEL.match(masked, start, end)
    if label:
        # A transcript's "MARA LIND: The navy says ...": the label is who talks, not who said.
        start = label.end()
        phrase = masked[start:end].strip(" ,")
    if phrase.endswith(("'s", "’s")) and " " not in phrase.strip():
        # "Harsen's claim that ...": whose claim it is.
        owner = next((m for m in entities.within(start, end) if m.possessive), None)
        if owner and owner.kind in {"person", "org"}:
            return _name_of(entities, owner)
    members = re.match(
        r"(?:[Ss]ome\s+|[Mm]any\s+)?[A-Za-z]+(?:s|men)\s+(?:with|from|of|in)\s+(?:the\s+)?"
        r"(?:rebel\s+|militant\s+)?(?:group|movement|organi[sz]ation|militia|party|union|alliance)\b",
        phrase,
    )
    if members and not any(
        m.kind == "person" for m in entities.within(start, masked.find(phrase, start) + 20)
    ):
        return (
            ANON  # "Rebels with the group, LURD, said": members, none of them named (not "Jones")
        )
    colleagues = re.match(
        r"(?:[Oo]ur|[Mm]y)\s+(?:colleagues|partners)\s+(?:at|from|in|with)\s+", phrase
    )
    if colleagues:
        # A briefer's "Our colleagues at the UN Refugee Agency tell us": that body speaks.
        offset = masked.find(phrase, start) + colleagues.end()
        named_body = resolve_phrase(entities, masked, offset, end)
        if named_body and named_body != ANON:
            return named_body
    with_ = re.search(r",\s+with\s+(?=[^,~]+$)", phrase)
    if with_ and re.match(r"\s*[a-z]+ing\b", masked[end : end + 30]):
        # "The deal came under fire on Sunday, with critics warning that ...": the participle's
        # own subject speaks (not "Noor, with the Justice and Equality Movement said": where he
        # works; only a participle's subject).
        offset = masked.find(phrase, start) + with_.end()
        return resolve_phrase(entities, masked, offset, end)
    where = re.search(r",\s+where\s+(?=[^,~]+$)", phrase)
    if where:
        # "the issue echoed in the National Assembly, where members on both benches called":
        # the relative clause's own subject speaks.
        offset = masked.find(phrase, start) + where.end()
        return resolve_phrase(entities, masked, offset, end)
    if _UNNAMED_DOCUMENT.search(masked, start, end):
        return ANON  # "reading from a leaked memo that described the port as '...'"
    named = _named_just_before(entities, masked, start, end)
    if named:
        return named
    written = WRITTEN_BY.match(masked, start, end)
    if written:
        # "An email sent on April 3 by Lena Marsh-Obi, ..., warns that": the writer speaks.
        author = next((m for m in entities.within(written.end(), end) if m.kind in _SPEAKERS), None)
        if author and author.start == written.end():
            return author.name
    people = [m for m in entities.within(start, end) if m.kind == "person" and not m.possessive]
    if (
        people
        and re.fullmatch(r"\s*,?\s*", masked[people[-1].end : end])
        and (
            _TITLE_APPOSED.search(masked, start, people[-1].start)
            # "A Bozize spokesman, Cyriaque Gonda, tells VOA": the title, then the name.
            or _TITLE_FIRST.fullmatch(masked, start, people[-1].start)
        )
    ):
        # "..., the deputy defence minister, Otto van Roon, hailed": the subject is the last
        # clause's, a title and the name in apposition.
        return people[-1].name
    lead = _LEAD.match(masked, start, end)
    if lead and any(
        m.kind != "pronoun" or m.name in {"he", "she"} for m in entities.within(lead.end(), end)
    ):
        # "Speaking with reporter Peter Clottey, he said": who spoke comes after the comma.
        start = lead.end()
        phrase = masked[start:end].strip(" ,")
    opener = _OPENER.match(masked, start, end) or (
        # '"...", in the south, where ..., Vell told': the quote's own circumstances first.
        _CONTINUES.match(masked, start, end) and _SEGMENT_END.match(masked, start, end)
    )
    if opener:
        # "At the Munich conference, Europe's largest, the secretary said", "When asked about the
        # crisis, in which the President ..., Yatseniuk told": an opening clause (and the
        # relative or prepositional clauses that go on with it) sets the scene; the speaker is
        # the subject after it.
        cursor = opener.end()
        while _CONTINUES.match(masked, cursor, end) and masked.find(",", cursor, end) != -1:
            cursor = masked.find(",", cursor, end) + 1
        apposed = _APPOSED_TO_OPENER.match(masked, cursor, end)
        if apposed and _WHOSE_NAME_FOLLOWS.search(masked, max(0, cursor - 30), cursor):
            # "In a statement issued through his lawyer, Petra Lind, he said": the name is the
            # lawyer's, and who spoke comes after it.
            cursor = apposed.end()
        if (
            any(
                m.kind in _SPEAKERS or m.kind == "org" or m.name in {"he", "she"}
                for m in entities.within(cursor, end)
                if not m.possessive
            )
            or re.fullmatch(r"\s*(?:it|they)\s*", masked[cursor:end], re.I)
            or (
                # "As Todd Pitman reports from Kigali, the Congo rebels say": unnamed after all.
                ANON_RE.search(masked[cursor:end].strip(" ,"))
                or _LOWER_GROUP.fullmatch(masked[cursor:end].strip(" ,"))
            )
        ):
            # "In a statement, it said ...": the pronoun after the opener is the subject.
            start = cursor
            phrase = masked[start:end].strip(" ,")
    # An opening "In Fenmouth," is scene-setting, not part of who spoke; nor is a conjunction
    # ("But traders in Port Aurel say").
    tail = re.sub(r"^[^,]*,\s*", "", phrase) if re.match(r"(?:In|At|On)\b", phrase) else phrase
    tail = re.sub(
        r"^(?:(?:But|And|Yet|So|Still|Now|Instead)\s+|(?:However|Meanwhile),\s+)(?:also\s+)?",
        "",
        tail,
    )
    inside = entities.within(start, end)
    first = next((m for m in inside if m.kind != "pronoun" and not m.possessive), None)
    if _CLOSE_TO.match(phrase) or _HIS_PEOPLE.fullmatch(phrase):
        # "Sources close to the prime minister, Henrik Aalto-Brenn, say", "Marstrand's allies".
        return ANON
    bracketed = [m for m in inside if m.kind == "person" and masked[m.start - 1 : m.start] == "("]
    if (
        bracketed
        and re.fullmatch(r"\)\s*,?\s*", masked[bracketed[-1].end : end])
        # (Not "MK Yehuda Azoulay (Tkuma Leumit) told": a person, then the party in brackets.)
        and not any(m.kind == "person" and m.end < bracketed[-1].start - 1 for m in inside)
    ):
        return bracketed[-1].name  # "The spokesman for the Rally (Kin-Kiey Mulumba) reported"
    if (
        first
        and first.kind == "person"
        and _AFTER_PREPOSITION.search(masked, max(start, first.start - 30), first.start)
        and (ANON_RE.search(phrase) or ANON_RE.search(tail))
    ):
        return ANON  # "Fishermen from Lake Varna": the name is where they are from
    scene = re.match(r"(?:In|At|On|From|Outside|Inside|Across|Near)\s[^~]*,\s*([^,~]+)$", phrase)
    if (
        scene
        and first
        and first.kind == "person"
        and first.start < start + scene.start(1)
        and not any(m.kind == "person" for m in entities.within(start + scene.start(1), end))
        and (ANON_RE.search(scene[1]) or _LOWER_GROUP.fullmatch(scene[1]))
    ):
        return ANON  # "In Puerto Ibarra, a town of 6,000 people, fishermen say": the place
    if first and first.kind == "person":
        # "Ana Mol, an analyst close to the government": a named person is not unnamed.
        return first.name
    if (
        first
        and first.kind == "org"
        and re.fullmatch(r"\s*(?:[Tt]he\s+)?", masked[start : first.start])
        and _ITS_FIGURES.fullmatch(masked, first.end, len(masked[:end].rstrip(" ,")))
    ):
        # "according to Sarneli government figures": the body's own figures are its word.
        return resolve_org(entities, first)
    joined = re.fullmatch(r"(?:[Bb]oth\s+)?[^,~]{2,60}?\s+and\s+(?P<other>[^,~]{2,60})", tail)
    if (
        joined
        and not any(m.kind == "person" for m in inside)
        # (Not "The Ministry of Foreign Affairs and Expatriates": one body's name.)
        and not any(
            m.kind == "org"
            and " and " in m.name
            and m.end >= start + len(masked[start:end].rstrip(" ,"))
            for m in inside
        )
        and (ANON_RE.search(joined["other"]) or _LOWER_GROUP.fullmatch(joined["other"]))
    ):
        # "Both the government and Tamil rebels say": a claim that unnamed people share is no
        # one body's.
        return ANON
    # "according to ship-tracking data from Kelvane Analytics", "Analysts at Corvane Energy
    # Research estimated": the body's own figures and research speak for it.
    its_own = _DATA_FROM.match(phrase) or _STAFF_OF.match(phrase)
    body = its_own and next((m for m in inside if m.kind == "org" and not m.possessive), None)
    if body and masked.find(phrase, start) + its_own.end() == body.start:
        return resolve_org(entities, body)
    unnamed = ANON_RE.search(phrase)
    named_body = (
        # "The Council for Displaced People, an independent monitoring group,": a body whose
        # name ends in a group's noun is that body, not people unnamed ("Pentagon officials"
        # are).
        unnamed
        and first
        and first.kind == "org"
        and first.name[:1].isupper()
        and len(first.name.split()) >= 3  # not "Police", "Local police"
        and re.fullmatch(r"(?:[Tt]he\s+)?", masked[start : first.start])
        and masked.find(phrase, start) + unnamed.end() <= first.end
    )
    if not named_body and (
        ANON_RE.search(phrase)
        or ANON_RE.search(tail)
        or KIN_RE.search(phrase)
        or _LOWER_GROUP.fullmatch(tail)
    ):
        return ANON
    people = [m for m in inside if m.kind in {"person", "anon", "title"} and not m.possessive]
    if people:
        return people[0].name
    poll = _POLL_RE.search(masked, start, end)
    text = poll and _THE_TEXT.fullmatch(phrase)
    if text and text.group("noun").lower() == "report":
        # "According to the report, ...": a report an earlier sentence said a body published ("In
        # a report published on Thursday, the committee said"); else no one's.
        return _text_author(entities, masked, start, text.group("noun"))
    if poll and not any(m.start <= poll.start() < m.end for m in inside if m.kind == "org"):
        # Not a body's name that holds the word ("the analytics firm Lodestar Data").
        # "shipping data compiled by the Baltic Freight Monitor": the data is the compiler's.
        by = _COMPILED_BY.search(masked, start, end)
        return resolve_phrase(entities, masked, by.end(), end) if by else None
    orgs = [m for m in inside if m.kind == "org"]
    if orgs:
        named = [
            m
            for m in orgs[1:2]
            if m.name[:1].isupper()
            and not m.possessive
            # A bare apposition, not "The committee, chaired by the Ministry of Finance,".
            and re.fullmatch(r",\s+(?:the\s+)?", masked[orgs[0].end : m.start])
        ]
        if not orgs[0].name[:1].isupper() and named:
            # "The regional organisation, the Community of Sahelian States,", "The group that held
            # them, which calls itself the Free Hill Brigades,": the name in apposition.
            return resolve_org(entities, named[0])
        owned = [
            m
            for m in orgs[1:2]
            if orgs[0].possessive
            and m.start - orgs[0].end <= 3
            and len(m.name.split()) >= 2
            and m.name[:1].isupper()
            and not m.possessive
        ]
        if owned:
            # "the Assembly's Foreign Affairs Committee said": the body the owner has speaks.
            return resolve_org(entities, owned[0])
        return resolve_org(entities, orgs[0])
    pronouns = [
        m
        for m in inside
        if m.kind == "pronoun"
        # "According to him, ...": an object pronoun standing alone is the speaker too.
        and (
            m.name in {"he", "she"}
            or (m.name in {"him", "her", "his"} and phrase.lower() == m.name)
        )
    ]
    if pronouns:
        return resolve_pronoun(entities, pronouns[-1])
    definite = _DEFINITE.fullmatch(phrase)
    if definite and any(
        m.kind == "anon" and masked[m.start : m.end].lower().split()[-1] == definite[1].lower()
        for m in entities.before(start, 40)
    ):
        # "a boat owner who asked not to be named ... 'the boat owner said'": still unnamed.
        return ANON
    role = re.fullmatch(
        # "the county official", "the legislator": a plain noun, or one word that says where.
        r"the\s+(?:(?:county|local|provincial|regional|state|city|district)\s+)?"
        r"(deputy|official|diplomat|source|adviser|aide|person|expert|analyst|economist|"
        r"scholar|researcher|academic|legislator|lawmaker|delegate)",
        phrase,
        re.I,
    )
    earlier = masked[max(0, start - 3000) : start]  # a bounded look back, not the whole text
    if role and re.search(
        rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,4}}{role.group(1)}\b[^.]{{0,80}}"
        r"(?:anonymity|not to be (?:named|identified))",
        earlier,
        re.I,
    ):
        return ANON
    if (
        role
        and role.group(1).lower() in _PROFESSIONS
        and re.search(
            rf"\b(?:an?|one|another)\s+(?:[\w-]+\s+){{0,3}}{role.group(1)}\b", earlier, re.I
        )
    ):
        return ANON  # "An analyst at a Dubai bank said ... 'the analyst said'": still unnamed
    if (
        role
        and role.group(1).lower() == "official"
        and not _UNNAMED_OFFICIAL.search(masked, max(0, start - 3000), start)
    ):
        # '"...", the official said.' after a named official's words, in a text that quotes no
        # unnamed one: the one it named, if the text gave them an office.
        return _latest_called(entities, masked, start, _OFFICE_WORDS)
    if role and role.group(1).lower() in _PROFESSIONS:
        # "Director of the Institute ... Pavel Ostrogin believes ... 'the expert told KNA'": an
        # agency's way of naming the person it last quoted, if the text called them so (an
        # unnamed one was found above).
        return _latest_called(entities, masked, start, _PROFESSIONS[role.group(1).lower()])
    owned = _OWNED_TEXT.fullmatch(phrase)
    if owned and owned.group(1).lower() in {"his", "her"}:
        # "Her statement called the deal ...": the statement's owner is who the pronoun means.
        pronoun = next((m for m in entities.within(start, end) if m.kind == "pronoun"), None)
        return resolve_pronoun(entities, pronoun) if pronoun else None
    if phrase in {"They", "they"}:
        # "Officials I spoke to painted a different picture. They say ...": a group the
        # previous sentence left unnamed is still unnamed.
        previous = masked[max(0, start - 400) : start].rstrip()
        cut = max(previous.rfind(". ", 0, len(previous) - 1), previous.rfind("\n"))
        # The sentence's subject, or the subject of its last joined clause ("Mr. Carter made no
        # comments, but several dissident leaders spoke with reporters. They said ...").
        clauses = re.split(r",\s+(?:but|and|while)\s+", previous[cut + 1 :].strip())
        for clause in (clauses[-1], clauses[0]) if len(clauses) > 1 else clauses[:1]:
            opening = re.sub(
                r"^(?:But|And|Yet|So|Behind the scenes|In private|Privately),?\s+", "", clause
            )
            if _UNNAMED_GROUP.search(" ".join(opening.split()[:6])):
                return ANON
        return None
    text = _THE_TEXT.fullmatch(phrase)
    if text:
        return _text_author(entities, masked, start, text.group("noun"))
    if phrase in {"It", "it"}:
        # "The cable, ... signed by the ambassador, Hedda Lorentz, warns ... It describes":
        # a document the previous sentence credited speaks for whoever it credited.
        previous = masked[max(0, start - 600) : start].rstrip()
        cut = max(previous.rfind(". ", 0, len(previous) - 1), previous.rfind("\n")) + 1
        sentence = start - len(masked[max(0, start - 600) : start]) + cut
        while sentence < start and masked[sentence].isspace():
            sentence += 1
        if _DOCUMENT_SUBJECT.match(masked, sentence, start):
            verb = _DOCUMENT_VERB.search(masked, sentence, start)
            if verb:
                return resolve_phrase(entities, masked, sentence, verb.start())
    if re.fullmatch(r"(?:it|its)", phrase, re.I) or (owned and owned.group(1).lower() == "its"):
        earlier = [m for m in entities.subjects_before(start) if m.kind == "org"]
        # "..., the Foreign Ministry has just announced. It said ...": a body that spoke after
        # its words is the subject of its verb too.
        earlier += [
            m
            for m in entities.before(start, 20)
            if m.kind == "org"
            and SPOKE_AFTER.match(masked, m.end)
            and (not earlier or m.start > earlier[-1].start)
        ]
        return resolve_org(entities, earlier[-1]) if earlier else None
    if re.fullmatch(
        # "Senator, last week you called ...": a vocative first, then when.
        r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s+)?"
        r"(?:(?:[Ii]n|[Oo]n|[Ll]ast|[Ee]arlier|[Aa]t|[Bb]ack\s+in)\b[^,~]{0,30}?,?\s+)?you",
        phrase,
    ):
        # "In March you said ...": an interviewer's question to whoever answers it.
        return "You"
    national = _NATIONAL_MEMBER.fullmatch(tail)
    if national:
        # "said the Greek MEP", after "Nikos Karamanlidis (The Left, Greece)": the member the
        # text gave that country.
        stem = _COUNTRY_STEMS.get(national[1], national[1][:4])
        for m in reversed(entities.before(start, 60)):
            if m.kind == "person" and _PARTY_AND_COUNTRY.match(masked, m.end):
                where = _PARTY_AND_COUNTRY.match(masked, m.end).group()
                if re.search(rf"\b(?:{re.escape(stem)}|{national[1]}\b)", where):
                    return m.name
    styled = re.fullmatch(
        r"(?:[Hh]is|[Hh]er)\s+(?:Royal\s+)?(Highness|Excellency|Majesty|Eminence)", tail
    )
    titled = styled and _last_titled(entities, start, styled[1])
    if titled:
        return titled  # "His Highness made the remarks"
    proper = _PROPER.fullmatch(tail)
    if (
        proper
        and not _NOT_A_SPEAKER.search(proper.group(1))
        and not re.fullmatch(DATA_NOUNS, proper.group(1), re.I)
    ):
        titled = proper.group(1) in TITLES and _last_titled(entities, start, proper.group(1))
        if titled:
            return titled  # "the Maulana said", after "Maulana Inayatullah Qasmi"
        named = [
            m.name
            for m in entities.mentions
            if m.kind == "person" and m.name.split()[-1] == proper.group(1) and " " in m.name
        ]
        if named:
            return named[0]  # "Halloran", before the article gives "Viktor Halloran"
        given_first = {
            m.name
            for m in entities.mentions
            if m.kind == "person"
            and m.start < start
            and 2 <= len(m.name.split()) <= 3
            and m.name.split()[0] == proper.group(1)
        }
        if len(given_first) == 1:
            # "Foreign Ministry spokesperson Liang Wenhao ... Liang pointed out": a name printed
            # family name first, as Chinese, Korean and Hungarian names are (unless the word
            # stood on its own before the name was given: "Israel ... Israel Katz").
            (full,) = given_first
            first_seen = masked.find(full)
            if first_seen > 0 and not re.search(
                rf"\b{re.escape(proper.group(1))}\b", masked[:first_seen]
            ):
                return full
        # "The United States insists", "Pyongyang has offered": a country or body named as
        # printed, as the labels name an organisation.
        return proper.group(1)
    return None


# "with the Foreign Ministry describing the text as ... in a written statement".
_ISSUER_PARTICIPLE = re.compile(
    r"\s+(?:also\s+)?[a-z]+ing\b[^.;]{0,200}?\bin\s+an?\s+(?:[\w-]+\s+)?$"
)
# A body's figures, before its name.
_DATA_FROM = re.compile(
    r"(?:[\w-]+\s+){0,2}(?:data|figures|estimates|statistics)\s+(?:from|by|compiled\s+by)\s+"
    r"(?:the\s+)?"
)
# A firm's researchers in the plural, before its name.
_STAFF_OF = re.compile(
    r"(?:[Tt]he\s+)?(?:[Aa]nalysts|[Ee]conomists|[Rr]esearchers|[Ss]trategists)\s+(?:at|from)\s+"
    r"(?:the\s+)?"
)
# "the Polish MEP": a member by their country, which the text gave in brackets after the name
# ("Tomasz Wierzbicki (EPP, Poland)") or in apposition ("Ana Ruiz, a Spanish MEP,").
_NATIONAL_MEMBER = re.compile(
    r"(?:[Tt]he\s+)?([A-Z][a-z]+)\s+(?:MEP|MP|MK|lawmaker|legislator|deputy|senator|delegate)"
)
_PARTY_AND_COUNTRY = re.compile(r"\s*(?:\([^()~]{1,60}\)|,\s+(?:a|an|the)\s+[^,~]{1,60},)")
# Countries whose demonym does not begin as the name does.
_COUNTRY_STEMS = {
    "Polish": "Pol", "French": "Fran", "Spanish": "Spai", "Dutch": "Neth", "Danish": "Den",
    "Irish": "Irel", "Finnish": "Finl", "Swiss": "Switz", "Welsh": "Wal", "Scottish": "Scot",
    "Polish-born": "Pol",
}  # fmt: skip
# A definite noun phrase of at most three words ("the boat owner").
_DEFINITE = re.compile(r"(?i:the)\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)")


def _last_titled(entities: Entities, before: int, title: str) -> str | None:
    """The last person before an offset whom the text gave this title ("Maulana", "Highness")."""
    titled = [
        m.name
        for m in entities.before(before, 200)
        if m.kind == "person" and title in m.title.split()
    ]
    return titled[-1] if titled else None


def resolve_subject(entities: Entities, masked: str, start: int, end: int) -> str | None:
    """The speaker implied by a sentence's subject, for attributions without a named speaker."""
    subject = subject_of(entities, masked, start, end)
    if subject is None:
        return None
    if subject.kind == "pronoun":
        return resolve_pronoun(entities, subject)
    return resolve_org(entities, subject) if subject.kind == "org" else subject.name


def _latest_called(entities: Entities, masked: str, before: int, called: str) -> str | None:
    """The latest subject before an offset if the text introduced them by one of the words
    called ("Opposition lawmaker Jane Okafor", "the diplomat ..."), else None."""
    for subject in reversed(entities.subjects_before(before, 20)):
        name = _name_of(entities, subject)
        if not name or subject.kind in {"org", "title"} or name == ANON:
            continue
        first = next((m for m in entities.mentions if m.name == name), subject)
        # Within the sentence that introduced them: "Opposition lawmaker Jane Okafor", "Pavel
        # Ostrogin, an analyst at the institute,".
        opening = max(0, first.start - 80)
        for stop in _SENTENCE_STOP.finditer(masked, max(0, first.start - 80), first.start):
            opening = stop.end()  # the sentence's start, past "Hon." and "Dr."

        closing = masked.find(". ", first.end)
        around = masked[opening : min(first.end + 80, closing if closing != -1 else len(masked))]
        return name if re.search(rf"(?i:{called})", around) else None
    return None


def latest_subject(entities: Entities, before: int) -> str | None:
    """The most recent named speaker before an offset, for quotes with no attribution at all."""
    for subject in reversed(entities.subjects_before(before)):
        name = _name_of(entities, subject)
        if name and subject.kind not in {"org", "title"}:
            return name
    return None
