"""Background tasks on Django's tasks framework, run by `manage.py db_worker`: looking for quotes
in one article's text, and rebuilding every stored position.

Each is started as a TaskRun, the record editors follow in the admin, and enqueued only once that
record is committed; the task carries the run out and records how it went.
"""

import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

from . import summaries
from .models import TaskRun
from .suggestions import refresh_suggestions

logger = logging.getLogger(__name__)

# A task's own error text, as much of it as a sentence for editors can carry.
ERROR_TEXT_LIMIT = 300


@task
def suggest_quotes(run_id: int) -> int | None:
    """Runs the extractor over the run's article; returns how many new suggestions it made."""
    return carry_out(
        run_id, lambda run: len(refresh_suggestions(run.article, editor=run.requested_by))
    )


@task
def rebuild_positions(run_id: int) -> int | None:
    """Derives every stored position afresh; returns how many it fixed."""
    return carry_out(run_id, lambda run: len(summaries.rebuild()))


@task
def import_dataset(run_id: int) -> int | None:
    """Loads the run's dataset file, all or nothing; returns how many quotes it stored. What the
    import says besides (editors with no account here) goes to the worker's log."""
    from .dataset.load import load_dataset

    return carry_out(
        run_id,
        lambda run: load_dataset(run.file_path, note=logger.warning).get("quotes", 0),
    )


TASKS = {
    TaskRun.Kind.SUGGEST_QUOTES: suggest_quotes,
    TaskRun.Kind.REBUILD_POSITIONS: rebuild_positions,
    TaskRun.Kind.IMPORT_DATASET: import_dataset,
}

# When a task stops with an error: what is left, and what to do.
AFTER_A_FAILURE = {
    TaskRun.Kind.SUGGEST_QUOTES: "no suggestion was added. Try again",
    TaskRun.Kind.REBUILD_POSITIONS: "positions fixed before it stopped are kept. Start it again",
    TaskRun.Kind.IMPORT_DATASET: (
        "nothing was imported. Run importdata FILE --check to list every bad record, correct "
        "the file and import it again"
    ),
}


class AlreadyActive(Exception):
    """The same work is already queued or running, so nothing new was started."""

    def __init__(self, run: TaskRun | None):
        self.run = run
        said = "Already under way, so nothing new was started."
        super().__init__(f"{said} {run.describe()}" if run else said)


def start_suggesting_quotes(article, editor) -> TaskRun:
    """Queues a look for quotes in the article's text, asked for by `editor`."""
    return start(TaskRun.Kind.SUGGEST_QUOTES, article=article, requested_by=editor)


def start_rebuilding_positions(requested_by=None) -> TaskRun:
    """Queues a rebuild of every stored position (requested_by None: from the command line)."""
    return start(TaskRun.Kind.REBUILD_POSITIONS, requested_by=requested_by)


def start_importing(path, requested_by=None) -> TaskRun:
    """Queues loading a dataset file that the worker can read at `path`."""
    return start(TaskRun.Kind.IMPORT_DATASET, file_path=str(path), requested_by=requested_by)


def start(kind, *, article=None, file_path="", requested_by=None) -> TaskRun:
    """Records a queued run and enqueues its task once the record is committed, so a worker never
    looks for a run that is not there yet. Raises AlreadyActive, starting nothing, while the same
    work is queued or running; a run with no result after GIVE_UP_AFTER is given up on first."""
    same = TaskRun.objects.filter(kind=kind, article=article)
    with transaction.atomic():
        TaskRun.objects.filter(pk__in=same.overdue().values("pk")).update(
            status=TaskRun.Status.FAILED,
            finished_at=timezone.now(),
            problem=(
                "there was no result for over an hour, so it was given up on and started again: "
                "the task worker may have stopped."
            ),
        )
        try:
            with transaction.atomic():
                run = TaskRun.objects.create(
                    kind=kind, article=article, file_path=file_path, requested_by=requested_by
                )
        except IntegrityError:
            raise AlreadyActive(same.active().select_related("requested_by").first()) from None
        transaction.on_commit(lambda: enqueue(run))
    return run


def enqueue(run: TaskRun) -> None:
    """Hands the run's task to the task backend; a run that cannot be queued is failed, with the
    reason, rather than left waiting."""
    task = TASKS[run.kind]
    try:
        result = task.enqueue(run_id=run.pk)
    except Exception as error:
        logger.exception("Could not enqueue task run %s", run.pk)
        TaskRun.objects.filter(pk=run.pk, status=TaskRun.Status.QUEUED).update(
            status=TaskRun.Status.FAILED,
            finished_at=timezone.now(),
            problem=f"it could not be queued ({error_text(error)}). Try again.",
        )
        return
    if task.get_backend().supports_get_result:
        TaskRun.objects.filter(pk=run.pk).update(task_result_id=str(result.id))


def carry_out(run_id: int, work) -> int | None:
    """Claims the queued run, does `work(run)` and records its count, or the failure (then raises
    again, so the task backend records it too). A run already claimed, given up on, or gone with
    its article is left alone: a task run twice does its work once."""
    claimed = TaskRun.objects.filter(pk=run_id, status=TaskRun.Status.QUEUED).update(
        status=TaskRun.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return None
    try:
        run = TaskRun.objects.select_related("article", "requested_by").get(pk=run_id)
        outcome = work(run)
    except BaseException as error:
        logger.exception("Task run %s failed", run_id)
        record_failure(run_id, error)
        raise
    TaskRun.objects.filter(pk=run_id).update(
        status=TaskRun.Status.FINISHED, finished_at=timezone.now(), outcome=outcome
    )
    return outcome


def record_failure(run_id: int, error: BaseException) -> None:
    try:
        kind = TaskRun.objects.filter(pk=run_id).values_list("kind", flat=True).first()
        if kind is None:
            return
        TaskRun.objects.filter(pk=run_id).update(
            status=TaskRun.Status.FAILED,
            finished_at=timezone.now(),
            problem=(
                f"it stopped with an error ({error_text(error)}); {AFTER_A_FAILURE[kind]}; if it "
                "fails again, a developer will find the details in the log."
            ),
        )
    except DatabaseError:  # the database itself may be what failed: keep the first error
        logger.exception("Could not record the failure of task run %s", run_id)


def error_text(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    if len(text) > ERROR_TEXT_LIMIT:
        text = text[: ERROR_TEXT_LIMIT - 1].rstrip() + "…"
    return text
