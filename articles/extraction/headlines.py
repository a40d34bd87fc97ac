"""A headline that quotes someone: 'Taliban Describes as "Productive" Initial Talks with US',
'China to US: "No Foreign Interference" in Taiwan', 'Premier accuses Ottery of "sleepwalking"'. The
quoted words are a partial quote of the headline's subject, named as the body names them."""

from __future__ import annotations

import re

from .article import Article, ExtractedQuote
from .entities import ORG_WORDS, TITLES, surname_key
from .sources import ANON_RE
from .speakers import SPOKE_AFTER
from .titles import holder, titled_phrases

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


# No headline runs longer; past it a first "line" is a run-on text, not a headline.
_MOST_HEADLINE = 300


def find_headline_quotes(
    article: Article, body_quotes: list[ExtractedQuote] = ()
) -> list[ExtractedQuote]:
    """A partial quote for each quotation in the headline: its subject's, when the headline
    says who said it; else the speaker of the body's quotation of the same words ("Councillors
    clash over 'reckless' plan", after a body that quotes Bríd Ní Fhloinn calling it
    "reckless"). Quoted words the body quotes from no one are a name or a scare quote."""
    if not article.skip_until or article.skip_until > _MOST_HEADLINE:
        return []
    body = article.body
    subject = _SUBJECT.match(body, 0, article.skip_until) or _SAYS_AFTER.search(
        body, 0, article.skip_until
    )
    if not subject:
        # "Panetta: NATO at 'Pivotal Point' in Afghan Mission": a claim in the headline's own
        # words around the fragment, after whose it is (not 'Brandvold: "We will not ..."', which
        # restates the body's quotation).
        colon = _CLAIM_COLON.fullmatch(body, 0, article.skip_until)
        marks = set(article.marks_within(0, article.skip_until))
        if (
            colon
            and marks
            and len(_outside_marks(body, colon.start("claim"), colon.end("claim"), marks)) >= 2
            and (
                _colon_names_a_speaker(article, colon["subject"])
                # "US Senate Leader: Iran Nuclear Deal 'Hard Sell' in Congress": a role the lead
                # names.
                or (
                    colon["subject"].split()[-1].capitalize() in _GENERIC_ROLES
                    and _role_in_lead(article, colon["subject"].split()[-1])
                    not in {None, "Officials"}
                )
            )
        ):
            subject = colon
    subject_speaker = subject and _named_in_body(article, subject["subject"])
    role = subject["subject"].split()[-1] if subject else ""
    if subject and subject_speaker == subject["subject"] and role.capitalize() in _GENERIC_ROLES:
        subject_speaker = _role_in_lead(article, role) or subject_speaker
    quoted_words = [
        (" ".join(re.findall(r"\w+", q.text.lower())), q)
        for q in body_quotes
        if q.kind != "paraphrase"
    ]
    found = []
    for span in article.spans:
        if span.close_pos >= article.skip_until:
            break
        a, b = article.trimmed(*span.parts[0])
        text = " ".join(body[a:b].split()).strip(",;: ")
        if not text:
            continue
        if subject:
            speaker = subject_speaker
            attribution = f"headline: {subject.group().strip()}"
        else:
            source = _quoted_in_body(text, quoted_words)
            if (
                source is None
                # 'Brandvold: "We will not trade ..."' restates the body's quotation.
                or re.match(r"[^\"“‘'«„]{1,40}:\s*$", body[: span.open_pos])
                # 'Velka's "neutrality"': a word the body too quotes from nobody in particular.
                or (source.kind == "anonymous" and len(text.split()) <= 2)
            ):
                continue
            speaker, attribution = source.speaker, f"headline, as quoted: {source.attribution}"
        kind = "partial" if speaker else "anonymous"
        found.append(ExtractedQuote(text, kind, speaker, attribution, a, b, 0.6))
    return found


def _quoted_in_body(
    text: str, quoted_words: list[tuple[str, ExtractedQuote]]
) -> ExtractedQuote | None:
    """The body's quotation (not paraphrase) of the same words: a fragment quoted alike, or
    (for three words or more) a longer quotation that holds them."""
    wanted = " ".join(re.findall(r"\w+", text.lower()))
    if not wanted:
        return None
    for words, quote in quoted_words:
        if words == wanted:
            return quote
    for words, quote in quoted_words:
        # '"Liberation Day" tariffs': a word or two inside a long quotation are a name; inside a
        # short fragment ("a blatant violation") they are its words.
        if f" {wanted} " in f" {words} " and (len(wanted.split()) >= 3 or len(words.split()) <= 6):
            return quote
    return None


# A headline's word for whoever heads a body, and a body's head in apposition after a name.
_HEADS = {"chief", "boss", "head", "ceo", "chairman", "chairwoman", "chair", "president"}
_APPOSED_HEAD = re.compile(
    r",\s+(?:the\s+)?(?:[\w-]+\s+)?(?:chief|head|boss|CEO|chair(?:man|woman)?|president|"
    r"managing\s+director)\b[^,.;~]{0,80}"
)


def _named_in_body(article: Article, subject: str) -> str:
    """The body's name for a headline's subject: a surname's full name ("Panetta"), a title's
    holder ("Premier"), else the subject as printed ("Taliban", "China")."""
    words = subject.split()
    if re.fullmatch(r"[A-Z]{2,6}", subject):
        # "MEA Calls ...": the body spells out what the letters stand for ("the Ministry of
        # External Affairs (MEA)").
        spelt = re.search(
            rf"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){{1,6}}?[A-Z][\w'’-]*)"
            rf"\s+\({re.escape(subject)}\)",
            article.body[article.skip_until :],
        )
        if spelt:
            return re.sub(r"^The\s+", "", spelt.group(1))
    if subject in {"U.S.", "US"} and "United States" in article.body:
        return "United States"  # "U.S. Urges ...", a body that says "The United States"
    people = [m for m in article.entities.mentions if m.kind == "person"]
    key = surname_key(words[-1])
    for person in people:
        if len(person.name.split()) >= 2 and surname_key(person.name.split()[-1]) == key:
            return person.name
    for person in people:
        # A name printed surname first ("Kurata Shinya"), whom the body itself calls by the
        # headline's word ("Kurata said").
        if (
            len(words) == 1
            and len(person.name.split()) >= 2
            and person.name != article.body[person.start : person.end]
            and surname_key(article.body[person.start : person.end]) == key
            # (Not "Chad Williams", whom the body also calls "Williams": a first name.)
            and not any(
                article.body[m.start : m.end] == person.name.split()[-1]
                for m in people
                if m.name == person.name
            )
        ):
            return person.name
    if len(words) >= 2 and words[-1].lower() in _HEADS:
        # "Strand Tankers chief calls levy '...'": the person the body introduces as the head
        # of that body ("Pieter van Aalst, chief executive of Osterhaven-based Strand Tankers,").
        # (The whole body's name after "of" or "at", ending the apposition: not "UN" in "head
        # of UNICEF", nor "Police" in "president of the Police Federation".)
        of_body = re.compile(
            rf"\b(?:of|at)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{re.escape(' '.join(words[:-1]))}$",
            re.I,
        )
        for person in people:
            apposed = _APPOSED_HEAD.match(article.masked, person.end)
            if apposed and (
                of_body.search(apposed.group().rstrip(" ,;"))
                # "Ana Ruiz, the police chief,": the body's name before the head word.
                or re.match(
                    rf",\s+(?:the\s+)?{re.escape(' '.join(words))}\b", apposed.group(), re.I
                )
            ):
                return person.name
    if words[-1] in ORG_WORDS:
        # "Committee says ...": the body's full name for it ("the Foreign Affairs Committee"),
        # the one the story has speak if it names two ("The Labour Party won the seat ... The
        # Reform Party said").
        bodies = [
            m
            for m in article.entities.mentions
            if m.kind == "org"
            and len(m.name.split()) > len(words)
            and m.name.split()[-len(words) :] == words
        ]
        speaking = [m for m in bodies if SPOKE_AFTER.match(article.masked, m.end)]
        if speaking or bodies:
            return (speaking or bodies)[0].name
    for _, _, core, qualifiers, _ in titled_phrases(subject):
        # "Velsland's interior minister": the holder of that very title, if the caller knows one.
        held = holder(core, qualifiers, article.entities.known)
        if held:
            return held
    if words[-1].capitalize() in TITLES:
        for person in people:
            if words[-1].lower() in person.title.lower().split():
                return person.name
    # "ASUO president": whoever held that role on the article's date.
    held = holder([w.lower() for w in words], set(), article.entities.known)
    return held or subject


# A headline that reports a claim without quotation marks: "Cohen Says Balkan Progress
# Encouraging", "Obama Urges Senators to Delay New Iran Sanctions", "Nuclear-armed Iran Is
# Intolerable, U.S. Official Says".
# ("No 10 says": a number may close a name.)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*){0,3}(?:(?<=\bNo)\s+\d{1,4}(?=\s))?"
_CLAIM_FIRST = re.compile(
    # Not "Says Goodbye/Yes/No" (idioms), nor "Claims" ("Storm Claims 12 Lives").
    rf"(?P<subject>{_NAME})\s+(?:(?i:says|say|warns|insists|believes|predicts|affirms|asserts)"
    r"(?!\s+(?i:goodbye|farewell|yes|no|sorry|thanks|thank\s+you|hello)\b):?|"
    # "Sri Lanka Claims Rebels Now Cornered": a claim; not "Storm Claims 12 Lives", "Claims
    # Responsibility", "Claims Victory".
    r"(?i:claims)(?=\s+(?!\d|(?i:of|responsibility|credit|victory|lives|the\s+lives|title|seat|"
    r"seats|win|share|stake|asylum)\b))|"
    # "US Urges Credible, Transparent, Probe of Uzbek Violence": what is urged.
    r"(?i:urges)(?=\s+(?!(?:[A-Z][\w.'’-]*\s+){1,4}(?i:to)\b)[A-Z]\w+(?:,|\s+[A-Z]))|"
    # "Tells Palestinian Leader He Wants ...": whom it told is no part of the claim.
    rf"(?i:tells)\s+{_NAME}(?:\s+(?-i:[A-Z][\w'’-]*))?(?=\s+(?:He|She|It|They|We|I)\b)|"
    rf"(?i:urges)\s+{_NAME}\s+(?i:to))\s+(?P<claim>\S.*)"
)
_DECK_CLAIM = re.compile(
    r"(?P<subject>[A-Z][\w.'’-]*(?:\s+[a-z][\w'’-]*){1,2})\s+"
    r"(?:says|say|warns|insists|believes|predicts)"
    r"(?!\s+(?:goodbye|farewell|yes|no|sorry|thanks|thank\s+you|hello|little|nothing|of|against|"
    r"about)\b)\s+(?P<claim>\S.*)"
)
_CLAIM_LAST = re.compile(
    r"(?P<claim>\S.*?),\s+(?P<subject>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+"
    r"(?i:says|say|warns)$"
    # "Haiti's elections should move forward, says U.S. official", and a state agency's
    # "Korvassia ready to resume talks — deputy foreign minister".
    r"|(?P<claim2>\S.*?)(?:,\s+(?i:says|said|affirms|insists|warns|states|declares)|\s+[—–]|"
    r"\s+-)\s+"
    r"(?P<subject2>(?:[\w.'’-]+\s+){0,4}?(?i:official|officials|minister|ministry|spokesman|"
    r"chancellor|"
    r"spokeswoman|spokesperson|envoy|diplomat|ambassador|president|premier|chief|general|"
    r"commander|secretary|leader|government|army|military|police|sources?))$"
    # "Port could lose up to 300 jobs after sanctions, director says": a role before its verb.
    r"|(?P<claim3>\S.*?),\s+(?P<subject3>(?:[\w.'’-]+\s+){0,3}?(?i:director|official|minister|"
    r"spokesman|spokeswoman|spokesperson|envoy|diplomat|ambassador|chief|mayor|governor))\s+"
    r"(?i:says|warns|insists)$"
)
# "Myers: U.S. Committed to Full Partnership With Colombia": a name, a colon, what they said.
_CLAIM_COLON = re.compile(rf"(?P<subject>{_NAME}):\s+(?P<claim>\S.*)")
# After ", but": a second claim ("but U.S. Troops Stay"), unless a verb of the subject's own
# follows ("But Pushes Amendment", "denies ...").
_SUBJECTS_OWN_VERB = re.compile(
    r"(?i:pushes|push|denies|deny|rejects|reject|seeks|seek|plans|plan|meets|visits|leaves|"
    r"signs|backs|calls|urges|warns|vows|adds|admits|defends|presses|stops|stands|offers)\b"
)


# Roles a headline uses for someone the body names: "U.S. Official Says".
_GENERIC_ROLES = {
    "Official", "General", "Minister", "Diplomat", "Envoy", "Leader", "Spokesman", "Spokeswoman",
    "Commander", "Chief", "Ambassador", "Secretary", "Admiral", "Expert", "Analyst",
    "Spokesperson",
}  # fmt: skip
# Roles that any titled person in the lead may fill ("U.S. Official Says").
_ANY_TITLE = {"official", "officials", "spokesman", "spokeswoman", "spokesperson"}
_UNNAMED_GROUPS = {"Opposition", "Rebels", "Militants", "Critics", "Activists", "Officials"}
_LEAD_CHARS = 1500


def find_headline_claims(
    article: Article, headline_quotes: list[ExtractedQuote] = ()
) -> list[ExtractedQuote]:
    """A paraphrase (or an unnamed source's claim) for a headline that reports what its
    subject says, in the headline's own words; a headline in quotation marks is quoted, not
    paraphrased (see find_headline_quotes)."""
    end = article.skip_until
    if not end or end > _MOST_HEADLINE:
        return []
    found = _claim_in(article, 0, end, headline_quotes)
    deck = article.paragraphs[1] if len(article.paragraphs) > 2 else None
    if deck and deck[1] - deck[0] < _MOST_HEADLINE and _is_deck(article.body[deck[0] : deck[1]]):
        # A deck under the headline ("Assistant secretary says peace, dialogue urgently needed
        # in Somalia"): a second headline, in headline style.
        found += _claim_in(article, *deck, headline_quotes)
    return found


def _is_deck(line: str) -> bool:
    """A short line without a sentence's closing punctuation (a body's sentence has one)."""
    return len(line.split()) < 20 and line.rstrip("\"'”’ ")[-1:] not in ".!?:;,"


def _claim_in(
    article: Article, begin: int, end: int, headline_quotes: list[ExtractedQuote] = ()
) -> list[ExtractedQuote]:
    body = article.body
    match = _CLAIM_FIRST.fullmatch(body, begin, end) or _CLAIM_LAST.fullmatch(body, begin, end)
    colon = not match and _CLAIM_COLON.fullmatch(body, begin, end)
    if colon and (
        _colon_names_a_speaker(article, colon["subject"])
        # "Top US Official: Nigeria Election a 'Bellwether' for Africa": a role the lead names.
        or (
            colon["subject"].split()[-1].capitalize() in _GENERIC_ROLES
            and _role_in_lead(article, colon["subject"].split()[-1]) not in {None, "Officials"}
        )
    ):
        match = colon
    if not match and begin:
        # A deck in sentence case: "Assistant secretary says ...", "Foreign ministry warns ...".
        match = _DECK_CLAIM.fullmatch(body, begin, end)
        role = match and match["subject"].split()[-1].capitalize()
        if match and role not in TITLES and role not in _GENERIC_ROLES | _UNNAMED_GROUPS:
            match = None
    if not match:
        return []
    which = ""
    if match.re is _CLAIM_LAST:
        which = "2" if match["claim2"] else "3" if match["claim3"] else ""
    subject = match["subject" + which]
    claim_start, claim_end = match.span("claim" + which)
    if subject.split()[0] in {"What", "Why", "How", "Who", "When"}:
        return []
    marks = set(article.marks_within(begin, end))
    if any(pos < claim_start for pos in marks) or (
        marks and len(_outside_marks(body, claim_start, claim_end, marks)) < 2
    ):
        # "Kettering says talks left her 'cautiously hopeful'": the claim in the headline's own
        # words around a quoted fragment; not a headline whose subject is quoted, nor a claim
        # that is all quotation (find_headline_quotes has those).
        return []
    printed_subject = subject
    speaker = _named_in_body(article, subject)
    last = subject.split()[-1]
    if speaker == subject and last.capitalize() in _GENERIC_ROLES:
        speaker = _role_in_lead(article, last)
        subject = "Officials" if speaker == "Officials" else subject
        speaker = speaker or subject
    elif speaker == subject and which == "3":
        # "..., director says": the person the lead gives that role, or no claim at all (not a
        # speaker called "director").
        speaker = _role_in_lead(article, last)
        if speaker in {None, "Officials"}:
            return []
    fragment = next(
        (q.speaker for q in headline_quotes if claim_start <= q.start < claim_end), None
    )
    if fragment and (last.capitalize() in _GENERIC_ROLES or last.capitalize() in TITLES):
        # "Arms sales 'a stain on our name', says shadow minister": whoever the body quotes
        # saying the fragment is the one the headline's role means.
        speaker = fragment
    kind = "paraphrase"
    named_in_body = any(
        m.kind == "person" and m.name.split()[-1] == last for m in article.entities.mentions
    )
    if (
        speaker == subject
        and not named_in_body
        and (ANON_RE.fullmatch(subject) or last.capitalize() in _UNNAMED_GROUPS)
    ):
        speaker, kind = None, "anonymous"  # "Palestinians Say", "Ethiopian Opposition Says"
    found = []
    start = claim_start
    claim = body[start:claim_end]
    if re.match(
        # (Not "UN Warns Millions of Children Face Famine": a noun phrase the claim's verb follows.)
        r"(?:[\w'’.-]+\s+){1,3}?(?:against|about|over)\b|(?:[\w'’.-]+\s+){1,3}?of\s+[\"'‘“«„]",
        claim,
    ) and re.search(r"(?i:warns|urges)\s+$", body[:claim_start]):
        return []  # "Wellbrock warns Varnia against 'blackmail'": whom, and of what; no claim
    # "says expulsions were 'a last resort', denies talks are dead": the subject's next act.
    own = re.search(rf",\s+(?={_SUBJECTS_OWN_VERB.pattern}(?!\s+(?:for|of)\b))", claim)
    claim = claim[: own.start()] if own else claim
    # "party will not raise taxes, as Tories accuse him ...": the headline's own circumstance.
    claim = re.split(r",\s+(?:as|amid|while|whereas)\s+|\s+while\s+", claim)[0]
    pieces = re.split(r",\s+(?i:but|and)\s+|;\s+", claim)
    for index, piece in enumerate(pieces):
        if index and _SUBJECTS_OWN_VERB.match(piece):
            break
        text = piece.strip(" ,.")
        if len(text.split()) >= 2:
            a = body.index(text, start)
            b = a + len(text)
            printed = "".join(c for i, c in enumerate(text, a) if i not in marks)
            while a in marks:  # "'Sea Tigers' Neutralized": the offsets start at the words
                a += 1
            found.append(
                ExtractedQuote(
                    " ".join(printed.split()),
                    kind,
                    speaker,
                    f"headline: {printed_subject}",
                    a,
                    b,
                    0.5,
                )
            )
            start = b
    return found


def _titled_as(article: Article, person, role: str) -> bool:
    """Whether the body gives the person that role: in the title it parsed, or just before the
    name ("U.S. Assistant Secretary of State Jendayi Frazer")."""
    before = article.masked[max(0, person.start - 40) : person.start]
    before = re.split(r"[,;~\n]|(?<![A-Z][a-z])(?<![A-Z][a-z]{2})\.|\band\b", before)[-1]
    words = set(re.findall(r"[a-z]+", f"{person.title} {before}".lower()))
    return role in words or _ABBREVIATED_ROLES.get(role, "") in words


# "Army Lt. Gen. Robert W. Cone": a rank as news prints it before a name.
_ABBREVIATED_ROLES = {
    "general": "gen", "colonel": "col", "admiral": "adm", "secretary": "sec", "governor": "gov",
    "senator": "sen", "commander": "cmdr", "lieutenant": "lt", "major": "maj", "captain": "capt",
}  # fmt: skip


def _role_in_lead(article: Article, role: str) -> str | None:
    """Who a headline's role ("U.S. Official Says", "General Says") is: news style names them in
    the body's first paragraphs, a title before the name, or else the first full name there;
    "Officials" when the lead's official is unnamed; None when the lead names no one."""
    lead = [
        m
        for m in article.entities.mentions
        if m.kind == "person" and " " in m.name and m.start < _LEAD_CHARS
    ]
    titled = [m for m in lead if m.title]
    if role.lower() not in _ANY_TITLE:
        # "Labour leader says ...", "..., says opposition leader": the first person the lead
        # gives that very role (not the chancellor a lead names first); an "official" or a
        # "spokesman" may be any titled person the lead names.
        titled = lead = [m for m in lead if _titled_as(article, m, role.lower())]
    unnamed = [m for m in article.entities.mentions if m.kind == "anon" and m.start < _LEAD_CHARS]
    first = (titled or lead)[0] if lead else None
    if role.capitalize() in {"Official", "Officials"} and (unnamed or first is None):
        return "Officials"  # "..., U.S. Official Says" over a body whose official is unnamed
    return first.name if first else None


def _colon_names_a_speaker(article: Article, subject: str) -> bool:
    """ "Myers: ..." names who speaks when the body names that person; "Strike: ...", "Morning
    Dispatch: ..." (the outlet) or "Tiamaré: ..." (a place) is a kicker."""
    key = surname_key(subject.split()[-1])
    return any(
        m.kind == "person" and surname_key(m.name.split()[-1]) == key
        for m in article.entities.mentions
    )


def _outside_marks(body: str, start: int, end: int, marks: set[int]) -> list[str]:
    """The words of [start, end) outside every quotation the marks open and close."""
    inside, outside = False, []
    for i in range(start, end):
        if i in marks:
            inside = not inside
        elif not inside:
            outside.append(body[i])
    return "".join(outside).split()
