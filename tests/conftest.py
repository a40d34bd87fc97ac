"""Shared fixtures: the personas (an editor, a reader, an outsider) and the browser."""

import io
import os

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made there are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tests.factories import make_editor


@pytest.fixture(scope="session", autouse=True)
def live_server_answers_one_request_at_a_time_on_sqlite():
    """On SQLite the live server's threads share the test database's one in-memory connection,
    which cannot run two queries at once ("bad parameter or other API misuse" when a page frames
    several of ours). There each request runs, body included, under one lock; PostgreSQL's
    live server keeps answering in parallel."""
    import threading

    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.db import connection
    from django.test import testcases

    if connection.vendor != "sqlite":
        yield
        return
    lock = threading.Lock()

    def one_at_a_time(app):
        def application(environ, start_response):
            with lock:
                response = app(environ, start_response)
                try:
                    return list(response)  # streamed bodies read the database too
                finally:
                    if hasattr(response, "close"):
                        response.close()

        return application

    class SerialisedServer(ThreadedWSGIServer):
        def set_app(self, application):
            super().set_app(one_at_a_time(application))

    original = testcases.LiveServerThread.server_class
    testcases.LiveServerThread.server_class = SerialisedServer
    yield
    testcases.LiveServerThread.server_class = original


@pytest.fixture(autouse=True)
def static_files_without_a_manifest(settings):
    """Pages render without `collectstatic`: the manifest storage would refuse every asset."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing passwords at full strength would dominate the suite's run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Background tasks run inside the request or command that enqueues them, as Django's
    ImmediateBackend does; tests of the worker itself switch to the database backend."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """Readers' pages are cached, as in production (the tests run in one process, so its own
    memory is a cache that every edit reaches)."""
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page or content version left by another test."""
    from django.core.cache import caches

    from stances import page_cache

    for cache in caches.all(initialized_only=True):
        cache.clear()
    page_cache.breaker = page_cache.Breaker()  # no rest or owed invalidation from another test


@pytest.fixture
def editor(db):
    """A newsroom editor: staff, in the Editors group, not a superuser."""
    return make_editor()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader_client(client):
    """A member of the public: not logged in."""
    return client


@pytest.fixture
def outsider(db, django_user_model):
    """Someone with an account but no editing rights."""
    return django_user_model.objects.create_user("otto", password="correct-horse-battery")


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole run."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_FLAGS, chromium_or_skip

    executable = chromium_or_skip()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The live server with the seed demo loaded, as a new user sees it after bin/demo."""
    from django.core.management import call_command

    call_command("loaddemo", stdout=io.StringIO())
    return live_server


@pytest.fixture
def page(chromium):
    from tests.browser import DESKTOP

    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def stored_positions_follow_the_evidence(request):
    """After every test that wrote to the database, whatever it did: the stored positions equal
    a fresh derivation. So every write path the suite exercises is checked, not a chosen few."""
    names = set(request.fixturenames)
    database = next((name for name in ("transactional_db", "db") if name in names), None)
    if database is None and request.node.get_closest_marker("django_db"):
        database = "_django_db_helper"
    if database is None:
        yield
        return
    request.getfixturevalue(database)  # so this check runs before the database is put away
    yield
    from django.db import connection

    if connection.needs_rollback:  # a test that ends on a refused write: nothing to read
        return
    from stances import summaries

    assert summaries.differences() == []
