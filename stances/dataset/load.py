"""Loads a dataset file in one transaction: every record is checked, and one bad record leaves
the database as it was, with every problem reported by its place in the file.

Each record is checked as the admin checks an edit: the model's field rules and its `clean`
(a quote said after its article, offsets outside the body ...), then the database's constraints.
Records are inserted in batches (a batch the database refuses is retried a record at a time,
to name the bad ones), with one history record each, and the stored positions are derived
afresh at the end. Slugs already used in the database are refused, never overwritten or merged;
a reference to a slug the file does not define is looked up among the rows already stored.
"""

import datetime
import io
import os
import re
from collections import Counter, OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DataError, IntegrityError, models, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from articles.models import Article, Outlet

from .. import page_cache, summaries
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
from .reading import FileProblem, Header, Reader, Record, Section
from .schema import (
    COUNTED,
    FORMAT,
    HEADER,
    KNOWN_VERSIONS,
    PLAIN,
    SECTIONS,
    STAMPED,
    json_name,
    json_types,
    keys_of,
)

BATCH = 1_000
MOST_PROBLEMS = 200  # reading stops after this many: the first ones tell what is wrong
HISTORY_REASON = "Imported from a dataset file"
# Up to this many quotes, only their cells are derived again; more, and every cell is.
REFRESH_AT_MOST = 500
BODIES_KEPT = 32

Progress = Callable[[str, int, int], None]

# Records nested in each section's records, by key.
NESTED = {
    "speakers": ("roles", "other_names"),
    "elections": ("candidacies",),
    "topics": ("stances",),
    "quotes": ("tags",),
}
COUNTED_AS: dict[str, str] = {}

FAILED = object()  # a record that was refused: what refers to it is not checked further
PENDING = object()  # a record checked and waiting in the batch


class Skip(Exception):
    """The record refers to a refused record, whose problem is reported already."""


@dataclass(frozen=True)
class Problem:
    where: str
    reason: str

    def __str__(self):
        return f"{self.where}: {self.reason}"


class ImportRefused(Exception):
    """The file holds bad records (or cannot be read): nothing was stored."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass
class Item:
    """A checked record's row, waiting in a batch to be inserted."""

    where: str
    obj: models.Model
    key: object = None  # its slug or id in the file
    stamps: dict = field(default_factory=dict)  # times the file gives for auto_now fields
    children: list["Item"] = field(default_factory=list)


def load_dataset(
    path,
    progress: Progress | None = None,
    *,
    check_only=False,
    note: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Validates and stores the dataset in the file at `path`, all or nothing.

    Returns the counts stored (or that would be, with `check_only`). Raises ImportRefused with
    every problem found, FileProblem when the file is not a dataset, OSError when it cannot be
    opened. `note` is told, in a sentence, what was stored other than as the file says: records
    naming an editor this installation has no account for, who are left out.
    """
    progress = progress or (lambda phase, done, total: None)
    size = os.path.getsize(path)
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8")
        try:
            with transaction.atomic():
                loader = Loader(lambda section: progress(section, raw.tell(), size))
                loader.read(Reader(text))
                if loader.problems:
                    raise ImportRefused(sorted(loader.problems, key=in_file_order))
                if check_only:
                    transaction.set_rollback(True)
                else:
                    progress("positions", 0, 1)
                    loader.finish()
                    progress("positions", 1, 1)
        except UnicodeDecodeError as error:
            raise FileProblem(
                f"the file is not UTF-8 text (a byte {error.object[error.start]:#x} that UTF-8 "
                "does not allow)"
            ) from None
    if note and loader.editors_not_here:
        note(editors_left_out(loader.editors_not_here, check_only))
    return dict(loader.stored)


def editors_left_out(records_by_username: Counter, check_only: bool) -> str:
    """Says which editors' names were dropped (accounts are not moved between installations),
    so that a newsroom that wants them kept can make the accounts before importing."""
    names = sorted(records_by_username)
    shown = ", ".join(names[:10]) + (f" and {len(names) - 10:,} more" if len(names) > 10 else "")
    records = sum(records_by_username.values())
    one = records == 1
    return (
        f"{records:,} tag{'' if one else 's'} or suggestion decision{'' if one else 's'} named "
        f"{'an editor' if len(names) == 1 else f'{len(names):,} editors'} with no account here "
        f"({shown}) and {'would be' if check_only else ('was' if one else 'were')} stored "
        "without one. To keep them, create accounts with the same usernames before importing."
    )


class Slugs:
    """Rows by slug: the file's first, then those already in the database."""

    def __init__(self, model, label: str):
        self.model = model
        self.label = label
        self.known: dict[str, object] = {}

    def add(self, slug, pk) -> None:
        self.known[slug] = pk

    def fail(self, slug) -> None:
        if isinstance(slug, str) and slug not in self.known:
            self.known[slug] = FAILED

    def find(self, slug: str):
        if slug not in self.known:
            self.known[slug] = (
                self.model._base_manager.filter(slug=slug).values_list("pk", flat=True).first()
            )
        return self.known[slug]


class Loader:
    def __init__(self, on_batch: Callable[[str], None]):
        self.on_batch = on_batch
        self.problems: list[Problem] = []
        self.read_counts: Counter = Counter()
        self.stored: Counter = Counter(dict.fromkeys(COUNTED, 0))
        self.header: dict[str, Header] = {}
        self.section: str | None = None
        self.batch: list[Item] = []
        self.outlets = Slugs(Outlet, "outlet")
        self.speakers = Slugs(Speaker, "speaker")
        self.stances = Slugs(Stance, "stance")
        self.articles: dict[object, object] = {}  # id in the file: (pk, published_on) or FAILED
        self.quotes: dict[object, object] = {}  # id in the file: pk or FAILED
        self.answers: list[tuple[object, object, str]] = []  # (quote id, answered id, where)
        self.users: dict[str, int | None] = {}
        self.editors_not_here: Counter = Counter()  # username: records that name it
        self.bodies: OrderedDict[int, str] = OrderedDict()
        self.quote_pks: list[int] = []

    # Reading --------------------------------------------------------------------------------

    def read(self, reader: Reader) -> None:
        for item in reader.items():
            if isinstance(item, Header):
                self.take_header(item)
                continue
            if isinstance(item, Section):
                self.enter(item)
                continue
            try:
                getattr(self, f"take_{item.section}")(item)
            except Skip:
                self.refused(item)
            self.read_counts[item.section] += 1
            if isinstance(item.value, dict):
                for key in NESTED.get(item.section, ()):
                    if isinstance(item.value.get(key), list):
                        self.read_counts[COUNTED_AS.get(key, key)] += len(item.value[key])
            if len(self.batch) >= BATCH:
                self.flush()
            if len(self.problems) >= MOST_PROBLEMS:
                self.problems.append(
                    Problem(str(item), f"stopped reading after {MOST_PROBLEMS} problems")
                )
                return
        self.flush()
        if "format" not in self.header:
            raise FileProblem(f'this is not a Stances dataset: it has no "format": "{FORMAT}"')
        self.link_answers()
        self.check_counts()

    def take_header(self, header: Header) -> None:
        where = f"{header.key} (line {header.line})"
        if header.key in SECTIONS:
            self.problem(where, f"expected a list of records, got {json_name(header.value)}")
        elif header.key not in HEADER:
            self.problem(where, "not a key of a dataset file")
        elif header.key in self.header:
            self.problem(where, "given twice")
        elif header.key == "format" and header.value != FORMAT:
            raise FileProblem(
                f"line {header.line}: this is not a Stances dataset: its format is "
                f'{header.value!r}, not "{FORMAT}"'
            )
        elif header.key == "version" and (
            isinstance(header.value, bool) or header.value not in KNOWN_VERSIONS
        ):
            known = " or ".join(str(version) for version in sorted(KNOWN_VERSIONS))
            raise FileProblem(
                f"line {header.line}: version {header.value!r} of the dataset format is not "
                f"known here (this installation reads version {known}); import it with a "
                "newer Stances"
            )
        elif header.key == "counts" and not (
            isinstance(header.value, dict)
            and set(header.value) <= set(COUNTED)
            and all(type(count) is int for count in header.value.values())
        ):
            self.problem(where, f"expected whole numbers for {', '.join(COUNTED)}")
        else:
            self.header[header.key] = header

    def enter(self, section: Section) -> None:
        if "format" not in self.header:
            raise FileProblem(
                f"line {section.line}: this is not a Stances dataset: it gives no "
                f'"format": "{FORMAT}" before its records'
            )
        if "version" not in self.header:
            raise FileProblem(
                f'line {section.line}: the file gives no "version" of its format before its records'
            )
        if self.section is not None:
            if SECTIONS.index(section.name) <= SECTIONS.index(self.section):
                raise FileProblem(
                    f'line {section.line}: section "{section.name}" comes after '
                    f'"{self.section}" or twice; sections go in this order: ' + ", ".join(SECTIONS)
                )
            self.flush()
        self.section = section.name

    def check_counts(self) -> None:
        header = self.header.get("counts")
        if header is None:
            return
        for name, said in header.value.items():
            if said != self.read_counts[name]:
                self.problem(
                    f"counts (line {header.line})",
                    f"the file says {said:,} {name} but holds {self.read_counts[name]:,} "
                    "(is it cut short, or edited?)",
                )

    def problem(self, where: str, reason: str) -> None:
        self.problems.append(Problem(where, reason))

    # Checking one record --------------------------------------------------------------------

    def build(
        self, model, value, errors: list[str], exclude=(), prepared=None, **related
    ) -> models.Model:
        """The row a record describes, checked by the model's own rules; its problems (if any)
        are added to `errors`. `prepared` is a row with its references set already; `related`
        gives rows that the model's `clean` reads (a quote's article)."""
        if not isinstance(value, dict):
            raise Invalid(f"expected an object, got {json_name(value)}")
        unknown = sorted(set(value) - set(keys_of(model)))
        if unknown:
            errors.append("unknown " + ", ".join(f'"{key}"' for key in unknown))
        fields, wrong = {}, []
        for name in PLAIN[model]:
            if name not in value:
                continue
            given = value[name]
            types, label = json_types(model._meta.get_field(name))
            if isinstance(given, bool) or not isinstance(given, types):
                errors.append(f"{name}: expected {label}, got {json_name(given)}")
                wrong.append(name)
            elif isinstance(given, str) and "\x00" in given:
                errors.append(f"{name}: holds a NUL character, which no text may")
                wrong.append(name)
            else:
                fields[name] = given
        obj = prepared if prepared is not None else model()
        for name, given in fields.items():
            setattr(obj, name, given)
        for name, given in related.items():
            if given is not None:
                setattr(obj, name, given)
        try:
            obj.full_clean(
                exclude=[*exclude, *wrong],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            errors.extend(messages(error))
        for name in fields:
            given = getattr(obj, name)
            if isinstance(given, datetime.datetime) and given.tzinfo is None:
                errors.append(f"{name}: give the time zone, for example +00:00")
        return obj

    def checked(self, record: Record, errors: list[str], where: str | None = None) -> bool:
        if errors:
            self.problem(where or str(record), "; ".join(errors))
            return False
        return True

    def slug(self, slugs: Slugs, value, key: str, errors: list[str], required=True):
        """The key of the row a slug names, None when it names none (an error is noted)."""
        if value is None and not required:
            return None
        if not isinstance(value, str):
            errors.append(f"{key}: expected a {slugs.label}'s slug, got {json_name(value)}")
            return None
        pk = slugs.find(value)
        if pk is FAILED:
            raise Skip
        if pk is None:
            errors.append(f'{key}: no {slugs.label} "{value}" in the file or in this database')
        return pk

    def file_id(self, known: dict, value, key: str, label: str, errors: list[str], required=True):
        """The key of the row a file id names (articles, quotes)."""
        if value is None and not required:
            return None
        if not is_id(value):
            errors.append(f"{key}: expected the id of {label}, got {json_name(value)}")
            return None
        found = known.get(value)
        if found is FAILED:
            raise Skip
        if found is None:
            errors.append(f"{key}: no {label} with id {value!r} earlier in the file")
        return found

    def user(self, value, key: str, errors: list[str]) -> int | None:
        """An account by username; None when this installation has no such account (accounts
        are not moved between installations)."""
        if value is None:
            return None
        if not isinstance(value, str):
            errors.append(f"{key}: expected a username, got {json_name(value)}")
            return None
        if value not in self.users:
            self.users[value] = (
                get_user_model()
                ._base_manager.filter(username=value)
                .values_list("pk", flat=True)
                .first()
            )
        if self.users[value] is None:
            self.editors_not_here[value] += 1
        return self.users[value]

    def own_id(self, record: Record, known: dict, label: str, errors: list[str]):
        value = record.value.get("id")
        if not is_id(value):
            errors.append(f"id: expected a number or string unique among the {label}")
            return None
        if value in known:
            errors.append(f"id: {value!r} is the id of another of the {label}")
            return None
        return value

    def children(self, record: Record, key: str) -> list:
        value = record.value.get(key, [])
        if not isinstance(value, list):
            raise Invalid(f"{key}: expected a list, got {json_name(value)}")
        return value

    def refused(self, record: Record) -> None:
        """Marks what a refused record defines, so that what refers to it is skipped."""
        value = record.value if isinstance(record.value, dict) else {}
        if record.section == "outlets":
            self.outlets.fail(value.get("slug"))
        elif record.section == "speakers":
            self.speakers.fail(value.get("slug"))
        elif record.section == "topics":
            for stance in value.get("stances") or []:
                if isinstance(stance, dict):
                    self.stances.fail(stance.get("slug"))
        elif record.section in ("articles", "quotes") and is_id(value.get("id")):
            known = self.articles if record.section == "articles" else self.quotes
            known.setdefault(value["id"], FAILED)

    # The sections ---------------------------------------------------------------------------

    def take_outlets(self, record: Record) -> None:
        errors = []
        obj = self.guarded(record, lambda: self.build(Outlet, record.value, errors))
        if obj is None or not self.checked(record, errors):
            return self.refused(record)
        self.batch.append(Item(str(record), obj, key=obj.slug))

    def take_speakers(self, record: Record) -> None:
        errors = []
        bad_children = False

        def build():
            nonlocal bad_children
            speaker = self.build(Speaker, record.value, errors)
            item = Item(str(record), speaker, key=speaker.slug)
            for index, role in enumerate(self.children(record, "roles")):
                where = at(record, f".roles[{index}]")
                child_errors = []
                obj = self.build_child(SpeakerRole, role, child_errors, exclude=["speaker"])
                if self.checked(record, child_errors, where):
                    item.children.append(Item(where, obj))
                else:
                    bad_children = True
            for index, name in enumerate(self.children(record, "other_names")):
                where = at(record, f".other_names[{index}]")
                child_errors = []
                # With its speaker, so that `clean` can refuse a repeat of the speaker's name.
                obj = self.build_child(
                    OtherName, name, child_errors, exclude=["speaker"], speaker=speaker
                )
                if self.checked(record, child_errors, where):
                    item.children.append(Item(where, obj))
                else:
                    bad_children = True
            return item

        item = self.guarded(record, build)
        if item is None or not self.checked(record, errors) or bad_children:
            return self.refused(record)
        self.batch.append(item)

    def take_elections(self, record: Record) -> None:
        errors = []
        bad_children = False

        def build():
            nonlocal bad_children
            election = self.build(Election, record.value, errors)
            item = Item(str(record), election, key=election.slug)
            heads: dict[str, Candidacy] = {}
            for index, value in enumerate(self.children(record, "candidacies")):
                where = at(record, f".candidacies[{index}]")
                child_errors = []
                obj = self.build_child(
                    Candidacy, value, child_errors, exclude=["election", "speaker"]
                )
                if isinstance(value, dict):
                    obj.speaker_id = self.slug(
                        self.speakers, value.get("speaker"), "speaker", child_errors
                    )
                    mate_of = value.get("running_mate_of")
                    if mate_of is not None:
                        if mate_of in heads:
                            obj.running_mate_of = heads[mate_of]
                            try:
                                obj.clean()
                            except ValidationError as error:
                                child_errors.extend(messages(error))
                        else:
                            child_errors.append(
                                f"running_mate_of: no head of ticket {mate_of!r} earlier in "
                                "this election's candidacies"
                            )
                    elif obj.ticket_position == Candidacy.TicketPosition.HEAD:
                        heads[value.get("speaker")] = obj
                if self.checked(record, child_errors, where):
                    item.children.append(Item(where, obj))
                else:
                    bad_children = True
            return item

        item = self.guarded(record, build)
        if item is None or not self.checked(record, errors) or bad_children:
            return self.refused(record)
        self.batch.append(item)

    def take_topics(self, record: Record) -> None:
        errors = []
        bad_children = False

        def build():
            nonlocal bad_children
            topic = self.build(Topic, record.value, errors)
            item = Item(str(record), topic, key=topic.slug)
            for index, value in enumerate(self.children(record, "stances")):
                where = at(record, f".stances[{index}]")
                child_errors = []
                obj = self.build_child(Stance, value, child_errors, exclude=["topic"])
                if self.checked(record, child_errors, where):
                    item.children.append(Item(where, obj, key=obj.slug))
                else:
                    bad_children = True
            return item

        item = self.guarded(record, build)
        if item is None or not self.checked(record, errors) or bad_children:
            return self.refused(record)
        self.batch.append(item)

    def take_articles(self, record: Record) -> None:
        errors = []

        def build():
            article = self.build(Article, record.value, errors, ["outlet"])
            key = self.own_id(record, self.articles, "articles", errors)
            article.outlet_id = self.slug(
                self.outlets, record.value.get("outlet"), "outlet", errors, required=False
            )
            return Item(str(record), article, key=key, stamps=stamps(article, record.value))

        item = self.guarded(record, build)
        if item is None or not self.checked(record, errors):
            return self.refused(record)
        self.articles[item.key] = PENDING
        self.batch.append(item)

    def take_quotes(self, record: Record) -> None:
        errors = []
        tag_errors = False

        def build():
            nonlocal tag_errors
            value = record.value
            if not isinstance(value, dict):
                raise Invalid(f"expected an object, got {json_name(value)}")
            key = self.own_id(record, self.quotes, "quotes", errors)
            article = self.file_id(
                self.articles, value.get("article"), "article", "an article", errors
            )
            speaker = self.slug(self.speakers, value.get("speaker"), "speaker", errors, False)
            about = self.slug(self.speakers, value.get("about"), "about", errors, False)
            answered = value.get("responds_to")
            if answered is not None and not is_id(answered):
                errors.append(f"responds_to: expected the id of a quote, got {json_name(answered)}")
            elif answered is not None and answered == key:
                errors.append("responds_to: A quote cannot respond to itself.")
            elif self.quotes.get(answered) is FAILED and answered is not None:
                raise Skip
            quote = Quote(speaker_id=speaker, about_id=about)
            quote = self.build(
                Quote,
                value,
                errors,
                ["article", "speaker", "about", "responds_to"],
                prepared=quote,
                article=self.article_stub(article, value),
            )
            item = Item(str(record), quote, key=key, stamps=stamps(quote, value))
            if answered is not None and key is not None:
                self.answers.append((key, answered, str(record)))
            for index, tag in enumerate(self.children(record, "tags")):
                where = at(record, f".tags[{index}]")
                child_errors = []
                obj = self.build_child(
                    StanceTag, tag, child_errors, exclude=["quote", "stance", "tagged_by"]
                )
                if isinstance(tag, dict):
                    obj.stance_id = self.slug(
                        self.stances, tag.get("stance"), "stance", child_errors
                    )
                    obj.tagged_by_id = self.user(tag.get("tagged_by"), "tagged_by", child_errors)
                if self.checked(record, child_errors, where):
                    item.children.append(Item(where, obj))
                else:
                    tag_errors = True
            return item

        item = self.guarded(record, build)
        if item is None or not self.checked(record, errors) or tag_errors:
            return self.refused(record)
        self.quotes[item.key] = PENDING
        self.batch.append(item)

    def take_suggestions(self, record: Record) -> None:
        errors = []

        def build():
            value = record.value
            if not isinstance(value, dict):
                raise Invalid(f"expected an object, got {json_name(value)}")
            article = self.file_id(
                self.articles, value.get("article"), "article", "an article", errors
            )
            quote = self.file_id(
                self.quotes, value.get("quote"), "quote", "a quote", errors, required=False
            )
            suggestion = QuoteSuggestion(
                article_id=article[0] if article else None,
                quote_id=quote,
                decided_by_id=self.user(value.get("decided_by"), "decided_by", errors),
            )
            suggestion = self.build(
                QuoteSuggestion,
                value,
                errors,
                ["article", "quote", "decided_by"],
                prepared=suggestion,
            )
            return Item(str(record), suggestion, stamps=stamps(suggestion, value))

        item = self.guarded(record, build)
        if item is None or not self.checked(record, errors):
            return
        self.batch.append(item)

    def guarded(self, record: Record, build):
        """Runs a builder; a record of the wrong shape is reported and gives None."""
        try:
            return build()
        except Invalid as error:
            self.problem(str(record), str(error))
            return None

    def build_child(self, model, value, errors: list[str], exclude, **related) -> models.Model:
        try:
            return self.build(model, value, errors, exclude, **related)
        except Invalid as error:
            errors.append(str(error))
            return model()

    def article_stub(self, article, value) -> Article | None:
        """The quote's article as `Quote.clean` reads it: its date, and its body when the quote
        gives offsets into it (read from the database, a few bodies kept at a time)."""
        if article is None:
            return None
        pk, published_on = article
        body = ""
        if isinstance(value, dict) and value.get("end_offset") is not None:
            if pk not in self.bodies:
                self.bodies[pk] = Article.objects.values_list("body", flat=True).get(pk=pk)
                if len(self.bodies) > BODIES_KEPT:
                    self.bodies.popitem(last=False)
            body = self.bodies[pk]
        return Article(pk=pk, published_on=published_on, body=body)

    # Storing --------------------------------------------------------------------------------

    def flush(self) -> None:
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        getattr(self, f"store_{self.section}")(batch)
        self.on_batch(self.section)

    def store_outlets(self, batch: list[Item]) -> None:
        stored = self.store(Outlet, batch)
        for item in stored:
            self.outlets.add(item.key, item.obj.pk)
        self.fail_unstored(batch, stored, self.outlets)

    def store_speakers(self, batch: list[Item]) -> None:
        stored = self.store(Speaker, batch)
        for item in stored:
            self.speakers.add(item.key, item.obj.pk)
            for child in item.children:
                child.obj.speaker = item.obj
        self.fail_unstored(batch, stored, self.speakers)
        children = [child for item in stored for child in item.children]
        for model, counted in ((SpeakerRole, "roles"), (OtherName, "other_names")):
            self.store(model, [c for c in children if isinstance(c.obj, model)], counted)

    def store_elections(self, batch: list[Item]) -> None:
        stored = self.store(Election, batch)
        candidacies = [child for item in stored for child in item.children]
        for item in stored:
            for child in item.children:
                child.obj.election_id = item.obj.pk
        heads = self.store(
            Candidacy, [c for c in candidacies if c.obj.running_mate_of is None], "candidacies"
        )
        stored_heads = {id(item.obj) for item in heads}
        self.store(
            Candidacy,
            [
                c
                for c in candidacies
                if c.obj.running_mate_of is not None and id(c.obj.running_mate_of) in stored_heads
            ],
            "candidacies",
        )

    def store_topics(self, batch: list[Item]) -> None:
        stored = self.store(Topic, batch)
        stances = []
        for item in stored:
            for stance in item.children:
                stance.obj.topic_id = item.obj.pk
                stances.append(stance)
        stored_stances = self.store(Stance, stances, "stances")
        for stance in stored_stances:
            self.stances.add(stance.key, stance.obj.pk)
        self.fail_unstored(
            [stance for item in batch for stance in item.children], stored_stances, self.stances
        )

    def store_articles(self, batch: list[Item]) -> None:
        for item in batch:
            self.articles[item.key] = FAILED
        for item in self.store(Article, batch):
            self.articles[item.key] = (item.obj.pk, item.obj.published_on)

    def store_quotes(self, batch: list[Item]) -> None:
        for item in batch:
            self.quotes[item.key] = FAILED
        stored = self.store(Quote, batch)
        for item in stored:
            self.quotes[item.key] = item.obj.pk
            if len(self.quote_pks) <= REFRESH_AT_MOST:
                self.quote_pks.append(item.obj.pk)
            for tag in item.children:
                tag.obj.quote_id = item.obj.pk
        self.store(StanceTag, [tag for item in stored for tag in item.children], "tags")

    def store_suggestions(self, batch: list[Item]) -> None:
        self.store(QuoteSuggestion, batch)

    def fail_unstored(self, batch: list[Item], stored: list[Item], slugs: Slugs) -> None:
        kept = {id(item) for item in stored}
        for item in batch:
            if id(item) not in kept:
                slugs.fail(item.key)

    def store(self, model, items: list[Item], counted: str | None = None) -> list[Item]:
        """Inserts the items' rows; returns the items stored. A batch the database refuses is
        tried again a row at a time, and each refused row is reported with the reason."""
        if not items:
            return []
        now = timezone.now()
        for item in items:
            for name in STAMPED[type(item.obj)]:
                setattr(item.obj, name, item.stamps.get(name, now))
        try:
            with transaction.atomic(), times_as_given(model):
                insert(model, [item.obj for item in items])
            stored = items
        except (IntegrityError, DataError):
            stored = [item for item in items if self.store_one(model, item)]
        self.stored[counted or self.section] += len(stored)
        return stored

    def store_one(self, model, item: Item) -> bool:
        obj = item.obj
        obj.pk = None
        obj._state.adding = True
        try:
            obj.validate_unique()
            obj.validate_constraints()
        except ValidationError as error:
            self.problem(item.where, "; ".join(messages(error)))
            return False
        try:
            with transaction.atomic(), times_as_given(model):
                insert(model, [obj])
        except (IntegrityError, DataError) as error:
            self.problem(item.where, f"the database refused it: {first_line(error)}")
            obj.pk = None
            return False
        return True

    # After the last record ------------------------------------------------------------------

    def link_answers(self) -> None:
        """Quotes that answer a quote: linked once every quote is stored (the one answered may
        come later in the file). Each linked quote's history says so in a second record."""
        links = {}
        for key, answered, where in self.answers:
            own, target = self.quotes.get(key), self.quotes.get(answered)
            if own is FAILED or own is None or target is FAILED:
                continue
            if target is None:
                self.problem(where, f"responds_to: no quote with id {answered!r} in the file")
                continue
            links[own] = target
        pks = list(links)
        for start in range(0, len(pks), BATCH):
            quotes = list(Quote._base_manager.filter(pk__in=pks[start : start + BATCH]))
            for quote in quotes:
                quote.responds_to_id = links[quote.pk]
            bulk_update_with_history(
                quotes,
                Quote,
                ["responds_to"],
                default_change_reason=f"{HISTORY_REASON}: linked to the quote it answers",
                manager=Quote._base_manager,
            )

    def finish(self) -> None:
        """Stored positions for the new evidence, and readers' pages dropped."""
        if self.stored["tags"]:
            if len(self.quote_pks) > REFRESH_AT_MOST:
                summaries.rebuild()
            else:
                summaries.refresh(summaries.cells_of_quotes(self.quote_pks))
        page_cache.content_changed()


def insert(model, objs: list) -> None:
    """Inserts rows with one history record each (simple_history's bulk helper)."""
    bulk_create_with_history(objs, model, batch_size=BATCH, default_change_reason=HISTORY_REASON)


@contextmanager
def times_as_given(model):
    """Inserts keep the times set on the rows (the file's, or now when it gives none) instead of
    Django stamping auto_now fields with the time of the insert. Flips the fields' flags for
    the duration: importdata runs alone in its process (a command, or a task worker's task)."""
    stamped = [model._meta.get_field(name) for name in STAMPED[model]]
    flags = [(stamp.auto_now, stamp.auto_now_add) for stamp in stamped]
    for stamp in stamped:
        stamp.auto_now = stamp.auto_now_add = False
    try:
        yield
    finally:
        for stamp, (auto_now, auto_now_add) in zip(stamped, flags, strict=True):
            stamp.auto_now, stamp.auto_now_add = auto_now, auto_now_add


class Invalid(Exception):
    """A record of the wrong shape (not an object, a list that is not one)."""


def in_file_order(problem: Problem) -> int:
    """The line a problem's place names (problems found late, by the database, come first)."""
    found = re.search(r"\(line (\d+)\)$", problem.where)
    return int(found.group(1)) if found else 0


def at(record: Record, path: str) -> str:
    return f"{record.section}[{record.index}]{path} (line {record.line})"


def is_id(value) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value != ""
    )


def stamps(obj, value) -> dict:
    """The auto_now times the record gives (parsed by full_clean), to replace the insert's."""
    if not isinstance(value, dict):
        return {}
    model = type(obj)
    return {name: getattr(obj, name) for name in STAMPED[model] if value.get(name) is not None}


def messages(error: ValidationError) -> list[str]:
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    return [
        message if name == NON_FIELD_ERRORS else f"{name}: {message}"
        for name, found in error.message_dict.items()
        for message in found
    ]


def first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
