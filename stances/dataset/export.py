"""Writes the whole curated dataset as JSON, one record per line, streamed from the database.

Everything editors made is written, drafts and retractions included, so a file is a backup.
Stored positions (derived), task records and edit history (per installation) are not. Memory
stays bounded: rows are read in chunks through server-side cursors, and only small maps (slugs
by key, and each article's and quote's number in the file) are held.
"""

import json
from collections.abc import Callable, Iterator
from typing import TextIO

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article, Outlet

from ..models import (
    Candidacy,
    Election,
    OtherName,
    Quote,
    QuoteSuggestion,
    Speaker,
    SpeakerRole,
    Stance,
    StanceTag,
    Topic,
)
from .schema import COUNTED, FORMAT, PLAIN, VERSION, to_json

CHUNK = 2_000

Progress = Callable[[str, int, int], None]


def write_dataset(out: TextIO, progress: Progress | None = None) -> dict[str, int]:
    """Writes the dataset to `out` (text, UTF-8) as one consistent snapshot; returns the counts."""
    progress = progress or (lambda phase, done, total: None)
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # One snapshot for every query, so the counts and the records agree while editors
            # keep working; read only, so the export can never change anything.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        return Writer(out, progress).write()


class Writer:
    def __init__(self, out: TextIO, progress: Progress):
        self.out = out
        self.progress = progress
        self.speakers = slugs(Speaker)
        self.stances = slugs(Stance)
        self.outlets = slugs(Outlet)
        self.users = dict(get_user_model()._base_manager.values_list("pk", "username"))
        # Numbers in the file, 1, 2, 3 ... in the order of the rows' keys.
        self.articles = numbered(Article)
        self.quotes = numbered(Quote)

    def write(self) -> dict[str, int]:
        counts = {
            "outlets": len(self.outlets),
            "speakers": len(self.speakers),
            "roles": SpeakerRole.objects.count(),
            "other_names": OtherName.objects.count(),
            "elections": Election.objects.count(),
            "candidacies": Candidacy.objects.count(),
            "topics": Topic.objects.count(),
            "stances": len(self.stances),
            "articles": len(self.articles),
            "quotes": len(self.quotes),
            "tags": StanceTag.objects.count(),
            "suggestions": QuoteSuggestion.objects.count(),
        }
        assert set(counts) == set(COUNTED)
        header = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": timezone.now().isoformat(),
            "counts": counts,
        }
        self.out.write("{\n")
        for key, value in header.items():
            self.out.write(f"{dumps(key)}: {dumps(value)},\n")
        sections = [
            ("outlets", self.outlets_records()),
            ("speakers", self.speaker_records()),
            ("elections", self.election_records()),
            ("topics", self.topic_records()),
            ("articles", self.article_records()),
            ("quotes", self.quote_records()),
            ("suggestions", self.suggestion_records()),
        ]
        for position, (name, records) in enumerate(sections):
            total = counts[name]
            self.out.write(f"{dumps(name)}: [")
            if total:
                self.progress(name, 0, total)
            for done, record in enumerate(records, 1):
                self.out.write(",\n" if done > 1 else "\n")
                self.out.write(dumps(record))
                if done % CHUNK == 0:
                    self.progress(name, done, total)
            self.progress(name, total, total)
            self.out.write("\n]" + (",\n" if position < len(sections) - 1 else "\n"))
        self.out.write("}\n")
        return counts

    def outlets_records(self) -> Iterator[dict]:
        for outlet in rows(Outlet.objects.all()):
            yield plain(Outlet, outlet)

    def speaker_records(self) -> Iterator[dict]:
        roles = rows(SpeakerRole.objects.order_by("speaker_id", "pk"))
        other_names = rows(OtherName.objects.order_by("speaker_id", "pk"))
        for speaker in rows(Speaker.objects.all()):
            record = plain(Speaker, speaker)
            record["roles"] = [plain(SpeakerRole, role) for role in roles.children(speaker["id"])]
            record["other_names"] = [
                plain(OtherName, name) for name in other_names.children(speaker["id"])
            ]
            yield record

    def election_records(self) -> Iterator[dict]:
        # Heads of tickets ("head") before running mates, so a running mate's head is known.
        candidacies = rows(
            Candidacy.objects.order_by("election_id", "ticket_position", "pk"), parent="election"
        )
        # A running mate's head of ticket, named by its speaker (unique within the election).
        speaker_of = dict(Candidacy.objects.values_list("pk", "speaker_id"))
        for election in rows(Election.objects.all()):
            record = plain(Election, election)
            record["candidacies"] = [
                {
                    "speaker": self.speakers[candidacy["speaker_id"]],
                    **plain(Candidacy, candidacy),
                    "running_mate_of": (
                        self.speakers[speaker_of[candidacy["running_mate_of_id"]]]
                        if candidacy["running_mate_of_id"]
                        else None
                    ),
                }
                for candidacy in candidacies.children(election["id"])
            ]
            yield record

    def topic_records(self) -> Iterator[dict]:
        stances = rows(Stance.objects.order_by("topic_id", "pk"), parent="topic")
        for topic in rows(Topic.objects.all()):
            record = plain(Topic, topic)
            record["stances"] = [plain(Stance, stance) for stance in stances.children(topic["id"])]
            yield record

    def article_records(self) -> Iterator[dict]:
        for article in rows(Article.objects.all()):
            yield {
                "id": self.articles[article["id"]],
                "outlet": self.outlets.get(article["outlet_id"]),
                **plain(Article, article),
            }

    def quote_records(self) -> Iterator[dict]:
        tags = rows(StanceTag.objects.order_by("quote_id", "pk"), parent="quote")
        for quote in rows(Quote.objects.all()):
            yield {
                "id": self.quotes[quote["id"]],
                "article": self.articles[quote["article_id"]],
                "speaker": self.speakers.get(quote["speaker_id"]),
                "about": self.speakers.get(quote["about_id"]),
                "responds_to": self.quotes.get(quote["responds_to_id"]),
                **plain(Quote, quote),
                "tags": [
                    {
                        "stance": self.stances[tag["stance_id"]],
                        **plain(StanceTag, tag),
                        "tagged_by": self.users.get(tag["tagged_by_id"]),
                    }
                    for tag in tags.children(quote["id"])
                ],
            }

    def suggestion_records(self) -> Iterator[dict]:
        for suggestion in rows(QuoteSuggestion.objects.all()):
            yield {
                "article": self.articles[suggestion["article_id"]],
                **plain(QuoteSuggestion, suggestion),
                "quote": self.quotes.get(suggestion["quote_id"]),
                "decided_by": self.users.get(suggestion["decided_by_id"]),
            }


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def plain(model, row: dict) -> dict:
    return {name: to_json(row[name]) for name in PLAIN[model]}


def slugs(model) -> dict[int, str]:
    return dict(model._base_manager.order_by("pk").values_list("pk", "slug"))


def numbered(model) -> dict[int, int]:
    keys = model._base_manager.order_by("pk").values_list("pk", flat=True)
    return {pk: number for number, pk in enumerate(keys.iterator(chunk_size=10 * CHUNK), 1)}


class rows:
    """Rows as dicts in key order, read a chunk at a time. With `parent`, rows ordered by their
    parent's key can be taken parent by parent (`children`) while the parents are read in key
    order too: a merge of two ordered streams, not a query per parent."""

    def __init__(self, queryset, parent: str = "speaker"):
        if not queryset.query.order_by:
            queryset = queryset.order_by("pk")
        self.stream = queryset.values().iterator(chunk_size=CHUNK)
        self.parent = f"{parent}_id"
        self.next = None

    def __iter__(self):
        return self.stream

    def children(self, parent_pk: int) -> list[dict]:
        found = []
        while True:
            if self.next is None:
                self.next = next(self.stream, False)
            if self.next is False or self.next[self.parent] > parent_pk:
                return found
            if self.next[self.parent] == parent_pk:
                found.append(self.next)
            self.next = None
