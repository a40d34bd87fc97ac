"""A small election for the "Where do I stand?" tests: four candidates, a running mate, and
stances on which they support, oppose, are mixed, only mentioned, or have nothing on record."""

import datetime
from dataclasses import dataclass

from stances.models import Candidacy, Election, Quote, Speaker, Stance
from tests.factories import (
    make_candidacy,
    make_election,
    make_quote,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
)


@dataclass
class Race:
    election: Election
    ada: Speaker  # supports aid in her own words; mixed on talks
    bo: Speaker  # opposes aid; supports talks, by unnamed sources only
    cy: Speaker  # nothing on aid; only mentions talks
    di: Speaker  # supports aid and talks
    mate: Speaker  # a running mate: not matched
    aid: Stance
    talks: Stance
    tariffs: Stance  # only the running mate is on record: not asked
    unasked: Stance  # nobody is on record
    ada_aid: Quote
    bo_talks: Quote


def tag(speaker, stance, alignment, day=1, **fields):
    quote = make_quote(speaker=speaker, said_on=datetime.date(2024, 5, day), **fields)
    make_tag(quote=quote, stance=stance, alignment=alignment)
    return quote


def make_race() -> Race:
    election = make_election(name="Harbour Republic presidential election")
    ada, bo, cy, di = (
        make_candidacy(election=election, speaker=make_speaker(name=name), order=i).speaker
        for i, name in enumerate(("Ada Byrne", "Bo Chen", "Cy Doyle", "Di Evans"), start=1)
    )
    head = Candidacy.objects.get(speaker=ada)
    mate = make_candidacy(
        election=election,
        order=5,
        ticket_position=Candidacy.TicketPosition.RUNNING_MATE,
        running_mate_of=head,
    ).speaker
    security = make_topic(name="Security", order=1)
    trade = make_topic(name="Trade", order=2)
    aid = make_stance(topic=security, statement="Keep sending military aid", order=1)
    talks = make_stance(topic=security, statement="Open peace talks now", order=2)
    tariffs = make_stance(topic=trade, statement="Raise tariffs on steel")
    unasked = make_stance(topic=trade, statement="Join the customs union")

    ada_aid = tag(ada, aid, "supports")
    for day, alignment in ((1, "supports"), (2, "opposes"), (3, "supports")):
        tag(ada, talks, alignment, day=day)  # no clean shift: mixed
    tag(bo, aid, "opposes")
    bo_talks = make_quote(
        kind=Quote.Kind.ANONYMOUS,
        about=bo,
        attribution_text="unnamed aides, cited by the Daily Ledger",
        said_on=datetime.date(2024, 5, 2),
    )
    make_tag(quote=bo_talks, stance=talks, alignment="supports")
    tag(cy, talks, "neutral")
    tag(di, aid, "supports")
    tag(di, talks, "supports")
    tag(mate, tariffs, "supports")
    return Race(election, ada, bo, cy, di, mate, aid, talks, tariffs, unasked, ada_aid, bo_talks)
