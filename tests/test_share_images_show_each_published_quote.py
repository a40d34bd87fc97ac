"""Share images: each published quote has a 1200x630 PNG with its words, speaker, kind and date,
the same bytes every time, cached like a page and redrawn after an edit; drafts have none and a
retracted quote's image is gone."""

import datetime
import io
import time

import pytest
from django.urls import reverse
from PIL import Image

from stances.models import Quote
from stances.sharing import images
from stances.sharing.views import card_facts
from tests.factories import make_article, make_outlet, make_quote, make_speaker

pytestmark = pytest.mark.django_db


def image_url(quote) -> str:
    return reverse("sharing:quote_image", args=[quote.pk])


def fetch(client, quote):
    return client.get(image_url(quote))


def test_a_published_quote_has_a_1200_by_630_png(client):
    response = fetch(client, make_quote())

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    assert image.size == (1200, 630)


def test_the_image_says_who_what_kind_and_when():
    trump = make_speaker(name="Donald Trump")
    outlet = make_outlet(name="The Kyiv Independent")
    article = make_article(outlet=outlet, published_on=datetime.date(2024, 11, 5))
    said = make_quote(speaker=trump, article=article, said_on=datetime.date(2024, 9, 10))
    reported = make_quote(kind=Quote.Kind.PARAPHRASE, article=article, said_on=None)
    anonymous = make_quote(
        kind=Quote.Kind.ANONYMOUS,
        article=article,
        about=trump,
        attribution_text="unnamed Trump advisers, cited by the Financial Times",
    )

    assert card_facts(said) == {
        "text": said.text,
        "kind": "direct",
        "speaker": "Donald Trump",
        "about": "",
        "details": ["", "Said 10 September 2024", "The Kyiv Independent"],
    }
    assert card_facts(reported)["details"][1] == "Reported 5 November 2024"
    assert card_facts(anonymous)["speaker"] == "Unnamed sources"
    assert card_facts(anonymous)["about"] == "Donald Trump"
    assert card_facts(anonymous)["details"][0].startswith("unnamed Trump advisers")
    assert images.KIND_IN_WORDS == {
        "direct": "In their own words",
        "partial": "Partly in their own words",
        "paraphrase": "Paraphrased by the reporter",
        "anonymous": "Reported by unnamed sources",
    }


def test_words_that_do_not_fit_are_shortened_with_an_ellipsis():
    face = images.font("serif", 36)
    long_text = "Talks on the ceasefire must start now " * 40
    lines, _, size = images.fitted_quote(long_text, "serif", "“", "”")

    assert size == images.QUOTE_SIZES[-1]
    assert lines[-1].endswith("…”")
    assert all(images.width_of(line, face) <= images.TEXT_WIDTH for line in lines)
    short, _, size = images.fitted_quote("Nothing can be done", "serif", "“", "”")
    assert short == ["“Nothing can be done”"]
    assert size == images.QUOTE_SIZES[0]
    one_word = images.wrapped("x" * 400, face, images.TEXT_WIDTH)
    assert len(one_word) > 1
    assert all(images.width_of(line, face) <= images.TEXT_WIDTH for line in one_word)


def test_the_same_quote_gives_the_same_bytes_and_another_quote_other_bytes():
    quote, other = make_quote(), make_quote()

    first = images.quote_card(**card_facts(quote))
    assert images.quote_card(**card_facts(quote)) == first
    assert images.quote_card(**card_facts(other)) != first


def test_the_image_is_cached_like_a_page_and_redrawn_after_an_edit(client):
    quote = make_quote()
    first, second = fetch(client, quote), fetch(client, quote)

    assert first["Cache-Control"] == "public, max-age=3600"
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == "image/png"

    quote.speaker.name = "Someone else entirely"
    quote.speaker.save()
    after = fetch(client, quote)
    assert after["X-Page-Cache"] == "miss"
    assert after.content != first.content


def test_a_draft_or_missing_quote_has_no_image(client):
    draft = make_quote(status=Quote.Status.DRAFT)

    assert fetch(client, draft).status_code == 404
    assert client.get(f"/quotes/{draft.pk + 1000}/share.png").status_code == 404


def test_a_retracted_quotes_image_is_gone(client):
    quote = make_quote()
    quote.status, quote.retraction_reason = Quote.Status.RETRACTED, "Misattributed."
    quote.save()

    response = fetch(client, quote)

    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/plain")


def test_a_quote_retracted_before_it_was_published_has_no_image(client):
    quote = make_quote(status=Quote.Status.DRAFT)
    quote.status, quote.retraction_reason = Quote.Status.RETRACTED, "Never confirmed."
    quote.save()

    assert fetch(client, quote).status_code == 404


def test_only_reading_is_allowed(client):
    quote = make_quote()

    assert client.post(image_url(quote)).status_code == 405
    assert client.head(image_url(quote)).status_code == 200


def test_every_kind_and_the_longest_words_draw_in_bounded_time(client):
    longest = " ".join(["ceasefire"] * 2000) + "x" * 5000
    quotes = [
        make_quote(kind=Quote.Kind.PARTIAL),
        make_quote(kind=Quote.Kind.PARAPHRASE, text=longest),
        make_quote(kind=Quote.Kind.ANONYMOUS, attribution_text="a" * 300, text="y" * 5000),
        make_quote(speaker=make_speaker(name="Дмитрий Песков 日本語 🇺🇦 \u202eevil" * 5)),
    ]
    for quote in quotes:
        started = time.perf_counter()
        response = fetch(client, quote)
        elapsed = time.perf_counter() - started
        assert response.status_code == 200
        assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
        assert elapsed < 2, f"{elapsed:.2f} s for quote {quote.pk}"
