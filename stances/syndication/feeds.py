"""Atom feeds of newly published quotes: all of them, one speaker's, one topic's.

Each entry is one quote readers have seen, at its permalink. A retraction is an update of the
entry: its `updated` date moves to the retraction and its content says so and why (the permalink
then answers 410). Drafts, and quotes retracted before anyone saw them, never appear."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join

from ..forms import public_speakers
from ..models import Quote, StanceTag, Topic

# Entries per feed: feed readers poll often and keep what they have seen.
ENTRIES = 50
TITLE_WORDS = 100  # characters of the quote in an entry's title


def seen_by_readers():
    """Quotes readers have seen: published, or retracted after being published."""
    return Quote.objects.filter(
        status__in=[Quote.Status.PUBLISHED, Quote.Status.RETRACTED], published_at__isnull=False
    )


def latest_entries(quotes):
    """The newest ENTRIES of these quotes by their last public event (published or retracted),
    with what an entry prints joined or prefetched: a fixed number of queries."""
    return list(
        quotes.with_citation()
        .prefetch_related(
            Prefetch("tags", queryset=StanceTag.objects.select_related("stance__topic"))
        )
        .annotate(last_event=Coalesce("retracted_at", "published_at"))
        .order_by("-last_event", "-pk")[:ENTRIES]
    )


@dataclass
class Subject:
    """What a feed is about (None: every quote), and the site's address: a feed reader shows an
    entry's content away from the site, so its links must be absolute."""

    about: object
    site: str

    def entries(self, quotes):
        found = latest_entries(quotes)
        for quote in found:
            quote.article_link = self.site + quote.article.get_absolute_url()
        return found


def subject(request, about=None) -> Subject:
    return Subject(about=about, site=request.build_absolute_uri("/").removesuffix("/"))


def is_retracted(quote) -> bool:
    return quote.status == Quote.Status.RETRACTED


class QuotesFeed(Feed):
    """Every newly published quote."""

    feed_type = Atom1Feed
    author_name = "Stances"

    def get_object(self, request):
        return subject(request)

    def title(self, subject):
        return "Newly published quotes · Stances"

    def subtitle(self, subject):
        return "Quotes on foreign policy as editors publish them, with their sources."

    def link(self, subject):
        return reverse("quotes")

    def items(self, subject):
        return subject.entries(seen_by_readers())

    # A retracted quote's entry says what its page says: when, why, and where it was reported,
    # but no longer the words or whom they were put to (the reason is often a misattribution).

    def item_title(self, quote):
        if is_retracted(quote):
            return "Retracted quote"
        words = quote.text
        if len(words) > TITLE_WORDS:
            words = words[: TITLE_WORDS - 1].rstrip() + "…"
        return f"{quote.speaker_label}: {words}"

    def item_link(self, quote):
        return quote.get_absolute_url()

    def item_pubdate(self, quote):
        return quote.published_at

    def item_updateddate(self, quote):
        return quote.last_event

    def item_categories(self, quote):
        if is_retracted(quote):
            return []  # it no longer counts towards any position
        topics = dict.fromkeys(tag.stance.topic.name for tag in quote.tags.all())
        return [quote.get_kind_display(), *topics]

    def item_description(self, quote):
        article = quote.article
        outlet = article.outlet.name if article.outlet_id else "outlet not named"
        if is_retracted(quote):
            return format_html(
                "<p><strong>Our editors retracted this quote on {}.</strong> It no longer "
                "counts towards any position.</p><p>Reason: {}</p>"
                "<p>Originally reported in {} ({}, {}).</p>",
                quote.retracted_at.date().isoformat(),
                quote.retraction_reason,
                article.title,
                outlet,
                article.published_on.isoformat(),
            )
        about = format_html(", about {}", quote.about.name) if quote.about_id else ""
        if quote.said_on:
            said = format_html("Said on {}.", quote.said_on.isoformat())
        else:
            said = "Date said not recorded; reported on the article's date."
        stances = format_html_join(
            "",
            "<li>{}: {}</li>",
            ((t.get_alignment_display(), t.stance.statement) for t in quote.tags.all()),
        )
        return format_html(
            '<blockquote><p>{}</p></blockquote><p>{} by {}{}. {}</p><p>Reported in <a href="{}">'
            "{}</a> ({}, {}).</p>{}",
            quote.text,
            quote.get_kind_display(),
            quote.speaker_label,
            about,
            said,
            quote.article_link,
            article.title,
            outlet,
            article.published_on.isoformat(),
            format_html("<ul>{}</ul>", stances) if stances else "",
        )


class SpeakerQuotesFeed(QuotesFeed):
    """A speaker's newly published quotes: their own words and reports about them, as their page
    lists them."""

    def get_object(self, request, slug):
        return subject(request, get_object_or_404(public_speakers(), slug=slug))

    def title(self, subject):
        return f"{subject.about.name}: newly published quotes · Stances"

    def subtitle(self, subject):
        name = subject.about.name
        return f"Quotes by {name}, and reports of {name}'s positions."

    def link(self, subject):
        return subject.about.get_absolute_url()

    def items(self, subject):
        speaker = subject.about
        return subject.entries(seen_by_readers().filter(Q(speaker=speaker) | Q(about=speaker)))


class TopicQuotesFeed(QuotesFeed):
    """Newly published quotes tagged with one of a topic's stances."""

    def get_object(self, request, slug):
        return subject(request, get_object_or_404(Topic, slug=slug))

    def title(self, subject):
        return f"{subject.about.name}: newly published quotes · Stances"

    def subtitle(self, subject):
        return f"Quotes on {subject.about.name}, as editors publish them."

    def link(self, subject):
        return subject.about.get_absolute_url()

    def items(self, subject):
        on_topic = StanceTag.objects.filter(quote=OuterRef("pk"), stance__topic=subject.about)
        return subject.entries(seen_by_readers().filter(Exists(on_topic)))
