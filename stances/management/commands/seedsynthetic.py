"""Fills an empty database with fictional data of a realistic shape (see stances.synthetic)."""

import argparse
import time

from django.core.management.base import BaseCommand, CommandError

from stances import synthetic


def quote_count(value: str) -> int:
    """argparse type for --quotes: a whole number from 1 to synthetic.MAX_QUOTES."""
    try:
        number = int(value.replace("_", "").replace(",", ""))
    except ValueError:
        number = None
    if number is None or not 1 <= number <= synthetic.MAX_QUOTES:
        raise argparse.ArgumentTypeError(
            f"expected a whole number from 1 to {synthetic.MAX_QUOTES:,}, got {value!r}"
        )
    return number


def seed_value(value: str) -> int:
    """argparse type for --seed: any whole number."""
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None


def listing(counts: dict[str, int]) -> str:
    """'1 quote, 20 outlets, 2 other names' from {'quotes': 1, 'outlets': 20, 'other_names': 2}."""
    return ", ".join(
        f"{count:,} {(label.removesuffix('s') if count == 1 else label).replace('_', ' ')}"
        for label, count in counts.items()
    )


class Command(BaseCommand):
    help = (
        "Fills an empty database with clearly fictional data of a realistic shape, for trying "
        "the site and for benchmarks at volume: six elections in invented countries (12 "
        "candidates in the newest, 20 in the largest, running mates included), 30 topics and "
        "150 stances, 20 outlets, about 500 speakers with roles over time (some with other "
        "spellings of their names), one article per 50 quotes, and quotes of every kind with "
        "reports about candidates, responses, drafts, retractions and about 1.4 stance tags "
        "each, some holders changing side over time. "
        f'A quarter of the quotes contain "{synthetic.COMMON_WORD}", a few '
        f'"{synthetic.RARE_WORD}". The same --seed always gives the same data. Slugs start '
        f"with {synthetic.SLUG_PREFIX!r} and article URLs with {synthetic.URL_ROOT}. Rows are "
        "bulk-inserted: they have no edit history (django-simple-history records none), and "
        "the stored positions are rebuilt at the end. Refuses a database that already holds "
        "content unless given --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quotes",
            type=quote_count,
            required=True,
            metavar="N",
            help=f"How many quotes to make, from 1 to {synthetic.MAX_QUOTES:,}.",
        )
        parser.add_argument(
            "--seed",
            type=seed_value,
            default=1,
            metavar="S",
            help="Random seed (a whole number, default 1); the same seed gives the same data.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Add the synthetic data even though the database already holds content (real, "
                "or synthetic from an earlier run, whose slugs and URLs a new run avoids)."
            ),
        )

    def handle(self, *args, quotes, seed, force=False, **options):
        real, earlier = synthetic.existing_content()
        if real and not force:
            raise CommandError(
                f"This database holds content that is not synthetic ({listing(real)}). "
                "seedsynthetic is meant for an empty database, so that invented quotes never sit "
                "beside real ones. Use a fresh database, or pass --force to add synthetic data "
                "anyway."
            )
        if earlier and not force:
            raise CommandError(
                f"This database already holds synthetic data from an earlier run "
                f"({listing(earlier)}). Use a fresh database, or pass --force to add another "
                "run alongside it."
            )
        started = time.monotonic()
        plan = synthetic.fresh_plan(quotes, seed)
        counts = synthetic.write(plan, progress=self.progress)
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Synthetic data (seed {seed}, run {plan.run}): {counts['quotes']:,} quotes "
                f"({counts['drafts']:,} drafts, {counts['retracted']:,} retracted), "
                f"{counts['tags']:,} tags, {counts['speakers']:,} speakers, "
                f"{counts['articles']:,} articles, {counts['elections']:,} elections "
                f"({counts['candidacies']:,} candidacies), {counts['stances']:,} stances "
                f"in {seconds:.1f} s."
            )
        )

    def progress(self, phase: str, done: int, total: int) -> None:
        """One line per phase, rewritten in place as each batch is stored."""
        width = 30
        filled = width * done // total if total else width
        bar = "#" * filled + "." * (width - filled)
        self.stdout.write(f"{phase:<10} [{bar}] {done:,}/{total:,}", ending="\r")
        if done >= total:
            self.stdout.write("")
        self.stdout.flush()
