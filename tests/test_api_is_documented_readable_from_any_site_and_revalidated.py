"""The API's document and docs, and how its answers travel: an OpenAPI 3.0 document at
/api/openapi.json, a docs page in the site's style generated from it (no script, nothing from
another site), `Access-Control-Allow-Origin: *` on every GET under /api/ (cached or not), an ETag
with 304s, and one representation per address whatever the Accept header."""

import json

import pytest
from django.conf import settings
from django.urls import reverse
from drf_spectacular.validation import validate_schema

from stances.models import Quote
from tests.archive import build_archive

pytestmark = pytest.mark.django_db

CORS = "stances.api.cors.AllowAnyOriginToReadTheApiMiddleware"


@pytest.fixture
def archive():
    return build_archive(20)


@pytest.fixture
def cors(settings):
    """The middleware where stances.settings is asked to list it (see the test below)."""
    if CORS not in settings.MIDDLEWARE:
        after = settings.MIDDLEWARE.index("stances.security.PermissionsPolicyMiddleware")
        settings.MIDDLEWARE = [
            *settings.MIDDLEWARE[: after + 1],
            CORS,
            *settings.MIDDLEWARE[after + 1 :],
        ]


def test_the_settings_install_the_cors_middleware_outside_the_page_cache():
    middleware = settings.MIDDLEWARE

    assert CORS in middleware
    assert middleware.index(CORS) < middleware.index("stances.page_cache.PageCacheMiddleware")


def test_the_document_is_valid_openapi_3_0(client):
    response = client.get(reverse("api:openapi"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    assert document["openapi"] == "3.0.3"
    validate_schema(document)


def test_the_document_describes_every_address_and_its_errors(client):
    document = client.get(reverse("api:openapi")).json()
    paths = document["paths"]

    assert set(paths) == {
        "/api/",
        "/api/elections/",
        "/api/elections/{slug}/",
        "/api/elections/{slug}/grid/",
        "/api/speakers/",
        "/api/speakers/{slug}/",
        "/api/topics/",
        "/api/topics/{slug}/",
        "/api/stances/",
        "/api/stances/{slug}/",
        "/api/outlets/",
        "/api/outlets/{slug}/",
        "/api/articles/",
        "/api/articles/{id}/",
        "/api/quotes/",
        "/api/quotes/{id}/",
    }
    quote_parameters = {p["name"] for p in paths["/api/quotes/"]["get"]["parameters"]}
    assert quote_parameters == {
        "q",
        "speaker",
        "holder",
        "topic",
        "stance",
        "alignment",
        "kind",
        "outlet",
        "election",
        "said_after",
        "said_before",
        "article",
        "cursor",
        "page_size",
    }
    for path, operations in paths.items():
        responses = operations["get"]["responses"]
        if "{" in path:
            assert "404" in responses, path
        if operations["get"].get("parameters") and "{" not in path:
            assert "400" in responses, path


def test_the_docs_page_lists_every_address_and_parameter_in_the_sites_style(client, archive):
    response = client.get(reverse("api:docs"))
    html = response.text
    document = client.get(reverse("api:openapi")).json()

    assert response.status_code == 200
    assert '<link rel="stylesheet" href="/static/css/stances.css">' in html
    for path, operations in document["paths"].items():
        assert f"GET {path}" in html
        for parameter in operations["get"].get("parameters", ()):
            assert f"<code>{parameter['name']}</code>" in html
    for name in document["components"]["schemas"]:
        if "properties" in document["components"]["schemas"][name]:
            assert f'id="schema-{name}"' in html
    # The strict CSP: no inline script or style, nothing loaded from another site.
    assert "<script" not in html
    assert "style=" not in html
    assert "cdn" not in html.lower()


@pytest.mark.usefixtures("cors")
def test_every_get_under_api_allows_any_origin(client, archive):
    for url in [
        reverse("api:quotes"),
        reverse("api:quotes"),  # the second from the page cache
        reverse("api:openapi"),
        reverse("api:quotes") + "?speaker=nobody",
        reverse("api:quote", args=[999999]),
        "/api/nowhere/",
    ]:
        response = client.get(url)
        assert response["Access-Control-Allow-Origin"] == "*", url
    assert "Access-Control-Allow-Origin" not in client.get(reverse("quotes"))
    assert "Access-Control-Allow-Credentials" not in client.get(reverse("api:quotes"))


@pytest.mark.usefixtures("cors")
def test_an_unchanged_answer_is_a_304_and_an_edit_changes_it(client, archive):
    url = reverse("api:quotes")
    first = client.get(url)
    etag = first["ETag"]

    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"

    quote = Quote.objects.published().order_by("-pk").first()
    quote.text = "Words corrected by an editor"
    quote.save()
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed.json()["results"][0]["text"] == "Words corrected by an editor"


def test_the_answer_is_json_whatever_the_accept_header(client, archive):
    url = reverse("api:quotes")
    plain = client.get(url)
    for accept in ("text/html", "application/xml", "image/png", "*/*", "nonsense"):
        response = client.get(url, headers={"accept": accept})
        assert response.status_code == 200, accept
        assert response["Content-Type"] == "application/json"
        assert response.content == plain.content
    assert "accept" not in [name.strip().lower() for name in plain.get("Vary", "").split(",")]
    assert client.get(url + "?format=xml").json() == plain.json()


def test_the_index_is_json_with_links(client):
    links = json.loads(client.get(reverse("api:index")).content)

    assert links["docs"] == "http://testserver/api/docs/"
