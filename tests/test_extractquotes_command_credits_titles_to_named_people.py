"""extractquotes --person NAME=TITLE credits a title ("the prime minister said") to the person."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

BODY = '"We will not be rushed," the prime minister said on Tuesday.\n'


def speakers(path: Path, *args: str) -> list[str | None]:
    out = StringIO()
    call_command("extractquotes", str(path), "--format", "json", *args, stdout=out)
    return [q["speaker"] for q in json.loads(out.getvalue())]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(BODY, encoding="utf-8")
    return path


def test_a_person_given_with_the_title_is_the_speaker(article):
    assert speakers(article, "--person", "Roksana Hrytsenko=Deputy Mayor;Prime Minister") == [
        "Roksana Hrytsenko"
    ]


def test_without_a_person_the_title_is_kept_as_printed(article):
    assert speakers(article) == ["the prime minister"]


@pytest.mark.parametrize("value", ["Roksana Hrytsenko", "=Prime Minister", "Ana Mol= ; "])
def test_a_person_without_a_name_or_a_title_is_refused_plainly(article, value):
    with pytest.raises(CommandError, match="--person needs NAME=TITLE") as raised:
        speakers(article, "--person", value)
    assert raised.value.returncode == 2
