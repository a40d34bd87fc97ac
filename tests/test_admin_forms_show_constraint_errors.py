"""Input that breaks a rule of the evidence model gets the rule's message on the admin form,
with what the editor typed still there; never a server error, never a silent loss."""

import pytest
from django.urls import reverse

from articles.models import Article, Outlet
from stances.models import Candidacy, Quote, SpeakerRole, StanceTag
from tests.factories import (
    make_article,
    make_candidacy,
    make_outlet,
    make_quote,
    make_speaker,
    make_stance,
    make_tag,
)

pytestmark = pytest.mark.django_db

TYPED_TEXT = "The plan was a revision of the Minsk agreements"


def management_form(prefix: str, total: int = 0, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def quote_form(**fields) -> dict:
    """A complete, valid add-quote form (a published direct quote), changed by `fields`."""
    data = {
        "text": TYPED_TEXT,
        "kind": Quote.Kind.DIRECT,
        "speaker": make_speaker().pk,
        "attribution_text": "",
        "about": "",
        "article": make_article().pk,
        "said_on": "",
        "responds_to": "",
        "language": "en",
        "original_text": "",
        "start_offset": "",
        "end_offset": "",
        "status": Quote.Status.PUBLISHED,
        "retraction_reason": "",
        **management_form("tags"),
    }
    data.update(fields)
    return data


def error_messages(response) -> list[str]:
    """Every error the page shows: the form's own (field and non-field) and the inlines'."""
    messages = [
        message
        for errors in response.context["adminform"].form.errors.values()
        for message in errors
    ]
    for inline in response.context["inline_admin_formsets"]:
        messages += inline.formset.non_form_errors()
        for errors in inline.formset.errors:
            messages += [message for field_errors in errors.values() for message in field_errors]
    return messages


def test_a_valid_quote_form_is_saved(editor_client):
    response = editor_client.post(reverse("admin:stances_quote_add"), quote_form())
    assert response.status_code == 302
    assert Quote.objects.get(text=TYPED_TEXT).status == Quote.Status.PUBLISHED


def anonymous_with_a_speaker():
    return {"kind": Quote.Kind.ANONYMOUS, "attribution_text": "unnamed advisers"}


def direct_without_a_speaker():
    return {"speaker": ""}


def anonymous_without_attribution():
    return {"kind": Quote.Kind.ANONYMOUS, "speaker": "", "attribution_text": ""}


def about_the_speaker_themself():
    speaker = make_speaker()
    return {"speaker": speaker.pk, "about": speaker.pk}


def retracted_without_a_reason():
    return {"status": Quote.Status.RETRACTED, "retraction_reason": ""}


def only_a_start_offset():
    return {"article": make_article(body="x" * 200).pk, "start_offset": "5"}


def offsets_in_the_wrong_order():
    return {"article": make_article(body="x" * 200).pk, "start_offset": "50", "end_offset": "5"}


def constraint_message(name: str) -> str:
    (constraint,) = (c for c in Quote._meta.constraints if c.name == name)
    return constraint.get_violation_error_message()


BAD_QUOTES = {
    "an anonymous quote with a speaker": (
        anonymous_with_a_speaker,
        "quote_speaker_named_unless_anonymous",
    ),
    "a direct quote without a speaker": (
        direct_without_a_speaker,
        "quote_speaker_named_unless_anonymous",
    ),
    "an anonymous quote without attribution": (
        anonymous_without_attribution,
        "quote_anonymous_has_attribution",
    ),
    "a quote about its own speaker": (
        about_the_speaker_themself,
        "quote_about_differs_from_speaker",
    ),
    "a retracted quote without a reason": (
        retracted_without_a_reason,
        "quote_retracted_has_reason",
    ),
    "a start offset without an end": (only_a_start_offset, "quote_offsets_both_or_neither"),
    "offsets in the wrong order": (offsets_in_the_wrong_order, "quote_offsets_in_order"),
}


@pytest.mark.parametrize(("make_fields", "name"), BAD_QUOTES.values(), ids=BAD_QUOTES.keys())
def test_the_quote_form_shows_the_broken_rule_and_keeps_the_input(editor_client, make_fields, name):
    data = quote_form(**make_fields())
    response = editor_client.post(reverse("admin:stances_quote_add"), data)

    assert response.status_code == 200
    assert error_messages(response) == [constraint_message(name)]
    form = response.context["adminform"].form
    assert form["text"].value() == TYPED_TEXT
    assert form["kind"].value() == data["kind"]
    assert not Quote.objects.filter(text=TYPED_TEXT).exists()


def test_two_tags_for_the_same_stance_are_refused_in_the_quote_form(editor_client):
    stance = make_stance()
    tag = {"stance": stance.pk, "alignment": StanceTag.Alignment.SUPPORTS, "note": ""}
    data = quote_form(
        **management_form("tags", total=2),
        **{f"tags-{i}-{name}": value for i in (0, 1) for name, value in tag.items()},
    )
    response = editor_client.post(reverse("admin:stances_quote_add"), data)

    assert response.status_code == 200
    assert any("duplicate" in message for message in error_messages(response))
    assert not Quote.objects.filter(text=TYPED_TEXT).exists()


def test_a_duplicate_stance_tag_is_refused_in_the_tag_form(editor_client):
    existing = make_tag()
    response = editor_client.post(
        reverse("admin:stances_stancetag_add"),
        {
            "quote": existing.quote_id,
            "stance": existing.stance_id,
            "alignment": StanceTag.Alignment.OPPOSES,
            "note": "",
        },
    )
    assert response.status_code == 200
    assert "This quote is already tagged with this stance." in error_messages(response)
    assert StanceTag.objects.count() == 1


# Quotes typed inside an article ------------------------------------------------------------


def article_form(article: Article, quotes: list[dict]) -> dict:
    data = {
        "title": article.title,
        "outlet": article.outlet_id or "",
        "published_on": article.published_on.isoformat(),
        "language": article.language,
        "authors": "",
        "summary": article.summary,
        "url": "",
        "archive_url": "",
        "retrieved_on": "",
        "body": "",
        "loaded_version": article.version,
        **management_form("quotes", total=len(quotes)),
    }
    blank = {
        "kind": "direct",
        "status": "draft",
        "text": "",
        "speaker": "",
        "about": "",
        "attribution_text": "",
        "retraction_reason": "",
        "said_on": "",
        "responds_to": "",
        "start_offset": "",
        "end_offset": "",
    }
    for i, quote in enumerate(quotes):
        data.update({f"quotes-{i}-{name}": value for name, value in {**blank, **quote}.items()})
    return data


def test_a_quote_typed_in_an_article_is_saved(editor_client):
    article = make_article()
    data = article_form(article, [{"text": TYPED_TEXT, "speaker": make_speaker().pk}])
    response = editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302
    assert Quote.objects.get(text=TYPED_TEXT).article == article


def test_a_quote_retracted_without_a_reason_in_the_article_form_shows_the_error(editor_client):
    article = make_article()
    data = article_form(
        article,
        [{"text": TYPED_TEXT, "speaker": make_speaker().pk, "status": Quote.Status.RETRACTED}],
    )
    response = editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 200
    assert "Give the reason for the retraction; readers will see it." in error_messages(response)
    assert not Quote.objects.filter(text=TYPED_TEXT).exists()


def test_an_anonymous_quote_with_a_speaker_in_the_article_form_shows_the_error(editor_client):
    article = make_article()
    data = article_form(
        article,
        [
            {
                "text": TYPED_TEXT,
                "kind": Quote.Kind.ANONYMOUS,
                "speaker": make_speaker().pk,
                "attribution_text": "unnamed advisers",
            }
        ],
    )
    response = editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 200
    assert constraint_message("quote_speaker_named_unless_anonymous") in error_messages(response)
    assert not Quote.objects.filter(text=TYPED_TEXT).exists()


# The other editor-facing models -------------------------------------------------------------


def test_an_outlet_named_like_another_is_refused_whatever_the_case(editor_client):
    make_outlet(name="Financial Times")
    response = editor_client.post(
        reverse("admin:articles_outlet_add"),
        {"name": "financial times", "slug": "ft", "website": "", "country": "", "language": ""},
    )
    assert response.status_code == 200
    assert "An outlet with this name already exists." in error_messages(response)
    assert response.context["adminform"].form["name"].value() == "financial times"
    assert Outlet.objects.count() == 1


def test_an_article_with_a_known_url_is_refused(editor_client):
    make_article(url="https://news.example/plan")
    data = article_form(make_article(), [])
    data["url"] = "https://news.example/plan"
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "Another article already has this URL." in error_messages(response)


def test_an_article_retrieved_before_it_was_published_is_refused(editor_client):
    data = article_form(make_article(), [])
    data.update({"published_on": "2024-11-05", "retrieved_on": "2024-11-04"})
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "An article cannot be retrieved before it was published." in error_messages(response)


def test_a_role_ending_before_it_starts_is_refused(editor_client):
    speaker = make_speaker()
    response = editor_client.post(
        reverse("admin:stances_speakerrole_add"),
        {
            "speaker": speaker.pk,
            "title": "Envoy",
            "organisation": "",
            "started_on": "2024-05-01",
            "ended_on": "2024-04-01",
        },
    )
    assert response.status_code == 200
    assert "A role cannot end before it starts." in error_messages(response)
    assert not SpeakerRole.objects.exists()


def test_a_speaker_running_twice_in_one_election_is_refused(editor_client):
    first = make_candidacy()
    response = editor_client.post(
        reverse("admin:stances_candidacy_add"),
        {
            "election": first.election_id,
            "speaker": first.speaker_id,
            "office": "Senator",
            "party": "",
            "ticket_position": Candidacy.TicketPosition.HEAD,
            "running_mate_of": "",
            "order": "0",
        },
    )
    assert response.status_code == 200
    assert "This speaker already runs in this election." in error_messages(response)
    assert Candidacy.objects.count() == 1


def test_a_head_of_ticket_on_another_ticket_is_refused(editor_client):
    head = make_candidacy()
    response = editor_client.post(
        reverse("admin:stances_candidacy_add"),
        {
            "election": head.election_id,
            "speaker": make_speaker().pk,
            "office": "Vice President",
            "party": "",
            "ticket_position": Candidacy.TicketPosition.HEAD,
            "running_mate_of": head.pk,
            "order": "0",
        },
    )
    assert response.status_code == 200
    assert "Only a running mate is on another candidate's ticket." in error_messages(response)


def test_the_quote_change_form_keeps_a_retracted_quote_when_the_reason_is_erased(editor_client):
    quote = make_quote(status=Quote.Status.RETRACTED, retraction_reason="Misattributed.")
    data = quote_form(
        text=quote.text,
        speaker=quote.speaker_id,
        article=quote.article_id,
        status=Quote.Status.RETRACTED,
        retraction_reason="",
    )
    response = editor_client.post(reverse("admin:stances_quote_change", args=[quote.pk]), data)
    assert response.status_code == 200
    assert "Give the reason for the retraction; readers will see it." in error_messages(response)
    quote.refresh_from_db()
    assert quote.retraction_reason == "Misattributed."
