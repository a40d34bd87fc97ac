"""What a dataset file holds: its format name and version, its sections and their fields.

A file is one JSON object: `format`, `version`, `exported_at` and `counts` first, then the
sections in the order below, each a list of records. Records refer to each other by natural
keys: slugs for outlets, speakers, elections, topics and stances; a head of ticket by its
speaker's slug within the election; accounts by username. Articles and quotes have no natural
key, so each carries an `id` that is unique within its section of the file (the exporter
numbers them 1, 2, 3 ...) and that other records use; the ids never become database keys.
"""

import datetime

from django.db import models

from articles.models import Article, Outlet

from ..models import (
    Candidacy,
    Election,
    OtherName,
    Quote,
    QuoteSuggestion,
    Speaker,
    SpeakerRole,
    Stance,
    StanceTag,
    Topic,
)

FORMAT = "stances-dataset"
VERSION = 2
KNOWN_VERSIONS = {1, 2}
HEADER = ("format", "version", "exported_at", "counts")

# Sections in the order a file must give them: each refers only to sections before it (a quote
# may also answer a quote later in its own section).
SECTIONS = ("outlets", "speakers", "elections", "topics", "articles", "quotes", "suggestions")

# What `counts` holds: the sections, and the records nested in them.
COUNTED = (
    "outlets",
    "speakers",
    "roles",
    "other_names",
    "elections",
    "candidacies",
    "topics",
    "stances",
    "articles",
    "quotes",
    "tags",
    "suggestions",
)

# Fields copied as they are (model field name = JSON key), per kind of record. References and
# nested lists are named apart below.
PLAIN = {
    Outlet: ("slug", "name", "website", "country", "language"),
    Speaker: ("slug", "name", "kind", "description", "wikidata_id"),
    SpeakerRole: ("title", "organisation", "started_on", "ended_on"),
    OtherName: ("name", "note", "started_on", "ended_on"),
    Election: ("slug", "name", "held_on", "country", "description"),
    Candidacy: ("office", "party", "ticket_position", "order"),
    Topic: ("slug", "name", "description", "order"),
    Stance: ("slug", "statement", "description", "order"),
    Article: (
        "title",
        "url",
        "published_on",
        "language",
        "authors",
        "summary",
        "body",
        "archive_url",
        "retrieved_on",
        "created_at",
        "updated_at",
    ),
    Quote: (
        "text",
        "kind",
        "attribution_text",
        "said_on",
        "language",
        "original_text",
        "start_offset",
        "end_offset",
        "status",
        "retraction_reason",
        "published_at",
        "retracted_at",
        "created_at",
        "updated_at",
    ),
    StanceTag: ("alignment", "note", "tagged_at"),
    QuoteSuggestion: (
        "text",
        "kind",
        "speaker_name",
        "attribution",
        "start_offset",
        "end_offset",
        "confidence",
        "status",
        "decided_at",
        "created_at",
    ),
}

# JSON keys that refer to other records (or hold nested records), per kind of record.
REFERENCES = {
    Outlet: (),
    Speaker: ("roles", "other_names"),
    SpeakerRole: (),
    OtherName: (),
    Election: ("candidacies",),
    Candidacy: ("speaker", "running_mate_of"),
    Topic: ("stances",),
    Stance: (),
    Article: ("id", "outlet"),
    Quote: ("id", "article", "speaker", "about", "responds_to", "tags"),
    StanceTag: ("stance", "tagged_by"),
    QuoteSuggestion: ("article", "quote", "decided_by"),
}

# Fields that Django stamps with the time of the insert; a file's values replace the stamp.
STAMPED = {
    model: tuple(
        name
        for name in PLAIN[model]
        if getattr(model._meta.get_field(name), "auto_now", False)
        or getattr(model._meta.get_field(name), "auto_now_add", False)
    )
    for model in PLAIN
}


def keys_of(model) -> tuple[str, ...]:
    """Every key a record of this kind may hold."""
    return PLAIN[model] + REFERENCES[model]


def to_json(value):
    """A model field's value as JSON: dates and times in ISO 8601, the rest as they are."""
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    return value


def json_types(field: models.Field) -> tuple[tuple[type, ...], str]:
    """The JSON types a field accepts, and how to name them in a message."""
    if isinstance(field, models.DateTimeField):
        types, name = (str,), "a date and time (YYYY-MM-DDTHH:MM:SS+00:00)"
    elif isinstance(field, models.DateField):
        types, name = (str,), "a date (YYYY-MM-DD)"
    elif isinstance(field, models.FloatField):
        types, name = (int, float), "a number"
    elif isinstance(field, models.IntegerField):
        types, name = (int,), "a whole number"
    else:
        types, name = (str,), "a string"
    if field.null:
        types, name = (*types, type(None)), f"{name} or null"
    return types, name


def json_name(value) -> str:
    """The JSON type of a parsed value, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    return {
        str: "a string",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)
