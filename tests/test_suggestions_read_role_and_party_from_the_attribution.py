"""A new speaker on Suggest quotes comes with the role and party printed next to the name,
prefilled and editable; accepting creates the speaker with that role (the party as the role's
organisation). A matched speaker is not offered a role: they have one already or get it by hand."""

import pytest
from django.urls import reverse

from stances.attribution import PrintedRole, read_role
from stances.models import Quote, Speaker
from tests.factories import make_article, make_speaker, make_suggestion

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "text", "role"),
    [
        (
            "Marek Lindqvist",
            '"We will leave," said Marek Lindqvist, the Liberty Party\'s candidate for president.',
            PrintedRole("Candidate for president", "Liberty Party"),
        ),
        (
            "Ana Okafor",
            "Foreign Minister Ana Okafor said the ports would stay open.",
            PrintedRole("Foreign Minister"),
        ),
        (
            "Jonas Berg",
            '"We must act now," said Jonas Berg, a senator from the Green Party.',
            PrintedRole("Senator", "Green Party"),
        ),
        (
            "Mireille Santo",
            "Mireille Santo, the Green Party candidate for president, said she would sign.",
            PrintedRole("Candidate for president", "Green Party"),
        ),
        (
            "Ana Okafor",
            "Ana Okafor, the foreign minister, said on Tuesday that talks would resume.",
            PrintedRole("Foreign minister"),
        ),
        (
            "Dmitry Peskov",
            "Kremlin spokesman Dmitry Peskov said nothing could be done in 24 hours.",
            PrintedRole("Kremlin spokesman"),
        ),
    ],
)
def test_a_role_is_read_in_each_printed_form(name, text, role):
    assert read_role(name, text) == role


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Ana Okafor", "Ana Okafor said the ports would stay open."),
        ("Ana Okafor", "When Ana Okafor arrived, she said the talks were over."),
        ("Ana Okafor", "Ana Okafor, who arrived late, said the talks were over."),
    ],
)
def test_without_a_role_nothing_is_read(name, text):
    assert read_role(name, text) is None


def test_the_office_sought_is_read_from_a_candidate_title():
    assert PrintedRole("Candidate for president").office_sought == "President"
    assert PrintedRole("Republican vice-presidential nominee").office_sought == "Vice President"
    assert PrintedRole("Republican vice-presidential nominee").is_running_mate
    assert PrintedRole("Senator", "Green Party").office_sought == ""


BODY = '"We will leave the Compact," said Marek Lindqvist, a senator from the Liberty Party.'


@pytest.fixture
def suggestion():
    return make_suggestion(
        article=make_article(body=BODY),
        text="We will leave the Compact",
        speaker_name="Marek Lindqvist",
        attribution="said Marek Lindqvist",
        start_offset=1,
    )


def accept_url(suggestion):
    return reverse(
        "admin:articles_article_suggestion_accept", args=[suggestion.article.pk, suggestion.pk]
    )


def test_the_page_prefills_the_new_speakers_role(editor_client, suggestion):
    url = reverse("admin:articles_article_suggestions", args=[suggestion.article.pk])

    html = editor_client.get(url).content.decode()

    assert f'name="role_title" id="role-title-{suggestion.pk}"' in html
    assert 'value="Senator"' in html
    assert 'value="Liberty Party"' in html
    assert "Candidacy" not in html, "a senator is not offered a candidacy"


def test_accepting_creates_the_speaker_with_the_role_as_edited(editor_client, editor, suggestion):
    editor_client.post(
        accept_url(suggestion),
        {"speaker": "new", "role_title": "Senator for Holm", "role_organisation": "Liberty Party"},
    )

    speaker = Speaker.objects.get(name="Marek Lindqvist")
    role = speaker.roles.get()
    assert (role.title, role.organisation) == ("Senator for Holm", "Liberty Party")
    assert role.history.first().history_user == editor
    assert Quote.objects.get().speaker == speaker


def test_an_emptied_role_creates_the_speaker_without_one(editor_client, suggestion):
    editor_client.post(accept_url(suggestion), {"speaker": "new", "role_title": ""})

    assert not Speaker.objects.get(name="Marek Lindqvist").roles.exists()


def test_a_party_without_a_title_is_refused_and_nothing_is_saved(editor_client, suggestion):
    response = editor_client.post(
        accept_url(suggestion),
        {"speaker": "new", "role_title": "", "role_organisation": "Liberty Party"},
    )

    assert response.status_code == 200
    assert "A role needs a title as well as a party." in response.content.decode()
    assert 'value="Liberty Party"' in response.content.decode(), "what was typed stays"
    assert not Speaker.objects.filter(name="Marek Lindqvist").exists()
    assert not Quote.objects.exists()


def test_a_matched_speaker_is_not_offered_a_role(editor_client, suggestion):
    make_speaker(name="Marek Lindqvist")
    url = reverse("admin:articles_article_suggestions", args=[suggestion.article.pk])

    assert 'name="role_title"' not in editor_client.get(url).content.decode()
