"""In Chromium, at desktop and phone sizes, on the demo: "Zelenskyy" finds Zelensky's quotes, a
misspelt name offers "Did you mean" and its link finds them; an article page shows each quote with
a few words around it and not the article's text; axe finds no violation on these pages.
Screenshots land in test-artifacts/."""

import datetime

import pytest

from stances.models import Quote, Speaker
from tests.browser import PHONE, screenshot
from tests.factories import make_article, make_outlet, make_quote
from tests.test_browser_accessibility import axe_failures, report

pytestmark = pytest.mark.browser

MIDDLE = "This paragraph in the middle belongs to the newspaper alone. " * 12
BODY = (
    "Ministers met in Kyiv on Monday to talk about the border and about aid.\n"
    f"{MIDDLE}\n"
    'The president was clear. "We will not give up our land," Volodymyr Zelensky said, '
    "before he left for talks in Brussels with European leaders later that week.\n"
    f"{MIDDLE}"
)
SIZES = (("desktop", {"width": 1280, "height": 900}), ("phone", PHONE))


@pytest.fixture
def article_with_text(demo_site):
    zelensky = Speaker.objects.get(slug="volodymyr-zelensky")
    article = make_article(
        title="Zelensky on the border",
        outlet=make_outlet(name="Kyiv Ledger"),
        published_on=datetime.date(2024, 11, 6),
        url="https://ledger.test/border",
        archive_url="https://archive.test/ledger/border",
        body=BODY,
    )
    words = "We will not give up our land"
    start = BODY.index(words)
    make_quote(
        article=article,
        speaker=zelensky,
        text=words,
        start_offset=start,
        end_offset=start + len(words),
        status=Quote.Status.PUBLISHED,
    )
    return article


def test_an_other_name_and_a_misspelt_name_find_zelenskys_quotes(demo_site, chromium):
    for size, viewport in SIZES:
        context = chromium.new_context(viewport=viewport)
        page = context.new_page()
        page.set_default_timeout(10_000)

        page.goto(f"{demo_site.url}/quotes/?q=Zelenskyy")
        assert page.locator(".quote-card").count() >= 2
        assert "Volodymyr Zelensky" in page.locator(".results").inner_text()
        screenshot(page, f"search-other-name-{size}")

        page.goto(f"{demo_site.url}/quotes/?q=Zelenskey")
        offer = page.locator(".did-you-mean a")
        assert offer.is_visible()
        box = offer.bounding_box()
        assert box["height"] >= 16  # a link a finger can find, inside running text
        screenshot(page, f"search-did-you-mean-{size}")
        offer.click()
        page.wait_for_load_state()
        assert page.locator(".quote-card").count() >= 2
        context.close()


def test_an_article_page_shows_short_contexts_not_the_text(demo_site, chromium, article_with_text):
    for size, viewport in SIZES:
        context = chromium.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(demo_site.url + article_with_text.get_absolute_url())

        shown = page.locator("main").inner_text()
        assert "We will not give up our land" in shown
        assert "In the article:" in shown
        assert "belongs to the newspaper alone" not in shown
        assert page.get_by_role("link", name="the archived copy").is_visible()
        context_box = page.locator(".quote-context").bounding_box()
        assert context_box["width"] <= viewport["width"]
        screenshot(page, f"article-short-contexts-{size}")
        context.close()


def test_axe_finds_no_violation_on_these_pages(demo_site, chromium, article_with_text):
    pages = {
        "search-other-name": "/quotes/?q=Zelenskyy",
        "search-did-you-mean": "/quotes/?q=Zelenskey",
        "article-short-contexts": article_with_text.get_absolute_url(),
        "speaker-other-names": "/speakers/volodymyr-zelensky/",
    }

    failures = axe_failures(chromium, demo_site.url, pages)

    assert not failures, report(failures)
