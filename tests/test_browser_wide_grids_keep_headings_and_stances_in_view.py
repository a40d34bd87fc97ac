"""In a real browser: six people side by side on a 1366 px screen, each column readable, the grid
using the screen's width, its heading row and stance column in view however it scrolls, and empty
cells compact; on the seed demo and on synthetic data."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.urls import reverse

from stances import grids
from stances.models import Speaker
from tests.browser import screenshot

pytestmark = [pytest.mark.browser]

LAPTOP = {"width": 1366, "height": 900}
SMALL_LAPTOP = {"width": 1024, "height": 700}
DEMO_SIX = [
    "donald-trump",
    "kamala-harris",
    "jd-vance",
    "volodymyr-zelensky",
    "dmitry-peskov",
    "vladimir-putin",
]
READABLE = 170  # px: a column narrower than this squashes its quotes into a few words a line


def compare_path(slugs, topics=()) -> str:
    query = "&".join([f"speakers={slug}" for slug in slugs] + [f"topics={t}" for t in topics])
    return f"{reverse('compare')}?{query}"


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, "not rendered"
    return found


def scroll_grid(page, down: int = 0, right: int = 0):
    """Turns the mouse wheel over the grid, as a reader does, and waits until the scrolling has
    begun and settled (a busy machine can take far longer than one frame to start it)."""
    where = """() => {
        const wrap = document.querySelector('.grid-wrap');
        return [window.scrollX, window.scrollY, wrap.scrollLeft, wrap.scrollTop].join(',');
    }"""
    before = page.evaluate(where)
    wrap = box(page.locator(".grid-wrap"))
    page.mouse.move(wrap["x"] + wrap["width"] / 2, max(wrap["y"], 0) + 200)
    page.mouse.wheel(right, down)
    page.wait_for_function(f"before => ({where})() !== before", arg=before, timeout=10_000)
    settled = None
    while (now := page.evaluate(where)) != settled:
        settled = now
        page.wait_for_timeout(100)


def check_six_columns_and_sticky_headings(page, name: str):
    widths = page.eval_on_selector_all(
        "table.grid thead th", "cells => cells.map(c => c.getBoundingClientRect().width)"
    )
    assert len(widths) == 7, widths  # the stance column and six people
    assert min(widths[1:]) >= READABLE, f"people's columns {widths[1:]}"
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    main = box(page.locator("main"))
    wrap = box(page.locator(".grid-wrap"))
    assert wrap["width"] > main["width"], "a six-person grid uses the screen's width"
    assert wrap["x"] >= 0
    assert wrap["x"] + wrap["width"] <= LAPTOP["width"]

    # Bring the grid's top to the top of the screen, then scroll well down into it.
    page.locator(".grid-wrap").evaluate("wrap => wrap.scrollIntoView()")
    heading = page.locator("table.grid thead th").nth(1)
    first_stance = page.locator("table.grid tbody th[scope=row]").first
    stance_before = box(first_stance)["y"]
    scroll_grid(page, down=1200)
    stance_after = box(first_stance)["y"]
    assert stance_after < stance_before - 300, "the grid scrolled"
    top = box(heading)["y"]
    wrap = box(page.locator(".grid-wrap"))
    assert 0 <= top <= LAPTOP["height"] - 100, f"heading row at {top}px, out of view"
    assert abs(top - wrap["y"]) <= 2, "the heading row sits at the top of the grid's box"
    screenshot(page, f"{name}-six-people-scrolled")


def check_stance_column_stays_while_scrolling_sideways(page, name: str):
    wrap = page.locator(".grid-wrap")
    scrollable = wrap.evaluate("w => w.scrollWidth - w.clientWidth")
    assert scrollable > 0, "six columns of 172 px do not fit 1024 px: the grid scrolls sideways"
    wrap.evaluate("w => w.scrollIntoView()")
    stance = page.locator("table.grid tbody th[scope=row]").first
    person = page.locator("table.grid thead th").nth(1)
    left_before, person_before = box(stance)["x"], box(person)["x"]
    scroll_grid(page, right=400)
    assert box(person)["x"] < person_before - 100, "the people's columns moved"
    assert abs(box(stance)["x"] - left_before) <= 1, "the stance column stays at the left"
    screenshot(page, f"{name}-six-people-sideways")


def test_six_demo_people_are_readable_with_headings_in_view(demo_site, chromium):
    context = chromium.new_context(viewport=LAPTOP)
    page = context.new_page()
    try:
        page.goto(demo_site.url + compare_path(DEMO_SIX))
        screenshot(page, "compare-six-people-1366")
        check_six_columns_and_sticky_headings(page, "demo")
        page.set_viewport_size(SMALL_LAPTOP)
        page.goto(demo_site.url + compare_path(DEMO_SIX))
        check_stance_column_stays_while_scrolling_sideways(page, "demo")
    finally:
        context.close()


def test_empty_cells_take_little_room(demo_site, page):
    page.set_viewport_size(LAPTOP)
    page.goto(demo_site.url + compare_path(DEMO_SIX))
    empty = page.locator("table.grid td", has_text="No recorded position").first
    filled = page.locator("table.grid td", has=page.locator(".evidence")).first
    padding = empty.evaluate("td => parseFloat(getComputedStyle(td).paddingTop)")
    filled_padding = filled.evaluate("td => parseFloat(getComputedStyle(td).paddingTop)")
    assert padding < filled_padding
    badge = box(empty.locator(".verdict"))
    assert badge["height"] <= 48, "the empty cell's badge stays one or two short lines"
    assert empty.evaluate("td => getComputedStyle(td).verticalAlign") == "top"


@pytest.fixture
def synthetic_site(transactional_db, live_server):
    call_command("seedsynthetic", "--quotes", "400", "--seed", "3", stdout=io.StringIO())
    return live_server


def busiest_speakers(count: int) -> list[str]:
    published = Q(quotes__status="published")
    speakers = Speaker.objects.annotate(said=Count("quotes", filter=published)).order_by("-said")
    return list(speakers.values_list("slug", flat=True)[:count])


def test_six_synthetic_people_are_readable_with_headings_in_view(
    synthetic_site, chromium, monkeypatch
):
    # Every stance they are on record on, in one grid many screens tall (the site would count
    # so many by topic instead).
    monkeypatch.setattr(grids, "FULL_GRID_ROWS", 1000)
    six = busiest_speakers(6)
    context = chromium.new_context(viewport=LAPTOP)
    page = context.new_page()
    try:
        response = page.goto(synthetic_site.url + compare_path(six))
        assert response.status == 200
        assert page.locator("table.grid tbody th[scope=row]").count() > 24
        screenshot(page, "synthetic-compare-six-people-1366")
        check_six_columns_and_sticky_headings(page, "synthetic")
        page.set_viewport_size(SMALL_LAPTOP)
        page.reload()
        check_stance_column_stays_while_scrolling_sideways(page, "synthetic")
    finally:
        context.close()
