"""Tagging work for editors: stance suggestions shown with their stances, and one-click accepts."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from .models import Quote, Stance, StanceTag
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


def suggestions_for(quotes, suggester: TagSuggester | None = None, limit: int = 3):
    """Top suggestions for each quote, {quote id: [ShownSuggestion]}, each with its closest
    evidence quote, in a fixed number of queries.

    Quotes should come with their tags prefetched (their stances are never suggested again).
    """
    suggester = suggester or TagSuggester.from_database()
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
        raise TagRefused("A retracted quote is not tagged any more.")
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
