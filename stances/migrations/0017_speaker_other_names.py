"""Speakers' other names (transliterations, maiden names, nicknames), which search reads too;
pg_trgm on PostgreSQL for "did you mean" (CreateExtension does nothing on other databases);
the Editors group given the new model's permissions."""

import django.db.models.deletion
import django.db.models.functions.text
import simple_history.models
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from stances.editors import sync_editors_group


def resync_editors_group(apps, schema_editor):
    sync_editors_group(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('stances', '0016_task_runs_import_dataset'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalOtherName',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('name', models.CharField(help_text='The name as readers may write it, for example Zelenskyy or Zelenskiy.', max_length=200)),
                ('note', models.CharField(blank=True, help_text='What kind of name it is, for example transliteration, maiden name, nickname.', max_length=100)),
                ('started_on', models.DateField(blank=True, help_text='When the name was adopted; empty when not known.', null=True)),
                ('ended_on', models.DateField(blank=True, help_text='When the name was given up; empty while it is used.', null=True)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('speaker', models.ForeignKey(blank=True, db_constraint=False, help_text='Whose name this is.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='stances.speaker')),
            ],
            options={
                'verbose_name': 'historical other name',
                'verbose_name_plural': 'historical other names',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='OtherName',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('name', models.CharField(help_text='The name as readers may write it, for example Zelenskyy or Zelenskiy.', max_length=200)),
                ('note', models.CharField(blank=True, help_text='What kind of name it is, for example transliteration, maiden name, nickname.', max_length=100)),
                ('started_on', models.DateField(blank=True, help_text='When the name was adopted; empty when not known.', null=True)),
                ('ended_on', models.DateField(blank=True, help_text='When the name was given up; empty while it is used.', null=True)),
                ('speaker', models.ForeignKey(help_text='Whose name this is.', on_delete=django.db.models.deletion.CASCADE, related_name='other_names', to='stances.speaker')),
            ],
            options={
                'ordering': ['speaker', 'name'],
                'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('name'), models.F('speaker'), name='othername_unique_per_speaker', violation_error_message='This speaker already has this other name.'), models.CheckConstraint(condition=models.Q(('name', ''), _negated=True), name='othername_name_not_blank', violation_error_message='An other name cannot be empty.'), models.CheckConstraint(condition=models.Q(('ended_on__isnull', True), ('started_on__isnull', True), ('ended_on__gte', models.F('started_on')), _connector='OR'), name='othername_ends_after_it_starts', violation_error_message='A name cannot be given up before it is adopted.')],
            },
        ),
        TrigramExtension(),
        migrations.RunPython(resync_editors_group, migrations.RunPython.noop),
    ]
