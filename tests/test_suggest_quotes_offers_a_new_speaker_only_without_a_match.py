"""On "Suggest quotes", a suggestion whose speaker matched an existing one does not also offer
"Create new speaker" with the same name (a duplicate); existing speakers stay selectable."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import make_editor, make_speaker, make_suggestion

pytestmark = pytest.mark.django_db


class _Options(HTMLParser):
    """The (value, label) of each option of the select with one id."""

    def __init__(self, select_id):
        super().__init__()
        self.select_id, self.inside, self.options = select_id, False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.inside = attrs.get("id") == self.select_id
        elif tag == "option" and self.inside:
            self.options.append([attrs.get("value"), ""])

    def handle_data(self, data):
        if self.inside and self.options:
            self.options[-1][1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.inside = False


def speaker_options(client, suggestion) -> list[tuple[str, str]]:
    """The options of the speaker select of the one suggestion the page lists (opening the
    page runs the extractor, which may replace the suggestion by an equal one)."""
    response = client.get(
        reverse("admin:articles_article_suggestions", args=[suggestion.article.pk])
    )
    [row] = response.context["rows"]
    assert row.suggestion.text == suggestion.text
    parser = _Options(f"speaker-{row.suggestion.pk}")
    parser.feed(response.content.decode())
    return [(value, label.strip()) for value, label in parser.options]


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_a_matched_speaker_is_not_offered_again_as_new(editor_client):
    okafor = make_speaker(name="Ana Okafor")
    other = make_speaker(name="Marek Lindqvist")
    suggestion = make_suggestion()

    options = speaker_options(editor_client, suggestion)

    assert options[0] == (str(okafor.pk), "Ana Okafor (matched)")
    assert "new" not in [value for value, _ in options]
    assert (str(other.pk), "Marek Lindqvist") in options


def test_an_unmatched_speaker_is_offered_as_new(editor_client):
    other = make_speaker(name="Marek Lindqvist")
    suggestion = make_suggestion()

    options = speaker_options(editor_client, suggestion)

    assert ("new", "Create new speaker: Ana Okafor") in options
    assert (str(other.pk), "Marek Lindqvist") in options
