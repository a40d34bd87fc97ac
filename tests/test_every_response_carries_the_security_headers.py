"""Every response, public, admin or error, carries a strict Content-Security-Policy and a
Permissions-Policy; and the documented production settings pass `check --deploy` with no warning."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from stances.models import Quote, Stance
from tests.archive import build_archive
from tests.factories import make_editor, make_quote
from tests.test_admin_pages_open_for_editors import (
    FACTORIES,
    READ_ONLY,
    REGISTERED,
    admin_url,
    every_admin_page_an_editor_opens,
)
from tests.test_query_strings_never_cause_a_server_error import public_urls

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent

REQUIRED_DIRECTIVES = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
NEVER_ALLOWED = ("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:")


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_security_headers(response, where: str):
    assert "Content-Security-Policy" in response.headers, f"{where}: no CSP"
    policy = directives(response.headers["Content-Security-Policy"])
    for name, value in REQUIRED_DIRECTIVES.items():
        assert policy.get(name) == [value], f"{where}: {name} is {policy.get(name)}"
    for name, values in policy.items():
        for value in values:
            assert value not in NEVER_ALLOWED, f"{where}: {name} allows {value}"
            # No nonce either: the same header on every response, fit for a shared cache.
            assert value in ("'self'", "'none'"), f"{where}: {name} allows {value}"
    permissions = response.headers.get("Permissions-Policy", "")
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions, f"{where}: Permissions-Policy allows {feature}"


@pytest.fixture
def archive():
    return build_archive(10)


@pytest.fixture
def anonymous():
    """A reader whose requests come back as responses even when the view raises."""
    return Client(raise_request_exception=False)


def test_every_public_page_carries_the_headers(anonymous, archive):
    urls = [*public_urls(archive), reverse("healthz")]
    for url in urls:
        response = anonymous.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response, url)


def test_every_admin_page_an_editor_opens_carries_the_headers(editor_client):
    urls = every_admin_page_an_editor_opens()
    for url in urls:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response, url)


def test_the_superusers_task_pages_carry_the_headers(admin_client):
    from stances import tasks

    tasks.start_rebuilding_positions(None)
    urls = [
        reverse("admin:stances_rebuild_positions"),
        reverse("admin:django_tasks_database_dbtaskresult_changelist"),
    ]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response, url)


def test_the_admin_autocomplete_carries_the_headers(editor_client):
    FACTORIES[Stance]()
    url = reverse("admin:autocomplete") + (
        "?term=a&app_label=stances&model_name=stancetag&field_name=stance"
    )
    response = editor_client.get(url)
    assert response.status_code == 200
    assert_security_headers(response, url)


def test_the_sign_in_page_and_its_redirect_carry_the_headers(anonymous, db):
    redirect = anonymous.get(reverse("admin:index"))
    assert redirect.status_code == 302
    assert_security_headers(redirect, "the redirect to sign in")
    sign_in = anonymous.get(redirect.url)
    assert sign_in.status_code == 200
    assert_security_headers(sign_in, "the sign-in page")


def test_error_pages_carry_the_headers(anonymous, editor_client, settings):
    bad_host = anonymous.get(reverse("home"), headers={"host": "elsewhere.example"})
    assert bad_host.status_code == 400
    assert_security_headers(bad_host, "Django's 400")

    nul = editor_client.get(reverse("admin:stances_quote_changelist") + "?q=%00")
    assert nul.status_code == 400
    assert_security_headers(nul, "the admin's NUL-byte 400")

    missing = anonymous.get("/no-such-page/")
    assert missing.status_code == 404
    assert_security_headers(missing, "the 404")

    retracted = make_quote(
        status=Quote.Status.RETRACTED,
        retraction_reason="Misattributed.",
        published_at=timezone.now(),
    )
    gone = anonymous.get(retracted.get_absolute_url())
    assert gone.status_code == 410
    assert_security_headers(gone, "the 410")

    settings.ROOT_URLCONF = "tests.test_pages_show_the_evidence"
    broken = anonymous.get("/broken/")
    assert broken.status_code == 500
    assert_security_headers(broken, "the 500")

    settings.ROOT_URLCONF = "stances.urls"

    def database_gone(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(database_gone):
        unavailable = anonymous.get(reverse("speakers"))
    assert unavailable.status_code == 503
    assert_security_headers(unavailable, "the 503")


PRODUCTION = {
    "HTTPS": "true",
    "DEBUG": "false",
    "SECRET_KEY": "k" * 10 + "Zq8-vX2_pL0wR5tY7uI9oA3sD6fG1hJ4kL8zX0cV3bN",
    "ALLOWED_HOSTS": "stances.example",
    "DATABASE_URL": f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
}


def test_the_documented_production_settings_pass_the_deploy_check():
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        # The test run's own switches, which production never sets.
        not in {"DEBUG", "SECURE_HSTS_PRELOAD", "SECURE_HSTS_SECONDS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env={**env, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "stances.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(0 silenced)" in result.stdout, result.stdout


@pytest.mark.browser
def test_chromium_reports_no_policy_violation_on_public_or_admin_pages(demo_site, chromium):
    """The policy is only strict if nothing the site itself serves breaks under it: every script,
    stylesheet and style the pages use, the admin's included (its autocomplete, its history)."""
    from tests.browser import DESKTOP

    quote = Quote.objects.filter(status=Quote.Status.PUBLISHED).first()
    public = [
        reverse("home"),
        quote.speaker.get_absolute_url(),
        reverse("compare") + f"?speakers={quote.speaker.slug}",
        reverse("topics"),
        reverse("speakers"),
        reverse("quotes"),
        quote.get_absolute_url(),
        reverse("articles"),
        quote.article.get_absolute_url(),
        "/no-such-page/",
        reverse("admin:login"),
    ]
    admin = [
        reverse("admin:index"),
        reverse("admin:stances_quote_tagging_queue"),
        reverse("admin:articles_article_suggestions", args=[quote.article.pk]),
        reverse("admin:articles_article_import"),
        admin_url(Quote, "history", quote.pk),
    ]
    for model in REGISTERED:
        admin.append(admin_url(model, "changelist"))
        if model not in READ_ONLY:
            admin.append(admin_url(model, "add"))
    change_form = admin_url(Quote, "change", quote.pk)

    client = Client()
    client.force_login(make_editor())
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(10_000)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    for path in public:
        page.goto(demo_site.url + path)
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": demo_site.url,
            }
        ]
    )
    for path in admin:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
    # The change form with its autocomplete opened and searched, as an editor works.
    page.goto(demo_site.url + change_form)
    page.locator(".select2-selection").first.click()
    page.keyboard.type("a")
    page.locator(".select2-results__option").first.wait_for()
    context.close()
    assert not violations, "\n".join(violations)
