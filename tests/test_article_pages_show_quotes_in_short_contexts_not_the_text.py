"""An article page gives its facts (title, outlet, date, authors, the original and an archived copy)
and each published quote with at most about 300 characters of the article around it, cut at word
boundaries, never the article's text itself: that is someone else's copyright. The quote page's
context is as short. Editors still see the whole text in the admin."""

import datetime

import pytest
from django.urls import reverse

from stances import excerpts
from stances.models import Quote
from tests.factories import make_article, make_outlet, make_quote

pytestmark = pytest.mark.django_db

OPENING = "Ministers met in Lagos on Monday to talk about the border. " * 8
MIDDLE = "This paragraph in the middle of the story belongs to the newspaper alone. " * 10
WORDS = "We will reopen the embassy next spring"
CLOSING = " Talks continue next week, officials said, and a treaty may follow by the summer." * 8
BODY = f'{OPENING}\n{MIDDLE}\n{OPENING}"{WORDS}," Ana Okafor said.{CLOSING}\n{MIDDLE}'


@pytest.fixture
def article():
    return make_article(
        title="Okafor sets out her plans",
        outlet=make_outlet(name="Daily Ledger"),
        published_on=datetime.date(2024, 10, 1),
        authors="Jo Reporter, Sam Writer",
        url="https://ledger.test/plans",
        archive_url="https://archive.test/ledger/plans",
        language="en",
        body=BODY,
    )


@pytest.fixture
def placed(article):
    start = BODY.index(WORDS)
    return make_quote(
        article=article, text=WORDS, start_offset=start, end_offset=start + len(WORDS)
    )


def context_length(context: dict) -> int:
    return len(context["before"]) + len(context["after"])


def test_the_page_gives_the_articles_facts_and_links(client, article, placed):
    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    text = response.text
    for fact in ("Okafor sets out her plans", "Daily Ledger", "1 October 2024", "Jo Reporter"):
        assert fact in text
    assert '<a href="https://ledger.test/plans" rel="noopener">' in text
    assert '<a href="https://archive.test/ledger/plans" rel="noopener">' in text
    assert "<dd>English</dd>" in text


def test_the_page_shows_a_short_context_and_none_of_the_rest_of_the_text(client, article, placed):
    response = client.get(article.get_absolute_url())

    context = response.context["quotes"][0].in_article
    assert context["words"] == WORDS
    assert context_length(context) <= excerpts.CONTEXT_CHARS
    assert context["before"].startswith("…")
    assert context["before"].endswith('"')
    assert context["after"].startswith('," Ana Okafor said.')
    assert context["after"].endswith("…")
    assert f"<mark>{WORDS}</mark>" in response.text
    assert "belongs to the newspaper alone" not in response.text  # the middle of the story
    assert response.text.count("Talks continue next week") <= 2
    assert "Ministers met in Lagos" not in response.text.split("In the article:", 1)[0]


def test_contexts_are_cut_at_word_boundaries(article, placed):
    context = excerpts.context_of(placed, BODY)
    first_word = context["before"].removeprefix("…").split()[0]
    last_word = context["after"].removesuffix("…").split()[-1]

    assert first_word in OPENING.split()
    assert last_word in CLOSING.split()


def test_a_quote_without_offsets_is_found_by_its_words(client, article):
    unplaced = make_quote(article=article, text="a treaty may follow by the summer")

    response = client.get(article.get_absolute_url())

    context = response.context["quotes"][0].in_article
    assert context["words"] == unplaced.text
    assert context_length(context) <= excerpts.CONTEXT_CHARS


def test_a_paraphrase_not_in_the_text_has_no_context(client, article):
    make_quote(article=article, kind=Quote.Kind.PARAPHRASE, text="She promised an embassy")

    response = client.get(article.get_absolute_url())

    assert response.context["quotes"][0].in_article is None
    assert "In the article:" not in response.text
    assert "Ministers met in Lagos" not in response.text


def test_a_context_stays_in_the_quotes_paragraph():
    body = "First paragraph, someone else's words.\nShort one: “Yes,” she said.\nThird."
    quote = make_quote(
        article=make_article(body=body),
        text="Yes",
        start_offset=body.index("Yes"),
        end_offset=body.index("Yes") + 3,
    )

    context = excerpts.context_of(quote, body)

    assert (context["before"], context["after"]) == ("Short one: “", ",” she said.")


def test_a_quote_near_the_start_gets_more_context_after_it():
    body = "“Now,” she said. " + "And then the talks went on for a long while. " * 20
    quote = make_quote(article=make_article(body=body), text="Now", start_offset=1, end_offset=4)

    context = excerpts.context_of(quote, body)

    assert context["before"] == "“"
    assert 250 < len(context["after"]) <= excerpts.CONTEXT_CHARS - 1


def test_the_quote_page_context_is_as_short(client, article, placed):
    response = client.get(placed.get_absolute_url())

    context = response.context["in_context"]
    assert context["words"] == WORDS
    assert context_length(context) <= excerpts.CONTEXT_CHARS
    assert "belongs to the newspaper alone" not in response.text


def test_editors_still_see_the_whole_text_in_the_admin(editor_client, article, placed):
    response = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))

    assert response.status_code == 200
    assert "belongs to the newspaper alone" in response.text
