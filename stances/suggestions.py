"""Quote suggestions: run the extractor over an article body, match speakers, accept or reject.

Accepting makes a draft quote (an editor still reviews and publishes it); rejecting is remembered,
so the same find is not suggested again, even after the body is edited and its offsets shift.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from articles.extraction import extract_quotes
from articles.models import Article

from .models import Candidacy, Election, Quote, QuoteSuggestion, Speaker, SpeakerRole


class SuggestionError(Exception):
    """A decision that cannot be carried out, with a message for the editor."""


def _words(text: str) -> str:
    """Text with runs of whitespace made one space, for comparing finds across body edits."""
    return " ".join(text.split())


# Enough for every role in a large dataset (500 speakers with a few roles each); past it, the
# roles that started most recently are kept, so a query stays bounded whatever the data.
MAX_KNOWN_ROLES = 5000


def roles_held_on(day) -> list[tuple[str, list[str]]]:
    """(speaker name, role titles) for every role held on day, for the extractor to credit
    "the prime minister said" to whoever was prime minister then. One query."""
    rows = (
        SpeakerRole.objects.filter(
            Q(started_on__isnull=True) | Q(started_on__lte=day),
            Q(ended_on__isnull=True) | Q(ended_on__gte=day),
        )
        .order_by(F("started_on").desc(nulls_last=True), "pk")
        .values_list("speaker__name", "title", "organisation")[:MAX_KNOWN_ROLES]
    )
    held: dict[str, list[str]] = {}
    for name, title, organisation in rows:
        titles = held.setdefault(name, [])
        titles.append(title)
        if organisation:
            # "Prime Minister" of "Velmora" answers to "Velmora's prime minister" as well.
            titles.append(f"{title} of {organisation}")
    return list(held.items())


def refresh_suggestions(article: Article, editor=None) -> list[QuoteSuggestion]:
    """Makes pending suggestions for what the extractor finds in the body; returns the new ones,
    whose first history record names `editor`, who asked for them.

    A find is never suggested again once decided: not at the same offsets and kind, and not with
    the same text and kind elsewhere (the body may have been edited). Pending suggestions that
    the current body no longer yields are dropped, since nobody decided anything about them.
    """
    finds = extract_quotes(article.body, known_people=roles_held_on(article.published_on))
    with transaction.atomic():
        existing = list(QuoteSuggestion.objects.filter(article=article))
        decided_places = {
            (s.start_offset, s.end_offset, s.kind) for s in existing if not s.is_pending
        }
        decided_texts = {(_words(s.text), s.kind) for s in existing if not s.is_pending}
        pending = {
            (s.start_offset, s.end_offset, s.kind, s.text): s for s in existing if s.is_pending
        }

        wanted = []
        for find in finds:
            if (find.start, find.end, find.kind) in decided_places:
                continue
            if (_words(find.text), find.kind) in decided_texts:
                continue
            wanted.append(find)

        kept = {(f.start, f.end, f.kind, f.text) for f in wanted} & set(pending)
        stale = [s.pk for key, s in pending.items() if key not in kept]
        if stale:
            QuoteSuggestion.objects.filter(
                pk__in=stale, status=QuoteSuggestion.Status.PENDING
            ).delete()

        new = [
            QuoteSuggestion(
                article=article,
                text=find.text,
                kind=find.kind,
                speaker_name=(find.speaker or "")[:200] if find.kind != "anonymous" else "",
                attribution=find.attribution[:300],
                start_offset=find.start,
                end_offset=find.end,
                confidence=min(max(find.confidence, 0.0), 1.0),
            )
            for find in wanted
            if (find.start, find.end, find.kind, find.text) not in kept and find.text.strip()
        ]
        if not new:
            return []
        try:
            with transaction.atomic():
                return bulk_create_with_history(new, QuoteSuggestion, default_user=editor)
        except IntegrityError:
            # Another editor refreshed the same article at the same moment and made these rows.
            return []


def _surname(name: str) -> str:
    return name.split()[-1].casefold() if name.split() else ""


def _given_names_agree(wanted: str, candidate: str) -> bool:
    """A one-word name ("Okafor") agrees with any given names; otherwise the first given names
    must be the same or one an initial of the other ("A. Okafor", "Ana Okafor")."""
    wanted_parts, candidate_parts = wanted.split(), candidate.split()
    if len(wanted_parts) < 2 or len(candidate_parts) < 2:
        return True
    first, other = wanted_parts[0].casefold().rstrip("."), candidate_parts[0].casefold().rstrip(".")
    if first == other:
        return True
    return (len(first) == 1 and other.startswith(first)) or (
        len(other) == 1 and first.startswith(other)
    )


def _candidates_query(names) -> Q:
    query = Q(pk__in=[])
    for name in names:
        query |= Q(name__iexact=name)
        surname = name.split()[-1] if name.split() else ""
        if surname:
            query |= Q(name__iendswith=" " + surname)
    return query


def _pick(name: str, speakers: list[Speaker]) -> Speaker | None:
    wanted = _words(name).casefold()
    if not wanted:
        return None
    exact = [s for s in speakers if _words(s.name).casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None  # namesakes: the editor chooses
    surname = _surname(name)
    same_surname = [
        s for s in speakers if _surname(s.name) == surname and _given_names_agree(name, s.name)
    ]
    return same_surname[0] if len(same_surname) == 1 else None


def match_speakers(names) -> dict[str, Speaker | None]:
    """Each name's speaker (see match_speaker), for many names in one query."""
    names = {_words(name) for name in names if name and name.strip()}
    if not names:
        return {}
    speakers = list(Speaker.objects.filter(_candidates_query(names)).order_by("name", "pk"))
    return {name: _pick(name, speakers) for name in names}


def match_speaker(name: str) -> Speaker | None:
    """The existing speaker a name means, or None: the same name ignoring case, else the one
    speaker with that surname (and, for a full name, a first name that agrees). One query."""
    return match_speakers([name]).get(_words(name or ""))


def unique_speaker_slug(name: str) -> str:
    """A slug for a new speaker not used by any other: ana-okafor, else ana-okafor-2, ..."""
    base = (slugify(name) or "speaker")[:190].strip("-") or "speaker"
    taken = set(Speaker.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _locked_pending(suggestion: QuoteSuggestion) -> QuoteSuggestion:
    """The suggestion re-read under a row lock, refused when someone already decided it."""
    current = (
        QuoteSuggestion.objects.select_for_update()
        .select_related("article")
        .filter(pk=suggestion.pk)
        .first()
    )
    if current is None:
        raise SuggestionError(
            "This suggestion no longer exists; the article body may have changed."
        )
    if not current.is_pending:
        raise SuggestionError(
            f"This suggestion was already {current.get_status_display().lower()}; "
            "nothing was changed."
        )
    return current


def _decide(suggestion: QuoteSuggestion, status: str, editor, quote: Quote | None = None):
    suggestion._history_user = editor
    suggestion._change_reason = f"{QuoteSuggestion.Status(status).label} by an editor"
    suggestion.status = status
    suggestion.decided_by = editor
    suggestion.decided_at = timezone.now()
    suggestion.quote = quote
    suggestion.save(update_fields=["status", "decided_by", "decided_at", "quote"])


@dataclass(frozen=True)
class Completion:
    """What an editor adds when accepting (proposed by stances/suggestion_proposals.py, edited
    on the page): whom the quote is about, a new speaker's role, a candidacy for the speaker."""

    about: Speaker | None = None
    role_title: str = ""
    role_organisation: str = ""
    election: Election | None = None
    office: str = ""
    party: str = ""
    ticket_position: str = Candidacy.TicketPosition.HEAD


def _checked(record, editor):
    """The record validated and saved with its history naming the editor; a validation error
    becomes a SuggestionError (raised inside accept's transaction, so nothing stays saved)."""
    try:
        record.full_clean()
    except ValidationError as problem:
        raise SuggestionError(" ".join(problem.messages)) from problem
    record._history_user = editor
    record.save()
    return record


def accept(
    suggestion: QuoteSuggestion,
    editor,
    speaker: Speaker | None = None,
    create_speaker=False,
    completion: Completion = Completion(),
) -> Quote:
    """Makes the suggestion a draft quote at its offsets and records the editor's decision.

    The speaker is, in order: a new one named as the extractor found it (create_speaker), the
    one given, or the matched one. Anonymous claims have none and keep the printed attribution.
    The completion adds whom the quote is about, the role of a speaker created here, and the
    speaker's candidacy in an election. Raises SuggestionError, changing nothing, when the quote
    or any of these cannot be made.
    """
    with transaction.atomic():
        current = _locked_pending(suggestion)
        article = current.article
        if current.kind == Quote.Kind.ANONYMOUS:
            speaker = None
            if not current.attribution.strip():
                raise SuggestionError(
                    "The extractor found no attribution for this claim by unnamed sources; "
                    "add it as a quote by hand with the attribution as printed."
                )
        elif create_speaker:
            if not current.speaker_name:
                raise SuggestionError("The extractor found no name to create a speaker from.")
            speaker = Speaker(
                name=current.speaker_name, slug=unique_speaker_slug(current.speaker_name)
            )
            speaker._history_user = editor
            speaker.save()
        elif speaker is None:
            speaker = match_speaker(current.speaker_name)
            if speaker is None:
                name = current.speaker_name or "the speaker"
                raise SuggestionError(
                    f"No existing speaker matches “{name}”: choose one, or create a new speaker."
                )

        if create_speaker and completion.role_title.strip():
            _checked(
                SpeakerRole(
                    speaker=speaker,
                    title=completion.role_title.strip(),
                    organisation=completion.role_organisation.strip(),
                ),
                editor,
            )
        elif create_speaker and completion.role_organisation.strip():
            raise SuggestionError("A role needs a title as well as a party or organisation.")
        if completion.election is not None:
            if speaker is None:
                raise SuggestionError("Claims by unnamed sources have no speaker to run.")
            _checked(
                Candidacy(
                    election=completion.election,
                    speaker=speaker,
                    office=completion.office.strip(),
                    party=completion.party.strip(),
                    ticket_position=completion.ticket_position,
                ),
                editor,
            )

        quote = Quote(
            text=current.text,
            kind=current.kind,
            speaker=speaker,
            about=completion.about,
            attribution_text=current.attribution,
            article=article,
            language=article.language,
            start_offset=current.start_offset,
            end_offset=current.end_offset,
            status=Quote.Status.DRAFT,
        )
        try:
            quote.full_clean()
        except ValidationError as problem:
            # Leaving the atomic block with the error also undoes a speaker created above.
            raise SuggestionError(" ".join(problem.messages)) from problem
        quote._history_user = editor
        quote.save()
        _decide(current, QuoteSuggestion.Status.ACCEPTED, editor, quote)
    suggestion.refresh_from_db()
    return quote


def reject(suggestion: QuoteSuggestion, editor) -> None:
    """Records that the editor rejected the suggestion; it is not suggested again."""
    with transaction.atomic():
        current = _locked_pending(suggestion)
        _decide(current, QuoteSuggestion.Status.REJECTED, editor)
    suggestion.refresh_from_db()
