"""In a real browser, on the seed demo: the election page opens with its head-to-head summary and an
open legend, its badges say what their evidence is, axe finds nothing at desktop and phone sizes,
and a summary line takes the reader to its row."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser import PHONE, screenshot
from tests.test_browser_accessibility import AXE_RULES, violations_report

pytestmark = [pytest.mark.browser]

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": PHONE}


@pytest.mark.parametrize("size", SIZES)
def test_the_demo_election_page_is_accessible_with_its_summary_and_legend(
    demo_site, chromium, size
):
    context = chromium.new_context(viewport=SIZES[size])
    page = context.new_page()
    try:
        page.goto(demo_site.url + "/elections/us-president-2024/")
        summary = page.get_by_role("region", name="Head to head")
        expect(summary).to_be_visible()
        expect(summary.get_by_role("heading", name=re.compile("Where they differ"))).to_be_visible()
        expect(page.locator("details.legend")).to_have_attribute("open", "")
        expect(page.locator("details.legend")).to_contain_text("Reported by others only")

        results = Axe().run(page, options=AXE_RULES)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        screenshot(page, f"election-head-to-head-{size}")
        page.screenshot(path=f"test-artifacts/election-head-to-head-{size}-top.png")
    finally:
        context.close()

    assert results.violations_count == 0, violations_report(results)
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


def test_a_summary_line_leads_to_its_row_of_the_grid(demo_site, page):
    page.goto(demo_site.url + "/elections/us-president-2024/")
    line = page.locator("#h2h-differ ~ ul li a").first
    stance = line.inner_text()
    line.click()
    expect(page).to_have_url(re.compile(r"#stance-[\w-]+$"))
    target = page.locator("table.grid th[scope=row]:target")
    expect(target).to_have_text(stance)
    expect(target).to_be_in_viewport()


def test_badges_differ_by_evidence_in_words_and_outline(demo_site, page):
    page.goto(demo_site.url + "/elections/us-president-2024/")
    unnamed = page.locator("table.grid .verdict.badge-anonymous").first
    expect(unnamed).to_contain_text("Unnamed sources:")
    own = page.locator("table.grid .verdict.badge-own_words").first
    outline = "b => [getComputedStyle(b).borderTopStyle, getComputedStyle(b).borderTopLeftRadius]"
    styles = [badge.evaluate(outline) for badge in (own, unnamed)]
    assert styles[0] != styles[1], styles
