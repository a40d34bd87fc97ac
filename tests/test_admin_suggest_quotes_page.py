"""An editor opens "Suggest quotes" on an article, sees what the extractor found in its body, and
accepts (as draft quotes) or rejects each; bad input gets a message or a 404/405, never a 500."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stances.models import Quote, QuoteSuggestion, Speaker
from stances.suggestions import accept, reject
from tests.factories import make_article, make_editor, make_speaker, make_suggestion

pytestmark = pytest.mark.django_db

BODY = (
    "Ana Okafor, the foreign minister, said on Tuesday that the government would reopen talks "
    "with its neighbours before the winter.\n\n"
    '"We will not sign any deal that gives away our ports," Okafor told reporters in the '
    "capital.\n\n"
    'Opposition leader Marek Lindqvist called the plan a "reckless gamble" with the country\'s '
    "security.\n\n"
    "According to unnamed officials cited by the Daily Ledger, the ministry had drafted the "
    "proposal months earlier.\n"
)
DIRECT = "We will not sign any deal that gives away our ports"


@pytest.fixture
def article():
    return make_article(body=BODY)


@pytest.fixture
def okafor():
    return make_speaker(name="Ana Okafor")


def page_url(article) -> str:
    return reverse("admin:articles_article_suggestions", args=[article.pk])


def decide_url(article, suggestion, decision: str) -> str:
    return reverse(
        f"admin:articles_article_suggestion_{decision}", args=[article.pk, suggestion.pk]
    )


def opened(client, article):
    """Presses "Suggest quotes" (a POST queues the extractor, which the tests' ImmediateBackend
    runs once the request's transaction commits), follows to the list and returns it."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        pressed = client.post(page_url(article))
    assert (pressed.status_code, pressed.url) == (302, page_url(article))
    response = client.get(page_url(article))
    assert response.status_code == 200
    return response


def found(article, kind) -> QuoteSuggestion:
    return QuoteSuggestion.objects.get(article=article, kind=kind)


def listed(response) -> list[str]:
    return [row.suggestion.text for row in response.context["rows"]]


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_article_page_offers_suggest_quotes_when_it_has_a_body(editor_client, article):
    change = reverse("admin:articles_article_change", args=[article.pk])
    assert f'action="{page_url(article)}"' in editor_client.get(change).content.decode()

    bodiless = make_article(body="")
    change = reverse("admin:articles_article_change", args=[bodiless.pk])
    # The form's help text may name Suggest quotes; the button is what must be missing.
    assert f'action="{page_url(bodiless)}"' not in editor_client.get(change).content.decode()


def test_the_editor_sees_every_suggestion_with_its_speaker(editor_client, article, okafor):
    response = opened(editor_client, article)

    assert len(listed(response)) == 4
    html = response.content.decode()
    assert f">{DIRECT},</mark>" in html
    assert "Matched: Ana Okafor" in html
    assert "New speaker: Marek Lindqvist" in html
    assert "Create new speaker: Marek Lindqvist" in html
    assert "Unnamed sources: no speaker" in html
    assert '<label for="speaker-' in html
    assert "Accept all 2 with a matched speaker" in html
    assert "No suggestion has been accepted or rejected yet" in html


def test_accepting_makes_a_draft_quote_and_takes_it_off_the_list(editor_client, article, okafor):
    opened(editor_client, article)
    direct = found(article, "direct")

    response = editor_client.post(
        decide_url(article, direct, "accept"), {"speaker": okafor.pk}, follow=True
    )

    quote = Quote.objects.get()
    assert (quote.status, quote.speaker, quote.text) == (Quote.Status.DRAFT, okafor, DIRECT)
    assert DIRECT in article.body[quote.start_offset : quote.end_offset]
    assert response.redirect_chain == [(page_url(article), 302)]
    assert DIRECT not in listed(response)
    assert any(message.startswith("Accepted as a") for message in said(response))
    assert "Editors accepted 1 of 1 decided suggestions (precision 1.00)" in (
        response.content.decode()
    )


def test_rejecting_takes_it_off_the_list_for_good(editor_client, article):
    opened(editor_client, article)
    partial = found(article, "partial")

    response = editor_client.post(decide_url(article, partial, "reject"), follow=True)

    partial.refresh_from_db()
    assert partial.status == QuoteSuggestion.Status.REJECTED
    assert "reckless gamble" not in listed(response)
    assert "reckless gamble" not in listed(opened(editor_client, article))
    assert not Quote.objects.exists()
    assert "Editors accepted 0 of 1 decided suggestions (precision 0.00)" in (
        response.content.decode()
    )


def test_the_editor_can_create_the_new_speaker(editor_client, article):
    opened(editor_client, article)

    editor_client.post(decide_url(article, found(article, "partial"), "accept"), {"speaker": "new"})

    speaker = Speaker.objects.get(name="Marek Lindqvist")
    assert Quote.objects.get().speaker == speaker


def test_accept_all_with_a_matched_speaker(editor_client, article, okafor):
    opened(editor_client, article)
    url = reverse("admin:articles_article_suggestions_accept_matched", args=[article.pk])

    response = editor_client.post(url, follow=True)

    assert set(Quote.objects.values_list("kind", flat=True)) == {"direct", "paraphrase"}
    assert set(Quote.objects.values_list("speaker", flat=True)) == {okafor.pk}
    assert sorted(listed(response)) == sorted(
        ["reckless gamble", "the ministry had drafted the proposal months earlier"]
    )


def test_accepting_without_a_speaker_says_what_to_do(editor_client, article):
    opened(editor_client, article)

    response = editor_client.post(
        decide_url(article, found(article, "partial"), "accept"), {"speaker": ""}, follow=True
    )

    assert response.status_code == 200
    assert not Quote.objects.exists()
    assert any("choose one, or create a new speaker" in message for message in said(response))
    assert "reckless gamble" in listed(response)


@pytest.mark.parametrize("choice", ["999999", "not-a-number"])
def test_a_speaker_that_does_not_exist_is_refused_with_a_message(editor_client, article, choice):
    opened(editor_client, article)

    response = editor_client.post(
        decide_url(article, found(article, "direct"), "accept"), {"speaker": choice}, follow=True
    )

    assert response.status_code == 200
    assert not Quote.objects.exists()
    assert any("The chosen speaker does not exist" in message for message in said(response))


def test_deciding_twice_is_refused_with_a_message(editor_client, article, okafor):
    opened(editor_client, article)
    direct = found(article, "direct")
    editor_client.post(decide_url(article, direct, "accept"), {"speaker": okafor.pk})

    response = editor_client.post(decide_url(article, direct, "reject"), follow=True)

    assert response.status_code == 200
    assert any("already accepted" in message for message in said(response))
    direct.refresh_from_db()
    assert direct.status == QuoteSuggestion.Status.ACCEPTED
    assert Quote.objects.count() == 1


def test_unknown_suggestions_and_articles_are_404(editor_client, article):
    opened(editor_client, article)
    elsewhere = make_suggestion()
    missing = reverse("admin:articles_article_suggestion_accept", args=[article.pk, 999999])
    assert editor_client.post(missing).status_code == 404
    assert editor_client.post(decide_url(article, elsewhere, "reject")).status_code == 404
    assert editor_client.get("/admin/articles/article/0/suggestions/").status_code == 404
    assert editor_client.get("/admin/articles/article/x/suggestions/").status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == QuoteSuggestion.Status.PENDING


def test_decisions_only_by_post(editor_client, article):
    opened(editor_client, article)
    direct = found(article, "direct")
    assert editor_client.get(decide_url(article, direct, "accept")).status_code == 405
    assert editor_client.get(decide_url(article, direct, "reject")).status_code == 405
    assert editor_client.put(page_url(article)).status_code == 405
    direct.refresh_from_db()
    assert direct.status == QuoteSuggestion.Status.PENDING


def test_an_article_without_a_body_says_so(editor_client):
    article = make_article(body="")
    response = opened(editor_client, article)
    assert "This article has no body text stored" in response.content.decode()
    assert not QuoteSuggestion.objects.exists()


def test_an_outsider_is_sent_to_sign_in(client, outsider, article):
    client.force_login(outsider)
    response = client.get(page_url(article))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    assert not QuoteSuggestion.objects.exists()


@pytest.mark.parametrize("granted", [[], ["change_article"], ["add_quote"]])
def test_staff_without_both_permissions_get_403(client, django_user_model, article, granted):
    user = django_user_model.objects.create_user("stan", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=granted))
    client.force_login(user)
    suggestion = make_suggestion(article=article)

    assert client.get(page_url(article)).status_code == 403
    assert client.post(decide_url(article, suggestion, "accept")).status_code == 403
    assert client.post(decide_url(article, suggestion, "reject")).status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.status == QuoteSuggestion.Status.PENDING


def test_the_article_list_shows_pending_suggestions(editor_client, article):
    opened(editor_client, article)
    response = editor_client.get(reverse("admin:articles_article_changelist"))
    assert f'<a href="{page_url(article)}">4 pending</a>' in response.content.decode()


def test_the_suggestions_record_shows_the_precision(editor_client):
    editor = make_editor("ed2")
    accepted = make_suggestion()
    accept(accepted, editor, speaker=make_speaker())
    reject(make_suggestion(), editor)
    url = reverse("admin:stances_quotesuggestion_changelist")

    html = editor_client.get(url).content.decode()
    assert "Editors accepted 1 of 2 decided suggestions (precision 0.50)" in html
    assert "In this filtered list" not in html

    html = editor_client.get(url, {"article__id__exact": accepted.article_id}).content.decode()
    assert "In this filtered list:</strong> Editors accepted 1 of 1 decided" in html


NAMES = [
    "Ana Okafor",
    "Tomas Berg",
    "Lena Park",
    "Omar Haddad",
    "Ines Duarte",
    "Pavel Novak",
    "Mira Sato",
    "Jonas Weber",
    "Kofi Mensah",
    "Elif Demir",
    "Rosa Ortiz",
    "Aiko Tanaka",
]


def article_with_quotes(count: int):
    """An article whose body holds `count` direct quotes by different speakers, half of them
    known."""
    paragraphs = []
    for n, name in enumerate(NAMES[:count]):
        if n % 2:
            make_speaker(name=name)
        paragraphs.append(f'"We will keep the border open for trade number {n}," {name} said.')
    return make_article(body="\n\n".join(paragraphs) + "\n")


def test_the_page_takes_the_same_queries_for_few_and_many_suggestions(editor_client):
    counts = []
    for size in (2, 12):
        article = article_with_quotes(size)
        assert len(listed(opened(editor_client, article))) == size
        with CaptureQueriesContext(connection) as queries:
            editor_client.get(page_url(article))
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_speaker_offered_as_new_is_preselected_for_one_click_accepting(editor_client):
    article = make_article(
        body='"We will hold the line at the river," Foreign Minister Imogen Vasquez said.'
    )
    html = opened(editor_client, article).content.decode()
    assert QuoteSuggestion.objects.get(article=article).speaker_name == "Imogen Vasquez"
    assert '<option value="new" selected>Create new speaker: Imogen Vasquez</option>' in html


def test_opening_the_page_runs_nothing_and_writes_nothing(editor_client, article):
    response = editor_client.get(page_url(article))

    assert response.status_code == 200
    assert not QuoteSuggestion.objects.filter(article=article).exists()
    assert "Look for quotes in the text" in response.content.decode()


def test_suggest_quotes_says_how_many_it_found_and_nothing_twice(editor_client, article):
    first = opened(editor_client, article)
    again = opened(editor_client, article)

    assert "the extractor found 4 new suggestions." in first.content.decode()
    assert "the extractor found 0 new suggestions." in again.content.decode()
    assert len(listed(again)) == 4


def test_a_decision_is_kept_in_the_suggestions_history_with_the_editor(
    editor_client, editor, article
):
    opened(editor_client, article)
    direct = found(article, "direct")

    editor_client.post(decide_url(article, direct, "reject"))

    latest = direct.history.first()
    assert latest.status == QuoteSuggestion.Status.REJECTED
    assert latest.history_user == editor
    assert latest.history_change_reason == "Rejected by an editor"
    assert direct.history.count() == 2  # found, then rejected
    history = reverse("admin:stances_quotesuggestion_history", args=[direct.pk])
    assert editor_client.get(history).status_code == 200
