"""An admin form refused for one mistake comes back with the mistake named and everything else
the editor typed still there, as the browser shows it."""

import pytest
from django.urls import reverse

from articles.models import Article
from stances.models import Quote, StanceTag
from tests.admin_forms import add_inline_row, browser_values, page_values
from tests.factories import make_article, make_quote, make_speaker, make_stance

pytestmark = pytest.mark.django_db

ADD_QUOTE = reverse("admin:stances_quote_add")


def typed_quote(editor_client) -> dict:
    """An add-quote form filled in completely, with a stance tag row added."""
    article = make_article(body="Okafor said the talks would start within a month. " * 3)
    data = page_values(editor_client.get(ADD_QUOTE))
    data.update(
        {
            "text": "The talks would start within a month",
            "kind": Quote.Kind.PARTIAL,
            "speaker": str(make_speaker().pk),
            "attribution_text": "Okafor told reporters",
            "about": str(make_speaker().pk),
            "article": str(article.pk),
            "said_on": "30/09/2024",
            "language": "fr",
            "original_text": "Les pourparlers commenceraient d'ici un mois",
            "start_offset": "15",
            "end_offset": "52",
            "status": Quote.Status.DRAFT,
            "retraction_reason": "",
        }
    )
    return add_inline_row(
        data,
        "tags",
        stance=str(make_stance().pk),
        alignment=StanceTag.Alignment.SUPPORTS,
        note="Hedged, but a clear commitment",
    )


def assert_all_typed_input_kept(response, typed: dict):
    """The page, read as a browser reads it, shows each value as it was typed."""
    assert response.status_code == 200
    shown = browser_values(response.content.decode())
    for name, value in typed.items():
        assert shown.get(name) == (value if isinstance(value, list) else [value]), name


def error_texts(response) -> str:
    form = response.context["adminform"].form
    texts = [str(e) for errors in form.errors.values() for e in errors]
    for inline in response.context["inline_admin_formsets"]:
        texts += [str(e) for errors in inline.formset.errors for e in errors.values()]
    return " ".join(texts)


MISTAKES = {
    "blank text": ({"text": ""}, "This field is required."),
    "a date that does not exist": ({"said_on": "31/02/2024"}, "Enter a valid date."),
    "an anonymous claim with a speaker": (
        {"kind": Quote.Kind.ANONYMOUS},
        "leave it empty for an anonymous-source claim",
    ),
    "offsets in the wrong order": (
        {"start_offset": "52", "end_offset": "15"},
        "The end offset must come after the start offset.",
    ),
    "a tag row without an alignment": ({"tags-0-alignment": ""}, "This field is required."),
}


@pytest.mark.parametrize("mistake", MISTAKES, ids=list(MISTAKES))
def test_a_quote_add_form_with_a_mistake_keeps_everything_else_typed(editor_client, mistake):
    changes, message = MISTAKES[mistake]
    typed = {**typed_quote(editor_client), **changes}

    response = editor_client.post(ADD_QUOTE, typed)

    assert message in error_texts(response)
    # Even the mistaken value is shown back, to be corrected rather than retyped.
    assert_all_typed_input_kept(response, typed)
    assert not Quote.objects.filter(text__startswith="The talks would").exists()


ARTICLE_MISTAKES = {
    "blank title": ({"title": ""}, "This field is required."),
    "a publication date that does not exist": (
        {"published_on": "2024-10-99"},
        "Enter a valid date.",
    ),
    "retrieved before it was published": (
        {"retrieved_on": "01/01/2020"},
        "An article cannot be retrieved before it was published.",
    ),
    "a URL that is not one": ({"url": "not a web address"}, "Enter a valid URL."),
}


@pytest.mark.parametrize("mistake", ARTICLE_MISTAKES, ids=list(ARTICLE_MISTAKES))
def test_an_article_change_form_with_a_mistake_keeps_everything_else_typed(editor_client, mistake):
    article = make_article(title="Candidates meet")
    quote = make_quote(article=article, status=Quote.Status.DRAFT, text="We will talk")
    page_url = reverse("admin:articles_article_change", args=[article.pk])
    typed = page_values(editor_client.get(page_url))
    typed.update(
        {
            "title": "Candidates meet in Ohio",
            "authors": "Jo Reporter",
            "summary": "A summary the editor rewrote.",
            "url": "https://example.org/candidates-meet",
            "archive_url": "https://archive.example.org/candidates-meet",
            "published_on": "01/10/2024",
            "retrieved_on": "02/10/2024",
            "body": "The full text, pasted in.",
            "quotes-0-text": "We will talk, and soon",
        }
    )
    changes, message = ARTICLE_MISTAKES[mistake]
    typed.update(changes)

    response = editor_client.post(page_url, typed)

    assert message in error_texts(response)
    assert_all_typed_input_kept(response, typed)
    article.refresh_from_db()
    quote.refresh_from_db()
    assert (article.title, quote.text) == ("Candidates meet", "We will talk")
    assert Article.history.filter(id=article.pk).count() == 1
