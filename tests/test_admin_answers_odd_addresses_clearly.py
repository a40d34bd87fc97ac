"""Odd addresses in the editors' area get a clear answer, never a server error: a NUL byte in a
filter, a search or the autocomplete is a 400 saying so; a session that ended sends the editor to
sign in and back to the same address, query string and all; a sign-in with a refused `next`
lands in the admin, not on a missing profile page."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from stances.security import SIGNED_IN_AT

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "status__exact=%00",
        "kind__exact=%00",
        "q=%00",
        "%00=1",
        "status__exact=draft&q=a%00b",
    ],
)
def test_a_nul_byte_in_the_quote_list_is_a_400_saying_so(editor_client, query):
    response = editor_client.get(reverse("admin:stances_quote_changelist") + "?" + query)

    assert response.status_code == 400
    assert "NUL character" in response.text


def test_a_nul_byte_in_the_autocomplete_term_is_a_400(editor_client):
    url = reverse("admin:autocomplete") + (
        "?term=%00&app_label=stances&model_name=quote&field_name=speaker"
    )

    response = editor_client.get(url)

    assert response.status_code == 400


def test_the_admin_without_nul_bytes_answers_as_before(editor_client):
    url = reverse("admin:stances_quote_changelist") + "?status__exact=draft&q=talks"

    assert editor_client.get(url).status_code == 200


def test_an_ended_session_returns_to_the_same_address_with_its_query(editor_client):
    session = editor_client.session
    session[SIGNED_IN_AT] = 0  # signed in long ago: the absolute lifetime has passed
    session.save()
    wanted = reverse("admin:stances_quote_changelist") + "?status__exact=draft&q=a b&o=1"

    response = editor_client.get(wanted)

    assert response.status_code == 302
    location = urlparse(response["Location"])
    assert location.path == reverse("admin:login")
    assert parse_qs(location.query)["next"] == [
        reverse("admin:stances_quote_changelist") + "?status__exact=draft&q=a%20b&o=1"
    ]


def test_a_sign_in_whose_next_is_refused_lands_in_the_admin(client, editor):
    response = client.post(
        reverse("admin:login") + "?next=https://elsewhere.example/",
        {
            "username": editor.username,
            "password": "correct-horse-battery",
            "next": "https://elsewhere.example/",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


@pytest.mark.parametrize(
    ("model_name", "field_name"),
    [("stancetag", "stance"), ("quote", "speaker"), ("quote", "article"), ("quote", "about")],
)
def test_the_autocomplete_pages_an_ordered_list(editor_client, model_name, field_name):
    # The suite turns Django's UnorderedObjectListWarning into an error: this would be a 500.
    from tests.factories import make_quote, make_stance

    make_stance()
    make_quote()
    url = reverse("admin:autocomplete") + (
        f"?term=a&app_label=stances&model_name={model_name}&field_name={field_name}"
    )

    assert editor_client.get(url).status_code == 200
