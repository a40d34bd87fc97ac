"""Editors' sessions end after 30 idle minutes and, however active, after 12 hours."""

import time

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from stances.security import SIGNED_IN_AT

PASSWORD = "correct-horse-battery"


@pytest.fixture
def signed_in(client, editor):
    response = client.post(
        reverse("admin:login"),
        {"username": editor.username, "password": PASSWORD, "next": reverse("admin:index")},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 302
    return client


def test_the_idle_timeout_is_thirty_minutes_and_slides_with_activity(signed_in):
    assert django_settings.SESSION_COOKIE_AGE == 30 * 60
    response = signed_in.get(reverse("admin:index"))
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == 30 * 60  # renewed on every request


def test_an_idle_session_is_signed_out(signed_in):
    session = signed_in.session
    session.set_expiry(-1)  # as if 30 minutes had passed without a request
    session.save()
    response = signed_in.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_sign_in_records_when_it_happened(signed_in):
    assert abs(signed_in.session[SIGNED_IN_AT] - time.time()) < 60


def test_a_session_older_than_twelve_hours_is_signed_out_however_active(signed_in):
    assert django_settings.SESSION_ABSOLUTE_MAX_AGE == 12 * 60 * 60
    session = signed_in.session
    session[SIGNED_IN_AT] = int(time.time()) - 12 * 60 * 60 - 5
    session.save()
    response = signed_in.get(reverse("admin:quote_changelist".replace("admin:", "admin:stances_")))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "_auth_user_id" not in signed_in.session


def test_a_session_younger_than_twelve_hours_stays(signed_in):
    session = signed_in.session
    session[SIGNED_IN_AT] = int(time.time()) - 11 * 60 * 60
    session.save()
    assert signed_in.get(reverse("admin:index")).status_code == 200
