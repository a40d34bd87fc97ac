"""The extractor's finds become pending suggestions; editors accept them as draft quotes at their
place in the body, or reject them for good; their decisions give the extractor's precision."""

import pytest

from stances.models import Quote, QuoteSuggestion, Speaker
from stances.suggestions import (
    SuggestionError,
    accept,
    match_speaker,
    refresh_suggestions,
    reject,
)
from tests.factories import make_article, make_editor, make_speaker, make_suggestion

pytestmark = pytest.mark.django_db

# A fictional report with one statement of each kind the extractor knows.
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

PARAPHRASE = "the government would reopen talks with its neighbours before the winter"
DIRECT = "We will not sign any deal that gives away our ports"
PARTIAL = "reckless gamble"
CLAIM = "the ministry had drafted the proposal months earlier"


@pytest.fixture
def article():
    return make_article(body=BODY)


@pytest.fixture
def okafor():
    return make_speaker(name="Ana Okafor")


def suggestion(article, kind) -> QuoteSuggestion:
    return QuoteSuggestion.objects.get(article=article, kind=kind)


def test_refreshing_makes_one_pending_suggestion_per_find(article):
    made = refresh_suggestions(article)

    assert [(s.kind, s.text) for s in made] == [
        ("paraphrase", PARAPHRASE),
        ("direct", DIRECT),
        ("partial", PARTIAL),
        ("anonymous", CLAIM),
    ]
    assert all(s.status == QuoteSuggestion.Status.PENDING for s in made)
    assert all(BODY[s.start_offset : s.end_offset].startswith(s.text) for s in made)
    assert suggestion(article, "direct").speaker_name == "Ana Okafor"
    assert suggestion(article, "anonymous").speaker_name == ""
    assert "unnamed officials" in suggestion(article, "anonymous").attribution


def test_refreshing_again_makes_nothing_new(article):
    refresh_suggestions(article)
    assert refresh_suggestions(article) == []
    assert QuoteSuggestion.objects.filter(article=article).count() == 4


def test_an_article_without_a_body_gets_no_suggestions():
    assert refresh_suggestions(make_article(body="")) == []


def test_accepting_makes_a_draft_quote_at_the_suggestions_place(article, okafor):
    editor = make_editor()
    refresh_suggestions(article)
    found = suggestion(article, "direct")

    quote = accept(found, editor)

    assert quote.status == Quote.Status.DRAFT
    assert (quote.text, quote.kind, quote.speaker) == (DIRECT, "direct", okafor)
    assert quote.article == article
    assert quote.text in article.body[quote.start_offset : quote.end_offset]
    assert quote.attribution_text == "Okafor told"
    found.refresh_from_db()
    assert found.status == QuoteSuggestion.Status.ACCEPTED
    assert (found.decided_by, found.quote) == (editor, quote)
    assert found.decided_at is not None


def test_accepting_an_anonymous_claim_keeps_the_printed_attribution(article):
    refresh_suggestions(article)
    quote = accept(suggestion(article, "anonymous"), make_editor())
    assert quote.kind == Quote.Kind.ANONYMOUS
    assert quote.speaker is None
    assert quote.attribution_text.startswith("According to unnamed officials")


def test_an_editor_may_choose_another_speaker(article, okafor):
    chosen = make_speaker(name="Ana M. Okafor-Reyes")
    refresh_suggestions(article)
    quote = accept(suggestion(article, "direct"), make_editor(), speaker=chosen)
    assert quote.speaker == chosen


def test_accepting_without_a_speaker_fails_and_changes_nothing(article):
    refresh_suggestions(article)
    found = suggestion(article, "partial")

    with pytest.raises(SuggestionError, match="No existing speaker matches “Marek Lindqvist”"):
        accept(found, make_editor())

    assert not Quote.objects.exists()
    found.refresh_from_db()
    assert found.status == QuoteSuggestion.Status.PENDING


def test_creating_the_speaker_gives_a_new_speaker_with_a_free_slug(article):
    make_speaker(name="Marek Lindqvist Senior", slug="marek-lindqvist")
    refresh_suggestions(article)

    quote = accept(suggestion(article, "partial"), make_editor(), create_speaker=True)

    assert quote.speaker.name == "Marek Lindqvist"
    assert quote.speaker.slug == "marek-lindqvist-2"
    assert Speaker.objects.filter(name="Marek Lindqvist").count() == 1


def test_a_decided_suggestion_cannot_be_decided_again(article, okafor):
    editor = make_editor()
    refresh_suggestions(article)
    found = suggestion(article, "direct")
    accept(found, editor)

    with pytest.raises(SuggestionError, match="already accepted"):
        accept(found, editor)
    with pytest.raises(SuggestionError, match="already accepted"):
        reject(found, editor)
    assert Quote.objects.count() == 1


def test_deleting_the_draft_quote_keeps_the_decision(article, okafor):
    refresh_suggestions(article)
    found = suggestion(article, "direct")
    accept(found, make_editor()).delete()

    found.refresh_from_db()
    assert found.status == QuoteSuggestion.Status.ACCEPTED
    assert found.quote is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ana Okafor", "Ana Okafor"),
        ("ana OKAFOR", "Ana Okafor"),
        ("Okafor", "Ana Okafor"),
        ("A. Okafor", "Ana Okafor"),
        ("Marek Okafor", None),
        ("Lindqvist", None),
        ("", None),
    ],
)
def test_a_name_matches_an_exact_name_or_a_unique_surname(name, expected):
    make_speaker(name="Ana Okafor")
    make_speaker(name="Tomas Berg")
    make_speaker(name="the Kremlin", kind=Speaker.Kind.ORGANISATION)
    matched = match_speaker(name)
    assert (matched.name if matched else None) == expected


def test_a_surname_shared_by_two_speakers_matches_neither():
    make_speaker(name="Ana Okafor")
    make_speaker(name="Chidi Okafor")
    assert match_speaker("Okafor") is None
    assert match_speaker("Chidi Okafor").name == "Chidi Okafor"


def test_matching_a_speaker_takes_one_query(django_assert_num_queries):
    make_speaker(name="Ana Okafor")
    make_speaker(name="Chidi Okafor")
    with django_assert_num_queries(1):
        assert match_speaker("Okafor") is None


def test_a_rejected_suggestion_never_comes_back(article):
    editor = make_editor()
    refresh_suggestions(article)
    reject(suggestion(article, "partial"), editor)

    assert refresh_suggestions(article) == []

    # The editor adds a paragraph at the top: every offset shifts.
    article.body = "Talks resumed this week after a long pause.\n\n" + BODY
    article.save()
    refresh_suggestions(article)

    partials = QuoteSuggestion.objects.filter(article=article, kind="partial")
    assert [s.status for s in partials] == [QuoteSuggestion.Status.REJECTED]
    # Pending suggestions follow the text to its new place; the stale ones are gone.
    direct = suggestion(article, "direct")
    assert direct.status == QuoteSuggestion.Status.PENDING
    assert article.body[direct.start_offset :].startswith(DIRECT)
    assert QuoteSuggestion.objects.filter(article=article).count() == 4


def test_an_accepted_suggestion_is_not_suggested_again_after_an_edit(article, okafor):
    refresh_suggestions(article)
    accept(suggestion(article, "direct"), make_editor())
    article.body = "A new first paragraph.\n\n" + BODY
    article.save()

    made = refresh_suggestions(article)

    assert "direct" not in {s.kind for s in made}
    assert QuoteSuggestion.objects.filter(article=article, kind="direct").count() == 1


def test_precision_is_accepted_over_decided():
    editor = make_editor()
    first, second = make_suggestion(), make_suggestion()
    assert QuoteSuggestion.objects.precision().value is None

    accept(first, editor, speaker=make_speaker())
    reject(second, editor)
    make_suggestion()  # pending: not counted
    for _ in range(2):
        accept(make_suggestion(), editor, speaker=make_speaker())

    precision = QuoteSuggestion.objects.precision()
    assert (precision.accepted, precision.rejected, precision.decided) == (3, 1, 4)
    assert precision.value == 0.75
    only_first = QuoteSuggestion.objects.filter(article=first.article).precision()
    assert (only_first.accepted, only_first.rejected, only_first.value) == (1, 0, 1.0)


def test_pending_and_decided_split_the_suggestions():
    editor = make_editor()
    pending, accepted, rejected = make_suggestion(), make_suggestion(), make_suggestion()
    accept(accepted, editor, speaker=make_speaker())
    reject(rejected, editor)
    assert list(QuoteSuggestion.objects.pending()) == [pending]
    assert set(QuoteSuggestion.objects.decided()) == {accepted, rejected}


def test_a_published_quote_from_a_suggestion_is_unaffected_by_refreshing(article, okafor):
    refresh_suggestions(article)
    quote = accept(suggestion(article, "direct"), make_editor())
    quote.status = Quote.Status.PUBLISHED
    quote.save()
    refresh_suggestions(article)
    assert Quote.objects.published().get() == quote


def test_an_anonymous_claim_without_an_attribution_is_not_accepted():
    claim = make_suggestion(kind=Quote.Kind.ANONYMOUS, speaker_name="", attribution="")
    with pytest.raises(SuggestionError, match="found no attribution"):
        accept(claim, make_editor())
    assert not Quote.objects.exists()


def test_a_failed_acceptance_leaves_no_new_speaker_behind():
    stale = make_suggestion(start_offset=1)
    stale.article.body = "Shortened."
    stale.article.save()

    with pytest.raises(SuggestionError, match="The article body has only 10 characters"):
        accept(stale, make_editor(), create_speaker=True)

    assert not Speaker.objects.exists()
    assert not Quote.objects.exists()
    stale.refresh_from_db()
    assert stale.status == QuoteSuggestion.Status.PENDING
