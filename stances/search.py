"""Full-text search over quotes: PostgreSQL's text search with a GIN index; a plain fallback
elsewhere."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q

CONFIG = "english"
MAX_FALLBACK_WORDS = 8


def quote_search_vector() -> SearchVector:
    """The indexed document of a quote. Migration 0003 builds its GIN index from this very call."""
    return SearchVector("text", "attribution_text", config=CONFIG)


def search_quotes(quotes, terms: str):
    """Quotes matching the reader's words, best matches first on PostgreSQL."""
    terms = terms.strip()
    if not terms:
        return quotes
    by_name = Q(speaker__name__icontains=terms) | Q(about__name__icontains=terms)
    if connection.vendor == "postgresql":
        query = SearchQuery(terms, search_type="websearch", config=CONFIG)
        return (
            quotes.annotate(document=quote_search_vector())
            .filter(Q(document=query) | by_name)
            .annotate(rank=SearchRank(quote_search_vector(), query))
            .order_by("-rank", "-pk")
        )
    # SQLite: every word must appear somewhere in the quote, its attribution or a name.
    for word in terms.split()[:MAX_FALLBACK_WORDS]:
        quotes = quotes.filter(
            Q(text__icontains=word)
            | Q(attribution_text__icontains=word)
            | Q(speaker__name__icontains=word)
            | Q(about__name__icontains=word)
        )
    return quotes
