"""With a read replica (DATABASE_REPLICA_URL), readers' pages read from it; editors, forms,
the admin, and every reader for a while after any content write read from the primary."""

import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from stances import page_cache, replica
from stances.models import Quote

REPLICA_LAG = 10


@pytest.fixture
def with_a_replica(monkeypatch, settings):
    monkeypatch.setattr(replica, "replica_configured", lambda: True)
    settings.REPLICA_LAG_SECONDS = REPLICA_LAG
    cache.set(page_cache.WRITTEN_AT_KEY, time.time() - REPLICA_LAG - 1)


def database_read_by(request) -> str:
    chosen = []

    def view(request):
        chosen.append(replica.ReplicaRouter().db_for_read(Quote))
        return None

    replica.ReadFromReplicaMiddleware(view)(request)
    return chosen[0]


factory = RequestFactory()


def test_a_readers_page_reads_the_replica(with_a_replica):
    assert database_read_by(factory.get("/speakers/")) == "replica"


def test_an_editor_with_a_session_reads_the_primary(with_a_replica, settings):
    request = factory.get("/speakers/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc")

    assert database_read_by(request) == "default"


@pytest.mark.parametrize("request_", [factory.post("/quotes/"), factory.get("/admin/")])
def test_forms_and_the_admin_read_the_primary(with_a_replica, request_):
    assert database_read_by(request_) == "default"


def test_right_after_a_content_write_readers_read_the_primary(with_a_replica):
    page_cache.bump_content_version()

    assert database_read_by(factory.get("/speakers/")) == "default"


def test_once_the_replica_has_had_time_to_catch_up_readers_read_it_again(with_a_replica):
    cache.set(page_cache.WRITTEN_AT_KEY, time.time() - REPLICA_LAG - 0.5)

    assert database_read_by(factory.get("/speakers/")) == "replica"


def test_without_a_replica_everything_reads_the_primary():
    assert database_read_by(factory.get("/speakers/")) == "default"


def test_outside_a_readers_request_everything_reads_and_writes_the_primary():
    router = replica.ReplicaRouter()

    assert router.db_for_read(Quote) == "default"
    assert router.db_for_write(Quote) == "default"
    assert router.allow_migrate("default", "stances")
    assert not router.allow_migrate("replica", "stances")
