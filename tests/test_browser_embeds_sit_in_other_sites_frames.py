"""In a real browser: another site can frame the embeds (and no other page), also after the
browser checks them again; they fit 300 to 600 pixels with no violation axe can find; the embed
code can be copied with JavaScript and read without it; the Reuse our data page passes axe too."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils.cache import get_conditional_response
from playwright.sync_api import expect

from tests.browser import screenshot
from tests.test_browser_accessibility import AXE_RULES, report, violations_report

pytestmark = [
    pytest.mark.browser,
    # The reuse page's route, until the site's URLs include it (see that test module).
    pytest.mark.urls("tests.test_reuse_page_lists_every_way_to_reuse_the_data_and_its_licence"),
]

WIDTHS = (300, 600)


def embeds() -> dict[str, str]:
    return {
        "embed-election": reverse("embeds:election", args=["us-president-2024"]),
        "embed-election-mates": reverse("embeds:election", args=["us-president-2024"])
        + "?running_mates=on",
        "embed-topic": reverse("embeds:topic", args=["russia-ukraine-war"]),
        "embed-position": reverse(
            "embeds:position", args=["donald-trump", "end-the-war-quickly-by-a-deal"]
        ),
    }


@contextmanager
def newsroom(frames: dict[str, str]):
    """Another site (another origin on this machine): a newsroom's article framing our pages,
    one iframe per (id, address). Yields its address."""
    html = "".join(
        f'<iframe id="{name}" src="{src}" title="{name}" width="100%" height="500"></iframe>'
        for name, src in frames.items()
    )
    body = f"<!doctype html><html lang='en'><title>News</title><h1>News</h1>{html}</html>"

    class Article(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Article)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/article"
    finally:
        server.shutdown()
        server.server_close()


def visit_newsroom(page, article, visit):
    page.goto(article)
    page.wait_for_load_state("load")
    for name in embeds():
        embed = page.frame_locator(f"#{name}")
        expect(embed.get_by_role("heading", level=1)).to_be_visible(timeout=20_000)
        expect(embed.get_by_role("link", name="on Stances")).to_be_visible()
    full_page = page.frame_locator("#full-topic-page")
    expect(full_page.get_by_role("heading", level=1)).to_have_count(0)
    screenshot(page, f"embeds-in-a-newsroom-{visit}")


def test_another_site_can_frame_the_embeds_and_no_other_page(demo_site, chromium, monkeypatch):
    from stances import page_cache
    from stances.embeds import views

    answered = []  # (path, status) of each embed the server answered, 304s included

    def conditional(request, **kwargs):
        response = get_conditional_response(request, **kwargs)
        answered.append((request.get_full_path(), response.status_code))
        return response

    # Whichever answers it: the view, or the page cache with the view's allowances kept.
    monkeypatch.setattr(views, "get_conditional_response", conditional)
    monkeypatch.setattr(page_cache, "get_conditional_response", conditional)
    frames = {name: demo_site.url + path for name, path in embeds().items()}
    frames["full-topic-page"] = demo_site.url + reverse("topic", args=["russia-ukraine-war"])
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    with newsroom(frames) as article:
        for visit in ("first", "again"):
            visit_newsroom(page, article, visit)
    # The second time, the browser asked whether each embed had changed, was told it had not
    # (a 304, with the same allowances), and still showed it.
    for path in embeds().values():
        assert answered.count((path, 200)) == 1, answered
        assert answered.count((path, 304)) == 1, answered
    context.close()


def test_the_embeds_fit_300_to_600_pixels_and_axe_finds_no_violation(demo_site, chromium):
    axe = Axe()
    failures = {}
    for width in WIDTHS:
        context = chromium.new_context(viewport={"width": width, "height": 700})
        page = context.new_page()
        for name, path in embeds().items():
            response = page.goto(demo_site.url + path)
            assert response.status == 200, name
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} at {width}px is {overflow}px too wide"
            # Compact and self-contained: no site header or navigation.
            expect(page.get_by_role("navigation")).to_have_count(0)
            results = axe.run(page, options=AXE_RULES)
            if results.violations_count:
                failures[f"{name} ({width}px)"] = violations_report(results)
            screenshot(page, f"{name}-{width}")
        context.close()

    assert not failures, report(failures)


def test_the_embed_code_and_the_reuse_page_pass_axe(demo_site, chromium):
    axe = Axe()
    failures = {}
    pages = {
        "election-embed-code": reverse("election", args=["us-president-2024"]),
        "topic-embed-code": reverse("topic", args=["russia-ukraine-war"]),
        "reuse": reverse("reuse"),
    }
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        context = chromium.new_context(viewport=viewport)
        page = context.new_page()
        for name, path in pages.items():
            assert page.goto(demo_site.url + path).status == 200, name
            if name != "reuse":
                page.get_by_text("Embed this on your site").click()
                expect(page.get_by_label("Embed code")).to_be_visible()
            results = axe.run(page, options=AXE_RULES)
            if results.violations_count:
                failures[f"{name} ({viewport['width']}px)"] = violations_report(results)
            screenshot(page, f"{name}-{viewport['width']}")
        context.close()

    assert not failures, report(failures)


def test_the_embed_code_can_be_copied_with_javascript_and_read_without_it(demo_site, chromium):
    url = demo_site.url + reverse("topic", args=["russia-ukraine-war"])
    embed = demo_site.url + reverse("embeds:topic", args=["russia-ukraine-war"])

    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url)
    page.get_by_text("Embed this on your site").click()
    page.get_by_role("button", name="Copy embed code").click()
    expect(page.get_by_role("status")).to_have_text("Embed code copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f'<iframe src="{embed}" title="Stances: who stands where on')
    assert 'loading="lazy"' in copied
    context.close()

    no_js = chromium.new_context(java_script_enabled=False)
    page = no_js.new_page()
    page.goto(url)
    page.get_by_text("Embed this on your site").click()
    expect(page.get_by_label("Embed code")).to_have_value(copied)
    expect(page.get_by_role("button", name="Copy embed code")).to_be_hidden()
    no_js.close()
