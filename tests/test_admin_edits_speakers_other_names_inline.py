"""Editors give a speaker other names on the speaker's own page; a repeated name (case apart), or
the speaker's own name again, is a message on the form, never a server error; the speakers list
and the speaker choosers find a speaker by an other name."""

import pytest
from django.urls import reverse

from stances.models import OtherName
from tests.admin_forms import add_inline_row, inline_prefix, page_values
from tests.factories import make_other_name, make_speaker

pytestmark = pytest.mark.django_db


@pytest.fixture
def zelensky():
    return make_speaker(name="Volodymyr Zelensky", slug="volodymyr-zelensky")


def change_url(speaker) -> str:
    return reverse("admin:stances_speaker_change", args=[speaker.pk])


def save_with_rows(editor_client, speaker, *rows):
    page = editor_client.get(change_url(speaker))
    data = page_values(page)
    prefix = inline_prefix(page, OtherName)
    for row in rows:
        add_inline_row(data, prefix, **row)
    return editor_client.post(change_url(speaker), data)


def inline_errors(response) -> str:
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is OtherName
    )
    messages = list(formset.non_form_errors())
    for errors in formset.errors:
        for found in errors.values():
            messages.extend(found)
    return " ".join(messages)


def test_an_editor_adds_other_names_with_a_note(editor_client, zelensky):
    response = save_with_rows(
        editor_client,
        zelensky,
        {"name": "Zelenskyy", "note": "transliteration"},
        {"name": "Ze", "note": "nickname", "started_on": "2018-12-31"},
    )

    assert response.status_code == 302, inline_errors(response)
    assert list(zelensky.other_names.values_list("name", "note")) == [
        ("Ze", "nickname"),
        ("Zelenskyy", "transliteration"),
    ]
    assert OtherName.history.filter(history_user__isnull=False).count() == 2


def test_the_same_name_twice_in_one_save_is_a_message(editor_client, zelensky):
    response = save_with_rows(editor_client, zelensky, {"name": "Zelenskyy"}, {"name": "ZELENSKYY"})

    assert response.status_code == 200
    assert "This speaker already has this other name." in inline_errors(response)
    assert not OtherName.objects.exists()


def test_a_name_already_stored_is_a_message(editor_client, zelensky):
    make_other_name(zelensky, "Zelenskyy")

    response = save_with_rows(editor_client, zelensky, {"name": "zelenskyy"})

    assert response.status_code == 200
    assert "This speaker already has this other name." in inline_errors(response)
    assert zelensky.other_names.count() == 1


def test_the_speakers_own_name_is_a_message(editor_client, zelensky):
    response = save_with_rows(editor_client, zelensky, {"name": "volodymyr zelensky"})

    assert response.status_code == 200
    assert "This is the speaker's name already." in inline_errors(response)


def test_a_name_given_up_before_it_was_adopted_is_a_message(editor_client, zelensky):
    response = save_with_rows(
        editor_client,
        zelensky,
        {"name": "Ze", "started_on": "2020-01-01", "ended_on": "2019-01-01"},
    )

    assert response.status_code == 200
    assert "A name cannot be given up before it is adopted." in inline_errors(response)


def test_the_speakers_list_and_choosers_find_a_speaker_by_an_other_name(editor_client, zelensky):
    make_other_name(zelensky, "Zelenskyy")
    make_speaker(name="Dmitry Peskov")

    listed = editor_client.get(reverse("admin:stances_speaker_changelist"), {"q": "Zelenskyy"})
    chooser = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Zelenskyy",
            "app_label": "stances",
            "model_name": "quote",
            "field_name": "speaker",
        },
    )

    assert [s.name for s in listed.context["cl"].result_list] == ["Volodymyr Zelensky"]
    assert [r["text"] for r in chooser.json()["results"]] == ["Volodymyr Zelensky"]
