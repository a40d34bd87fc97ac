"""Speakers' other names are open data like their names: the API lists them, Popolo carries them as
other_names (valid against the Popolo schemas), the speaker page says them and gives them to
schema.org as alternateName; editing one drops readers' cached pages."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from stances import page_cache
from stances.models import OtherName
from tests.factories import make_other_name, make_quote, make_role, make_speaker
from tests.test_json_ld_describes_quotes_and_speakers_safely import only_json_ld
from tests.test_popolo_export_is_valid_and_holds_only_public_people import (
    assert_valid,
    export,
    validators,  # noqa: F401  (a fixture)
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def zelensky():
    speaker = make_speaker(name="Volodymyr Zelensky", slug="volodymyr-zelensky")
    make_other_name(speaker, "Zelenskyy", note="transliteration")
    make_other_name(speaker, "Volodymyr Oleksandrovych Zelenskyy", note="full name")
    make_other_name(speaker, "Ze", note="nickname", started_on=datetime.date(2018, 12, 31))
    make_quote(speaker=speaker, text="Peace through strength")
    return speaker


def test_the_api_lists_a_speakers_other_names(client, zelensky):
    response = client.get(reverse("api:speaker", args=[zelensky.slug]))

    assert response.status_code == 200
    assert response.json()["other_names"] == [
        {
            "name": "Volodymyr Oleksandrovych Zelenskyy",
            "note": "full name",
            "started_on": None,
            "ended_on": None,
        },
        {"name": "Ze", "note": "nickname", "started_on": "2018-12-31", "ended_on": None},
        {"name": "Zelenskyy", "note": "transliteration", "started_on": None, "ended_on": None},
    ]
    listed = client.get(reverse("api:speakers")).json()["results"]
    assert [s["other_names"] for s in listed] == [response.json()["other_names"]]


def test_popolo_carries_other_names_and_stays_valid(client, zelensky, validators):  # noqa: F811
    organisation = make_speaker(name="The Kremlin", slug="the-kremlin", kind="organisation")
    make_other_name(organisation, "Moscow Kremlin")
    make_quote(speaker=organisation, text="Nothing can be done within 24 hours")
    make_role(zelensky, title="President of Ukraine", organisation="Ukraine")

    document = export(client)

    assert_valid(document, validators)
    (person,) = document["persons"]
    assert person["other_names"] == [
        {"name": "Volodymyr Oleksandrovych Zelenskyy", "note": "full name"},
        {"name": "Ze", "note": "nickname", "start_date": "2018-12-31"},
        {"name": "Zelenskyy", "note": "transliteration"},
    ]
    kremlin = next(o for o in document["organizations"] if o["name"] == "The Kremlin")
    assert kremlin["other_names"] == [{"name": "Moscow Kremlin"}]


def test_the_speaker_page_says_the_other_names_and_gives_them_to_schema_org(client, zelensky):
    response = client.get(zelensky.get_absolute_url())

    assert "Also written as Volodymyr Oleksandrovych Zelenskyy (full name), Ze (nickname)" in (
        response.text
    )
    data = only_json_ld(client, zelensky.get_absolute_url())
    assert data["alternateName"] == ["Volodymyr Oleksandrovych Zelenskyy", "Ze", "Zelenskyy"]


def test_a_speaker_without_other_names_has_no_alternate_name(client):
    speaker = make_speaker(name="Dmitry Peskov")
    make_quote(speaker=speaker)

    assert "alternateName" not in only_json_ld(client, speaker.get_absolute_url())
    assert "Also written as" not in client.get(speaker.get_absolute_url()).text


def test_adding_or_deleting_an_other_name_drops_readers_cached_pages(zelensky):
    def version():
        return cache.get(page_cache.VERSION_KEY)

    page_cache.start_versions()
    before = version()
    name = make_other_name(zelensky, "Zelenskiy")
    after_adding = version()
    name.delete()

    assert before < after_adding < version()
    assert OtherName.history.filter(name="Zelenskiy").count() == 2  # added, deleted
