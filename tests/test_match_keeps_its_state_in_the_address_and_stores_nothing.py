"""Where do I stand?: the answers live in the address (a GET form that reproduces its result),
and nothing about the reader is kept: no cookie, no session, no cached page, no logged answer."""

from html.parser import HTMLParser

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from tests.factories import make_election
from tests.match_fixtures import make_race

pytestmark = pytest.mark.django_db


@pytest.fixture
def race():
    return make_race()


class FormReader(HTMLParser):
    """The answers form's action and what submitting it as rendered would send."""

    def __init__(self):
        super().__init__()
        self.action, self.method, self.sent = None, None, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "match-form" in attrs.get("class", ""):
            self.action, self.method = attrs["action"], attrs["method"]
        if tag == "input" and attrs.get("type") == "radio" and "checked" in attrs:
            self.sent[attrs["name"]] = attrs["value"]


def read_form(response) -> FormReader:
    reader = FormReader()
    reader.feed(response.text)
    return reader


def test_the_form_sent_as_rendered_reproduces_the_result(client, race):
    url = reverse("election_match", args=[race.election.slug])
    answers = {f"s{race.aid.pk}": "agree", f"w{race.aid.pk}": "2", f"s{race.talks.pk}": "disagree"}
    first = client.get(url, answers)

    form = read_form(first)
    assert (form.action, form.method) == (url, "get")
    assert form.sent == {**answers, f"w{race.talks.pk}": "1"}  # the default importance
    again = client.get(form.action, form.sent)
    tallies = [
        (t.agrees, t.disagrees, t.mixed, t.no_position, t.score)
        for t in (first.context["result"].tallies)
    ]
    assert tallies == [
        (t.agrees, t.disagrees, t.mixed, t.no_position, t.score)
        for t in again.context["result"].tallies
    ]


def test_the_empty_form_skips_everything_by_default(client, race):
    response = client.get(reverse("election_match", args=[race.election.slug]))

    assert read_form(response).sent == {
        f"s{race.aid.pk}": "skip",
        f"w{race.aid.pk}": "1",
        f"s{race.talks.pk}": "skip",
        f"w{race.talks.pk}": "1",
    }


def test_match_shows_the_newest_election_and_links_the_others(client, race):
    older = make_election(name="An older election", held_on=race.election.held_on.replace(2019))

    response = client.get(reverse("match"))

    assert response.status_code == 200
    assert response.context["election"] == race.election
    assert read_form(response).action == reverse("election_match", args=[race.election.slug])
    assert f'href="{reverse("election_match", args=[older.slug])}"' in response.text


def test_a_result_is_never_stored_and_sets_no_cookie(client, race):
    url = reverse("election_match", args=[race.election.slug])
    query = {f"s{race.aid.pk}": "agree"}

    first, second = client.get(url, query), client.get(url, query)

    for response in (first, second):
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert response["X-Page-Cache"] == "miss"  # never served from the page cache
        assert response["X-Robots-Tag"] == "noindex"
        assert not response.cookies
    assert not client.cookies
    assert Session.objects.count() == 0


def test_the_empty_form_is_cached_like_any_page(client, race):
    url = reverse("election_match", args=[race.election.slug])

    first, second = client.get(url), client.get(url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert not first.cookies


def test_answers_are_not_logged_even_when_refused(client, race, caplog):
    url = reverse("election_match", args=[race.election.slug])
    with caplog.at_level("DEBUG"):
        client.get(url, {f"s{race.aid.pk}": "agree"})
        refused = client.get(url, {f"s{race.aid.pk}": "agree-strongly"})

    assert refused.status_code == 400
    assert "agree" not in caplog.text
    assert f"s{race.aid.pk}" not in caplog.text


def test_with_no_election_yet_the_page_says_so(client):
    response = client.get(reverse("match"), {"s1": "agree"})

    assert response.status_code == 200
    assert "There is no election to compare your views with yet." in response.text
    assert "no-store" in response["Cache-Control"]
