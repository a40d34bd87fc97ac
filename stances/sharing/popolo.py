"""The Popolo export: every speaker with a public page as a person (or, for a speaker that is an
organisation, an organization), the parties, elections and organisations they belong to, and the
memberships between them (roles held, candidacies, parties stood for).

Popolo (popoloproject.com) is the shared format of civic-tech people data. Ids are stable across
exports: they are built from primary keys, or from the name for parties and organisations, which
the model records as text. Four queries, however many people.
"""

import hashlib

from django.utils.text import slugify

from stances.forms import public_speakers
from stances.models import Candidacy, Speaker


def person_id(speaker) -> str:
    return f"speaker/{speaker.pk}"


def named_id(prefix: str, name: str) -> str:
    """An id from a name recorded as text, the same for names that differ only in case or
    punctuation; a name with no letters or digits left gets a digest instead."""
    key = slugify(name, allow_unicode=True)
    if not key:
        key = hashlib.sha256(name.encode()).hexdigest()[:12]
    return f"{prefix}/{key}"


def day(date) -> str | None:
    return date.isoformat() if date else None


def link(url: str, note: str) -> dict:
    return {"url": url, "note": note}


def without_empty(record: dict) -> dict:
    """Leaves out absent values: Popolo readers treat a missing field as unknown."""
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def export(absolute) -> dict:
    """The whole export. `absolute` turns a site path into a full address."""
    speakers = list(
        public_speakers().prefetch_related("roles", "other_names").order_by("name", "pk")
    )
    # Every candidate has a public page; the filter only keeps the two lists in step.
    candidacies = Candidacy.objects.select_related("election").order_by(
        "election__held_on", "election__pk", "order", "pk"
    )
    by_pk = {speaker.pk: speaker for speaker in speakers}

    persons, organizations, memberships = [], {}, []
    for speaker in speakers:
        page = absolute(speaker.get_absolute_url())
        record = without_empty(
            {
                "id": person_id(speaker),
                "name": speaker.name,
                "other_names": [other_name(name) for name in speaker.other_names.all()],
                "summary": speaker.description,
                "identifiers": (
                    [{"scheme": "wikidata", "identifier": speaker.wikidata_id}]
                    if speaker.wikidata_id
                    else []
                ),
                "links": [link(page, "Stances speaker page")]
                + (
                    [link(f"https://www.wikidata.org/wiki/{speaker.wikidata_id}", "Wikidata")]
                    if speaker.wikidata_id
                    else []
                ),
                "sources": [link(page, "Stances speaker page")],
            }
        )
        if speaker.kind == Speaker.Kind.ORGANISATION:
            organizations[record["id"]] = {**record, "classification": "speaker"}
        else:
            persons.append(record)
        for role in sorted(speaker.roles.all(), key=lambda r: (r.started_on is None, r.pk)):
            memberships.append(role_membership(speaker, role, page, organizations))

    for candidacy in candidacies:
        if candidacy.speaker_id in by_pk:
            speaker = by_pk[candidacy.speaker_id]
            memberships.extend(candidacy_memberships(candidacy, speaker, absolute, organizations))

    return {
        "persons": persons,
        "organizations": sorted(organizations.values(), key=lambda o: o["id"]),
        "memberships": memberships,
    }


def other_name(name) -> dict:
    """A transliteration, maiden name or nickname, as Popolo's other_name."""
    return without_empty(
        {
            "name": name.name,
            "note": name.note,
            "start_date": day(name.started_on),
            "end_date": day(name.ended_on),
        }
    )


def member(speaker) -> dict:
    """Who a membership belongs to: a person, or an organisation speaking as one."""
    if speaker.kind == Speaker.Kind.ORGANISATION:
        return {"member": {"@type": "Organization", "id": person_id(speaker)}}
    return {"person_id": person_id(speaker)}


def role_membership(speaker, role, page, organizations) -> dict:
    organization_id = None
    if role.organisation:
        organization_id = named_id("organisation", role.organisation)
        organizations.setdefault(
            organization_id,
            {
                "id": organization_id,
                "name": role.organisation,
                "sources": [link(page, "Stances speaker page")],
            },
        )
    return without_empty(
        {
            "id": f"role/{role.pk}",
            **member(speaker),
            "organization_id": organization_id,
            "role": role.title,
            "label": str(role),
            "start_date": day(role.started_on),
            "end_date": day(role.ended_on),
            "sources": [link(page, "Stances speaker page")],
        }
    )


def candidacy_memberships(candidacy, speaker, absolute, organizations) -> list[dict]:
    """A candidacy is a membership of the election's candidates, on behalf of the party; standing
    for a party is also a membership of the party."""
    election = candidacy.election
    election_id = f"election/{election.pk}"
    election_page = absolute(election.get_absolute_url())
    sources = [link(election_page, "Stances election page")]
    organizations.setdefault(
        election_id,
        without_empty(
            {
                "id": election_id,
                "name": f"Candidates in the {election.name}",
                "classification": "election",
                "abstract": election.description,
                "links": sources,
                "sources": sources,
            }
        ),
    )
    party_id = None
    if candidacy.party:
        party_id = named_id("party", candidacy.party)
        organizations.setdefault(
            party_id,
            {"id": party_id, "name": candidacy.party, "classification": "party", "sources": []},
        )
        if sources[0] not in organizations[party_id]["sources"]:
            organizations[party_id]["sources"].append(sources[0])
    role = "Running mate" if candidacy.is_running_mate else "Candidate"
    memberships = [
        without_empty(
            {
                "id": f"candidacy/{candidacy.pk}",
                **member(speaker),
                "organization_id": election_id,
                "on_behalf_of_id": party_id,
                "role": role,
                "label": f"{role} for {candidacy.office}",
                "end_date": day(election.held_on),
                "sources": sources,
            }
        )
    ]
    if party_id:
        memberships.append(
            {
                "id": f"candidacy/{candidacy.pk}/party",
                **member(speaker),
                "organization_id": party_id,
                "role": "Candidate",
                "label": f"Stood for {candidacy.party} in the {election.name}",
                "sources": sources,
            }
        )
    return memberships
