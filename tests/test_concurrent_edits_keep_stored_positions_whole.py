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


def test_two_editors_tagging_at_once_both_count():
    ana, stance = make_speaker(name="Ana Okafor"), make_stance()
    make_tag(make_quote(speaker=ana), stance)  # the stored position exists before they start
    first, second = make_quote(speaker=ana), make_quote(speaker=ana)
    first_saved, second_started = threading.Event(), threading.Event()
    errors = []

    def editor(quote, before_commit=None, wait_for=None):
        try:
            if wait_for:
                wait_for.wait(5)
                second_started.set()
            with transaction.atomic():
                make_tag(quote, stance)
                if before_commit:
                    before_commit.set()
                    # Hold the transaction open while the other editor saves theirs.
                    second_started.wait(5)
                    threading.Event().wait(0.5)
        except Exception as error:  # reported below, with the thread's traceback lost
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=editor, args=(first, first_saved)),
        threading.Thread(target=editor, args=(second, None, first_saved)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)

    assert errors == []
    assert PositionSummary.objects.get(holder=ana, stance=stance).quote_count == 3
    assert summaries.differences() == []


def test_tagging_a_quote_while_another_editor_gives_it_to_another_speaker():
    ana, bo = make_speaker(name="Ana Okafor"), make_speaker(name="Bo Lindqvist")
    first_stance, second_stance = make_stance(), make_stance()
    quote = make_quote(speaker=ana)
    make_tag(quote, first_stance)
    first_saved, second_started = threading.Event(), threading.Event()
    errors = []

    def reattribute():
        try:
            with transaction.atomic():
                mine = Quote.objects.get(pk=quote.pk)
                mine.speaker = bo
                mine.save()
                first_saved.set()
                second_started.wait(5)
                threading.Event().wait(0.5)  # still open while the other editor tags
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    def tag():
        try:
            first_saved.wait(5)
            second_started.set()
            with transaction.atomic():
                make_tag(Quote.objects.get(pk=quote.pk), second_stance)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=reattribute), threading.Thread(target=tag)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)

    assert errors == []
    assert set(PositionSummary.objects.values_list("holder", "stance")) == {
        (bo.pk, first_stance.pk),
        (bo.pk, second_stance.pk),
    }
    assert summaries.differences() == []
