"""/healthz says "ok" without touching the database, and only to GET and HEAD."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_says_ok_without_a_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert response["Cache-Control"] == "no-store"


def test_healthz_answers_head(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.head(reverse("healthz"))
    assert response.status_code == 200


def test_healthz_refuses_post(client):
    response = client.post(reverse("healthz"))
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
