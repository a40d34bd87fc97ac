"""A stored search document for quotes, on PostgreSQL only (SQLite has no tsvector): a generated
column with its GIN index, which replaces 0003's expression index. The model does not declare it.

The column's expression must stay equal to `stances.search.quote_search_document()`; a test checks
that the stored value equals a fresh one.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

COLUMN = "search_document"
INDEX = "quote_search_document"
OLD_INDEX = "quote_search_gin"

# Immutable, as a generated column must be: the text search configuration is named, not taken
# from the session's default_text_search_config.
DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, coalesce(text, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(attribution_text, '')), 'B')"
)


def old_index():
    from django.contrib.postgres.search import SearchVector

    # Migration 0003's definition, frozen here so that the reverse rebuilds exactly that index.
    return GinIndex(SearchVector("text", "attribution_text", config="english"), name=OLD_INDEX)


def add_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE stances_quote ADD COLUMN {COLUMN} tsvector "
        f"GENERATED ALWAYS AS ({DOCUMENT}) STORED"
    )
    schema_editor.execute(f"CREATE INDEX {INDEX} ON stances_quote USING gin ({COLUMN})")
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")


def remove_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("stances", "Quote"), old_index())
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"ALTER TABLE stances_quote DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    dependencies = [("stances", "0009_position_summaries")]

    operations = [migrations.RunPython(add_document, remove_document)]
