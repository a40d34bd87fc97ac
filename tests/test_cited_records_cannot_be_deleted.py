"""Nothing a page cites can disappear: cited records are protected, and a quote that readers may
have seen (published or retracted) is retracted, never deleted; in the model and in the admin."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import reverse

from articles.models import Article, Outlet
from stances.models import Candidacy, Quote, Speaker, Stance, StanceTag, Topic
from tests.factories import (
    make_article,
    make_candidacy,
    make_outlet,
    make_quote,
    make_role,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
)

pytestmark = pytest.mark.django_db


def cited_speaker():
    speaker = make_speaker()
    make_quote(speaker=speaker, status=Quote.Status.DRAFT)
    return speaker


def speaker_a_quote_is_about():
    speaker = make_speaker()
    make_quote(about=speaker, status=Quote.Status.DRAFT)
    return speaker


def speaker_running_in_an_election():
    return make_candidacy().speaker


def cited_article():
    article = make_article()
    make_quote(article=article, status=Quote.Status.DRAFT)
    return article


def outlet_with_an_article():
    return make_article().outlet


def tagged_stance():
    stance = make_stance()
    make_tag(quote=make_quote(status=Quote.Status.DRAFT), stance=stance)
    return stance


def topic_with_a_stance():
    return make_stance().topic


def draft_quote_that_others_answer():
    quote = make_quote(status=Quote.Status.DRAFT)
    make_quote(responds_to=quote, status=Quote.Status.DRAFT)
    return quote


def head_of_a_ticket():
    head = make_candidacy()
    make_candidacy(
        election=head.election,
        ticket_position=Candidacy.TicketPosition.RUNNING_MATE,
        running_mate_of=head,
    )
    return head


CITED = {
    "a speaker who said a quote": cited_speaker,
    "a speaker a quote is about": speaker_a_quote_is_about,
    "a speaker running in an election": speaker_running_in_an_election,
    "an article that reports a quote": cited_article,
    "an outlet that published an article": outlet_with_an_article,
    "a stance that a quote is tagged with": tagged_stance,
    "a topic that has a stance": topic_with_a_stance,
    "a quote that another quote answers": draft_quote_that_others_answer,
    "a candidacy with a running mate": head_of_a_ticket,
}


@pytest.mark.parametrize("make_cited", CITED.values(), ids=CITED.keys())
def test_deleting_a_cited_record_raises_protected_error_and_keeps_it(make_cited):
    record = make_cited()
    with pytest.raises(ProtectedError):
        record.delete()
    assert type(record).objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("make_cited", CITED.values(), ids=CITED.keys())
def test_deleting_a_cited_record_through_its_queryset_is_refused_too(make_cited):
    record = make_cited()
    with pytest.raises(ProtectedError):
        type(record).objects.filter(pk=record.pk).delete()
    assert type(record).objects.filter(pk=record.pk).exists()


def test_records_nothing_cites_can_be_deleted():
    speaker = make_speaker()
    make_role(speaker)
    outlet, topic, stance = make_outlet(), make_topic(), make_stance()
    article = make_article(outlet=make_outlet())
    for record in (speaker, outlet, topic, stance, article):
        record.delete()
    assert not Speaker.objects.filter(pk=speaker.pk).exists()
    assert not Outlet.objects.filter(pk=outlet.pk).exists()
    assert not Topic.objects.filter(pk=topic.pk).exists()
    assert not Stance.objects.filter(pk=stance.pk).exists()
    assert not Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize("status", [Quote.Status.PUBLISHED, Quote.Status.RETRACTED])
def test_a_published_or_retracted_quote_cannot_be_deleted(status):
    quote = make_quote(status=status, retraction_reason="Misattributed.")
    with pytest.raises(ProtectedError):
        quote.delete()
    assert Quote.objects.filter(pk=quote.pk).exists()


@pytest.mark.parametrize("status", [Quote.Status.PUBLISHED, Quote.Status.RETRACTED])
def test_deleting_a_queryset_with_a_public_quote_deletes_nothing(status):
    draft = make_quote(status=Quote.Status.DRAFT)
    kept = make_quote(status=status, retraction_reason="Misattributed.")
    with pytest.raises(ProtectedError):
        Quote.objects.filter(pk__in=[draft.pk, kept.pk]).delete()
    assert set(Quote.objects.values_list("pk", flat=True)) == {draft.pk, kept.pk}


def test_a_draft_quote_can_be_deleted_and_takes_its_tags_with_it():
    tag = make_tag(quote=make_quote(status=Quote.Status.DRAFT))
    tag.quote.delete()
    assert not Quote.objects.filter(pk=tag.quote_id).exists()
    assert not StanceTag.objects.filter(pk=tag.pk).exists()


# In the admin ------------------------------------------------------------------------------


def delete_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[record.pk])


@pytest.mark.parametrize("status", [Quote.Status.PUBLISHED, Quote.Status.RETRACTED])
def test_the_admin_refuses_the_delete_page_of_a_public_quote(editor_client, status):
    quote = make_quote(status=status, retraction_reason="Misattributed.")
    # Refused by sending the editor back to the quote with the reason, not with a bare 403.
    assert editor_client.get(delete_url(quote)).status_code == 302
    assert editor_client.post(delete_url(quote), {"post": "yes"}).status_code == 302
    assert Quote.objects.filter(pk=quote.pk).exists()


def test_the_admin_deletes_a_draft_quote(editor_client):
    quote = make_quote(status=Quote.Status.DRAFT)
    assert editor_client.get(delete_url(quote)).status_code == 200
    response = editor_client.post(delete_url(quote), {"post": "yes"})
    assert response.status_code == 302
    assert not Quote.objects.filter(pk=quote.pk).exists()


def test_the_admin_bulk_delete_refuses_a_selection_with_a_public_quote(editor_client):
    draft = make_quote(status=Quote.Status.DRAFT)
    published = make_quote(status=Quote.Status.PUBLISHED)
    response = editor_client.post(
        reverse("admin:stances_quote_changelist"),
        {
            "action": "delete_selected",
            ACTION_CHECKBOX_NAME: [draft.pk, published.pk],
            "post": "yes",
        },
    )
    assert response.status_code == 302  # back to the list, with the reason
    assert set(Quote.objects.values_list("pk", flat=True)) == {draft.pk, published.pk}


@pytest.mark.parametrize("make_cited", CITED.values(), ids=CITED.keys())
def test_the_admin_delete_page_shows_a_cited_record_as_protected(editor_client, make_cited):
    record = make_cited()
    page = editor_client.get(delete_url(record))
    assert page.status_code == 200
    assert page.context["protected"]
    assert "would require deleting the following protected related objects" in (
        page.content.decode()
    )

    confirmed = editor_client.post(delete_url(record), {"post": "yes"})
    assert confirmed.status_code == 200
    assert confirmed.context["protected"]
    assert type(record).objects.filter(pk=record.pk).exists()


def quote_change_form(quote, **fields) -> dict:
    return {
        "text": quote.text,
        "kind": quote.kind,
        "speaker": quote.speaker_id or "",
        "attribution_text": quote.attribution_text,
        "about": "",
        "article": quote.article_id,
        "said_on": "",
        "responds_to": "",
        "language": quote.language,
        "original_text": "",
        "start_offset": "",
        "end_offset": "",
        "status": quote.status,
        "retraction_reason": quote.retraction_reason,
        "tags-TOTAL_FORMS": "0",
        "tags-INITIAL_FORMS": "0",
        "tags-MIN_NUM_FORMS": "0",
        "tags-MAX_NUM_FORMS": "1000",
        **fields,
    }


@pytest.mark.parametrize("status", [Quote.Status.PUBLISHED, Quote.Status.RETRACTED])
def test_a_public_quote_cannot_be_turned_back_into_a_draft_to_delete_it(editor_client, status):
    quote = make_quote(status=status, retraction_reason="Misattributed.")
    response = editor_client.post(
        reverse("admin:stances_quote_change", args=[quote.pk]),
        quote_change_form(quote, status=Quote.Status.DRAFT),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"] == [
        "A quote readers may have seen cannot go back to draft; retract it instead."
    ]
    quote.refresh_from_db()
    assert quote.status == status


def test_a_published_quote_cannot_be_turned_back_into_a_draft_in_its_article(editor_client):
    quote = make_quote()
    article = quote.article
    data = {
        "title": article.title,
        "outlet": article.outlet_id,
        "published_on": article.published_on.isoformat(),
        "language": article.language,
        "authors": "",
        "summary": article.summary,
        "url": "",
        "archive_url": "",
        "retrieved_on": "",
        "body": "",
        "quotes-TOTAL_FORMS": "1",
        "quotes-INITIAL_FORMS": "1",
        "quotes-MIN_NUM_FORMS": "0",
        "quotes-MAX_NUM_FORMS": "1000",
        "quotes-0-id": quote.pk,
        "quotes-0-article": article.pk,
        "quotes-0-kind": quote.kind,
        "quotes-0-status": Quote.Status.DRAFT,
        "quotes-0-retraction_reason": "",
        "quotes-0-text": quote.text,
        "quotes-0-speaker": quote.speaker_id,
    }
    response = editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 200
    (inline,) = response.context["inline_admin_formsets"]
    assert inline.formset.errors[0]["status"] == [
        "A quote readers may have seen cannot go back to draft; retract it instead."
    ]
    quote.refresh_from_db()
    assert quote.status == Quote.Status.PUBLISHED


@pytest.mark.django_db
def test_the_model_refuses_to_turn_a_published_quote_back_into_a_draft():
    quote = make_quote(status=Quote.Status.PUBLISHED)
    quote.status = Quote.Status.DRAFT
    with pytest.raises(ValidationError):
        quote.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        quote.save()


def test_an_election_with_candidates_cannot_be_deleted():
    candidacy = make_candidacy()
    with pytest.raises(ProtectedError):
        candidacy.election.delete()
    assert candidacy.election.candidacies.get() == candidacy


def test_an_election_without_candidates_can_be_deleted():
    candidacy = make_candidacy()
    election = candidacy.election
    candidacy.delete()
    election.delete()
    assert not type(election).objects.filter(pk=election.pk).exists()
