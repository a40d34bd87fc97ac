"""importdata refuses a file that is not a dataset with one clear sentence, and a file with bad
records as a whole: each bad record is named by section, index and line with the reason, and
the database is left exactly as it was, however late in the file the bad record comes."""

import io
import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Outlet
from stances.models import Quote, Speaker, StanceTag
from tests.factories import make_outlet, make_quote, make_speaker

pytestmark = pytest.mark.django_db


def dataset(**sections) -> dict:
    return {"format": "stances-dataset", "version": 1, **sections}


SPEAKER = {"slug": "ana-okafor", "name": "Ana Okafor"}
ARTICLE = {"id": 1, "title": "Plans", "published_on": "2024-10-01", "summary": "What it says."}


def quote(number: int, **fields) -> dict:
    return {
        "id": number,
        "article": 1,
        "speaker": "ana-okafor",
        "text": f"Words {number}",
        "status": "draft",
        **fields,
    }


def refusal(tmp_path, content, *options) -> str:
    path = tmp_path / "data.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content, indent=1))
    with pytest.raises(CommandError) as refused:
        call_command("importdata", str(path), *options, stdout=io.StringIO())
    return str(refused.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError, match=r"No such file: .*nowhere\.json"):
        call_command("importdata", str(tmp_path / "nowhere.json"), stdout=io.StringIO())


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(CommandError, match="is a folder"):
        call_command("importdata", str(tmp_path), stdout=io.StringIO())


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "the file is empty"),
        ("name,slug\nLedger,ledger\n", "line 1: this is not a dataset file"),
        ("[1, 2]", "line 1: this is not a dataset file"),
        ('{"format": "stances-dataset",\n "version": 1,\n "outlets": [{"slug": }]}', "line 3"),
        ('{"format": "stances-dataset", "version": 1, "outlets": [\n', "cut short"),
        ('{"format": "stances-dataset", "version": 1} trailing', "more data after the end"),
        (b'{"format": "stances-dataset\xff"}', "not UTF-8"),
        ('{"format": "stances-dataset", "version": 1, "outlets": [NaN]}', "NaN"),
    ],
)
def test_a_file_that_is_not_json_says_where_it_breaks(tmp_path, content, reason):
    message = refusal(tmp_path, content)
    assert "not imported (nothing was changed)" in message
    assert reason in message


def test_another_format_is_refused(tmp_path):
    message = refusal(tmp_path, {"format": "popolo", "version": 1, "outlets": []})
    assert "not a Stances dataset: its format is 'popolo'" in message


def test_a_file_without_a_format_is_refused(tmp_path):
    assert "not a Stances dataset" in refusal(tmp_path, {"outlets": []})
    assert "not a Stances dataset" in refusal(tmp_path, {})


@pytest.mark.parametrize("version", [3, "1", None, True])
def test_an_unknown_version_is_refused(tmp_path, version):
    message = refusal(tmp_path, {"format": "stances-dataset", "version": version})
    assert f"version {version!r} of the dataset format is not known here" in message
    assert "reads version 1 or 2" in message


def test_sections_out_of_order_are_refused(tmp_path):
    content = dataset(speakers=[SPEAKER], outlets=[])
    assert 'section "outlets" comes after "speakers"' in refusal(tmp_path, content)


def test_each_bad_record_is_named_with_its_place_and_reason(tmp_path):
    content = dataset(
        outlets=[{"slug": "ledger", "name": ""}, {"slug": "not a slug!", "name": "Wire"}],
        speakers=[SPEAKER, {"slug": "bo", "name": "Bo", "kind": "robot", "nickname": "B"}],
        articles=[ARTICLE, {**ARTICLE, "id": 2, "published_on": "1 October"}],
        quotes=[
            quote(1),
            quote(2, speaker="nobody"),
            quote(3, said_on="2024-12-01"),
            quote(4, text=7),
            quote(5, kind="anonymous", speaker=None),
            quote(6, tags=[{"stance": "missing", "alignment": "supports"}]),
            quote(7, responds_to=99),
            quote(8, status="published", published_at="2024-10-01T10:00:00"),
            quote(9, text="nul \x00 byte"),
        ],
    )
    message = refusal(tmp_path, content)

    lines = message.splitlines()
    assert lines[0].endswith("12 bad records:")
    expected = [
        "outlets[0] (line 5): name: This field cannot be blank.",
        "outlets[1] (line 9): slug: Enter a valid “slug”",
        "speakers[1] (line 19): unknown \"nickname\"; kind: Value 'robot' is not a valid choice.",
        "articles[1] (line 33): published_on: “1 October” value has an invalid date format.",
        'quotes[1] (line 48): speaker: no speaker "nobody" in the file or in this database',
        "quotes[2] (line 55): said_on: A quote cannot be said after the article reporting it",
        "quotes[3] (line 63): text: expected a string, got a number",
        "quotes[4] (line 70): An anonymous-source claim needs its attribution as printed",
        'quotes[5].tags[0] (line 78): stance: no stance "missing" in the file or in this database',
        "quotes[6] (line 91): responds_to: no quote with id 99 in the file",
        "quotes[7] (line 99): published_at: give the time zone, for example +00:00",
        "quotes[8] (line 107): text: holds a NUL character",
    ]
    assert [line.strip() for line in lines[1:]] == [
        next(found.strip() for found in lines if line in found) for line in expected
    ], "one line per bad record, in the file's order"
    assert Outlet.objects.count() == Speaker.objects.count() == Quote.objects.count() == 0


def test_a_bad_record_late_in_a_long_file_leaves_the_database_untouched(tmp_path):
    existing = make_quote(text="Already here")
    quotes = [quote(n) for n in range(1, 2501)]
    quotes[-1]["kind"] = "rumour"
    content = dataset(speakers=[SPEAKER], articles=[ARTICLE], quotes=quotes)

    message = refusal(tmp_path, content)

    assert "quotes[2499]" in message
    assert "kind: Value 'rumour' is not a valid choice." in message
    assert list(Quote.objects.all()) == [existing]
    assert not Speaker.objects.filter(slug="ana-okafor").exists()
    assert Article.objects.count() == 1
    assert Speaker.history.filter(slug="ana-okafor").count() == 0


def test_slugs_the_database_has_already_are_refused_not_merged(tmp_path):
    make_speaker(slug="ana-okafor", name="Someone Else")
    make_outlet(name="Daily Ledger", slug="ledger")
    content = dataset(
        outlets=[{"slug": "ledger-2", "name": "daily ledger"}],
        speakers=[SPEAKER],
        articles=[ARTICLE],
        quotes=[quote(1)],
    )
    message = refusal(tmp_path, content)

    assert "outlets[0] (line 5): An outlet with this name already exists." in message
    assert "speakers[0] (line 11): slug: Speaker with this Slug already exists." in message
    # The quote of the refused speaker is not checked further: its cause is named already.
    assert "quotes[0]" not in message
    assert Speaker.objects.get(slug="ana-okafor").name == "Someone Else"


def test_duplicates_within_the_file_are_refused(tmp_path):
    content = dataset(
        speakers=[SPEAKER, {**SPEAKER, "name": "Twin"}],
        articles=[ARTICLE, {**ARTICLE, "title": "Same id"}],
        quotes=[quote(1, tags=[{"stance": "s", "alignment": "supports"}] * 2)],
        topics=[],
    )
    content = dataset(
        speakers=content["speakers"],
        topics=[{"slug": "t", "name": "T", "stances": [{"slug": "s", "statement": "S"}]}],
        articles=content["articles"],
        quotes=content["quotes"],
    )
    message = refusal(tmp_path, content)

    assert "speakers[1]" in message
    assert "Slug already exists" in message
    assert "articles[1]" in message
    assert "id: 1 is the id of another of the articles" in message
    assert "quotes[0].tags[1]" in message
    assert "already tagged with this stance" in message
    assert StanceTag.objects.count() == 0


def test_counts_that_disagree_with_the_records_are_refused(tmp_path):
    content = dataset(counts={"speakers": 2}, speakers=[SPEAKER])
    assert "the file says 2 speakers but holds 1" in refusal(tmp_path, content)


def test_check_reports_a_good_file_and_stores_nothing(tmp_path):
    path = tmp_path / "data.json"
    path.write_text(json.dumps(dataset(speakers=[SPEAKER], articles=[ARTICLE], quotes=[quote(1)])))
    out = io.StringIO()

    call_command("importdata", str(path), "--check", stdout=out)

    assert "Checked, would import" in out.getvalue()
    assert "1 quote" in out.getvalue()
    assert Quote.objects.count() == 0


def test_the_command_line_exits_non_zero_without_a_traceback(tmp_path):
    path = tmp_path / "data.json"
    path.write_text("not json")
    result = subprocess.run(
        [sys.executable, "manage.py", "importdata", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"},
        check=False,
    )
    assert result.returncode != 0
    assert "line 1: this is not a dataset file" in result.stderr
    assert "Traceback" not in result.stderr
