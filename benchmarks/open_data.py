"""Open-data surfaces at size: the API, feeds, sitemap, CSV, Popolo, embeds and share images,
timed through Django's test client (no cache: PAGE_CACHE_SECONDS=0) on an already seeded database.
Run by hand:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stances_bench_100k \\
        .venv/bin/python benchmarks/open_data.py

(`benchmarks/scale.py` seeds that database with 100,000 synthetic quotes.) Prints, per address,
the median of three server times, the size of the answer and its query count; exits 1 when an
answer is not 200, takes longer than its target, or makes more than MOST_QUERIES queries.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stances.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from stances.models import Election, Quote, Speaker, Topic  # noqa: E402

MOST_QUERIES = 10
# Whole files: a sitemap section holds up to 50,000 addresses, an election's grid every stance.
SLOW_BUT_WHOLE = {"sitemap of quotes": 2.0, "an election's whole grid": 1.5}
TARGET_SECONDS = 0.5


def addresses() -> dict[str, str]:
    speaker = Speaker.objects.filter(quotes__status=Quote.Status.PUBLISHED).order_by("pk").first()
    topic = Topic.objects.order_by("pk").first()
    election = Election.objects.order_by("-held_on", "pk").first()
    quote = Quote.objects.published().order_by("-pk").first()
    return {
        "API quotes": "/api/quotes/",
        "API quotes of a speaker": f"/api/quotes/?speaker={speaker.slug}",
        "API quotes, speaker and topic": f"/api/quotes/?speaker={speaker.slug}&topic={topic.slug}",
        "API search": "/api/quotes/?q=ceasefire",
        "an election's whole grid": f"/api/elections/{election.slug}/grid/",
        "API speakers": "/api/speakers/",
        "feed of new quotes": "/feeds/quotes.atom",
        "a speaker's feed": f"/feeds/speakers/{speaker.slug}.atom",
        "a topic's feed": f"/feeds/topics/{topic.slug}.atom",
        "sitemap index": "/sitemap.xml",
        "sitemap of quotes": "/sitemap-quotes.xml",
        "sitemap of articles": "/sitemap-articles.xml",
        "CSV of a speaker's quotes": f"/quotes.csv?speaker={speaker.slug}",
        "Popolo": "/popolo.json",
        "embedded election": f"/embed/elections/{election.slug}/",
        "embedded topic": f"/embed/topics/{topic.slug}/",
        "share image": f"/quotes/{quote.pk}/share.png",
        "OpenAPI document": "/api/openapi.json",
    }


def measure(client, url):
    times = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url, HTTP_HOST="127.0.0.1")
            body = b"".join(response.streaming_content) if response.streaming else response.content
            times.append(time.perf_counter() - started)
    return response.status_code, statistics.median(times), len(body), len(queries)


def main() -> int:
    client = Client()
    print(f"{Quote.objects.count():,} quotes on {connection.vendor}")
    missed = []
    for name, url in addresses().items():
        status, seconds, size, queries = measure(client, url)
        target = SLOW_BUT_WHOLE.get(name, TARGET_SECONDS)
        ok = status == 200 and seconds <= target and queries <= MOST_QUERIES
        if not ok:
            missed.append(name)
        print(
            f"{'ok  ' if ok else 'MISS'} {name:<32} {status} {seconds * 1000:7.0f} ms "
            f"(target {target * 1000:.0f}) {size / 1024:7.0f} KB {queries:3d} queries"
        )
    print("Every target met" if not missed else f"Missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
