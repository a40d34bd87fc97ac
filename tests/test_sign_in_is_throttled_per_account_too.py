"""Sign-in is also limited per account across all addresses: a guesser spread over many
addresses (or a proxy count set wrong) cannot try forever. And a proxy count that contradicts
the requests is logged, once."""

import datetime
import logging

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from stances import security

PASSWORD = "correct-horse-battery"
pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def few_failures_per_account(settings):
    settings.SIGN_IN_FAILURES_PER_ACCOUNT = 6
    settings.AXES_FAILURE_LIMIT = 5


def fail_from_many_addresses(client, username, times):
    for n in range(times):
        response = sign_in(client, username, "wrong-password", f"198.51.100.{n + 1}")
        assert response.status_code == 200


def test_failures_from_many_addresses_pause_the_account_even_for_the_right_password(
    client, editor, few_failures_per_account
):
    fail_from_many_addresses(client, editor.username, 6)  # one each: no pair reaches 5

    response = sign_in(client, editor.username, PASSWORD, "192.0.2.200")

    assert response.status_code == 200
    assert "too many failed sign-ins from different places" in response.text
    assert "paused for it for 15 minutes" in response.text
    assert "_auth_user_id" not in client.session


def test_below_the_account_limit_the_right_password_still_works(
    client, editor, few_failures_per_account
):
    fail_from_many_addresses(client, editor.username, 5)

    response = sign_in(client, editor.username, PASSWORD, "192.0.2.200")

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_other_accounts_are_not_paused(client, editor, django_user_model, few_failures_per_account):
    other = django_user_model.objects.create_user("olga", password=PASSWORD, is_staff=True)
    fail_from_many_addresses(client, editor.username, 6)

    response = sign_in(client, other.username, PASSWORD, "192.0.2.200")

    assert response.status_code == 302


def test_the_pause_ends_with_the_cool_off(client, editor, few_failures_per_account):
    fail_from_many_addresses(client, editor.username, 6)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))

    response = sign_in(client, editor.username, PASSWORD, "192.0.2.200")

    assert response.status_code == 302


@pytest.fixture
def fresh_warnings(monkeypatch):
    monkeypatch.setattr(security, "_proxy_warned", set())


def test_forwarded_requests_with_no_proxy_trusted_are_logged_once(
    client, settings, caplog, fresh_warnings
):
    settings.TRUSTED_PROXY_COUNT = 0
    with caplog.at_level(logging.WARNING, logger="stances.security"):
        for _ in range(3):
            client.get(reverse("healthz"), HTTP_X_FORWARDED_FOR="203.0.113.9")

    warnings = [r.getMessage() for r in caplog.records if r.name == "stances.security"]
    assert len(warnings) == 1
    assert "TRUSTED_PROXY_COUNT is 0" in warnings[0]


def test_a_trusted_proxy_that_forwards_nothing_is_logged_once(
    client, settings, caplog, fresh_warnings
):
    settings.TRUSTED_PROXY_COUNT = 1
    with caplog.at_level(logging.WARNING, logger="stances.security"):
        client.get(reverse("healthz"))
        client.get(reverse("healthz"))

    warnings = [r.getMessage() for r in caplog.records if r.name == "stances.security"]
    assert len(warnings) == 1
    assert "without X-Forwarded-For" in warnings[0]


def test_requests_that_match_the_proxy_count_log_nothing(client, settings, caplog, fresh_warnings):
    settings.TRUSTED_PROXY_COUNT = 1
    with caplog.at_level(logging.WARNING, logger="stances.security"):
        client.get(reverse("healthz"), HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert not [r for r in caplog.records if r.name == "stances.security"]
