"""Recomputes every stored position from the tagged quotes; with --check, only reports; with
--background, queues the rebuild for the task worker."""

from django.core.management.base import BaseCommand, CommandError

from stances import summaries, tasks
from stances.models import TaskRun


class Command(BaseCommand):
    help = (
        "Derives every holder's position on every stance afresh and stores it. With --check, "
        "changes nothing and exits non-zero when a stored position differs from a fresh one. "
        "With --background, queues the rebuild for the task worker (manage.py db_worker)."
    )

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--check",
            action="store_true",
            help="Only compare: report differences and exit with status 1 if there are any.",
        )
        mode.add_argument(
            "--background",
            action="store_true",
            help=(
                "Queue the rebuild as a background task and return at once; its state shows in "
                "the admin under Rebuild stored positions. Refused while one is under way."
            ),
        )

    def handle(self, *args, check=False, background=False, **options):
        if background:
            self.queue()
            return
        differences = summaries.rebuild(check=check)
        for difference in differences[:20]:
            holder, stance = difference.key
            self.stdout.write(
                f"speaker {holder}, stance {stance}: stored {describe(difference.stored)}, "
                f"derived {describe(difference.fresh)}"
            )
        if len(differences) > 20:
            self.stdout.write(f"… and {len(differences) - 20} more.")
        if check and differences:
            raise CommandError(
                f"{len(differences)} stored position(s) differ from the evidence; "
                "run `manage.py rebuildpositions` to fix them."
            )
        if check:
            self.stdout.write(self.style.SUCCESS("Every stored position matches the evidence."))
        elif differences:
            self.stdout.write(self.style.SUCCESS(f"Fixed {len(differences)} stored position(s)."))
        else:
            self.stdout.write(self.style.SUCCESS("Every stored position was already up to date."))

    def queue(self):
        try:
            run = tasks.start_rebuilding_positions()
        except tasks.AlreadyActive as refusal:
            raise CommandError(str(refusal)) from None
        run.refresh_from_db()
        if run.status == TaskRun.Status.FAILED:
            raise CommandError(run.describe())
        if run.status == TaskRun.Status.FINISHED:  # a task backend that runs tasks at once
            self.stdout.write(self.style.SUCCESS(f"Rebuilt: {run.outcome_text()}"))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Queued a rebuild of stored positions (task run {run.pk}) for the task worker "
                "(manage.py db_worker); its state shows in the admin under Rebuild stored "
                "positions."
            )
        )


def describe(summary) -> str:
    if summary is None:
        return "nothing"
    return f"{summary.verdict} ({summary.quote_count} quotes)"
