"""On Suggest quotes, a claim by unnamed sources proposes the known person it is about (named in
the attribution, else in the claim), prefilled in its "about" field; the editor may change it,
and accepting saves it on the draft quote. Unsure (no name, or two people), it proposes nobody."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from stances.models import Quote
from stances.suggestion_proposals import propose
from tests.factories import make_article, make_speaker, make_suggestion

pytestmark = pytest.mark.django_db

CLAIM = "the plan was a revision of the Minsk agreements"


def anonymous(attribution, text=CLAIM, article=None):
    article = article or make_article(body=f"{attribution} said {text}.")
    return make_suggestion(
        article=article,
        kind=Quote.Kind.ANONYMOUS,
        speaker_name="",
        attribution=attribution,
        text=text,
        start_offset=len(attribution) + 6,
    )


def proposed(suggestion):
    return propose(suggestion.article, [suggestion], {suggestion.pk: None})[suggestion.pk]


def page(client, article):
    return client.get(reverse("admin:articles_article_suggestions", args=[article.pk]))


def test_a_person_named_in_the_attribution_is_proposed():
    trump = make_speaker(name="Donald Trump")
    suggestion = anonymous("unnamed Trump advisers, cited by the Financial Times")

    proposal = proposed(suggestion)

    assert proposal.about == trump
    assert proposal.about_evidence == "named in the attribution"


def test_else_a_person_the_claim_names_is_proposed():
    harris = make_speaker(name="Kamala Harris")
    suggestion = anonymous("officials familiar with the talks", "Harris would visit Kyiv in May")

    proposal = proposed(suggestion)

    assert (proposal.about, proposal.about_evidence) == (harris, "named in the claim")


def test_the_attribution_is_the_more_specific_evidence():
    trump = make_speaker(name="Donald Trump")
    make_speaker(name="Volodymyr Zelensky")
    suggestion = anonymous("people close to Trump", "Zelensky would be asked to give up land")

    assert proposed(suggestion).about == trump


@pytest.mark.parametrize(
    ("attribution", "text"),
    [
        ("unnamed officials, cited by the Daily Ledger", CLAIM),  # nobody named
        ("aides to Trump and Harris", CLAIM),  # two people: the editor decides
        ("unnamed officials", "Trump and Harris had both been briefed"),
        ("unnamed Okafor advisers", CLAIM),  # two Okafors: a namesake is no proposal
    ],
)
def test_without_one_known_person_nobody_is_proposed(attribution, text):
    make_speaker(name="Donald Trump")
    make_speaker(name="Kamala Harris")
    make_speaker(name="Ana Okafor")
    make_speaker(name="Chidi Okafor")

    assert proposed(anonymous(attribution, text)).about is None


def test_the_page_prefills_about_and_says_why(editor_client):
    trump = make_speaker(name="Donald Trump")
    suggestion = anonymous("unnamed Trump advisers, cited by the Financial Times")

    html = page(editor_client, suggestion.article).content.decode()

    assert f'<select name="about" id="about-{suggestion.pk}"' in html
    assert f'<option value="{trump.pk}" selected>Donald Trump</option>' in html
    assert "Proposed: Donald Trump, named in the attribution." in html


def test_accepting_saves_about_as_the_editor_left_it(editor_client, editor):
    make_speaker(name="Donald Trump")
    vance = make_speaker(name="JD Vance")
    suggestion = anonymous("unnamed Trump advisers, cited by the Financial Times")
    url = reverse(
        "admin:articles_article_suggestion_accept", args=[suggestion.article.pk, suggestion.pk]
    )

    editor_client.post(url, {"about": vance.pk})  # the editor changed the proposal

    quote = Quote.objects.get()
    assert (quote.kind, quote.speaker, quote.about) == ("anonymous", None, vance)
    assert quote.history.first().history_user == editor


def test_an_about_that_does_not_exist_is_refused_and_nothing_is_lost(editor_client):
    make_speaker(name="Donald Trump")
    suggestion = anonymous("unnamed Trump advisers, cited by the Financial Times")
    url = reverse(
        "admin:articles_article_suggestion_accept", args=[suggestion.article.pk, suggestion.pk]
    )

    response = editor_client.post(url, {"about": "999999"})

    assert response.status_code == 200
    assert not Quote.objects.exists()
    suggestion.refresh_from_db()
    assert suggestion.is_pending
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("“about” does not exist" in m for m in messages)
    assert "“about” does not exist" in response.content.decode()
