"""In a real browser at phone size (390x844) and on a laptop: the quote browser's filters fold
behind "Filters (n active)", every touch target is at least 24 px (WCAG 2.2, 2.5.8) and primary
controls 44 px, the speaker timeline's labels are 12 px or more with no marks on top of each
other, and the unknown-date note is said once; on the seed demo and on synthetic data."""

import io
import itertools

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.urls import reverse
from playwright.sync_api import expect

from stances import timeline
from stances.models import Quote, Speaker
from tests.browser import PHONE, screenshot

pytestmark = [pytest.mark.browser]

LAPTOP = {"width": 1366, "height": 900}
SIX = "&".join(
    f"speakers={slug}"
    for slug in (
        "donald-trump",
        "kamala-harris",
        "jd-vance",
        "volodymyr-zelensky",
        "dmitry-peskov",
        "vladimir-putin",
    )
)

# WCAG 2.2's target size (minimum), as issue 11 asks it: every target is 24 px each way, except a
# link inside a sentence. (WCAG also lets a smaller target pass when spaced 24 px from the next:
# 13 px checkboxes in a list would, and they are what readers missed on phones.) Primary
# controls, buttons and disclosure summaries, are 44 px tall.
MEASURE_TARGETS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  // checkVisibility: a folded disclosure's content still has boxes, but cannot be touched.
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({visibilityProperty: true})
      && !el.closest('[aria-hidden="true"]');
  };
  const targets = [...document.querySelectorAll(selector)].filter(visible);
  const words = (node) => node.textContent.replace(/\\s+/g, ' ').trim();
  const inSentence = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const block = el.parentElement.closest('p, li, dd, dt, td, th, figcaption, blockquote, div');
    return block !== null && words(block).length > words(el).length + 2;
  };
  const name = (el) =>
    `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${words(el).slice(0, 40)}"`;
  // A radio button or checkbox inside its label is hit anywhere on the label.
  const area = (el) => (el.matches('input') && el.closest('label')) || el;
  const small = targets.filter((el) => {
    const r = area(el).getBoundingClientRect();
    return (r.width < 23.5 || r.height < 23.5) && !inSentence(el);
  }).map((el) => {
    const r = area(el).getBoundingClientRect();
    return `${name(el)} ${Math.round(r.width)}x${Math.round(r.height)}`;
  });
  const primary = targets.filter((el) => el.matches('button, summary'))
    .filter((el) => el.getBoundingClientRect().height < 43.5)
    .map((el) => `${name(el)} ${Math.round(el.getBoundingClientRect().height)}px tall`);
  return {count: targets.length, small, primary};
}"""


def check_targets(page, name: str) -> list[str]:
    found = page.evaluate(MEASURE_TARGETS)
    assert found["count"] > 5, f"{name}: too few targets measured"
    return [f"{name}: {problem}" for problem in found["small"] + found["primary"]]


def phone_context(chromium, **options):
    return chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True, **options)


# The quote browser's filters -----------------------------------------------------------------


def test_the_filters_fold_behind_their_active_count_on_a_phone(demo_site, chromium):
    # Without JavaScript: the disclosure is plain HTML.
    context = phone_context(chromium, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(demo_site.url + reverse("quotes") + "?kind=direct&topic=russia-ukraine-war")
        summary = page.locator("details.more-filters > summary")
        expect(summary).to_have_text("Filters (2 active)")
        assert box(summary)["height"] >= 44
        speaker = page.get_by_label("Speaker", exact=True)
        expect(speaker).to_be_hidden()
        expect(page.get_by_label("Search words")).to_be_visible()  # searching stays at hand
        # The first quote is on the first screen, not after a thousand pixels of filters.
        assert box(page.locator(".quote-card").first)["y"] < PHONE["height"]
        screenshot(page, "quote-browser-filters-folded-phone")

        summary.click()
        expect(speaker).to_be_visible()
        speaker.select_option("dmitry-peskov")
        page.get_by_role("button", name="Apply filters").click()
        expect(page.locator("details.more-filters > summary")).to_have_text("Filters (3 active)")
        screenshot(page, "quote-browser-filters-three-active-phone")
    finally:
        context.close()


def test_the_filters_stay_unfolded_beside_the_quotes_on_a_laptop(demo_site, page):
    page.set_viewport_size(LAPTOP)
    page.goto(demo_site.url + reverse("quotes") + "?kind=direct")
    expect(page.get_by_label("Speaker", exact=True)).to_be_visible()
    expect(page.get_by_label("Kind of quote")).to_have_value("direct")
    expect(page.locator("details.more-filters > summary")).to_be_hidden()
    screenshot(page, "quote-browser-filters-laptop")


def test_filters_that_cannot_be_used_open_the_disclosure(demo_site, chromium):
    context = phone_context(chromium)
    page = context.new_page()
    try:
        response = page.goto(demo_site.url + reverse("quotes") + "?said_after=2024-13-01")
        assert response.status == 400
        expect(page.locator("details.more-filters")).to_have_attribute("open", "")
        expect(page.locator("details.more-filters > summary")).to_have_text("Filters (1 active)")
        expect(page.get_by_label("From date")).to_be_visible()
    finally:
        context.close()


# Touch targets -------------------------------------------------------------------------------


def demo_pages() -> dict[str, str]:
    quote = Quote.objects.published().filter(kind=Quote.Kind.DIRECT).first()
    return {
        "home": reverse("home"),
        "compare-form": reverse("compare"),
        "compare-six": f"{reverse('compare')}?{SIX}",
        "quotes": reverse("quotes"),
        "quotes-filtered": reverse("quotes") + "?speaker=dmitry-peskov&kind=direct",
        "speaker": reverse("speaker", args=["donald-trump"]),
        "quote": quote.get_absolute_url(),
        "topics": reverse("topics"),
        "speakers": reverse("speakers"),
        "articles": reverse("articles"),
        "article": quote.article.get_absolute_url(),
        "election": reverse("election", args=["us-president-2024"]),
        "topic": reverse("topic", args=["russia-ukraine-war"]),
        "match": reverse("match"),
    }


def test_touch_targets_are_big_enough_on_the_demo(demo_site, chromium):
    problems = []
    for size, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
        context = chromium.new_context(viewport=viewport, has_touch=size == "phone")
        page = context.new_page()
        for name, path in demo_pages().items():
            assert page.goto(demo_site.url + path).status == 200, name
            if name == "quotes-filtered" and size == "phone":
                page.locator("details.more-filters > summary").click()
            problems += check_targets(page, f"{name} ({size})")
        context.close()

    assert not problems, "\n".join(problems)


def test_checkboxes_are_24_px_with_their_labels_beside_them(demo_site, chromium):
    context = phone_context(chromium)
    page = context.new_page()
    try:
        page.goto(demo_site.url + reverse("compare"))
        box_ = box(page.get_by_label("Kamala Harris"))
        assert box_["width"] >= 24
        assert box_["height"] >= 24
        page.get_by_label("Kamala Harris").check()  # a tap on the box ticks it
        expect(page.get_by_label("Kamala Harris")).to_be_checked()
        screenshot(page, "compare-form-phone")
    finally:
        context.close()


# The speaker timeline ------------------------------------------------------------------------

TIMELINE_GEOMETRY = """() => {
  const labels = [...document.querySelectorAll('.timeline .tick-label')]
    .filter((t) => getComputedStyle(t).display !== 'none')
    .map((t) => t.getBoundingClientRect());
  const sizes = [...document.querySelectorAll('.timeline .tick-label')]
    .filter((t) => getComputedStyle(t).display !== 'none')
    .map((t) => parseFloat(getComputedStyle(t).fontSize));
  const marks = [...document.querySelectorAll('.timeline .mark, .timeline .bar')]
    .map((m) => m.getBoundingClientRect());
  return {labels: labels.map((r) => [r.left, r.right, r.height]), sizes,
          marks: marks.map((r) => [r.left, r.top, r.right, r.bottom])};
}"""


def check_timeline(page, name: str):
    found = page.evaluate(TIMELINE_GEOMETRY)
    assert found["sizes"], f"{name}: no tick labels shown"
    assert min(found["sizes"]) >= 12, f"{name}: labels of {found['sizes']} px"
    assert min(height for _, _, height in found["labels"]) >= 12
    lefts = sorted(found["labels"])
    for (_, right, _), (left, _, _) in itertools.pairwise(lefts):
        assert left >= right, f"{name}: tick labels overlap"
    for label_left, label_right, _ in found["labels"]:
        assert label_left >= -0.5, f"{name}: label cut off"
        assert label_right <= PHONE["width"], f"{name}: label cut off"
    marks = found["marks"]
    for i, (left, top, right, bottom) in enumerate(marks):
        for other in marks[i + 1 :]:
            overlap_x = min(right, other[2]) - max(left, other[0])
            overlap_y = min(bottom, other[3]) - max(top, other[1])
            assert overlap_x <= 1 or overlap_y <= 1, f"{name}: two marks overlap"


def test_the_timeline_is_legible_on_a_phone_and_says_the_date_note_once(demo_site, chromium):
    context = phone_context(chromium)
    page = context.new_page()
    try:
        page.goto(demo_site.url + reverse("speaker", args=["donald-trump"]))
        check_timeline(page, "demo")
        page.locator(".timeline").first.scroll_into_view_if_needed()
        screenshot(page, "speaker-timeline-phone")

        listing = page.locator("ol.timeline-list")
        reported = listing.locator("li", has=page.locator(".note-ref"))
        assert reported.count() >= 2, "the demo's quotes mostly have no known date"
        expect(listing).not_to_contain_text("not known")
        notes = page.locator(".footnote")
        expect(notes).to_have_count(1)
        expect(notes).to_have_text("* Date reported: when it was said is not known.")
        # A screen reader hears a short "(date reported)" where the eye sees the asterisk.
        expect(reported.first).to_contain_text("(date reported)")
    finally:
        context.close()


# Synthetic data ------------------------------------------------------------------------------


@pytest.fixture
def synthetic_site(transactional_db, live_server):
    call_command("seedsynthetic", "--quotes", "400", "--seed", "5", stdout=io.StringIO())
    return live_server


def test_on_synthetic_data_targets_filters_and_timelines_hold_on_a_phone(
    synthetic_site, chromium, monkeypatch
):
    said = Count("quotes", filter=Q(quotes__status="published"))
    speakers = Speaker.objects.annotate(said=said).order_by("-said")
    busiest = speakers.first()
    marked = speakers.filter(said__gte=8, said__lte=timeline.MAX_MARKS).exclude(pk=busiest.pk)
    marked = marked.first()
    assert marked is not None
    context = phone_context(chromium)
    page = context.new_page()
    problems = []
    try:
        page.goto(synthetic_site.url + marked.get_absolute_url())
        assert page.locator(".timeline .mark").count() >= 8
        check_timeline(page, marked.slug)
        problems += check_targets(page, marked.slug)
        page.locator(".timeline").first.scroll_into_view_if_needed()
        screenshot(page, "synthetic-timeline-marks-phone")

        # A speaker with more quotes than marks can show: bars counting each month.
        monkeypatch.setattr(timeline, "MAX_MARKS", 5)
        page.goto(synthetic_site.url + busiest.get_absolute_url())
        assert page.locator(".timeline .bar").count() >= 2
        check_timeline(page, busiest.slug)
        problems += check_targets(page, busiest.slug)
        page.locator(".timeline").first.scroll_into_view_if_needed()
        screenshot(page, "synthetic-timeline-months-phone")

        page.goto(f"{synthetic_site.url}{reverse('quotes')}?speaker={busiest.slug}&kind=direct")
        expect(page.locator("details.more-filters > summary")).to_have_text("Filters (2 active)")
        assert box(page.locator(".quote-card").first)["y"] < PHONE["height"]
        problems += check_targets(page, "quotes")
        screenshot(page, "synthetic-quote-browser-phone")
    finally:
        context.close()

    assert not problems, "\n".join(problems)


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, "not rendered"
    return found
