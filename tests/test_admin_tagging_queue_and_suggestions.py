"""Editors tag quotes fast: a queue of untagged quotes with suggested stances accepted in a click,
suggestions on the quote's own page, and the admin index counting the work waiting."""

import pytest
from django.urls import reverse

from stances.models import Quote, StanceTag
from tests.factories import make_quote, make_stance, make_tag

pytestmark = pytest.mark.django_db

QUEUE = "admin:stances_quote_tagging_queue"


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


def queue_rows(response):
    return response.context["rows"]


def suggestions_by_quote(response):
    return {row.quote: row.suggestions for row in queue_rows(response)}


def test_the_queue_lists_untagged_quotes_oldest_first_without_retracted_ones(editor_client):
    first = make_quote(text="Sanctions will stay until the troops leave")
    second = make_quote(text="A ceasefire line is not a border", status=Quote.Status.DRAFT)
    make_quote(
        text="This was never said", status=Quote.Status.RETRACTED, retraction_reason="Misquoted."
    )
    make_tag(quote=make_quote(text="Already tagged"))

    response = editor_client.get(reverse(QUEUE))

    assert response.status_code == 200
    assert [row.quote for row in queue_rows(response)] == [first, second]


def test_the_queue_suggests_the_stance_of_similar_quotes(editor_client, aid_stance):
    waiting = make_quote(text="Sending military aid to Ukraine will continue")
    response = editor_client.get(reverse(QUEUE))
    suggestions = suggestions_by_quote(response)[waiting]
    assert suggestions, "a near-paraphrase of tagged quotes gets a suggestion"
    assert suggestions[0].stance == aid_stance
    assert suggestions[0].alignment == "supports"


def test_one_click_accepts_a_suggestion_and_records_the_editor(editor_client, editor, aid_stance):
    waiting = make_quote(text="Sending military aid to Ukraine will continue")
    response = editor_client.post(
        reverse("admin:stances_quote_accept_tag", args=[waiting.pk]),
        {"choice": f"{aid_stance.pk}:supports", "page": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(QUEUE) + "?page=1"
    tag = waiting.tags.get()
    assert (tag.stance, tag.alignment, tag.tagged_by) == (aid_stance, "supports", editor)
    assert tag.history.get().history_user == editor
    assert waiting not in [row.quote for row in queue_rows(editor_client.get(reverse(QUEUE)))]


@pytest.mark.parametrize(
    "choice", ["", "nonsense", "abc:supports", "99999:supports", "{stance}:sideways"]
)
def test_a_bad_accept_is_refused_with_a_message_and_changes_nothing(editor_client, choice):
    stance = make_stance()
    waiting = make_quote()
    response = editor_client.post(
        reverse("admin:stances_quote_accept_tag", args=[waiting.pk]),
        {"choice": choice.format(stance=stance.pk)},
        follow=True,
    )
    assert response.status_code == 200
    assert any(m.level_tag == "error" for m in response.context["messages"])
    assert not StanceTag.objects.exists()


def test_accepting_a_stance_the_quote_already_has_says_so(editor_client):
    tag = make_tag()
    response = editor_client.post(
        reverse("admin:stances_quote_accept_tag", args=[tag.quote_id]),
        {"choice": f"{tag.stance_id}:opposes"},
        follow=True,
    )
    assert "already tagged" in " ".join(str(m) for m in response.context["messages"])
    assert StanceTag.objects.get() == tag


def test_accepting_needs_a_post_and_an_existing_quote(editor_client):
    quote = make_quote()
    assert (
        editor_client.get(reverse("admin:stances_quote_accept_tag", args=[quote.pk])).status_code
        == 405
    )
    missing = editor_client.post(reverse("admin:stances_quote_accept_tag", args=[999999]), {})
    assert missing.status_code == 404


def test_an_outsider_cannot_open_the_queue_or_accept(client, outsider):
    client.force_login(outsider)
    quote = make_quote()
    assert client.get(reverse(QUEUE)).status_code == 302  # to the admin login
    response = client.post(
        reverse("admin:stances_quote_accept_tag", args=[quote.pk]), {"choice": "1:supports"}
    )
    assert response.status_code == 302
    assert not StanceTag.objects.exists()


def test_the_queue_asks_the_same_number_of_queries_for_few_and_many_quotes(
    editor_client, aid_stance, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(reverse(QUEUE)).status_code == 200
        return len(queries)

    make_quote(text="Military aid will continue")
    few = count()
    for n in range(30):
        make_quote(text=f"Aid to Ukraine will continue, part {n}")
    assert count() == few


def test_the_quote_page_offers_suggestions_and_accepting_saves_the_form_too(
    editor_client, editor, aid_stance
):
    waiting = make_quote(text="Sending military aid to Ukraine will continue")
    url = reverse("admin:stances_quote_change", args=[waiting.pk])
    page = editor_client.get(url)
    suggestion = page.context["tag_suggestions"][0]
    assert suggestion.stance == aid_stance
    assert f'value="{suggestion.value}"' in page.content.decode()

    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "attribution_text": "the minister told reporters",
            "tags-TOTAL_FORMS": "0",
            "tags-INITIAL_FORMS": "0",
            "tags-MIN_NUM_FORMS": "0",
            "tags-MAX_NUM_FORMS": "1000",
            "_accept_tag": suggestion.value,
        }
    )
    response = editor_client.post(url, data)

    assert response.status_code == 302
    assert response["Location"] == url
    waiting.refresh_from_db()
    assert waiting.attribution_text == "the minister told reporters"  # the editor's edit kept
    assert waiting.tags.get().stance == aid_stance


def test_the_admin_index_counts_the_work_waiting(editor_client):
    make_quote(status=Quote.Status.DRAFT)
    make_quote(status=Quote.Status.DRAFT)
    make_tag(quote=make_quote(status=Quote.Status.DRAFT))
    make_quote()  # published, untagged

    response = editor_client.get(reverse("admin:index"))

    work = {item["label"]: item["count"] for item in response.context["work"]}
    assert work["Quotes awaiting stance tags"] == 3
    assert work["Draft quotes awaiting publishing"] == 3
    assert "Quotes awaiting stance tags" in response.content.decode()
