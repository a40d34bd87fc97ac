"""schema.org JSON-LD: a quote page describes a Quotation (its words, who said them or that
unnamed sources did, when, and the article and outlet that reported it), a speaker page a Person;
and no quote, name or title can end the data block early or run as a script."""

import datetime
import json
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from articles.models import Article
from stances.models import Quote, Speaker
from tests.factories import make_article, make_outlet, make_quote, make_role, make_speaker

pytestmark = pytest.mark.django_db

HOSTILE = '</script><script>window.pwned = 1</script><!-- "quoted" \\ back\\slash \u2028 & <b>'


class Head(HTMLParser):
    """What link previews and search engines read from a page: its meta tags, its title and its
    JSON-LD blocks; and every script element, to count them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.meta, self.json_ld, self.scripts, self.title = {}, [], [], ""
        self._in, self._in_body = None, False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")
        elif tag == "script":
            self.scripts.append(attrs)
            self._in = "json_ld" if attrs.get("type") == "application/ld+json" else "script"
        elif tag == "title" and not self._in_body:  # not an SVG's title
            self._in = "title"
        elif tag == "body":
            self._in_body = True

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "json_ld":
            self.json_ld.append(json.loads(data))
        elif self._in == "title":
            self.title += data


def head_of(client, url) -> Head:
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.text)


def only_json_ld(client, url) -> dict:
    blocks = head_of(client, url).json_ld
    assert len(blocks) == 1, blocks
    return blocks[0]


def test_a_quote_page_describes_a_quotation_with_its_speaker_and_article(client):
    trump = make_speaker(name="Donald Trump", wikidata_id="Q22686")
    make_role(
        trump, title="Republican nominee", organisation="", started_on=datetime.date(2024, 7, 15)
    )
    outlet = make_outlet(name="The Kyiv Independent", website="https://kyivindependent.com/")
    article = make_article(
        outlet=outlet,
        title="Trump and Harris on Russia",
        url="https://kyivindependent.com/trump-harris",
        published_on=datetime.date(2024, 11, 5),
        language="en",
    )
    quote = make_quote(
        text="We will make a deal within 24 hours",
        speaker=trump,
        article=article,
        said_on=datetime.date(2024, 9, 10),
    )

    data = only_json_ld(client, quote.get_absolute_url())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Quotation"
    assert data["text"] == "We will make a deal within 24 hours"
    assert data["url"] == f"http://testserver{quote.get_absolute_url()}"
    assert data["dateCreated"] == "2024-09-10"
    assert data["creator"] == {
        "@type": "Person",
        "name": "Donald Trump",
        "url": f"http://testserver{trump.get_absolute_url()}",
        "sameAs": "https://www.wikidata.org/wiki/Q22686",
        "jobTitle": "Republican nominee",
    }
    assert "spokenByCharacter" not in data
    assert data["isPartOf"] == {
        "@type": "NewsArticle",
        "headline": "Trump and Harris on Russia",
        "url": "https://kyivindependent.com/trump-harris",
        "datePublished": "2024-11-05",
        "inLanguage": "en",
        "publisher": {
            "@type": "Organization",
            "name": "The Kyiv Independent",
            "url": "https://kyivindependent.com/",
        },
    }


def test_unnamed_sources_are_no_named_creator(client):
    harris = make_speaker(name="Kamala Harris")
    quote = make_quote(
        kind=Quote.Kind.ANONYMOUS,
        attribution_text="unnamed Trump advisers, cited by the Financial Times",
        about=harris,
    )

    data = only_json_ld(client, quote.get_absolute_url())

    assert "creator" not in data
    assert "jobTitle" not in data["about"]  # a role is shown for the speaker only
    assert data["spokenByCharacter"] == {
        "@type": "Person",
        "name": "Unnamed sources",
        "description": "unnamed Trump advisers, cited by the Financial Times",
    }
    assert data["creditText"] == "unnamed Trump advisers, cited by the Financial Times"
    assert data["description"].startswith("Anonymous-source claim")
    assert data["about"]["name"] == "Kamala Harris"
    assert data["about"]["url"] == f"http://testserver{harris.get_absolute_url()}"


def test_a_paraphrase_says_the_words_are_the_reporters(client):
    quote = make_quote(kind=Quote.Kind.PARAPHRASE)
    make_role(quote.speaker, started_on=datetime.date(2020, 1, 1))

    data = only_json_ld(client, quote.get_absolute_url())

    assert data["description"].startswith("Paraphrase: the reporter's words")
    assert data["creator"]["name"] == quote.speaker.name
    # The role held when the words were said, and where.
    assert data["creator"]["jobTitle"] == "Foreign minister"
    assert data["creator"]["worksFor"] == {
        "@type": "Organization",
        "name": "Ministry of Foreign Affairs",
    }


def test_unknown_dates_outlets_and_addresses_are_left_out_or_ours(client):
    article = make_article(outlet=None, url="")
    kremlin = make_speaker(name="The Kremlin", kind=Speaker.Kind.ORGANISATION)
    quote = make_quote(article=article, speaker=kremlin, said_on=None)

    data = only_json_ld(client, quote.get_absolute_url())

    assert "dateCreated" not in data
    assert "publisher" not in data["isPartOf"]
    assert data["isPartOf"]["url"] == f"http://testserver{article.get_absolute_url()}"
    assert data["creator"]["@type"] == "Organization"
    assert "jobTitle" not in data["creator"]


def test_no_quote_name_or_title_can_break_out_of_the_data_block(client):
    outlet = make_outlet(name=f"Outlet {HOSTILE}")
    article = make_article(outlet=outlet, title=f"Title {HOSTILE}")
    Article.objects.filter(pk=article.pk).update(language="</script>")
    speaker = make_speaker(name=f"Name {HOSTILE}", wikidata_id="Q1")
    quote = make_quote(text=HOSTILE, speaker=speaker, article=article, language="x<!--")
    anonymous = make_quote(
        kind=Quote.Kind.ANONYMOUS, attribution_text=HOSTILE, about=speaker, article=article
    )

    for shown in (quote, anonymous):
        response = client.get(shown.get_absolute_url())
        page = Head(response.text)
        data = page.json_ld[0]

        # One data block, and the page's own script: nothing else became a script element.
        assert [script.get("type") for script in page.scripts] == ["application/ld+json", None]
        block = response.text.split('<script type="application/ld+json">', 1)[1]
        block = block.split("</script>", 1)[0]
        assert not {"<", ">", "&"} & set(block)
        assert data["isPartOf"]["headline"] == f"Title {HOSTILE}"
        assert data["isPartOf"]["publisher"]["name"] == f"Outlet {HOSTILE}"
    assert Head(client.get(quote.get_absolute_url()).text).json_ld[0]["text"] == HOSTILE
    assert Head(client.get(anonymous.get_absolute_url()).text).json_ld[0]["creditText"] == HOSTILE


def test_a_speaker_page_describes_a_person(client):
    vance = make_speaker(
        name="JD Vance", description="Republican vice-presidential nominee", wikidata_id="Q28935729"
    )
    make_role(
        vance,
        title="Senator",
        organisation="United States Senate",
        started_on=datetime.date(2023, 1, 3),
    )
    make_quote(speaker=vance)

    data = only_json_ld(client, vance.get_absolute_url())

    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "JD Vance",
        "url": f"http://testserver{vance.get_absolute_url()}",
        "description": "Republican vice-presidential nominee",
        "sameAs": "https://www.wikidata.org/wiki/Q28935729",
        "identifier": {"@type": "PropertyValue", "propertyID": "Wikidata", "value": "Q28935729"},
        "jobTitle": "Senator",
        "worksFor": {"@type": "Organization", "name": "United States Senate"},
    }


def test_a_role_that_ended_is_not_a_speakers_job_title(client):
    speaker = make_speaker(name=f"Former minister {HOSTILE}")
    make_role(speaker, started_on=datetime.date(2010, 1, 1), ended_on=datetime.date(2012, 1, 1))
    make_quote(speaker=speaker)

    data = only_json_ld(client, speaker.get_absolute_url())

    assert data["name"] == f"Former minister {HOSTILE}"
    assert "jobTitle" not in data
    assert "description" not in data


def test_an_organisation_speaker_page_describes_an_organization(client):
    kremlin = make_speaker(name="The Kremlin", kind=Speaker.Kind.ORGANISATION)
    make_role(kremlin, title="Press service")
    make_quote(speaker=kremlin)

    data = only_json_ld(client, kremlin.get_absolute_url())

    assert data["@type"] == "Organization"
    assert "jobTitle" not in data


def test_other_pages_carry_no_json_ld(client):
    quote = make_quote()
    for url in (reverse("home"), reverse("quotes"), quote.article.get_absolute_url()):
        assert head_of(client, url).json_ld == [], url


@pytest.mark.browser
def test_chromium_reads_the_data_and_runs_nothing_from_a_hostile_quote(
    transactional_db, live_server, page
):
    """The CSP allows no inline script; a JSON-LD block is data, not a script, so it raises no
    violation, and Chromium reads back exactly the words, however hostile."""
    quote = make_quote(text=HOSTILE, speaker=make_speaker(name=HOSTILE))
    messages = []
    page.on("console", lambda message: messages.append(message.text))

    page.goto(live_server.url + quote.get_absolute_url())
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )

    assert data["text"] == HOSTILE
    assert data["creator"]["name"] == HOSTILE
    assert page.evaluate("window.pwned") is None
    assert page.locator("script").count() == 2
    assert not [m for m in messages if "Content Security Policy" in m], messages
