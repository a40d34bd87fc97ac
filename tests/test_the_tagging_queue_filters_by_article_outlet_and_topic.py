"""The tagging queue narrows to one article, one outlet or one topic (a quote is on a topic when
another quote of its article is tagged on it), as GET parameters with labels; a bad value is
named in a 400, never a server error, and the filters survive a tag."""

import pytest
from django.urls import reverse

from tests.factories import (
    make_article,
    make_outlet,
    make_quote,
    make_stance,
    make_tag,
    make_topic,
)

pytestmark = pytest.mark.django_db

QUEUE = "admin:stances_quote_tagging_queue"


def listed(response):
    return [row.quote for row in response.context["rows"]]


@pytest.fixture
def world():
    courier, ledger = make_outlet(name="The Courier"), make_outlet(name="The Ledger")
    war = make_topic(name="Russia-Ukraine war")
    trade = make_topic(name="Trade")
    first = make_article(outlet=courier, title="Talks in Geneva")
    second = make_article(outlet=courier, title="Tariffs return")
    third = make_article(outlet=ledger, title="Aid debate")
    make_tag(quote=make_quote(article=first), stance=make_stance(topic=war))
    make_tag(quote=make_quote(article=second), stance=make_stance(topic=trade))
    waiting = {
        "geneva": make_quote(article=first, text="A ceasefire can hold"),
        "tariffs": make_quote(article=second, text="Tariffs protect nobody"),
        "aid": make_quote(article=third, text="Aid must go on"),
    }
    return {"courier": courier, "war": war, "first": first, **waiting}


def test_the_filters_are_labelled_fields_of_a_get_form(editor_client, world):
    page = editor_client.get(reverse(QUEUE)).content.decode()

    assert '<form method="get" class="queue-filters"' in page
    for name, label in (("article", "Article"), ("outlet", "Outlet"), ("topic", "Topic")):
        assert f'<label for="id_{name}">{label}</label>' in page
    assert "another quote is already tagged on this topic" in page


def test_each_filter_narrows_the_queue(editor_client, world):
    def queue(query):
        return listed(editor_client.get(reverse(QUEUE) + query))

    assert queue(f"?article={world['first'].pk}") == [world["geneva"]]
    assert queue(f"?outlet={world['courier'].pk}") == [world["geneva"], world["tariffs"]]
    assert queue(f"?topic={world['war'].pk}") == [world["geneva"]]
    assert queue(f"?outlet={world['courier'].pk}&topic={world['war'].pk}") == [world["geneva"]]
    assert queue("") == [world["geneva"], world["tariffs"], world["aid"]]


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("?article=abc", "There is no article number “abc”."),
        ("?article=99999999999999999999", "There is no article number"),
        ("?outlet=-1", "There is no outlet number “-1”."),
        ("?topic=%E2%80%94", "There is no topic number “—”."),
        ("?topic=%00", ""),  # refused as a bad request before the admin sees it
        ("?topic=1.5", "There is no topic number “1.5”."),
    ],
)
def test_a_bad_filter_value_is_named_not_a_server_error(editor_client, world, query, says):
    response = editor_client.get(reverse(QUEUE) + query)

    assert response.status_code == 400
    assert says in response.content.decode()
    if says:
        assert listed(response) == []


def test_a_bad_page_number_shows_a_page_anyway(editor_client, world):
    for page in ("abc", "0", "99999999999999999999999"):
        assert editor_client.get(reverse(QUEUE) + f"?page={page}").status_code == 200


def test_tagging_from_a_filtered_queue_comes_back_to_it(editor_client, world):
    stance = make_stance(topic=world["war"])
    response = editor_client.post(
        reverse("admin:stances_quote_tag", args=[world["geneva"].pk]),
        {
            "stance": stance.pk,
            "tag": "supports",
            "outlet": world["courier"].pk,
            "page": "1",
            "next": world["tariffs"].pk,
            "topic": "<script>",  # never copied into the address
        },
    )

    assert response["Location"] == (
        f"{reverse(QUEUE)}?outlet={world['courier'].pk}&page=1#quote-{world['tariffs'].pk}"
    )


def test_the_article_and_outlet_of_each_quote_link_to_their_filters(editor_client, world):
    page = editor_client.get(reverse(QUEUE)).content.decode()

    assert f'<a href="?article={world["first"].pk}" title="Only this article' in page
    assert f'<a href="?outlet={world["courier"].pk}" title="Only this outlet' in page


def test_a_quote_from_an_article_without_an_outlet_is_listed_and_tagged(editor_client):
    article = make_article(outlet=None, title="No named publication")
    quote = make_quote(article=article, status="draft")

    queue = editor_client.get(reverse(QUEUE) + f"?article={article.pk}")
    new_stance = editor_client.get(reverse("admin:stances_quote_new_stance", args=[quote.pk]))
    make_tag(quote=quote)
    confirmation = editor_client.get(
        reverse("admin:stances_quote_publish_article", args=[article.pk])
    )

    assert listed(queue) == [quote]
    assert "No named publication" in queue.content.decode()
    assert new_stance.status_code == confirmation.status_code == 200
