"""In a real browser: the home page's grid on the seed demo, its links, and a phone-sized screen."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import PHONE, screenshot

pytestmark = [pytest.mark.browser]


def cell(page, stance: str, holder: str):
    """The grid cell for a stance (row header text) and a holder (column header text)."""
    headers = page.locator("table.grid thead th").all_inner_texts()
    column = next(i for i, text in enumerate(headers) if text.startswith(holder))
    row = page.locator("table.grid tbody tr", has=page.locator("th", has_text=stance))
    return row.locator("th, td").nth(column)


def test_home_grid_shows_the_seed_candidates_and_their_verdicts(demo_site, page):
    page.goto(demo_site.url)
    expect(page.locator("h1")).to_have_text("2024 United States presidential election")
    headers = page.locator("table.grid thead th")
    expect(headers).to_have_count(3)  # the stance column, Trump, Harris (running mates hidden)
    expect(headers.nth(1)).to_contain_text("Donald Trump")
    expect(headers.nth(2)).to_contain_text("Kamala Harris")

    expect(cell(page, "Keep sending military aid to Ukraine", "Kamala Harris")).to_contain_text(
        "Supports"
    )
    expect(cell(page, "Keep sending military aid to Ukraine", "Donald Trump")).to_contain_text(
        "No recorded position"
    )
    expect(cell(page, "Talk directly with Putin", "Donald Trump")).to_contain_text("Supports")
    expect(cell(page, "Talk directly with Putin", "Kamala Harris")).to_contain_text("Opposes")
    # The demilitarised-zone claim rests only on unnamed sources, and the cell says so.
    expect(cell(page, "demilitarised zone", "Donald Trump")).to_contain_text("Unnamed sources only")
    screenshot(page, "home-desktop")


def test_a_cells_link_leads_to_the_quote_behind_it(demo_site, page):
    page.goto(demo_site.url)
    trump_deal = cell(page, "End the war quickly through a negotiated deal", "Donald Trump")
    trump_deal.get_by_role("link", name=re.compile("call two people")).click()
    expect(page).to_have_url(re.compile(r"/quotes/\d+/$"))
    expect(page.locator("blockquote")).to_contain_text("We will make a deal within 24 hours")
    expect(page.locator("figcaption")).to_contain_text("Donald Trump")
    expect(page.get_by_role("heading", name="Reactions")).to_be_visible()
    expect(page.locator(".reactions")).to_contain_text("nothing can be done within 24 hours")
    screenshot(page, "quote-detail")


def test_running_mates_are_shown_on_request(demo_site, page):
    page.goto(demo_site.url)
    page.get_by_label("Show running mates").check()
    expect(page).to_have_url(re.compile(r"running_mates=on"))
    expect(page.locator("table.grid thead th")).to_have_count(4)
    expect(page.locator("table.grid thead")).to_contain_text("JD Vance")


def test_the_grid_stays_readable_on_a_phone(demo_site, chromium):
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(demo_site.url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"
        harris_aid = cell(page, "Keep sending military aid to Ukraine", "Kamala Harris")
        expect(harris_aid).to_be_visible()
        # Stacked cells name their person, since the column headers are off screen.
        label = harris_aid.evaluate("td => getComputedStyle(td, '::before').content")
        assert "Kamala Harris" in label
        box = harris_aid.bounding_box()
        assert box["width"] > PHONE["width"] * 0.6, "each stacked cell takes the screen's width"
        screenshot(page, "home-phone")
    finally:
        context.close()
