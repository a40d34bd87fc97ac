"""The tagging queue's suggestions come from an index built once per content version and kept in
the process (building it reads every stance's tagged quotes: seconds at 100,000): a second
request reuses it, and any write to content makes the next request build it again.

Kept only under a cache every process shares (Redis in production; here a file cache, which
processes share too): with the cache in this process's memory, a write through another process
(a second gunicorn worker, the task worker) would never move this one's version.

Transactional tests: in a test's own transaction the factories' writes never commit, and an
index built from uncommitted data is never kept."""

import pytest
from django.db import transaction
from django.urls import reverse

from stances import page_cache, tagging
from stances.models import Quote
from stances.tag_suggestions import TagSuggester
from tests.factories import make_quote, make_stance, make_tag

pytestmark = pytest.mark.django_db(transaction=True)

QUEUE = "admin:stances_quote_tagging_queue"


@pytest.fixture(autouse=True)
def shared_cache(settings, tmp_path):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }


@pytest.fixture
def builds(monkeypatch):
    """Every build of the index, as it happens (the real one)."""
    built = []
    real = TagSuggester.from_database.__func__

    def counted(cls, **options):
        built.append(real(cls, **options))
        return built[-1]

    monkeypatch.setattr(TagSuggester, "from_database", classmethod(counted))
    monkeypatch.setattr(tagging, "_kept_suggester", None)
    return built


@pytest.fixture
def queue_with_a_suggestion():
    stance = make_stance(statement="Raise tariffs on steel")
    make_tag(make_quote(text="We will raise tariffs on imported steel"), stance)
    waiting = make_quote(text="Tariffs on steel must go up", status=Quote.Status.DRAFT)
    return stance, waiting


def suggested(response, quote):
    row = next(row for row in response.context["rows"] if row.quote == quote)
    return [suggestion.stance for suggestion in row.suggestions]


def test_a_second_request_reuses_the_index(editor_client, builds, queue_with_a_suggestion):
    stance, waiting = queue_with_a_suggestion

    first = editor_client.get(reverse(QUEUE))
    second = editor_client.get(reverse(QUEUE))

    assert len(builds) == 1
    assert suggested(first, waiting) == suggested(second, waiting) == [stance]


def test_a_write_to_content_makes_the_next_request_rebuild_it(
    editor_client, builds, queue_with_a_suggestion
):
    _, waiting = queue_with_a_suggestion
    editor_client.get(reverse(QUEUE))
    other = make_stance(statement="Keep steel tariffs high")
    make_tag(make_quote(text="Tariffs on steel must go up, and soon"), other)

    response = editor_client.get(reverse(QUEUE))
    editor_client.get(reverse(QUEUE))

    assert len(builds) == 2
    assert len(builds[1]) == len(builds[0]) + 1  # the new tagged quote is in the index
    assert other in suggested(response, waiting)


def test_tagging_from_the_queue_rebuilds_it(editor_client, builds, queue_with_a_suggestion):
    stance, waiting = queue_with_a_suggestion
    editor_client.get(reverse(QUEUE))

    editor_client.post(
        reverse("admin:stances_quote_tag", args=[waiting.pk]),
        {"stance": stance.pk, "tag": "supports"},
    )
    editor_client.get(reverse(QUEUE))

    assert len(builds) == 2
    assert len(builds[1]) == len(builds[0]) + 1


def test_without_a_reachable_cache_it_is_built_every_time(builds, monkeypatch):
    make_tag()
    monkeypatch.setattr(page_cache, "content_version", lambda: None)

    tagging.current_suggester()
    tagging.current_suggester()

    assert len(builds) == 2


def test_with_the_cache_in_this_process_memory_it_is_built_every_time(settings, builds):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    make_tag()

    tagging.current_suggester()
    tagging.current_suggester()

    assert len(builds) == 2


class RolledBack(Exception):
    pass


def tag_and_suggest_then_roll_back():
    with transaction.atomic():
        make_tag()
        assert len(tagging.current_suggester()) == 2  # sees the tag that is about to go
        raise RolledBack


def test_an_index_built_after_an_uncommitted_write_is_not_kept(builds):
    make_tag()
    with pytest.raises(RolledBack):
        tag_and_suggest_then_roll_back()

    after = tagging.current_suggester()

    assert len(builds) == 2
    assert len(after) == 1
    assert tagging.current_suggester() is after  # kept once built from committed data
