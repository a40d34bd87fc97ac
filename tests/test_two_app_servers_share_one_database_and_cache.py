"""Several stateless app servers behind a proxy, over one PostgreSQL and one Redis: an editor's
change made through one server is what readers of the other get on their very next request;
an editor signed in on one is signed in on the other; a task queued by one is run by a worker."""

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
import uuid

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from articles.models import Article
from stances.models import Quote, QuoteSuggestion
from tests.factories import make_article, make_editor, make_quote, make_tag
from tests.faults import ROOT, AppServer
from tests.test_readers_pages_are_cached_until_any_edit import redis_url

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="several app servers share a PostgreSQL server"
)

PASSWORD = "two-servers-one-database"


@pytest.fixture
def shared_services(transactional_db):
    """The environment both servers (and the worker) share: this test's database and a Redis
    key prefix of its own."""
    url = redis_url()
    if url is None:
        pytest.skip("no Redis on 127.0.0.1:6379 (set REDIS_URL); CI always has one")
    config = connection.settings_dict
    user, host = config.get("USER") or "postgres", config.get("HOST") or "127.0.0.1"
    database = f"postgres://{user}@{host}:{config.get('PORT') or 5432}/{config['NAME']}"
    prefix = f"stances-two-servers-{uuid.uuid4().hex}"
    env = {
        "DATABASE_URL": database,
        "REDIS_URL": url,
        "CACHE_KEY_PREFIX": prefix,
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    yield env
    import redis

    server = redis.Redis.from_url(url)
    keys = list(server.scan_iter(f"{prefix}:*"))
    if keys:
        server.delete(*keys)


@pytest.fixture
def two_servers(shared_services):
    # The second reads its pages from a "replica" that is the primary itself: the configuration
    # is exercised end to end, the routing rules have their own tests.
    first = AppServer(shared_services, threads=2)
    second = AppServer(
        {**shared_services, "DATABASE_REPLICA_URL": shared_services["DATABASE_URL"]}, threads=2
    )
    yield first, second
    first.stop()
    second.stop()


class Browser:
    """A browser's cookies and forms, against any of the servers."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, server, path) -> tuple[int, str]:
        return self._open(server, path)

    def post(self, server, path, fields) -> tuple[int, str]:
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}, doseq=True)
        headers = {"Referer": server.url + path}
        return self._open(server, path, data.encode(), headers)

    def _open(self, server, path, data=None, headers=None):
        request = urllib.request.Request(server.url + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def sign_in(self, server, username):
        self.get(server, "/admin/login/")
        status, page = self.post(
            server,
            "/admin/login/?next=/admin/",
            {"username": username, "password": PASSWORD, "next": "/admin/"},
        )
        assert status == 200
        assert "Evidence and sources" in page, page[:2000]


def editor_with_a_password():
    editor = make_editor("dana")
    # The servers hash at full strength; the tests' fast hasher is not among theirs.
    editor.password = PBKDF2PasswordHasher().encode(PASSWORD, "twoserverssalt")
    editor.save()
    return editor


def test_an_edit_through_one_server_is_read_through_the_other_at_once(two_servers):
    first, second = two_servers
    editor_with_a_password()
    draft = make_quote(status=Quote.Status.DRAFT, text="Words that only the edit makes public.")
    make_tag(quote=draft)
    reader = Browser()
    assert "Words that only the edit makes public." not in reader.get(second, "/quotes/")[1]
    assert second.get("/quotes/").headers["X-Page-Cache"] == "hit"  # stored, as readers see it

    editor = Browser()
    editor.sign_in(first, "dana")
    status, _ = editor.post(
        first,
        "/admin/stances/quote/",
        {"action": "publish_quotes", "_selected_action": [draft.pk]},
    )
    assert status == 200

    status, page = reader.get(second, "/quotes/")
    assert status == 200
    assert "Words that only the edit makes public." in page


def test_an_editor_signed_in_on_one_server_is_signed_in_on_the_other(two_servers):
    first, second = two_servers
    editor_with_a_password()
    editor = Browser()
    editor.sign_in(first, "dana")

    status, page = editor.get(second, "/admin/")

    assert status == 200
    assert "Evidence and sources" in page
    assert 'id="login-form"' not in page


def test_a_task_queued_through_one_server_is_run_by_a_worker(two_servers):
    first, second = two_servers
    editor_with_a_password()
    article = make_article(
        body='"We will not send troops," said Ana Okafor, the senator, on Tuesday.'
    )
    editor = Browser()
    editor.sign_in(first, "dana")

    status, page = editor.post(first, f"/admin/articles/article/{article.pk}/suggestions/", {})
    assert status == 200
    assert "Queued" in page, re.sub(r"\s+", " ", page)[:3000]
    assert not QuoteSuggestion.objects.filter(article=article).exists()

    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--interval=0",
        ],
        cwd=ROOT,
        env={**os.environ, **second_env(second)},
        check=True,
        timeout=120,
        capture_output=True,
    )

    assert QuoteSuggestion.objects.filter(article=article).exists()
    status, page = editor.get(second, f"/admin/articles/article/{article.pk}/suggestions/")
    assert "Finished" in page
    assert Article.objects.filter(pk=article.pk).exists()


def second_env(server) -> dict:
    return {
        key: value
        for key, value in server.env.items()
        if key in {"DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX", "TASKS_BACKEND"}
    }
