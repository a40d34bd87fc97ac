"""A new speaker whose printed role says candidate is offered to the matching election (the
first one on or after the article's date with a candidacy for that office, or named for it) as
a candidacy: prefilled, editable, unticked; ticking it creates the candidacy on accept. Bad input
is refused with a message, nothing saved and nothing typed lost."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stances.models import Candidacy, Quote, Speaker
from tests.factories import (
    make_article,
    make_candidacy,
    make_election,
    make_speaker,
    make_suggestion,
)

pytestmark = pytest.mark.django_db

BODY = (
    '"We will leave the Compact," said Marek Lindqvist, the Liberty Party\'s candidate for '
    "president."
)


@pytest.fixture
def elections():
    """Last time's election, this year's (the match), and one for another office."""
    return {
        "past": make_election(
            name="2020 presidential election", held_on=datetime.date(2020, 11, 3)
        ),
        "next": make_election(name="2024 general election", held_on=datetime.date(2024, 11, 5)),
        "mayor": make_election(name="2024 mayoral election", held_on=datetime.date(2024, 10, 20)),
    }


@pytest.fixture
def suggestion(elections):
    # The next election is matched by a candidacy for the same office, not by its name.
    make_candidacy(elections["next"], make_speaker(name="Helena Marsh"), office="President")
    make_candidacy(elections["mayor"], make_speaker(name="Ivo Brandt"), office="Mayor")
    return make_suggestion(
        article=make_article(body=BODY, published_on=datetime.date(2024, 10, 1)),
        text="We will leave the Compact",
        speaker_name="Marek Lindqvist",
        attribution="said Marek Lindqvist",
        start_offset=1,
    )


def page_url(suggestion):
    return reverse("admin:articles_article_suggestions", args=[suggestion.article.pk])


def accept_url(suggestion):
    return reverse(
        "admin:articles_article_suggestion_accept", args=[suggestion.article.pk, suggestion.pk]
    )


def test_the_matching_election_is_offered_unticked(editor_client, suggestion, elections):
    html = editor_client.get(page_url(suggestion)).content.decode()

    assert f'id="add-candidacy-{suggestion.pk}"' in html
    assert f'id="add-candidacy-{suggestion.pk}" form="decide-{suggestion.pk}">' in html, (
        "not ticked: the editor decides"
    )
    assert f'<option value="{elections["next"].pk}" selected>' in html
    assert "2020 presidential election" not in html, "held before the article"
    office = f'id="office-{suggestion.pk}" form="decide-{suggestion.pk}" maxlength="200"'
    assert f'{office} value="President"' in html
    assert 'value="Liberty Party"' in html


def test_ticking_it_creates_the_speaker_role_and_candidacy(
    editor_client, editor, suggestion, elections
):
    editor_client.post(
        accept_url(suggestion),
        {
            "speaker": "new",
            "role_title": "Candidate for president",
            "role_organisation": "Liberty Party",
            "add_candidacy": "on",
            "election": elections["next"].pk,
            "office": "President",
            "party": "Liberty Party",
            "ticket_position": "head",
        },
    )

    speaker = Speaker.objects.get(name="Marek Lindqvist")
    candidacy = Candidacy.objects.get(speaker=speaker)
    assert (candidacy.election, candidacy.office, candidacy.party) == (
        elections["next"],
        "President",
        "Liberty Party",
    )
    assert candidacy.history.first().history_user == editor
    assert speaker.roles.get().title == "Candidate for president"
    assert Quote.objects.get().speaker == speaker


def test_left_unticked_no_candidacy_is_made(editor_client, suggestion, elections):
    editor_client.post(
        accept_url(suggestion),
        {"speaker": "new", "election": elections["next"].pk, "office": "President"},
    )

    assert Quote.objects.exists()
    assert not Candidacy.objects.filter(speaker__name="Marek Lindqvist").exists()


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"election": "", "office": "President"}, "Choose the election the candidacy is in."),
        ({"election": "999999", "office": "President"}, "Choose the election the candidacy is in."),
        ({"election": "not-a-number", "office": "President"}, "Choose the election"),
        ({"office": ""}, "Name the office sought"),
        ({"office": "x" * 201}, "at most 200 characters"),
        ({"ticket_position": "emperor"}, "Select a valid choice"),
    ],
)
def test_bad_candidacy_input_is_refused_and_what_was_typed_stays(
    editor_client, suggestion, elections, posted, message
):
    data = {
        "speaker": "new",
        "role_title": "Candidate for president, edited",
        "add_candidacy": "on",
        "election": elections["next"].pk,
        "office": "President",
        "party": "Liberty Party",
        "ticket_position": "head",
        **posted,
    }

    response = editor_client.post(accept_url(suggestion), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Candidate for president, edited"' in html
    assert not Speaker.objects.filter(name="Marek Lindqvist").exists()
    assert not Quote.objects.exists()
    suggestion.refresh_from_db()
    assert suggestion.is_pending


def test_a_speaker_already_in_the_election_is_refused_and_the_new_speaker_undone(
    editor_client, suggestion, elections
):
    lindqvist = make_speaker(name="Marek Lindqvist")
    make_candidacy(elections["next"], lindqvist)

    response = editor_client.post(
        accept_url(suggestion),
        {
            "speaker": lindqvist.pk,
            "add_candidacy": "on",
            "election": elections["next"].pk,
            "office": "President",
        },
    )

    assert "This speaker already runs in this election." in response.content.decode()
    assert not Quote.objects.exists()


def test_proposals_take_the_same_queries_for_few_and_many_suggestions(editor_client, elections):
    article = make_article(body=BODY, published_on=datetime.date(2024, 10, 1))
    make_speaker(name="Donald Trump")

    made = []

    def add(n):
        for _ in range(n):
            i = len(made)
            made.append(i)
            make_suggestion(
                article=article,
                text=f"We will leave the Compact {i}",
                speaker_name=f"Marek Lindqvist{i}",
                attribution=f"said Marek Lindqvist{i}, the Liberty Party's candidate for president",
                start_offset=1 + 1000 * i,
            )
            make_suggestion(
                article=article,
                kind=Quote.Kind.ANONYMOUS,
                speaker_name="",
                text=f"the plan was revised {i}",
                attribution="unnamed Trump advisers",
                start_offset=500 + 1000 * i,
            )

    def count():
        url = reverse("admin:articles_article_suggestions", args=[article.pk])
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(url).status_code == 200
        return len(queries)

    add(1)
    few = count()
    add(6)
    assert count() == few
