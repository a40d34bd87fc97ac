"""In a real browser, the editors' core task on a fresh demo, counted: sign in, add a new article
from its link (a page served on loopback, its outlet added from the filled-in form), accept Suggest
quotes' findings, tag the six quotes and publish them, and find them in the public election grid.
With the mouse it takes at most 25 clicks; by keyboard alone (Tab, Enter, typing) it takes none.

Every click is counted twice: by wrapping Playwright's clicking methods, and in the browser, where
each real mouse press (a trusted mousedown) in any page or popup is recorded. Only the admin's
start page and, at the end, the public election page are opened by address."""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Locator, Mouse, Page, expect

from articles.models import Article, Outlet
from stances import demo
from stances.models import Quote, QuoteSuggestion
from tests.browser import screenshot
from tests.factories import make_editor
from tests.test_browser_the_tagging_queue_works_by_keyboard_alone import focus_is_visible, tab_to
from tests.test_fetching_an_article_refuses_what_is_not_a_public_web_page import (
    html as answer,
)
from tests.test_fetching_an_article_refuses_what_is_not_a_public_web_page import loopback_site

pytestmark = [pytest.mark.browser]

PAGE = (Path(__file__).parent / "pages" / "example_ledger_ukraine_plans.html").read_text()
TITLE = "Test article: the candidates' last word on Ukraine before polling day"
CLICK_BUDGET = 25
# Pages are long (the admin's sidebar, six quotes with their buttons): Tab may need many presses.
TABS = 400


@dataclass(frozen=True)
class Statement:
    """One of the page's six statements, as the editor means to tag it."""

    opening: str  # the quote's first words, unique in the page
    speaker: str
    stance: str  # the demo stance's slug
    alignment: str

    @property
    def statement(self) -> str:
        return next(
            statement
            for topic in demo.TOPICS
            for slug, statement in topic["stances"]
            if slug == self.stance
        )


TRUMP, HARRIS, VANCE = "Donald Trump", "Kamala Harris", "JD Vance"
SIX = [
    Statement("I will end the war quickly", TRUMP, "end-the-war-quickly-by-a-deal", "supports"),
    Statement("I will talk directly with Putin", TRUMP, "talk-directly-with-putin", "supports"),
    Statement(
        "We will keep sending military aid", HARRIS, "keep-military-aid-to-ukraine", "supports"
    ),
    Statement(
        "Ukraine will never be forced to cede", HARRIS, "cede-territory-for-peace", "opposes"
    ),
    Statement("Freeze the war on the front line", VANCE, "freeze-the-front-line", "supports"),
    Statement("Ukraine must have a say", VANCE, "give-ukraine-a-say", "supports"),
]


def statement_for(text: str) -> Statement | None:
    return next((s for s in SIX if text.startswith(s.opening)), None)


class Clicks:
    """Counts the clicks Playwright is asked for (every method that presses the mouse), and the
    mouse presses the pages saw, which must agree. The pages keep theirs in localStorage: every
    admin page and the outlet's popup share the site's origin, and it outlives a page's
    navigation and the popup's closing."""

    CLICKING = {
        Locator: ("click", "dblclick", "tap", "check", "uncheck", "set_checked", "select_option"),
        Page: ("click", "dblclick", "tap", "check", "uncheck", "set_checked", "select_option"),
        Mouse: ("click", "dblclick", "down"),
    }
    KEY = "core-task-mouse-presses"

    def __init__(self, monkeypatch, context):
        self.asked = []
        for cls, names in self.CLICKING.items():
            for name in names:
                monkeypatch.setattr(cls, name, self.counting(cls, name))
        # In every page and popup of the context, before its own scripts run. On the window, once:
        # a popup's first blank document runs this, and its window (not its document) is kept
        # for the page it then loads.
        context.add_init_script(
            "if (!window.countingPresses) window.addEventListener('mousedown', function (event) {"
            "  if (!event.isTrusted) return;"
            "  var el = event.target;"
            f"  var seen = JSON.parse(localStorage.getItem('{self.KEY}') || '[]');"
            "  var what = (el.innerText || el.value || el.id || el.tagName).trim().slice(0, 60);"
            "  seen.push(location.pathname + ': ' + what);"
            f"  localStorage.setItem('{self.KEY}', JSON.stringify(seen));"
            "}, true);"
            "window.countingPresses = true;"
        )

    def counting(self, cls, name):
        original = getattr(cls, name)
        clicks = self

        def counted(target, *args, **kwargs):
            clicks.asked.append(f"{cls.__name__}.{name} {target}")
            return original(target, *args, **kwargs)

        return counted

    def pressed(self, page) -> list[str]:
        """The mouse presses seen by the pages of this page's site."""
        return page.evaluate(f"JSON.parse(localStorage.getItem('{self.KEY}') || '[]')")

    def __len__(self):
        return len(self.asked)


@pytest.fixture
def clicks(monkeypatch, page):
    return Clicks(monkeypatch, page.context)


@pytest.fixture
def site(demo_site, settings):
    """The demo, an editor's account, and the article's page served on loopback."""
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    make_editor("mira")
    with loopback_site({"/politics/candidates-last-word": answer(PAGE)}) as (_server, address):
        yield {"base": demo_site.url, "article_link": address + "/politics/candidates-last-word"}


def press(page: Page, key: str = "Enter") -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def grid_cells(page: Page) -> dict[tuple[str, str], str]:
    """The text of each candidate's cell for the six statements' stances, as readers see it
    ("" where the grid has no row for the stance yet: nobody's position on it is known)."""
    cells = {}
    for s in SIX:
        cell = page.locator(f"tr:has(th#stance-{s.stance}) td[data-holder='{s.speaker}']")
        cells[(s.speaker, s.stance)] = cell.inner_text() if cell.count() else ""
    return cells


def own_statements(cell: str) -> int:
    found = re.search(r"(\d+) own statements?", cell)
    return int(found.group(1)) if found else 0


def the_election_page(page: Page, base: str) -> dict[tuple[str, str], str]:
    """The public election page with its running mates shown (Vance is one), asked for as a
    reader asks, by keyboard: these presses are no part of the editor's task."""
    page.goto(base + reverse("election", args=[demo.ELECTION["slug"]]))
    tab_to(page, "el.id === 'running-mates'", TABS)
    press(page, "Space")  # ticking it asks for the page again
    expect(page.locator("th", has_text="JD Vance")).to_be_visible()
    return grid_cells(page)


def all_six_are_published_and_shown(page: Page, before: dict, after: dict, name: str) -> None:
    screenshot(page, f"core-task-{name}-election-grid")
    article = Article.objects.get(title=TITLE)
    published = list(article.quotes.filter(status=Quote.Status.PUBLISHED).prefetch_related("tags"))
    openings = [getattr(statement_for(q.text), "opening", q.text) for q in published]
    assert sorted(openings) == sorted(s.opening for s in SIX)
    for quote in published:
        wanted = statement_for(quote.text)
        assert quote.speaker.name == wanted.speaker
        assert [(t.stance.slug, t.alignment) for t in quote.tags.all()] == [
            (wanted.stance, wanted.alignment)
        ]
    for s in SIX:
        cell = after[(s.speaker, s.stance)]
        assert own_statements(cell) == own_statements(before[(s.speaker, s.stance)]) + 1, (
            s,
            after,
        )
        assert s.opening in cell, cell


def picked_stance(item: Locator) -> str:
    """The stance a queue item's picker holds (the top suggestion when the page opens)."""
    return item.locator("select[name=stance]").evaluate(
        "select => select.selectedIndex < 0 ? '' : select.options[select.selectedIndex].text"
    )


def not_one_of_the_six(page: Page) -> Locator | None:
    """The first suggestion on the page that is none of the six statements, if any."""
    for row in page.locator("#suggestions tbody tr").all():
        if statement_for(row.locator("mark").inner_text()) is None:
            return row
    return None


def test_an_editor_publishes_a_new_articles_six_quotes_in_at_most_25_clicks(site, page, clicks):
    base = site["base"]
    before = the_election_page(page, base)
    assert not any(s.opening in cell for s in SIX for cell in before.values())

    # Signing in from the admin's start page.
    page.goto(base + reverse("admin:index"))
    page.get_by_label("Username").fill("mira")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    page.locator("#content-main").get_by_role("link", name="Articles", exact=True).last.click()

    # The article from its link; its outlet is new, added with the + beside Outlet.
    page.get_by_role("link", name="Add from a link or a saved HTML page").click()
    page.get_by_label("Link to the article").fill(site["article_link"])
    page.get_by_role("button", name="Read the page").click()
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    expect(page.get_by_text("No outlet has the site 127.0.0.1")).to_be_visible()
    with page.expect_popup() as opened:
        page.locator("#add_id_outlet").click()
    popup = opened.value
    expect(popup.get_by_label("Name")).to_have_value("The Example Ledger")
    with popup.expect_event("close"):
        popup.get_by_role("button", name="Save", exact=True).click()
    outlet = Outlet.objects.get(name="The Example Ledger")
    expect(page.locator("#id_outlet")).to_have_value(str(outlet.pk))
    page.get_by_label("Summary").fill(
        "In their last rallies before the vote, the candidates set out their plans for Ukraine."
    )
    screenshot(page, "core-task-mouse-article-filled-in")
    page.get_by_role("button", name="Save", exact=True).click()

    # Suggest quotes ran with the save: what is not one of the six is rejected (the extractor
    # reads "... Trump said later in the same speech." as a paraphrase "later in the same
    # speech"), the rest accepted at once.
    page.wait_for_url("**/suggestions/")
    screenshot(page, "core-task-mouse-suggestions")
    while (row := not_one_of_the_six(page)) is not None:
        with page.expect_navigation():
            row.get_by_role("button", name="Reject").click()
    page.get_by_role("button", name=re.compile(r"^Accept all 6 with a matched speaker")).click()
    expect(page.get_by_text("Accepted 6 suggestions")).to_be_visible()

    # To the article's quotes in the tagging queue.
    page.get_by_role("link", name="tag and publish its quotes").click()
    screenshot(page, "core-task-mouse-tagging-queue")
    for _ in SIX:
        item = page.locator("li.queue-item").first
        wanted = statement_for(item.locator(".quote-text").inner_text())
        assert wanted is not None
        if not picked_stance(item).startswith(wanted.statement):
            # The suggestion was not the stance: pick it from the autocomplete.
            item.get_by_role("combobox").click()
            page.keyboard.type(wanted.statement)
            page.locator(
                ".select2-results__option--highlighted", has_text=wanted.statement
            ).wait_for()
            page.keyboard.press("Enter")
        with page.expect_navigation():
            item.get_by_role("button", name=f"{wanted.alignment.capitalize()} and publish").click()
        expect(page.locator(".messagelist")).to_contain_text("Published 1 quote.")
    screenshot(page, "core-task-mouse-queue-done")

    mouse_clicks, pressed = len(clicks), clicks.pressed(page)
    assert len(pressed) == mouse_clicks, "\n".join([*clicks.asked, "", *pressed])
    all_six_are_published_and_shown(page, before, the_election_page(page, base), "mouse")
    print(f"\nCore task with the mouse: {mouse_clicks} clicks:\n  " + "\n  ".join(clicks.asked))
    assert mouse_clicks <= CLICK_BUDGET, clicks.asked
    assert QuoteSuggestion.objects.filter(article__title=TITLE).pending().count() == 0


def test_the_same_task_by_keyboard_alone_takes_no_click(site, page, clicks):
    base = site["base"]
    before = the_election_page(page, base)

    page.goto(base + reverse("admin:index"))
    page.get_by_label("Username").focus()  # where the login page puts the cursor
    page.keyboard.type("mira")
    page.keyboard.press("Tab")
    page.keyboard.type("correct-horse-battery")
    press(page)
    tab_to(page, "el.tagName === 'A' && el.pathname.endsWith('/articles/article/')", TABS)
    press(page)
    tab_to(page, "el.textContent.includes('Add from a link')", TABS)
    assert focus_is_visible(page)
    press(page)

    tab_to(page, "el.id === 'id_url'", TABS)
    page.keyboard.type(site["article_link"])
    press(page)  # Enter in the field reads the page
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    tab_to(page, "el.id === 'add_id_outlet'", TABS)
    with page.expect_popup() as opened:
        page.keyboard.press("Enter")
    popup = opened.value
    expect(popup.get_by_label("Name")).to_have_value("The Example Ledger")
    tab_to(popup, "el.name === '_save'", TABS)
    with popup.expect_event("close"):
        popup.keyboard.press("Enter")
    outlet = Outlet.objects.get(name="The Example Ledger")
    expect(page.locator("#id_outlet")).to_have_value(str(outlet.pk))
    tab_to(page, "el.id === 'id_summary'", TABS)
    page.keyboard.type("The candidates' plans for Ukraine, from their last rallies.")
    tab_to(page, "el.name === '_save'", TABS)
    press(page)

    page.wait_for_url("**/suggestions/")
    while (row := not_one_of_the_six(page)) is not None:
        described = row.locator("mark").get_attribute("id")
        tab_to(
            page,
            f"el.textContent.trim() === 'Reject' "
            f"&& el.getAttribute('aria-describedby') === '{described}'",
            TABS,
        )
        press(page)
    tab_to(page, "el.textContent.startsWith('Accept all 6')", TABS)
    assert focus_is_visible(page)
    press(page)
    expect(page.get_by_text("Accepted 6 suggestions")).to_be_visible()
    tab_to(page, "el.textContent.trim() === 'tag and publish its quotes'", TABS)
    press(page)

    for _ in SIX:
        item = page.locator("li.queue-item").first
        wanted = statement_for(item.locator(".quote-text").inner_text())
        quote_id = item.get_attribute("id").removeprefix("quote-")
        if not picked_stance(item).startswith(wanted.statement):
            tab_to(
                page,
                "(el.getAttribute('aria-labelledby') || '')"
                f".endsWith('select2-stance-{quote_id}-container')",
                TABS,
            )
            page.keyboard.press("Enter")
            page.keyboard.type(wanted.statement)
            page.locator(
                ".select2-results__option--highlighted", has_text=wanted.statement
            ).wait_for()
            page.keyboard.press("Enter")
        tab_to(
            page,
            f"el.name === 'tag_and_publish' && el.value === '{wanted.alignment}' "
            f"&& el.form.action.endsWith('/{quote_id}/tag/')",
            TABS,
        )
        assert focus_is_visible(page)
        press(page)
        expect(page.locator(".messagelist")).to_contain_text("Published 1 quote.")
    screenshot(page, "core-task-keyboard-queue-done")

    assert clicks.asked == []
    assert clicks.pressed(page) == []
    all_six_are_published_and_shown(page, before, the_election_page(page, base), "keyboard")
