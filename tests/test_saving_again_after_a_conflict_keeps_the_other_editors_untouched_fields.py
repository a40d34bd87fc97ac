"""After an edit conflict, the re-rendered form takes the other editor's changes to the fields
this editor did not edit, so "save again" keeps both editors' work; the fields this editor did
edit keep this editor's input."""

import pytest
from django.test import Client
from django.urls import reverse

from stances.models import Quote, StanceTag
from tests.admin_forms import inline_row_index, page_values
from tests.factories import make_editor, make_quote, make_tag

pytestmark = pytest.mark.django_db


def signed_in(username):
    client = Client()
    client.force_login(make_editor(username))
    return client


def the_error(response) -> str:
    [message] = response.context["adminform"].form.non_field_errors()
    return message


def test_the_second_save_keeps_the_first_editors_attribution_and_the_seconds_date_and_status():
    ada, ben = signed_in("ada"), signed_in("ben")
    quote = make_quote(
        kind=Quote.Kind.ANONYMOUS,
        status=Quote.Status.DRAFT,
        attribution_text="according to officials",
    )
    url = reverse("admin:stances_quote_change", args=[quote.pk])
    a_data, b_data = page_values(ada.get(url)), page_values(ben.get(url))

    a_data["attribution_text"] = "according to officials familiar with the talks"
    assert ada.post(url, a_data).status_code == 302
    b_data["said_on"] = "2024-09-30"
    b_data["status"] = Quote.Status.PUBLISHED
    refused = ben.post(url, b_data)

    assert refused.status_code == 200
    assert "Their changes to fields you did not edit are now in the form." in the_error(refused)
    again = page_values(refused)
    assert again["attribution_text"] == "according to officials familiar with the talks"
    assert (again["said_on"], again["status"]) == ("2024-09-30", Quote.Status.PUBLISHED)

    assert ben.post(url, again).status_code == 302
    quote.refresh_from_db()
    assert quote.attribution_text == "according to officials familiar with the talks"
    assert (str(quote.said_on), quote.status) == ("2024-09-30", Quote.Status.PUBLISHED)


def test_a_field_both_editors_changed_keeps_the_second_editors_input():
    ada, ben = signed_in("ada"), signed_in("ben")
    quote = make_quote(status=Quote.Status.DRAFT, text="We will talk")
    url = reverse("admin:stances_quote_change", args=[quote.pk])
    a_data, b_data = page_values(ada.get(url)), page_values(ben.get(url))

    a_data["text"] = "We will talk, said Ada"
    ada.post(url, a_data)
    b_data["text"] = "We will talk, said Ben"
    refused = ben.post(url, b_data)

    assert "now in the form" not in the_error(refused)
    assert page_values(refused)["text"] == "We will talk, said Ben"


def test_an_inline_row_takes_the_other_editors_changes_to_its_untouched_fields():
    ada, ben = signed_in("ada"), signed_in("ben")
    tag = make_tag(note="Hedged", alignment=StanceTag.Alignment.SUPPORTS)
    url = reverse("admin:stances_quote_change", args=[tag.quote.pk])
    a_data, b_data = page_values(ada.get(url)), page_values(ben.get(url))
    row = f"tags-{inline_row_index(a_data, 'tags', tag.pk)}-"

    a_data[row + "note"] = "Hedged, but clear enough"
    assert ada.post(url, a_data).status_code == 302
    b_data[row + "alignment"] = StanceTag.Alignment.NEUTRAL
    refused = ben.post(url, b_data)

    assert refused.status_code == 200
    again = page_values(refused)
    assert again[row + "note"] == "Hedged, but clear enough"
    assert again[row + "alignment"] == StanceTag.Alignment.NEUTRAL
    assert ben.post(url, again).status_code == 302
    tag.refresh_from_db()
    assert (tag.note, tag.alignment) == ("Hedged, but clear enough", StanceTag.Alignment.NEUTRAL)
