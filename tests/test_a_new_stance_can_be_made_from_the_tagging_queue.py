"""From the tagging queue an editor creates a stance (topic and statement) and tags the quote with
it in one step: history and the admin log as on the stance's own page, a unique slug, duplicates
refused with the stance to pick instead, and nothing half-made when the quote cannot be tagged."""

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.urls import reverse

from stances.models import Quote, Stance, StanceTag
from tests.factories import make_quote, make_stance, make_topic

pytestmark = pytest.mark.django_db

QUEUE = "admin:stances_quote_tagging_queue"


def new_stance_url(quote):
    return reverse("admin:stances_quote_new_stance", args=[quote.pk])


def test_the_queue_links_each_quote_to_its_new_stance_form(editor_client):
    first, second = make_quote(), make_quote()

    page = editor_client.get(reverse(QUEUE)).content.decode()

    assert f'href="{new_stance_url(first)}?page=1&amp;next={second.pk}"' in page


def test_the_form_has_labelled_fields_and_a_button(editor_client):
    quote = make_quote(status=Quote.Status.DRAFT)
    make_topic(name="Relations with China")

    response = editor_client.get(new_stance_url(quote))

    page = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_new-topic" class="required">Topic</label>' in page
    assert '<label for="id_new-statement" class="required">Statement</label>' in page
    assert '<legend class="required">The quote</legend>' in page
    assert "Publish the quote too" in page
    button = '<button type="submit" class="button default">Create the stance and tag the quote'
    assert button in page


def test_a_new_stance_is_created_with_history_and_the_quote_tagged_and_published(
    editor_client, editor
):
    topic = make_topic(name="Relations with China")
    make_stance(topic=make_topic(), statement="x", slug="ban-chip-exports")  # slug taken
    quote = make_quote(status=Quote.Status.DRAFT)
    following = make_quote()

    response = editor_client.post(
        new_stance_url(quote),
        {
            "new-topic": topic.pk,
            "new-statement": "  Ban chip exports  ",
            "new-alignment": "opposes",
            "new-publish": "on",
            "seen": "",
            "page": "1",
            "next": following.pk,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"{reverse(QUEUE)}?page=1#quote-{following.pk}"
    stance = Stance.objects.get(statement="Ban chip exports")
    assert (stance.topic, stance.slug) == (topic, "ban-chip-exports-2")
    assert stance.history.get().history_user == editor
    assert LogEntry.objects.get(object_id=str(stance.pk), action_flag=ADDITION).user == editor
    tag = quote.tags.get()
    assert (tag.stance, tag.alignment, tag.tagged_by) == (stance, "opposes", editor)
    quote.refresh_from_db()
    assert quote.status == Quote.Status.PUBLISHED
    said = [str(m) for m in editor_client.get(response["Location"]).context["messages"]]
    assert "Created the stance “Ban chip exports” on Relations with China." in said
    assert "Published 1 quote." in said


def test_a_duplicate_statement_is_refused_naming_the_stance_to_pick(editor_client):
    existing = make_stance(statement="Ban chip exports")
    quote = make_quote()

    response = editor_client.post(
        new_stance_url(quote),
        {
            "new-topic": existing.topic_id,
            "new-statement": "ban CHIP exports",
            "new-alignment": "supports",
        },
    )

    assert response.status_code == 400
    assert f"already has the stance “{existing}”" in response.content.decode()
    assert 'value="ban CHIP exports"' in response.content.decode()  # the input is kept
    assert Stance.objects.count() == 1
    assert not StanceTag.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"new-statement": "Ban chip exports", "new-alignment": "supports"},
        {"new-topic": "abc", "new-statement": "Ban chip exports", "new-alignment": "supports"},
        {
            "new-topic": "99999999999999999999999",
            "new-statement": "Ban",
            "new-alignment": "supports",
        },
        {"new-topic": "{topic}", "new-statement": "   ", "new-alignment": "supports"},
        {"new-topic": "{topic}", "new-statement": "x" * 301, "new-alignment": "supports"},
        {"new-topic": "{topic}", "new-statement": "Ban chip exports", "new-alignment": "sideways"},
    ],
)
def test_bad_input_keeps_the_form_with_its_errors(editor_client, data):
    topic = make_topic()
    quote = make_quote()
    data = {k: v.format(topic=topic.pk) for k, v in data.items()}

    response = editor_client.post(new_stance_url(quote), data)

    assert response.status_code == 400
    assert response.context["form"].errors
    assert not Stance.objects.exists()


def test_a_quote_retracted_meanwhile_leaves_no_stance_behind(editor_client):
    topic = make_topic()
    quote = make_quote()
    Quote.objects.filter(pk=quote.pk).update(status="retracted", retraction_reason="Misquoted.")

    response = editor_client.post(
        new_stance_url(quote),
        {"new-topic": topic.pk, "new-statement": "Ban chip exports", "new-alignment": "supports"},
    )

    assert response.status_code == 400
    assert "was retracted, so it is not tagged any more" in response.content.decode()
    assert not Stance.objects.exists()


def test_only_editors_may_create_stances_here(client, django_user_model):
    quote = make_quote()
    staff = django_user_model.objects.create_user("stan", password="correct-horse-battery")
    staff.is_staff = True
    staff.save()
    client.force_login(staff)

    assert client.get(new_stance_url(quote)).status_code == 403
    response = client.post(
        new_stance_url(quote),
        {
            "new-topic": make_topic().pk,
            "new-statement": "Ban chip exports",
            "new-alignment": "supports",
        },
    )
    assert response.status_code == 403
    assert not Stance.objects.exists()
