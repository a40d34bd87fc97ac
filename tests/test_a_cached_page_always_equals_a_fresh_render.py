"""The page cache is only a copy: after any kind of edit, every public page a reader is served
equals the page rendered afresh from the database at that moment."""

import pytest
from django.test import Client

from articles.models import Article, Outlet
from stances.models import Election, Quote, Speaker, Stance, StanceTag, Topic
from tests.archive import build_archive
from tests.test_query_strings_never_cause_a_server_error import public_urls

pytestmark = pytest.mark.django_db


def rename(model, field, value):
    def edit(archive):
        row = model.objects.order_by("pk").first()
        setattr(row, field, value)
        row.save()

    return edit


def realign(archive):
    tag = StanceTag.objects.filter(quote__status=Quote.Status.PUBLISHED).order_by("pk").first()
    tag.alignment = (
        StanceTag.Alignment.OPPOSES
        if tag.alignment != StanceTag.Alignment.OPPOSES
        else StanceTag.Alignment.SUPPORTS
    )
    tag.save()


def retract(archive):
    quote = archive.quote
    quote.status = Quote.Status.RETRACTED
    quote.retraction_reason = "The outlet corrected its report."
    quote.save()


def untag(archive):
    StanceTag.objects.filter(quote__status=Quote.Status.PUBLISHED).order_by("-pk").first().delete()


EDITS = {
    "a quote's words": rename(Quote, "text", "Words changed by an editor."),
    "a tag's side": realign,
    "a retraction": retract,
    "a removed tag": untag,
    "a speaker's name": rename(Speaker, "name", "A Renamed Speaker"),
    "an election's name": rename(Election, "name", "A Renamed Election"),
    "a topic's name": rename(Topic, "name", "A Renamed Topic"),
    "a stance's statement": rename(Stance, "statement", "A restated stance"),
    "an article's title": rename(Article, "title", "A Retitled Article"),
    "an outlet's name": rename(Outlet, "name", "A Renamed Outlet"),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_after_an_edit_every_page_served_equals_a_fresh_render(edit, settings):
    archive = build_archive(6)
    urls = list(public_urls(archive))
    reader = Client()
    for url in urls:
        reader.get(url)
        assert reader.get(url)["X-Page-Cache"] == "hit", url

    edit(archive)
    served = {url: reader.get(url) for url in urls}
    settings.PAGE_CACHE_SECONDS = 0
    fresh = {url: reader.get(url) for url in urls}

    for url in urls:
        assert served[url].status_code == fresh[url].status_code, url
        assert served[url].content == fresh[url].content, url
    assert {response["X-Page-Cache"] for response in served.values()} <= {"miss"}
