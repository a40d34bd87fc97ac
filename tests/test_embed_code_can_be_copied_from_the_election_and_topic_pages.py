"""The election and topic pages offer their embed code: an <iframe> with a title, full width, a
height and lazy loading, in a read-only text box that works without JavaScript, and a copy
button that a static script reveals (no inline script or style)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import make_candidacy, make_election, make_quote, make_stance, make_tag

pytestmark = pytest.mark.django_db


class EmbedCode(HTMLParser):
    """The embed disclosure of a page: its text box's text, its button and the page's scripts."""

    def __init__(self, html: str):
        super().__init__()
        self.textarea, self.button, self.scripts, self.inline = None, None, [], []
        self.in_details = self.in_textarea = self.in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.inline.append(f"style on <{tag}>")
        if tag == "details" and "embed-code" in (attrs.get("class") or "").split():
            self.in_details = True
        if self.in_details and tag == "textarea":
            self.textarea = {"attrs": attrs, "text": ""}
            self.in_textarea = True
        if self.in_details and tag == "button":
            self.button = attrs
        if tag == "script":
            self.scripts.append(attrs.get("src"))
            self.in_script = True
        if tag == "style":
            self.inline.append("<style>")

    def handle_endtag(self, tag):
        if tag == "details":
            self.in_details = False
        if tag == "textarea":
            self.in_textarea = False
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_textarea:
            self.textarea["text"] += data
        if self.in_script and data.strip():
            self.inline.append(f"inline script {data[:40]!r}")


class Iframe(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.frames = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.frames.append(dict(attrs))


@pytest.fixture
def election():
    election = make_election(name="City vote & more", slug="city-vote")
    candidate = make_candidacy(election=election).speaker
    stance = make_stance()
    make_tag(quote=make_quote(speaker=candidate), stance=stance)
    return election, stance.topic


def offered(client, url) -> tuple[EmbedCode, dict]:
    response = client.get(url)
    assert response.status_code == 200
    page = EmbedCode(response.content.decode())
    assert page.textarea is not None, f"{url} offers no embed code"
    (frame,) = Iframe(page.textarea["text"]).frames
    return page, frame


def test_the_election_page_offers_its_embed_code(client, election):
    election, _ = election
    page, frame = offered(client, election.get_absolute_url())
    assert frame["src"] == "http://testserver" + reverse("embeds:election", args=["city-vote"])
    # The election's name reaches the reader's page as text, escaped once in the copied code.
    assert frame["title"] == "Stances: where the candidates in the City vote & more stand"
    assert (
        'title="Stances: where the candidates in the City vote &amp; more stand"'
        in (page.textarea["text"])
    )
    assert frame["width"] == "100%"
    assert int(frame["height"]) >= 400
    assert frame["loading"] == "lazy"


def test_the_embed_code_keeps_the_running_mates_choice(client, election):
    election, _ = election
    _, frame = offered(client, election.get_absolute_url() + "?running_mates=on")
    assert frame["src"].endswith(
        reverse("embeds:election", args=["city-vote"]) + "?running_mates=on"
    )


def test_the_topic_page_offers_its_embed_code(client, election):
    _, topic = election
    _, frame = offered(client, topic.get_absolute_url())
    assert frame["src"] == "http://testserver" + reverse("embeds:topic", args=[topic.slug])
    assert frame["title"] == f"Stances: who stands where on {topic.name}"
    assert frame["loading"] == "lazy"


def test_the_embed_code_reads_and_copies_without_javascript(client, election):
    election, topic = election
    for url in (election.get_absolute_url(), topic.get_absolute_url()):
        page, _ = offered(client, url)
        assert "readonly" in page.textarea["attrs"]
        assert page.textarea["attrs"]["id"] == page.button["data-copy-embed"]
        # The button does nothing without JavaScript, so without it nobody sees it.
        assert "hidden" in page.button
        assert page.button["type"] == "button"
        assert "/static/js/embed-code.js" in page.scripts
        assert page.inline == [], url


def test_the_embed_code_follows_the_host_it_was_read_on(client, election, settings):
    election, _ = election
    settings.ALLOWED_HOSTS = ["stances.example.org"]
    response = client.get(election.get_absolute_url(), HTTP_HOST="stances.example.org")
    (frame,) = Iframe(EmbedCode(response.content.decode()).textarea["text"]).frames
    assert frame["src"].startswith("http://stances.example.org/embed/")
