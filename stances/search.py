"""Full-text search over quotes: PostgreSQL's text search with a GIN index; a plain fallback
elsewhere. On both, every word must match the quote, its attribution, or a speaker's name."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Func, IntegerField, Q

CONFIG = "english"
MAX_WORDS = 8


def quote_search_vector() -> SearchVector:
    """The indexed document of a quote. Migration 0003 builds its GIN index from this very call."""
    return SearchVector("text", "attribution_text", config=CONFIG)


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

    from .models import Quote

    for n, word in enumerate(words):
        query = SearchQuery(word, config=CONFIG)
        # A subquery on the document alone, so PostgreSQL can answer it from the GIN index.
        in_document = (
            Quote.objects.annotate(document=quote_search_vector())
            .filter(document=query)
            .values("pk")
        )
        # Stop words ("the", "of") make an empty query, which matches nothing: they are skipped.
        is_stop_word = Func(query, function="numnode", output_field=IntegerField())
        quotes = quotes.alias(**{f"stop_word_{n}": is_stop_word}).filter(
            Q(**{f"stop_word_{n}": 0}) | Q(pk__in=in_document) | named(word)
        )
    everything = SearchQuery(" ".join(words), config=CONFIG)
    return quotes.annotate(rank=SearchRank(quote_search_vector(), everything)).order_by(
        "-rank", "-pk"
    )
