"""Two editors tagging quotes of the same person on the same stance at the same moment: each
transaction derives the position after the other's commits, so the stored position counts both.

PostgreSQL only: SQLite lets one writer in at a time, so its transactions cannot interleave."""

import threading

import pytest
from django.db import connection, transaction

from stances import summaries
from stances.models import PositionSummary
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
