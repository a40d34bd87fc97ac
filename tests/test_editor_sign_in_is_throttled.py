"""Editor sign-in: throttled by username and address together, behind one proxy too."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

PASSWORD = "correct-horse-battery"
WRONG = "not-the-password"


def sign_in(client, username, password, address="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        **extra,
    )


def is_signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("admin:index")


def fail_five_times(client, username, **where):
    for attempt in range(5):
        response = sign_in(client, username, WRONG, **where)
        if attempt < 4:
            assert response.status_code == 200  # the login form again, with its error


@pytest.mark.django_db
def test_the_right_password_signs_an_editor_in(client, editor):
    assert is_signed_in(sign_in(client, editor.username, PASSWORD))


@pytest.mark.django_db
def test_five_failures_lock_the_username_from_that_address_with_a_clear_page(client, editor):
    fail_five_times(client, editor.username)
    locked = sign_in(client, editor.username, PASSWORD)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in paused" in page
    assert "0:15:00" in page  # the 15-minute cool-off, stated
    assert editor.username in page


@pytest.mark.django_db
def test_four_failures_do_not_lock_anyone_out(client, editor):
    for _ in range(4):
        sign_in(client, editor.username, WRONG)
    assert is_signed_in(sign_in(client, editor.username, PASSWORD))


@pytest.mark.django_db
def test_one_attacker_cannot_lock_the_editor_out_of_other_addresses(client, editor):
    fail_five_times(client, editor.username, address="198.51.100.66")
    assert is_signed_in(sign_in(client, editor.username, PASSWORD, address="203.0.113.7"))


@pytest.mark.django_db
def test_failures_on_one_username_do_not_lock_other_editors(client, editor, django_user_model):
    other = django_user_model.objects.create_user("olu", password=PASSWORD, is_staff=True)
    fail_five_times(client, editor.username)
    assert is_signed_in(sign_in(client, other.username, PASSWORD))


@pytest.mark.django_db
def test_the_lock_lifts_after_the_cool_off(client, editor):
    fail_five_times(client, editor.username)
    assert sign_in(client, editor.username, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert is_signed_in(sign_in(client, editor.username, PASSWORD))


@pytest.mark.django_db
def test_behind_one_proxy_the_address_the_proxy_saw_is_used(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    # The attacker forges a different left-most entry each time; the proxy appends the truth.
    for n in range(5):
        sign_in(
            client, editor.username, WRONG, address=proxy, forwarded=f"1.2.3.{n}, 198.51.100.66"
        )
    assert AccessAttempt.objects.get().ip_address == "198.51.100.66"
    assert (
        sign_in(
            client, editor.username, PASSWORD, address=proxy, forwarded="9.9.9.9, 198.51.100.66"
        ).status_code
        == 429
    )
    # A real editor behind the same proxy, from another address, is not affected.
    assert is_signed_in(
        sign_in(client, editor.username, PASSWORD, address=proxy, forwarded="203.0.113.7")
    )


@pytest.mark.django_db
def test_without_a_trusted_proxy_forwarded_headers_are_ignored(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        sign_in(client, editor.username, WRONG, address="198.51.100.66", forwarded=f"1.2.3.{n}")
    assert AccessAttempt.objects.get().ip_address == "198.51.100.66"
