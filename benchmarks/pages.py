"""Benchmark the public pages: time, queries and peak Python memory per page, by archive size.

Run from the repository root: ``.venv/bin/python benchmarks/pages.py [SIZES...]`` (default
100 1000 5000 quotes). Each size gets a fresh throw-away SQLite database (or the database of
DATABASE_URL, in a test database beside it), filled by tests/archive.py; each page is rendered
through Django's test client five times and the median time is printed. Targets: every page
under 150 ms and 32 MB of peak Python allocations at 1,000 quotes on SQLite (the exit status says
whether they hold); larger sizes are printed to show how each page scales. Query counts stay
flat across sizes (the tests pin them; this shows them beside the time).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Only so that `python benchmarks/pages.py` can import the project and tests/archive.py.
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stances.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
)
from django.urls import reverse  # noqa: E402

from tests.archive import build_archive  # noqa: E402

RUNS = 5
TIME_TARGET_MS = 150
MEMORY_TARGET_MB = 32
TARGET_SIZE = 1000


def pages(archive) -> dict[str, str]:
    return {
        "home": reverse("home"),
        "compare": reverse("compare")
        + "?"
        + "&".join(f"speakers={s.slug}" for s in archive.candidates[:2]),
        "topic": archive.topic.get_absolute_url(),
        "speakers": reverse("speakers"),
        "speaker": archive.candidates[0].get_absolute_url(),
        "quotes": reverse("quotes"),
        "quotes searched": reverse("quotes") + "?q=war",
        "quote": archive.quote.get_absolute_url(),
        "articles": reverse("articles"),
        "article": archive.article.get_absolute_url(),
    }


def measure(client, url) -> tuple[float, int, float]:
    """Median milliseconds, queries, and peak MB of Python allocations for one page."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured)  # now: the log is emptied by the next request
    tracemalloc.start()
    client.get(url)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), queries, peak


def main(sizes: list[int]) -> int:
    setup_test_environment()
    failures = []
    print(f"{'quotes':>7}  {'page':<16} {'median ms':>10} {'queries':>8} {'peak MB':>8}")
    for size in sizes:
        test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            archive = build_archive(size)
            client = Client()
            for name, url in pages(archive).items():
                ms, queries, peak = measure(client, url)
                print(f"{size:>7}  {name:<16} {ms:>10.1f} {queries:>8} {peak:>8.1f}")
                if size == TARGET_SIZE and (ms > TIME_TARGET_MS or peak > MEMORY_TARGET_MB):
                    failures.append(f"{name} at {size} quotes: {ms:.0f} ms, {peak:.1f} MB")
        finally:
            connection.creation.destroy_test_db(test_db, verbosity=0)
    if failures:
        print("over target:", *failures, sep="\n  ")
        return 1
    if TARGET_SIZE in sizes:
        print(f"all pages within {TIME_TARGET_MS} ms and {MEMORY_TARGET_MB} MB at {TARGET_SIZE}")
    return 0


if __name__ == "__main__":
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        sys.exit(main([int(arg) for arg in sys.argv[1:]] or [100, 1000, 5000]))
