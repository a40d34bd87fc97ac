"""A broadcast transcript's turns: "RADU VESCU: Our ambassador was shown a folder ..." is the
speaker's own words, without quotation marks (an interviewee's answer, a recorded clip)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from .article import Article, ExtractedQuote
from .entities import surname_key
from .sources import PASSERS_BY, SOURCE_NOUNS

# A speaker's label in capitals at the start of a paragraph, with an optional "(RECORDING)".
_TURN = re.compile(
    # "— ROSSE: We will not stand by ...": a radio script's clip, cued with a dash.
    r"(?:[–—]\s*)?"
    r"(?P<label>[A-Z][A-Z.'’ -]{1,40}?)"
    # "MARK THORNE, OPPOSITION DEFENCE SPOKESMAN:", as Australian broadcasters label a speaker.
    r"(?:,\s*(?P<role>[A-Z][A-Z.'’ ,&-]{1,60}?))?"
    r"\s*(?:\((?i:RECORDING|VOICEOVER|VOICE-OVER|ON TAPE|"
    r"TRANSLATED|THROUGH INTERPRETER|VIA INTERPRETER|CLIP|piece to camera)\))?:\s+(?=\S)"
    # "VOX POP (LORRY DRIVER):": somebody in the street.
    r"|(?P<vox>VOX POP|VOX|VOXPOP)\s*(?:\((?P<passer>[A-Z][A-Z.'’ -]{1,40}?)\)|\d{1,2})?:\s+(?=\S)"
    # "CLIP (CON O'RIORDAN):", "SOUNDBITE (ANA VELL, IN PARLIAMENT):": a recording of someone;
    # "GUEST (INES CASTRO):": a guest named in the label.
    r"|(?:CLIP|SOUNDBITE|SOUND BITE|SOT|RECORDING|TAPE|GUEST|INTERVIEWEE|CALLER)\s*"
    r"\((?P<recorded>[A-Z][A-Z.'’ -]{1,40}?)"
    r"(?:,[^)]{0,40})?\):\s+(?=\S)"
)
# A podcast's or a debate's speaker label in ordinary case: "Ana Lund: Honestly? Nowhere good."
_NAMED_TURN = re.compile(
    # "Sen. Rafael Quintero:", "Defence Minister Ilse Varga:", later "Quintero:".
    r"(?P<label>(?:(?:Sen|Gen|Dr|Rep|Gov|Col|Adm|Prof|Lt|Maj|Capt|Mr|Mrs|Ms|Hon)\.\s+)?"
    r"[A-Z][a-zà-ÿ'’-]+(?:\s+(?:[A-Z][\w'’-]+|al|van|de|der|bin|ter)){0,4})"
    # "Marcus Teale (Kelsholm Vale) (CDP):": Hansard's constituency and party after the name.
    r"(?:\s*\([^()]{1,40}\)){0,2}:\s+(?=\S)"
)
# Hansard's label for a minister: "The Secretary of State for Foreign Affairs (Helena Vosk):".
_OFFICE_TURN = re.compile(
    r"(?:The\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|the|and)){1,12}\s*"
    r"\((?P<holder>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})\):\s+(?=\S)"
)
# The chair of a parliament, labelled by office: "Mr Speaker:", "Madam Deputy Speaker:".
_CHAIR_TURN = re.compile(
    r"(?:Mr|Madam|Madame|The)\s+(?P<office>(?:Deputy\s+)?(?:Speaker|President|Chairman|Chair))"
    r":\s+(?=\S)"
)
# A briefing's label for whoever holds an office: "Spokesperson: I'm not going to ...".
_OFFICE_LABEL = re.compile(
    r"(?:The\s+)?(?P<office>(?:Deputy\s+)?(?:Spokesperson|Spokesman|Spokeswoman|Press\s+Secretary|"
    r"Ambassador|Envoy|Special\s+Envoy|High\s+Commissioner))\s*:\s+(?=\S)"
)
# What the record prints between a turn's words: "(Interruption)", "[Laughter]".
_STAGE_DIRECTION = re.compile(
    r"\s*[(\[](?:Interruption|Interruptions|Laughter|Applause|Inaudible|Crosstalk|Cheers)\.?[)\]]"
)
# Labels for the programme's own voices, whose words are the broadcaster's, not a source's.
_PROGRAMME = re.compile(
    r"(?:PRESENTER|ANCHOR|HOST|CO-HOST|REPORTER|CORRESPONDENT|INTERVIEWER|NARRATOR|NEWSREADER|"
    r"NEWSCASTER|Q|A|"
    r"QUESTION|ANSWER|MODERATOR|EDITOR|VOICE|VOICEOVER|UNIDENTIFIED[A-Z ]*|CROWD|CHANTING)"
)
# Someone the text introduces as one of the programme's journalists.
_JOURNALIST = re.compile(
    r"\b(?:correspondent|reporter|presenter|anchor|host|producer|editor)\s*,?\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|al|van|de|der|ter))+)"
)


# An interview's answers: "A: We will recognise ...", after "Q: ..." (or ANSWER/QUESTION).
_ANSWER = re.compile(r"(?:A|ANSWER|Answer)\s*:\s+(?=\S)")
_QUESTION = re.compile(r"(?:Q|QUESTION|Question)\s*:\s+(?=\S)")
# How an interview's introduction names who answers: "Halvard spoke to the Review", "in an
# interview with Noor Halvard", "Noor Halvard, interviewed in her office".
_INTERVIEWED = re.compile(
    r"\b(?P<a>[A-Z][\w'’-]{1,30})(?:,\s+[^,]{1,60},)?\s+(?:spoke|talked|sat\s+down)\s+(?:to|with)\b"
    r"|\binterview(?:ed)?\s+with\s+(?:[a-z]+\s+){0,3}?"
    r"(?P<b>[A-Z][\w'’-]{1,30}(?:\s+[A-Z][\w'’-]{1,30}){0,3})"
)


def interviewee(article: Article, people: dict[str, str]) -> str | None:
    """Who answers an interview's questions: the person its introduction (the text before the
    first question) says was interviewed, else the first person it names."""
    first_question = next(
        (a for a, b in article.paragraphs if _QUESTION.match(article.body, a, b)), None
    )
    if first_question is None:
        return None
    intro = article.body[:first_question]
    for match in _INTERVIEWED.finditer(intro):
        name = people.get(surname_key((match["a"] or match["b"]).split()[-1]))
        if name:
            return name
    # A headline that says it is an interview ("Interview: Noor Halvard on ...") names who
    # answers; a paper's own explainer ("Q: When is the vote?") has no interviewee.
    headline = article.body[: article.skip_until]
    if not re.search(r"\b(?:interview|Q\s*&\s*A|in conversation)\b", headline, re.IGNORECASE):
        return None
    named = [
        m.name
        for m in article.entities.mentions
        if m.kind == "person" and m.start < first_question and len(m.name.split()) >= 2
    ]
    in_headline = [n for n in named if surname_key(n.split()[-1]) in headline.lower()]
    return (in_headline or [None])[0]


def find_turns(article: Article) -> list[ExtractedQuote]:
    """Each turn of a named interviewee or recorded speaker, as a direct quote."""
    body = article.body
    journalists = {
        surname_key(m.group("name").split()[-1]) for m in _JOURNALIST.finditer(article.masked)
    }
    for start, end in article.paragraphs:
        turn = _TURN.match(body, start, end)
        if turn and turn["role"] and _PROGRAMME.fullmatch(turn["role"].split(",")[0].strip()):
            journalists.add(surname_key(turn["label"].split()[-1].title()))
    people = {
        surname_key(m.name.split()[-1]): m.name
        for m in article.entities.mentions
        if m.kind == "person" and len(m.name.split()) >= 2
    }
    found = []
    answers = interviewee(article, people)
    labelled = [
        (a, b, _letters(turn["label"]))
        for a, b in article.paragraphs
        if (turn := _TURN.match(body, a, b)) and turn["label"]
    ]
    by_initials = _initials(article, {letters for _, _, letters in labelled})
    asks = _questioners(article, by_initials, labelled)
    # A guest labels several turns ("Ana Lund: ..."); a list's headings ("Rent Caps: ...") do not.
    labels = Counter(
        surname_key(m["label"].split()[-1])
        for a, b in article.paragraphs
        if (m := _NAMED_TURN.match(body, a, b))
    )
    labels_in_ordinary_case = sum(labels.values())
    chairs: dict[str, str | None] = {}  # who holds each chair the labels name
    capital_turns = sum(1 for a, b in article.paragraphs if _TURN.match(body, a, b))
    programme_turns = sum(
        1
        for a, b in article.paragraphs
        if (turn := _TURN.match(body, a, b))
        and turn["label"]
        and _PROGRAMME.fullmatch(turn["label"].strip())
    )
    first_body = next((a for a, _ in article.paragraphs if a >= article.skip_until), 0)
    offices = Counter(
        m["office"] for a, b in article.paragraphs if (m := _OFFICE_LABEL.match(body, a, b))
    )
    for start, end in article.paragraphs:
        briefer = _OFFICE_LABEL.match(body, start, end)
        if briefer and offices[briefer["office"]] >= 2:
            # "Spokesperson: ...", turn after turn: whoever the text says holds the office.
            if briefer["office"] not in chairs:  # looked for once, not per turn
                chairs[briefer["office"]] = _holder(article, briefer["office"], start)
            name = chairs[briefer["office"]]
            text = " ".join(body[briefer.end() : end].split())
            if name and len(text.split()) >= 3:
                found.append(
                    ExtractedQuote(
                        text, "direct", name, briefer.group().strip(), briefer.end(), end, 0.75
                    )
                )
            continue
        answer = answers and _ANSWER.match(body, start, end)
        if answer:
            # An interview's answer is the interviewee's own words.
            text = " ".join(body[answer.end() : end].split())
            if len(text.split()) >= 3:
                found.append(ExtractedQuote(text, "direct", answers, "A:", answer.end(), end, 0.8))
            continue
        office = _OFFICE_TURN.match(body, start, end) or _CHAIR_TURN.match(body, start, end)
        if office and labels_in_ordinary_case >= 2:
            # "The Secretary of State for Foreign Affairs (Helena Vosk): ...", "Mr Speaker:
            # Order.": the holder the label names, else whoever the text says holds the chair.
            if "holder" in office.groupdict():
                name = office["holder"]
            else:
                if office["office"] not in chairs:  # looked for once, not per turn
                    chairs[office["office"]] = _chair(article, office["office"])
                name = chairs[office["office"]]
            text = _STAGE_DIRECTION.sub("", " ".join(body[office.end() : end].split()))
            if name and len(text.split()) >= 2:
                found.append(
                    ExtractedQuote(
                        text, "direct", name, office.group().strip(), office.end(), end, 0.75
                    )
                )
            continue
        named = _NAMED_TURN.match(body, start, end)
        key = named and surname_key(named["label"].split()[-1])
        if (
            named
            and (
                (labels[key] >= 2 and (" " in named["label"] or key in people))
                # A clip of someone the host named ("Ilka Ventresca: We came to Sellin ...").
                or (labels_in_ordinary_case >= 3 and key in people)
            )
            and not _PROGRAMME.fullmatch(named["label"].upper())
            and body[named.end() : named.end() + 1] not in '"“”«„'
        ):
            # "Ana Lund: ...", later "Lund: ...": a guest's turn, in a transcript that labels two
            # or more turns so (a one-word label only for a person the text names in full).
            words = named["label"].split()
            name = people.get(key) or named["label"]
            # "— no, let me finish", "Exactly —": an interruption's dashes are no words.
            words_start, words_end = named.end(), end
            while words_start < end and body[words_start] in " —–":
                words_start += 1
            while words_end > words_start and body[words_end - 1] in " —–":
                words_end -= 1
            text = _STAGE_DIRECTION.sub("", " ".join(body[words_start:words_end].split()))
            if surname_key(words[-1]) not in journalists and text:
                found.append(
                    ExtractedQuote(
                        text, "direct", name, named["label"], words_start, words_end, 0.75
                    )
                )
            continue
        turn = _TURN.match(body, start, end)
        if turn and (
            turn["vox"]
            or (
                # "— DRIVER: ...", in a script whose programme voices speak too; not an
                # explainer's headings ("— DRIVERS: Fuel duty rises ...").
                turn["label"]
                and body[start] in "–—"
                and programme_turns
                and not turn["label"].strip().endswith("S")
                and re.fullmatch(rf"(?i:{PASSERS_BY}|{SOURCE_NOUNS})", turn["label"].strip())
            )
        ):
            # "VOX POP (LORRY DRIVER): ...": somebody in the street, never named.
            text = " ".join(body[turn.end() : end].split())
            if len(text.split()) >= 3:
                found.append(
                    ExtractedQuote(
                        text, "anonymous", None, turn.group().strip(), turn.end(), end, 0.7
                    )
                )
            continue
        label = turn and (turn["recorded"] or turn["label"]).strip()
        if not turn or _PROGRAMME.fullmatch(label):
            continue
        if turn["role"] and _PROGRAMME.fullmatch(turn["role"].split(",")[0].strip()):
            continue  # "TOM HALLETT, REPORTER:": the programme's own voice
        label = re.sub(r"^(?:DR|PROF|MR|MRS|MS|SIR|DAME)\.?\s+", "", label)
        initialled = by_initials.get(_letters(label))
        if initialled and not turn["role"]:
            # "MA: Nothing dramatic happened ...": a magazine's Q&A labels its speakers by their
            # initials; the interviewer's ("JP: What happened?") are the magazine's questions.
            text = " ".join(body[turn.end() : end].split())
            if initialled not in asks and len(text.split()) >= 3:
                found.append(
                    ExtractedQuote(text, "direct", initialled, label, turn.end(), end, 0.8)
                )
            continue
        if capital_turns < 2 and not turn["role"] and start == first_body:
            continue  # "AL QASR: His Highness ...": a dateline, in a text that is no transcript
        words = label.split()
        if not 1 <= len(words) <= 5 or body[turn.end() : turn.end() + 1] in '"“”«':
            continue  # no label, or a turn that is itself a quotation (found as one)
        key = surname_key(words[-1].title())
        if key in journalists:
            continue
        name = people.get(key)
        if name is None and turn["role"]:
            # "LEV ARANOV, ORVANIAN PUBLIC SECURITY MINISTER:": the label names and describes them.
            name = " ".join(re.sub(r"[A-Za-z]+", lambda m: m[0].capitalize(), w) for w in words)
        if name is None:
            continue  # a label the article never names as a person: not a speaker we know
        text = " ".join(body[turn.end() : end].split())
        if len(text.split()) < 3:
            continue
        found.append(ExtractedQuote(text, "direct", name, label, turn.end(), end, 0.8))
    return found


def _letters(label: str) -> str:
    """A turn label's letters, as initials are compared: "M.A." and "M A" are "MA"."""
    return label.replace(".", "").replace(" ", "")


def _initials(article: Article, used: set[str]) -> dict[str, str]:
    """The people the text names in full, by their initials ("MA" for Mireille Anouka), where
    the initials are one person's alone (`used`: the letters of the text's turn labels)."""
    names: dict[str, set[str]] = {}
    for mention in article.entities.mentions:
        words = mention.name.split()
        if mention.kind == "person" and 2 <= len(words) <= 4:
            letters = "".join(w[0] for w in words if w[0].isupper())
            names.setdefault(letters, set()).add(mention.name)
    unique = {
        letters: next(iter(n))
        for letters, n in names.items()
        if len(n) == 1 and letters not in _OFFICE_INITIALS
    }
    # A Q&A labels both sides by initials ("JP:" and "MA:"): two or more labels that name people,
    # so that a lone "PM:" is no Peter Mandelson.
    return unique if len(used & unique.keys()) >= 2 else {}


# Offices labelled by their initials, which are nobody's own: "PM:", "FM:", "SG:".
_OFFICE_INITIALS = {
    "PM", "FM", "SG", "VP", "MP", "DG", "CEO", "DPM", "AG", "CM", "DC", "MEP", "QC", "KC", "FS",
    "HS",
}  # fmt: skip


def _questioners(
    article: Article, by_initials: dict[str, str], labelled: list[tuple[int, int, str]]
) -> set[str]:
    """Who asks, in a transcript labelled by initials: a person most of whose two or more turns
    end in a question (`labelled`: each labelled paragraph and its label's letters)."""
    turns: dict[str, list[bool]] = {}
    for start, end, letters in labelled:
        name = by_initials.get(letters)
        if name:
            turns.setdefault(name, []).append(article.body[start:end].rstrip().endswith("?"))
    return {
        name for name, asked in turns.items() if len(asked) >= 2 and sum(asked) * 2 > len(asked)
    }


def _holder(article: Article, office: str, first_turn: int) -> str | None:
    """Who holds the office a briefing's label names: the one holder the caller knows, else the
    one the header before the first turn names ("a transcript of today's briefing by Lucien
    Okafor-Reyes, Spokesperson for ...", never a spokesperson a reporter's question names)."""
    title = office.lower()
    holders = [name for name, titles in article.known if any(title in t for t in titles)]
    if len(holders) == 1:
        return holders[0]
    name = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}"
    role = rf"(?i:{re.escape(office)})"
    written = re.search(
        rf"(?P<a>{name}),\s+(?:the\s+)?{role}\b|\b{role},?\s+(?P<b>{name})(?=[\s,.;:])",
        article.masked[:first_turn],
    )
    return (written["a"] or written["b"]) if written else None


def _chair(article: Article, office: str) -> str | None:
    """Who holds the chair the text names ("the Speaker, Gareth Lindqvist,"), else None."""
    named = re.search(
        rf"\b(?:the\s+)?{office},\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}})",
        article.masked,
    )
    if named:
        return named["name"]
    title = office.lower()
    holders = [
        name
        for name, titles in article.known
        if any(t == title or t.startswith(f"{title} of ") for t in titles)
    ]
    return holders[0] if len(holders) == 1 else None


def without_turns_words(
    turns: list[ExtractedQuote], quotes: list[ExtractedQuote]
) -> list[ExtractedQuote]:
    """The quotes less those inside a guest's direct turn (words the guest reports)."""
    spans = sorted((t.start, t.end) for t in turns if t.kind == "direct")
    starts = [a for a, _ in spans]
    kept = []
    for quote in quotes:
        index = bisect_right(starts, quote.start) - 1
        if index < 0 or quote.start >= spans[index][1]:
            kept.append(quote)
    return kept


def complete_surnames(
    turns: list[ExtractedQuote], quotes: list[ExtractedQuote]
) -> list[ExtractedQuote]:
    """ "Mr Thorne has called for ...", after a turn labelled "MARK THORNE, OPPOSITION DEFENCE
    SPOKESMAN:": a surname the body names only in a label is that speaker's."""
    full = {t.speaker.split()[-1]: t.speaker for t in turns if t.speaker and " " in t.speaker}
    return [
        replace(q, speaker=full[q.speaker])
        # Only a person called by honorific and surname ("Mr Thorne"), never a place that
        # shares the word ("Jordan said").
        if q.speaker in full
        and re.search(rf"\b(?:Mr|Ms|Mrs|Dr|Miss)\.?\s+{re.escape(q.speaker)}\b", q.attribution)
        else q
        for q in quotes
    ]


def credit_the_addressed(
    turns: list[ExtractedQuote], quotes: list[ExtractedQuote]
) -> list[ExtractedQuote]:
    """ "You said last year that ...": the person addressed, who in a transcript is whoever
    answers, the named turn after the question ("Senator, ... you called this bill ..." and the
    Senator's turn); with none after, whoever spoke the turn before; with neither, nobody we can
    name, so no quote."""
    named = [(turn.start, turn.speaker) for turn in turns if turn.speaker]
    credited = []
    for quote in quotes:
        if quote.speaker in {"You", "you"}:
            after = [name for start, name in named if start > quote.end]
            before = [name for start, name in named if start < quote.start]
            if not after and not before:
                continue
            quote = replace(quote, speaker=after[0] if after else before[-1])
        credited.append(quote)
    return credited
