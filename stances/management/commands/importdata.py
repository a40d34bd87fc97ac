"""Loads a dataset file written by exportdata, all or nothing (see stances.dataset)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stances.dataset import schema
from stances.dataset.load import MOST_PROBLEMS, ImportRefused, load_dataset
from stances.dataset.reading import FileProblem

from .seedsynthetic import listing


class Command(BaseCommand):
    help = (
        f'Loads a dataset file written by exportdata (format "{schema.FORMAT}", version '
        f"{', '.join(str(v) for v in sorted(schema.KNOWN_VERSIONS))}) into this database, "
        "empty or not, in one transaction: every record is checked with the same rules as an "
        "edit in the admin, and if any record is bad nothing at all is stored and each bad "
        "record is listed with its place in the file (section, index and line) and the reason "
        f"(reading stops after {MOST_PROBLEMS} problems). Conflicts are refused, never merged "
        "or overwritten: a slug (outlet, speaker, election, topic, stance), an outlet name, a "
        "Wikidata ID or an article URL that this database already has makes that record bad. "
        "A slug the file refers to but does not define (say, a speaker of a quote) is looked "
        "up in this database, so a file may add quotes about people already here. Tags and "
        "suggestions keep their editor when an account with that username exists here, and "
        "are left without one otherwise. Every imported row gets one history record (reason: "
        "imported from a dataset file); stored positions are derived again and readers' cached "
        "pages dropped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The dataset file (JSON) to load.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Check every record and report, but store nothing.",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help=(
                "Queue the import as a background task for the task worker (manage.py "
                "db_worker, which must be able to read FILE); its state shows in the admin's "
                "task records. Check the file first with --check."
            ),
        )

    def handle(self, *args, file, check=False, background=False, verbosity=1, **options):
        if background:
            return self.queue(file, check)
        started = time.monotonic()
        progress = self.progress if verbosity >= 1 else None
        notes = []
        try:
            counts = load_dataset(file, progress=progress, check_only=check, note=notes.append)
            self.end_progress()
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}") from None
        except IsADirectoryError:
            raise CommandError(f"{file} is a folder, not a dataset file.") from None
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}.") from None
        except FileProblem as problem:
            self.end_progress()
            raise CommandError(
                f"{file} was not imported (nothing was changed): {problem}"
            ) from None
        except ImportRefused as refused:
            self.end_progress()
            count = len(refused.problems)
            raise CommandError(
                f"{file} was not imported (nothing was changed): "
                f"{count} bad record{'' if count == 1 else 's'}:\n"
                + "\n".join(f"  {problem}" for problem in refused.problems)
            ) from None
        seconds = time.monotonic() - started
        verb = "Checked, would import" if check else "Imported"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {listing(counts)} from {file} in {seconds:.1f} s.")
        )
        for text in notes:
            self.stdout.write(self.style.WARNING(text))

    def queue(self, file, check) -> None:
        from stances import tasks

        if check:
            raise CommandError("--check runs here and now: leave out --background.")
        path = Path(file).resolve()
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            run = tasks.start_importing(path)
        except tasks.AlreadyActive as refusal:
            raise CommandError(str(refusal)) from None
        run.refresh_from_db()
        self.stdout.write(self.style.SUCCESS(f"Import of {path}: {run.describe()}"))

    def end_progress(self) -> None:
        if getattr(self, "phase", None):
            self.stdout.write("")
            self.stdout.flush()
            self.phase = None

    def progress(self, phase: str, done: int, total: int) -> None:
        """One line per section, by how much of the file is read."""
        if getattr(self, "phase", None) not in (None, phase):
            self.stdout.write("")
        self.phase = phase
        width = 30
        filled = min(width, width * done // total) if total else width
        bar = "#" * filled + "." * (width - filled)
        self.stdout.write(
            f"{phase:<12} [{bar}] {done / 1e6:,.1f}/{total / 1e6:,.1f} MB", ending="\r"
        )
        self.stdout.flush()
