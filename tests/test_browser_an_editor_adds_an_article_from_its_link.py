"""In a real browser, as an editor works: sign in, paste the link of an article served on
loopback, review the filled-in form, save, and find Suggest quotes' findings waiting; axe finds
nothing wrong with the new page, with or without an error on it."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article, Outlet
from stances.models import QuoteSuggestion
from tests.browser import screenshot
from tests.factories import make_editor, make_outlet
from tests.test_browser_accessibility import AXE_RULES, violations_report
from tests.test_fetching_an_article_refuses_what_is_not_a_public_web_page import (
    html as answer,
)
from tests.test_fetching_an_article_refuses_what_is_not_a_public_web_page import loopback_site

pytestmark = [pytest.mark.browser]

PAGE_FILE = Path(__file__).parent / "pages" / "harbour_courier_talks.html"
PAGE = PAGE_FILE.read_text()


def sign_in(page, base_url):
    make_editor("mira")
    page.goto(base_url + reverse("admin:login"))
    page.get_by_label("Username").fill("mira")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    expect(
        page.get_by_role("link", name="Log out").or_(page.locator("#logout-form"))
    ).to_be_visible()


def test_an_editor_adds_an_article_from_its_link_and_its_quotes_are_suggested(
    demo_site, page, settings
):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    base_url = demo_site.url
    with loopback_site({"/world/talks": answer(PAGE)}) as (server, site):
        port = server.server_address[1]
        courier = make_outlet(name="The Harbour Courier", website=f"http://127.0.0.1:{port}/")
        sign_in(page, base_url)

        page.goto(base_url + reverse("admin:articles_article_changelist"))
        page.get_by_role("link", name="Add from a link or a saved HTML page").click()
        page.get_by_label("Link to the article").fill(site + "/world/talks")
        page.get_by_role("button", name="Read the page").click()

        # The usual add form, filled in; nothing saved yet.
        expect(page.get_by_label("Title")).to_have_value(
            "Candidates split over talks on the border war"
        )
        expect(page.get_by_label("Authors")).to_have_value("Mira Castell, Tomas Reyes")
        expect(page.locator("#id_body")).to_be_visible()
        expect(page.locator("#id_body")).to_contain_text("We will open talks")
        expect(page.get_by_text("matched by its site 127.0.0.1")).to_be_visible()
        assert not Article.objects.filter(title__startswith="Candidates split").exists()
        screenshot(page, "admin-article-from-a-link-prefilled")

        page.get_by_label("Summary").fill(
            "The two candidates set out opposing plans for talks on the border war."
        )
        page.get_by_role("button", name="Save", exact=True).click()
        # A click returns before the save's answer: wait for the next page before reading (the
        # save extracts the article's quotes first; a machine busy with other work may take
        # longer than Playwright's default ten seconds, which would say nothing of the page).
        page.wait_for_url("**/suggestions/", timeout=30_000)

    article = Article.objects.get(title="Candidates split over talks on the border war")
    assert article.outlet == courier
    expect(page).to_have_url(
        base_url + reverse("admin:articles_article_suggestions", args=[article.pk])
    )
    # Suggest quotes ran with the save (tasks run at once in tests): its findings are listed.
    assert QuoteSuggestion.objects.filter(article=article).count() >= 6
    expect(page.get_by_text("a gift to the aggressor").first).to_be_visible()
    expect(page.get_by_role("button", name="Accept as draft quote").first).to_be_visible()
    screenshot(page, "admin-article-from-a-link-suggestions")


def test_axe_finds_no_violation_on_the_import_page_blank_or_with_an_error(
    demo_site, page, settings
):
    sign_in(page, demo_site.url)
    page.goto(demo_site.url + reverse("admin:articles_article_import"))
    axe = Axe()
    blank = axe.run(page, options=AXE_RULES)
    screenshot(page, "admin-article-from-a-link")

    page.get_by_label("Link to the article").fill("http://127.0.0.1:1/")
    page.get_by_role("button", name="Read the page").click()
    expect(page.get_by_text("a loopback address (this server itself)")).to_be_visible()
    expect(page.get_by_label("Link to the article")).to_have_value("http://127.0.0.1:1/")
    with_error = axe.run(page, options=AXE_RULES)
    screenshot(page, "admin-article-from-a-link-refused")

    assert not blank.violations_count, violations_report(blank)
    assert not with_error.violations_count, violations_report(with_error)


def test_an_editor_uploads_a_saved_page_and_adds_its_outlet_from_the_filled_in_form(
    demo_site, page
):
    sign_in(page, demo_site.url)
    page.goto(demo_site.url + reverse("admin:articles_article_import"))
    page.get_by_label("Or a saved web page").set_input_files(PAGE_FILE)
    page.get_by_role("button", name="Read the page").click()

    expect(page.get_by_text("No outlet has the site harbourcourier.example")).to_be_visible()
    with page.expect_popup() as opened:
        page.locator("#add_id_outlet").click()
    popup = opened.value
    expect(popup.get_by_label("Name")).to_have_value("The Harbour Courier")
    expect(popup.get_by_label("Website")).to_have_value("https://harbourcourier.example/")
    with popup.expect_event("close"):
        popup.get_by_role("button", name="Save", exact=True).click()

    outlet = Outlet.objects.get(name="The Harbour Courier")
    expect(page.locator("#id_outlet")).to_have_value(str(outlet.pk))
    page.get_by_label("Summary").fill("Two candidates' opposing plans for talks.")
    page.get_by_role("button", name="Save and continue editing").click()
    page.wait_for_url("**/change/")

    article = Article.objects.get(title="Candidates split over talks on the border war")
    assert article.outlet == outlet
    assert (
        article.url
        == "https://www.harbourcourier.example/world/2026/10/candidates-split-over-talks"
    )
    # "Save and continue editing" stays on the article; its quotes were looked for all the same.
    expect(page).to_have_url(
        demo_site.url + reverse("admin:articles_article_change", args=[article.pk])
    )
    assert QuoteSuggestion.objects.filter(article=article).count() >= 6
    screenshot(page, "admin-article-from-a-saved-page-saved")
