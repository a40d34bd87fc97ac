"""A session cookie that Django could not have made (NUL bytes, which PostgreSQL refuses in a
query, or other characters outside its keys' alphabet) is no session, as a missing cookie is: the
page answers as to any reader, never with a 500; a real editor's session still works."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.archive import build_archive

pytestmark = pytest.mark.django_db

# As a client sends them: a quoted cookie's octal escapes are decoded by Django's cookie parser.
ODD_SESSION_COOKIES = {
    "nul inside": '"abcdefghijk\\000lmnop"',
    "only nul bytes": '"' + "\\000" * 12 + '"',
    "upper case and punctuation": "ABCDEFGH-ijkl.mnop",
    "unicode": '"\\303\\251\\303\\251\\303\\251\\303\\251\\303\\251"',
}


@pytest.mark.parametrize("cookie", ODD_SESSION_COOKIES.values(), ids=ODD_SESSION_COOKIES.keys())
def test_an_odd_session_cookie_is_no_session(cookie):
    archive = build_archive(3)
    client = Client(raise_request_exception=False)
    urls = [
        reverse("home"),
        reverse("quotes"),
        archive.candidates[0].get_absolute_url(),
        reverse("api:quotes"),
        reverse("admin:login"),
    ]
    for url in urls:
        response = client.get(url, headers={"cookie": f"sessionid={cookie}"})
        assert response.status_code == 200, f"{url} answered {response.status_code}"
    to_the_admin = client.get(reverse("admin:index"), headers={"cookie": f"sessionid={cookie}"})
    assert to_the_admin.status_code == 302
    assert to_the_admin.url.startswith(reverse("admin:login"))


def test_a_real_session_still_signs_the_editor_in(editor_client):
    key = editor_client.cookies["sessionid"].value

    response = Client().get(reverse("admin:index"), headers={"cookie": f"sessionid={key}"})

    assert response.status_code == 200
