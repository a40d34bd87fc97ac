"""The one place that writes stored positions (`PositionSummary`), from `positions.derive_all`.

Every write that can change a position (a tag, a quote's status, speaker, about, kind or date,
an article's date or outlet) calls `refresh` with the cells it touches, inside the transaction
of that write; `stances.signals` does so for every model save and delete. Bulk loaders call
`rebuild`. `manage.py rebuildpositions --check` reports any stored row that differs.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from . import page_cache, positions
from .models import PositionSummary, Quote, Speaker, Stance, StanceTag

Key = tuple[int, int]  # (holder id, stance id)

# Stances derived together by rebuild: bounds memory at any size.
REBUILD_CHUNK = 10


def refresh(keys: Iterable[Key]) -> None:
    """Derives these cells afresh and stores the result (a cell without evidence has no row)."""
    keys = {(holder, stance) for holder, stance in keys if holder and stance}
    if not keys:
        return
    holders = {holder for holder, _ in keys}
    stances = {stance for _, stance in keys}
    with transaction.atomic(savepoint=False):
        lock(Speaker.objects.filter(pk__in=holders))
        fresh = positions.derive_all(positions.public_evidence(holders, stances))
        stored = PositionSummary.objects.filter(holder_id__in=holders, stance_id__in=stances)
        write(
            {key: summary for key, summary in fresh.items() if key in keys},
            [row for row in stored if (row.holder_id, row.stance_id) in keys],
            keys,
        )


def lock(holders) -> None:
    """One derivation at a time per person, taking the locks in a fixed order: an edit made
    meanwhile by another editor is read once it commits, so neither stores a position derived
    without the other."""
    # NO KEY: rows that only point at a speaker (a new quote, a candidacy) are not held up.
    list(holders.select_for_update(no_key=True).order_by("pk").values_list("pk", flat=True))


def write(fresh: dict[Key, positions.Summary], stored: list[PositionSummary], keys) -> None:
    """Makes the stored rows for `keys` equal `fresh`: deletes, updates, creates as needed."""
    page_cache.content_changed()
    by_key = {(row.holder_id, row.stance_id): row for row in stored}
    gone = [row.pk for key, row in by_key.items() if key in keys and key not in fresh]
    if gone:
        PositionSummary.objects.filter(pk__in=gone).delete()
    changed = []
    for key, summary in fresh.items():
        row = by_key.get(key)
        if row is not None and as_summary(row) != summary:
            fill(row, summary)
            changed.append(row)
    if changed:
        PositionSummary.objects.bulk_update(changed, STORED_FIELDS)
    PositionSummary.objects.bulk_create(
        [fill(PositionSummary(), summary) for key, summary in fresh.items() if key not in by_key]
    )


KEY_FIELDS = ("holder_id", "stance_id")
STORED_FIELDS = [name for name in positions.SUMMARY_FIELDS if name not in KEY_FIELDS]


def fill(row: PositionSummary, summary: positions.Summary) -> PositionSummary:
    for name in positions.SUMMARY_FIELDS:
        value = getattr(summary, name)
        setattr(row, name, list(value) if name == "shown_tag_ids" else value)
    return row


def as_summary(row: PositionSummary) -> positions.Summary:
    values = {name: getattr(row, name) for name in positions.SUMMARY_FIELDS}
    values["shown_tag_ids"] = tuple(values["shown_tag_ids"])
    return positions.Summary(**values)


@dataclass(frozen=True)
class Difference:
    """A cell whose stored row is not what a fresh derivation gives (None: no row)."""

    key: Key
    stored: positions.Summary | None
    fresh: positions.Summary | None


def rebuild(*, check: bool = False) -> list[Difference]:
    """Compares every stored cell with a fresh derivation; fixes them unless `check`.

    Returns the differences found (before fixing). Works through the stances in chunks, so
    memory stays bounded however many quotes there are.
    """
    differences: list[Difference] = []
    stance_ids = list(Stance.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(stance_ids), REBUILD_CHUNK):
        chunk = stance_ids[start : start + REBUILD_CHUNK]
        with transaction.atomic():
            if not check:
                lock(Speaker.objects.all())  # editors' refreshes wait for this chunk
            fresh = positions.derive_all(positions.public_evidence(stance_ids=chunk))
            stored = list(PositionSummary.objects.filter(stance_id__in=chunk))
            found = compare(fresh, stored)
            if found and not check:
                write(fresh, stored, {difference.key for difference in found})
        differences.extend(found)
    return differences


def compare(fresh: dict[Key, positions.Summary], stored: list[PositionSummary]):
    by_key = {(row.holder_id, row.stance_id): as_summary(row) for row in stored}
    return [
        Difference(key, by_key.get(key), fresh.get(key))
        for key in sorted(set(fresh) | set(by_key))
        if by_key.get(key) != fresh.get(key)
    ]


def differences() -> list[Difference]:
    """Stored cells that differ from a fresh derivation (empty when all is well)."""
    return rebuild(check=True)


# Which cells an edit touches ----------------------------------------------------------------


def cells_of_quotes(quote_ids: Iterable[int]) -> set[Key]:
    """The (holder, stance) cells that these quotes' tags count in, as stored now."""
    rows = StanceTag.objects.filter(quote_id__in=list(quote_ids)).values_list(
        "quote__speaker_id", "quote__about_id", "stance_id"
    )
    return {(about or speaker, stance) for speaker, about, stance in rows}


def cells_of_articles(article_ids: Iterable[int]) -> set[Key]:
    """The cells that published quotes from these articles count in."""
    quotes = Quote.objects.published().filter(article_id__in=list(article_ids))
    return cells_of_quotes(quotes.values_list("pk", flat=True))


def cells_of_tags(tag_ids: Iterable[int]) -> set[Key]:
    """The cells these tags count in, when their quote is published (else none)."""
    rows = StanceTag.objects.filter(
        Q(pk__in=list(tag_ids)), quote__status=Quote.Status.PUBLISHED
    ).values_list("quote__speaker_id", "quote__about_id", "stance_id")
    return {(about or speaker, stance) for speaker, about, stance in rows}


def build_if_missing(apps=None, **kwargs) -> None:
    """After `migrate`: a database that had evidence before stored positions existed gets them
    built once (later writes keep them fresh), so an upgrade needs no extra step."""
    try:
        apps.get_model("stances", "PositionSummary")
    except (AttributeError, LookupError):  # migrated back to before stored positions existed
        return
    if PositionSummary.objects.exists() or not StanceTag.objects.public().exists():
        return
    rebuild()
