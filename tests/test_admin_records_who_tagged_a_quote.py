"""A stance tag records which editor made it, whether it is added inside the quote's page or on
its own; a later edit by someone else does not take the credit."""

import pytest
from django.urls import reverse

from stances.models import Quote, StanceTag
from tests.factories import make_article, make_editor, make_quote, make_speaker, make_stance

pytestmark = pytest.mark.django_db


def quote_form(quote=None, tags=(), initial=0, **fields) -> dict:
    """The quote page's form: the quote's fields and the stance-tag rows."""
    data = {
        "text": quote.text if quote else "We will open talks within a month",
        "kind": Quote.Kind.DIRECT,
        "speaker": quote.speaker_id if quote else make_speaker().pk,
        "attribution_text": "",
        "about": "",
        "article": quote.article_id if quote else make_article().pk,
        "said_on": "",
        "responds_to": "",
        "language": "en",
        "original_text": "",
        "start_offset": "",
        "end_offset": "",
        "status": quote.status if quote else Quote.Status.DRAFT,
        "retraction_reason": "",
        # The version the editor opened: without it the save is refused as possibly stale.
        "loaded_version": quote.version if quote else "",
        "tags-TOTAL_FORMS": str(len(tags)),
        "tags-INITIAL_FORMS": str(initial),
        "tags-MIN_NUM_FORMS": "0",
        "tags-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for i, tag in enumerate(tags):
        row = {"note": "", "quote": quote.pk if quote else "", **tag}
        if "id" in tag:
            row["loaded_version"] = StanceTag.objects.get(pk=tag["id"]).version
        data.update({f"tags-{i}-{name}": value for name, value in row.items()})
    return data


def test_tags_added_with_a_new_quote_record_the_editor(editor_client, editor):
    stances = [make_stance(), make_stance()]
    data = quote_form(
        tags=[
            {"stance": stances[0].pk, "alignment": StanceTag.Alignment.SUPPORTS},
            {"stance": stances[1].pk, "alignment": StanceTag.Alignment.NEUTRAL},
        ]
    )
    response = editor_client.post(reverse("admin:stances_quote_add"), data)

    assert response.status_code == 302
    quote = Quote.objects.get(text=data["text"])
    assert {(tag.stance, tag.tagged_by) for tag in quote.tags.all()} == {
        (stances[0], editor),
        (stances[1], editor),
    }


def test_a_tag_added_to_an_existing_quote_records_the_editor(editor_client, editor):
    quote = make_quote()
    stance = make_stance()
    data = quote_form(quote, tags=[{"stance": stance.pk, "alignment": "opposes"}])
    response = editor_client.post(reverse("admin:stances_quote_change", args=[quote.pk]), data)

    assert response.status_code == 302
    tag = quote.tags.get()
    assert (tag.stance, tag.alignment, tag.tagged_by) == (stance, "opposes", editor)


def test_editing_a_tag_keeps_the_editor_who_made_it(client, editor):
    quote = make_quote()
    tag = StanceTag.objects.create(
        quote=quote, stance=make_stance(), alignment="supports", tagged_by=editor
    )
    colleague = make_editor("colette")
    client.force_login(colleague)
    data = quote_form(
        quote,
        tags=[{"id": tag.pk, "stance": tag.stance_id, "alignment": "neutral"}],
        initial=1,
    )
    response = client.post(reverse("admin:stances_quote_change", args=[quote.pk]), data)

    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.alignment, tag.tagged_by) == ("neutral", editor)


def test_removing_a_tag_in_the_quote_page_deletes_only_that_tag(editor_client, editor):
    quote = make_quote()
    kept, removed = (
        StanceTag.objects.create(quote=quote, stance=make_stance(), alignment="supports")
        for _ in range(2)
    )
    rows = [
        {"id": kept.pk, "stance": kept.stance_id, "alignment": "supports"},
        {"id": removed.pk, "stance": removed.stance_id, "alignment": "supports", "DELETE": "on"},
    ]
    data = quote_form(quote, tags=rows, initial=2)
    response = editor_client.post(reverse("admin:stances_quote_change", args=[quote.pk]), data)

    assert response.status_code == 302
    assert list(quote.tags.all()) == [kept]


def test_a_tag_added_on_its_own_page_records_the_editor(editor_client, editor):
    quote, stance = make_quote(), make_stance()
    response = editor_client.post(
        reverse("admin:stances_stancetag_add"),
        {"quote": quote.pk, "stance": stance.pk, "alignment": "supports", "note": ""},
    )
    assert response.status_code == 302
    assert StanceTag.objects.get(quote=quote, stance=stance).tagged_by == editor
