"""The site's icons are served (no favicon 404), pages print as content with their sources'
addresses, and the dark colour scheme that follows the system setting passes axe, contrast
included, at desktop and phone sizes; on the seed demo and on synthetic data."""

import io
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from stances.models import Quote, Speaker
from tests.browser import ARTIFACTS, PHONE, screenshot
from tests.factories import make_article, make_quote

LAPTOP = {"width": 1366, "height": 900}
AXE_RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


# Icons ---------------------------------------------------------------------------------------


def test_the_icons_exist_at_the_sizes_browsers_ask_for():
    touch = Image.open(finders.find("icons/apple-touch-icon.png"))
    assert touch.size == (180, 180)
    assert touch.mode == "RGB"  # iOS shows transparency as black
    assert Image.open(finders.find("icons/favicon-32.png")).size == (32, 32)
    assert Image.open(finders.find("icons/favicon.ico")).info["sizes"] == {(16, 16), (32, 32)}
    svg = Path(finders.find("icons/favicon.svg")).read_text()
    assert svg.startswith("<svg")
    assert 'viewBox="0 0 32 32"' in svg


@pytest.mark.django_db
def test_favicon_ico_leads_to_the_icon_and_every_page_links_its_icons(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == "/static/icons/favicon.ico"
    assert "max-age=86400" in response["Cache-Control"]
    page = client.get(reverse("quotes")).text
    assert '<link rel="icon" href="/static/icons/favicon.ico" sizes="32x32">' in page
    assert '<link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml">' in page
    assert '<link rel="apple-touch-icon" href="/static/icons/apple-touch-icon.png">' in page
    assert client.post("/favicon.ico").status_code == 405


@pytest.mark.browser
def test_the_browser_finds_every_icon_and_logs_no_error(demo_site, page):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))

    page.goto(demo_site.url)
    for selector in ('link[rel="icon"]', 'link[rel="apple-touch-icon"]'):
        for href in page.eval_on_selector_all(selector, "links => links.map(l => l.href)"):
            response = page.request.get(href)
            assert response.status == 200, href
            assert response.headers["content-type"].startswith("image/"), href
    icon = page.request.get(demo_site.url + "/favicon.ico")
    assert icon.status == 200
    assert icon.headers["content-type"].startswith("image/")
    page.reload()

    assert failed == []
    assert errors == []


# Print ---------------------------------------------------------------------------------------


@pytest.mark.browser
def test_a_printed_page_shows_content_and_sources_not_controls(demo_site, chromium):
    context = chromium.new_context(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page = context.new_page()
    try:
        page.emulate_media(media="print")
        people = ["donald-trump", "kamala-harris", "jd-vance", "volodymyr-zelensky"]
        people += ["dmitry-peskov", "vladimir-putin"]
        six = "&".join(f"speakers={slug}" for slug in people)
        page.goto(f"{demo_site.url}{reverse('compare')}?{six}")
        expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
        expect(page.locator("form").first).to_be_hidden()
        grid = page.locator("table.grid").bounding_box()
        assert grid["x"] >= 0
        assert grid["x"] + grid["width"] <= 794, "the grid fits the page"
        assert (
            page.locator("table.grid thead").evaluate("head => getComputedStyle(head).display")
            == "table-header-group"
        )  # repeated on each printed page
        screenshot(page, "print-compare-six")

        page.goto(f"{demo_site.url}{reverse('quotes')}?kind=direct")
        expect(page.get_by_role("button", name="Apply filters")).to_be_hidden()
        expect(page.locator(".quote-card").first).to_be_visible()

        article = make_article(url="https://news.example/2024/11/talks")
        make_quote(article=article)
        page.goto(demo_site.url + article.get_absolute_url())
        source = page.locator(f'main a[href="{article.url}"]').first
        after = source.evaluate("a => getComputedStyle(a, '::after').content")
        assert article.url in after, "a link to the source is followed by its address"
        internal = page.locator("main a[href^='/']").first
        assert internal.evaluate("a => getComputedStyle(a, '::after').content") == "none"
        # Black on white, whatever the screen's scheme.
        page.emulate_media(media="print", color_scheme="dark")
        body = page.locator("body")
        colours = body.evaluate(
            "b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]"
        )
        assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
        screenshot(page, "print-article")
        page.pdf(path=str(ARTIFACTS / "print-article.pdf"))
    finally:
        context.close()


# The dark colour scheme ----------------------------------------------------------------------


def dark_axe_failures(chromium, base_url: str, pages: dict[str, str], prefix: str) -> dict:
    axe = Axe()
    failures = {}
    for size, viewport in (("desktop", LAPTOP), ("phone", PHONE)):
        context = chromium.new_context(viewport=viewport, color_scheme="dark")
        page = context.new_page()
        for name, path in pages.items():
            response = page.goto(base_url + path)
            assert response.status in (200, 400, 404), f"{name}: {response.status}"
            background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert background == "rgb(22, 23, 26)", f"{name}: not dark ({background})"
            results = axe.run(page, options=AXE_RULES)
            if results.violations_count:
                failures[f"{name} ({size})"] = "\n".join(
                    f"{v['id']} ({v['impact']}): {v['help']} at "
                    f"{[n['target'] for n in v['nodes']][:5]}"
                    for v in results.response["violations"]
                )
            screenshot(page, f"{prefix}-dark-{name}-{size}")
        context.close()
    return failures


@pytest.mark.browser
def test_the_dark_scheme_passes_axe_on_every_kind_of_demo_page(demo_site, chromium):
    quote = Quote.objects.published().filter(kind=Quote.Kind.DIRECT).first()
    anonymous = Quote.objects.published().filter(kind=Quote.Kind.ANONYMOUS).first()
    pages = {
        "home": reverse("home"),
        "compare": reverse("compare"),
        "compare-six": reverse("compare")
        + "?speakers=donald-trump&speakers=kamala-harris&speakers=jd-vance"
        + "&speakers=volodymyr-zelensky&speakers=dmitry-peskov&speakers=vladimir-putin",
        "compare-error": reverse("compare") + "?speakers=donald-trump",
        "topics": reverse("topics"),
        "topic": reverse("topic", args=["russia-ukraine-war"]),
        "speakers": reverse("speakers"),
        "speaker": reverse("speaker", args=["donald-trump"]),
        "quotes": reverse("quotes") + "?kind=direct",
        "quotes-error": reverse("quotes") + "?said_after=2024-13-01",
        "quote": quote.get_absolute_url(),
        "quote-anonymous": anonymous.get_absolute_url(),
        "articles": reverse("articles"),
        "article": quote.article.get_absolute_url(),
        "match": reverse("match"),
        "not-found": "/no-such-page/",
    }

    failures = dark_axe_failures(chromium, demo_site.url, pages, "demo")

    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())


@pytest.mark.browser
def test_the_dark_scheme_passes_axe_on_synthetic_data(transactional_db, live_server, chromium):
    call_command("seedsynthetic", "--quotes", "300", "--seed", "9", stdout=io.StringIO())
    speaker = Speaker.objects.filter(quotes__status="published").first()
    pages = {
        "home": reverse("home"),
        "speaker": speaker.get_absolute_url(),
        "quotes": reverse("quotes"),
        "quote": Quote.objects.published().first().get_absolute_url(),
    }

    failures = dark_axe_failures(chromium, live_server.url, pages, "synthetic")

    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())


@pytest.mark.browser
def test_embeds_keep_the_light_scheme_in_other_sites_frames(demo_site, chromium):
    context = chromium.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(demo_site.url + reverse("embeds:election", args=["us-president-2024"]))
        body = page.locator("body")
        colours = body.evaluate(
            "b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]"
        )
        assert colours == ["rgb(28, 29, 33)", "rgb(255, 255, 255)"]  # the light scheme's
        results = Axe().run(page, options=AXE_RULES)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
