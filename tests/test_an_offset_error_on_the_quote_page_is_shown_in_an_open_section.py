"""An error on a quote's start or end offset opens the "Language and position in the article"
section, which is otherwise collapsed, so the editor sees it."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.admin_forms import page_values
from tests.factories import make_article, make_editor, make_quote

pytestmark = pytest.mark.django_db

SECTION = "Language and position in the article"


def section_html(html: str) -> str:
    """The HTML of the fieldset headed SECTION, from its opening tag to its end."""
    heading = html.index(f">{SECTION}<")
    start = html.rindex("<fieldset", 0, heading)
    return html[start : html.index("</fieldset>", heading)]


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_an_end_offset_past_the_body_is_shown_in_the_open_section(editor_client):
    article = make_article(body="Short body.")
    quote = make_quote(article=article)
    url = reverse("admin:stances_quote_change", args=[quote.pk])
    data = page_values(editor_client.get(url))
    data.update(start_offset="0", end_offset="500")

    response = editor_client.post(url, data)

    assert response.status_code == 200
    section = section_html(response.content.decode())
    assert "<details" not in section
    assert escape("The article body has only 11 characters.") in section


def test_without_errors_the_section_stays_collapsed(editor_client):
    quote = make_quote()

    response = editor_client.get(reverse("admin:stances_quote_change", args=[quote.pk]))

    assert "<details" in section_html(response.content.decode())
