"""Each public page shows the evidence a reader needs to check a position: the words, who said them
in what role, when, where they were reported, what they answer, and how to cite them."""

import datetime
from types import SimpleNamespace

import pytest
from django.test import Client, RequestFactory
from django.urls import path, reverse

from stances import errors
from stances import urls as site_urls
from stances.models import Candidacy, Quote, StanceTag
from stances.positions import Verdict
from tests.factories import (
    make_article,
    make_candidacy,
    make_election,
    make_outlet,
    make_quote,
    make_role,
    make_speaker,
    make_stance,
    make_tag,
    make_topic,
)

SUPPORTS = StanceTag.Alignment.SUPPORTS
OPPOSES = StanceTag.Alignment.OPPOSES

BODY = (
    "Donald Trump said on Tuesday: We will make a deal within 24 hours. "
    "The Kremlin answered that nothing can be done within 24 hours. "
    "JD Vance said a guarantee of Kyiv's neutral status is part of the plan."
)


def span(text):
    start = BODY.index(text)
    return {"start_offset": start, "end_offset": start + len(text)}


@pytest.fixture
def w(db):
    """The seed article's cast, with roles over time, in one article with its body stored."""
    w = SimpleNamespace()
    w.election = make_election(name="United States presidential election 2024")
    w.trump = make_speaker(name="Donald Trump", description="Republican candidate")
    w.harris = make_speaker(name="Kamala Harris")
    w.vance = make_speaker(name="JD Vance")
    w.peskov = make_speaker(name="Dmitry Peskov")
    head = make_candidacy(election=w.election, speaker=w.trump, party="Republican", order=1)
    make_candidacy(election=w.election, speaker=w.harris, party="Democratic", order=2)
    make_candidacy(
        election=w.election,
        speaker=w.vance,
        party="Republican",
        ticket_position=Candidacy.TicketPosition.RUNNING_MATE,
        running_mate_of=head,
        order=3,
    )
    make_role(
        w.vance,
        title="United States senator",
        organisation="Senate",
        started_on=datetime.date(2023, 1, 3),
        ended_on=datetime.date(2025, 1, 10),
    )
    make_role(
        w.vance,
        title="Republican vice-presidential nominee",
        organisation="Republican Party",
        started_on=datetime.date(2024, 7, 15),
    )
    make_role(w.peskov, title="Press secretary", organisation="the Kremlin")

    w.war = make_topic(name="Russia-Ukraine war", slug="war")
    w.deal = make_stance(topic=w.war, statement="Negotiate a quick end to the war")
    w.aid = make_stance(topic=w.war, statement="Keep sending military aid to Ukraine")
    w.meet = make_stance(topic=w.war, statement="Meet Putin directly")

    w.outlet = make_outlet(name="The Daily Ledger")
    w.article = make_article(
        outlet=w.outlet,
        title="Trump and Harris on Russia and Ukraine",
        published_on=datetime.date(2024, 11, 5),
        url="https://ledger.example/trump-harris-ukraine",
        body=BODY,
    )
    # Entered out of reading order on purpose.
    w.vance_plan = make_quote(
        speaker=w.vance,
        about=w.trump,
        kind=Quote.Kind.PARTIAL,
        text="a guarantee of Kyiv's neutral status",
        attribution_text="JD Vance, in a podcast interview",
        said_on=datetime.date(2024, 9, 15),
        article=w.article,
        **span("a guarantee of Kyiv's neutral status"),
    )
    make_tag(quote=w.vance_plan, stance=w.deal, alignment=SUPPORTS, note="Part of the plan")
    w.trump_deal = make_quote(
        speaker=w.trump,
        text="We will make a deal within 24 hours",
        said_on=datetime.date(2023, 5, 10),
        article=w.article,
        **span("We will make a deal within 24 hours"),
    )
    make_tag(quote=w.trump_deal, stance=w.deal, alignment=SUPPORTS)
    w.peskov_reply = make_quote(
        speaker=w.peskov,
        text="nothing can be done within 24 hours",
        article=w.article,
        responds_to=w.trump_deal,
        **span("nothing can be done within 24 hours"),
    )
    w.draft_reply = make_quote(
        speaker=w.harris,
        text="A reply still in the drafts",
        article=w.article,
        responds_to=w.trump_deal,
        status=Quote.Status.DRAFT,
    )
    w.harris_aid = make_quote(
        speaker=w.harris,
        kind=Quote.Kind.PARAPHRASE,
        text="The United States would continue supporting Ukraine, including militarily",
        said_on=datetime.date(2024, 8, 22),
        article=make_article(outlet=make_outlet(name="The Courier")),
    )
    make_tag(quote=w.harris_aid, stance=w.aid, alignment=SUPPORTS)
    make_tag(quote=w.harris_aid, stance=w.deal, alignment=OPPOSES)
    return w


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    return response


# The quote page -----------------------------------------------------------------------------


def test_the_quote_page_shows_the_words_and_where_they_come_from(client, w):
    text = get(client, w.vance_plan.get_absolute_url()).text

    assert "“a guarantee of Kyiv&#x27;s neutral status”" in text
    assert "Partial quote" in text
    assert f'<a href="{w.vance.get_absolute_url()}">JD Vance</a>' in text
    assert "JD Vance, in a podcast interview" in text  # the attribution as printed
    assert "Describes the position of" in text
    assert f'<a href="{w.trump.get_absolute_url()}">Donald Trump</a>' in text
    assert '<time datetime="2024-09-15">15 September 2024</time>' in text
    assert '<time datetime="2024-11-05">5 November 2024</time>' in text
    assert f'<a href="{w.article.get_absolute_url()}">{w.article.title}</a>' in text
    assert f'<a href="{w.outlet.get_absolute_url()}">The Daily Ledger</a>' in text
    assert 'href="https://ledger.example/trump-harris-ukraine"' in text


def test_the_quote_page_shows_the_role_held_when_the_words_were_said(client, w):
    # Said in September 2024: a senator still, but the newer role is the nominee.
    text = get(client, w.vance_plan.get_absolute_url()).text
    assert "JD Vance</a>, Republican vice-presidential nominee, Republican Party" in text

    w.vance_plan.said_on = datetime.date(2024, 3, 1)
    w.vance_plan.save()
    text = get(client, w.vance_plan.get_absolute_url()).text
    assert "JD Vance</a>, United States senator, Senate" in text
    assert "vice-presidential nominee" not in text


def test_without_a_role_at_the_time_none_is_shown(client, w):
    w.vance_plan.said_on = datetime.date(2022, 6, 1)
    w.vance_plan.save()

    response = get(client, w.vance_plan.get_absolute_url())
    assert response.context["role"] is None
    assert "senator" not in response.text
    assert "nominee" not in response.text


def test_an_undated_quote_says_its_date_is_not_known(client, w):
    text = get(client, w.peskov_reply.get_absolute_url()).text

    assert "Not known (reported on 5 November 2024)" in text
    assert "Dmitry Peskov</a>, Press secretary, the Kremlin" in text


def test_the_quote_page_lists_its_stance_tags(client, w):
    text = get(client, w.harris_aid.get_absolute_url()).text

    assert "Paraphrase" in text
    assert "Supports: <a href=" in text
    assert "Keep sending military aid to Ukraine</a>" in text
    assert "Opposes: <a href=" in text
    assert "Negotiate a quick end to the war</a>" in text


def test_a_tag_note_is_shown(client, w):
    assert "(Part of the plan)" in get(client, w.vance_plan.get_absolute_url()).text


def test_an_untagged_quote_says_so(client, w):
    assert "Not linked to any stance yet." in get(client, w.peskov_reply.get_absolute_url()).text


def test_a_reply_links_to_the_quote_it_answers(client, w):
    response = get(client, w.peskov_reply.get_absolute_url())

    assert response.context["responds_to"] == w.trump_deal
    assert "In response to" in response.text
    assert f'<a href="{w.trump_deal.get_absolute_url()}">“We will make a deal' in response.text


def test_a_quote_lists_its_published_reactions_only(client, w):
    response = get(client, w.trump_deal.get_absolute_url())

    assert response.context["reactions"] == [w.peskov_reply]
    assert "nothing can be done within 24 hours" in response.text
    assert "A reply still in the drafts" not in response.text
    assert "In response to" not in response.text


def test_a_quote_without_reactions_says_so(client, w):
    assert "No recorded reactions." in get(client, w.harris_aid.get_absolute_url()).text


def test_the_citation_names_the_speaker_the_article_and_the_permalink(client, w):
    response = get(client, w.trump_deal.get_absolute_url())

    permalink = f"http://testserver{w.trump_deal.get_absolute_url()}"
    assert response.context["permalink"] == permalink
    citation = response.text.split('<textarea id="citation"', 1)[1].split("</textarea>", 1)[0]
    assert "Donald Trump: “We will make a deal within 24 hours”" in citation
    assert "“Trump and Harris on Russia and Ukraine”, The Daily Ledger, 5 November 2024" in citation
    assert permalink in citation


def test_an_anonymous_claim_warns_and_cites_its_attribution(client, db):
    claim = make_quote(
        kind=Quote.Kind.ANONYMOUS,
        attribution_text="unnamed Trump advisers, cited by the Financial Times",
        text="The plan is a revision of the Minsk agreements",
    )

    text = get(client, claim.get_absolute_url()).text
    assert "Nobody is on record saying this" in text
    assert "unnamed Trump advisers, cited by the Financial Times (anonymous-source claim)" in text


# The article page ---------------------------------------------------------------------------


def test_the_article_page_lists_quotes_in_reading_order(client, w):
    response = get(client, w.article.get_absolute_url())

    assert response.context["quotes"] == [w.trump_deal, w.peskov_reply, w.vance_plan]
    listing = response.text.split("Quotes, in reading order", 1)[1]
    positions = [listing.index(q.text.replace("'", "&#x27;")) for q in response.context["quotes"]]
    assert positions == sorted(positions)
    assert "A reply still in the drafts" not in response.text


def test_the_article_page_shows_each_quote_in_a_short_context(client, w):
    response = get(client, w.article.get_absolute_url())

    for quote in (w.trump_deal, w.peskov_reply):
        assert f"<mark>{quote.text}</mark>" in response.text
    deal = response.context["quotes"][0].in_article
    assert deal["before"] == "Donald Trump said on Tuesday: "
    assert deal["words"] == w.trump_deal.text


def test_quotes_not_in_the_text_are_listed_without_a_context(client, w):
    unplaced = make_quote(
        speaker=w.harris, article=w.article, kind="paraphrase", text="Putin is a killer dictator"
    )

    response = get(client, w.article.get_absolute_url())
    assert response.context["quotes"][-1] == unplaced
    assert unplaced.text in response.text
    assert response.context["quotes"][-1].in_article is None


def test_an_article_without_a_body_has_no_context(client, w):
    article = make_article(title="No body stored")
    make_quote(article=article)

    response = get(client, article.get_absolute_url())
    assert response.context["quotes"][0].in_article is None
    assert "In the article:" not in response.text


# The speaker page ---------------------------------------------------------------------------


def test_the_speaker_page_lists_roles_and_candidacies(client, w):
    text = get(client, w.vance.get_absolute_url()).text

    assert "<strong>Republican vice-presidential nominee</strong>, Republican Party" in text
    assert '<time datetime="2024-07-15">15 July 2024</time>' in text
    assert '<time datetime="2025-01-10">10 January 2025</time>' in text
    assert (
        f'Candidate for President (Republican) in the <a href="{w.election.get_absolute_url()}">'
        in text
    )


def test_the_speaker_page_shows_positions_by_topic(client, w):
    response = get(client, w.trump.get_absolute_url())

    [(topic, rows)] = response.context["grid"].topics
    assert topic == w.war
    [row] = rows
    assert row.stance == w.deal
    assert row.cells[0].verdict == Verdict.SUPPORTS
    assert (row.cells[0].own_count, row.cells[0].reported_count) == (1, 1)
    assert "1 own statement, 1 reported by others" in response.text


def test_the_speaker_page_draws_a_timeline_and_lists_it_as_text(client, w):
    response = get(client, w.trump.get_absolute_url())
    text = response.text

    marks = response.context["timeline"].marks
    assert [m.quote for m in marks] == [w.trump_deal, w.vance_plan]
    assert [m.is_about for m in marks] == [False, True]
    timeline = response.context["timeline"]
    assert f'<svg width="100%" height="{timeline.height}"' in text
    svg = text.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert svg.count("<circle") == 1  # Trump's own words
    assert svg.count("<rect") == 1  # Vance reporting Trump's plan
    assert "<title>10 May 2023: We will make a deal within 24 hours</title>" in svg
    timeline_list = text.split('<ol class="timeline-list">', 1)[1].split("</ol>", 1)[0]
    assert '<time datetime="2023-05-10">10 May 2023</time>' in timeline_list
    assert '<time datetime="2024-09-15">15 September 2024</time>' in timeline_list
    assert "Partial quote, by JD Vance" in timeline_list


def test_an_undated_quote_sits_on_the_timeline_at_its_reported_date(client, w):
    response = get(client, w.peskov.get_absolute_url())

    [mark] = response.context["timeline"].marks
    assert mark.date == datetime.date(2024, 11, 5)
    assert mark.date_is_reported
    assert "reported-date" in response.text
    # Its date in the list is marked, and the mark explained once, under the list.
    assert '<sup class="note-ref" aria-hidden="true">*</sup>' in response.text
    assert "Date reported: when it was said is not known." in response.text


def test_a_running_mate_speaking_about_the_ticket_has_no_position_of_their_own(client, w):
    response = get(client, w.vance.get_absolute_url())

    assert response.context["grid"].rows == []
    assert "No published quote gives JD Vance's position on any stance yet." in response.text
    # The words are still on his page and timeline, as words about Trump.
    assert "Partial quote, about Donald Trump" in response.text


# The topic page -----------------------------------------------------------------------------


def test_the_topic_page_lists_every_speakers_position_per_stance(client, w):
    response = get(client, w.war.get_absolute_url())

    rows = {row.stance: row for row in response.context["grid"].rows}
    assert set(rows) == {w.deal, w.aid, w.meet}
    deal_verdicts = {c.holder: c.verdict for c in rows[w.deal].cells if c.has_evidence}
    assert deal_verdicts == {w.trump: Verdict.SUPPORTS, w.harris: Verdict.OPPOSES}
    aid_verdicts = {c.holder: c.verdict for c in rows[w.aid].cells if c.has_evidence}
    assert aid_verdicts == {w.harris: Verdict.SUPPORTS}
    deal_section = response.text.split('id="stance-' + w.deal.slug + '"', 1)[1].split(
        "</section>", 1
    )[0]
    assert "Donald Trump</a></h3>" in deal_section
    assert "Kamala Harris</a></h3>" in deal_section
    assert "JD Vance</a></h3>" not in deal_section  # his words count for Trump
    meet_section = response.text.split('id="stance-' + w.meet.slug + '"', 1)[1]
    meet_section = meet_section.split("</section>", 1)[0]
    assert "No published quote takes a side on this yet." in meet_section


def test_an_unnamed_source_claim_about_nobody_does_not_break_the_topic_page(client, w):
    claim = make_quote(kind=Quote.Kind.ANONYMOUS, text="Talks are said to be near")
    make_tag(quote=claim, stance=w.meet, alignment=SUPPORTS)

    response = get(client, w.war.get_absolute_url())
    assert "Donald Trump" in response.text


# The comparison pages -----------------------------------------------------------------------


def test_the_election_page_compares_the_candidates_and_hides_running_mates(client, w):
    response = get(client, reverse("home"))

    assert response.context["grid"].holders == [w.trump, w.harris]
    assert "Running mates not shown" in response.text
    with_mates = get(client, reverse("home") + "?running_mates=on")
    assert with_mates.context["grid"].holders == [w.trump, w.harris, w.vance]
    assert "Republican, running mate" in with_mates.text


def test_the_compare_page_keeps_its_choice_in_the_url(client, w):
    url = f"{reverse('compare')}?speakers={w.harris.slug}&speakers={w.peskov.slug}&topics=war"
    response = get(client, url)

    assert response.context["grid"].holders == [w.peskov, w.harris]  # by name
    chosen = response.text.split(f'value="{w.harris.slug}"', 1)[1].split(">", 1)[0]
    assert "checked" in chosen
    not_chosen = response.text.split(f'value="{w.trump.slug}"', 1)[1].split(">", 1)[0]
    assert "checked" not in not_chosen
    assert 'value="war"' in response.text
    assert response.text.split('value="war"', 1)[1].split(">", 1)[0].count("checked") == 1


def test_the_compare_page_without_a_choice_shows_only_the_form(client, w):
    response = get(client, reverse("compare"))

    assert response.context["grid"] is None
    assert "Please correct the choice" not in response.text


@pytest.mark.parametrize("count", [1, 7])
def test_the_compare_page_answers_400_for_too_few_or_too_many_speakers(client, w, count):
    extra = [make_speaker(name=f"Candidate {i}") for i in range(count)]
    for speaker in extra:
        make_candidacy(speaker=speaker)

    query = "&".join(f"speakers={s.slug}" for s in extra)
    response = get(client, f"{reverse('compare')}?{query}", status=400)

    assert f"Choose between 2 and 6 speakers (you chose {count})." in response.text
    assert response.context["grid"] is None


def test_the_compare_page_names_an_unknown_speaker(client, w):
    response = get(
        client, f"{reverse('compare')}?speakers={w.trump.slug}&speakers=nobody", status=400
    )

    assert "“nobody” is not a speaker we know." in response.text


# Error pages --------------------------------------------------------------------------------


def test_the_404_page_uses_the_sites_layout(client, w):
    for url in ("/no-such-page/", reverse("speaker", args=["nobody"])):
        response = get(client, url, status=404)
        assert "Page not found" in response.text
        assert '<nav aria-label="Main">' in response.text
        assert f'href="{reverse("quotes")}"' in response.text


def test_the_500_page_renders_without_the_database():
    # No database access is allowed in this test: touching it would raise.
    response = errors.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert '<nav aria-label="Main">' in response.content.decode()


def broken_view(request):
    raise RuntimeError("the database is on fire")


urlpatterns = [path("broken/", broken_view), *site_urls.urlpatterns]
handler500 = "stances.errors.server_error"


def test_an_unhandled_error_answers_with_the_500_page(settings, db, django_assert_num_queries):
    settings.ROOT_URLCONF = __name__
    with django_assert_num_queries(0):
        response = Client(raise_request_exception=False).get("/broken/")

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
