"""Schemathesis generates requests for every operation of the OpenAPI document (valid and
invalid parameters, odd strings, huge numbers, records that exist and ones that do not) and
sends them to the app itself over an archive: no answer is a server error, and every answer
matches the document (status code, content type and body)."""

import contextlib

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from stances.api.docs import openapi_document
from tests.archive import build_archive

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Per operation and kind of data: enough to find the cases above in about a minute in all.
EXAMPLES = 12


def records(archive) -> dict:
    """Path parameters naming records that exist, per path of the document."""
    return {
        "/api/elections/{slug}/": {"slug": archive.election.slug},
        "/api/elections/{slug}/grid/": {"slug": archive.election.slug},
        "/api/speakers/{slug}/": {"slug": archive.candidates[0].slug},
        "/api/topics/{slug}/": {"slug": archive.topic.slug},
        "/api/stances/{slug}/": {"slug": archive.stance.slug},
        "/api/outlets/{slug}/": {"slug": archive.outlet.slug},
        "/api/articles/{id}/": {"id": archive.article.pk},
        "/api/quotes/{id}/": {"id": archive.quote.pk},
    }


def check(strategy):
    @given(case=strategy)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        # The WSGI client does not decompress: ask for the plain body.
        case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})

    # Unsatisfiable: every value the document allows is valid (a slug is any string).
    with contextlib.suppress(Unsatisfiable):
        run()


@pytest.fixture
def connections_kept_open():
    """Requests go through the real WSGI application, whose signals would close the database
    connection after each one, as between requests; here every request must read the test's
    own transaction, as Django's test client arranges."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("path", list(openapi_document()["paths"]))
def test_every_operation_answers_as_the_openapi_document_says(path, connections_kept_open):
    archive = build_archive(40)
    schema = schemathesis.openapi.from_dict(openapi_document())
    schema.app = get_wsgi_application()
    operation = schema[path]["GET"]

    check(operation.as_strategy(GenerationMode.POSITIVE))
    if path in records(archive):
        check(
            operation.as_strategy(GenerationMode.POSITIVE, path_parameters=records(archive)[path])
        )
    check(operation.as_strategy(GenerationMode.NEGATIVE))
