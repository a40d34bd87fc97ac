"""Full-text search over quotes: on PostgreSQL a stored, weighted document with a GIN index, and a
plain fallback elsewhere. Every word must match the quote, its attribution or a speaker's name."""

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorExact,
    SearchVectorField,
)
from django.db import connection
from django.db.models import BooleanField, Expression, Func, IntegerField, Q
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
    from .models import Speaker

    return Speaker.objects.filter(name__icontains=word).order_by().values("pk")


def named(word: str) -> Q:
    return Q(speaker__name__icontains=word) | Q(about__name__icontains=word)


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
