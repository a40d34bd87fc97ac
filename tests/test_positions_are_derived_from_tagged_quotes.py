"""A holder's position on a stance is derived from the published, tagged quotes that give it:
supports, opposes, mixed or no recorded position, with shifts over time, the basis of the evidence
(own words, paraphrase, reports by others, unnamed sources) and how many outlets reported it."""

import datetime

import pytest

from stances.grids import build_grid
from stances.models import Quote, StanceTag
from stances.positions import Basis, Verdict
from tests.factories import (
    make_article,
    make_outlet,
    make_quote,
    make_speaker,
    make_stance,
    make_tag,
)

pytestmark = pytest.mark.django_db

SUPPORTS = StanceTag.Alignment.SUPPORTS
OPPOSES = StanceTag.Alignment.OPPOSES
NEUTRAL = StanceTag.Alignment.NEUTRAL


def day(month, date):
    return datetime.date(2024, month, date)


@pytest.fixture
def trump():
    return make_speaker(name="Donald Trump")


@pytest.fixture
def vance():
    return make_speaker(name="JD Vance")


@pytest.fixture
def aid():
    return make_stance(statement="Keep sending military aid to Ukraine")


def position(holder, stance):
    """The single cell for one holder and one stance, built the way every page builds it."""
    grid = build_grid([holder], [stance], include_empty_rows=True)
    [row] = grid.rows
    [cell] = row.cells
    return cell


def said(holder, stance, alignment, on=None, **quote_fields):
    """A published quote by the holder, said on a day, tagged with this alignment."""
    quote_fields.setdefault("speaker", holder)
    quote = make_quote(said_on=on, **quote_fields)
    return make_tag(quote=quote, stance=stance, alignment=alignment)


# Verdicts ------------------------------------------------------------------------------------


def test_quotes_that_all_support_give_supports(trump, aid):
    said(trump, aid, SUPPORTS, day(3, 1))
    said(trump, aid, SUPPORTS, day(4, 1))

    assert position(trump, aid).verdict == Verdict.SUPPORTS


def test_quotes_that_all_oppose_give_opposes(trump, aid):
    said(trump, aid, OPPOSES, day(3, 1))

    cell = position(trump, aid)
    assert cell.verdict == Verdict.OPPOSES
    assert cell.get_verdict_display() == "Opposes"


def test_no_quote_gives_no_recorded_position(trump, aid):
    cell = position(trump, aid)

    assert cell.verdict == Verdict.NONE
    assert cell.get_verdict_display() == "No recorded position"
    assert cell.quote_count == 0
    assert cell.basis == ""
    assert cell.newest_date is None


def test_both_sides_without_an_order_in_time_is_mixed(trump, aid):
    # Undated quotes reported in one article: nothing says which came first.
    article = make_article(published_on=day(5, 1))
    said(trump, aid, SUPPORTS, article=article)
    said(trump, aid, OPPOSES, article=article)

    cell = position(trump, aid)
    assert cell.verdict == Verdict.MIXED
    assert cell.shift is None
    assert cell.quote_count == 2


def test_back_and_forth_is_mixed_not_a_shift(trump, aid):
    said(trump, aid, SUPPORTS, day(1, 10))
    said(trump, aid, OPPOSES, day(2, 10))
    said(trump, aid, SUPPORTS, day(3, 10))

    cell = position(trump, aid)
    assert cell.verdict == Verdict.MIXED
    assert cell.shift is None


# Neutral tags ----------------------------------------------------------------------------------


def test_neutral_mentions_alone_record_no_position(trump, aid):
    said(trump, aid, NEUTRAL, day(3, 1))

    cell = position(trump, aid)
    assert cell.verdict == Verdict.NONE
    assert cell.quote_count == 1
    assert cell.only_mentions


def test_a_neutral_mention_does_not_turn_a_side_into_mixed(trump, aid):
    said(trump, aid, SUPPORTS, day(3, 1))
    said(trump, aid, NEUTRAL, day(4, 1))

    assert position(trump, aid).verdict == Verdict.SUPPORTS


def test_a_neutral_mention_between_two_sides_does_not_hide_a_shift(trump, aid):
    before = said(trump, aid, SUPPORTS, day(1, 1))
    said(trump, aid, NEUTRAL, day(2, 1))
    after = said(trump, aid, OPPOSES, day(3, 1))

    cell = position(trump, aid)
    assert cell.verdict == Verdict.OPPOSES
    assert cell.shift.before == before
    assert cell.shift.after == after


# Shifts ----------------------------------------------------------------------------------------


def test_a_change_of_side_over_time_is_a_shift_to_the_newer_side(trump, aid):
    said(trump, aid, SUPPORTS, day(1, 5))
    last_support = said(trump, aid, SUPPORTS, day(2, 5))
    first_opposition = said(trump, aid, OPPOSES, day(6, 5))
    said(trump, aid, OPPOSES, day(7, 5))

    cell = position(trump, aid)
    assert cell.verdict == Verdict.OPPOSES
    assert cell.shift.before == last_support
    assert cell.shift.after == first_opposition


def test_a_shift_is_found_whatever_order_the_quotes_were_entered_in(trump, aid):
    newer = said(trump, aid, SUPPORTS, day(9, 1))
    older = said(trump, aid, OPPOSES, day(2, 1))

    cell = position(trump, aid)
    assert cell.verdict == Verdict.SUPPORTS
    assert (cell.shift.before, cell.shift.after) == (older, newer)


def test_undated_quotes_on_both_sides_are_mixed_even_when_reported_months_apart(trump, aid):
    # An article's date says when words were printed, not said: old words are often reported
    # late, so printing dates cannot show a change of mind.
    said(trump, aid, OPPOSES, article=make_article(published_on=day(4, 1)))
    said(trump, aid, SUPPORTS, article=make_article(published_on=day(10, 1)))

    cell = position(trump, aid)
    assert cell.verdict == Verdict.MIXED
    assert cell.shift is None


def test_one_undated_quote_keeps_dated_ones_from_making_a_shift(trump, aid):
    said(trump, aid, OPPOSES, day(2, 1))
    said(trump, aid, SUPPORTS, day(9, 1))
    said(trump, aid, SUPPORTS, article=make_article(published_on=day(10, 1)))

    assert position(trump, aid).verdict == Verdict.MIXED


def test_said_on_wins_over_the_article_date_when_ordering(trump, aid):
    # Reported late, but said early: the opposition is the older statement.
    early_words = said(
        trump, aid, OPPOSES, day(1, 15), article=make_article(published_on=day(11, 1))
    )
    later = said(trump, aid, SUPPORTS, day(6, 1), article=make_article(published_on=day(6, 2)))

    cell = position(trump, aid)
    assert cell.verdict == Verdict.SUPPORTS
    assert cell.shift.before == early_words
    assert cell.shift.after == later


def test_opposite_sides_on_the_same_day_are_mixed_not_a_shift(trump, aid):
    said(trump, aid, SUPPORTS, day(3, 1))
    said(trump, aid, OPPOSES, day(3, 1))

    cell = position(trump, aid)
    assert cell.verdict == Verdict.MIXED
    assert cell.shift is None


def test_a_same_day_contradiction_after_a_steady_side_is_mixed(trump, aid):
    said(trump, aid, SUPPORTS, day(1, 1))
    said(trump, aid, SUPPORTS, day(3, 1))
    said(trump, aid, OPPOSES, day(3, 1))

    assert position(trump, aid).verdict == Verdict.MIXED


# Own words and reports -------------------------------------------------------------------------


def test_a_quote_about_someone_counts_for_them_as_reported_and_not_for_its_speaker(
    trump, vance, aid
):
    # Vance describing Trump's plan gives Trump's position, not Vance's.
    tag = said(vance, aid, OPPOSES, day(9, 1), about=trump)

    grid = build_grid([trump, vance], [aid], include_empty_rows=True)
    [row] = grid.rows
    trump_cell, vance_cell = row.cells
    assert trump_cell.holder == trump
    assert trump_cell.verdict == Verdict.OPPOSES
    assert trump_cell.shown_tags == [tag]
    assert (trump_cell.own_count, trump_cell.reported_count) == (0, 1)
    assert vance_cell.verdict == Verdict.NONE
    assert vance_cell.quote_count == 0


def test_own_words_and_reported_quotes_are_counted_apart(trump, vance, aid):
    said(trump, aid, SUPPORTS, day(1, 1))
    said(trump, aid, SUPPORTS, day(2, 1), kind=Quote.Kind.PARAPHRASE)
    said(vance, aid, SUPPORTS, day(3, 1), about=trump)
    make_tag(
        quote=make_quote(kind=Quote.Kind.ANONYMOUS, about=trump, said_on=day(4, 1)),
        stance=aid,
        alignment=SUPPORTS,
    )

    cell = position(trump, aid)
    assert cell.own_count == 2
    assert cell.reported_count == 2


def test_quotes_by_or_about_other_people_are_not_in_the_cell(trump, vance, aid):
    said(vance, aid, OPPOSES, day(1, 1))
    said(make_speaker(name="Dmitry Peskov"), aid, OPPOSES, day(1, 2), about=vance)

    assert position(trump, aid).verdict == Verdict.NONE


# Basis ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [Quote.Kind.DIRECT, Quote.Kind.PARTIAL])
def test_a_direct_or_partial_quote_of_their_own_is_their_own_words(trump, vance, aid, kind):
    said(trump, aid, SUPPORTS, day(1, 1), kind=kind)
    said(trump, aid, SUPPORTS, day(1, 2), kind=Quote.Kind.PARAPHRASE)
    said(vance, aid, SUPPORTS, day(1, 3), about=trump)

    cell = position(trump, aid)
    assert cell.basis == Basis.OWN_WORDS
    assert cell.get_basis_display() == "In their own words"
    assert not cell.anonymous_only


def test_only_paraphrases_of_their_own_are_paraphrased_only(trump, vance, aid):
    said(trump, aid, SUPPORTS, day(1, 2), kind=Quote.Kind.PARAPHRASE)
    # A direct quote by someone else about them does not make it their own words.
    said(vance, aid, SUPPORTS, day(1, 3), about=trump)

    cell = position(trump, aid)
    assert cell.basis == Basis.PARAPHRASE
    assert cell.get_basis_display() == "Paraphrased only"


def test_only_others_speaking_about_them_is_reported_by_others_only(trump, vance, aid):
    said(vance, aid, SUPPORTS, day(1, 3), about=trump)
    make_tag(
        quote=make_quote(kind=Quote.Kind.ANONYMOUS, about=trump, said_on=day(1, 4)),
        stance=aid,
        alignment=SUPPORTS,
    )

    cell = position(trump, aid)
    assert cell.basis == Basis.REPORTED
    assert cell.get_basis_display() == "Reported by others only"
    assert not cell.anonymous_only


def test_only_claims_by_unnamed_sources_say_so(trump, aid):
    for month in (2, 3):
        make_tag(
            quote=make_quote(kind=Quote.Kind.ANONYMOUS, about=trump, said_on=day(month, 1)),
            stance=aid,
            alignment=OPPOSES,
        )

    cell = position(trump, aid)
    assert cell.verdict == Verdict.OPPOSES
    assert cell.basis == Basis.ANONYMOUS
    assert cell.get_basis_display() == "Unnamed sources only"
    assert cell.anonymous_only


# Outlets and dates ---------------------------------------------------------------------------


def test_outlets_are_counted_once_each(trump, aid):
    ledger, courier = make_outlet(), make_outlet()
    ledger_article = make_article(outlet=ledger)
    said(trump, aid, SUPPORTS, day(1, 1), article=ledger_article)
    said(trump, aid, SUPPORTS, day(1, 2), article=ledger_article)
    said(trump, aid, SUPPORTS, day(1, 3), article=make_article(outlet=ledger))
    said(trump, aid, SUPPORTS, day(1, 4), article=make_article(outlet=courier))

    cell = position(trump, aid)
    assert cell.quote_count == 4
    assert cell.outlet_count == 2


def test_articles_without_a_named_outlet_count_one_outlet_each(trump, aid):
    said(trump, aid, SUPPORTS, day(1, 1), article=make_article(outlet=None))
    said(trump, aid, SUPPORTS, day(1, 2), article=make_article(outlet=None))

    assert position(trump, aid).outlet_count == 2


def test_the_newest_date_says_whether_it_is_when_words_were_said_or_reported(trump, aid):
    said(trump, aid, SUPPORTS, day(2, 1), article=make_article(published_on=day(2, 3)))
    undated = said(trump, aid, SUPPORTS, article=make_article(published_on=day(8, 20)))

    cell = position(trump, aid)
    assert cell.newest_date == day(8, 20)
    assert cell.newest_is_reported_date

    undated.quote.said_on = day(8, 19)
    undated.quote.save()
    cell = position(trump, aid)
    assert cell.newest_date == day(8, 19)
    assert not cell.newest_is_reported_date


# Only published quotes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "fields"),
    [
        (Quote.Status.DRAFT, {}),
        (Quote.Status.RETRACTED, {"retraction_reason": "The speaker was misidentified."}),
    ],
)
def test_unpublished_quotes_never_count(trump, vance, aid, status, fields):
    said(trump, aid, SUPPORTS, day(1, 1))
    said(trump, aid, OPPOSES, day(6, 1), status=status, **fields)
    said(vance, aid, OPPOSES, day(6, 2), about=trump, status=status, **fields)

    cell = position(trump, aid)
    assert cell.verdict == Verdict.SUPPORTS
    assert cell.quote_count == 1
    assert cell.shift is None


def test_a_holder_with_only_unpublished_quotes_has_no_recorded_position(trump, aid):
    said(trump, aid, SUPPORTS, day(1, 1), status=Quote.Status.DRAFT)

    assert position(trump, aid).verdict == Verdict.NONE


def test_the_grid_has_rows_only_for_stances_with_evidence_unless_asked(trump, aid):
    quiet = make_stance(statement="Meet Putin directly")
    said(trump, aid, SUPPORTS, day(1, 1))

    assert [row.stance for row in build_grid([trump]).rows] == [aid]
    with_empty = build_grid([trump], [aid, quiet], include_empty_rows=True)
    assert {row.stance for row in with_empty.rows} == {aid, quiet}
