"""A GIN index for full-text search over quotes, on PostgreSQL only (SQLite has no GIN)."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

INDEX_NAME = "quote_search_gin"


def search_index():
    from stances.search import quote_search_vector

    return GinIndex(quote_search_vector(), name=INDEX_NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("stances", "Quote"), search_index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("stances", "Quote"), search_index())


class Migration(migrations.Migration):
    dependencies = [("stances", "0002_editors_group")]

    operations = [migrations.RunPython(add_index, remove_index)]
