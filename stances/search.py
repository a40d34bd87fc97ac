"""Full-text search over quotes: on PostgreSQL a stored, weighted document with a GIN index, and a
plain fallback elsewhere. Every word must match the quote, its attribution or a speaker's name
(or other name: Zelenskyy finds Zelensky). A search that finds little offers "did you mean" a
speaker's name close to a word: by trigram similarity (pg_trgm) on PostgreSQL, else difflib."""

import difflib
import re
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorExact,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import BooleanField, Case, Expression, F, Func, IntegerField, Q, When
from django.db.models.expressions import Col
from django.db.models.lookups import Exact

CONFIG = "english"
MAX_WORDS = 8
# A generated column on PostgreSQL only (migration 0010), indexed by DOCUMENT_INDEX. The model
# does not declare it: SQLite has no tsvector.
DOCUMENT_COLUMN = "search_document"
DOCUMENT_INDEX = "quote_search_document"


def quote_search_vector() -> SearchVector:
    """The unweighted document of migration 0003's expression index (dropped by 0010)."""
    return SearchVector("text", "attribution_text", config=CONFIG)


def quote_search_document():
    """What the stored column holds, computed afresh: the quote's words outweigh its attribution."""
    return SearchVector("text", config=CONFIG, weight="A") + SearchVector(
        "attribution_text", config=CONFIG, weight="B"
    )


class StoredDocument(Expression):
    """The quote's stored search document, read from its table wherever the query aliases it."""

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, *args, **kwargs):
        column = SearchVectorField()
        column.set_attributes_from_name(DOCUMENT_COLUMN)
        column.model = query.model
        return Col(query.get_initial_alias(), column)


class AnyOf(Func):
    """`column = ANY(ARRAY(subquery))`: PostgreSQL runs the subquery once, then the column's index
    answers, so it can join the other arms of an OR in one bitmap scan; `IN (subquery)` cannot."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection):
        column, subquery = self.get_source_expressions()
        column_sql, column_params = compiler.compile(column)
        subquery_sql, subquery_params = compiler.compile(subquery)
        return f"{column_sql} = ANY(ARRAY{subquery_sql})", (*column_params, *subquery_params)


def speakers_named(word: str):
    """Speakers whose name or one of whose other names holds the word."""
    from .models import OtherName, Speaker

    other_names = OtherName.objects.filter(name__icontains=word).values("speaker")
    return (
        Speaker.objects.filter(Q(name__icontains=word) | Q(pk__in=other_names))
        .order_by()
        .values("pk")
    )


def named(word: str) -> Q:
    speakers = speakers_named(word)
    return Q(speaker__in=speakers) | Q(about__in=speakers)


def search_quotes(quotes, terms: str):
    """Quotes matching every one of the reader's words, best matches first on PostgreSQL."""
    words = terms.split()[:MAX_WORDS]
    if not words:
        return quotes
    if connection.vendor != "postgresql":
        for word in words:
            quotes = quotes.filter(
                Q(text__icontains=word) | Q(attribution_text__icontains=word) | named(word)
            )
        return quotes

    for word in words:
        query = SearchQuery(word, config=CONFIG)
        # Stop words ("the", "of") make an empty query, which matches nothing: they are skipped.
        # The test is on constants, so the planner settles it before choosing indexes.
        is_stop_word = Exact(Func(query, function="numnode", output_field=IntegerField()), 0)
        # Each arm has its own index (the GIN index on the document, the foreign keys'), so the
        # outer query reads only the matches; name matches resolve on the small speakers table.
        quotes = quotes.filter(
            is_stop_word
            | SearchVectorExact(StoredDocument(), query)
            | AnyOf("speaker", speakers_named(word))
            | AnyOf("about", speakers_named(word))
        )
    # Ranked from the stored document: only the matches are ranked, and nothing is re-parsed.
    everything = SearchQuery(" ".join(words), config=CONFIG)
    return quotes.order_by(SearchRank(StoredDocument(), everything).desc(), "-pk")


def unranked(quotes):
    """Ranked search results newest first instead (others unchanged): for lists too long to rank,
    since ranking reads every match, while the primary key's index serves the newest a page at a
    time."""
    if any(
        isinstance(getattr(term, "expression", None), SearchRank) for term in quotes.query.order_by
    ):
        return quotes.order_by("-pk")
    return quotes


# "Did you mean": offered when a search finds fewer quotes than this, for words of at least
# MIN_LETTERS letters that are in no speaker's name; the first CHECKED_WORDS such words are
# looked up, one query each, so a page costs at most that many more queries.
FEW_RESULTS = 3
MIN_LETTERS = 4
CHECKED_WORDS = 3
# How close a name must be. pg_trgm's word_similarity: the share of the word's trigrams found in
# the best-matching stretch of the name ("Zelenskiy" against "Volodymyr Zelensky" is 0.7, "Putim"
# against "Vladimir Putin" 0.67, "harsh" against "Kamala Harris" 0.5, "trade" against "Donald
# Trump" 0.33). difflib's ratio, word against word, where PostgreSQL is not used.
SIMILARITY = 0.55
RATIO = 0.75
# Where difflib compares in Python, it reads at most this many names.
NAMES_READ = 5_000


@dataclass(frozen=True)
class DidYouMean:
    """The reader's search with close names in place of words no name holds."""

    terms: str
    speakers: tuple[str, ...]  # whose names they are, as readers know them


def did_you_mean(terms: str) -> DidYouMean | None:
    """A corrected search, when some of its words look like a misspelt speaker's name."""
    words = terms.split()[:MAX_WORDS]
    replaced, speakers = {}, []
    for word in [w for w in words if len(letters(w)) >= MIN_LETTERS][:CHECKED_WORDS]:
        close = closest_name(letters(word))
        if close is None:
            continue
        found, speaker = close
        replaced[word] = found
        if speaker not in speakers:
            speakers.append(speaker)
    if not replaced:
        return None
    return DidYouMean(" ".join(replaced.get(w, w) for w in words), tuple(speakers))


def letters(word: str) -> str:
    return re.sub(r"[^\w'-]", "", word)


def closest_name(word: str) -> tuple[str, str] | None:
    """The word of a public speaker's name (or other name) closest to this one, with the
    speaker's name; None when the word is in a name already, or nothing is close."""
    rows = names_like(word)
    if not rows or rows[0][2] == 1.0:
        return None
    name, speaker, _ = rows[0]
    nearest = max(
        name.split(),
        key=lambda part: difflib.SequenceMatcher(None, word.casefold(), part.casefold()).ratio(),
    )
    if connection.vendor != "postgresql" and not close_enough(word, nearest):
        return None
    return nearest, speaker


def close_enough(word: str, part: str) -> bool:
    return difflib.SequenceMatcher(None, word.casefold(), part.casefold()).ratio() >= RATIO


def names_like(word: str) -> list[tuple[str, str, float]]:
    """(name, its speaker's name, closeness) of public speakers' names and other names, the
    closest first; a name that holds the word comes first of all."""
    from .forms import public_speakers
    from .models import OtherName

    speakers = public_speakers().order_by()  # no ORDER BY inside a UNION
    if connection.vendor == "postgresql":
        columns = ("written", "known_as", "closeness")

        def close_to_the_word(names, known_as):
            return (
                names.annotate(
                    written=F("name"),
                    known_as=known_as,
                    closeness=TrigramWordSimilarity(word, "name"),
                    holds=Case(When(name__icontains=word, then=1), default=0),
                )
                .filter(Q(closeness__gte=SIMILARITY) | Q(holds=1))
                .values_list(*columns, "holds")
            )

        rows = close_to_the_word(speakers, F("name")).union(
            close_to_the_word(
                OtherName.objects.filter(speaker__in=speakers.values("pk")).order_by(),
                F("speaker__name"),
            )
        )
        # A name that holds the word first: then the word needs no correction.
        found = rows.order_by("-holds", "-closeness", "written")[:5]
        return [
            (name, known_as, 1.0 if holds else closeness)
            for name, known_as, closeness, holds in found
        ]
    # Elsewhere: difflib over a bounded read of the names, word against each word of a name.
    own = speakers.annotate(known_as=F("name")).values_list("name", "known_as")
    other = (
        OtherName.objects.filter(speaker__in=speakers.values("pk"))
        .order_by()
        .values_list("name", "speaker__name")
    )
    names = list(own.union(other)[:NAMES_READ])
    scored = []
    for name, known_as in names:
        if word.casefold() in name.casefold():
            return [(name, known_as, 1.0)]
        best = max(
            difflib.SequenceMatcher(None, word.casefold(), part.casefold()).ratio()
            for part in name.split() or [name]
        )
        scored.append((name, known_as, best))
    scored.sort(key=lambda row: (-row[2], row[0]))
    return scored[:5]
