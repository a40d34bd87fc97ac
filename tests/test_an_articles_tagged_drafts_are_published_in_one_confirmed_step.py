"""From the tagging queue filtered by an article, one button lists the article's tagged drafts on a
confirmation page; confirming publishes them through the quote list's publish action and counts
right: published N, and what was skipped, with why."""

import pytest
from django.test import Client
from django.urls import reverse

from stances import summaries
from stances.models import Quote, StanceTag
from tests.factories import make_article, make_quote, make_tag

pytestmark = pytest.mark.django_db

QUEUE = "admin:stances_quote_tagging_queue"


def publish_url(article):
    return reverse("admin:stances_quote_publish_article", args=[article.pk])


@pytest.fixture
def article():
    """Three tagged drafts, two untagged drafts, one published and one retracted quote."""
    article = make_article(title="Talks in Geneva")
    for n in range(3):
        make_tag(quote=make_quote(article=article, status="draft", text=f"Tagged draft {n}"))
    for n in range(2):
        make_quote(article=article, status="draft", text=f"Untagged draft {n}")
    make_tag(quote=make_quote(article=article, text="Already published"))
    make_quote(article=article, status="retracted", retraction_reason="Misquoted.")
    make_tag(quote=make_quote(status="draft", text="Another article's draft"))
    return article


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_queue_filtered_by_an_article_counts_its_drafts_and_offers_the_button(
    editor_client, article
):
    page = editor_client.get(reverse(QUEUE) + f"?article={article.pk}").content.decode()

    assert "3 draft quotes tagged and ready to publish;\n        2 drafts not tagged yet." in page
    assert f'href="{publish_url(article)}?article={article.pk}"' in page
    assert "Publish this article's draft quotes that are tagged…" in page


def test_the_confirmation_lists_the_tagged_drafts_and_what_stays_a_draft(editor_client, article):
    response = editor_client.get(publish_url(article))

    page = response.content.decode()
    assert [q.text for q in response.context["ready"]] == [f"Tagged draft {n}" for n in range(3)]
    assert "Untagged draft" not in page
    assert "Another article" not in page
    assert "2 draft quotes of this article are not tagged yet and will stay drafts." in page
    assert '<button type="submit" class="button default">Publish 3 quotes</button>' in page
    assert Quote.objects.drafts().count() == 6  # nothing published by looking


def test_confirming_publishes_them_and_counts_right(editor_client, editor, article):
    confirmation = editor_client.get(publish_url(article))
    ids = [q.pk for q in confirmation.context["ready"]]

    response = editor_client.post(
        publish_url(article), {"quote": ids, "article": article.pk}, follow=True
    )

    said = messages_of(response)
    assert "Published 3 quotes." in said
    assert (
        "Left 2 draft quotes of “Talks in Geneva” unpublished because they are not tagged yet."
        in said
    )
    assert not any("Skipped" in m for m in said)
    assert set(Quote.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"published"}
    assert all(q.history.first().history_user == editor for q in Quote.objects.filter(pk__in=ids))
    assert Quote.objects.get(text="Another article's draft").status == "draft"
    assert summaries.differences() == []
    assert response.redirect_chain[-1][0] == f"{reverse(QUEUE)}?article={article.pk}"


def test_quotes_changed_after_the_confirmation_are_skipped_with_why(editor_client, article):
    ids = [q.pk for q in editor_client.get(publish_url(article)).context["ready"]]
    retracted, untagged, _ = ids
    Quote.objects.filter(pk=retracted).update(status="retracted", retraction_reason="Misquoted.")
    StanceTag.objects.filter(quote_id=untagged).delete()

    response = editor_client.post(publish_url(article), {"quote": ids}, follow=True)

    said = messages_of(response)
    assert "Published 1 quote." in said
    assert "Skipped 1 quote that was already published or retracted." in said
    assert (
        "Skipped 1 quote whose tags were removed after you confirmed: tag it again first." in said
    )
    assert (
        "Left 2 draft quotes of “Talks in Geneva” unpublished because they are not tagged yet."
        in said
    )


def test_nothing_confirmed_publishes_nothing(editor_client, article):
    for data in ({}, {"quote": ["abc", "-1"]}):
        response = editor_client.post(publish_url(article), data, follow=True)
        assert "No quote was confirmed, so none was published." in messages_of(response)
    assert Quote.objects.drafts().count() == 6


def test_an_article_with_nothing_tagged_says_there_is_nothing_to_publish(editor_client):
    article = make_article()
    make_quote(article=article, status="draft")

    page = editor_client.get(publish_url(article)).content.decode()

    assert "None of this article's draft quotes is tagged, so there is nothing to publish." in page
    assert "Publish 0" not in page


def test_publishing_needs_an_editor_and_a_csrf_token(article, editor, django_user_model):
    staff = django_user_model.objects.create_user("stan", password="correct-horse-battery")
    staff.is_staff = True
    staff.save()
    client = Client()
    client.force_login(staff)
    assert client.get(publish_url(article)).status_code == 403
    assert client.post(publish_url(article), {"quote": [1, 2, 3]}).status_code == 403

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    ids = list(Quote.objects.drafts().values_list("pk", flat=True))
    assert strict.post(publish_url(article), {"quote": ids}).status_code == 403
    assert Quote.objects.drafts().count() == 6
    assert (
        strict.get(reverse("admin:stances_quote_publish_article", args=[999999])).status_code == 404
    )


def test_the_articles_page_leads_to_its_quotes_in_the_queue(editor_client, article):
    page = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))

    assert (
        f'<a href="{reverse(QUEUE)}?article={article.pk}">Tag and publish its quotes</a>'
        in page.content.decode()
    )
