"""A whole archive of any size, built with bulk_create: for tests that compare pages over sizes.

Everything a page can show grows with the number of quotes: speakers, roles, outlets, articles,
reactions, tags on several stances, reports about candidates, anonymous claims, drafts and
retractions. A page whose query count grows with this archive makes queries per row.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from articles.models import Article, Outlet
from stances import summaries
from stances.models import (
    Candidacy,
    Election,
    Quote,
    Speaker,
    SpeakerRole,
    Stance,
    StanceTag,
    Topic,
)
from tests.factories import make_candidacy, make_election, make_role, make_speaker, serial

BODY = (
    "The candidates met voters on Tuesday. "
    "We will end the war in a day, one of them said. "
    "Another promised to keep supporting Ukraine for as long as it takes. "
) * 4


@dataclass
class Archive:
    """The archive, and the record each detail page is opened on."""

    election: Election
    candidates: list[Speaker]
    running_mate: Speaker
    topic: Topic
    stance: Stance
    quote: Quote  # the quote every reaction answers
    article: Article  # the article one in ten quotes is reported in
    outlet: Outlet  # the outlet of that article, and of many more


def build_archive(n_quotes: int) -> Archive:
    """An election with three candidates, and n_quotes quotes by, about and around them."""
    now = timezone.now()
    start = datetime.date(2024, 10, 30)
    election = make_election(name="United States presidential election", held_on=start)
    trump, harris, vance = (
        make_speaker(name="Donald Trump"),
        make_speaker(name="Kamala Harris"),
        make_speaker(name="JD Vance"),
    )
    head = make_candidacy(election=election, speaker=trump, order=1)
    make_candidacy(election=election, speaker=harris, order=2)
    make_candidacy(
        election=election,
        speaker=vance,
        order=3,
        ticket_position=Candidacy.TicketPosition.RUNNING_MATE,
        running_mate_of=head,
    )
    for speaker in (trump, harris, vance):
        make_role(speaker, title="Candidate", started_on=datetime.date(2023, 1, 1))
        make_role(
            speaker,
            title="Senator",
            started_on=datetime.date(2015, 1, 1),
            ended_on=datetime.date(2022, 12, 31),
        )

    n = serial()
    others = Speaker.objects.bulk_create(
        Speaker(name=f"Commentator {n}-{i}", slug=f"commentator-{n}-{i}")
        for i in range(n_quotes // 10 + 2)
    )
    SpeakerRole.objects.bulk_create(
        SpeakerRole(speaker=speaker, title="Spokesperson", started_on=datetime.date(2020, 1, 1))
        for speaker in others
    )
    speakers = [trump, harris, vance, *others]

    topics = Topic.objects.bulk_create(
        Topic(name=f"Topic {n}-{i}", slug=f"topic-{n}-{i}", order=i) for i in range(3)
    )
    stances = Stance.objects.bulk_create(
        Stance(
            topic=topics[i % 3],
            statement=f"Stance {n}-{i}",
            slug=f"stance-{n}-{i}",
            order=i,
        )
        for i in range(6)
    )

    outlets = Outlet.objects.bulk_create(
        Outlet(name=f"Outlet {n}-{i}", slug=f"outlet-{n}-{i}") for i in range(n_quotes // 10 + 1)
    )
    articles = Article.objects.bulk_create(
        Article(
            # Every fifth article does not name its outlet; the first one always does.
            outlet=outlets[i % len(outlets)] if i % 5 or i == 0 else None,
            title=f"Article {n}-{i}",
            url=f"https://news.example/{n}/{i}",
            published_on=start - datetime.timedelta(days=i),
            summary="What the article reports.",
            body=BODY,
        )
        for i in range(n_quotes // 2 + 1)
    )
    focal_article = articles[0]

    def article_for(i):
        return focal_article if i % 10 == 0 else articles[1 + i % (len(articles) - 1)]

    focal_quote = Quote.objects.create(
        text="We will make a deal within 24 hours",
        speaker=trump,
        article=focal_article,
        said_on=start - datetime.timedelta(days=400),
        status=Quote.Status.PUBLISHED,
        start_offset=38,
        end_offset=86,
    )

    def quote(i):
        kind = [Quote.Kind.DIRECT, Quote.Kind.PARTIAL, Quote.Kind.PARAPHRASE][i % 3]
        speaker = speakers[i % len(speakers)]
        about = None
        if i % 7 == 0:
            kind, speaker = Quote.Kind.ANONYMOUS, None
            about = harris if i % 2 else None
        elif i % 4 == 0 and speaker not in (trump, harris):
            about = trump
        status = Quote.Status.PUBLISHED
        if i % 9 == 0:
            status = Quote.Status.DRAFT
        elif i % 11 == 0:
            status = Quote.Status.RETRACTED
        article = article_for(i)
        said_on = None if i % 5 == 0 else article.published_on - datetime.timedelta(days=i % 30)
        return Quote(
            text=f"Talks on the ceasefire must start now, statement {i}",
            kind=kind,
            speaker=speaker,
            about=about,
            attribution_text="unnamed advisers, cited by a newspaper" if speaker is None else "",
            said_on=said_on,
            article=article,
            responds_to=focal_quote if i % 6 == 0 else None,
            start_offset=126 + i % 40 if i % 3 == 0 else None,
            end_offset=150 + i % 40 if i % 3 == 0 else None,
            status=status,
            published_at=now if status != Quote.Status.DRAFT else None,
            retracted_at=now if status == Quote.Status.RETRACTED else None,
            retraction_reason="Misattributed." if status == Quote.Status.RETRACTED else "",
        )

    quotes = Quote.objects.bulk_create(quote(i) for i in range(1, n_quotes))
    alignments = [
        StanceTag.Alignment.SUPPORTS,
        StanceTag.Alignment.OPPOSES,
        StanceTag.Alignment.NEUTRAL,
    ]
    tags = [StanceTag(quote=focal_quote, stance=stances[0], alignment=alignments[0])]
    for i, q in enumerate(quotes):
        tags.append(StanceTag(quote=q, stance=stances[i % 6], alignment=alignments[i % 3]))
        if i % 3 == 0:
            tags.append(
                StanceTag(quote=q, stance=stances[(i + 1) % 6], alignment=alignments[i // 3 % 3])
            )
    StanceTag.objects.bulk_create(tags)
    summaries.rebuild()  # bulk_create skips the signals that keep stored positions fresh

    return Archive(
        election=election,
        candidates=[trump, harris],
        running_mate=vance,
        topic=topics[0],
        stance=stances[0],
        quote=focal_quote,
        article=focal_article,
        outlet=focal_article.outlet,
    )
