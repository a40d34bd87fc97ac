"""The extractquotes management command: its JSON contract, text table, and bad-input errors."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parent.parent
BODY = (
    "Foreign Minister Ana Okafor spoke in Sallow on Monday.\n\n"
    '"We will keep our promise," Okafor said, "whatever it costs."\n\n'
    'She called the plan a "blank cheque" and said that talks would wait until spring.\n'
)
KEYS = {"text", "kind", "speaker", "attribution", "start", "end", "confidence"}


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(BODY, encoding="utf-8")
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("extractquotes", *args, stdout=out)
    return out.getvalue()


def test_json_output_is_a_list_of_objects_with_exactly_the_contract_keys(article):
    quotes = json.loads(run(str(article), "--format", "json"))
    assert [set(q) for q in quotes] == [KEYS] * len(quotes)
    assert [(q["kind"], q["speaker"]) for q in quotes] == [
        ("direct", "Ana Okafor"),
        ("partial", "Ana Okafor"),
        ("paraphrase", "Ana Okafor"),
    ]
    direct, partial, paraphrase = quotes
    assert direct["text"] == "We will keep our promise whatever it costs."
    assert partial["text"] == "blank cheque"
    assert paraphrase["text"] == "talks would wait until spring"
    for quote in (partial, paraphrase):
        assert BODY[quote["start"] : quote["end"]] == quote["text"]
    assert all(0 <= q["confidence"] <= 1 for q in quotes)


def test_text_format_is_a_readable_table(article):
    output = run(str(article), "--format", "text")
    assert output.splitlines()[0].split()[:3] == ["kind", "speaker", "conf"]
    assert "blank cheque" in output
    assert output == run(str(article)), "text is the default format"


def test_an_article_with_no_quotes_gives_an_empty_json_list(tmp_path):
    path = tmp_path / "calm.txt"
    path.write_text("The harbour reopened on Tuesday after repairs.\n", encoding="utf-8")
    assert json.loads(run(str(path), "--format", "json")) == []


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 \u00abquote\u00bb".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n\t \n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    return {
        "missing": tmp_path / "nowhere.txt",
        "directory": tmp_path / "folder",
        "binary": tmp_path / "binary.bin",
        "not utf-8": tmp_path / "latin1.txt",
        "empty": tmp_path / "empty.txt",
        "whitespace only": tmp_path / "blank.txt",
    }


@pytest.mark.parametrize(
    "case", ["missing", "directory", "binary", "not utf-8", "empty", "whitespace only"]
)
def test_bad_input_raises_a_command_error_with_exit_status_2(tmp_path, case):
    path = bad_inputs(tmp_path)[case]
    with pytest.raises(CommandError) as raised:
        run(str(path), "--format", "json")
    assert raised.value.returncode == 2
    assert str(path) in str(raised.value)


@pytest.mark.parametrize(
    "case", ["missing", "directory", "binary", "not utf-8", "empty", "whitespace only"]
)
def test_bad_input_from_the_shell_is_one_line_on_stderr_and_status_2(tmp_path, case):
    path = bad_inputs(tmp_path)[case]
    env = {**os.environ, "SECRET_KEY": os.environ.get("SECRET_KEY", "tests-only-not-a-secret")}
    result = subprocess.run(
        [sys.executable, "manage.py", "extractquotes", str(path), "--format", "json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_the_shell_command_prints_json_for_a_good_file(article):
    env = {**os.environ, "SECRET_KEY": os.environ.get("SECRET_KEY", "tests-only-not-a-secret")}
    result = subprocess.run(
        [sys.executable, "manage.py", "extractquotes", str(article), "--format", "json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 3
