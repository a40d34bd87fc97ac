"""Article, outlet and quote pages name a language in words ("English", not "en"); a code Django
does not know is shown as it was entered, never an error. Machine-readable data keeps the code."""

import pytest

from stances.templatetags.languages import language_in_words
from tests.factories import make_article, make_outlet, make_quote
from tests.test_json_ld_describes_quotes_and_speakers_safely import only_json_ld

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", "English"),
        ("EN", "English"),
        ("ru", "Russian"),
        ("uk", "Ukrainian"),
        ("en-GB", "British English"),
        ("en-US", "English"),
        ("pt-br", "Brazilian Portuguese"),
        ("tlh", "tlh"),
        ("x-unknown-code", "x-unknown-code"),
        ("", ""),
        (None, ""),
    ],
)
def test_a_code_reads_as_words_or_as_itself(code, words):
    assert language_in_words(code) == words


def test_the_article_outlet_and_quote_pages_name_the_language(client):
    outlet = make_outlet(language="ru")
    article = make_article(outlet=outlet, language="uk")
    quote = make_quote(article=article, language="en", original_text="Ми переможемо")

    assert "<dt>Language</dt><dd>Ukrainian</dd>" in client.get(article.get_absolute_url()).text
    assert "<dt>Language</dt><dd>Russian</dd>" in client.get(outlet.get_absolute_url()).text
    page = client.get(quote.get_absolute_url()).text
    assert "<dt>Language</dt><dd>English; translated from:" in page
    assert only_json_ld(client, quote.get_absolute_url())["inLanguage"] == "en"


def test_an_unknown_code_shows_as_entered(client):
    article = make_article(language="tlh")
    make_quote(article=article)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "<dt>Language</dt><dd>tlh</dd>" in response.text
