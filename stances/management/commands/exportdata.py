"""Writes the whole curated dataset to a JSON file (see stances.dataset)."""

import os
import sys
import tempfile
import time

from django.core.management.base import BaseCommand, CommandError

from stances.dataset import schema
from stances.dataset.export import write_dataset

from .seedsynthetic import listing


class Command(BaseCommand):
    help = (
        "Writes everything editors made (outlets, articles with their text, speakers with their "
        "roles and other names, elections with their candidacies, topics with their stances, "
        "quotes with their stance tags, quote suggestions), drafts and retractions included, as "
        "one JSON file: "
        f'format "{schema.FORMAT}", version {schema.VERSION}, with counts and the export time. '
        "It is a consistent snapshot (one transaction), written as it is read, so memory stays "
        "small at any size. Records refer to each other by slug (articles and quotes by their "
        "number in the file); tags and suggestions name their editor by username. Not written: "
        "accounts, edit history, stored positions (derived again on import) and task records. "
        "Load it with importdata."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help='Where to write the dataset; "-" for standard output.')

    def handle(self, *args, file, verbosity=1, **options):
        started = time.monotonic()
        if file == "-":
            counts = write_dataset(sys.stdout)
            sys.stdout.flush()
            return
        folder = os.path.dirname(os.path.abspath(file))
        if not os.path.isdir(folder):
            raise CommandError(f"Cannot write {file}: there is no folder {folder}.")
        if os.path.isdir(file):
            raise CommandError(f"Cannot write {file}: it is a folder.")
        progress = self.progress if verbosity >= 1 else None
        # Written beside the target and renamed at the end: a failed export leaves no half file.
        handle, temporary = tempfile.mkstemp(prefix=".exportdata-", suffix=".json", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                counts = write_dataset(out, progress=progress)
            os.replace(temporary, file)
        except OSError as error:
            raise CommandError(f"Cannot write {file}: {error.strerror or error}.") from None
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        seconds = time.monotonic() - started
        size = os.path.getsize(file)
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {listing(counts)} to {file} ({size / 1e6:,.1f} MB) in {seconds:.1f} s."
            )
        )

    def progress(self, phase: str, done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        bar = "#" * filled + "." * (width - filled)
        self.stdout.write(f"{phase:<12} [{bar}] {done:,}/{total:,}", ending="\r")
        if done >= total:
            self.stdout.write("")
        self.stdout.flush()
