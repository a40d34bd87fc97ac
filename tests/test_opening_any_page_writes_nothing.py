"""A GET writes nothing: no public, open-data or admin page an anonymous reader or an editor opens
inserts, updates or deletes a row (a signed-in editor's session row being touched aside)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.archive import build_archive
from tests.test_admin_pages_open_for_editors import every_admin_page_an_editor_opens
from tests.test_open_data_addresses_answer_hostile_query_strings_without_a_server_error import (
    open_data_urls,
)
from tests.test_query_strings_never_cause_a_server_error import public_urls

pytestmark = pytest.mark.django_db

READS = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK TO", "SET ", "SHOW ")


def writes_while_opening(client, urls) -> list[str]:
    writes, reads = [], 0
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        reads += len(queries)
        writes += [
            f"{url}: {query['sql'][:200]}"
            for query in queries
            if not query["sql"].lstrip().upper().startswith(READS)
            and "django_session" not in query["sql"]
        ]
    assert reads > len(urls), "the queries were not captured"
    return writes


def test_readers_pages_and_open_data_write_nothing():
    archive = build_archive(10)
    urls = [*public_urls(archive), *open_data_urls(archive), reverse("healthz"), "/no-such-page/"]

    assert writes_while_opening(Client(raise_request_exception=False), urls) == []


def test_the_admin_pages_an_editor_opens_write_nothing(editor_client):
    urls = every_admin_page_an_editor_opens()

    assert writes_while_opening(editor_client, urls) == []
