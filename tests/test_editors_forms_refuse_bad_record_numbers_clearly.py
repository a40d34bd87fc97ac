"""The editors' forms that take a record's number (the tagging queue's filters and new-stance form,
the Suggest quotes page's accept form) read it with one helper, stances.ids.parse_id: a value
that cannot be an id (NUL, too large, signed, non-ASCII digits, spaces inside) gets the form's
clear error, never a server error; spaces around a number are only spaces."""

import pytest
from django.urls import reverse

from stances.admin.suggestion_forms import AcceptForm
from stances.admin.tagging_forms import NewStanceForm
from stances.ids import LARGEST_ID, parse_id
from stances.models import Quote, Stance
from tests.factories import make_election, make_quote, make_suggestion, make_topic

pytestmark = pytest.mark.django_db

BAD = [
    "\x00",
    "1\x00",
    str(LARGEST_ID + 1),  # one past the largest id: overflowed the column on PostgreSQL
    "9" * 30,
    "-1",
    "+1",
    "١٢",  # Arabic-Indic digits: str.isdigit() says yes, int() reads 12
    "²",
    "1 2",
    "1.5",
    "1e3",
    "0x1f",
    "abc",
]


def test_parse_id_reads_plain_numbers_only():
    assert parse_id("12") == 12
    assert parse_id(" 12\t") == 12
    assert parse_id(12) == 12
    assert parse_id(str(LARGEST_ID)) == LARGEST_ID
    for value in [*BAD, "", "   ", None, True, 1.0, ["1"]]:
        assert parse_id(value) is None, repr(value)


@pytest.mark.parametrize("value", BAD)
def test_the_new_stance_form_names_a_bad_topic_number(value):
    make_topic()
    form = NewStanceForm({"topic": value, "statement": "Ban chip exports", "alignment": "supports"})

    assert form.errors == {"topic": ["Choose one of the topics listed."]}


@pytest.mark.parametrize("value", BAD)
def test_the_accept_form_names_a_bad_about_or_election(value):
    make_election()
    form = AcceptForm(
        {"about": value, "add_candidacy": "on", "election": value, "office": "President"}
    )

    if "\x00" in value:  # refused by the text field itself, before the form reads a number
        about = election = "Null characters are not allowed."
    else:
        about = "The person chosen for “about” does not exist (it may have been deleted)."
        election = "Choose the election the candidacy is in."
    assert form.errors == {"about": [about], "election": [election]}


def test_spaces_around_a_number_are_read_alike_by_both_forms():
    topic = make_topic()
    election = make_election()
    stance_form = NewStanceForm(
        {"topic": f" {topic.pk} ", "statement": "Ban chip exports", "alignment": "supports"}
    )
    accept_form = AcceptForm({"add_candidacy": "on", "election": f" {election.pk}\n"})
    accept_form.data = {**accept_form.data, "office": "President"}

    assert stance_form.is_valid(), stance_form.errors
    assert stance_form.cleaned_data["topic"] == topic
    assert accept_form.is_valid(), accept_form.errors
    assert accept_form.cleaned_data["election_object"] == election


@pytest.mark.parametrize("value", ["١٢", str(LARGEST_ID + 1), "-1", "1 2"])
def test_a_bad_filter_number_in_the_queues_address_is_a_400_naming_it(editor_client, value):
    response = editor_client.get(reverse("admin:stances_quote_tagging_queue"), {"article": value})

    assert response.status_code == 400
    assert f"There is no article number “{value}”." in response.content.decode()


@pytest.mark.parametrize("value", ["\x00", "١٢", str(LARGEST_ID + 1)])
def test_bad_numbers_posted_to_the_pages_get_their_errors(editor_client, value):
    make_topic()
    quote = make_quote(status=Quote.Status.DRAFT)
    new_stance = editor_client.post(
        reverse("admin:stances_quote_new_stance", args=[quote.pk]),
        {"new-topic": value, "new-statement": "Ban chip exports", "new-alignment": "supports"},
    )
    suggestion = make_suggestion()
    accept = editor_client.post(
        reverse(
            "admin:articles_article_suggestion_accept", args=[suggestion.article.pk, suggestion.pk]
        ),
        {"speaker": "new", "about": value},
    )

    assert new_stance.status_code == 400
    assert "Choose one of the topics listed." in new_stance.content.decode()
    assert not Stance.objects.exists()
    assert accept.status_code == 200
    refused = "Null characters" if value == "\x00" else "“about” does not exist"
    assert refused in accept.content.decode()
    assert not Quote.objects.exclude(pk=quote.pk).exists()
