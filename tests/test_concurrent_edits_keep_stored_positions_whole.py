"""Two editors at the same moment: one transaction derives its positions after the other's
commits, so the stored positions count both edits (tagging quotes of the same person on the same
stance; tagging a quote while another editor gives it to another speaker).

PostgreSQL only: SQLite lets one writer in at a time, so its transactions cannot interleave."""

import threading

import pytest
from django.db import connection, transaction

from stances import summaries
from stances.models import PositionSummary, Quote
from tests.factories import make_quote, make_speaker, make_stance, make_tag

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers: two transactions cannot interleave there",
    ),
]


def interleaved(first_edit, second_edit) -> list[Exception]:
    """Runs first_edit in a transaction held open while second_edit runs in another one, each
    on its own connection; returns what either raised."""
    first_saved, second_started = threading.Event(), threading.Event()
    errors = []

    def first():
        try:
            with transaction.atomic():
                first_edit()
                first_saved.set()
                second_started.wait(5)
                threading.Event().wait(0.5)  # still open while the other editor saves
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    def second():
        try:
            first_saved.wait(5)
            second_started.set()
            with transaction.atomic():
                second_edit()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)
    return errors


def test_two_editors_tagging_at_once_both_count():
    ana, stance = make_speaker(name="Ana Okafor"), make_stance()
    make_tag(make_quote(speaker=ana), stance)  # the stored position exists before they start
    first, second = make_quote(speaker=ana), make_quote(speaker=ana)

    errors = interleaved(lambda: make_tag(first, stance), lambda: make_tag(second, stance))

    assert errors == []
    assert PositionSummary.objects.get(holder=ana, stance=stance).quote_count == 3
    assert summaries.differences() == []


def test_tagging_a_quote_while_another_editor_gives_it_to_another_speaker():
    ana, bo = make_speaker(name="Ana Okafor"), make_speaker(name="Bo Lindqvist")
    first_stance, second_stance = make_stance(), make_stance()
    quote = make_quote(speaker=ana)
    make_tag(quote, first_stance)

    def reattribute():
        mine = Quote.objects.get(pk=quote.pk)
        mine.speaker = bo
        mine.save()

    errors = interleaved(
        reattribute, lambda: make_tag(Quote.objects.get(pk=quote.pk), second_stance)
    )

    assert errors == []
    assert set(PositionSummary.objects.values_list("holder", "stance")) == {
        (bo.pk, first_stance.pk),
        (bo.pk, second_stance.pk),
    }
    assert summaries.differences() == []
