"""Suggest quotes and position rebuilds run as background tasks: a button (POST) or
`rebuildpositions --background` queues them, once what they need is committed; the admin shows
each one's state (queued, running, finished with a count, failed with a reason); a second press
while one is under way starts nothing; reading a page never writes or queues; and the real
database backend's worker (`manage.py db_worker`) carries them out."""

import io
import logging
import signal
from contextlib import contextmanager
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from stances import tasks
from stances.models import PositionSummary, QuoteSuggestion, TaskRun
from tests.factories import make_article, make_editor, make_tag

BODY = (
    '"We will not sign any deal that gives away our ports," Ana Okafor told reporters in the '
    "capital.\n\n"
    'Opposition leader Marek Lindqvist called the plan a "reckless gamble" with the country\'s '
    "security.\n"
)
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def article(db):
    return make_article(body=BODY)


@pytest.fixture
def database_backend(settings):
    """Tasks are stored for the worker, as in production, instead of run at once."""
    settings.TASKS = DATABASE_BACKEND


@pytest.fixture
def superuser_client(db, django_user_model):
    """A superuser, in a browser of her own (beside an editor's, when a test has both)."""
    client = Client()
    client.force_login(
        django_user_model.objects.create_superuser("sue", password="correct-horse-battery")
    )
    return client


def page_url(article) -> str:
    return reverse("admin:articles_article_suggestions", args=[article.pk])


REBUILD_URL = "/admin/rebuild-positions/"


def test_the_rebuild_page_has_its_address():
    assert reverse("admin:stances_rebuild_positions") == REBUILD_URL


def press(client, url):
    """A POST as a browser makes it; what the view queues on commit is queued (and, with the
    tests' ImmediateBackend, run) once the request is over, as when its transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url)
    assert (response.status_code, response.url) == (302, url)
    return response


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# Suggest quotes -----------------------------------------------------------------------------


def test_pressing_suggest_quotes_runs_the_extraction_as_a_task_and_shows_its_result(
    editor_client, editor, article
):
    press(editor_client, page_url(article))

    run = TaskRun.objects.get()
    assert (run.kind, run.article, run.requested_by) == ("suggest_quotes", article, editor)
    assert (run.status, run.outcome) == (TaskRun.Status.FINISHED, 2)
    assert run.started_at <= run.finished_at
    html = page(editor_client, page_url(article))
    assert "the extractor found 2 new suggestions." in html
    assert "Look for quotes in the text again" in html
    assert "Check again" not in html
    # The suggestions' history names the editor who asked for them, not the worker.
    for suggestion in QuoteSuggestion.objects.filter(article=article):
        assert suggestion.history.get().history_user == editor


@pytest.mark.django_db(transaction=True)
def test_when_the_task_runs_at_once_the_editor_is_told_how_many_it_found(client):
    client.force_login(make_editor())
    article = make_article(body=BODY)

    response = client.post(page_url(article), follow=True)

    assert response.redirect_chain == [(page_url(article), 302)]
    assert "The extractor found 2 new suggestions in the article's text." in said(response)
    assert len(response.context["rows"]) == 2


@pytest.mark.usefixtures("database_backend")
def test_opening_the_pages_writes_nothing_and_queues_nothing(editor_client, article):
    pages = [page_url(article), reverse("admin:articles_article_change", args=[article.pk])]
    with CaptureQueriesContext(connection) as queries:
        for url in pages:
            assert editor_client.get(url).status_code == 200
    writes = [
        query["sql"]
        for query in queries
        if not query["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))
        and "django_session" not in query["sql"]
    ]
    assert writes == []
    assert not TaskRun.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert not QuoteSuggestion.objects.exists()


@pytest.mark.usefixtures("database_backend")
def test_a_queued_extraction_shows_as_queued_with_a_link_to_check_again(editor_client, article):
    press(editor_client, page_url(article))

    run = TaskRun.objects.get()
    assert run.status == TaskRun.Status.QUEUED
    assert DBTaskResult.objects.get().task_path == "stances.tasks.suggest_quotes"
    assert str(DBTaskResult.objects.get().pk) == run.task_result_id
    html = page(editor_client, page_url(article))
    assert "Queued at " in html
    assert "waiting for the task worker" in html
    assert f'<a href="{page_url(article)}">Check again</a>' in html
    assert "Look for quotes in the text" not in html  # no button while it is under way


@pytest.mark.usefixtures("database_backend")
def test_a_second_press_while_one_is_queued_or_running_starts_nothing(editor_client, article):
    press(editor_client, page_url(article))

    again = press(editor_client, page_url(article))
    assert any(m.startswith("Already under way, so nothing new") for m in said(again))
    assert TaskRun.objects.count() == DBTaskResult.objects.count() == 1

    TaskRun.objects.update(status=TaskRun.Status.RUNNING, started_at=timezone.now())
    running = press(editor_client, page_url(article))
    assert any("Running since" in m for m in said(running))
    assert TaskRun.objects.count() == DBTaskResult.objects.count() == 1


def test_another_article_may_be_searched_meanwhile(editor_client, article, settings):
    settings.TASKS = DATABASE_BACKEND
    press(editor_client, page_url(article))
    other = make_article(body=BODY)

    press(editor_client, page_url(other))

    assert TaskRun.objects.active().count() == 2


@pytest.mark.usefixtures("database_backend")
def test_a_run_with_no_result_for_an_hour_is_given_up_and_a_new_press_starts_afresh(
    editor_client, article
):
    press(editor_client, page_url(article))
    lost = TaskRun.objects.get()
    TaskRun.objects.update(enqueued_at=timezone.now() - timedelta(hours=2))
    html = page(editor_client, page_url(article))
    assert "no result for over an hour: the task worker may have stopped" in html
    assert "Look for quotes in the text" in html  # offered again

    press(editor_client, page_url(article))

    lost.refresh_from_db()
    assert lost.status == TaskRun.Status.FAILED
    assert "given up on and started again" in lost.problem
    assert TaskRun.objects.active().count() == 1


def test_a_failing_extraction_shows_as_failed_without_a_server_error(
    editor_client, article, monkeypatch
):
    def broken(article, editor=None):
        raise RuntimeError("the extractor broke")

    monkeypatch.setattr(tasks, "refresh_suggestions", broken)

    press(editor_client, page_url(article))

    run = TaskRun.objects.get()
    assert run.status == TaskRun.Status.FAILED
    html = page(editor_client, page_url(article))
    assert "Failed at " in html
    assert "it stopped with an error (RuntimeError: the extractor broke); no suggestion" in html
    assert "Look for quotes in the text" in html  # the editor may try again at once
    assert not QuoteSuggestion.objects.exists()


def test_an_article_without_a_body_queues_nothing(editor_client):
    article = make_article(body="")
    response = press(editor_client, page_url(article))
    assert any("no body text stored" in message for message in said(response))
    assert not TaskRun.objects.exists()


def test_the_database_holds_one_active_run_per_article_and_one_active_rebuild(article):
    """What refuses the second of two presses made at the same moment."""
    TaskRun.objects.create(kind=TaskRun.Kind.SUGGEST_QUOTES, article=article)
    with pytest.raises(IntegrityError), transaction.atomic():
        TaskRun.objects.create(kind=TaskRun.Kind.SUGGEST_QUOTES, article=article)
    TaskRun.objects.create(kind=TaskRun.Kind.REBUILD_POSITIONS)
    with pytest.raises(IntegrityError), transaction.atomic():
        TaskRun.objects.create(kind=TaskRun.Kind.REBUILD_POSITIONS)

    TaskRun.objects.update(status=TaskRun.Status.FINISHED, finished_at=timezone.now(), outcome=0)
    TaskRun.objects.create(kind=TaskRun.Kind.SUGGEST_QUOTES, article=article)
    TaskRun.objects.create(kind=TaskRun.Kind.REBUILD_POSITIONS)
    assert TaskRun.objects.active().count() == 2


def test_a_task_run_twice_does_its_work_once(article, editor):
    with TestCase.captureOnCommitCallbacks(execute=True):
        run = tasks.start_suggesting_quotes(article, editor)

    assert tasks.suggest_quotes.call(run_id=run.pk) is None
    assert tasks.suggest_quotes.call(run_id=999_999) is None
    run.refresh_from_db()
    assert (run.status, run.outcome) == (TaskRun.Status.FINISHED, 2)


def test_a_run_goes_with_its_article(article, editor):
    with TestCase.captureOnCommitCallbacks(execute=True):
        tasks.start_suggesting_quotes(article, editor)
    article.delete()
    assert not TaskRun.objects.exists()


# Rebuilding stored positions ----------------------------------------------------------------


def spoil_a_stored_position():
    make_tag()
    PositionSummary.objects.all().delete()


def rebuildpositions(*args) -> str:
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("rebuildpositions", *args, stdout=out)
    return out.getvalue()


@pytest.mark.usefixtures("database_backend")
def test_rebuildpositions_background_queues_a_rebuild_for_the_worker(db):
    said = rebuildpositions("--background")

    run = TaskRun.objects.get()
    assert (run.kind, run.status, run.requested_by) == ("rebuild_positions", "queued", None)
    assert DBTaskResult.objects.get().task_path == "stances.tasks.rebuild_positions"
    assert f"Queued a rebuild of stored positions (task run {run.pk})" in said


@pytest.mark.usefixtures("database_backend")
def test_rebuildpositions_background_is_refused_while_a_rebuild_is_under_way(db):
    rebuildpositions("--background")
    with pytest.raises(CommandError, match="Already under way, so nothing new was started"):
        rebuildpositions("--background")
    assert DBTaskResult.objects.count() == 1


def test_a_background_rebuild_fixes_the_stored_positions(db):
    spoil_a_stored_position()

    rebuildpositions("--background")

    run = TaskRun.objects.get()
    assert (run.status, run.outcome) == (TaskRun.Status.FINISHED, 1)
    assert "fixed 1 stored position." in run.describe()


def test_rebuildpositions_still_runs_in_the_foreground_and_checks(db):
    spoil_a_stored_position()
    with pytest.raises(CommandError, match="1 stored position"):
        rebuildpositions("--check")
    assert "Fixed 1 stored position(s)." in rebuildpositions()
    assert "Every stored position matches the evidence." in rebuildpositions("--check")
    assert not TaskRun.objects.exists()


def test_background_and_check_do_not_go_together(db):
    with pytest.raises(CommandError, match="not allowed with argument"):
        rebuildpositions("--background", "--check")


def test_a_superuser_rebuilds_from_the_admin_and_sees_how_it_went(superuser_client):
    index = page(superuser_client, reverse("admin:index"))
    assert f'<a href="{REBUILD_URL}">Rebuild stored positions</a>' in index
    assert "None has run as a task yet." in index
    assert "No rebuild has run as a background task yet." in page(superuser_client, REBUILD_URL)
    assert not TaskRun.objects.exists()  # reading the pages started nothing
    spoil_a_stored_position()

    press(superuser_client, REBUILD_URL)

    html = page(superuser_client, REBUILD_URL)
    assert "Finished at " in html
    assert "fixed 1 stored position." in html
    assert "fixed 1 stored position." in page(superuser_client, reverse("admin:index"))
    assert TaskRun.objects.get().requested_by.username == "sue"


def test_a_rebuild_under_way_is_shown_and_not_started_twice(superuser_client, settings):
    settings.TASKS = DATABASE_BACKEND
    press(superuser_client, REBUILD_URL)

    html = page(superuser_client, REBUILD_URL)
    assert "waiting for the task worker" in html
    assert "Check again" in html
    assert '<button type="submit" class="button default">Rebuild' not in html
    again = press(superuser_client, REBUILD_URL)
    assert any(m.startswith("Already under way") for m in said(again))
    assert DBTaskResult.objects.count() == 1


def test_rebuilding_from_the_admin_needs_its_permission(editor_client, editor):
    assert editor_client.get(REBUILD_URL).status_code == 403
    assert editor_client.post(REBUILD_URL).status_code == 403
    assert "Background tasks" not in page(editor_client, reverse("admin:index"))
    assert not TaskRun.objects.exists()

    editor.user_permissions.add(Permission.objects.get(codename="rebuild_positions"))
    assert editor_client.get(REBUILD_URL).status_code == 200


def test_the_rebuild_page_answers_other_methods_with_405(superuser_client):
    assert superuser_client.put(REBUILD_URL).status_code == 405


# The task backend's own records -------------------------------------------------------------


@pytest.mark.usefixtures("database_backend")
def test_the_task_records_are_read_only_in_the_admin_for_superusers(
    superuser_client, editor_client, article, editor
):
    with TestCase.captureOnCommitCallbacks(execute=True):
        tasks.start_suggesting_quotes(article, editor)
    record = DBTaskResult.objects.get()
    url = reverse("admin:django_tasks_database_dbtaskresult_change", args=[record.pk])
    changelist = reverse("admin:django_tasks_database_dbtaskresult_changelist")

    assert "suggest_quotes" in page(superuser_client, changelist)
    html = page(superuser_client, url)
    assert 'name="_save"' not in html
    add = reverse("admin:django_tasks_database_dbtaskresult_add")
    assert superuser_client.get(add).status_code == 403
    delete = reverse("admin:django_tasks_database_dbtaskresult_delete", args=[record.pk])
    assert superuser_client.post(delete, {"post": "yes"}).status_code == 403
    assert DBTaskResult.objects.filter(pk=record.pk).exists()
    assert f'<a href="{url}">The task' in page(superuser_client, page_url(article))

    assert editor_client.get(changelist).status_code == 403
    assert "The task's record" not in page(editor_client, page_url(article))


# The real worker ----------------------------------------------------------------------------


@contextmanager
def the_process_as_it_was():
    """db_worker takes over the process's signals and its loggers' levels: give them back."""
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    handlers = {number: signal.getsignal(number) for number in signals}
    loggers = [logging.getLogger(name) for name in ("django.tasks", "django_tasks_db")]
    kept = [(each, each.level, list(each.handlers)) for each in loggers]
    try:
        yield
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
        for each, level, each_handlers in kept:
            each.setLevel(level)
            each.handlers[:] = each_handlers


def run_the_worker_until_the_queue_is_empty():
    with the_process_as_it_was():
        call_command(
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--interval=0",
            verbosity=0,
            stdout=io.StringIO(),
        )


@pytest.mark.django_db(transaction=True)
def test_the_database_backends_worker_carries_out_a_queued_extraction(client, settings):
    settings.TASKS = DATABASE_BACKEND
    editor = make_editor()
    client.force_login(editor)
    article = make_article(body=BODY)

    pressed = client.post(page_url(article), follow=True)

    assert any(message.startswith("Queued:") for message in said(pressed))
    assert "waiting for the task worker" in pressed.content.decode()
    assert not QuoteSuggestion.objects.exists()
    assert DBTaskResult.objects.get().status == "READY"

    run_the_worker_until_the_queue_is_empty()

    record = DBTaskResult.objects.get()
    assert (record.status, record.return_value) == ("SUCCESSFUL", 2)
    run = TaskRun.objects.get()
    assert (run.status, run.outcome, run.task_result_id) == ("finished", 2, str(record.pk))
    assert QuoteSuggestion.objects.filter(article=article).count() == 2
    assert {s.history.get().history_user for s in QuoteSuggestion.objects.all()} == {editor}
    html = page(client, page_url(article))
    assert "the extractor found 2 new suggestions." in html
    assert len(client.get(page_url(article)).context["rows"]) == 2


@pytest.mark.django_db(transaction=True)
def test_a_task_failing_in_the_worker_is_failed_in_both_records(settings, monkeypatch):
    settings.TASKS = DATABASE_BACKEND
    make_tag()

    def broken(check=False):
        raise ValueError("no stances")

    monkeypatch.setattr(tasks, "summaries", SimpleNamespace(rebuild=broken))
    call_command("rebuildpositions", "--background", stdout=io.StringIO())

    run_the_worker_until_the_queue_is_empty()

    record = DBTaskResult.objects.get()
    assert record.status == "FAILED"
    assert "ValueError: no stances" in record.traceback
    run = TaskRun.objects.get()
    assert run.status == TaskRun.Status.FAILED
    assert "(ValueError: no stances); positions fixed before it stopped are kept" in run.problem
