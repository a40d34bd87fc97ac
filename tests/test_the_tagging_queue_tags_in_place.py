"""In the tagging queue each quote has a stance picker (the top suggestion already picked) and
Supports / Opposes / Neutral buttons: one POST tags it in place and returns to the same place in
the queue. Without JavaScript a stance can be typed. Conflicts and bad input get a clear message;
only editors may tag; the page's queries do not grow with its quotes or with the stances."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stances.models import Quote, StanceTag
from tests.factories import make_article, make_editor, make_quote, make_stance, make_tag

pytestmark = pytest.mark.django_db

QUEUE = "admin:stances_quote_tagging_queue"
# 17 and 22 queries now (the tag suggester reads its stances in one); the headroom is for it, whose
# own reads may change. What must not change is the equality: no query per quote or stance.
QUEUE_PAGE_BUDGET = 18
QUEUE_FILTERED_BUDGET = 23


def tag_url(quote):
    return reverse("admin:stances_quote_tag", args=[quote.pk])


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


@pytest.fixture
def aid_stance():
    """A stance with two tagged quotes about military aid, so similar quotes get it suggested."""
    stance = make_stance(statement="Keep sending military aid to Ukraine")
    for text in (
        "We will keep sending military aid to Ukraine for as long as it takes",
        "Military aid to Ukraine must continue without interruption",
    ):
        make_tag(quote=make_quote(text=text), stance=stance, alignment="supports")
    return stance


def test_the_top_suggestion_is_picked_and_its_alignment_marked(editor_client, aid_stance):
    waiting = make_quote(text="Sending military aid to Ukraine will continue")

    page = editor_client.get(reverse(QUEUE)).content.decode()

    picker = page[page.index(f'id="stance-{waiting.pk}"') :].split("</select>")[0]
    assert f'<option value="{aid_stance.pk}" selected>' in picker
    assert "admin-autocomplete" in picker  # the admin's autocomplete, served by its JSON view
    assert 'class="button default">Supports<span class="visually-hidden"> (suggested)' in page


def test_pressing_an_alignment_tags_the_picked_stance_and_returns_to_the_next_quote(
    editor_client, editor
):
    stance = make_stance(statement="Meet the president directly")
    first, second = make_quote(), make_quote()
    article = first.article

    response = editor_client.post(
        tag_url(first),
        {
            "stance": stance.pk,
            "tag": "opposes",
            "seen": "",
            "article": article.pk,
            "page": "1",
            "next": second.pk,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == (
        f"{reverse(QUEUE)}?article={article.pk}&page=1#quote-{second.pk}"
    )
    tag = first.tags.get()
    assert (tag.stance, tag.alignment, tag.tagged_by) == (stance, "opposes", editor)
    assert tag.history.get().history_user == editor
    shown = messages_of(editor_client.get(response["Location"]))
    assert f"Opposes “{stance.statement}”" in shown
    assert first.speaker.name in shown


def test_without_javascript_a_stance_is_typed_by_statement_or_short_name(editor_client):
    stance = make_stance(statement="Lift the grain embargo", slug="lift-grain-embargo")
    by_statement, by_slug = make_quote(), make_quote()

    editor_client.post(
        tag_url(by_statement), {"stance_text": "lift THE grain embargo ", "tag": "supports"}
    )
    editor_client.post(tag_url(by_slug), {"stance_text": "lift-grain-embargo", "tag": "neutral"})

    assert by_statement.tags.get().stance == stance
    assert by_slug.tags.get().alignment == "neutral"


def test_the_typed_stance_list_is_one_list_for_the_whole_page(editor_client):
    for n in range(3):
        make_quote(text=f"Talks will open soon, part {n}")
    stances = [make_stance(statement=f"Open talks with the rebels {n}") for n in range(160)]

    response = editor_client.get(reverse(QUEUE))

    page = response.content.decode()

    assert page.count('<datalist id="stance-list">') == 1
    assert page.count('list="stance-list"') == 3
    assert f'<option value="{stances[-1].slug}">' in page
    # Each picker lists only its quote's suggestions, never every stance.
    for row in response.context["rows"]:
        picker = page[page.index(f'id="stance-{row.quote.pk}"') :].split("</select>")[0]
        assert picker.count("<option") == 1 + len(row.suggestions) <= 4


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({"tag": "supports"}, "Pick a stance first"),
        ({"stance": "abc", "tag": "supports"}, "Pick a stance first"),
        ({"stance": "99999999", "tag": "supports"}, "no longer exists"),
        ({"stance": "{stance}"}, "Press Supports, Opposes or Neutral"),
        ({"stance": "{stance}", "tag": "sideways"}, "Press Supports, Opposes or Neutral"),
        ({"stance_text": "No such stance at all", "tag": "supports"}, "No stance reads"),
        ({"stance_text": "x" * 5000, "tag": "supports"}, "No stance reads"),
        ({"stance_text": "Same words", "tag": "supports"}, "a stance on several topics"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_the_quote_stays_in_place(
    editor_client, data, says
):
    stance = make_stance(statement="Same words")
    make_stance(statement="Same words")  # on another topic
    quote = make_quote()
    data = {k: v.format(stance=stance.pk) for k, v in data.items()}

    response = editor_client.post(tag_url(quote), {**data, "page": "1"})

    assert response.status_code == 302
    assert response["Location"].endswith(f"#quote-{quote.pk}")
    assert says in messages_of(editor_client.get(response["Location"]))
    assert not StanceTag.objects.exists()


def test_a_quote_tagged_by_another_editor_meanwhile_is_not_tagged_again(editor_client):
    quote = make_quote()
    theirs = make_tag(quote=quote, tagged_by=make_editor("bob"))
    mine = make_stance(statement="Close the embassy")

    response = editor_client.post(
        tag_url(quote), {"stance": mine.pk, "tag": "supports", "seen": ""}, follow=True
    )

    said = messages_of(response)
    assert "tagged by another editor after this page was shown" in said
    assert f"“{theirs.stance}” by bob" in said
    assert list(quote.tags.all()) == [theirs]


def test_a_quote_retracted_meanwhile_says_so_and_is_not_tagged(editor_client):
    quote = make_quote()
    Quote.objects.filter(pk=quote.pk).update(status="retracted", retraction_reason="Misquoted.")

    response = editor_client.post(
        tag_url(quote), {"stance": make_stance().pk, "tag": "supports"}, follow=True
    )

    assert "was retracted, so it is not tagged any more" in messages_of(response)
    assert not StanceTag.objects.exists()


def test_tagging_needs_a_post_with_a_csrf_token(editor):
    quote = make_quote()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    assert client.get(tag_url(quote)).status_code == 405
    assert (
        client.post(tag_url(quote), {"stance": make_stance().pk, "tag": "supports"}).status_code
        == 403
    )
    assert not StanceTag.objects.exists()


def test_only_editors_may_open_the_queue_or_tag(client, outsider, django_user_model):
    quote = make_quote()
    stance = make_stance()
    client.force_login(outsider)  # no staff status: sent to sign in
    assert client.get(reverse(QUEUE)).status_code == 302
    assert client.post(tag_url(quote), {"stance": stance.pk, "tag": "supports"}).status_code == 302

    staff = django_user_model.objects.create_user("stan", password="correct-horse-battery")
    staff.is_staff = True
    staff.save()
    client.force_login(staff)  # staff, but not in the Editors group
    assert client.get(reverse(QUEUE)).status_code == 403
    assert client.post(tag_url(quote), {"stance": stance.pk, "tag": "supports"}).status_code == 403
    assert not StanceTag.objects.exists()


def test_the_queue_page_asks_a_pinned_number_of_queries_however_many_quotes_and_stances(
    editor_client, aid_stance
):
    article = make_article()
    # Another quote of the article is tagged on the topic, so the topic filter keeps its quotes.
    make_tag(quote=make_quote(article=article, text="Aid must go on"), stance=aid_stance)
    filtered = f"?article={article.pk}&outlet={article.outlet_id}&topic={aid_stance.topic_id}"

    def count(query=""):
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(reverse(QUEUE) + query)
        assert response.status_code == 200
        return len(queries), response

    make_quote(text="Military aid to Ukraine will continue", article=article)
    few, _ = count()
    few_filtered, _ = count(filtered)
    for n in range(30):
        make_quote(text=f"Sending military aid to Ukraine will continue, part {n}", article=article)
    for n in range(150):
        make_stance(statement=f"Another stance {n}", topic=aid_stance.topic)
    many, response = count()
    many_filtered, filtered_response = count(filtered)

    assert (few, few_filtered) == (many, many_filtered)
    assert many <= QUEUE_PAGE_BUDGET
    assert many_filtered <= QUEUE_FILTERED_BUDGET
    assert len(response.context["rows"]) == len(filtered_response.context["rows"]) == 25
    assert all(row.top.stance == aid_stance for row in response.context["rows"])
