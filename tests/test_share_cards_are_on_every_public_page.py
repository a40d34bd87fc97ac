"""Link previews: every public page carries OpenGraph and Twitter card tags with absolute
addresses; a quote page previews the quote with its own image, a speaker page the speaker."""

from datetime import date

import pytest
from django.template import loader
from django.urls import reverse

from stances.models import Quote
from tests.archive import build_archive
from tests.factories import make_article, make_quote, make_speaker
from tests.test_json_ld_describes_quotes_and_speakers_safely import HOSTILE, Head
from tests.test_query_strings_never_cause_a_server_error import public_urls

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
CARD_TAGS = [
    "og:site_name",
    "og:type",
    "og:title",
    "og:description",
    "og:url",
    "og:image",
    "og:image:alt",
    "twitter:card",
    "twitter:title",
    "twitter:description",
    "twitter:image",
    "twitter:image:alt",
]


def card(client, url) -> Head:
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.text)


def test_every_public_page_has_a_complete_card_with_absolute_addresses(client):
    archive = build_archive(10)
    for url in public_urls(archive):
        page = card(client, url)
        meta = page.meta

        missing = [tag for tag in CARD_TAGS if not (meta.get(tag) or "").strip()]
        assert not missing, f"{url} lacks {missing}"
        assert meta["og:site_name"] == "Stances"
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["og:url"] == f"{SITE}{url}", url
        assert meta["og:image"].startswith(f"{SITE}/"), url
        assert meta["twitter:image"] == meta["og:image"]
        # The preview's title is the page's own, without the site's suffix.
        assert page.title.strip() == f"{meta['og:title']} · Stances", url
        assert meta["twitter:title"] == meta["og:title"]
        assert meta["description"] == meta["og:description"] == meta["twitter:description"]


def test_the_card_address_leaves_out_the_query_string(client):
    build_archive(10)
    meta = card(client, reverse("quotes") + "?page=2&utm_source=x").meta

    assert meta["og:url"] == f"{SITE}{reverse('quotes')}"


def test_every_page_without_its_own_image_shows_the_sites_card(client):
    archive = build_archive(10)
    for url in (reverse("home"), reverse("topics"), archive.candidates[0].get_absolute_url()):
        meta = card(client, url).meta
        assert meta["og:image"] == f"{SITE}{reverse('sharing:site_image')}", url
        assert meta["og:type"] in ("website", "profile")

    image = client.get(reverse("sharing:site_image"))
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"


def test_a_quote_page_previews_the_quote_with_its_own_image(client):
    quote = make_quote(text="We will make a deal within 24 hours")
    meta = card(client, quote.get_absolute_url()).meta

    assert meta["og:type"] == "article"
    assert meta["og:url"] == f"{SITE}{quote.get_absolute_url()}"
    assert meta["og:image"] == f"{SITE}{reverse('sharing:quote_image', args=[quote.pk])}"
    assert "We will make a deal within 24 hours" in meta["og:title"]
    assert quote.speaker.name in meta["og:title"]
    assert meta["og:description"].startswith("Direct quote")
    assert quote.article.title in meta["og:description"]
    assert meta["og:image:alt"] == f"{quote.speaker.name}: We will make a deal within 24 hours"
    assert client.get(meta["og:image"].removeprefix(SITE)).status_code == 200


def test_an_unnamed_sources_card_says_so(client):
    quote = make_quote(
        kind=Quote.Kind.ANONYMOUS, attribution_text="unnamed advisers, cited by the Daily Ledger"
    )
    meta = card(client, quote.get_absolute_url()).meta

    assert meta["og:description"].startswith(
        "Anonymous-source claim (unnamed advisers, cited by the Daily Ledger)"
    )
    assert meta["og:image:alt"].startswith("Unnamed sources: ")


def test_an_article_without_a_named_outlet_reads_as_a_phrase_mid_sentence(client):
    article = make_article(title="Talks resume", outlet=None, published_on=date(2024, 9, 1))
    quote = make_quote(article=article)
    meta = card(client, quote.get_absolute_url()).meta

    assert (
        "Reported in “Talks resume”, outlet not named, 1 September 2024."
        in (meta["og:description"])
    )
    assert "<dd>Outlet not named</dd>" in client.get(article.get_absolute_url()).text


def test_a_speaker_page_previews_the_speaker(client):
    speaker = make_speaker(name="JD Vance", description="Republican vice-presidential nominee")
    make_quote(speaker=speaker)
    meta = card(client, speaker.get_absolute_url()).meta

    assert meta["og:type"] == "profile"
    assert meta["og:title"] == "JD Vance"
    assert meta["og:description"].startswith(
        "What JD Vance (Republican vice-presidential nominee) has said about foreign policy"
    )


def test_hostile_words_stay_inside_the_card_attributes(client):
    quote = make_quote(text=HOSTILE, speaker=make_speaker(name=HOSTILE))
    page = card(client, quote.get_absolute_url())

    assert page.meta["og:title"].startswith(HOSTILE)
    assert HOSTILE in page.meta["og:image:alt"]
    assert [script.get("type") for script in page.scripts] == ["application/ld+json", None]


def test_a_page_for_a_host_we_do_not_serve_is_a_400_without_a_card(client):
    response = client.get(reverse("home"), headers={"host": "elsewhere.example"})

    assert response.status_code == 400
    assert "og:url" not in Head(response.text).meta


def test_error_pages_without_a_request_render_without_a_card():
    html = loader.render_to_string("500.html", {"section": ""})

    assert "og:title" not in html
    assert "<title>Something went wrong · Stances</title>" in html
