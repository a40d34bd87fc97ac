"""The "Reuse our data" page names every open-data surface with its address, the data licence
(CC BY 4.0) and what it does not cover, and how to cite Stances."""

from html.parser import HTMLParser

import pytest
from django.urls import include, path, reverse

from stances import urls as site_urls
from tests.test_every_response_carries_the_security_headers import assert_security_headers

# The page is routed by stances/embeds/reuse_urls.py; until the site's URLs include it, this
# module does (the first match wins, so the site's own line takes over once it is there).
urlpatterns = [*site_urls.urlpatterns, path("", include("stances.embeds.reuse_urls"))]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

SURFACES = {
    "JSON API": "/api/",
    "API documentation": "/api/docs/",
    "OpenAPI": "/api/openapi.json",
    "CSV": "/quotes.csv",
    "Atom feeds": "/feeds/quotes.atom",
    "Popolo": "/popolo.json",
    "Sitemap": "/sitemap.xml",
}
CC_BY = "https://creativecommons.org/licenses/by/4.0/"


class Reuse(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.links, self.headings, self.terms, self.licence_links = [], [], [], []
        self._in, self._text = None, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs.get("href"))
            if attrs.get("rel") == "license":
                self.licence_links.append(attrs.get("href"))
        if tag in ("h1", "h2", "dt"):
            self._in = tag
            self._current = ""

    def handle_endtag(self, tag):
        if tag == self._in:
            (self.terms if tag == "dt" else self.headings).append(self._current.strip())
            self._in = None

    def handle_data(self, data):
        self._text.append(data)
        if self._in:
            self._current += data

    @property
    def text(self) -> str:
        return " ".join("".join(self._text).split())


@pytest.fixture
def page(client):
    response = client.get(reverse("reuse"))
    assert response.status_code == 200
    return Reuse(response.content.decode())


def test_the_reuse_page_is_at_reuse(client):
    assert reverse("reuse") == "/reuse/"


def test_it_links_every_surface_by_its_address(page):
    for name, address in SURFACES.items():
        assert address in page.links, name
    assert reverse("quotes") in page.links  # where CSV downloads of a filtered list start


def test_it_names_every_surface(page):
    assert page.terms == ["JSON API", "CSV downloads", "Atom feeds", "Popolo", "Embeds", "Sitemap"]


def test_it_explains_how_to_embed(page):
    assert "Embed this on your site" in page.text
    assert "/embed/speakers/speaker/stances/stance/" in page.text


def test_it_states_the_data_licence_and_what_it_does_not_cover(page):
    assert page.licence_links == [CC_BY]
    assert "Licence" in page.headings
    assert "Creative Commons Attribution 4.0" in page.text
    assert "Quotes remain the words of their speakers" in page.text
    assert "The articles' text is not included" in page.text


def test_it_says_how_to_cite(page):
    assert "How to cite" in page.headings
    assert (
        "Stances: foreign policy positions, quote by quote. http://testserver/ (retrieved date). "
        "Licensed under CC BY 4.0." in page.text
    )


def test_it_is_a_site_page_with_its_headers_and_not_frameable(client):
    response = client.get(reverse("reuse"))
    assert_security_headers(response, "/reuse/")
    assert response["X-Frame-Options"] == "DENY"
    assert b'aria-label="Main"' in response.content  # the site's navigation, unlike an embed


def test_embeds_link_to_the_licence_on_the_reuse_page(client, db):
    from tests.factories import make_election

    election = make_election()
    response = client.get(reverse("embeds:election", args=[election.slug]))
    assert f'href="{reverse("reuse")}"' in response.content.decode()
