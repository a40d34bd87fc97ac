"""Recomputes every stored position from the tagged quotes; with --check, only reports."""

from django.core.management.base import BaseCommand, CommandError

from stances import summaries


class Command(BaseCommand):
    help = (
        "Derives every holder's position on every stance afresh and stores it. With --check, "
        "changes nothing and exits non-zero when a stored position differs from a fresh one."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only compare: report differences and exit with status 1 if there are any.",
        )

    def handle(self, *args, check=False, **options):
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


def describe(summary) -> str:
    if summary is None:
        return "nothing"
    return f"{summary.verdict} ({summary.quote_count} quotes)"
