"""In a real browser, by keyboard alone (Tab, Enter, Space and arrow keys): an editor tags and
publishes a quote with its suggestion in one press, picks another stance with the autocomplete
for a second, and publishes the article's tagged drafts after the confirmation; focus stays
visible, and axe finds no violation on the queue."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.urls import reverse

from stances.models import Quote
from tests.browser import DESKTOP, PHONE, screenshot
from tests.factories import make_article, make_editor, make_quote, make_stance, make_tag
from tests.test_browser_accessibility import AXE_RULES, violations_report

pytestmark = [pytest.mark.browser]

ACTIVE = "document.activeElement"


def signed_in_page(chromium, base_url):
    """A page signed in as an editor, as the admin browser tests sign in."""
    client = Client()
    client.force_login(make_editor("kim"))
    context = chromium.new_context(viewport=DESKTOP)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def tab_to(page, matches: str, limit: int = 120) -> str:
    """Presses Tab until the focused element matches the JavaScript test `matches` (given `el`),
    and returns its outer HTML; fails if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {matches})({ACTIVE})"):
            return page.evaluate(f"{ACTIVE}.outerHTML")
    raise AssertionError(f"Tab never reached an element where {matches}")


def focus_is_visible(page) -> bool:
    style = page.evaluate(f"(s => [s.outlineStyle, s.outlineWidth])(getComputedStyle({ACTIVE}))")
    return style[0] != "none" and style[1] not in ("0px", "")


@pytest.fixture
def queue_data(demo_site):
    stance = make_stance(statement="Keep sending military aid to Ukraine")
    for text in (
        "We will keep sending military aid to Ukraine for as long as it takes",
        "Military aid to Ukraine must continue without interruption",
    ):
        make_tag(quote=make_quote(text=text), stance=stance, alignment="supports")
    article = make_article(title="Talks in Geneva")
    first = make_quote(
        article=article, status="draft", text="Sending military aid to Ukraine will continue"
    )
    second = make_quote(article=article, status="draft", text="The harbour reopens on Monday")
    return {"stance": stance, "article": article, "first": first, "second": second}


def test_tagging_and_publishing_by_keyboard_alone_with_no_axe_violation(
    demo_site, chromium, queue_data
):
    page = signed_in_page(chromium, demo_site.url)
    article, first, second = queue_data["article"], queue_data["first"], queue_data["second"]
    page.goto(f"{demo_site.url}{reverse('admin:stances_quote_tagging_queue')}?article={article.pk}")

    results = Axe().run(page, options=AXE_RULES)
    screenshot(page, "admin-tagging-queue")
    assert results.violations_count == 0, violations_report(results)

    # The first quote's suggestion is picked: one press tags and publishes it.
    tab_to(
        page,
        f"el.name === 'tag_and_publish' && el.value === 'supports' "
        f"&& el.form.action.endsWith('/{first.pk}/tag/')",
    )
    assert focus_is_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"#quote-{second.pk}")
    first.refresh_from_db()
    assert first.status == Quote.Status.PUBLISHED
    assert first.tags.get().stance == queue_data["stance"]
    assert "Published 1 quote." in page.locator(".messagelist").inner_text()

    # The second has no suggestion: open its autocomplete, choose a stance with the arrows.
    tab_to(
        page,
        "(el.getAttribute('aria-labelledby') || '')"
        f".endsWith('select2-stance-{second.pk}-container')",
    )
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.locator(".select2-results__option--highlighted").wait_for()
    wanted = queue_data["stance"].statement
    for _ in range(60):
        if page.locator(".select2-results__option--highlighted").inner_text() == wanted:
            break
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(50)
    page.keyboard.press("Enter")
    assert page.locator(f"#select2-stance-{second.pk}-container").inner_text().endswith(wanted)
    tab_to(page, "el.name === 'tag' && el.value === 'opposes'")
    with page.expect_navigation():
        page.keyboard.press("Space")
    tag = second.tags.get()
    assert (tag.stance, tag.alignment) == (queue_data["stance"], "opposes")
    assert "Opposes “Keep sending military aid to Ukraine”" in (
        page.locator(".messagelist").inner_text()
    )

    # The article's tagged drafts: the button, the confirmation, one press.
    tab_to(page, "el.textContent.includes('Publish this article')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "The harbour reopens on Monday" in page.locator("#content-main").inner_text()
    tab_to(page, "el.textContent.trim() === 'Publish 1 quote'")
    assert focus_is_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    second.refresh_from_db()
    assert second.status == Quote.Status.PUBLISHED
    assert "Published 1 quote." in page.locator(".messagelist").inner_text()
    screenshot(page, "admin-tagging-queue-after-publishing")
    page.context.close()


def test_a_new_stance_is_made_by_keyboard_and_every_queue_page_passes_axe(
    demo_site, chromium, queue_data
):
    page = signed_in_page(chromium, demo_site.url)
    second = queue_data["second"]
    queue = f"{demo_site.url}{reverse('admin:stances_quote_tagging_queue')}"
    pages = {
        "queue": queue,
        "queue-bad-filter": queue + "?topic=abc",
        "new-stance": demo_site.url + reverse("admin:stances_quote_new_stance", args=[second.pk]),
        "publish-article": demo_site.url
        + reverse("admin:stances_quote_publish_article", args=[queue_data["article"].pk]),
    }
    failures = {}
    for viewport_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        for name, address in pages.items():
            page.goto(address)
            results = Axe().run(page, options=AXE_RULES)
            if results.violations_count:
                failures[f"{name} ({viewport_name})"] = violations_report(results)
            screenshot(page, f"admin-tagging-{name}-{viewport_name}")
    assert not failures, failures
    page.set_viewport_size(DESKTOP)

    # From the queue to the new stance form, and through it, by keyboard.
    page.goto(f"{queue}?article={queue_data['article'].pk}")
    tab_to(
        page,
        f"el.tagName === 'A' && el.href.includes('/{second.pk}/new-stance/')",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "el.id === 'id_new-topic'")
    page.keyboard.press("ArrowDown")  # the first topic
    tab_to(page, "el.id === 'id_new-statement'")
    page.keyboard.type("Reopen the harbour to grain ships")
    tab_to(page, "el.name === 'new-alignment'")
    page.keyboard.press("Space")  # the first choice: supports
    tab_to(page, "el.id === 'id_new-publish'")
    page.keyboard.press("Space")
    tab_to(page, "el.textContent.trim() === 'Create the stance and tag the quote'")
    assert focus_is_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    tag = second.tags.get()
    assert (tag.stance.statement, tag.alignment) == (
        "Reopen the harbour to grain ships",
        "supports",
    )
    second.refresh_from_db()
    assert second.status == Quote.Status.PUBLISHED
    assert "Created the stance" in page.locator(".messagelist").inner_text()
    page.context.close()
