"""A broadcast transcript's turns: "RADU VESCU: Our ambassador was shown a folder ..." is the
speaker's own words, without quotation marks (an interviewee's answer, a recorded clip)."""

from __future__ import annotations

import re

from .article import Article, ExtractedQuote
from .entities import surname_key

# A speaker's label in capitals at the start of a paragraph, with an optional "(RECORDING)".
_TURN = re.compile(
    r"(?P<label>[A-Z][A-Z.'’ -]{1,40}?)\s*(?:\((?:RECORDING|VOICEOVER|VOICE-OVER|ON TAPE|"
    r"TRANSLATED|THROUGH INTERPRETER|VIA INTERPRETER|CLIP)\))?:\s+(?=\S)"
    # "CLIP (CON O'RIORDAN):", "SOUNDBITE (ANA VELL, IN PARLIAMENT):": a recording of someone.
    r"|(?:CLIP|SOUNDBITE|SOUND BITE|SOT|RECORDING|TAPE)\s*\((?P<recorded>[A-Z][A-Z.'’ -]{1,40}?)"
    r"(?:,[^)]{0,40})?\):\s+(?=\S)"
)
# Labels for the programme's own voices, whose words are the broadcaster's, not a source's.
_PROGRAMME = re.compile(
    r"(?:PRESENTER|ANCHOR|HOST|CO-HOST|REPORTER|CORRESPONDENT|INTERVIEWER|NARRATOR|Q|A|"
    r"QUESTION|ANSWER|MODERATOR|EDITOR|VOICE|VOICEOVER|UNIDENTIFIED[A-Z ]*|CROWD|CHANTING)"
)
# Someone the text introduces as one of the programme's journalists.
_JOURNALIST = re.compile(
    r"\b(?:correspondent|reporter|presenter|anchor|host|producer|editor)\s*,?\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|al|van|de|der|ter))+)"
)


def find_turns(article: Article) -> list[ExtractedQuote]:
    """Each turn of a named interviewee or recorded speaker, as a direct quote."""
    body = article.body
    journalists = {
        surname_key(m.group("name").split()[-1]) for m in _JOURNALIST.finditer(article.masked)
    }
    people = {
        surname_key(m.name.split()[-1]): m.name
        for m in article.entities.mentions
        if m.kind == "person" and len(m.name.split()) >= 2
    }
    found = []
    for start, end in article.paragraphs:
        turn = _TURN.match(body, start, end)
        label = turn and (turn["recorded"] or turn["label"]).strip()
        if not turn or _PROGRAMME.fullmatch(label):
            continue
        words = label.split()
        if not 1 <= len(words) <= 5 or any(mark in body[start:end] for mark in '"“”'):
            continue  # no label, or a turn with quotations of its own (found as quotations)
        key = surname_key(words[-1].title())
        if key in journalists:
            continue
        name = people.get(key)
        if name is None:
            continue  # a label the article never names as a person: not a speaker we know
        text = " ".join(body[turn.end() : end].split())
        if len(text.split()) < 3:
            continue
        found.append(ExtractedQuote(text, "direct", name, label, turn.end(), end, 0.8))
    return found
