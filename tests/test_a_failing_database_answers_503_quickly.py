"""When the database is down, hung or overloaded, readers get a styled 503 with Retry-After within
seconds, never a hung request or a generic 500; the site recovers by itself when the database is
back; and an editor whose save failed sees what they typed and can send it again."""

import time

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from stances import errors
from stances.models import Quote
from tests.admin_forms import browser_values
from tests.factories import make_editor, make_quote
from tests.faults import AppServer, FaultyProxy

pytestmark = pytest.mark.django_db


@pytest.fixture
def outage(monkeypatch):
    """Every query fails as it does when PostgreSQL has gone away."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(refuse):
        yield


def test_a_reader_gets_a_styled_503_with_retry_after(outage):
    reader = Client(raise_request_exception=False)

    response = reader.get(reverse("speakers"))

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"]
    assert "Back in a moment" in response.text
    assert "Content-Security-Policy" in response
    assert 'href="/static/' in response.text  # the site's own style sheet


def test_the_503_page_is_rendered_without_the_database(django_assert_num_queries, rf):
    with django_assert_num_queries(0):
        response = errors.service_unavailable(rf.get("/"))

    assert response.status_code == 503


def test_any_other_error_is_still_a_500(rf):
    try:
        raise ValueError("a bug, not an outage")
    except ValueError:
        response = errors.server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Retry-After" not in response


def test_an_outage_error_is_a_503(rf):
    try:
        database_gone()
    except OperationalError:
        response = errors.server_error(rf.get("/"))

    assert response.status_code == 503


def test_an_editors_failed_save_shows_what_they_typed_and_sending_it_again_saves_it(monkeypatch):
    quote = make_quote(text="Original words.")
    editor = Client(raise_request_exception=False)
    editor.force_login(make_editor())
    change = reverse("admin:stances_quote_change", args=[quote.pk])
    sent = browser_values(editor.get(change).content.decode())
    sent["csrfmiddlewaretoken"] = sent["csrfmiddlewaretoken"][:1]  # the sign-out form has one too
    typed = 'Words an editor typed with care: "we stand firm" <and> & more.\r\nA second line.'
    sent["text"] = [typed]

    with monkeypatch.context() as patch:
        patch.setattr(Quote, "save", database_gone)
        failed = editor.post(change, sent)

    assert failed.status_code == 503
    assert "What you sent is kept here" in failed.text
    assert "&quot;we stand firm&quot; &lt;and&gt; &amp; more." in failed.text
    assert Quote.objects.get(pk=quote.pk).text == "Original words."
    resend = browser_values(failed.text)
    assert resend == sent

    again = editor.post(change, resend)  # "Send again", with the database back

    assert again.status_code == 302
    assert Quote.objects.get(pk=quote.pk).text == typed


def database_gone(*args, **kwargs):
    raise OperationalError("could not connect to server: Connection refused")


def test_passwords_are_never_written_back_into_the_page(outage):
    client = Client(raise_request_exception=False)

    response = client.post(
        reverse("admin:login"), {"username": "edith", "password": "a secret never echoed"}
    )

    assert response.status_code == 503
    assert "a secret never echoed" not in response.text
    assert "edith" in response.text


# Against a real PostgreSQL, through a proxy that fails the way servers fail ----------------

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the proxy stands in front of PostgreSQL"
)


@pytest.fixture
def server_behind_a_proxy(transactional_db):
    settings_dict = connection.settings_dict
    proxy = FaultyProxy(
        int(settings_dict.get("PORT") or 5432), settings_dict.get("HOST") or "127.0.0.1"
    )
    user = settings_dict.get("USER") or "postgres"
    server = AppServer(
        {
            "DATABASE_URL": f"postgres://{user}@127.0.0.1:{proxy.port}/{settings_dict['NAME']}",
            "DATABASE_CONNECT_TIMEOUT": "2",
            "DATABASE_STATEMENT_TIMEOUT": "2",
            "DATABASE_HANG_SECONDS": "2",
            "DATABASE_POOL_TIMEOUT": "3",
            "PAGE_CACHE_SECONDS": "0",
        },
        threads=2,
    )
    yield proxy, server
    server.stop()
    proxy.close()


RECOVERY_SECONDS = 10


def first_success(server, path):
    """Asks until the page is served again (the pool reconnects with a growing delay, capped
    at DATABASE_POOL_TIMEOUT), for RECOVERY_SECONDS at most; the last answer."""
    deadline = time.monotonic() + RECOVERY_SECONDS
    while True:
        answer = server.get(path)
        if answer.status == 200 or time.monotonic() > deadline:
            return answer
        time.sleep(0.2)


@postgresql_only
def test_a_hung_database_gives_503_within_seconds_and_the_site_recovers(server_behind_a_proxy):
    proxy, server = server_behind_a_proxy
    assert server.get("/speakers/").status == 200  # a pooled connection, now open

    proxy.freeze()
    hung = server.get("/speakers/")
    proxy.restore()
    recovered = first_success(server, "/speakers/")

    assert hung.status == 503, server.output()
    assert hung.seconds < 6
    assert hung.headers["Retry-After"] == "10"
    assert "Back in a moment" in hung.text
    assert recovered.status == 200, server.output()


@postgresql_only
def test_a_database_that_is_down_gives_503_at_once_and_the_site_recovers(server_behind_a_proxy):
    proxy, server = server_behind_a_proxy
    assert server.get("/topics/").status == 200

    proxy.refuse()
    down = [server.get("/topics/") for _ in range(3)]
    proxy.restore()
    recovered = first_success(server, "/topics/")

    assert [answer.status for answer in down] == [503, 503, 503], server.output()
    assert max(answer.seconds for answer in down) < 6
    assert recovered.status == 200, server.output()


@postgresql_only
def test_a_database_that_accepts_but_never_answers_a_new_connection_gives_503(
    server_behind_a_proxy,
):
    proxy, server = server_behind_a_proxy
    proxy.freeze()  # new connections are accepted, then hear nothing: connect_timeout's case
    proxy.refuse()  # ...and the pooled ones are gone
    proxy.refusing.clear()

    answer = server.get("/speakers/")
    proxy.restore()

    assert answer.status == 503, server.output()
    assert answer.seconds < 6
    assert first_success(server, "/speakers/").status == 200, server.output()


@postgresql_only
def test_a_request_cut_loose_does_not_leave_its_dead_connection_to_the_next(transactional_db):
    config = connection.settings_dict
    user, host = config.get("USER") or "postgres", config.get("HOST") or "127.0.0.1"
    port = config.get("PORT") or 5432
    server = AppServer(
        {
            "DATABASE_URL": f"postgres://{user}@{host}:{port}/{config['NAME']}",
            "DJANGO_SETTINGS_MODULE": "tests.slow_view_settings",
            "DATABASE_REQUEST_SECONDS": "2",
            "DATABASE_POOL_SIZE": "1",
            "PAGE_CACHE_SECONDS": "0",
        },
        threads=1,
    )
    try:
        assert server.get("/speakers/").status == 200
        slow = server.get("/slow-page/?seconds=3")  # over the limit, but done with the database
        after = [server.get("/speakers/").status for _ in range(3)]
    finally:
        server.stop()

    assert slow.status == 200
    assert after == [200, 200, 200], server.output()


def test_a_database_outage_while_saving_an_editors_session_is_a_503(monkeypatch, editor):
    from django.contrib.sessions.models import Session

    client = Client(raise_request_exception=False)
    client.force_login(editor)
    monkeypatch.setattr(Session, "save", database_gone)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 503
    assert "Back in a moment" in response.text
