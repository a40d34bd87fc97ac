"""Small factories for test data: each makes one valid object, with overrides as keywords."""

import datetime
import itertools

from django.contrib.auth import get_user_model

from articles.models import Article, Outlet
from stances.editors import sync_editors_group
from stances.models import (
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

_serial = itertools.count(1)


def serial() -> int:
    return next(_serial)


def make_outlet(**fields) -> Outlet:
    n = serial()
    fields = {"name": f"Daily Ledger {n}", "slug": f"daily-ledger-{n}", **fields}
    return Outlet.objects.create(**fields)


def make_article(**fields) -> Article:
    n = serial()
    if "outlet" not in fields:
        fields["outlet"] = make_outlet()
    fields = {
        "title": f"Candidates set out their plans {n}",
        "published_on": datetime.date(2024, 10, 1),
        "summary": "An editor's summary of what the article reports.",
        **fields,
    }
    return Article.objects.create(**fields)


def make_speaker(**fields) -> Speaker:
    n = serial()
    name = fields.pop("name", f"Ana Okafor {n}")
    fields = {"name": name, "slug": f"speaker-{n}", **fields}
    return Speaker.objects.create(**fields)


def make_role(speaker, **fields) -> SpeakerRole:
    fields = {"title": "Foreign minister", "organisation": "Ministry of Foreign Affairs", **fields}
    return SpeakerRole.objects.create(speaker=speaker, **fields)


def make_other_name(speaker, name: str, **fields) -> OtherName:
    return OtherName.objects.create(speaker=speaker, name=name, **fields)


def make_topic(**fields) -> Topic:
    n = serial()
    fields = {"name": f"Trade policy {n}", "slug": f"topic-{n}", **fields}
    return Topic.objects.create(**fields)


def make_stance(**fields) -> Stance:
    n = serial()
    if "topic" not in fields:
        fields["topic"] = make_topic()
    fields = {"statement": f"Lift the tariffs {n}", "slug": f"stance-{n}", **fields}
    return Stance.objects.create(**fields)


def make_quote(**fields) -> Quote:
    """A published direct quote by a new speaker in a new article, unless told otherwise."""
    if "article" not in fields:
        fields["article"] = make_article()
    kind = fields.get("kind", Quote.Kind.DIRECT)
    if kind != Quote.Kind.ANONYMOUS and "speaker" not in fields:
        fields["speaker"] = make_speaker()
    if kind == Quote.Kind.ANONYMOUS:
        fields.setdefault("attribution_text", "unnamed officials, cited by the Daily Ledger")
    fields = {
        "text": f"We will open talks within a month ({serial()})",
        "status": Quote.Status.PUBLISHED,
        **fields,
    }
    return Quote.objects.create(**fields)


def make_tag(quote=None, stance=None, **fields) -> StanceTag:
    fields = {"alignment": StanceTag.Alignment.SUPPORTS, **fields}
    return StanceTag.objects.create(
        quote=quote or make_quote(), stance=stance or make_stance(), **fields
    )


def make_election(**fields) -> Election:
    n = serial()
    fields = {
        "name": f"Presidential election {n}",
        "slug": f"election-{n}",
        "held_on": datetime.date(2024, 11, 5),
        **fields,
    }
    return Election.objects.create(**fields)


def make_candidacy(election=None, speaker=None, **fields) -> Candidacy:
    fields = {"office": "President", "party": "Unity Party", **fields}
    return Candidacy.objects.create(
        election=election or make_election(), speaker=speaker or make_speaker(), **fields
    )


def make_editor(username: str = "edith") -> "get_user_model()":
    """A staff member in the Editors group: what a newsroom editor is."""
    user = get_user_model().objects.create_user(username, password="correct-horse-battery")
    user.is_staff = True
    user.save()
    # The group comes from a data migration; a transactional test's flush removes it, so make sure.
    user.groups.add(sync_editors_group())
    return user


def make_suggestion(**fields) -> QuoteSuggestion:
    """A pending direct-quote suggestion at the start of a new article's body."""
    if "article" not in fields:
        fields["article"] = make_article(body='"We will open talks," Ana Okafor said.')
    text = fields.pop("text", "We will open talks")
    start = fields.pop("start_offset", 1)
    fields = {
        "text": text,
        "kind": Quote.Kind.DIRECT,
        "speaker_name": "Ana Okafor",
        "attribution": "Ana Okafor said",
        "start_offset": start,
        "end_offset": start + len(text),
        "confidence": 0.9,
        **fields,
    }
    return QuoteSuggestion.objects.create(**fields)


def make_candidates(*names: str, **election_fields) -> tuple[Election, list[Speaker]]:
    """An election and a candidate of that name for each name, on the ballot in that order."""
    election = make_election(**election_fields)
    candidates = [
        make_candidacy(election, make_speaker(name=name), order=order).speaker
        for order, name in enumerate(names, start=1)
    ]
    return election, candidates


def make_evidence(
    holder, stance, basis="own_words", alignment=StanceTag.Alignment.SUPPORTS, **quote_fields
) -> StanceTag:
    """A published quote, tagged on the stance, that gives the holder's position by one basis
    (PositionSummary.Basis): their own words, a reporter's paraphrase of them, another speaker
    describing it ("reported"), or unnamed sources ("anonymous"). Keywords go to the quote."""
    if basis == "own_words":
        fields = {"speaker": holder}
    elif basis == "paraphrase":
        fields = {"speaker": holder, "kind": Quote.Kind.PARAPHRASE}
    elif basis == "reported":
        fields = {"speaker": make_speaker(), "about": holder}
    elif basis == "anonymous":
        fields = {"kind": Quote.Kind.ANONYMOUS, "about": holder}
    else:
        raise ValueError(f"No such basis: {basis!r}")
    return make_tag(make_quote(**fields, **quote_fields), stance, alignment=alignment)
