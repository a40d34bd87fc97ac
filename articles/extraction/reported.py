"""Reported speech without marks: paraphrases and claims by unnamed sources."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from .article import (
    ANY_VERB_RE,
    CLAIM_BY,
    FRAGMENT,
    REPORTING,
    SAY,
    SAY_RE,
    TIME,
    Article,
    ExtractedQuote,
    speaker_kind,
)
from .marks import MASK
from .mentions import ANON
from .sources import IMPERSONAL_SAY
from .speakers import resolve_phrase, resolve_pronoun
from .titles import ROLE

# "asked lawmakers to delay ...": a request, what the speaker wants done (not "asked whether").
_ASKED_TO = re.compile(
    r"\s+(?!(?:by|whether|if|about|why|how|what|who|when|for|me|him|her|not|that)\b)"
    # "asked reporters whether anyone had bothered to read it": a question on the way.
    r"(?:(?!(?:whether|if|why|how|what|who|when)\b)[\w'’.-]+\s+){1,5}?(?:not\s+)?to\s+"
    r"(?!be\s+(?:named|identified|quoted)\b)"
    # ("asked Channel 7 not to use his name": the terms of an unnamed source, no request.)
    r"(?!(?:use|print|publish|give|reveal|name)\s+(?:his|her|their)\s+(?:full\s+)?names?\b)[a-z]"
)
_URGING = {
    "urged", "urges", "advised", "advises", "encouraged", "encourages", "implored", "implores",
    "exhorted", "exhorts",
}  # fmt: skip


def _clean_clause(article: Article, start: int, end: int) -> tuple[int, int]:
    opens, closes = article.opens, article.closes
    # Strip punctuation, and marks that open or close the clause (the words inside are kept).
    while end > start and (article.body[end - 1] in " .,;:!?" or end - 1 in closes):
        end -= 1
    while start < end and (article.body[start] in " ," or start in opens):
        start += 1
    return start, end


# A subject, then its attribution in parenthesis: "The delay, said two officials, was ...",
# "The plan, according to Lena Hart, would ...", "The talks, Ivo Strand said, had ...".
_PARENTHESIS = re.compile(
    r"\s*(?:The|This|That|Its|His|Her|Their)\s[^,~:;]{1,60}?(?P<att>,\s*)"
    # (Not ", said a senior official, who spoke on condition of anonymity.": who they are.)
    # ("The trouble, according to Imre Salk, who studies the trade, is that ...": who they are
    # is no part of the clause.)
    r"(?:say|says|said|according\s+to)\s+(?P<spk>[^,~]{2,80}?)(?:,\s+who\s[^,~;]{1,120})?,\s+"
    r"(?=[a-z])(?!who\s[^,~;]*[.!]?\s*$)"
    # "..., says Ana Lund, the foreign minister.": her title, not the sentence going on.
    r"(?!(?:the|a|an)\s[^,~;]{1,80}[.!]?\s*$)"
)


def _emit(
    article: Article,
    out: list,
    start: int,
    end: int,
    speaker: str | None,
    attribution: str,
    confidence: float,
    omit: tuple[int, int] = (0, 0),
) -> None:
    """Record a reported clause, dropping any part that is itself a quoted fragment (and the
    omitted span: an attribution in parenthesis inside the clause)."""
    if speaker is None:
        return
    # "said A, and that B": two statements, each reported on its own; so is "said A, but he B"
    # (a second clause with a subject of its own).
    pieces, cursor = [], start
    splitter = rf",?\s+(?:and|but) (?:(?:{SAY})\s+)?that\s+|,\s+but\s+(?=(?:he|she|they|we|I)\s)"
    for match in re.finditer(splitter, article.masked[start:end]):
        pieces.append((cursor, start + match.start()))
        cursor = start + match.end()
    pieces.append((cursor, end))
    for a, b in pieces:
        masked_piece = article.masked[a:b]
        if MASK in masked_piece:
            # Keep a clean leading clause: "X could be used at home, and his posters carry '...'".
            cut = re.search(r",\s+(?:and|but)\s+", masked_piece[: masked_piece.index(MASK)])
            if cut:
                b = a + cut.start()
        circumstance = _TRAILING_CIRCUMSTANCE.search(
            article.masked, a, b
        ) or _CHARACTERISING.search(article.masked, a, b)
        if circumstance:
            b = circumstance.start()  # "..., speaking at a news conference in Sallow"
        a, b = _clean_clause(article, a, b)
        if article.sentence_at(a)[0] == a:
            a += len(_CONNECTIVE.match(article.body, a, b)[0])  # "Furthermore, it would ..."
            while a < b and a in article.opens:
                a += 1  # 'Also, "a significant number ..."': the clause starts inside the marks
        marks = _marks_within(article, a, b)
        words = [w for w in article.masked[a:b].split() if w.strip(MASK + "\"'“”‘’.,;:!?")]
        fragment = MASK in article.masked[a:b]
        if (
            len(words) < (1 if fragment else 3)
            or len(article.body[a:b].split()) < 3
            # 'said that was "anti-Russian activity"': a subject is needed beside the quote.
            or (len(words) == 1 and fragment and _THAT_AS_SUBJECT.fullmatch(words[0].lower()))
        ):
            continue  # too short, or a clause quoted whole: the partial quote says it all
        # A clause with a quoted fragment is reported speech too: its words without the marks.
        text = "".join(
            c
            for i, c in enumerate(article.body[a:b], a)
            if i not in marks and not omit[0] <= i < omit[1]
        )
        who, kind = speaker_kind(speaker, "paraphrase")
        out.append(ExtractedQuote(" ".join(text.split()), kind, who, attribution, a, b, confidence))


# The circumstances of saying at the end of a reported clause: a participle of speaking, or the
# occasion ("in a speech to parliament on Tuesday", "at a news conference", "in remarks broadcast
# on state television", "when asked about ..."). They are the reporter's, not the speaker's.
_OCCASION = (
    r"speech|speeches|interview|news\s+conference|press\s+conference|conference|statement|"
    r"remarks|comments|briefing|meeting|visit|rally|address|hearing|post|broadcast|call|session|"
    r"debate|appearance|video|message|letter|op-ed|article|column|tweet|podcast|summit|"
    r"telephone\s+interview|radio\s+interview|television\s+interview|testimony|sermon|lecture|"
    # Documents it was said in ("said in a report released Wednesday that ...").
    r"report|notice|filing|submission|communiqu[eé]|declaration|press\s+release|newsletter|"
    r"e-?mail|memo|note"
)
_TRAILING_CIRCUMSTANCE = re.compile(
    # After a comma, or a quotation that ends the clause ('"on the table," without giving').
    r"(?:,|(?<=~)[\"”’'],?)\s+(?:(?:later\s+|then\s+)?(?:speaking|writing|talking|addressing|appearing|answering|"
    r"responding|replying|testifying|briefing|pointing\s+to|citing|"
    # "..., playing down an intelligence report": what saying it did, in the reporter's words.
    r"playing\s+(?:down|up)|downplaying|contradicting|echoing|rebuffing|"
    # "..., even as traders counted losses": the reporter's setting of the scene.
    r"even\s+as)\b"
    r"|(?:(?:later|earlier)\s+)?(?:in|at|during|on|after|before|via|through)\s+"
    r"(?:(?:a|an|the|his|her|their|its|this|that|same)\s+)*(?:[\w-]+\s+){0,3}?"
    rf"(?:{_OCCASION})\b"
    r"|(?:when|if)\s+(?:asked|pressed|questioned)\b|asked\s+(?:about|whether|if|why|how)\b"
    # "..., as senators from both sides pressed for a tougher response": the scene, not the claim.
    # (Not "the economy grew, as exports rallied": a cause the speaker gave.)
    r"|as\s+(?:[\w-]+\s+){1,8}?(?:pressed|clamou?red|gathered|looked\s+on|protested|lobbied)\b"
    # "..., without giving details": how it was said.
    r"|without\s+(?:giving|providing|offering|elaborating|saying|specifying|naming)\b"
    # "..., according to screenshots that circulated widely": how the reporter knows it.
    # (Not "The plan, according to Lena Hart, would cost ...": an attribution in parenthesis.)
    r"|according\s+to\s+(?![^,;~]*,\s)(?:the\s+|a\s+|an\s+|(?-i:[A-Z])|(?:screenshots|images|"
    r"documents|sources|people|reports|footage|officials|witnesses|records)\b)"
    # "..., a position that Alto Peralta has always rejected": the reporter's word on the claim.
    r"|(?:a|an)\s+(?:position|claim|view|assertion|charge|accusation|allegation|version|"
    r"stance|argument|contention)\s+(?:that|which|shared|rejected|denied|disputed)\b"
    # '... "activities incompatible with their status", the standard formula for alleged
    # spying': the reporter's gloss on the words.
    r"|(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:formula|phrase|term|euphemism|wording|code|"
    r"shorthand|expression)\s+(?:for|used|that|which)\b)"
    r"[^;~]*$"
)


# "..., describing it as a 'strategic own goal'": a characterisation, its fragment quoted on its
# own.
_CHARACTERISING = re.compile(
    r",\s+(?:describing|calling|dubbing|branding|labell?ing|terming|dismissing)\s[^;]*$"
    # "..., which he termed an affront to the world": the reporter's word for what was said.
    r"|,\s+which\s+(?:he|she|they|it|the\s+\w+)\s+(?:also\s+)?(?:termed|called|described|dubbed|"
    # (Not "the ceasefire, which she called fragile, was holding": an aside inside the clause.)
    r"branded|labell?ed|characteri[sz]ed)\s[^;,]*$"
)


def _emit_impersonal(article: Article, out: list, start: int, end: int, it: re.Match) -> None:
    """The clause after "it was noted that", "it is believed": a claim nobody is named for."""
    attribution = article.printed(start + it.start(), start + it.end() - 5)
    _emit(article, out, start + it.end(), end, ANON, attribution, 0.6)


def _emit_after_source(
    article: Article,
    out: list,
    start: int,
    end: int,
    match: re.Match,
    speaker: str | None,
    confidence: float,
) -> None:
    """The clause after a phrase that names its source ("citing X, said", "I'm told by X that"),
    attributed as printed up to the source."""
    attribution = article.printed(start + match.start(), start + match.end("src"))
    _emit(article, out, start + match.end(), end, speaker, attribution, confidence)


def _marks_within(article: Article, start: int, end: int) -> set[int]:
    """Offsets of the quotation marks (not apostrophes) inside [start, end)."""
    return set(article.marks_within(start, end))


# A reporter told something by a source: "I'm told by one official ... that", "we were told by
# Ana Mol that".
_TOLD_BY = re.compile(
    r"\b(?:I['’]m|I\s+am|I\s+was|I['’]ve\s+been|I\s+have\s+been|[Ww]e['’]re|[Ww]e\s+were|"
    r"[Ww]e['’]ve\s+been|[Ww]e\s+have\s+been)\s+(?:also\s+)?told\s+by\s+(?P<src>[^,~;]{2,80}?)"
    r"\s+that\s+"
)


# "told a Senate Foreign Relations subcommittee the administration places ...": a body that heard
# them, then a clause that opens with its own subject and soon has its verb (not "told the crowd a
# story", nor "told the conference organisers the hall was small").
_TOLD_A_BODY = re.compile(
    r"\s+(?:a|the)\s+(?:[A-Z][\w.'’-]*\s+){0,4}(?:[a-z]+\s+)?(?:subcommittee|committee|panel|"
    r"hearing|conference|forum|meeting|gathering|briefing|seminar|summit|audience|crowd|rally)"
    rf"{TIME},?\s+"
    r"(?=(?:the|it|he|she|they|we|there|this|its|his|her|their)\s+(?:[\w'’.-]+\s+){0,4}?"
    r"(?:[a-z]+s|[a-z]+ed|is|are|was|were|has|had|will|would|could|can|must|should|may|might)\b)"
)


def _reported_clause(
    article: Article, out: list, start: int, end: int, inherited: str | None = None
) -> None:
    """Paraphrase and anonymous-claim patterns within one clause of a sentence."""
    masked = article.masked
    s = masked[start:end]
    resolve = lambda a, b: resolve_phrase(article.entities, masked, start + a, start + b)  # noqa: E731

    match = re.search(
        r"\bciting\s+(?P<src>[^,~]+),\s*(?:reported|wrote|said|reports|says)\b"
        rf"{TIME}\s+(?:that\s+)?",
        s,
    )
    if match:
        source = resolve(match.start("src"), match.end("src"))
        speaker = source if source == ANON else resolve(0, match.start())
        _emit_after_source(article, out, start, end, match, speaker, 0.65)
        return
    match = _TOLD_BY.search(s)
    # "I'm told by one official in the delegation that Orsa asked ...": the passive's agent.
    speaker = match and resolve(match.start("src"), match.end("src"))
    if speaker:
        _emit_after_source(article, out, start, end, match, speaker, 0.6)
        return
    match = _PARENTHESIS.match(s)
    if match and MASK not in s[: match.start("att")]:
        # "The explanation, say people familiar with the trade, lies in ...": the attribution
        # in parenthesis after the subject; the claim is the sentence without it.
        speaker = resolve(match.start("spk"), match.end("spk"))
        _emit(
            article,
            out,
            start,
            end,
            speaker,
            article.printed(start + match.end("att"), start + match.end() - 2),
            0.65,
            (start + match.start("att"), start + match.end() - 1),
        )
        return
    match = re.match(
        r"^In (?P<spk>his|her|[^,~]{2,60}?['’]s?) (?:view|opinion|words|account|estimate|"
        r"assessment|judge?ment|telling|reading),\s*",
        s,
    )
    holder = match and next(
        (
            m.name
            for m in article.entities.within(start + match.start("spk"), start + match.end() - 1)
            if m.kind == "person"
        ),
        None,
    )
    if not match and MASK in s:
        # "For Mariam Keita, president of the Union ..., the closure is '...'": the quoted
        # words say the view is hers, not the reporter's.
        match = re.match(r"^For (?P<spk>[A-Z][^,~]{1,60}),(?:\s+[^,~]{1,100},)?\s*", s)
        holder = match and next(
            (
                m.name
                for m in article.entities.within(
                    start + match.start("spk"), start + match.end("spk")
                )
                if m.kind == "person" and m.start == start + match.start("spk")
            ),
            None,
        )
    if match and not holder and match["spk"] in {"his", "her"}:
        # "In his view, the tribunal route was '...'": whose view the pronoun says.
        pronoun = article.entities.within(start + match.start("spk"), start + match.end("spk"))
        holder = pronoun and resolve_pronoun(article.entities, pronoun[0])
    if holder:
        # "In Salk's view, the window is mostly about elections": whose view it is.
        _emit(
            article,
            out,
            start + match.end(),
            end,
            holder,
            article.printed(start, start + match.end() - 2),
            0.6,
        )
        return
    match = _LEADING_ACCORDING.match(s) or _TRAILING_ACCORDING.search(s)
    if match and match.start() and re.search(r"\b(?:said|says|told|tells)\b", s[: match.start()]):
        # '"They did not shout," she said, according to the report.', 'Arakawa said Tsukai "will
        # explain its position", according to the ministry': a report with its own speaker; the
        # source after it is only where it was found (not "senators have privately urged Harlan
        # to ..., according to people familiar": what the sources say was done).
        _reported_clause(article, out, start, start + match.start(), inherited)
        return
    speaker = match and resolve(match.start("spk"), match.end("spk"))
    if match and (speaker or match.start() == 0):
        # (A trailing "according to screenshots seen by this paper" names nobody: the sentence's
        # own verb of saying may still report it.)
        a, b = (match.end(), len(s)) if match.start() == 0 else (0, match.start())
        _emit(
            article,
            out,
            start + a,
            start + b,
            speaker,
            article.printed(start + match.start(), start + match.end()),
            0.7,
        )
        return
    match = _TRAILING_INVERTED.search(s)
    if (
        match
        and len(s[: match.start()].split()) >= 3
        and MASK not in s[: match.start()]
        and not SAY_RE.search(s, 0, match.start())
    ):
        # "An Iran with nuclear weapons would be intolerable, says a State Department official."
        speaker = resolve(match.start("spk"), match.end("spk"))
        if speaker:
            _emit(
                article,
                out,
                start,
                start + match.start(),
                speaker,
                article.printed(start + match.start() + 1, start + match.end()),
                0.65,
            )
            return
    match = _TRAILING_ATTRIBUTION.search(s)
    if (
        match
        and len(s[: match.start()].split()) >= 3
        and resolve(match.start("spk"), match.end("spk"))
        # An earlier verb of saying with its own clause ("X said that ..., Y said") is another
        # pattern's; "Kestria has recalled its ambassador ..., the ministry said" is not.
        and not re.search(
            rf"\b(?:{SAY})\b(?:(?:\s+[\w.-]+){{0,3}}?\s+that\b|\s*[,:~\"“])", s[: match.start()]
        )
    ):
        speaker = resolve(match.start("spk"), match.end("spk"))
        if MASK in s[: match.start()] and s.lstrip()[:1] in "\"“‘'":
            # '"We will not fail" to stave off aggression, he said': a quotation that the
            # reporter's sentence goes on from is the partial quote, and nothing more.
            return
        _emit(
            article,
            out,
            start,
            start + match.start(),
            speaker,
            article.printed(start + match.start("spk"), start + match.end()),
            0.65,
        )
        demand = _URGING_AFTER.search(s, match.start())
        if demand:
            # "..., spokesperson Liang Wenhao said Monday, urging the Ostravian side to 'correct
            # its wrong practice' without delay": what the speaker urged, as "urged X to" gives.
            _emit(
                article,
                out,
                start + demand.end(),
                start + len(s.rstrip(" .")),
                speaker,
                article.printed(start + match.start("spk"), start + demand.end()),
                0.6,
            )
        return
    match = re.match(
        r"^(?P<a>[^,~]{3,80}),\s*(?P<spk>[^,~]{1,40}?)\s+(?P<verb>said|says|added|"
        # The rest may quote the speaker's words: "The detentions, he said, were '...'".
        r"argued|argues|insisted|insists|believes),\s*(?P<b>(?=[^~]*[a-z][^~]*)[^\n]+)$",
        s,
    )
    if match and resolve(match.start("spk"), match.end("spk")):
        # An interrupted report: "Drenland, the embassy said, had offered ...".
        who, kind = speaker_kind(resolve(match.start("spk"), match.end("spk")), "paraphrase")
        attribution = article.printed(start + match.start("spk"), start + match.end("verb"))
        a, b = _clean_clause(article, start, start + match.end("a"))
        a += len(_CONNECTIVE.match(article.body, a, b)[0])  # "And those ambitions, Joseph said"
        c, d = _clean_clause(article, start + match.start("b"), end)
        first, rest = article.body[a:b], article.body[c:d]
        joined = re.match(r"(and|but)\s+", rest)
        if joined and _STARTS_A_SUBJECT.match(rest, joined.end()):
            # "A, Joseph said, but it was not exposed until ...": two statements.
            out.append(ExtractedQuote(" ".join(first.split()), kind, who, attribution, a, b, 0.55))
            c += joined.end()
            out.append(
                ExtractedQuote(
                    " ".join(article.body[c:d].split()), kind, who, attribution, c, d, 0.55
                )
            )
            return
        participle = re.match(rf"(?:{REPORTING})\s+that\s+", rest)
        if participle and MASK not in article.masked[a:b] and len(first.split()) >= 3:
            # "A, Austin said, noting that B": two statements, the second after its participle.
            out.append(ExtractedQuote(" ".join(first.split()), kind, who, attribution, a, b, 0.55))
            speaker = resolve(match.start("spk"), match.end("spk"))
            _emit(article, out, c + participle.end(), d, speaker, attribution, 0.55)
            return
        # "A, Joseph said, and would threaten ...": one statement, its verbs joined; "Against
        # any nation, he said, Iran could ...": an opening phrase keeps its comma.
        glue = ", " if not joined and _STARTS_A_SUBJECT.match(rest) else " "
        if MASK in article.masked[c:d]:
            # "The detentions, he said, were '...', and Sarnia had '...'": the words without
            # their marks, and a second subject after "and" a second statement.
            marks = _marks_within(article, c, d)
            second = re.search(r"[,~\"”’']\s+(?:and|but)\s+", article.masked[c:d])
            cut = c + second.start() + 1 if second else d
            if second and not _STARTS_A_SUBJECT.match(article.masked, c + second.end()):
                cut = d
            pieces = [(c, cut)] + ([(c + second.end(), d)] if cut < d else [])
            for index, (x, y) in enumerate(pieces):
                words = "".join(ch for i, ch in enumerate(article.body[x:y], x) if i not in marks)
                words = words.rstrip(" ,")
                text = " ".join((first + glue + words).split()) if index == 0 else words
                out.append(
                    ExtractedQuote(
                        " ".join(text.split()),
                        kind,
                        who,
                        attribution,
                        a if index == 0 else x,
                        y,
                        0.55,
                    )
                )
            return
        text = " ".join((first + glue + rest).split())
        out.append(ExtractedQuote(text, kind, who, attribution, a, d, 0.55))
        return
    quoted_as = _QUOTED_AS.search(s)
    if quoted_as and MASK not in s[: quoted_as.start()]:
        # "he is quoted by the state news agency as vowing government troops will press on":
        # the subject's words, as the agency reported them.
        speaker = resolve(0, quoted_as.start())
        if speaker:
            _emit(
                article,
                out,
                start + quoted_as.end(),
                end,
                speaker,
                article.printed(start, start + quoted_as.end()),
                0.55,
            )
            return
    passive = _PASSIVE_TOLD.search(s)
    if (
        passive
        and MASK not in s[: passive.start()]
        # "We were told it was fine": a speaker's own words in a transcript's turn.
        and not re.search(r"\b(?:[Ww]e|I)\s+$", s[: passive.start()])
        # "Ana Mol said the council was told ...": Mol's report, found by the main rule.
        and not SAY_RE.search(s, 0, passive.start())
    ):
        # "Powell was informed she would need a letter": told by someone the text leaves
        # unnamed, unless it names them ("was told by the minister that ...").
        speaker = resolve(passive.start("spk"), passive.end("spk")) if passive["spk"] else ANON
        _emit(
            article,
            out,
            start + passive.end(),
            end,
            speaker,
            article.printed(start + passive.start(), start + passive.end()),
            0.5,
        )
        return
    claim = CLAIM_BY.search(s)
    speaker = claim and resolve(claim.start("spk"), claim.end("spk"))
    if speaker:
        # "Pressed on claims by the opposition that the government had been '...', Hart said":
        # the claim is the claimant's; it runs to the comma that ends the phrase.
        comma = s.find(",", claim.end())
        _emit(
            article,
            out,
            start + claim.end(),
            start + (comma if comma != -1 else len(s)),
            speaker,
            article.printed(start + claim.start(), start + claim.end("spk")),
            0.55,
        )
    impersonal = IMPERSONAL_SAY.search(s)
    if impersonal and not SAY_RE.search(s, 0, impersonal.start()):
        # "At a meeting of the Security Council on Monday, it was noted that ...": said, by
        # nobody the text names (the meeting is where, not who).
        _emit_impersonal(article, out, start, end, impersonal)
        return
    if _main_reported(article, out, start, end, inherited):
        return
    match = re.search(
        r"\b[Ii]t(?:['’]s|\s+is|\s+was|\s+has\s+been|\s+had\s+been|\s+is\s+now)\s+(?:also\s+|widely\s+)?"
        r"(?:believed|understood|thought|learnt|learned|"
        r"assumed|expected|reported|rumoured|known)\b,?(?:\s*however,)?"
        # "It is widely assumed in the capital that ...": where it is assumed.
        r"(?:\s+(?:in|among|within|across|around|at)\s+[^,~]{1,40}?)?\s+"
        # "It is understood Senator Calloway will travel ...": "that" may be left out.
        r"(?:that\s+|(?=(?:the|a|an|he|she|they|it|[A-Z][\w'’-]+)\s+(?:[\w'’.-]+\s+){0,4}?"
        r"(?:will|would|is|was|are|were|has|had|could|may|might|plans?|intends?)\b))",
        s,
    )
    if match:
        _emit_impersonal(article, out, start, end, match)
        return
    match = re.search(
        r"\s(?:is|are|was|were)\s+(?:also\s+|widely\s+)?(?:believed|understood|"
        r"thought|said|reported|rumoured)\s+to\s",
        s,
    )
    if match:
        _emit(
            article,
            out,
            start,
            end,
            ANON,
            article.printed(start + match.start(), start + match.end() - 3),
            0.5,
        )


# "..., Defense Secretary Mattis said yesterday to reporters travelling with him as he left.": an
# attribution closing the sentence, with the circumstances of saying (never a that-clause).
_TRAILING_ATTRIBUTION = re.compile(
    # The speaker may carry a relative clause: ", a senior official, who spoke on condition of
    # anonymity because the contacts are confidential, said on Tuesday."
    # So may a name carry its apposition: ", John Colston, NATO's assistant secretary general for
    # defense policy, noted during ...".
    # (Not ", though she will not say on what": a conjunction opens a clause of its own.)
    r",\s*(?!\s|and\b|but\b|though\b|although\b|while\b|whereas\b|because\b|if\b|unless\b)"
    r"(?P<spk>[^,~]{1,80}?(?:,\s+who\b[^~;]{0,160}?,|"
    r",\s+(?:the|a|an|[A-Z][\w'’.-]*)\s[^,~;]{0,100}?,|"
    # ", Jeffrey Schloesser, commander of Combined Joint Task Force 101 told": a wire's apposition
    # whose closing comma is missing.
    r",\s+[a-z]+\s+of\s[^,~;]{0,100}?,?)?)\s+(?:also\s+)?"
    # "..., the Foreign Ministry has just announced.": a live report's present perfect.
    r"(?:(?:has|have|had)\s+(?:just\s+|now\s+|also\s+)?)?"
    r"(?:said|says|say|added|adds|announced|announces|"
    r"wrote|writes|claimed(?!\s+to\s+(?!(?:reporters|journalists)\b)[a-z])|claims(?!\s+to\s+[a-z])|reported|warned|warns|insisted|insists|"
    r"argued|argues|noted|"
    r"stressed|emphasi[sz]ed|explained|declared|acknowledged|admitted|conceded|maintained|"
    r"predicted|cautioned|confirmed|asserted|observed|"
    r"told\s+(?:(?:[A-Z][\w.]*\s+)?(?:reporters|journalists|lawmakers)|parliament|us|me|"
    r"the\s+[A-Z]\w+|[A-Z]\w+))"
    r"(?P<tail>(?:\s+(?:on|in|at|last|this|during|after|before|later|earlier|afterwards|"
    r"yesterday|today|tonight|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|to|as|when|while|with|"
    # "said here today", as American Forces Press Service copy has it.
    r"from|via|by|outside|inside|shortly|here|following|aboard|over(?!\s+\d)|"
    r"en(?=\s+route\b)|"
    # "told reporters June 21", as US government wire copy dates a remark.
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?=\s+\d{1,2}(?:,\s+\d{4})?(?:\s+(?:at|in|on|during|after|while|when|from)\b|"
    r"\s*[.!?]?$)))\b"
    r"(?:(?!\b(?:that|adding|saying|stating)\b)[^,~]){0,200})?)"
    # "..., the top government spokesman said Friday, calling the detention '...'": a naming
    # participle after the attribution (its quoted words are the partial quote's); "..., the
    # federation confirmed on Tuesday, making them the first side to ...": what it led to.
    r"(?:,\s+(?:calling(?!\s+(?:for|on|upon)\b)|describing|terming|branding|labell?ing|dubbing|"
    # ("..., spokesperson Liang Wenhao said Monday, urging the Ostravian side to ...": a demand.)
    r"urging|"
    # (Not ", making the case that ...", ", leaving open the possibility that ...": a claim.)
    r"making(?!\s+(?:the\s+case|clear|it\s+clear)\b)|leaving(?!\s+open\b)|bringing|ending|"
    r"raising|marking|putting)"
    r"\s[^;]{0,300}?)?"
    r"\s*[.!?]?$"
)


# A sentence's connective is the reporter's, not the speaker's: "And those ambitions ...".
_CONNECTIVE = re.compile(
    r"(?:(?:And|But|So|Yet)\s+|(?:Furthermore|Moreover|However|Also|Still|Meanwhile),\s+)?"
)
# A clause that opens with its own subject ("it was not", "Iran could", "the talks had").
_STARTS_A_SUBJECT = re.compile(
    r"(?:the|a|an|he|she|it|they|we|I|there|this|these|those|his|her|its|their|[A-Z][\w'’-]*)\s"
)
# The verb first: "..., says a State Department arms control official."
_TRAILING_INVERTED = re.compile(
    r",\s+(?:said|says|added|adds|warned|warns|insisted|insists|argued|argues)\s+"
    # "..., said Mass.": a service, not a speaker.
    r"(?!(?:Mass|Grace|Prayers?|Vespers|Matins)\b)"
    # Who, not what: a phrase with a verb of its own is the clause said ("..., who spoke on
    # condition of anonymity, said the party had opened talks").
    r"(?P<spk>(?!(?:[^,~;]*?\s)?(?:had|has|have|was|were|is|are|would|will|could|can|should|may|"
    r"might|must|did|does|do|need|needs|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|don['’]t|"
    r"doesn['’]t|won['’]t|can['’]t)\b)"
    r"(?:the|a|an|[A-Z])[^,~;]{1,80}?(?:,\s+(?:the|a|an)\s[^,~;]{1,80}?)?)"
    # "..., said a senior official, who spoke on condition of anonymity.": who they are.
    rf"(?:,\s+who\s(?!(?:also\s+)?(?:{SAY})\b)[^~;]{{1,160}}?)?{TIME}\s*[.!]?$"
)


def _after_last_mark(article: Article, start: int, end: int) -> int:
    """Where an attribution starts once any quotation earlier in the clause is left behind."""
    # Closing marks only: the apostrophe in "the paper’s editor" closes nothing.
    last = article.last_close_within(start, end)
    return last + 1 if last >= 0 and MASK in article.masked[start:last] else start


_QUOTED_AS = re.compile(
    r"\s(?:is|was|has\s+been|had\s+been|were|are)\s+(?:also\s+|widely\s+)?(?:quoted|cited)\s+"
    r"(?:by\s+[^,~]{1,80}?\s+)?as\s+(?:saying|vowing|warning|claiming|insisting|arguing|"
    r"stating|promising|predicting|telling\s+[^,~]{1,40}?)\s+(?:that\s+)?(?=\w)"
)
_PASSIVE_TOLD = re.compile(
    r"\b(?:was|were|had\s+been|has\s+been|have\s+been|is|are|being)\s+(?:also\s+)?"
    r"(?:told|informed|assured|warned|advised|reminded)\s+(?:(?:by\s+(?P<spk>[^,~]{1,60}?)\s+)?"
    r"that\s+|(?=(?:the|a|an|it|he|she|they|we|I|there|his|her|their|its|this|no)\s))"
)
# "acknowledged the missile broke apart": a subject, then a verb in the past.
_PAST_CLAUSE = re.compile(
    # (Not "noted the progress he saw", "saying the prayers the imam recited": a relative
    # clause's own subject.)
    r"\s+(?=(?:(?:the|a|an|its|his|her|their|this|these|those)\s+"
    r"(?:(?!(?:he|she|they|it|we|I|you|the|a|an|his|her|its|their|that|which|who)\s)[\w'’-]+\s+){0,4}?|"
    # "confirmed it carried out": a pronoun subject, then its verb.
    r"(?:it|he|she|they|we)\s+)"
    r"(?:[a-z]{3,}ed|broke|fell|took|made|gave|went|came|won|lost|left|sent|began|rose|"
    r"grew|hit|struck|shot|ran|led|met|held|kept|sold|paid|bought|fought|felt|thought|knew|"
    r"saw|found|became|stood|understood|meant)\b(?!\s+by\b))\w"
)
# A clause's subject and its verb, before a participle of saying ("Guinea's political leaders
# are rejecting that offer, saying ...").
_SUBJECT_ACTED = re.compile(
    # (After any opening clause: "When Governor Newsom signed the bill, landlords filed suit,".)
    r"(?:^|(?<=,))\s*((?:[\w'’.-]+\s+){1,5}?)(?:are|is|were|was|have|has|had|[a-z]{3,}ed)\b"
    r"[^~,]*,\s*$"
)
# What was expressed, before its clause: "the hope (that)", "his confidence that", "fears that".
_HOPE_THAT = re.compile(
    r"\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+|some\s+)?(?:hope|hopes|confidence|belief|"
    r"conviction|fear|fears|optimism|expectation)(?:\s+that)?(?=\s)"
)
# A sentence's opening clause, before its subject: "When Governor Newsom signed the bill, ".
_OPENING_CLAUSE = re.compile(
    r"\s*(?:When|After|As|While|If|Because|Although|Though|Since|Before|Once|Until|Despite)\b"
    r"[^,~]*,"
)
# A subject and a common verb in the present: "the military's repression of dissent makes ...".
_PRESENT_CLAUSE = re.compile(
    r"\s+(?=(?:(?:the|a|an|its|his|her|their|this|these|those)\s+"
    r"(?:(?!(?:he|she|they|it|we|I|you|the|a|an|his|her|its|their|that|which|who)\s)[\w'’-]+\s+){0,5}?|"
    r"(?:it|he|she)\s+)"
    r"(?:makes|remains|poses|needs|means|shows|proves|threatens|undermines|violates|"
    r"represents|requires|deserves|seems|appears|puts|leaves|risks|helps|amounts|lacks|"
    r"contradicts|reflects|marks|sends|wants|hopes|supports|opposes)\s+[\w~\"“‘'])\w"
)
_NOTING = {
    # "The European Union estimates voter turnout was about 60 percent": a clause with a verb.
    "estimated",
    "estimates",
    "noted",
    "notes",
    "predicts",
    "stresses",
    "explains",
    "states",
    "asserts",
    "suggests",
    "stressed",
    "explained",
    "acknowledged",
    "conceded",
    "admitted",
    "suggested",
    "predicted",
    "maintained",
    "maintains",
    "stated",
    "asserted",
    "considers",
    "considered",
    "confirmed",
    "confirms",
    "admits",
    "acknowledges",
    "concedes",
}
# "without saying a word", "famous for saying very little": a gerund, no report.
_NOT_SAYING_BEFORE = re.compile(r"\b(?:without|for|of|after|before|from|about|avoid|avoided)\s+$")
_SAYING = {
    "saying", "stating", "arguing", "warning", "insisting", "claiming", "asserting",
    "acknowledging", "conceding", "admitting", "confirming",
    # "adding the United States is proud to ...": a clause with an auxiliary verb only (below).
    "adding",
}  # fmt: skip
# The auxiliaries and modals whose presence makes a clause finite.
_AUXILIARY = r"was|were|is|are|had|has|have|would|will|could|should|must|might|may|can|did|does"
_FINITE_CLAUSE = re.compile(
    # "notes U.S. air-strikes have been hammering ...": an abbreviation's stops are in a word.
    rf"\s+(?=(?:[\w'’.-]+\s+){{0,6}}?(?:{_AUXILIARY})\b)"
    r"(?!(?:the\s+)?(?:[a-z]+ly|to|of|for|with|by|about|in|on|at|when|while|after|before|as|if)\b)\w"
)
# After "said that": a verb straight away means "that" is the clause's subject, not a conjunction.
_THAT_AS_SUBJECT = re.compile(
    r"(?:was|is|were|are|had|has|would|will|could|should|may|might|must|seems|seemed|means|"
    r"meant|did|does|remains|remained)\b"
)
# Whom a speaker told, then the told clause itself: it opens with a subject.
_TOLD_OBJECT = re.compile(
    r"\s+(?:me|us|him|her|them|(?:[A-Z][\w-]*\s+)?(?:reporters|journalists|lawmakers)|parliament|"
    # "told his cabinet, the government is ...".
    r"(?:his|her|their|its)\s+(?:cabinet|party|supporters|colleagues|ministers|generals|troops|"
    r"followers|audience|aides|advisers|lawmakers|parliament|congress|deputies|members)|"
    # "told Radio Motuhina's Dawn Report": a programme of a broadcaster.
    r"(?:the\s+)?[A-Z][\w-]*(?:['’]s)?(?:\s+[A-Z][\w-]*(?:['’]s)?)*|"
    # "told state television", "told the local newspaper".
    r"(?:state|national|public|local)\s+(?:television|radio|media|broadcaster)|"
    r"(?:a|the)\s+(?:[a-z]+\s+)?(?:newspaper|daily|channel|broadcaster|news\s+agency))"
    rf"{TIME},?\s+"
    # "told reporters after meeting today with Czech leaders he's confident": when, first.
    # (Only a participle's clause: not "during the visit she made to Gaza".)
    r"(?:(?:after|before|following|during)\s+[a-z]+ing\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?=(?:he|she|it|they|we|I)\b)"
    # "told me before we started recording that she'd ...": the clause after its "that".
    r"|(?:after|before|following|during|when|while)\s+(?:[\w'’-]+\s+){1,8}?that\s+)?"
    r"(?=(?:the|a|an|it|he|she|they|we|I|there|there['’]s|his|her|their|its|this|no|none|every|"
    r"all|at\s+least|some|many|several|most|more\s+than|\d[\d,.]*|two|three|four|five|six|"
    r"seven|eight|nine|ten|dozens|hundreds|thousands|both)\b"
    # "tells VOA allied forces will intercept ...": a subject, then its verb soon after.
    rf"|(?:[\w'’.-]+\s+){{1,5}}?(?:{_AUXILIARY})\b)"
)
# "Little said Hagel also stated that ...", "Belida reports Mr. Savimbi warns if ...".
_INNER_REPORT = re.compile(
    rf"([A-Z][^,~]{{0,40}}?)\s+(?:also\s+)?(?:(?:{SAY})\s+that\s|"
    # Without "that", only the present of a live report: "had argued" is the outer speaker's.
    r"(?:says|warns|insists|argues|claims|adds|notes|believes|maintains|stresses|contends)\s)"
)
_INNER_UNNAMED = re.compile(r"([A-Z][^,~]{0,40}?)\s+(?:said|say|says|believe|believed)\s")
# A clause with a finite verb within a dozen words ("their five-year-long struggle to oust
# President Bashar al-Assad will go underground"), not an object ("11 new ministers").
_FINITE_SOON = re.compile(rf"\s+(?=(?:[\w'’.-]+\s+){{0,12}}?(?:{_AUXILIARY}|do)\b)")
# After "that", a verb of doing straight away ("that do not understand"): a relative clause.
_DOES = re.compile(r"(?:do|does|did|don['’]t|doesn['’]t|didn['’]t|have|can|cannot)\b")
# An aside in commas straight after "said", then a clause with its own subject and verb.
_ASIDE_FIRST = re.compile(
    r",\s+(?=(?:as|in|at|during|after|before|following)\s[^,~]{1,60},\s+"
    rf"(?:the|a|an|it|he|she|they|we|[A-Z][\w.'’-]*)\b(?:\s+[\w'’.-]+){{0,6}}?\s+"
    rf"(?:{_AUXILIARY}|[a-z]+ed)\b)"
)
# What may come between a verb of saying and its "that": when, where, to whom, how.
_ADVERBIAL = re.compile(
    r"(?:on|in|at|to|during|after|before|last|this|earlier|later|again|also|yesterday|today|"
    r"repeatedly|publicly|privately|reporters|journalists|me|us|him|her|them|[A-Z])\b"
)
_VERB_RE = re.compile(
    rf"\b(?:{SAY}|called|(?P<ing>{REPORTING}|calling(?=\s+(?:on|upon)\s)|urging(?=\s+[\w'’.-]))|(?P<hope>expressed|expresses|voiced|voices)|"
    r"(?P<desc>described|describes|dismissed|dismisses|"
    r"characteri[sz]ed|characteri[sz]es|portrayed|portrays))\b"
)
# "described the exiles' demands as unrealistic": the object and its characterisation (without
# quotation marks; with them the quoted words are the partial quote and nothing more).
_AS_PREDICATE = re.compile(r"\s+[^~,;:]{1,80}?\s+as\s+(?!(?:well|soon|long|much|far|if)\b)[a-z]")
# What follows "said" when it is the circumstances of saying, not what was said ("said when
# asked about the summit", "said after a vigil", "said, speaking to reporters").
_NOT_A_CLAUSE = (
    # "say at least 50 people", "said about 100 people": a number opens the clause.
    r"(?:to|of|for|against|with|by|about(?!\s+\d)|on|at(?!\s+least\b)|when|while|whilst|after|"
    # "says goodbye to Westminster", "said sorry": an act, not a claim.
    r"goodbye|farewell|sorry|thanks|hello|"
    # "said little and spent the meeting listening": how much, not what.
    r"little|nothing|(?:very\s+)?much\s+(?:else|more)|"
    # "said in some countries, there is real concern": where the claim holds opens it.
    r"in(?!\s+(?:some|many|most|several|certain|other|a\s+few|a\s+number\s+of)\s+"
    r"(?!(?:speeches|interviews|statements|remarks|posts|articles|meetings|letters)\b)[a-z]+,\s)|"
    r"before|during|outside|amid|amidst|"
    r"inside|without|because|since|following|upon|until|from|through|via|afterwards|shortly|"
    # "says as long as people are dying, dialogue is needed": a condition starts a claim.
    r"as(?!\s+(?:long|soon|many|much)\s+as\b)|"
    # "said in a statement posted on its website": the statement's, not a claim.
    r"posted|published|released|issued|broadcast|aired|carried|sent|read|signed|"
    # "said there" is where, but "said there was ..." is what: an existential clause.
    # "said this while addressing the weekly briefing": what was said is elsewhere.
    r"this(?=\s+(?:while|when|at|in|during|on|after|before|as|to)\b)|"
    r"just|here|there(?!\s+(?:is|are|was|were|had|has|have|would|will|could|might|may|"
    # "said if elected he would ...": a conditional claim is a claim, so "if" is not here.
    r"should|must|seems?|appears?|remains?)\b)|then|so|but|and|although|though|where|"
    # "did not say whether ...": an open question is nobody's claim.
    r"whether|why|how|what|who|which|"
    r"late|early|"
    # "she said later in the same speech": when, not what.
    r"later|earlier|again|also|too|repeatedly|yesterday|today|tonight|once|twice|privately|"
    r"publicly|separately|recently|afterwards|briefly|simply|only|"
    # "said, speaking to ..." is how, but "said lifting the sanctions would cut prices" is what.
    # (Also after an aside in commas: "says avoiding Tashkent on the trip, the first by ...,
    # was an obvious decision".)
    # (Not a relative clause's verb inside the aside: "said speaking in Paris, where the summit
    # was held, that ...".)
    r"\w+ing\b(?!(?:(?:\s+[\w'’-]+){0,8}?|[^,~]{1,80},\s+(?!(?:where|which|who|whom|whose|when)\b)"
    r"[^,~]{1,80},)\s+(?:would|will|is|was|has|had|could|can|should|"
    # '"said counting in several districts "lacked transparency"': the verb in the quote.
    r"must|might|may|does|did|are|were)\b|(?:\s+[\w'’-]+){1,8}?\s+[\"“‘']?~))\b"
)


# Something added to a list, not words added to a statement.
_ADDED_TO = re.compile(
    r"\s+(?:(?!(?:would|will|was|were|is|are|had|has|have|could|should|must|may|might|"
    r"can)\b)[\w'’.-]+\s+){1,6}?to\s+(?:its|their|his|her|the|a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:list|lists|roster|register|blacklist|portfolio|squad|fleet|collection|agenda|tally)\b"
)
# A letter's verb before "urging": "wrote to ...", "sent a letter to ...".
_WROTE = re.compile(r"\s+(?:also\s+)?(?:wrote|writes|sent|sends)\b")
_AND_A_SUBJECT = re.compile(
    r"(?:,|(?<=~)[\"”’'],?)\s+(?:and|but|while)\s+(?=(?:an?|the|one|two|[A-Z])\b)"
)
_URGING_AFTER = re.compile(r",\s+urging\s+(?:[\w'’.-]+\s+){1,8}?(?:not\s+)?to\s+")
_SAID_THEN = re.compile(r"(?:^|,)\s+([^,~]{3,120}?)\s+(?:said|says|added)\b[^,~]{0,40},?\s*$")
# A relative clause's opening word before its subject.
_RELATIVE_OPENING = re.compile(r"[\s,]*(?:where|whereas)\s+")


# A verdict on a claim named by a noun ("Harsen's claim that ... is false").
_JUDGED = re.compile(
    r"[\"”’']?\s+(?:is|was|are|were)\s+(?:not\s+|also\s+|only\s+|partly\s+|mostly\s+)?"
    r"(?:false|true|wrong|misleading|correct|accurate|inaccurate|exaggerated|unfounded|baseless|"
    r"half-true|untrue|disputed|contested)\b"
)
# The subject's next act, not what they said: ", and declined to ...", "but would not say".
_NEXT_DEED = re.compile(
    r"(?:,|(?<=~)[\"”’'],?)?\s+(?:and|but)\s+(?:(?:he|she|they|it)\s+)?(?:then\s+)?"
    r"(?:declined|refused|declines|refuses|did\s+not|didn['’]t|"
    # "but would not say": a refusal to tell; "but would not accept lectures" is what was said.
    r"(?:would\s+not|wouldn['’]t|could\s+not)\s+(?:say|comment|elaborate|discuss|confirm|"
    r"answer|give|reveal|disclose|specify|identify|name|speculate|be\s+drawn)|"
    r"walked|left|stopped\s+short)\b"
)


_ASIDE = re.compile(
    r"\s[—–]\s+(?=(?:the|a|an|which|one|just|only|days?|hours?|weeks?|months?|years?|shortly|"
    r"something|hardly|not long)\b)"
)


# A verb of saying, or a participle with a subject of its own ("with opposition factions saying
# ..., and the government insisting ...": the second subject's clause).
_SAY_OR_PARTICIPLE = re.compile(rf"\b(?:{SAY}|{REPORTING})\b")
# Verbs of saying tried per clause: a real sentence has a few; hostile text has thousands.
_MOST_VERBS = 12


# Where a relative clause on the subject closes ("Anouka, who says ..., spoke to"): a comma, then
# the sentence's own verb.
_RELATIVE_CLOSED = re.compile(
    r",\s+(?:also\s+|then\s+|later\s+)?(?:(?!(?:need|seed|speed|feed|bed|red|shed)\b)[a-z]+ed|"
    r"spoke|told|said|says|has|have|had|is|was|were|will|would|can|could|met|led|took|gave|went|"
    r"came|made|sat|became|won|ran|left|wrote|began|flew)\b"
)


def _main_reported(
    article: Article, out: list, start: int, end: int, inherited: str | None
) -> bool:
    """SPEAKER VERB (that) CLAUSE, cutting the clause where another speaker takes over."""
    masked = article.masked
    sentence_end = end
    for tried, verb in enumerate(_VERB_RE.finditer(masked, start, end)):
        if tried >= _MOST_VERBS:
            break  # a run-on text of "said said said ...": no sentence reports this often
        name = verb.group()
        phrase = masked[start : verb.start()]
        if name == "asked" and (
            re.search(r"\b(?:was|were|been|being|is|are|be|get|got)\s+$", phrase)
            or not _ASKED_TO.match(masked, verb.end(), end)
        ):
            continue  # a question, or someone asked: only "asked lawmakers to delay" reports
        if re.search(r"\b(?:that|which|who|what)\s+(?:it|he|she|they|we|officials)\s*$", phrase):
            continue  # a relative clause ("photographs that it said showed")
        if re.search(r"\b(?:the|a|an|its|his|her|their|this|our|my|your|whose)\s+$", phrase, re.I):
            continue  # a noun ("the claim that", "their warn..."), not a verb
        if name == "estimated" and re.search(r"['’]s\s+$", phrase):
            continue  # "Kenya's estimated population": an adjective
        if re.search(
            r"\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|disputed|disputes|"
            r"refuted|refutes)\s+(?:[\w'’-]+\s+){0,4}$",
            phrase,
        ):
            continue  # "denied Tamil Tiger rebel claims that ...": the claims are a noun
        if re.search(
            r"\b(?:chance|opportunity|right|attempt|effort|bid|time|reason|want|wants|wanted|"
            r"tried|trying|hope|hopes|hoped|able|unable|free|allowed)\s+to\s*$",
            phrase,
        ):
            continue  # "a chance to argue that ...": what someone might say, not what they said
        rest = masked[verb.end() : end]
        if name in {"claimed", "claims", "claim"} and re.match(
            r"\s+(?:responsibility|credit)\b", rest
        ):
            continue  # "claimed responsibility for the attacks that killed ...": a deed owned
        if name in {"added", "adds", "add"} and _ADDED_TO.match(rest):
            continue  # "added Marovia Ocean Lines to its list of sanctioned entities": a deed
        complement = None
        # The nearest "that": "said that A and that B" is one clause, not a skip to the second.
        # "acknowledged, however, that": a sentence adverb in commas comes between.
        that = re.match(
            r"^(?:,?\s*(?:however|though|too|nevertheless|nonetheless|moreover|again|also|"
            # An abbreviation's full stop ("told U.S. troops that") ends no sentence.
            r"for\s+(?:his|her|its|their)\s+part),)?\s(?:(?P<skip>(?:[^,~.]|(?<=[A-Z])\.){0,70}?"
            # "said last year, when you left the job, that": an aside in commas comes between.
            # "acknowledged that, so far, only ...": an aside may open the clause.
            r"(?:,\s[^,~.]{1,60},)?)\s)??that(?=,\s[^,~.]{1,30},\s)?,?\s",
            rest,
        )
        if that is None and name in {"told", "tells"}:
            # 'She told "Capitol Sunday" that there was ...': a programme's name in marks.
            that = re.match(
                # ('told CNN's "Late Edition" program that ...')
                r"^\s(?P<skip>(?:[A-Z][\w.]*['’]s\s+)?[\"“]~{1,60}[\"”]"
                r"(?:\s+(?:program|programme|show))?)\sthat,?\s",
                rest,
            )
        told = name in {"told", "tells", "tell"} and (
            _TOLD_OBJECT.match(rest) or _TOLD_A_BODY.match(rest)
        )
        if (
            that
            and not told
            and re.match(r"(?:a|an)\s", that.group("skip") or "")
            and name not in {"told", "tells", "tell", "warned", "warns", "assured", "informed"}
        ):
            that = None  # "saying a prayer that marks ...": a thing said, then its relative clause
        if (
            that
            and not verb.group("hope")
            and not re.search(
                # "warns if the government does not show that ...": the "that" is a later clause's;
                # an aside in commas on how it was said ("in a message posted on social media") is
                # not.
                r"\w{3,}ed\b|\b(?:was|were|is|are|had|has|would|could|will|does|do|did|if|unless)\b"
                # "said he wants to return and that he is counting on ...": two clauses, the first
                # no aside.
                r"|\b(?:and|but)$"
                # "say the levy reflects a shift ... that": a clause of its own before the "that".
                r"|\b(?:the|a|an|this|its)\s+(?:[a-z]+\s+){0,2}?[a-z]+s\s+(?:a|an|the|to|its|his|her|"
                r"their)\b",
                # How or where it was said ("in a message posted on social media", "in a statement
                # released late Friday") is no clause of its own.
                re.sub(
                    rf"(?:,\s)?(?:in|on|at|during|via|through)\s(?:a|an|the|his|her|its|their)\s"
                    rf"(?:[\w-]+\s){{0,2}}?(?:{_OCCASION})\b[^,]*,?$",
                    "",
                    that.group("skip") or "",
                ),
            )
        ):
            complement = verb.end() + that.end()
            skipped = that.group("skip") or ""
            if _THAT_AS_SUBJECT.match(masked, complement, end) or _DOES.match(
                masked, complement, end
            ):
                if skipped and not _ADVERBIAL.match(skipped):
                    # "says private organizations that do not understand ... are defending":
                    # "that" opens a relative clause in the subject of a bare complement.
                    complement = verb.end() + that.start("skip")
                else:
                    complement -= 5  # 'said that was "more than we managed"': "that" is subject
        elif told:
            # "told me the two delegations had agreed", "tells VOA's James Butty, he won".
            complement = verb.end() + told.end()
        elif verb.group("hope"):
            # "expressed the hope they could find a solution", "voiced confidence that the deal
            # would hold": the hope's clause (not "expressed concern about the violence").
            hope = _HOPE_THAT.match(rest)
            clause = hope and (
                _FINITE_CLAUSE.match(rest, hope.end())
                or _PAST_CLAUSE.match(rest, hope.end())
                or _PRESENT_CLAUSE.match(rest, hope.end())
            )
            complement = verb.end() + clause.end() - 1 if clause else None
        elif verb.group("desc"):
            described = _AS_PREDICATE.match(rest)
            later = masked[verb.end() : end]
            clause = re.split(r",?\s+(?:and|but)\s+", later, maxsplit=1)[0]
            if described and MASK not in clause:
                complement = verb.end() + 1
        elif name in {"calling", "urging"}:
            # "..., calling on the international community to 'shoulder its ...'": the demand,
            # after a report of the same speaker's (not "was in Nyeri, calling on local elders to
            # drum up support": a visit).
            # "wrote to the organization urging it to examine ...": the same after a letter.
            on = r"(?:on|upon)\s+" if name == "calling" else ""
            demand = re.match(rf"\s+{on}(?:[\w'’.-]+\s+){{1,8}}?(?:not\s+)?to\s+", rest)
            reporting = inherited or ANY_VERB_RE.search(
                masked, article.sentence_at(verb.start())[0], verb.start()
            )
            complement = verb.end() + demand.end() if demand and reporting else None
        elif verb.group("ing"):
            # "..., adding the ..." is not reported speech; "adding that" is, and so is
            # "saying Okafor was using the war": a subject and a finite verb straight after.
            bare = (
                name in _SAYING
                and not _NOT_SAYING_BEFORE.search(phrase)
                and (
                    _FINITE_CLAUSE.match(rest)
                    # "saying the repression made dialogue impossible", "saying the military's
                    # repression of dissent makes dialogue impossible": a lexical verb (not
                    # "adding the figures rose": what is added may be a thing).
                    or (name != "adding" and _PAST_CLAUSE.match(rest))
                    or (name != "adding" and _PRESENT_CLAUSE.match(rest))
                    # 'saying Tuesday's attack and a reported airstrike ... "further underscore"':
                    # the clause's verb inside the quotation that ends it.
                    or (
                        name != "adding"
                        and re.match(
                            r"\s+(?!(?:of|about|against|over|on|for|to|with)\b)"
                            r"(?=(?:[\w'’.-]+\s+){1,24}?[\"“‘']~)(?=[\w\"“‘'])",
                            rest,
                        )
                    )
                )
            )
            complement = verb.end() + bare.end() - 1 if bare else None
        elif name in _NOTING:
            # "He noted instead it would be up to ...": a clause with a finite verb, not an
            # object ("noted the progress").
            adverbs = re.match(r"(?:\s+(?:instead|also|again|though|however|too))*", rest)
            bare = _FINITE_CLAUSE.match(rest, adverbs.end()) or _PAST_CLAUSE.match(
                rest, adverbs.end()
            )
            complement = verb.end() + bare.end() - 1 if bare else None
        elif name in {"promised", "pledged", "vowed", "offered", "threatened"}:
            inf = re.match(rf"^{TIME}\s+to\s", rest)
            complement = verb.end() + inf.end() if inf else None
        elif name in {"urged", "asked"}:
            # "urged both parties to 'seize this moment'": what they are to do, not whom.
            to = re.match(
                r"\s*(?!by\b)(?:(?!(?:and|but|or|said|in|on|at|for|of|with|during|after|before|"
                r"over|whether|if|why|how|what|who)\b)[\w'’.-]+\s+){1,5}?(?:not\s+)?to\s+",
                rest,
            )
            complement = verb.end() + (to.end() if to else 1)
        elif name == "called":
            # "called for al-Sayegh to step aside", "called on the council to act": a demand.
            # The demand: what those called on are to do ("called on the council to act"), or
            # what is called for ("called for the minister to resign", "for an inquiry").
            demand = re.match(
                rf"{TIME}(?:\s+(?:on|upon)\s+(?:[\w'’.-]+\s+){{1,8}}?(?:not\s+)?to\s+(?=[a-z~\"“‘'])"
                r"|\s+for\s+(?=(?:[\w'’.-]+\s+){1,8}?(?:not\s+)?to\s+[a-z~\"“‘'])"
                r"|\s+for\s+(?=(?:an?|the|any|new|more|fresh|further|immediate|urgent)\s))",
                rest,
            )
            complement = verb.end() + demand.end() if demand else None
        elif name in _URGING:
            # "advised the parties to exercise ...": someone told to do something; not "advised
            # the navy until 2021" (a job) nor "was advised by" (a passive).
            told_to = re.match(r"\s*(?!by\b)(?:[\w'’-]+\s+){1,5}?(?:not\s+)?to\s", rest)
            complement = verb.end() + 1 if told_to else None
        elif name in {
            "said",
            "says",
            "say",
            "added",
            "argued",
            "argues",
            "insisted",
            "insists",
            "warned",
            "claimed",
            "warns",
            "warn",
            "argue",
            "claim",
            "contend",
            "contends",
            "predict",
            "believe",
            "believed",
            "suggest",
            "suggests",
            "believes",
            "indicated",
            "indicates",
            "signaled",
            "signalled",
            "signals",
            "hinted",
            "hints",
        }:
            # 'said "serious differences" exist': the clause may open with a quoted fragment.
            bare = re.match(rf"^{TIME}\s+(?!{_NOT_A_CLAUSE})[\w\"“‘']", rest)
            if (
                bare
                and name in {"added", "adds", "claim", "argue", "contend", "predict", "warn"}
                and rest[bare.end() - 1] not in "\"“‘'"
                and not _FINITE_SOON.match(rest, bare.end() - 2)
                and not _PAST_CLAUSE.match(rest, bare.end() - 2)
                # "added inflation fell sharply": a clause; "added 11 new ministers", "claim a
                # much lower death toll": an object.
                and re.match(
                    r"\s*(?:\d|(?:a|an|another|more|new|two|three|several|some|its|his|her|their)\s)",
                    rest[bare.end() - 1 :],
                )
            ):
                bare = None  # "added 11 new ministers to his cabinet": something added, not said
            if (
                bare
                and name.startswith("warn")
                and re.match(r"\s+(?:[\w'’-]+\s+){1,3}?(?:against|of|about)\b", rest)
            ):
                bare = None  # "warned other capitals against ...": whom, not what
            complement = verb.end() + bare.end() - 1 if bare else None
            aside = None if bare else _ASIDE_FIRST.match(rest)
            if aside and name in {"said", "says", "added", "adds"}:
                # "Mr. Boucher said, as part of a review of Burma policy, the administration has
                # decided ...": an aside, then the clause (the aside is the speaker's too).
                complement = verb.end() + aside.end()
        if complement is None:
            continue
        inner = _INNER_REPORT.match(masked, complement, end)
        if inner and resolve_phrase(article.entities, masked, inner.start(1), inner.end(1)):
            # "Little said Hagel also stated that ...": the words are Hagel's.
            return _main_reported(article, out, complement, end, inherited)
        inner = _INNER_UNNAMED.match(masked, complement, end)
        if inner and resolve_phrase(article.entities, masked, inner.start(1), inner.end(1)) == ANON:
            # "told VOA that American officials said the U.S. ...": the officials' words.
            return _main_reported(article, out, complement, end, inherited)
        # A subject sits near its verb: a bounded look back keeps the work per verb constant in a
        # run-on text of thousands of "said".
        subject_start = max(start, verb.start() - 400)
        joined = list(
            re.finditer(
                # ", and seen by The Ledger,": a participle's agent is no subject of its own.
                r",\s+(?:and|but|while|whereas)\s+(?!(?:[a-z]+ed|seen|sent|written|given|"
                r"shown|made|read|held)\s+(?:by|to)\b)",
                phrase,
            )
        )
        if joined and resolve_phrase(
            article.entities, masked, start + joined[-1].end(), verb.start()
        ):
            # "A paper carried the headline ..., and its editor, Ana Mol, wrote that ...": the
            # subject of the last of two joined clauses is who reports.
            subject_start = start + joined[-1].end()
        shared = re.search(r"~?[\"”’']?\s+(?:and|but)\s+(?:also\s+)?$", phrase)
        earlier = shared and ANY_VERB_RE.search(masked, subject_start, start + shared.start())
        if earlier and earlier.start() > subject_start:
            # "It describes Arvani as '...' and recommends that ...": one subject, two verbs.
            subject_end = earlier.start()
        else:
            subject_end = verb.start()
        opening = verb.group("ing") and _OPENING_CLAUSE.match(phrase)
        if opening:
            # "When Governor Newsom signed the bill, landlords filed suit, saying ...": the
            # participle hangs from the main clause, not from the opening one.
            subject_start = max(subject_start, start + opening.end())
        relative = _RELATIVE_OPENING.match(masked, subject_start, subject_end)
        if relative:
            # "the events in Andijan, where human rights activists say ...": who says it follows.
            subject_start = relative.end()
        if name == "urging":
            # "Forty senators wrote to President Ana Ruiz urging her to veto ...": the writers,
            # not whom they wrote to; and only after a letter ("said the plan would fail, urging
            # lawmakers to reject it" is one clause, its own words).
            letter = _WROTE.search(masked, subject_start, subject_end)
            said_first = _SAID_THEN.search(masked, subject_start, subject_end)
            if letter:
                subject_end = letter.start()
            elif said_first:
                # "..., spokesperson Liang Wenhao said Monday, urging the Ostravian side to ...":
                # the demand after a trailing attribution, the same speaker's.
                subject_start, subject_end = said_first.span(1)
            else:
                continue
        speaker = resolve_phrase(article.entities, masked, subject_start, subject_end)
        acted = verb.group("ing") and speaker is None and _SUBJECT_ACTED.search(phrase)
        if acted:
            # "Guinea's political leaders are rejecting that offer, saying ...": the subject of
            # what they did is who says it (an unnamed group names nobody in the whole phrase).
            speaker = resolve_phrase(
                article.entities, masked, start + acted.start(1), start + acted.end(1)
            )
        if speaker is None and not phrase.strip(" ,"):
            speaker = inherited
        if speaker is None:
            sentence_start, _ = article.sentence_at(start)
            if sentence_start == start:
                continue
            speaker = inherited
        if speaker is None:
            continue
        clause_end = end
        # "..., adding that ...", "..., calling on the council to ...": the same speaker's next
        # clause, reported on its own.
        also = re.search(
            # ('"within weeks, not months," noting that': after a quotation's closing mark too.)
            rf"(?:,|(?<=~)[\"”’'],?)\s+(?:(?:later|also|then)\s+)?"
            rf"(?:(?:{REPORTING})\s+that|calling\s+(?:on|upon))\s",
            masked[complement:end],
        )
        if also:
            end = complement + also.start() + 1
            clause_end = end - 1
        # Another reporting verb after a comma starts a new speaker's clause.
        for later in _SAY_OR_PARTICIPLE.finditer(masked, complement, end):
            if re.search(
                r"\b(?:the|a|an|its|his|her|their|this|that|was|were|been|being|is|are|be)\s+$",
                masked[later.start() - 8 : later.start()],
            ):
                # "the announced results": a participle as an adjective; "had been asked": a
                # passive. Neither is a new speaker's verb.
                continue
            comma = masked.rfind(",", complement, later.start())
            if comma == -1 or len(masked[comma : later.start()].split()) > 9:
                continue
            who = masked[comma + 1 : later.start()]
            who = re.sub(r"^\s*(?:and|but|while|hours after|after|as|where)\b", "", who)
            if later.group().endswith("ing") and not who.strip():
                continue  # "..., adding ...": the same speaker's participle
            if not who.strip():
                # "said the ad twists his words, and a Halvorsen aide, who spoke on condition of
                # anonymity, said ...": the second speaker's phrase opens at "and".
                joined = list(_AND_A_SUBJECT.finditer(masked, complement, comma))
                if joined and resolve_phrase(
                    article.entities, masked, joined[-1].end(), later.start()
                ):
                    clause_end = joined[-1].start()
                    break
            other = resolve_phrase(
                article.entities, masked, later.start() - len(who), later.start()
            )
            if not who.strip() or (
                other
                # A place named inside the clause ("on January 17, Washington announced") is
                # no new speaker; a person or an unnamed source is.
                and (
                    other == ANON
                    or article.entities.within(later.start() - len(who), later.start())
                )
            ):
                clause_end = comma
                break
        again = re.search(
            # "... and warned of ...", but not "are defending the rebels and calling for talks".
            rf",?\s+(?:and|but)\s+(?:(?:he|she|they|it|we|to)\s+)?(?:also\s+)?(?!\w+ing\b)"
            rf"(?:{SAY}|{FRAGMENT})\b",
            masked[complement:clause_end],
        )
        if again:
            # "said the vote was free but warned of ...": the same speaker's next statement.
            clause_end = complement + again.start()
        quoting = re.search(
            rf",?\s+(?:{REPORTING})[,:]?\s*(?=[~\"“‘'])", masked[complement:clause_end]
        )
        if quoting:
            # "had underestimated the militants saying, '...'": a quotation the participle
            # introduces is a statement of its own, no part of the clause.
            clause_end = complement + quoting.start()
        judged = re.search(r"['’]s\s+$", phrase) and _JUDGED.search(masked, complement, clause_end)
        if judged:
            # "Harsen's claim that Vellmark pays more is false": the claim, not the verdict.
            clause_end = judged.start()
        mine = re.search(r",\s+(?:and|but)\s+I\s", masked[complement:clause_end])
        if mine:
            # "assured me that the Council stands with us, and I believe her": the narrator's own.
            clause_end = complement + mine.start()
        deed = _NEXT_DEED.search(masked, complement, clause_end)
        if deed:
            # "said the drills were routine, and declined to comment": the speaker's next act.
            clause_end = deed.start()
        turn = re.search(
            r"(?:,|~[\"”’'],?)\s+(?:but|while|whereas)\s+", masked[complement:clause_end]
        )
        if (
            turn
            and any(
                m.kind != "pronoun"
                # "but President Francois Bozize has refused": a title may come before the name.
                and re.fullmatch(
                    r"(?:[A-Z][\w.]*\s+){0,3}", masked[complement + turn.end() : m.start]
                )
                for m in article.entities.within(
                    complement + turn.end(), complement + turn.end() + 40
                )
            )
        ):
            # "..., but Ana Mol, a former minister, called it ...": another speaker's turn.
            clause_end = (
                complement + turn.start() + (1 if masked[complement + turn.start()] == MASK else 0)
            )
        relative = None
        if re.search(r",\s*who\s+(?:also\s+)?$", phrase):
            # The last such verb: "who says the deal, signed last year, is dead, told ...".
            relative = max(
                _RELATIVE_CLOSED.finditer(masked, complement, end),
                key=lambda m: m.start(),
                default=None,
            )
        if relative and relative.start() < clause_end:
            # "Anouka, who says she has not taken a weekend off, spoke to ...": the relative
            # clause ends where the sentence's own verb comes.
            clause_end = relative.start()
        aside = _ASIDE.search(masked, complement, clause_end)
        if aside and not re.search(r"\s[—–]\s", masked[aside.end() : clause_end]):
            # "said the article was published on January 9 — the same day that ...": an unpaired
            # dash opens the reporter's own aside, which the speaker did not say.
            clause_end = aside.start()
        _emit(
            article,
            out,
            complement,
            clause_end,
            speaker,
            article.printed(_after_last_mark(article, start, verb.start()), verb.end()),
            0.65 if speaker != ANON else 0.6,
        )
        if clause_end < end:
            _reported_clause(article, out, clause_end + 1, end, speaker)
        if also:
            _reported_clause(article, out, end, sentence_end, speaker)
        return True
    return False


# "According to the ministry, ...", "According to the President of the National Council of
# Shippers (CNCK), Mr. Dramane Toure, ...": a title and its holder's name in apposition.
_LEADING_ACCORDING = re.compile(
    rf"^According to (?P<spk>[^,~]*?\b(?:{ROLE}|lawyer|attorney|adviser|advisor|aide|analyst|"
    r"economist|official|head|chief)\b[^,~]*,\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
    r"[A-Z][\w'’.-]+(?:\s+(?:(?:de|da|do|dos|van|von|der|den|del|la|le|al|el|bin|ter)\s+)?"
    # (Only when a clause of its own follows the name: "According to the prosecutor, Mr. John
    # Kamau, who denies the charges, lured ..." is about Kamau, not his words.)
    r"[A-Z][\w'’.-]+){1,4}(?=,\s+(?!who\b|which\b|the\s+\w+,)(?:the|a|an|more|less|about|"
    r"some|many|most|at|it|he|she|they|there|\d))|[^,~]+),\s*"
    # (A relative clause on the source is no part of the claim: "According to the report, which
    # was leaked to the BBC, the dam was unsafe".)
    r"(?:(?:which|who)\b[^,~]*,\s*)?"
)
# "..., according to the ministry." and, as a newsletter writes it, "..., per two people familiar
# with the planning." or "..., per a senior official involved, who put the odds at '...'".
_TRAILING_ACCORDING = re.compile(
    r",\s*(?:according to|per(?=\s+(?:a|an|the|two|three|four|several|some|one|[A-Z])\b)"
    # (Not "per the Sixth Amendment", "per the Vienna Convention": a rule, not a source.)
    r"(?![^,~]*\b(?:[Aa]mendment|[Cc]onvention|[Cc]onstitution|[Rr]ules?|[Ll]aws?|Act|[Tt]reaty|"
    r"[Cc]harter|[Aa]greement|[Rr]egulations?|[Gg]uidelines|[Pp]rotocol|[Pp]olicy|[Ss]tatutes?|"
    r"[Cc]ode|[Tt]erms|[Cc]ontract|[Rr]esolution|[Tt]radition|[Cc]ustom|[Ss]chedule)\b))\s+"
    r"(?P<spk>[^,~]+?)(?:,\s+who\b.*?)?[.]?$"
)


# A programme's own voice labelling its turn: what it reports is still reported speech.
_HOST_LABEL = re.compile(
    r"(?:Host|Presenter|Anchor|Moderator|Interviewer|Co-host|Reporter|Correspondent|Narrator|Q|A|"
    r"Question|Answer)"
    r"(?:\s*\([^()]{1,30}\))?:\s+"
)


def find_reported(article: Article) -> list[ExtractedQuote]:
    out: list[ExtractedQuote] = []
    for start, end in article.sentences:
        if start < article.skip_until or article.in_heading(start):
            continue
        cursor = article.after_dateline(start, end)
        label = article.paragraph_start(start) == start and _HOST_LABEL.match(
            article.masked, cursor, end
        )
        if label:
            cursor = label.end()  # "Host: There were also reports this week, ..."
        inherited = None
        # "A said X, while B said Y": two clauses; but '"asleep at the wheel" while activity
        # grew' (no comma) is one.
        for match in re.finditer(r";\s+|(?:,|~[\"”’'],)\s+while\s+", article.masked[start:end]):
            # A closing mark ends the clause after the quoted words, not on their last letter.
            stop = match.start() + (2 if match.group().startswith(MASK) else 0)
            if (
                match.group()[-6:].strip() == "while"
                and re.match(r"[a-z]+ing\b", article.masked[start + match.end() : end])
                and not ANY_VERB_RE.search(article.masked, cursor, start + stop)
            ):
                continue  # "Qureshi, while making the announcement, told ...": the subject's aside
            before = len(out)
            _reported_clause(article, out, cursor, start + stop, inherited)
            if len(out) > before:
                # "..., while acknowledging that ...": a participle goes on with its subject.
                inherited = out[-1].speaker or ANON
            cursor = start + match.end()
        _reported_clause(article, out, cursor, end, inherited)
    return out


# "Foreign Office Spokesperson Tahira Afzal Durrani said this while addressing the weekly press
# briefing here.": South Asian papers name the speaker of the paragraph before after the fact.
_SAID_THIS = re.compile(
    r"(?P<spk>[^.~]{3,120}?)\s+(?:said|stated|expressed|made)\s+(?:this|these\s+remarks|these\s+views)"
    r"\s+(?:while|when|in|at|during|after|before|on)\b"
)


def credit_said_this(article: Article, found: list[ExtractedQuote]) -> list[ExtractedQuote]:
    """Give the paragraph before a "X said this while ..." paragraph to X, whom the lead left
    unnamed or named only by country ("Kashran on Thursday termed ...")."""
    credited = sorted(found, key=lambda q: q.start)
    starts = [q.start for q in credited]
    for index, (start, end) in enumerate(article.paragraphs[1:], 1):
        match = _SAID_THIS.match(article.masked, start, end)
        if not match:
            continue
        speaker = resolve_phrase(article.entities, article.masked, start, match.end("spk"))
        if not speaker or speaker == ANON:
            continue
        before = article.paragraphs[index - 1]
        for i in range(bisect_left(starts, before[0]), bisect_left(starts, before[1])):
            if credited[i].speaker:
                credited[i] = replace(credited[i], speaker=speaker)
    return credited
