"""Quotations in marks: direct quotes (own sentences) and partial quotes (fragments)."""

from __future__ import annotations

import re

from .article import (
    AFTER_QUOTE_SAY,
    ANY_VERB_RE,
    CLAIM_BY,
    REPORTING,
    SAY,
    SAY_RE,
    Article,
    ExtractedQuote,
    speaker_kind,
)
from .marks import ABBREVIATIONS, Span
from .mentions import ANON
from .sources import IMPERSONAL_SAY, KIN_RE, SOURCE_NOUNS
from .speakers import latest_subject, resolve_phrase, resolve_subject

# A full stop inside an abbreviation ("the U.S. defense secretary") does not end the speaker.
_HONORIFICS = (
    *("Mr", "Mrs", "Ms", "Dr", "Smt", "Shri", "Gen", "Col", "Sen", "Rep", "Gov", "Lt", "Maj"),
    *("Capt", "Sgt", "Prof", "Adm", "Brig", "Cmdr", "Rev"),
)
_ABBREVIATED = (
    r"(?:[^~.;!?:]|(?<=\b[A-Z])\.|"
    # "Smt. Dhuria told reporters", "Gen. Pace said": an honorific's or a rank's full stop.
    + "|".join(rf"(?<=\b{word})\." for word in _HONORIFICS)
    + ")"
)
_AFTER_SPK_VERB = re.compile(
    rf"^\s*,?\s*(?P<spk>{_ABBREVIATED}{{1,140}}?)\s+(?:also\s+|later\s+|then\s+)?"
    rf"(?P<verb>{AFTER_QUOTE_SAY})\b"
)
_AFTER_VERB_SPK = re.compile(
    r"^\s*,?\s*(?P<verb>said|says|added|adds|wrote|writes|asked|replied|continued|insisted|warned|"
    r"explained|stressed|declared|criticised|criticized|emphasi[sz]ed|noted|countered|"
    # Rarer verbs a wire inverts all the same ('"...," stated Mr. Ba.').
    r"stated|remarked|observed|recalled|argued|admitted|acknowledged|cautioned|concluded|"
    r"responded|answered|confirmed|announced|exclaimed|shouted|"
    # The present tense of a Nordic paper's attribution ("? asks Brekke", "explains Dahl").
    r"asks|explains|notes|stresses|insists|warns|replies)"
    # (Not a participle after a thing's name: 'The "peace plan," announced Monday by the White
    # House, was rejected'.)
    r"(?!\s+(?:by|on|in|at|last|earlier|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)"
    # The speaker, and a name given in apposition ("the ministry's spokeswoman, Irina Volkhova").
    rf"\s+(?P<spk>(?:(?:{'|'.join(_HONORIFICS)})\.\s+)?"
    r"[^,.;~!?]+(?:,\s+(?:Dr\s+|Mr\s+|Ms\s+|Mrs\s+)?[A-Z][^,.;~!?]*)?)"
)
# A profile's present tense after the marks, only for a quotation that opens its sentence.
_PROFILE_VERBS = {"asks", "replies", "recalls", "wonders", "wondered"}
# A quotation signed with a dash: '"Not a single hospital has closed." – Tomasz Welk, speaking ...'.
_AFTER_DASH = re.compile(
    r"^\s*([–—]\s*)(?P<spk>(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?(?:[A-Z][\w.'’-]*\s+){0,5}?"
    r"[A-Z][\w.'’-]*)(?:\s*\([^()~]{1,40}\))?(?=\s*(?:,|$|\n))"
)
# '"...," De La Calle sais.': after a comma inside the marks, a person's name and one word that
# ends the sentence is an attribution, whatever the word (a typo, or a verb no list holds).
_AFTER_NAME_WORD = re.compile(
    r"^\s*(?P<spk>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|la|del|van|von|al|bin|da|di)){0,4})"
    r"\s+(?P<verb>[a-z]{3,12})\s*\.(?:\s|$)"
)
# "According to Lena Hart, the deal is 'dead'" ("In the words of ..."), and "... 'dead', according
# to Lena Hart".
_ACCORDING = re.compile(
    r"\s*(?:(?:[Aa]ccording to|[Ii]n the words of) ([^,~]{1,80})|"
    # "In his view, the route was '...'": whose view it is.
    r"\b[Ii]n ((?:his|her)|[^,~]{1,60}(?=['’]s))(?:['’]s)? "
    r"(?:view|opinion|words|assessment|estimate|telling|account|reading)),"
    # "For Mariam Keita, president of the Union ..., the closure is '...'": whose view it is.
    r"|(?:(?<=^)|(?<=[.!?]\s)|(?<=\n)|(?<=[.!?][\"”’]\s))For ([A-Z][^,~]{1,60}),"
    r"(?:\s+[^,~]{1,100},)?"
)
# A fragment that ends a sentence and runs on into another: its last word, then the full stop.
_RUNS_ON = re.compile(r"\b([a-z][\w'’-]+|[A-Z][a-z][\w'’-]+)\.\s+(?=[A-Z])")
_CHARACTERISED = re.compile(
    r"\b(?:call(?:ed|s|ing)?|describ(?:ed|es|ing)|dubb(?:ed|ing)|brand(?:ed|s|ing)|labell?(?:ed|ing)|"
    r"term(?:ed|s|ing)|characteri[sz](?:ed|es|ing)|dismiss(?:ed|es|ing))\b[^~]*$"
)
_PARAGRAPH_ENDS = re.compile(r"[ \t]*(?:\n|$)")
# A sentence that is only an attribution: "Osei asked.", "asked Osei on Tuesday.".
_ONLY_AN_ATTRIBUTION = re.compile(
    r"\s*(?:(?:[A-Z][\w.'’-]*\s+){1,4}(?:asked|said|added|wondered|demanded|says|asks)|"
    r"(?:asked|said|added|wondered|demanded|says|asks)\s+(?:[A-Z][\w.'’-]*\s*){1,4})"
    r"(?:\s*(?:on\s+)?[A-Z]\w+day|\s+(?:later|again|then))?\s*\.?\s*"
)
# A sentence that opens on whose words follow ("According to him,", "In her words,").
_WORDS_OF = re.compile(
    r"(?:^|[.!?]\s+|~[\"”’']\s+)(?:[Aa]ccording\s+to\s+[^,~]{1,80}|[Ii]n\s+(?:his|her|their|its)\s+(?:own\s+)?words|"
    r"[Ii]n\s+the\s+words\s+of\s+[^,~]{1,80}),$"
)
# A statement printed in full after a colon: "Here it is in full:", "The statement reads:".
_HERE_IT_IS = re.compile(
    r"\s*(?:Here\s+)?(?P<it>[Ii]t|[Tt]he\s+(?:statement|text|letter|note|communiqu[eé]))\s+"
    r"(?:is\s+in\s+full|reads(?:\s+in\s+full)?|says|in\s+full)\s*"
)
_AFTER_ACCORDING = re.compile(
    r"^\s*,?\s*(according to) "
    r"(?P<spk>[^,.;~!?]{1,80}(?:,\s+(?:Dr\s+|Mr\s+|Ms\s+|Mrs\s+)?[A-Z][^,.;~!?]*)?)"
)
# A comma inside a closing quotation ('"productive," while ...') is masked: the mark stands for it.
_CLAUSE_BREAK = re.compile(
    r"(?:,|~[\"”’'],?)\s+(?:and|but|while|though|although|whereas)\s+"
    # ", and seen by The Ledger, warns": a participle's agent starts no clause.
    r"(?!(?:[a-z]+ed|seen|sent|written|given|shown|made|read|held)\s+(?:by|to)\b)|;\s+"
)
_SCARE_BEFORE = re.compile(
    # "the government's line of 'strategic patience'": a policy's name.
    r"\b(?:line|policy|doctrine|strategy|principle|concept|notion|tactic|approach)\s+of\s*$|"
    # 'dismissed talk of an "energy truce"': talk going round, not anyone's words.
    r"\btalk\s+of\s+(?:an?|the)\s*$|"
    # "the crowd broke into a chant of 'Bring it home!'", "chanting 'No war'": a crowd's words.
    r"\b(?:(?:a|the|into)\s+(?:[\w-]+\s+)?(?:chants?|refrain)\s+of|chant(?:ed|ing|s)?|"
    r"(?:signs?|placards?|banners?)\s+(?:reading|that\s+read|saying))\s*:?\s*$|"
    # "known in Sarnel as the 'Qadim corridor'": what a place or thing is called.
    r"(?:so-called|(?:known|referred\s+to)(?:\s+(?:in|to|by|among)\s+[^,~]{1,30}?)?\s+as"
    r"(?:\s+the)?|(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(?:term|phrase|word|"
    r"slogan|label|motto|headline|title|banner|hashtag|nickname|operation|codename|"
    # A vessel's or a craft's name: 'the frigate "Ostwind"'.
    r"ship|tanker|vessel|frigate|destroyer|carrier|submarine|ferry|freighter|yacht|boat|"
    r"cruiser|corvette|trawler|warship|aircraft|satellite|rocket|spacecraft)),?\s*$",
    re.I,
)
_SCARE_AFTER = re.compile(
    r"\s*(?:slogan|motto|catchphrase|hashtag|banner|label|chant|rallying cry|nickname|"
    # 'Ostrava's "active neutrality" doctrine': a policy's name.
    r"buzzword|mantra|doctrine|policy|strategy|programme|program|initiative|formula|concept|"
    # 'the "Zarin Bachao" campaign': a campaign's name.
    r"campaign|movement|scheme|"
    # 'the "smart defense" approach': a named way of doing things.
    r"approach|framework|paradigm|agenda)s?\b"
)
# 'the "Tasdeer" electronic platform', 'the "Safe Seas" app': a capitalised name of a system or a
# tool (not 'a "fair and balanced" plan', the speaker's words).
_NAMED_THING_AFTER = re.compile(
    r"\s*(?:(?:electronic|online|digital|mobile|national|federal|new)\s+)?(?:platform|portal|app|"
    r"website|database|register|registry|hotline|index|fund|project|operation|corridor)s?\b"
)
# A colon after these introduces printed words, not spoken ones: a headline, a slogan, a chant.
# A question's topic ('asked about the "grain crisis"') is the asker's words, not the speaker's.
_ASKED_ABOUT = re.compile(
    r"\b(?:asked|questioned|pressed|quizzed|question|questions)\s+(?:\w+\s+){0,2}?"
    r"(?:about|on|over|regarding)\s+(?:(?:the|a|an|his|her|their|its)\s+(?:[a-z][\w-]*\s+)?)?$",
    re.I,
)
_PRINTED_BEFORE = re.compile(
    r"\b(?:headlines?|front[- ]page|cover|banner|caption|slogans?|posters?|placards?|"
    r"chant(?:ed|s)?|motto|hashtag|led with|leads with|line above)\b",
    re.I,
)

# A printed surface as the subject of a verb of saying or reading ('the front page said "..."',
# 'a banner read "..."'): printed words, not anybody's quote.
# A name given to something, not anyone's words: 'a mediation round, dubbed "the last chance
# talks" by local newspapers', 'the so-called "magnet war"', 'an alliance known as "the Quad"'.
_NAMED_AS = re.compile(
    r"(?:,\s*|\b(?:the|a|an|its|their)\s+)(?:dubbed|nicknamed|so-called|known\s+as|billed\s+as)\s*$"
    r"|\bso-called\s*$"
    # "for what was billed as a 'training partnership'".
    r"|\b(?:billed|touted|marketed|presented|sold|advertised)\s+as\s+(?:an?\s+|the\s+)?$"
    # "remembered in Ilvar as", "known locally as", "referred to as": a name in use.
    r"|\b(?:known|remembered|referred\s+to|described\s+locally)\s+(?:(?:in|across|around)\s+"
    r"[A-Z][\w-]*\s+|locally\s+|widely\s+)?as\s*$"
    # "identified in the report only as 'Witness 17'": a name given to somebody unnamed.
    r"|\bidentified\s+(?:[\w-]+\s+){0,3}?only\s+as\s*$",
    re.I,
)
_PRINTED_SAYS = re.compile(
    r"\b(?:headlines?|front[- ]pages?|covers?|banners?|captions?|slogans?|posters?|placards?|"
    r"sign|billboards?|leaflets?|flyers?|graffiti|t-shirts?|stickers?|plaques?)\b"
    # Only a short lower-case phrase between ("at the border"): not a clause with its own
    # subject ("signs that the minister said").
    r"(?:\s+(?!(?:that|which|who|he|she|they|we|i|it)\b)[a-z][\w-]*){0,5}?\s+(?:\w+ly\s+)?(?:said|says|read|reads|reading|saying|proclaimed|"
    r"proclaims|declared|declares|screamed|screams|ran|runs)\s*[,:]?\s*$",
    re.I,
)


_NAMING_BEFORE = re.compile(
    # Not "called": "deputies called his record 'a warning'" is their words about it.
    r"\b(?:dubbed|dubs|nicknamed|labell?ed|branded|known as)\b[^~]{0,40}$"
)
WINDOW = 300
# How many earlier quotations of a sentence a reporting clause may hold ('Hart, who called it
# "a", "b" and "c", said "d"'), once a verb of saying is among them.
_EARLIER_QUOTATIONS = 4
_OUTER_REPORT = re.compile(r"said|says|told|tells|added|adds|wrote|writes|claimed|insisted|argued")
_NAMING_VERB = re.compile(
    r"called|calling|calls|described|describing|describes|dubbed|dubs|labell?ed|branded|termed|"
    r"characteri[sz]ed|denounced|condemned|praised|dismissed|dismissing|hailed|accused|accusing|"
    r"put it|puts it|said|says|told|tells|wrote|writes|added|adds|saying|writing|telling|adding|"
    r"spoke of|speaks of|referred to"
)
# After a closing mark, the reporter's own words (lower-case, not a subject such as "he" or "the
# minister") running to a comma before the attribution.
_PARTICLE_NAME = re.compile(r"\s+(?:al|el|bin|ibn|van|von|de|da|di|du|la|le)\b[-\s]?[A-Z]")
_NARRATOR_GOES_ON = re.compile(
    r"\s+(?!(?:he|she|they|it|we|i|the|a|an|one|its|his|her|their|according|then|also)\b)"
    r"[a-z][\w-]*\b[^,~]{0,120},\s"
)
# A naming verb whose object is a definite label: 'calling the result the "revolt of ..."'.
_LABEL_BEFORE = re.compile(
    r"\b(?:call|calls|called|calling|dub|dubs|dubbed|dubbing|nicknamed|label\w*|brand\w*|"
    r"term|terms|termed)\b[^~]{0,50}\bthe\s+$"
)
# A label in habitual use, whoever uses it: "have taken to calling", "what critics call",
# "widely known as", "now routinely called".
_HABITUAL_NAMING = re.compile(
    r"(?:\b(?:taken|took|take|takes|begun|began|begin|come|came|started|start|starting)\s+to\s+"
    r"(?:call|calling|dub|dubbing|refer\s+to|referring\s+to)"
    r"|\b(?:widely|often|commonly|popularly|routinely|sometimes|now|locally)\s+"
    r"(?:called|known\s+as|dubbed|referred\s+to\s+as|described\s+as)"
    r"|\bwhat\s+(?:some|many|critics|locals|residents|analysts|officials|people|others|"
    r"supporters|opponents)\s+(?:have\s+)?(?:call|called|dub|dubbed|term|termed))"
    r"[^~]{0,50}$",
    re.I,
)
# Verbs of going or becoming whose one-word complement in quotes is a term of art.
_JARGON_VERB = re.compile(
    r"\b(?:go|goes|went|gone|going|run|runs|ran|running|sail|sails|sailed|sailing|turn|turns|"
    r"turned|turning|fly|flies|flew|flying|operate|operates|operated|operating)\s+$"
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|[Ww]e|[Ww]e're|[Ww]e’re|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b")
_SMALL_WORDS = {"of", "for", "the", "to", "and", "a", "an", "in", "on", "at", "de", "la"}


def _named_thing(text: str) -> bool:
    """Whether quoted words are a name (every word capitalised: "Operation Northern Gate")."""
    words = re.findall(r"[\w'’-]+", text)
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and all(w[:1].isupper() for w in significant)


def _quote_text(article: Article, span: Span | list[Span]) -> str:
    spans = span if isinstance(span, list) else [span]
    pieces = [article.body[s:e].strip() for sp in spans for s, e in sp.parts]
    return " ".join(p.rstrip(",;:").strip() for p in pieces if p)


def _who(according: re.Match) -> tuple[int, int]:
    """Where the holder is named in an "according to" or "In her view" phrase."""
    group = next(g for g in (1, 2, 3) if according.group(g) is not None)
    return according.start(group), according.end(group)


def _after_attribution(
    article: Article, start: int, end: int, alone: bool = False
) -> tuple[str | None, str] | None:
    """Speaker and printed attribution from the text following a closing mark (`alone`: the
    quotation opens its sentence, so that a name and any one word after it attribute it)."""
    text = article.masked[start:end]
    for pattern in (_AFTER_VERB_SPK, _AFTER_SPK_VERB, _AFTER_ACCORDING, _AFTER_DASH):
        match = pattern.match(text)
        if not match:
            continue
        if pattern is _AFTER_SPK_VERB and match["verb"] in _PROFILE_VERBS and not alone:
            # 'After complaints about "sudden acceleration," Toyota recalls ...', 'In "Spare,"
            # Harry recalls ...': only a quotation that opens its sentence is asked or recalled.
            continue
        spk_start, spk_end = start + match.start("spk"), start + match.end("spk")
        speaker = resolve_phrase(article.entities, article.masked, spk_start, spk_end)
        comma = article.masked.rfind(",", spk_start, spk_end)
        if speaker is None and pattern is _AFTER_SPK_VERB and comma != -1:
            # '... "foreign invaders" from Iran, rebel commanders say': the reporter's sentence
            # goes on after the marks; who spoke is the subject after its last comma.
            speaker = resolve_phrase(article.entities, article.masked, comma + 1, spk_end)
        if speaker is not None:
            printed = article.printed(start + match.start(1), start + match.end())
            return speaker, printed
    odd = alone and _AFTER_NAME_WORD.match(text)
    if odd and "," in article.body[max(0, start - 3) : start]:
        # (Not 'Branded a "traitor," Mensah resigned.': the words before the marks are another's.)
        spk_start, spk_end = start + odd.start("spk"), start + odd.end("spk")
        people = [m for m in article.entities.within(spk_start, spk_end) if m.kind == "person"]
        if people and people[0].start == spk_start and people[-1].end == spk_end:
            return people[0].name, article.printed(spk_start, start + odd.end("verb"))
    return None


# What follows "and"/"but" when the clause has no subject of its own: "that ...", nothing (two
# fragments joined), or a verb or adverb straight away ("but would respond").
_GOES_ON = re.compile(
    r"\s*(?:that\b.*|(?:(?:also|then|still|not|never|later|only|even)\s+)*"
    r"(?:(?:would|will|could|should|might|must|may|can|cannot|had|has|have|was|were|is|are|"
    r"did|does|do|to)\b[^~]*)?"
    # "said she was '...' but wanted '...'": a verb with no subject of its own shares the one
    # before.
    r"|(?:wanted|wants|wished|wishes|hoped|hopes|needed|needs|preferred|prefers|expected|"
    r"expects|sought|seeks|demanded|demands|accepted|accepts|remained|remains|felt|feels|"
    r"believed|believes|considered|considers)\b[^~]*)",
    re.DOTALL,
)
# "All options remained open, she said, but the government preferred '...'": a reporting verb
# in parenthesis goes on over the next clause.
_PARENTHETICAL_SAY = re.compile(rf",\s*(?:[\w'’.-]+\s+){{1,4}}?(?:{SAY})\s*$")
# "The detentions, he said, were ...": a report in commas inside its own clause.
_SAID_IN_COMMAS = re.compile(
    rf"^[^,~]{{3,80}},\s*(?:he|she|they|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,2}})\s+"
    rf"(?:{SAY}),"
)
# Where a clause inside the sentence starts, with a subject of its own.
_INNER_CLAUSE = re.compile(
    r"\s[—–]\s|\((?=[^)]*$)|\b(?:that|when|after|as|while|where|who)\s"
    # "..., with several ambassadors accusing each other of '...'": the participle's own subject.
    r"|\bwith\s(?=(?:several|many|some|both|other|most|few|two|three|four|\d+)\b"
    # "..., with opponents warning of a '...'": a plural group and its participle.
    r"|(?:[a-z]+\s+)?[a-z]+s(?:\s+[a-z]+ing\b|\s*$))"
)


# Before a word that only looks like a verb of saying: "in writing", "had been warned" are no
# one's reporting ("by saying" is).
_NOT_REPORTING = re.compile(
    r"\b(?:in|of|for|without|on|upon|be|been|being|was|were|is|are|get|got)\s+$", re.IGNORECASE
)
# "a message posted on social media": a participle after the thing posted.
_POSTED = re.compile(
    r"\b(?:message|statement|letter|video|post|note|communiqu\w+|report|article|document|tweet|"
    r"comments|remarks|speech)\s+(?:posted|published|released|issued|broadcast|sent|signed|read)$"
)


_PARTICIPLES_OF_PRINT = {
    "posted",
    "published",
    "released",
    "issued",
    "broadcast",
    "sent",
    "signed",
    "read",
}


def _verbs(article: Article, start: int, end: int) -> list[re.Match]:
    """The verbs of saying or naming in [start, end), less those that are not reporting."""
    return [
        verb
        for verb in ANY_VERB_RE.finditer(article.masked, start, end)
        if not _NOT_REPORTING.search(article.masked, max(0, verb.start() - 8), verb.start())
        and not (
            verb.group() in _PARTICIPLES_OF_PRINT
            and _POSTED.search(article.masked, max(0, verb.start() - 16), verb.end())
        )
    ]


def _before_attribution(article: Article, start: int, end: int) -> tuple[str | None, str] | None:
    """Speaker from the reporting clause before an opening mark, nearest verb first."""
    text = article.masked[start:end]
    breaks = list(_CLAUSE_BREAK.finditer(text))
    clause_start = start + (breaks[-1].end() if breaks else 0)
    verbs = _verbs(article, clause_start, end)
    if (
        not verbs
        and breaks
        and (
            _GOES_ON.fullmatch(text, breaks[-1].end())
            or _PARENTHETICAL_SAY.search(text, 0, breaks[-1].start())
            # "The detentions, he said, were '...', and Sarnia had '...'": the report in
            # parenthesis goes on over the clause after "and".
            or _SAID_IN_COMMAS.search(text, 0, breaks[-1].start())
        )
    ):
        # "said ... , but that it would '...'", 'were "candid" and "...', "was '...' but would
        # respond '...'": a clause with no subject of its own, so the same reporting verb goes on.
        clause_start = start
        verbs = _verbs(article, start, end)
    impersonal = None if verbs else IMPERSONAL_SAY.search(article.masked, clause_start, end)
    if impersonal:
        return ANON, article.printed(impersonal.start(), impersonal.end())  # "it was noted that"
    claim = None if verbs else CLAIM_BY.search(article.masked, clause_start, end)
    if claim:
        speaker = resolve_phrase(article.entities, article.masked, claim.start(1), claim.end(1))
        return (speaker, article.printed(claim.start(), claim.end(1))) if speaker else None
    according = _ACCORDING.search(article.masked, start, end)
    if (
        according
        and according.group(3) is not None
        and not any(m.kind == "person" for m in article.entities.within(*_who(according)))
    ):
        according = None  # "For Ukraine, the vote was a 'turning point'": a view only a person's
    if not verbs and according:
        speaker = resolve_phrase(article.entities, article.masked, *_who(according))
        return (speaker, article.printed(start, _who(according)[1])) if speaker else None
    if not verbs:
        return None
    verb = verbs[-1]
    outer = next((v for v in verbs[:-1] if _OUTER_REPORT.fullmatch(v.group())), None)
    if outer and not _NAMING_VERB.fullmatch(verb.group()):
        # "Hart said Vell had promised 'a fair deal'": the marks are in Hart's report, so the
        # words are hers; only a naming verb ("Hart said Vell had called it 'generous'") quotes
        # the inner subject.
        verb = outer
    if KIN_RE.search(article.masked, clause_start, verb.start()):
        return ANON, article.printed(clause_start, verb.end())  # "their families had described"
    speaker = None
    if verb.group().endswith("ing") and (
        article.masked[: verb.start()].rstrip().endswith(",")
        or re.search(
            r"\bwith\s+(?:(?:several|many|some|both|other|most|few|two|three|four|\d+)\b"
            r"[^,~]{0,40}|(?:[a-z]+\s+)?[a-z]+s\s*)$",
            article.masked[clause_start : verb.start()],
        )
    ):
        # "Lavrov said ... — the day Russian officials issued a response, dismissing it as
        # '...'": a participle's words belong to the subject of the clause it hangs from.
        said = None
        if re.fullmatch(REPORTING, verb.group()):
            # "A caller ... said the Prime Minister was '...', adding that '...'": a participle
            # of saying goes on with whoever said the clause before it.
            said = _LAST_SAID.search(article.masked, clause_start, verb.start())
        if said:
            speaker = resolve_phrase(article.entities, article.masked, clause_start, said.start())
        inner = (
            [] if said else list(_INNER_CLAUSE.finditer(article.masked, clause_start, verb.start()))
        )
        if inner:
            speaker = resolve_phrase(
                article.entities, article.masked, inner[-1].end(), verb.start()
            )
        attributed = _ATTRIBUTION_BEFORE_PARTICIPLE.search(
            article.masked, clause_start, verb.start()
        )
        if speaker is None and attributed:
            # "The government has recalled its ambassador, the foreign minister said on
            # Tuesday, calling the expulsions '...'": the participle is the sayer's.
            speaker = resolve_phrase(article.entities, article.masked, *attributed.span("spk"))
    what = len(verbs) > 1 and _WHAT_THEY.search(article.masked, clause_start, verb.start())
    if speaker is None and what and verbs[0].start() > clause_start:
        # "The EU report criticized Yala for what it said were '...'": the pronoun is the
        # clause's subject, not the person criticized.
        speaker = resolve_phrase(article.entities, article.masked, clause_start, verbs[0].start())
    if speaker is None:
        speaker = resolve_phrase(article.entities, article.masked, clause_start, verb.start())
    if (
        clause_start > start
        and not article.masked[clause_start : verb.start()].strip()
        and re.search(r"(?:and|but)\s+$", article.masked[start:clause_start])
    ):
        # "It describes Arvani as '...' and recommends that ... '...'": the verb after "and"
        # shares the subject of the verb before it.
        earlier = ANY_VERB_RE.search(article.masked, start, clause_start)
        if earlier:
            speaker = resolve_phrase(article.entities, article.masked, start, earlier.start())
    if speaker is None:
        sentence_start, _ = article.sentence_at(start)
        speaker = resolve_subject(article.entities, article.masked, sentence_start, verb.start())
    if speaker is None and according:
        # "According to him, the rise announced by the minister '...'": a participle is no
        # reporting verb of its own.
        speaker = resolve_phrase(article.entities, article.masked, *_who(according))
        return (speaker, article.printed(start, _who(according)[1])) if speaker else None
    if speaker is None:
        return None
    return speaker, article.printed(clause_start, verb.end())


# The first verb of saying of a clause a participle goes on from: "... said the Prime Minister was
# '...', adding".
_LAST_SAID = re.compile(r"\b(?:said|says|told|tells)\b(?=[^~]*~)")
# "criticized Yala for what it said were": the pronoun before the last verb.
# (Only a body's "it" or "they": "charged Otieno over what he said were ..." is Otieno's.)
_WHAT_THEY = re.compile(r"\bwhat\s+(?:it|they)\s+$")
# ", the foreign minister said on Tuesday, " before a participle: who said it.
_ATTRIBUTION_BEFORE_PARTICIPLE = re.compile(
    rf",\s+(?P<spk>[^,~]{{1,80}}?)\s+(?:{SAY})\b[^,~]{{0,40}},\s*$"
)
# The next sentence names who said it: '"Not one step back." That was the message from Defence
# Minister Elif Arslan.', 'The plan is "dead on arrival." So says Lena Hart, ...'.
_NAMED_NEXT = re.compile(
    r"(?:(?:That|This|Such|Those|These)\s+(?:was|were|is|are)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:message|verdict|view|word|words|warning|response|reaction|answer|assessment|"
    r"conclusion|argument|line|position|reply|promise|pledge|claim|judgment|judgement)\s+"
    r"(?:of|from|by)|So\s+(?:said|says))\s+(?P<spk>[^,.;:~!?]{1,80})"
)


def _named_next(article: Article, close_pos: int) -> tuple[str | None, str] | None:
    """Speaker and attribution from a next sentence that names who said the quotation."""
    _, end = article.sentence_at(close_pos)
    following = end
    while following < len(article.masked) and article.masked[following] in " \n\t\"”’'":
        following += 1
    if article.paragraph_start(following) != article.paragraph_start(close_pos):
        return None  # only within the paragraph
    match = _NAMED_NEXT.match(article.masked, following, following + 200)
    if not match:
        return None
    speaker = resolve_phrase(article.entities, article.masked, match.start("spk"), match.end("spk"))
    return (speaker, article.printed(match.start(), match.end())) if speaker else None


def _joined(article: Article) -> list[list[Span]]:
    """Group spans split around an attribution ("We will win," she said, "and soon.")."""
    groups: list[list[Span]] = []
    for span in article.spans:
        if groups:
            last = groups[-1][-1]
            between = article.masked[last.close_pos + 1 : span.open_pos]
            if (
                (
                    article.body[last.end - 1] == ","
                    # „Military steps“, Freytag said, „are not ...“: the comma outside the
                    # marks, as German and British news print it, and the sentence goes on.
                    or (
                        between.startswith(",")
                        and article.body[span.start : span.start + 1].islower()
                    )
                )
                and "\n" not in between
                and re.fullmatch(rf"\s*,?\s*[^~.!?]{{1,90}}?\b(?:{SAY})\b[^~.!?]*?,\s*", between)
                # '"...," he explained, noting, "..."': a second statement, quoted on its own.
                and not re.search(rf"\b(?:{REPORTING})\b", between)
            ):
                groups[-1].append(span)
                continue
        groups.append([span])
    return groups


def find_quoted(article: Article) -> list[ExtractedQuote]:
    found: list[ExtractedQuote] = []
    previous_speaker: tuple[int, str | None] | None = None  # (paragraph start, speaker)
    opened: list[int] = []  # where the quotations so far open
    terms: set[str] = set()  # words the text already put in marks as a term or a name
    for group in _joined(article):
        first, last = group[0], group[-1]
        opened.append(first.open_pos)
        if first.start < article.skip_until or article.in_heading(first.start):
            continue
        text = _quote_text(article, group)
        sent_start, _ = article.sentence_at(first.open_pos)
        _, sent_end = article.sentence_at(last.close_pos)
        # A wire dateline ("KITAURA, March 14 (Kitaura Shimpo) -- ") names no speaker.
        sent_start = min(article.after_dateline(sent_start, first.open_pos), first.open_pos)
        # An attribution sits near its quotation: a bounded window keeps the work per quotation
        # constant however long the sentence (a run-on text of thousands of quotation marks).
        sent_start = max(sent_start, first.open_pos - WINDOW)
        if len(opened) > _EARLIER_QUOTATIONS:
            earlier = opened[-1 - _EARLIER_QUOTATIONS]
            if earlier > sent_start and ANY_VERB_RE.search(article.masked, earlier, first.open_pos):
                # '"a" said "b" said "c" said ...': when the last few quotations hold a verb of
                # saying, the one nearest the marks is in them, so the reporting clause is too;
                # the quotations before them are another's (and would make the work per
                # quotation grow with the window, not with what is near it).
                sent_start = earlier
        sent_end = min(sent_end, last.close_pos + WINDOW)
        before = article.masked[sent_start : first.open_pos]
        para_start = article.paragraph_start(first.open_pos)
        alone = not re.sub(r"^[•·*–—-]\s*", "", before.strip())
        after = _after_attribution(article, last.close_pos + 1, sent_end, alone)
        if after is None and article.body[last.end - 1 : last.end] in {"?", "!"}:
            # '"Did anyone ask what it was for?" Osei asked.': a question's mark ends the
            # sentence, and its attribution stands as the next one.
            _, next_end = article.sentence_at(last.close_pos + 2)
            if _ONLY_AN_ATTRIBUTION.fullmatch(article.masked, last.close_pos + 1, next_end):
                after = _after_attribution(article, last.close_pos + 1, next_end, alone)
        if len(group) > 1 and after is None:
            after = _after_attribution(article, first.close_pos + 1, group[1].open_pos)
        # A list's bullet ("• “Ninety days is a lifeline.” — Sen. Paul Okafor") is no words.
        stripped = re.sub(r"^[•·*–—-]\s*", "", before.strip())
        signed = (
            after is None
            and not stripped
            and re.match(
                # A bounded slice: a copy of the rest of the body per quotation would be quadratic.
                r"[ \t]*\n[ \t]*[–—]",
                article.body[last.close_pos + 1 : last.close_pos + 40],
            )
        )
        if signed:
            # A sidebar's quotation signed on the line below (not a bulleted list's, whose
            # own line names its speaker before the marks): '"..."\n— Tomasz Wielgosz, ...'.
            line_end = article.body.find("\n", last.close_pos + 1 + signed.end())
            line_end = len(article.body) if line_end == -1 else line_end
            after = _after_attribution(
                article, last.close_pos + 1, min(line_end, sent_end + WINDOW)
            )
        standalone = (
            not stripped
            or stripped.endswith(":")
            or bool(re.search(rf"\b(?:{SAY}|{REPORTING})\s*,$", stripped[-40:]))
            # 'In his words, "attempts ... are obvious."': the quotation is the sentence.
            or bool(
                _WORDS_OF.search(stripped)
                and not re.search(r"[A-Za-z]", article.masked[last.close_pos + 1 : sent_end])
            )
        )
        if stripped.endswith(":") and _PRINTED_BEFORE.search(stripped):
            continue
        if _PRINTED_SAYS.search(before[-80:]) or _NAMED_AS.search(before[-40:]):
            terms.add(text.lower())  # 'a so-called "parallel government"': a term from now on
            continue
        rest = article.masked[last.close_pos + 1 : sent_end]
        if not stripped and after is None and len(re.findall(r"[A-Za-z]+", rest)) >= 3:
            # '"Unacceptable" was how Kerry described it': the quotation is part of the
            # reporter's sentence, so a fragment, whoever the rest of the sentence says spoke.
            verbs = list(ANY_VERB_RE.finditer(rest))
            speaker = verbs and resolve_phrase(
                article.entities,
                article.masked,
                last.close_pos + 1,
                last.close_pos + 1 + verbs[0].start(),
            )
            if not speaker:
                continue
            found_by = (
                speaker,
                article.printed(last.close_pos + 1, last.close_pos + 1 + verbs[0].end()),
            )
            standalone, kind, confidence = False, "partial", 0.7
        elif (
            not stripped
            and after
            and article.body[last.end - 1] not in ",.!?…;:"
            and _NARRATOR_GOES_ON.match(rest)
            and not _PARTICLE_NAME.match(rest)
            and not SAY_RE.match(rest.strip())
        ):
            # '"We will not fail" to stave off aggression, he said.': the reporter's sentence
            # goes on after the marks, so the quoted words are a fragment of it.
            found_by, kind, confidence = after, "partial", 0.7
        elif standalone:
            kind, confidence = "direct", 0.9
            found_by = after or (
                _before_attribution(article, sent_start, first.open_pos) if stripped else None
            )
            if found_by is None and stripped.endswith(":"):
                subject = resolve_subject(
                    article.entities, article.masked, sent_start, first.open_pos
                )
                found_by = (
                    (subject, article.printed(sent_start, first.open_pos)) if subject else None
                )
            before_para = article.paragraph_before(para_start)
            colon = before_para is not None and article.masked[:para_start].rstrip().endswith(":")
            if found_by is None and colon and not stripped:
                # "The ministry has published a statement. Here it is in full:" and the
                # statement in the next paragraph: whoever the colon's sentence says speaks.
                end_colon = len(article.masked[:para_start].rstrip()) - 1
                colon_start, _ = article.sentence_at(end_colon)
                colon_start = max(colon_start, before_para)
                subject = resolve_subject(article.entities, article.masked, colon_start, end_colon)
                here = _HERE_IT_IS.fullmatch(article.masked, colon_start, end_colon)
                if subject is None and here:
                    # "Here it is in full:", "It reads:": the text's, so whoever issued it.
                    subject = resolve_phrase(article.entities, article.masked, *here.span("it"))
                if subject is None and here and colon_start > 1:
                    # "The ministry has published a statement. Here it is in full:": whoever
                    # the sentence before says issued it.
                    issued = article.sentence_at(colon_start - 2)
                    subject = resolve_subject(article.entities, article.masked, *issued)
                found_by = (subject, article.printed(colon_start, end_colon)) if subject else None
            if found_by is None:
                found_by = _named_next(article, last.close_pos)
            if found_by is None:
                # No attribution in the sentence: news style continues the previous speaker.
                confidence = 0.6
                same_para = previous_speaker and previous_speaker[0] == para_start
                if (
                    not same_para
                    and previous_speaker
                    and previous_speaker[0] == article.paragraph_before(para_start)
                    and not article.masked[para_start : first.open_pos].strip(" —–-")
                    and not re.search(r"\w", article.masked[last.close_pos + 1 : sent_end])
                ):
                    # A paragraph that is only a quotation ('— « The government is looking
                    # abroad ... »') goes on with whoever the paragraph before quoted.
                    same_para = True
                speaker = (
                    previous_speaker[1]
                    if same_para
                    else latest_subject(article.entities, first.open_pos)
                )
                if speaker is None:
                    continue
                found_by = (speaker, "")
        else:
            kind, confidence = "partial", 0.75
            near = before[-80:]  # what a rule anchored at the opening mark needs to see
            if (
                _SCARE_BEFORE.search(near)
                or _ASKED_ABOUT.search(near)
                or _SCARE_AFTER.match(article.body, last.close_pos + 1)
                or (
                    text[:1].isupper()
                    and _NAMED_THING_AFTER.match(article.body, last.close_pos + 1)
                )
                # 'a so-called "parallel government" ... the announcement of a "parallel
                # government"': a term the text marked as one, printed again.
                or text.lower() in terms
            ):
                terms.add(text.lower())
                continue  # 'his "Aldoria first" slogan': a slogan, not a quotation
            if re.search(
                r"\b(?:described|describes|describing|saw|sees|regards|regarded)\s+"
                r"(?:the|a|an|its|his|her|their)?\s*$",
                near,
            ) and re.match(r"[\"”’']?\s+as\b", article.body[last.close_pos + 1 :]):
                continue  # 'described the "Velmora model" as a failure': the thing, not the words
            if after and re.search(
                r"(?:^|,\s+)(?:and|but|while|as|where|when|whereas)\s", after[1]
            ):
                # '... the "Yes" campaign gathered outside, and Hart said': the attribution
                # belongs to the next clause, not to the fragment.
                after = None
            found_by = (
                _before_attribution(article, sent_start, first.open_pos)
                or after
                or _named_next(article, last.close_pos)
            )
            if (
                found_by is None
                and _FIRST_PERSON.search(text)
                # A capitalised fragment or one on a banner is a slogan ("Not our war").
                and text[:1].islower()
                and not _PRINTED_BEFORE.search(before)
                and not re.search(r"\b(?:reading|read|reads|saying)\s*$", near)
            ):
                # 'The strikes were "a test of our resolve."' after a speaker's quote: words in
                # the first person are somebody's, and news style goes on with the last speaker.
                same_para = previous_speaker and previous_speaker[0] == para_start
                speaker = (
                    previous_speaker[1]
                    if same_para
                    else latest_subject(article.entities, first.open_pos)
                )
                found_by = (speaker, "") if speaker else None
                confidence = 0.55
            if found_by is None:
                continue
            if _named_thing(text) or (
                found_by[0] == ANON
                and _NAMING_BEFORE.search(near)
                and not re.search(rf"\b(?:{SOURCE_NOUNS})\b", found_by[1], re.I)
            ):
                # "Bridge to Peace", "Summit of Resolve": a name; "critics have dubbed it ...":
                # a coined term, not anybody's words.
                continue
            if _HABITUAL_NAMING.search(near) or (
                found_by[0] == ANON
                and _LABEL_BEFORE.search(near)
                and not re.search(rf"\b(?:{SOURCE_NOUNS})\b", found_by[1], re.I)
            ):
                # "commentators have taken to calling the result the 'revolt of the bankers'",
                # "what critics call the 'swing belt'": a label going round, not a quotation.
                continue
            if len(text.split()) <= 2 and re.search(r"\b(?:[Tt]hose|[Tt]hese|[Ss]uch)\s*$", near):
                continue  # 'Those "admissions," it says': the reporter's distance from a word
            if len(text.split()) <= 2 and _JARGON_VERB.search(near):
                # 'one ship in eight sails "dark"', 'the account went "viral"': a term of art
                # after a verb of going or becoming, the reporter's marks, not the speaker's.
                continue
            if (
                len(text.split()) <= 2
                and found_by[0] == ANON
                and not SAY_RE.search(before)
                and not SAY_RE.search(found_by[1])
                and not re.search(rf"\b(?:{SOURCE_NOUNS})\b", found_by[1], re.I)
            ):
                # A one or two word term pinned on nobody in particular ("commentators call it
                # the 'swing belt'") is a scare quote; one from "the official" is a quote.
                continue
        if (
            kind == "direct"
            and stripped
            and re.match(r"[a-z]", text)
            and not _WORDS_OF.search(stripped)
        ):
            # "Hart had a simple message: 'no more delays.'", 'he said, "you see it everywhere."':
            # words that do not start a sentence of their own are a fragment of the reporter's.
            kind = "partial"
        speaker, attribution = found_by
        previous_speaker = (para_start, speaker)
        speaker, kind = speaker_kind(speaker, kind)
        if speaker and attribution and re.search(r"\b(?:he|she)\b", attribution):
            confidence -= 0.1  # resolved through a pronoun
        pieces = [(kind, first.start, last.end)]
        goes_on = (
            kind == "partial"
            and len(group) == 1
            and len(first.parts) == 1
            and text[:1].islower()
            and text[-1:] in {".", "!", "?"}
            # The quotation ends the reporter's paragraph too (not 'has "an obligation ... And
            # we are suggesting ... abroad" from now through early January').
            and _PARAGRAPH_ENDS.match(article.body, last.close_pos + 1)
            # (Not a characterisation, a partial however long: 'called the vote "a disgrace.
            # Shameful."'.)
            and not _CHARACTERISED.search(before[-80:])
            and _RUNS_ON.search(text)
        )
        if goes_on and goes_on.group(1) not in ABBREVIATIONS:
            # 'The U.S. approach, Boucher told reporters, "has been based on ... North Korea.
            # North Korea's actions ... Agency."': the fragment ends the reporter's sentence,
            # and the sentences after it are the speaker's own, a direct quote.
            cut = article.body.find(goes_on.group(), first.start) + len(goes_on.group(1)) + 1
            after_cut = (
                cut + len(article.body[cut : last.end]) - len(article.body[cut : last.end].lstrip())
            )
            pieces = [("partial", first.start, cut - 1), ("direct", after_cut, last.end)]
        for piece_kind, piece_start, piece_end in pieces:
            found.append(
                ExtractedQuote(
                    text
                    if len(pieces) == 1
                    else " ".join(article.body[piece_start:piece_end].split()),
                    piece_kind,
                    speaker,
                    attribution,
                    *article.trimmed(piece_start, piece_end),
                    round(confidence, 2),
                )
            )
    return found
