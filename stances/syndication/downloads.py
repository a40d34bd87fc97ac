"""The quote browser's results as a CSV file: the same filters and validation as the page,
streamed a chunk of rows at a time so that memory stays flat however many quotes match."""

import csv
import time
from collections import defaultdict
from contextlib import ExitStack, contextmanager
from itertools import batched

from django.conf import settings
from django.db import connections
from django.db.models import F
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from .. import outages
from ..filters import QuoteFilter
from ..models import Quote, StanceTag
from ..search import unranked
from ..views import published_quotes

# The most rows one file holds (newest first): the whole archive at the scale the site is built
# for. Counting the matches first would read them all twice, so the cap is told up front instead:
# in the link on the quote browser and in a response header.
MAX_ROWS = 100_000
# Rows fetched per query (and their stance tags in one more): what the file holds in memory,
# beside the list of the matches' ids (at most MAX_ROWS integers, a few megabytes).
CHUNK_SIZE = 1_000

COLUMNS = [
    "quote_id",
    "permalink",
    "text",
    "kind",
    "speaker",
    "about",
    "attribution",
    "date_said",
    "date_is_the_report_date",
    "article_title",
    "outlet",
    "article_date",
    "article_url",
    "stances",
]

# A spreadsheet runs a cell that starts with one of these as a formula (or, for tab and carriage
# return, shifts it so the next character is read as one): OWASP's list for CSV injection.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: str) -> str:
    """The cell as text a spreadsheet will not evaluate: a leading apostrophe marks it literal."""
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def quote_row(quote, stances, permalink) -> list:
    """One row: `quote` as FIELDS and JOINED read it, `stances` its tags as (alignment,
    statement) in display order."""
    text_cells = [
        quote["text"],
        quote["kind"],
        quote["speaker_name"] or "",
        quote["about_name"] or "",
        quote["attribution_text"],
    ]
    said_on, article_date = quote["said_on"], quote["article_date"]
    return [
        quote["pk"],
        permalink(quote["pk"]),
        *(neutralised(cell) for cell in text_cells),
        (said_on or article_date).isoformat(),
        "no" if said_on else "yes",
        neutralised(quote["article_title"]),
        neutralised(quote["outlet_name"] or ""),
        article_date.isoformat(),
        neutralised(quote["article_url"]),
        neutralised(" | ".join(f"{alignment}: {statement}" for alignment, statement in stances)),
    ]


class Pieces:
    """A file-like object for csv.writer that hands back what was written instead of keeping it."""

    def __init__(self):
        self.written = []

    def write(self, text):
        self.written.append(text)

    def take(self) -> str:
        piece, self.written = "".join(self.written), []
        return piece


@contextmanager
def watched_queries():
    """Times the queries made inside as stances.outages times a request's, so that a hung
    database cuts them loose: a file's rows are read after the view has returned, outside the
    request's own timer. Each chunk is timed alone: a long file is not cut for its length."""
    wrappers = [connections[alias] for alias in settings.DATABASES]
    if not any(wrapper.vendor == "postgresql" for wrapper in wrappers):
        yield
        return
    watched = outages.watchdog.start(wrappers)

    def timed(execute, sql, params, many, context):
        watched.query_started = time.monotonic()
        try:
            return execute(sql, params, many, context)
        finally:
            watched.query_started = None

    try:
        with ExitStack() as stack:
            for wrapper in wrappers:
                stack.enter_context(wrapper.execute_wrapper(timed))
            yield
    finally:
        outages.watchdog.stop(watched)
        if watched.cut:
            outages.close_cut_connections(wrappers)


# What a row prints, read as plain values: building model instances (a quote, two speakers, an
# article, an outlet, each tag and stance) would take most of the time of a long file.
FIELDS = ("pk", "text", "kind", "attribution_text", "said_on")
JOINED = {
    "speaker_name": F("speaker__name"),
    "about_name": F("about__name"),
    "article_title": F("article__title"),
    "outlet_name": F("article__outlet__name"),
    "article_date": F("article__published_on"),
    "article_url": F("article__url"),
}


def quotes_in_chunks(ids):
    """(quote, stances) for the quotes with these ids, in this order, CHUNK_SIZE at a time: one
    query for the quotes and one for their tags per chunk. Not one query with a cursor:
    PostgreSQL's client-side cursors (the site disables server-side ones) hold a whole result in
    memory."""
    for chunk in batched(ids, CHUNK_SIZE):
        with watched_queries():
            quotes = Quote.objects.published().filter(pk__in=chunk).values(*FIELDS, **JOINED)
            found = {quote["pk"]: quote for quote in quotes}
            stances = defaultdict(list)
            tags = (
                StanceTag.objects.filter(quote__in=chunk)
                .order_by("quote", "stance__topic__order", "stance__order", "pk")
                .values_list("quote", "alignment", "stance__statement")
            )
            for quote, alignment, statement in tags:
                stances[quote].append((alignment, statement))
        # A quote retracted since the ids were read is left out.
        yield [(found[pk], stances[pk]) for pk in chunk if pk in found]


def csv_pieces(ids, permalink):
    """The file, one chunk of rows per piece. A byte-order mark first: spreadsheet programs
    (Excel above all) read a CSV without one in the system's legacy encoding, garbling every
    curly quote, dash and non-Latin name; csv readers in code skip it with utf-8-sig."""
    buffer = Pieces()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    yield "\ufeff" + buffer.take()
    for quotes in quotes_in_chunks(ids):
        writer.writerows(quote_row(quote, tags, permalink) for quote, tags in quotes)
        yield buffer.take()


@require_safe
def quotes_csv(request):
    """The quotes the browser lists for this query string, every one (up to MAX_ROWS), as CSV."""
    quote_filter = QuoteFilter(request.GET or None, queryset=published_quotes().newest_first())
    if quote_filter.is_bound and not quote_filter.is_valid():
        return HttpResponse(
            filter_errors(quote_filter.form), status=400, content_type="text/plain; charset=utf-8"
        )
    # A file is not read by relevance: search results come newest first, as the browser lists
    # them past its cap (ranking would read every match before the first row could be sent).
    # The matches' ids are read here, where a failing database still gets its 503 page; the
    # rows follow a chunk at a time as the file is sent.
    ids = list(unranked(quote_filter.qs).values_list("pk", flat=True)[:MAX_ROWS])
    return StreamingHttpResponse(
        csv_pieces(ids, permalinks(request)),
        content_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="stances-quotes.csv"',
            "X-Row-Limit": str(MAX_ROWS),
        },
    )


def permalinks(request):
    """A quote's permalink from its id, as build_absolute_uri(get_absolute_url()) gives it, but
    built once: for 100,000 rows, reversing and checking the host each time takes seconds."""
    placeholder = "987654321"
    url = request.build_absolute_uri(reverse("quote", args=[placeholder]))
    before, after = url.split(placeholder)
    return lambda pk: f"{before}{pk}{after}"


def filter_errors(form) -> str:
    lines = ["These filters could not be used, so no file was made:"]
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else "Filters"
        lines.extend(f"- {label}: {error}" for error in errors)
    return "\n".join(lines) + "\n"
