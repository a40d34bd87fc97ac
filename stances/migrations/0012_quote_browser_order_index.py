"""An index in the quote browser's order (newest_first), so a page is read in order, not sorted
from every published quote. PostgreSQL only: SQLite cannot index NULLS LAST."""

from django.db import migrations

CREATE = """
CREATE INDEX IF NOT EXISTS quote_published_newest_idx ON stances_quote
    (said_on DESC NULLS LAST, id DESC) WHERE status = 'published'
"""
DROP = "DROP INDEX IF EXISTS quote_published_newest_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("stances", "0011_shift_ends_go_with_their_tags")]

    operations = [migrations.RunPython(create, drop)]
