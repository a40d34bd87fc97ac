"""`importdata FILE --background` queues the import for the task worker, one at a time, and the
run's record says how it went: the quotes stored, or why nothing was."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from stances.models import Quote, TaskRun
from tests.factories import make_editor
from tests.test_dataset_round_trip_reproduces_the_data import export, newsroom

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_queued_import_loads_the_file_and_records_how_many_quotes(tmp_path, editor):
    newsroom(editor)
    export(tmp_path / "dataset.json")
    call_command("flush", interactive=False, stdout=io.StringIO())
    make_editor(editor.username)
    out = io.StringIO()

    call_command("importdata", str(tmp_path / "dataset.json"), "--background", stdout=out)

    run = TaskRun.objects.get(kind=TaskRun.Kind.IMPORT_DATASET)
    assert run.status == TaskRun.Status.FINISHED
    assert run.outcome == Quote.objects.count() == 8
    assert "imported the file, with 8 quotes." in out.getvalue()


def test_a_queued_import_logs_the_editors_it_left_out(tmp_path, editor, caplog):
    newsroom(editor)
    export(tmp_path / "dataset.json")
    call_command("flush", interactive=False, stdout=io.StringIO())

    with caplog.at_level("WARNING", logger="stances.tasks"):
        call_command(
            "importdata", str(tmp_path / "dataset.json"), "--background", stdout=io.StringIO()
        )

    assert TaskRun.objects.get().status == TaskRun.Status.FINISHED
    logged = [record.getMessage() for record in caplog.records if record.name == "stances.tasks"]
    assert len(logged) == 1
    assert logged[0].startswith(
        "2 tags or suggestion decisions named an editor with no account here (edith) and were "
        "stored without one."
    )


def test_a_bad_file_fails_the_run_and_stores_nothing(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"format": "stances-dataset", "version": 999}))

    call_command("importdata", str(path), "--background", stdout=io.StringIO())

    run = TaskRun.objects.get(kind=TaskRun.Kind.IMPORT_DATASET)
    assert run.status == TaskRun.Status.FAILED
    assert "nothing was imported" in run.problem
    assert not Quote.objects.exists()


def test_a_second_import_waits_for_the_first(tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    path = tmp_path / "dataset.json"
    path.write_text("{}")
    call_command("importdata", str(path), "--background", stdout=io.StringIO())

    with pytest.raises(CommandError, match="Already under way"):
        call_command("importdata", str(path), "--background", stdout=io.StringIO())


def test_a_missing_file_is_refused_before_anything_is_queued(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("importdata", str(tmp_path / "none.json"), "--background")

    assert not TaskRun.objects.exists()
