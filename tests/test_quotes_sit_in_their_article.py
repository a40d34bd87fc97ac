"""A quote's offsets must hold its words; the quote page shows them in context, and when the body
was edited so that the offsets no longer hold them, the words are shown where they now are."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import make_article, make_quote

pytestmark = pytest.mark.django_db

BODY = (
    "Foreign Minister Ana Okafor spoke in Lagos on Monday. "
    '"We will reopen the embassy next spring," Okafor said, '
    '"and not a day later." She added that talks would continue.'
)


def placed(text, fragment=None, **fields):
    article = fields.pop("article", None) or make_article(body=BODY)
    fragment = fragment or text
    start = BODY.index(fragment)
    return make_quote(
        article=article, text=text, start_offset=start, end_offset=start + len(fragment), **fields
    )


def test_offsets_holding_the_words_are_accepted_even_around_she_said():
    quote = placed(
        "We will reopen the embassy next spring, and not a day later.",
        fragment='We will reopen the embassy next spring," Okafor said, "and not a day later.',
    )
    quote.full_clean()
    assert quote.sits_in(BODY)


def test_offsets_pointing_elsewhere_are_refused_with_a_clear_message():
    quote = placed("We will close the border forever", fragment="We will reopen the embassy")
    with pytest.raises(ValidationError) as refused:
        quote.full_clean()
    assert "does not hold the quote's words" in str(refused.value.message_dict["start_offset"])


def test_the_quote_page_shows_the_words_in_context(client):
    quote = placed("We will reopen the embassy next spring,")
    response = client.get(quote.get_absolute_url())
    context = response.context["in_context"]
    assert context["words"] == "We will reopen the embassy next spring,"
    assert context["before"].endswith('Monday. "')
    assert context["after"].startswith('" Okafor said')
    assert "<mark>We will reopen the embassy next spring,</mark>" in response.text


def test_a_quote_without_a_stored_body_has_no_context_section(client):
    quote = make_quote()
    response = client.get(quote.get_absolute_url())
    assert response.context["in_context"] is None
    assert "In the article" not in response.text


def test_an_edited_body_does_not_highlight_the_wrong_words(client):
    quote = placed("We will reopen the embassy next spring,")
    article = quote.article
    article.body = "An earlier paragraph was added. " + BODY
    article.save()

    response = client.get(article.get_absolute_url())
    context = response.context["quotes"][0].in_article
    assert context["words"] == "We will reopen the embassy next spring,"
    assert context["before"].endswith('Monday. "')
    assert client.get(quote.get_absolute_url()).context["in_context"] == context


def test_words_no_longer_in_an_edited_body_are_not_shown_in_context(client):
    quote = placed("We will reopen the embassy next spring,")
    article = quote.article
    article.body = BODY.replace("reopen", "close")
    article.save()

    assert client.get(article.get_absolute_url()).context["quotes"][0].in_article is None
    assert client.get(quote.get_absolute_url()).context["in_context"] is None
