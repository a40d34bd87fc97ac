"""Tagging work for editors: stance suggestions shown with their stances, one-click accepts,
stances picked by name, and new stances created with the quote's tag in one go."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify

from articles.editing import excerpt

from . import page_cache
from .models import Quote, Stance, StanceTag, Topic
from .tag_suggestions import TagSuggester


@dataclass(frozen=True)
class ShownSuggestion:
    stance: Stance
    alignment: str
    score: float
    evidence: Quote | None = None  # the most similar quote tagged with this stance

    @property
    def alignment_label(self) -> str:
        return StanceTag.Alignment(self.alignment).label

    @property
    def value(self) -> str:
        """What the accept button posts: stance id and alignment."""
        return f"{self.stance.pk}:{self.alignment}"


# (content version, the suggester built at it): this process's copy of the index.
_kept_suggester: tuple[object, TagSuggester] | None = None


def current_suggester() -> TagSuggester:
    """The tag suggester over the data as it is now. Building it reads up to 50 tagged quotes of
    every stance (about 3 s from 100,000 tagged quotes), so each process keeps the one it built
    under the content version that every content write bumps (stances.page_cache), and builds
    again only once the version has moved. Not kept when the version is unknown (no cache, or a
    cache in this process's memory, which other processes' writes never reach), nor
    when built inside a transaction that has written and not committed: it could roll back."""
    global _kept_suggester
    version = page_cache.content_version()
    kept = _kept_suggester
    if version is not None and kept is not None and kept[0] == version:
        return kept[1]
    suggester = TagSuggester.from_database()
    if version is not None and not transaction.get_connection().run_on_commit:
        _kept_suggester = (version, suggester)
    return suggester


def suggestions_for(quotes, suggester: TagSuggester | None = None, limit: int = 3):
    """Top suggestions for each quote, {quote id: [ShownSuggestion]}, each with its closest
    evidence quote, in a fixed number of queries.

    Quotes should come with their tags prefetched (their stances are never suggested again).
    """
    suggester = suggester or current_suggester()
    raw = {
        quote.pk: suggester.suggest(
            quote.text,
            exclude_quote_id=quote.pk,
            exclude_stance_ids={tag.stance_id for tag in quote.tags.all()},
            limit=limit,
        )
        for quote in quotes
    }
    stance_ids = {s.stance_id for found in raw.values() for s in found}
    stances = Stance.objects.select_related("topic").in_bulk(stance_ids)
    closest = {
        s.evidence_quote_ids[0] for found in raw.values() for s in found if s.evidence_quote_ids
    }
    evidence = Quote.objects.with_citation().in_bulk(closest)
    return {
        quote_id: [
            ShownSuggestion(
                stances[s.stance_id],
                s.alignment,
                s.score,
                evidence.get(s.evidence_quote_ids[0]) if s.evidence_quote_ids else None,
            )
            for s in found
            if s.stance_id in stances
        ]
        for quote_id, found in raw.items()
    }


class TagRefused(Exception):
    """An accept that cannot be carried out; the message says why, for the editor."""


def parse_choice(value: str) -> tuple[int, str]:
    """Reads "stance id:alignment" as posted by an accept button."""
    stance_id, _, alignment = (value or "").partition(":")
    if (
        not (stance_id.isascii() and stance_id.isdigit())
        or alignment not in StanceTag.Alignment.values
    ):
        raise TagRefused("That suggestion could not be read; reload the page and try again.")
    return int(stance_id), alignment


def accept_tag(quote: Quote, stance_id: int, alignment: str, editor) -> StanceTag:
    """Tags the quote as suggested, recording the editor (and history, as every save does)."""
    if quote.status == Quote.Status.RETRACTED:
        raise TagRefused(
            f"“{excerpt(quote.text, 60)}” was retracted, so it is not tagged any more."
        )
    stance = Stance.objects.filter(pk=stance_id).first()
    if stance is None:
        raise TagRefused("That stance no longer exists.")
    tag = StanceTag(quote=quote, stance=stance, alignment=alignment, tagged_by=editor)
    tag._history_user = editor
    try:
        with transaction.atomic():
            tag.save()
    except IntegrityError:
        if not StanceTag.objects.filter(quote=quote, stance=stance).exists():
            raise  # not the tag rule: an error to see, not one to explain away
        raise TagRefused(f"This quote is already tagged with “{stance}”.") from None
    return tag


def refuse_if_tagged_meanwhile(quote: Quote, seen_tag_ids: set[int]) -> None:
    """Refuses to add a tag when the quote gained tags the editor did not see (another editor
    tagged it after the page was shown): their reading may make this one wrong."""
    newer = [
        tag
        for tag in quote.tags.select_related("stance", "tagged_by")
        if tag.pk not in seen_tag_ids
    ]
    if not newer:
        return
    readings = "; ".join(
        f"{tag.get_alignment_display()} “{tag.stance}”"
        + (f" by {tag.tagged_by.get_username()}" if tag.tagged_by_id else "")
        for tag in newer
    )
    raise TagRefused(
        f"“{excerpt(quote.text, 60)}” was tagged by another editor after this page was shown "
        f"({readings}), so nothing was saved. Open the quote to add another tag if it needs one."
    )


def stance_named(typed: str) -> Stance:
    """The stance an editor typed: its short name (slug) or its exact statement, any case."""
    typed = typed.strip()
    found = (
        list(
            Stance.objects.filter(Q(slug=typed) | Q(statement__iexact=typed))
            .select_related("topic")
            .order_by("pk")[:5]
        )
        if 0 < len(typed) <= 300
        else []
    )
    by_slug = [stance for stance in found if stance.slug == typed]
    if by_slug:
        return by_slug[0]
    if len(found) == 1:
        return found[0]
    if found:
        topics = ", ".join(stance.topic.name for stance in found)
        raise TagRefused(
            f"“{excerpt(typed, 60)}” is a stance on several topics ({topics}): "
            "type its short name from the list instead."
        )
    raise TagRefused(
        f"No stance reads “{excerpt(typed, 60)}”. Type a statement or short name from the list, "
        "or create the stance with “New stance”."
    )


def same_statement(topic: Topic, statement: str) -> Stance | None:
    """A stance of the topic whose statement reads the same, case apart: a duplicate."""
    return Stance.objects.filter(topic=topic, statement__iexact=statement.strip()).first()


def free_slug(statement: str) -> str:
    """A slug for a new stance from its statement, numbered when the plain one is taken."""
    base = (slugify(statement)[:190].strip("-")) or "stance"
    taken = set(Stance.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def create_stance_and_tag(
    quote: Quote, topic: Topic, statement: str, alignment: str, editor
) -> StanceTag:
    """Creates the stance (with history, as every save) and tags the quote with it, both or
    neither: a retracted quote, or a duplicate created meanwhile, leaves no stance behind."""
    statement = statement.strip()
    with transaction.atomic():
        duplicate = same_statement(topic, statement)
        if duplicate is not None:
            raise TagRefused(
                f"“{topic}” already has the stance “{duplicate}”: pick it instead of "
                "creating it again."
            )
        stance = Stance(topic=topic, statement=statement, slug=free_slug(statement))
        stance._history_user = editor
        try:
            with transaction.atomic():
                stance.save()
        except IntegrityError:
            raise TagRefused(
                "Another editor created a stance with the same statement or short name just "
                "now; look for it in the stance picker."
            ) from None
        return accept_tag(quote, stance.pk, alignment, editor)
