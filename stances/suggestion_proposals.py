"""Proposals that complete a quote suggestion before an editor accepts it: the person an
unnamed-source claim is about, a new speaker's role and party as the attribution prints them,
and a candidacy in the matching election when that role says candidate.

Proposals are read afresh from the article body whenever the page is shown (nothing is stored
until the editor accepts), for a whole page in a fixed number of queries: one for the names, one
for the elections. Each proposal abstains when the evidence is missing or points two ways.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .attribution import PrintedRole, names_in, read_role
from .models import Election, Quote, QuoteSuggestion, Speaker
from .suggestions import match_speakers


@dataclass
class Proposal:
    """What the page proposes for one suggestion; every part may be empty."""

    about: Speaker | None = None
    about_evidence: str = ""  # where the name was read, for the editor
    role: PrintedRole | None = None
    election: Election | None = None
    office: str = ""
    party: str = ""
    running_mate: bool = False
    elections: list[Election] = field(default_factory=list)  # the choices offered


def paragraph_around(body: str, start: int, end: int) -> str:
    """The paragraph holding body[start:end]: where the attribution and its apposition are."""
    paragraph_start = body.rfind("\n\n", 0, start)
    paragraph_end = body.find("\n\n", end)
    return body[
        0 if paragraph_start < 0 else paragraph_start + 2 : len(body)
        if paragraph_end < 0
        else paragraph_end
    ]


def _one_speaker(names: list[str], matches: dict[str, Speaker | None]) -> Speaker | None:
    """The one known speaker the names point to; None for none, or for two different ones."""
    found = {matches[" ".join(n.split())] for n in names if matches.get(" ".join(n.split()))}
    return found.pop() if len(found) == 1 else None


def _matching_election(office: str, elections: list[Election]) -> Election | None:
    """The first election (by polling day) that has a candidacy for the office, or whose name
    says it ("President": "2028 Aldorian presidential election"); None when none does."""
    if not office:
        return None
    wanted = office.casefold()
    last_word = wanted.split()[-1]
    for election in elections:
        offices = {candidacy.office.casefold() for candidacy in election.candidacies.all()}
        if wanted in offices or last_word in election.name.casefold():
            return election
    return None


def propose(article, suggestions: list[QuoteSuggestion], matched: dict) -> dict[int, Proposal]:
    """{suggestion id: Proposal} for the pending suggestions of one article.

    ``matched`` is {suggestion id: Speaker or None}, the speakers already matched by name:
    roles and candidacies are proposed only for speakers who would be created (no match).
    Anonymous claims get the person they are about: a known speaker named in the attribution
    ("unnamed Trump advisers"), else one named in the claim itself; never a guess between two.
    """
    body = article.body
    readings: dict[int, tuple[list[str], list[str]]] = {}
    for suggestion in suggestions:
        if suggestion.kind == Quote.Kind.ANONYMOUS:
            readings[suggestion.pk] = (names_in(suggestion.attribution), names_in(suggestion.text))
    wanted = {name for pair in readings.values() for names in pair for name in names}
    matches = match_speakers(wanted) if wanted else {}

    roles: dict[int, PrintedRole] = {}
    for suggestion in suggestions:
        if suggestion.kind == Quote.Kind.ANONYMOUS or not suggestion.speaker_name:
            continue
        if matched.get(suggestion.pk) is not None:
            continue
        context = f"{suggestion.attribution}\n\n" + paragraph_around(
            body, suggestion.start_offset, suggestion.end_offset
        )
        role = read_role(suggestion.speaker_name, context)
        if role is not None:
            roles[suggestion.pk] = role

    elections: list[Election] = []
    if any(role.office_sought for role in roles.values()):
        elections = list(
            Election.objects.filter(held_on__gte=article.published_on)
            .prefetch_related("candidacies")
            .order_by("held_on", "pk")
        )

    proposals: dict[int, Proposal] = {}
    for suggestion in suggestions:
        proposal = Proposal()
        if suggestion.pk in readings:
            in_attribution, in_claim = readings[suggestion.pk]
            if in_attribution_speaker := _one_speaker(in_attribution, matches):
                proposal.about = in_attribution_speaker
                proposal.about_evidence = "named in the attribution"
            elif not any(matches.get(name) for name in in_attribution):
                proposal.about = _one_speaker(in_claim, matches)
                proposal.about_evidence = "named in the claim" if proposal.about else ""
        role = roles.get(suggestion.pk)
        if role is not None:
            proposal.role = role
            proposal.office = role.office_sought
            if proposal.office:
                proposal.party = role.organisation
                proposal.running_mate = role.is_running_mate
                proposal.elections = elections
                proposal.election = _matching_election(proposal.office, elections)
        proposals[suggestion.pk] = proposal
    return proposals
