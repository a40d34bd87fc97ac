"""Settings fail loudly when serving without a SECRET_KEY, and let one-off commands run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.pop("STANCES_MANAGE_COMMAND", None)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_serving_without_a_secret_key_is_refused():
    result = run(
        "-c",
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='stances.settings';"
        " from django.core.wsgi import get_wsgi_application; get_wsgi_application()",
    )
    assert result.returncode != 0
    assert "SECRET_KEY is required when DEBUG is off" in result.stderr


def test_runserver_without_a_secret_key_is_refused():
    result = run("manage.py", "runserver", "--noreload", "127.0.0.1:0")
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


@pytest.mark.parametrize("command", [["check"], ["makemigrations", "--check", "--dry-run"]])
def test_one_off_commands_run_without_a_secret_key(command):
    result = run("manage.py", *command)
    assert result.returncode == 0, result.stderr


def test_a_bad_boolean_is_a_clear_configuration_error():
    result = run("manage.py", "check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'maybe'" in result.stderr
