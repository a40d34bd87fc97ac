"""The editors' workplace: speakers, elections, topics, quotes and their stance tags."""

from . import (  # noqa: F401  (each registers its models)
    accounts,
    articles,
    people,
    quotes,
    suggestions,
    topics,
)
