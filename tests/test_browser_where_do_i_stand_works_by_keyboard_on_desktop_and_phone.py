"""In a real browser, without JavaScript: a reader answers "Where do I stand?" by keyboard alone
at desktop and phone sizes, gets a result whose address reproduces it, reaches a quote behind an
answer, and the answers are large targets; axe finds no violation on the form, the result or the
form's errors."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from stances.models import PositionSummary
from tests.browser import PHONE, screenshot
from tests.test_browser_accessibility import AXE_RULES, violations_report

pytestmark = [pytest.mark.browser]

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": PHONE}


def tab_until(page, condition: str, limit: int = 120):
    """Presses Tab until `condition` (JavaScript, on document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {condition})(document.activeElement)"):
            return
    pytest.fail(f"Tab never reached an element where {condition}")


def test_a_reader_answers_by_keyboard_alone_and_reaches_the_quotes(demo_site, chromium):
    for size, viewport in SIZES.items():
        context = chromium.new_context(viewport=viewport, java_script_enabled=False)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(demo_site.url + reverse("match"))
        # At the end of the page the submit bar sits under the form, not over it, in a
        # full-page screenshot.
        page.keyboard.press("End")
        screenshot(page, f"match-form-{size}")
        page.keyboard.press("Home")

        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
        page.keyboard.press("Enter")
        # The first statement: agree (Skip is checked; the next radio wraps round to Agree),
        # and it matters a lot.
        tab_until(page, "el.type === 'radio'")
        first = page.evaluate("document.activeElement.name")
        expect(page.locator(f"input[name={first}][value=skip]")).to_be_focused()
        page.keyboard.press("ArrowRight")
        expect(page.locator(f"input[name={first}][value=agree]")).to_be_checked()
        page.keyboard.press("Tab")
        page.keyboard.press("ArrowRight")
        importance = "w" + first[1:]
        expect(page.locator(f"input[name={importance}][value='2']")).to_be_checked()
        # The second statement: disagree.
        page.keyboard.press("Tab")
        second = page.evaluate("document.activeElement.name")
        assert second.startswith("s")
        assert second != first
        page.keyboard.press("ArrowLeft")
        expect(page.locator(f"input[name={second}][value=disagree]")).to_be_checked()
        # On to the submit button, and send.
        tab_until(page, "el.type === 'submit'")
        expect(page.get_by_role("button", name="See where I stand")).to_be_focused()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/match/?*{first}=agree*")
        assert f"{importance}=2" in page.url
        assert f"{second}=disagree" in page.url

        expect(page.get_by_role("heading", name="Where you stand on 2 statements")).to_be_visible()
        cards = page.locator(".match-card")
        assert cards.count() >= 2
        for label in ("Agree with you", "Disagree with you", "No recorded position"):
            expect(cards.first.get_by_text(label, exact=True)).to_be_visible()
        page.keyboard.press("End")
        screenshot(page, f"match-result-{size}")
        page.keyboard.press("Home")

        # The address is the result: opened afresh, it shows the same counts.
        counts = cards.all_inner_texts()
        again = context.new_page()
        again.goto(page.url)
        assert again.locator(".match-card").all_inner_texts() == counts
        again.close()

        # From the result to a quote behind an answer, by keyboard.
        tab_until(page, "el.closest('.match-quote') !== null")
        page.keyboard.press("Enter")
        page.wait_for_url("**/quotes/*/")
        expect(page.locator("blockquote")).to_be_visible()
        context.close()


def test_answers_and_the_submit_button_are_large_targets(demo_site, chromium):
    for size, viewport in SIZES.items():
        context = chromium.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(demo_site.url + reverse("match"))
        targets = [*page.locator(".match-choices label").all()]
        targets.append(page.get_by_role("button", name="See where I stand"))
        assert len(targets) > 10
        for target in targets:
            box = target.bounding_box()
            assert box["height"] >= 44, (size, target.inner_text(), box)
            assert box["width"] >= 44, (size, target.inner_text(), box)
        # Nothing spills sideways on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        context.close()


def test_axe_finds_no_violation_on_the_form_the_result_and_the_errors(demo_site, chromium):
    asked = PositionSummary.objects.exclude(verdict="none").order_by("stance_id")
    first, second = asked.values_list("stance_id", flat=True).distinct()[:2]
    pages = {
        "match-axe-form": (reverse("match"), 200),
        "match-axe-result": (
            reverse("match") + f"?s{first}=agree&w{first}=2&s{second}=disagree&w{second}=1",
            200,
        ),
        "match-axe-errors": (reverse("match") + f"?s{first}=maybe&w{second}=9", 400),
    }
    axe = Axe()
    failures = {}
    for size, viewport in SIZES.items():
        context = chromium.new_context(viewport=viewport)
        page = context.new_page()
        for name, (path, status) in pages.items():
            response = page.goto(demo_site.url + path)
            assert response.status == status, name
            results = axe.run(page, options=AXE_RULES)
            if results.violations_count:
                failures[f"{name} ({size})"] = violations_report(results)
            screenshot(page, f"{name}-{size}")
        context.close()

    assert not failures, "\n\n".join(f"{name}:\n{found}" for name, found in failures.items())
