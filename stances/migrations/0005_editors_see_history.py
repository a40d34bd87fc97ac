"""Gives the Editors group the new history models' permissions (still content only)."""

from django.db import migrations

from stances.editors import sync_editors_group


def resync_editors_group(apps, schema_editor):
    sync_editors_group(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("stances", "0004_history_and_versions"),
        ("articles", "0002_history_and_versions"),
    ]

    operations = [migrations.RunPython(resync_editors_group, migrations.RunPython.noop)]
