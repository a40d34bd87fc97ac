"""In a real browser: the quote browser's filters and the free comparison's shareable URL."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import screenshot

pytestmark = [pytest.mark.browser]


def test_the_filter_form_narrows_the_quotes(demo_site, page):
    page.goto(demo_site.url + "/quotes/")
    total = int(page.locator("#results-h").inner_text().split()[0])
    page.get_by_label("Speaker").select_option(label="Kamala Harris")
    page.get_by_label("Kind of quote").select_option(label="Partial quote")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#results-h")).to_have_text("1 quote")
    assert total > 1
    expect(page.locator(".quote-card")).to_have_count(1)
    expect(page.locator(".quote-card")).to_contain_text("killer dictator")
    active = page.get_by_role("list", name="Active filters")
    expect(active).to_contain_text("Kamala Harris")
    # Removing one filter keeps the other.
    active.get_by_role("link", name=re.compile("Remove.*Kind of quote")).click()
    expect(page.get_by_role("list", name="Active filters")).not_to_contain_text("Partial quote")
    expect(page.locator(".quote-card")).not_to_have_count(1)
    screenshot(page, "quote-browser")


def test_a_bad_date_shows_the_error_and_keeps_the_input(demo_site, page):
    response = page.goto(demo_site.url + "/quotes/?said_after=2024-02-30&speaker=donald-trump")
    assert response.status == 400
    errors = page.get_by_role("alert")
    expect(errors).to_contain_text("From date")
    expect(page.get_by_label("From date")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Speaker")).to_have_value("donald-trump")
    screenshot(page, "quote-browser-error")


def test_the_free_comparison_round_trips_through_its_url(demo_site, page):
    page.goto(demo_site.url + "/compare/")
    page.get_by_label("Kamala Harris").check()
    page.get_by_label("Volodymyr Zelensky").check()
    page.get_by_label("Russia-Ukraine war").check()
    page.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(re.compile(r"speakers=kamala-harris"))
    url = page.url
    headers = page.locator("table.grid thead th").all_inner_texts()
    rows = page.locator("table.grid tbody th[scope=row]").all_inner_texts()
    assert headers[1:] == ["Kamala Harris", "Volodymyr Zelensky"]
    assert "Cede Ukrainian territory to Russia for peace" in rows
    assert "Talk directly with Putin about ending the war" not in rows  # another topic

    other = page.context.new_page()
    other.goto(url)
    assert other.locator("table.grid thead th").all_inner_texts() == headers
    assert other.locator("table.grid tbody th[scope=row]").all_inner_texts() == rows
    expect(other.get_by_label("Volodymyr Zelensky")).to_be_checked()
    screenshot(other, "free-comparison")


def test_choosing_one_speaker_explains_the_rule(demo_site, page):
    response = page.goto(demo_site.url + "/compare/?speakers=kamala-harris")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("between 2 and 6 speakers")
