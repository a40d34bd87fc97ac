"""The full pages and their embeds draw every cell from one template: an embed's cell says exactly
what the page's cell says, and adds the source (outlet and date) of each quote it links."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.archive import build_archive

pytestmark = pytest.mark.django_db


class Cells(HTMLParser):
    """The words of each `.position` cell, without and with its quotes' `.cell-source` lines."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "base"}

    def __init__(self, html):
        super().__init__()
        self.cells, self.sources = [], 0
        self._stack = []
        self.feed(html)

    def _inside(self, name):
        return any(name in classes for _, classes in self._stack)

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if "position" in classes:
            self.cells.append("")
        if "cell-source" in classes:
            self.sources += 1
        if tag not in self.VOID:
            self._stack.append((tag, classes))

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._inside("position") and not self._inside("cell-source"):
            self.cells[-1] += data

    def words(self):
        return [" ".join(cell.split()) for cell in self.cells]


@pytest.fixture
def archive():
    return build_archive(60)


def test_the_election_embeds_cells_say_what_the_pages_cells_say(client, archive):
    page = Cells(client.get(archive.election.get_absolute_url()).text)
    embed = Cells(client.get(reverse("embeds:election", args=[archive.election.slug])).text)

    assert len(page.cells) >= 6
    assert embed.words() == page.words()
    assert page.sources == 0
    assert embed.sources > 0


def test_the_topic_embeds_cells_say_what_the_topic_pages_cells_say(client, archive):
    page = Cells(client.get(archive.topic.get_absolute_url()).text)
    embed = Cells(client.get(reverse("embeds:topic", args=[archive.topic.slug])).text)

    assert page.cells
    assert embed.words() == page.words()
    assert embed.sources > page.sources == 0
