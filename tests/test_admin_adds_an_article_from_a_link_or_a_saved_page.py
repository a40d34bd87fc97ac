"""An editor pastes an article's link or uploads a saved page; the usual add form opens filled in
(title, date, byline, language, outlet by its domain, full text), nothing is saved before Save,
and Suggest quotes follows the save. Bad input gets a clear message and keeps the form."""

import datetime
import html
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.importing import outlet_for_domain, site_domain
from articles.models import Article
from stances.models import QuoteSuggestion
from tests.admin_forms import page_values
from tests.factories import make_article, make_outlet
from tests.test_fetching_an_article_refuses_what_is_not_a_public_web_page import (
    html as answer,
)
from tests.test_fetching_an_article_refuses_what_is_not_a_public_web_page import loopback_site

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:articles_article_import")
ADD = reverse("admin:articles_article_add")
ARTICLES = reverse("admin:articles_article_changelist")
PAGE = (Path(__file__).parent / "pages" / "harbour_courier_talks.html").read_text()
CANONICAL = "https://www.harbourcourier.example/world/2026/10/candidates-split-over-talks"


@pytest.fixture
def private_allowed(settings):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True


def upload(name="talks.html", content=PAGE, content_type="text/html"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type=content_type)


def prefilled(client, response):
    """The add form the import redirected to, and its form's values."""
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == ADD
    assert parse_qs(target.query)["imported"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    return page, page.context["adminform"].form.initial


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# Where to start ---------------------------------------------------------------------------


def test_the_articles_list_offers_adding_from_a_link_or_a_saved_page(editor_client):
    response = editor_client.get(ARTICLES)
    assert f'href="{IMPORT}"' in response.text
    assert "Add from a link or a saved HTML page" in response.text


def test_the_import_page_asks_for_a_link_or_a_file(editor_client):
    response = editor_client.get(IMPORT)
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.text
    assert 'name="url"' in response.text
    assert 'name="page"' in response.text


def test_people_who_may_not_add_articles_cannot_use_the_import_page(client, outsider):
    assert client.get(IMPORT).status_code == 302  # to sign in
    client.force_login(outsider)
    assert client.get(IMPORT).status_code in {302, 403}
    assert client.post(IMPORT, {"url": "http://127.0.0.1/"}).status_code in {302, 403}


# The happy paths --------------------------------------------------------------------------


def test_a_link_fills_in_the_add_form_and_saves_nothing(editor_client, private_allowed):
    with loopback_site({"/story": answer(PAGE)}) as (_, base):
        response = editor_client.post(IMPORT, {"url": base + "/story"})
    page, initial = prefilled(editor_client, response)

    assert initial["title"] == "Candidates split over talks on the border war"
    assert initial["published_on"] == "2026-10-14"
    assert initial["authors"] == "Mira Castell, Tomas Reyes"
    assert initial["language"] == "en-GB"
    assert initial["url"] == base + "/story"
    assert initial["retrieved_on"] == datetime.date.today().isoformat()
    assert initial["body"].startswith("The two leading candidates for president")
    assert '"We will open talks with both governments' in initial["body"]
    assert "Subscribe to our newsletter" not in initial["body"]
    assert "summary" not in initial  # the editor's own words
    assert "Candidates split over talks on the border war" in page.text
    assert any("nothing is saved until you press Save" in m for m in messages_of(page))
    assert not Article.objects.exists()


def test_an_uploaded_page_fills_in_the_form_with_its_own_link(editor_client):
    response = editor_client.post(IMPORT, {"page": upload()})
    _, initial = prefilled(editor_client, response)

    assert initial["title"] == "Candidates split over talks on the border war"
    assert initial["url"] == CANONICAL
    assert "Unnamed advisers to Whitcombe" in initial["body"]
    assert not Article.objects.exists()


def test_an_uploaded_page_naming_a_bytes_codec_as_its_charset_is_read_as_utf_8(editor_client):
    page = PAGE.replace("<head>", '<head><meta charset="base64">', 1)
    assert page != PAGE
    response = editor_client.post(IMPORT, {"page": upload(content=page)})
    _, initial = prefilled(editor_client, response)

    assert initial["title"] == "Candidates split over talks on the border war"


def test_the_outlet_is_matched_by_its_sites_domain(editor_client):
    courier = make_outlet(name="The Harbour Courier", website="https://harbourcourier.example/")
    make_outlet(name="Harbour Times", website="https://harbourtimes.example/")

    page, initial = prefilled(editor_client, editor_client.post(IMPORT, {"page": upload()}))

    assert initial["outlet"] == courier.pk
    assert "Outlet: The Harbour Courier, matched by its site harbourcourier.example." in (
        messages_of(page)
    )


@pytest.mark.parametrize(
    ("website", "domain", "matches"),
    [
        ("https://www.ft.com/", "ft.com", True),
        ("https://ft.com", "ft.com", True),
        ("https://cnn.com/", "edition.cnn.com", True),
        ("https://www.ft.com/", "notft.com", False),
        ("https://ft.com.example/", "ft.com", False),
        ("https://bbc.co.uk/", "news.bbc.co.uk", True),
        ("https://other.co.uk/", "news.bbc.co.uk", False),
    ],
)
def test_outlets_match_their_own_domain_and_its_subdomains_only(website, domain, matches):
    outlet = make_outlet(website=website)
    assert (outlet_for_domain(domain) == outlet) is matches


def test_the_most_specific_outlet_site_wins():
    make_outlet(name="BBC", website="https://www.bbc.co.uk/")
    news = make_outlet(name="BBC News", website="https://news.bbc.co.uk/")
    assert outlet_for_domain(site_domain("https://news.bbc.co.uk/world/1")) == news


def test_without_a_matching_outlet_the_domain_is_offered_for_a_new_one(editor_client):
    page, initial = prefilled(editor_client, editor_client.post(IMPORT, {"page": upload()}))

    assert "outlet" not in initial
    assert any(
        "No outlet has the site harbourcourier.example (the page calls itself “The Harbour "
        "Courier”)" in m
        for m in messages_of(page)
    )
    # The "+" beside Outlet opens the outlet form with the name and the site filled in.
    assert (
        html.escape(
            "&name=The+Harbour+Courier&slug=the-harbour-courier"
            "&website=https%3A%2F%2Fharbourcourier.example%2F"
        )
        in page.text
    )


def test_saving_the_prefilled_form_adds_the_article_and_suggests_its_quotes(
    editor_client, django_capture_on_commit_callbacks
):
    courier = make_outlet(name="The Harbour Courier", website="https://harbourcourier.example/")
    response = editor_client.post(IMPORT, {"page": upload()})
    add_url = response["Location"]
    data = page_values(editor_client.get(add_url))
    data["summary"] = "The two candidates set out opposing plans for talks on the border war."

    with django_capture_on_commit_callbacks(execute=True):
        saved = editor_client.post(add_url, data)

    article = Article.objects.get()
    assert article.outlet == courier
    assert article.url == CANONICAL
    assert article.published_on == datetime.date(2026, 10, 14)
    assert article.body.startswith("The two leading candidates")
    assert saved.status_code == 302
    assert saved["Location"] == reverse("admin:articles_article_suggestions", args=[article.pk])
    # The look for quotes is queued with the save (tasks run at once in tests).
    assert QuoteSuggestion.objects.filter(article=article).count() >= 6
    follow = editor_client.get(saved["Location"])
    assert any("the extractor will look for quotes" in m for m in messages_of(follow))
    assert "Whitcombe" in follow.text
    # The page read is no longer held: reopening the address starts afresh.
    again = editor_client.get(add_url)
    assert any("no longer held" in m for m in messages_of(again))


@pytest.mark.parametrize(("button", "next_page"), [("_continue", "change"), ("_addanother", "add")])
def test_saving_and_staying_still_suggests_quotes_and_leaves_the_page_read_behind(
    editor_client, django_capture_on_commit_callbacks, button, next_page
):
    response = editor_client.post(IMPORT, {"page": upload()})
    data = page_values(editor_client.get(response["Location"]))
    data.update({"summary": "Two plans.", button: "1"})

    with django_capture_on_commit_callbacks(execute=True):
        saved = editor_client.post(response["Location"], data)

    article = Article.objects.get()
    url = reverse(f"admin:articles_article_{next_page}", args=[article.pk][: next_page == "change"])
    assert saved["Location"] == url
    assert QuoteSuggestion.objects.filter(article=article).count() >= 6
    follow = editor_client.get(saved["Location"])
    assert not any("no longer held" in m for m in messages_of(follow))


def test_a_long_language_tag_keeps_what_the_field_holds(editor_client):
    page = PAGE.replace('lang="en-GB"', 'lang="en-GB-oxendict"')
    _, initial = prefilled(
        editor_client, editor_client.post(IMPORT, {"page": upload(content=page)})
    )
    assert initial["language"] == "en-GB"


def test_saving_an_ordinary_new_article_does_not_start_suggesting(editor_client):
    data = page_values(editor_client.get(ADD))
    data.update(
        title="Typed in by hand",
        published_on="2024-10-01",
        summary="Typed.",
        body='"We will open talks," Senator Alma Ferreira said.',
    )
    response = editor_client.post(ADD, data)
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == ARTICLES
    assert not QuoteSuggestion.objects.filter(article=article).exists()


def test_a_link_already_recorded_is_pointed_out_and_refused_on_save(editor_client):
    existing = make_article(url=CANONICAL, title="Recorded earlier")
    response = editor_client.post(IMPORT, {"page": upload()})
    page, _ = prefilled(editor_client, response)
    assert any("already recorded" in m and "Recorded earlier" in m for m in messages_of(page))

    data = page_values(page)
    data["summary"] = "Again."
    refused = editor_client.post(response["Location"], data)
    assert refused.status_code == 200
    assert "Another article already has this URL." in refused.text
    assert list(Article.objects.all()) == [existing]


# Bad input keeps the form -----------------------------------------------------------------


def test_a_refused_link_keeps_the_link_typed_and_says_why(editor_client):
    response = editor_client.post(IMPORT, {"url": "http://127.0.0.1:8000/admin/"})
    assert response.status_code == 200
    assert "a loopback address (this server itself)" in response.text
    assert 'value="http://127.0.0.1:8000/admin/"' in response.text
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("ftp://example.org/a.html", "Only http and https links can be fetched"),
        ("not a link", "Only http and https links can be fetched"),
        ("https://no-such-host.invalid/x", "could not be found"),
    ],
)
def test_bad_links_get_a_clear_message_on_the_same_form(editor_client, url, said):
    response = editor_client.post(IMPORT, {"url": url})
    assert response.status_code == 200
    assert html.escape(said) in response.text
    assert f'value="{html.escape(url)}"' in response.text


@pytest.mark.parametrize(
    ("route", "said"),
    [
        (answer("%PDF-1.7", "application/pdf"), "not a web page (HTML)"),
        (answer("<p>" + "x" * 5000 + "</p>"), "larger than 2 KB"),
        (answer("<html><body><nav>Home</nav></body></html>"), "No article text was found"),
        (answer("gone", status=410), "answered “410 Gone”"),
    ],
)
def test_pages_that_cannot_be_used_get_a_clear_message(
    editor_client, settings, private_allowed, route, said
):
    settings.FETCH_MAX_BYTES = 2048
    with loopback_site({"/p": route}) as (_, base):
        response = editor_client.post(IMPORT, {"url": base + "/p"})
    assert response.status_code == 200
    assert html.escape(said) in response.text
    assert f'value="{base}/p"' in response.text


def test_an_unreachable_site_gets_a_clear_message(editor_client, private_allowed):
    response = editor_client.post(IMPORT, {"url": "http://127.0.0.1:9/"})
    assert response.status_code == 200
    assert "refused the connection" in response.text


@pytest.mark.parametrize(
    ("file", "said"),
    [
        (upload("notes.pdf", b"%PDF-1.7 binary", "application/pdf"), "is not a web page"),
        (upload("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "text/html"), "binary data"),
        (upload("plain.html", "Just some words.", "text/html"), "holds no HTML"),
        (upload("empty.html", "<html><body></body></html>"), "No article text was found"),
    ],
)
def test_an_upload_that_is_not_an_article_page_gets_a_clear_message(editor_client, file, said):
    response = editor_client.post(IMPORT, {"page": file})
    assert response.status_code == 200
    assert html.escape(said) in response.text
    assert not Article.objects.exists()


def test_an_upload_larger_than_the_limit_is_refused(editor_client, settings):
    settings.FETCH_MAX_BYTES = 1024
    response = editor_client.post(IMPORT, {"page": upload()})
    assert response.status_code == 200
    assert "The file is larger than 1 KB" in response.text


def test_a_link_and_a_file_together_or_neither_are_refused(editor_client):
    both = editor_client.post(IMPORT, {"url": "https://example.org/a", "page": upload()})
    assert "Give a link or a file, not both." in both.text
    assert 'value="https://example.org/a"' in both.text
    neither = editor_client.post(IMPORT, {"url": "  "})
    assert "Paste the article&#x27;s link or choose a saved page." in neither.text


def test_an_add_form_whose_page_is_no_longer_held_opens_empty_with_a_warning(editor_client):
    response = editor_client.get(f"{ADD}?imported=not-a-key")
    assert response.status_code == 200
    assert any("no longer held" in m for m in messages_of(response))
    assert "title" not in response.context["adminform"].form.initial


# The full text is in plain view -----------------------------------------------------------


def test_the_article_form_shows_the_full_text_open_with_what_it_is_for(editor_client):
    response = editor_client.get(ADD)
    fieldsets = dict(response.context["adminform"].fieldsets)
    assert fieldsets["Full text"]["fields"] == ["body"]
    assert "collapse" not in fieldsets["Full text"].get("classes", [])
    # Straight after the essentials, before "Where to find it".
    assert list(fieldsets).index("Full text") == 1
    assert "<details" not in response.text.split('id="id_body"')[0].rsplit("<fieldset", 1)[1]
    assert "Suggest quotes reads it" in response.text
    assert 'rows="18"' in response.text
