"""In a real browser: axe-core finds no violations on any public page, and the keyboard suffices."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from stances.models import Quote, Stance
from tests.browser import PHONE, screenshot
from tests.factories import make_article, make_outlet, make_quote, make_speaker

pytestmark = [pytest.mark.browser]

# Where do I stand? is answered on these two demo stances (a result) and refused on the first.
DEMO_MATCH_STANCES = ("end-the-war-quickly-by-a-deal", "keep-military-aid-to-ukraine")

AXE_RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


@pytest.fixture
def every_page(demo_site):
    """Every kind of public page, on the demo data plus an article whose body is stored."""
    body = (
        "Foreign Minister Ana Okafor spoke in Lagos. "
        '"We will reopen the embassy next spring," Okafor said. '
        "She added that talks would continue."
    )
    start = body.index("We will")
    outlet = make_outlet(name="The Harbour Courier", slug="harbour-courier")
    article = make_article(outlet=outlet, body=body, published_on=datetime.date(2024, 10, 1))
    make_quote(
        article=article,
        speaker=make_speaker(name="Ana Okafor", slug="ana-okafor"),
        text="We will reopen the embassy next spring,",
        start_offset=start,
        end_offset=start + len("We will reopen the embassy next spring,"),
        said_on=datetime.date(2024, 9, 30),
    )
    retracted = Quote.objects.filter(kind=Quote.Kind.PARAPHRASE).first()
    retracted.status = Quote.Status.RETRACTED
    retracted.retraction_reason = "The article misattributed these words."
    retracted.save()
    trump_24 = Quote.objects.get(text__contains="within 24 hours", kind=Quote.Kind.DIRECT)
    demo_article = trump_24.article
    deal, aid = (Stance.objects.get(slug=slug).pk for slug in DEMO_MATCH_STANCES)
    return {
        "home": reverse("home"),
        "election": reverse("election", args=["us-president-2024"]),
        "compare-empty": reverse("compare"),
        "compare": reverse("compare")
        + "?speakers=donald-trump&speakers=kamala-harris&speakers=jd-vance",
        "compare-error": reverse("compare") + "?speakers=donald-trump",
        "topics": reverse("topics"),
        "topic": reverse("topic", args=["russia-ukraine-war"]),
        "speakers": reverse("speakers"),
        "speakers-searched": reverse("speakers") + "?q=zelenskyy",
        "speakers-error": reverse("speakers") + "?q=" + "x" * 101,
        "speaker": reverse("speaker", args=["donald-trump"]),
        "quotes": reverse("quotes"),
        "quotes-filtered": reverse("quotes") + "?speaker=kamala-harris&kind=partial",
        "quotes-error": reverse("quotes") + "?said_after=2024-13-01",
        "quote": trump_24.get_absolute_url(),
        "quote-anonymous": Quote.objects.filter(kind=Quote.Kind.ANONYMOUS)
        .first()
        .get_absolute_url(),
        "quote-retracted": retracted.get_absolute_url(),
        "articles": reverse("articles"),
        "article": demo_article.get_absolute_url(),
        "article-with-body": article.get_absolute_url(),
        "outlet": outlet.get_absolute_url(),
        "not-found": "/no-such-page/",
        "match": reverse("match"),
        "match-result": reverse("match") + f"?s{deal}=agree&w{deal}=2&s{aid}=disagree",
        "match-error": reverse("match") + f"?s{deal}=maybe",
    }


def violations_report(results) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
    )


VIEWPORTS = (("desktop", {"width": 1280, "height": 900}), ("phone", PHONE))


def axe_failures(chromium, base_url, pages, check=None) -> dict[str, str]:
    """Runs axe on each page at desktop and phone sizes, screenshotting each; returns the
    violations by page and size. `check(page, name, response)` runs on each page as well."""
    axe = Axe()
    failures = {}
    for viewport_name, viewport in VIEWPORTS:
        context = chromium.new_context(viewport=viewport)
        page = context.new_page()
        for name, path in pages.items():
            response = page.goto(base_url + path)
            if check:
                check(page, name, response)
            results = axe.run(page, options=AXE_RULES)
            if results.violations_count:
                failures[f"{name} ({viewport_name})"] = violations_report(results)
            screenshot(page, f"{name}-{viewport_name}")
        context.close()
    return failures


def report(failures) -> str:
    return "\n\n".join(f"{name}:\n{found}" for name, found in failures.items())


def test_axe_finds_no_violations_on_any_public_page(every_page, demo_site, chromium):
    failures = axe_failures(chromium, demo_site.url, every_page)

    assert not failures, report(failures)
    assert len(every_page) >= 20


def test_every_page_answers_as_expected(every_page, demo_site, page):
    expected_errors = {
        "compare-error": 400,
        "quotes-error": 400,
        "match-error": 400,
        "speakers-error": 400,
        "quote-retracted": 410,
        "not-found": 404,
    }
    for name, path in every_page.items():
        response = page.goto(demo_site.url + path)
        assert response.status == expected_errors.get(name, 200), name
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()


def test_the_skip_link_and_the_grid_work_with_the_keyboard_alone(demo_site, page):
    page.goto(demo_site.url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # Tab onwards until a quote link inside the grid has focus, then follow it with Enter.
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('.cell-quotes') !== null")
        if focused:
            break
    else:
        pytest.fail("no quote link in the grid was reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/quotes/*/")
    expect(page.locator("blockquote")).to_be_visible()


def test_filters_can_be_set_and_applied_with_the_keyboard(demo_site, page):
    page.goto(demo_site.url + "/quotes/")
    page.get_by_label("Kind of quote").focus()
    page.keyboard.press("ArrowDown")  # first real choice after "Any kind": direct quotes
    page.get_by_role("button", name="Apply filters").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/quotes/?*kind=direct*")
    cards = page.locator(".quote-card .quote-kind")
    assert cards.count() > 0
    for text in cards.all_inner_texts():
        assert text.upper().startswith("DIRECT QUOTE")


def test_the_citation_can_be_copied_with_javascript_and_read_without_it(demo_site, chromium):
    quote = Quote.objects.get(text__contains="within 24 hours", kind=Quote.Kind.DIRECT)
    url = demo_site.url + quote.get_absolute_url()

    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url)
    page.get_by_role("button", name="Copy citation").click()
    expect(page.get_by_role("status")).to_have_text("Citation copied.")
    assert "We will make a deal within 24 hours" in page.evaluate("navigator.clipboard.readText()")
    context.close()

    no_js = chromium.new_context(java_script_enabled=False)
    page = no_js.new_page()
    page.goto(url)
    expect(page.get_by_label("Citation")).to_contain_text("Donald Trump")
    expect(page.get_by_role("button", name="Copy citation")).to_be_hidden()
    no_js.close()


def test_axe_finds_no_violations_on_the_layouts_made_for_volume(demo_site, chromium, monkeypatch):
    """The per-topic overview, an election's topic page, the compact list of positions and the
    monthly timeline: what a large archive shows, here with the limits lowered."""
    from stances import grids, timeline

    monkeypatch.setattr(grids, "FULL_GRID_ROWS", 2)
    monkeypatch.setattr(timeline, "MAX_MARKS", 3)
    pages = {
        "overview": reverse("home"),
        "election-topic": reverse(
            "election_topic", args=["us-president-2024", "russia-ukraine-war"]
        ),
        "compare-overview": reverse("compare") + "?speakers=donald-trump&speakers=kamala-harris",
        "speaker-compact": reverse("speaker", args=["donald-trump"]),
    }

    def check(page, name, response):
        assert response.status == 200, name
        if name == "overview":
            expect(page.locator("table.overview")).to_be_visible()
        if name == "speaker-compact":
            expect(page.locator("table.compact-positions").first).to_be_visible()
            expect(page.locator(".timeline .bar").first).to_be_attached()

    failures = axe_failures(chromium, demo_site.url, pages, check)

    assert not failures, report(failures)
