"""Every admin page of the content apps opens for a member of Editors (lists, searches, filters,
add and change forms); the users and groups pages stay closed to them and to outsiders."""

import pytest
from django.contrib import admin
from django.urls import reverse

from articles.models import Article, Outlet
from stances.models import (
    Candidacy,
    Election,
    Quote,
    QuoteSuggestion,
    Speaker,
    SpeakerRole,
    Stance,
    StanceTag,
    Topic,
)
from tests.factories import (
    make_article,
    make_candidacy,
    make_election,
    make_outlet,
    make_quote,
    make_role,
    make_speaker,
    make_stance,
    make_suggestion,
    make_tag,
    serial,
)

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("articles", "stances")


def code() -> str:
    """A two-letter code (country, language) different on every call."""
    n = serial()
    return chr(65 + n // 26 % 26) + chr(65 + n % 26)


def quote_with_everything():
    """A tagged quote answering another, by a candidate: something in every column and filter."""
    quote = make_tag(quote=make_quote(responds_to=make_quote())).quote
    make_candidacy(speaker=quote.speaker)
    return quote


# One object of each registered model; values vary between calls so that two objects give
# every list filter at least two choices (a filter with one choice is not shown).
FACTORIES = {
    Outlet: lambda: make_outlet(country=code(), language=code().lower()),
    Article: lambda: make_article(language=code().lower()),
    Speaker: lambda: make_role(make_speaker(wikidata_id=f"Q{serial()}")).speaker,
    SpeakerRole: lambda: make_role(make_speaker(), organisation=f"Ministry {serial()}"),
    Election: lambda: make_candidacy(election=make_election(country=code())).election,
    Candidacy: lambda: make_candidacy(party=f"Party {serial()}"),
    Topic: lambda: make_stance().topic,
    Stance: make_stance,
    Quote: quote_with_everything,
    StanceTag: make_tag,
    QuoteSuggestion: make_suggestion,
}

# Made by the extractor and decided on the article's "Suggest quotes" page: no add form.
READ_ONLY = {QuoteSuggestion}

REGISTERED = sorted(
    (model for model in admin.site._registry if model._meta.app_label in CONTENT_APPS),
    key=lambda model: model._meta.label,
)


def admin_url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def every_admin_page_an_editor_opens() -> list[str]:
    """The admin's index, the editors' own pages, and each content model's list, add (where it
    has one), change and history pages, for an object made of each."""
    urls = [
        reverse("admin:index"),
        reverse("admin:stances_quote_tagging_queue"),
        reverse("admin:articles_article_suggestions", args=[make_article().pk]),
        reverse("admin:articles_article_import"),
    ]
    for model in REGISTERED:
        obj = FACTORIES[model]()
        urls.append(admin_url(model, "changelist"))
        if model not in READ_ONLY:
            urls.append(admin_url(model, "add"))
        urls.append(admin_url(model, "change", obj.pk))
        urls.append(admin_url(model, "history", obj.pk))
    return urls


def test_every_content_model_in_the_admin_has_a_factory_here():
    assert set(REGISTERED) == set(FACTORIES)


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_the_changelist_add_and_change_pages_open_for_an_editor(editor_client, model):
    obj = FACTORIES[model]()
    for url in (
        admin_url(model, "changelist"),
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
        admin_url(model, "history", obj.pk),
    ):
        response = editor_client.get(url)
        expected = 403 if model in READ_ONLY and url == admin_url(model, "add") else 200
        assert response.status_code == expected, url


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_the_changelist_lists_the_object_and_finds_it_by_search(editor_client, model):
    obj = FACTORIES[model]()
    listed = editor_client.get(admin_url(model, "changelist"))
    assert obj in listed.context["cl"].result_list

    # A word of the object's own text (after "Speaker:" or "Supports:" when there is one).
    word = str(obj).split(": ")[-1].split()[0]
    found = editor_client.get(admin_url(model, "changelist"), {"q": word})
    assert found.status_code == 200
    assert obj in found.context["cl"].result_list

    missing = editor_client.get(admin_url(model, "changelist"), {"q": "zzz-no-such-thing"})
    assert missing.status_code == 200
    assert list(missing.context["cl"].result_list) == []


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_every_choice_of_every_list_filter_opens(editor_client, model):
    FACTORIES[model]()
    FACTORIES[model]()
    changelist = editor_client.get(admin_url(model, "changelist")).context["cl"]
    assert len(changelist.filter_specs) == len(admin.site._registry[model].list_filter)
    applied = 0
    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            if choice["selected"]:
                continue  # the unfiltered "All"
            response = editor_client.get(admin_url(model, "changelist") + choice["query_string"])
            # An invalid lookup would redirect to ?e=1; a broken one would raise.
            assert response.status_code == 200, choice["query_string"]
            applied += 1
    if changelist.filter_specs:
        assert applied > 0


@pytest.mark.parametrize("page", ["changelist", "add"])
@pytest.mark.parametrize("model_name", ["user", "group"])
def test_an_editor_cannot_open_users_or_groups(editor_client, editor, model_name, page):
    response = editor_client.get(reverse(f"admin:auth_{model_name}_{page}"))
    assert response.status_code == 403


def test_an_editor_cannot_open_their_own_account_page(editor_client, editor):
    response = editor_client.get(reverse("admin:auth_user_change", args=[editor.pk]))
    assert response.status_code == 403


def test_the_admin_index_offers_content_but_not_accounts(editor_client):
    response = editor_client.get(reverse("admin:index"))
    assert response.status_code == 200
    app_labels = {app["app_label"] for app in response.context["app_list"]}
    assert app_labels == set(CONTENT_APPS)


def test_an_outsider_is_sent_to_the_login_page(client, outsider):
    client.force_login(outsider)
    response = client.get(admin_url(Quote, "changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_a_published_quote_links_to_its_public_page(editor_client):
    quote = make_quote(status=Quote.Status.PUBLISHED)
    response = editor_client.get(admin_url(Quote, "change", quote.pk))
    assert response.context["absolute_url"] == reverse("quote", kwargs={"pk": quote.pk})
    assert f'href="{quote.get_absolute_url()}"' in response.content.decode()


def test_a_draft_quote_has_no_view_on_site_link(editor_client):
    quote = make_quote(status=Quote.Status.DRAFT)
    response = editor_client.get(admin_url(Quote, "change", quote.pk))
    assert response.status_code == 200
    assert not response.context["has_absolute_url"]
