"""Any text cell of the CSV that a spreadsheet would run as a formula (one starting with =, +, -, @,
a tab or a carriage return) starts with an apostrophe instead, which marks it as plain text."""

import csv
import io

import pytest
from django.urls import reverse

from stances.models import Quote
from stances.syndication.downloads import neutralised
from tests.factories import make_article, make_outlet, make_quote, make_speaker

pytestmark = pytest.mark.django_db

DANGEROUS = {
    "equals": '=HYPERLINK("https://evil.example","click")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
}


def only_row(client) -> dict:
    response = client.get(reverse("syndication:quotes_csv"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    [row] = csv.DictReader(io.StringIO(text, newline=""))
    return row


@pytest.mark.parametrize("start", DANGEROUS)
def test_a_quote_text_starting_a_formula_is_neutralised(client, start):
    make_quote(text=DANGEROUS[start])

    assert only_row(client)["text"] == "'" + DANGEROUS[start]


@pytest.mark.parametrize("start", DANGEROUS)
def test_names_titles_and_stances_starting_a_formula_are_neutralised(client, start):
    value = DANGEROUS[start]
    article = make_article(title=value, outlet=make_outlet(name=value))
    make_quote(
        speaker=make_speaker(name=value),
        about=make_speaker(name=value + " (about)"),
        attribution_text=value,
        article=article,
    )

    row = only_row(client)

    for column in ("speaker", "attribution", "article_title", "outlet"):
        assert row[column] == "'" + value, column
    assert row["about"] == "'" + value + " (about)"


def test_an_anonymous_attribution_starting_a_formula_is_neutralised(client):
    make_quote(kind=Quote.Kind.ANONYMOUS, attribution_text="=cited by unnamed officials")

    row = only_row(client)

    assert row["attribution"] == "'=cited by unnamed officials"
    assert row["kind"] == "anonymous"


def test_harmless_cells_are_left_as_they_are(client):
    make_quote(text="We will end the war - soon = never? @ once")

    row = only_row(client)

    assert row["text"] == "We will end the war - soon = never? @ once"
    assert row["quote_id"].isdigit()
    assert row["permalink"].startswith("http://testserver/quotes/")


@pytest.mark.parametrize("value", [*DANGEROUS.values(), "\n=1", " =1", "ok", ""])
def test_only_the_dangerous_starts_get_an_apostrophe(value):
    expected = "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value
    assert neutralised(value) == expected
