"""Background tasks as editors follow them: what was asked for, by whom, and how it went."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import ngettext

from articles.models import Article

# A run with no result this long after it was queued is taken as lost (the worker stopped, or
# none is running): it no longer blocks pressing the button again.
GIVE_UP_AFTER = timedelta(hours=1)
ACTIVE = ["queued", "running"]


class TaskRunQuerySet(models.QuerySet):
    def active(self):
        """Runs queued or running: the same work is not started again meanwhile."""
        return self.filter(status__in=ACTIVE)

    def overdue(self):
        """Active runs queued longer ago than GIVE_UP_AFTER: taken as lost."""
        return self.active().filter(enqueued_at__lt=timezone.now() - GIVE_UP_AFTER)

    def latest_first(self):
        """The newest run first."""
        return self.order_by("-enqueued_at", "-pk")


class TaskRun(models.Model):
    """One background task started from the admin or a command, and its outcome."""

    class Kind(models.TextChoices):
        SUGGEST_QUOTES = "suggest_quotes", "Suggest quotes"
        REBUILD_POSITIONS = "rebuild_positions", "Rebuild stored positions"
        IMPORT_DATASET = "import_dataset", "Import a dataset file"

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=30, choices=Kind, help_text="What the task does.")
    article = models.ForeignKey(
        Article,
        # Workflow, not evidence: an article that may be deleted takes its runs along.
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="task_runs",
        help_text="The article whose text is searched for quotes (Suggest quotes only).",
    )
    file_path = models.CharField(
        max_length=500,
        blank=True,
        help_text="The dataset file on the server to load (Import a dataset file only).",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who started it; empty when started from the command line.",
    )
    status = models.CharField(
        max_length=20, choices=Status, default=Status.QUEUED, help_text="How far it has got."
    )
    outcome = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="When finished: how many new suggestions, or how many stored positions fixed.",
    )
    problem = models.TextField(blank=True, help_text="When failed: why, in words for editors.")
    task_result_id = models.CharField(
        max_length=64,
        blank=True,
        help_text="The task backend's record of it, when the backend keeps one.",
    )
    enqueued_at = models.DateTimeField(default=timezone.now, help_text="When it was queued.")
    started_at = models.DateTimeField(null=True, blank=True, help_text="When a worker began.")
    finished_at = models.DateTimeField(
        null=True, blank=True, help_text="When it finished or failed."
    )

    objects = TaskRunQuerySet.as_manager()

    class Meta:
        ordering = ["-enqueued_at", "-pk"]
        permissions = [("rebuild_positions", "Can start a rebuild of stored positions")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["suggest_quotes", "rebuild_positions", "import_dataset"]),
                name="taskrun_kind_valid",
                violation_error_message=(
                    "Choose Suggest quotes, Rebuild stored positions or Import a dataset file."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "finished", "failed"]),
                name="taskrun_status_valid",
                violation_error_message="Choose queued, running, finished or failed.",
            ),
            models.CheckConstraint(
                condition=Q(kind="suggest_quotes", article__isnull=False)
                | (~Q(kind="suggest_quotes") & Q(article__isnull=True)),
                name="taskrun_article_only_for_suggest_quotes",
                violation_error_message="Suggest quotes needs an article; other tasks have none.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ACTIVE, finished_at__isnull=True)
                | (~Q(status__in=ACTIVE) & Q(finished_at__isnull=False)),
                name="taskrun_finished_when_done",
                violation_error_message="A finished or failed run records when; an active one not.",
            ),
            # Two presses while one is queued or running start one extraction, one rebuild.
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(kind="suggest_quotes", status__in=ACTIVE),
                name="taskrun_one_active_per_article",
                violation_error_message="Quotes are already being looked for in this article.",
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind="rebuild_positions", status__in=ACTIVE),
                name="taskrun_one_active_rebuild",
                violation_error_message="A rebuild of stored positions is already under way.",
            ),
            models.CheckConstraint(
                condition=Q(kind="import_dataset", file_path__gt="")
                | (~Q(kind="import_dataset") & Q(file_path="")),
                name="taskrun_file_only_for_imports",
                violation_error_message="An import needs a file; other tasks have none.",
            ),
            # Imports take the whole database for minutes: one at a time.
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind="import_dataset", status__in=ACTIVE),
                name="taskrun_one_active_import",
                violation_error_message="A dataset import is already under way.",
            ),
        ]

    def __str__(self):
        what = self.get_kind_display()
        if self.article_id:
            what = f"{what} in article {self.article_id}"
        return f"{what}: {self.get_status_display().lower()}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def is_overdue(self) -> bool:
        """Active for longer than GIVE_UP_AFTER: pressing again gives up on it."""
        return self.is_active and self.enqueued_at < timezone.now() - GIVE_UP_AFTER

    def describe(self) -> str:
        """The state in one sentence for editors, e.g. "Finished at 14:03 on 5 Nov 2024: the
        extractor found 4 new suggestions." """
        by = f" by {self.requested_by.get_username()}" if self.requested_by else ""
        if self.status == self.Status.QUEUED:
            said = f"Queued at {when(self.enqueued_at)}{by}, waiting for the task worker."
        elif self.status == self.Status.RUNNING:
            said = f"Running since {when(self.started_at or self.enqueued_at)}{by}."
        elif self.status == self.Status.FAILED:
            return f"Failed at {when(self.finished_at)}: {self.problem}"
        else:
            return f"Finished at {when(self.finished_at)}: {self.outcome_text()}"
        if self.is_overdue:
            said += (
                " There has been no result for over an hour: the task worker may have stopped. "
                "Starting it again gives up on this one."
            )
        return said

    def outcome_text(self) -> str:
        count = self.outcome or 0
        if self.kind == self.Kind.SUGGEST_QUOTES:
            return ngettext(
                "the extractor found %(count)d new suggestion.",
                "the extractor found %(count)d new suggestions.",
                count,
            ) % {"count": count}
        if self.kind == self.Kind.IMPORT_DATASET:
            return ngettext(
                "imported the file, with %(count)d quote.",
                "imported the file, with %(count)d quotes.",
                count,
            ) % {"count": count}
        if not count:
            return "every stored position was already up to date."
        return ngettext(
            "fixed %(count)d stored position.", "fixed %(count)d stored positions.", count
        ) % {"count": count}


def when(moment) -> str:
    """'14:03 on 5 Nov 2024' in the site's time zone."""
    local = timezone.localtime(moment)
    return f"{date_format(local, 'H:i')} on {date_format(local, 'j M Y')}"
