"""The editors' workplace: speakers, elections, topics, quotes and their stance tags."""

from . import accounts, articles, people, quotes, topics  # noqa: F401  (each registers its models)
