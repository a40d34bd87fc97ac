"""The Popolo export at /popolo.json: every person, organization and membership is valid against
the Popolo project's own JSON schemas, every id a membership names is in the export, only
speakers with a public page are in it, and it costs the same few queries however many people."""

import datetime
import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from stances.models import Candidacy, Quote, Speaker
from tests.archive import build_archive
from tests.factories import (
    make_candidacy,
    make_election,
    make_quote,
    make_role,
    make_speaker,
)

pytestmark = pytest.mark.django_db

# The schemas sit beside the checkout (../shared/popolo), or where POPOLO_SCHEMAS says.
SCHEMAS = Path(os.environ.get("POPOLO_SCHEMAS", settings.BASE_DIR.parent / "shared" / "popolo"))
SCHEMA_URI = "http://www.popoloproject.com/schemas/{}.json#"


@pytest.fixture(scope="module")
def validators():
    if not (SCHEMAS / "person.json").is_file():
        message = f"the Popolo schemas are not at {SCHEMAS} (set POPOLO_SCHEMAS)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    registry = Registry()
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text())
        resource = Resource.from_contents(contents, default_specification=DRAFT3)
        registry = registry.with_resource(contents["id"].rstrip("#"), resource)
        registry = registry.with_resource(contents["id"], resource)
    registry = registry.crawl()

    def validator(name):
        schema = registry.contents(SCHEMA_URI.format(name).rstrip("#"))
        return Draft3Validator(
            schema, registry=registry, format_checker=Draft3Validator.FORMAT_CHECKER
        )

    return {
        "persons": validator("person"),
        "organizations": validator("organization"),
        "memberships": validator("membership"),
    }


def export(client):
    response = client.get(reverse("sharing:popolo"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def assert_valid(document, validators):
    for kind, validator in validators.items():
        assert document[kind], f"the export has no {kind}"
        for record in document[kind]:
            errors = [error.message for error in validator.iter_errors(record)]
            assert not errors, f"{kind} {record.get('id')}: {errors}"


def test_every_record_of_a_whole_archive_is_valid_popolo(client, validators):
    build_archive(40)
    document = export(client)

    assert_valid(document, validators)


def test_the_validator_refuses_a_record_popolo_does_not_allow(validators):
    """The check can fail: a date in the wrong form and a link without its address."""
    bad = {"id": "x", "start_date": "5 November 2024", "sources": [{"note": "no url"}]}
    messages = [error.message for error in validators["memberships"].iter_errors(bad)]

    assert len(messages) == 2
    assert "'url' is a required property" in messages  # from link.json, through a $ref


def test_every_id_a_membership_names_is_exported(client, validators):
    build_archive(40)
    document = export(client)
    ids = {record["id"] for kind in ("persons", "organizations") for record in document[kind]}
    membership_ids = [membership["id"] for membership in document["memberships"]]

    assert len(ids) == len(document["persons"]) + len(document["organizations"])
    assert len(set(membership_ids)) == len(membership_ids)
    for membership in document["memberships"]:
        named = [membership.get(key) for key in ("person_id", "organization_id", "on_behalf_of_id")]
        named.append(membership.get("member", {}).get("id"))
        assert membership.get("person_id") or membership.get("member"), membership
        for id_ in filter(None, named):
            assert id_ in ids, f"{membership['id']} names {id_}, which is not exported"


def test_roles_candidacies_and_parties_are_memberships_with_sources(client, validators):
    election = make_election(name="2024 United States presidential election")
    trump = make_speaker(name="Donald Trump", wikidata_id="Q22686", description="Businessman")
    vance = make_speaker(name="JD Vance")
    head = make_candidacy(election=election, speaker=trump, party="Republican Party")
    make_candidacy(
        election=election,
        speaker=vance,
        party="Republican Party",
        office="Vice President",
        ticket_position=Candidacy.TicketPosition.RUNNING_MATE,
        running_mate_of=head,
    )
    make_role(
        vance,
        title="Senator",
        organisation="United States Senate",
        started_on=datetime.date(2023, 1, 3),
        ended_on=datetime.date(2025, 1, 10),
    )

    document = export(client)
    assert_valid(document, validators)
    persons = {person["name"]: person for person in document["persons"]}
    organizations = {org["id"]: org for org in document["organizations"]}
    memberships = document["memberships"]

    trump_record = persons["Donald Trump"]
    assert trump_record["identifiers"] == [{"scheme": "wikidata", "identifier": "Q22686"}]
    assert trump_record["summary"] == "Businessman"
    assert trump_record["sources"][0]["url"] == f"http://testserver{trump.get_absolute_url()}"

    party = organizations["party/republican-party"]
    assert party["classification"] == "party"
    election_org = organizations[f"election/{election.pk}"]
    assert election_org["classification"] == "election"

    vance_memberships = [m for m in memberships if m.get("person_id") == persons["JD Vance"]["id"]]
    senate = next(m for m in vance_memberships if m["role"] == "Senator")
    assert senate["organization_id"] == "organisation/united-states-senate"
    assert (senate["start_date"], senate["end_date"]) == ("2023-01-03", "2025-01-10")
    candidacy = next(m for m in vance_memberships if m["organization_id"] == election_org["id"])
    assert candidacy["role"] == "Running mate"
    assert candidacy["label"] == "Running mate for Vice President"
    assert candidacy["on_behalf_of_id"] == "party/republican-party"
    assert candidacy["sources"][0]["url"].endswith(election.get_absolute_url())
    assert any(m["organization_id"] == "party/republican-party" for m in vance_memberships)


def test_only_speakers_with_a_public_page_are_exported(client):
    published = make_quote()
    draft_only = make_speaker(name="Known only from a draft")
    make_quote(speaker=draft_only, status=Quote.Status.DRAFT)
    make_role(draft_only, title="Adviser")

    document = export(client)
    names = {person["name"] for person in document["persons"]}

    assert names == {published.speaker.name}
    assert all(m.get("person_id") != f"speaker/{draft_only.pk}" for m in document["memberships"])


def test_a_speaker_that_is_an_organisation_is_an_organization(client, validators):
    kremlin = make_speaker(name="The Kremlin", kind=Speaker.Kind.ORGANISATION)
    make_quote(speaker=kremlin)
    make_role(kremlin, title="Press service", organisation="")

    document = export(client)

    assert_valid({**document, "persons": [{"id": "nobody"}]}, validators)
    assert document["persons"] == []
    kremlin_id = f"speaker/{kremlin.pk}"
    assert any(org["id"] == kremlin_id for org in document["organizations"])
    role = next(m for m in document["memberships"] if m["role"] == "Press service")
    assert role["member"] == {"@type": "Organization", "id": kremlin_id}


def test_parties_named_in_other_scripts_keep_their_own_ids(client, validators):
    for party in ("Единая Россия", "Справедливая Россия", "!!!"):
        make_candidacy(party=party)

    document = export(client)
    parties = [o for o in document["organizations"] if o.get("classification") == "party"]

    assert_valid(document, validators)
    assert len({party["id"] for party in parties}) == 3


def test_the_export_costs_the_same_queries_for_few_and_many_people(client):
    def queries_for(n_quotes):
        build_archive(n_quotes)
        with CaptureQueriesContext(connection) as queries:
            export(client)
        return len(queries)

    assert queries_for(10) == queries_for(300) <= 4
