"""`loaddemo` loads the facts of the seed article as the design describes them, signs in a demo
editor who is not a superuser, and changes nothing when run again."""

import io
from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from stances.models import (
    Candidacy,
    Election,
    Quote,
    Speaker,
    SpeakerRole,
    Stance,
    StanceTag,
    Topic,
)

pytestmark = pytest.mark.django_db

# The README's demo-only account.
DEMO_USERNAME = "editor"
DEMO_PASSWORD = "stances-demo"


def loaddemo(*args) -> str:
    out = io.StringIO()
    call_command("loaddemo", "--demo-editor", *args, stdout=out)
    return out.getvalue()


def everything() -> dict[str, list[dict]]:
    """Every row of the content apps and of the accounts, as stored."""
    models = [
        *apps.get_app_config("articles").get_models(),
        *apps.get_app_config("stances").get_models(),
        get_user_model(),
        get_user_model().groups.through,
    ]
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in models}


@pytest.fixture
def loaded():
    return loaddemo()


def quote(text_start: str) -> Quote:
    return Quote.objects.get(text__startswith=text_start)


def test_the_first_run_reports_what_it_created(loaded):
    assert (
        "Demo data loaded: 90 created, 0 already there and left as they are (25 quotes from"
        in loaded
    )


def test_the_demo_holds_one_article_without_an_outlet(loaded):
    article = Article.objects.get()
    assert article.title.startswith("What Russia gains and loses")
    assert article.published_on.isoformat() == "2024-11-05"
    assert article.outlet is None


def test_the_demo_has_quotes_of_every_kind(loaded):
    assert Counter(Quote.objects.values_list("kind", flat=True)) == {
        Quote.Kind.DIRECT: 4,
        Quote.Kind.PARTIAL: 5,
        Quote.Kind.PARAPHRASE: 12,
        Quote.Kind.ANONYMOUS: 4,
    }


def test_every_demo_quote_is_published_and_reported_in_the_article(loaded):
    article = Article.objects.get()
    assert set(Quote.objects.values_list("status", "article")) == {("published", article.pk)}
    assert not Quote.objects.filter(published_at__isnull=True).exists()


def test_the_anonymous_claim_about_trump_has_no_speaker(loaded):
    trump = Speaker.objects.get(slug="donald-trump")
    minsk = quote("the plan was a revision of the Minsk agreements")
    assert minsk.kind == Quote.Kind.ANONYMOUS
    assert minsk.speaker is None
    assert minsk.about == trump
    assert minsk.attribution_text == "unnamed Trump advisers, cited by the Financial Times"
    # And so for every anonymous claim: no speaker, a printed attribution, about Trump.
    anonymous = Quote.objects.filter(kind=Quote.Kind.ANONYMOUS)
    assert set(anonymous.values_list("speaker", "about")) == {(None, trump.pk)}
    assert not anonymous.filter(attribution_text="").exists()


def test_vance_speaks_about_trumps_plan(loaded):
    vance_quote = quote("A guarantee of Kyiv's neutral status")
    assert (vance_quote.speaker.slug, vance_quote.about.slug) == ("jd-vance", "donald-trump")


def test_reactions_link_to_what_they_answer(loaded):
    twenty_four_hours = quote("I will literally call two people")
    assert {(q.speaker.slug, q.text[:30]) for q in twenty_four_hours.reactions.all()} == {
        ("volodymyr-zelensky", "he did not believe in Trump's "),
        ("the-kremlin", "nothing can be done within 24 "),
        ("the-kremlin", "unless the newly elected presi"),
        ("dmitry-peskov", "By the morning, something will"),
    }
    assert quote('the use of "boorish language"').responds_to == quote("killer dictator")
    assert quote("Ukraine does not agree").responds_to == quote("his plan involves the creation")
    assert Quote.objects.filter(responds_to__isnull=False).count() == 6


def test_the_demo_holds_the_speakers_election_and_stances(loaded):
    assert Speaker.objects.count() == 10
    assert Speaker.objects.filter(kind=Speaker.Kind.ORGANISATION).count() == 3
    assert SpeakerRole.objects.count() == 9
    assert Topic.objects.count() == 2
    assert Stance.objects.count() == 10
    assert StanceTag.objects.count() == 19

    election = Election.objects.get()
    candidacies = {c.speaker.slug: c for c in Candidacy.objects.filter(election=election)}
    assert set(candidacies) == {"donald-trump", "kamala-harris", "jd-vance"}
    assert candidacies["jd-vance"].running_mate_of == candidacies["donald-trump"]
    assert candidacies["jd-vance"].ticket_position == Candidacy.TicketPosition.RUNNING_MATE


def test_peskov_is_quoted_with_the_role_he_held(loaded):
    peskov_quote = quote("By the morning")
    assert peskov_quote.role_at_the_time().title == "Kremlin spokesman"


def test_the_demo_tags_are_credited_to_the_demo_editor(loaded):
    editor = get_user_model().objects.get(username=DEMO_USERNAME)
    assert set(StanceTag.objects.values_list("tagged_by", flat=True)) == {editor.pk}


# The demo editor ----------------------------------------------------------------------------


def test_the_demo_editor_signs_in_to_the_admin_with_the_readme_credentials(loaded, client):
    signed_in = client.post(
        reverse("admin:login"),
        {"username": DEMO_USERNAME, "password": DEMO_PASSWORD, "next": reverse("admin:index")},
    )
    assert signed_in.status_code == 302
    assert signed_in.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:stances_quote_changelist")).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_the_demo_editor_is_staff_in_editors_and_not_a_superuser(loaded):
    editor = get_user_model().objects.get(username=DEMO_USERNAME)
    assert editor.is_staff
    assert not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]


# Running it again ---------------------------------------------------------------------------


def test_a_second_run_creates_and_updates_nothing(loaded):
    before = everything()
    assert "Demo data loaded: 0 created, 46 already there and left as they are (25 quotes" in (
        loaddemo()
    )
    assert everything() == before


def test_a_second_run_leaves_every_updated_at_unchanged(loaded):
    stamps = {
        model: dict(model.objects.values_list("pk", "updated_at")) for model in (Article, Quote)
    }
    loaddemo()
    for model, before in stamps.items():
        assert dict(model.objects.values_list("pk", "updated_at")) == before


def test_a_run_restores_a_missing_fact_but_keeps_an_editors_change(loaded):
    SpeakerRole.objects.get(title="Kremlin spokesman").delete()
    vance = Speaker.objects.get(slug="jd-vance")
    vance.description = "Ohio senator and Trump's running mate"
    vance.save()

    assert "Demo data loaded: 1 created" in loaddemo()
    assert SpeakerRole.objects.filter(title="Kremlin spokesman").exists()
    assert Speaker.objects.get(slug="jd-vance").description == vance.description
    assert "Demo data loaded: 0 created" in loaddemo()


def test_a_run_keeps_an_editors_corrections_to_quotes_and_tags_without_duplicates(loaded):
    corrected = quote("world-class chess player")
    corrected.text = "a world-class chess player"
    corrected.save()
    tag = corrected.tags.get()
    tag.alignment = "neutral"
    tag.save()

    loaddemo()

    assert Quote.objects.count() == 25
    assert not Quote.objects.filter(text="world-class chess player").exists()
    tag.refresh_from_db()
    assert tag.alignment == "neutral"


def test_without_the_flag_no_account_is_created():
    out = io.StringIO()
    call_command("loaddemo", stdout=out)
    assert not get_user_model().objects.exists()
    assert Quote.objects.count() == 25


def test_a_run_keeps_an_editors_retraction(loaded):
    retracted = quote("world-class chess player")
    retracted.status = Quote.Status.RETRACTED
    retracted.retraction_reason = "The article gives no date or source for these words."
    retracted.save()

    loaddemo()

    retracted.refresh_from_db()
    assert retracted.status == Quote.Status.RETRACTED
    assert retracted.retraction_reason.startswith("The article gives no date")


def test_the_demo_knows_the_names_readers_type(loaded, client):
    zelensky = Speaker.objects.get(slug="volodymyr-zelensky")
    assert {"Zelenskyy", "Zelenskiy", "Volodymyr Zelenskyy"} <= set(
        zelensky.other_names.values_list("name", flat=True)
    )
    assert "Dmitri Peskov" in Speaker.objects.get(slug="dmitry-peskov").other_names.values_list(
        "name", flat=True
    )

    own = set(Quote.objects.published().filter(speaker=zelensky))
    assert own
    for terms in ("Zelenskyy", "Zelenskiy", "Volodymyr Zelenskyy"):
        found = client.get(reverse("quotes"), {"q": terms}).context["page"].object_list
        assert own <= set(found), terms
