"""sitemap.xml (an index of one sitemap per kind of page, each in pages of at most 50,000
addresses as the protocol allows) and robots.txt. Only pages readers can open are listed."""

import datetime
from pathlib import Path

import django.contrib.sitemaps
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, Q
from django.db.models.functions import Greatest
from django.http import HttpResponse
from django.template.backends.django import DjangoTemplates
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.html import escape
from django.views.decorators.http import require_safe

from articles.models import Article

from ..filters import public_outlets
from ..forms import public_speakers
from ..models import Election, Quote, Topic

# Django's own sitemap index template, read from its package: rendering it needs neither
# django.contrib.sitemaps in INSTALLED_APPS nor a copy of it in templates/.
SITEMAP_TEMPLATES = SimpleLazyObject(
    lambda: DjangoTemplates(
        {
            "NAME": "sitemaps",
            "DIRS": [Path(django.contrib.sitemaps.__file__).parent / "templates"],
            "APP_DIRS": False,
            "OPTIONS": {"autoescape": True},
        }
    )
)


class Urlset:
    """Writes a section's page as Django's sitemap.xml template does (address and date), for the
    sitemap view to render in its place: the template engine spends tens of microseconds on each
    of 50,000 addresses, and seconds in all."""

    def render(self, context, request=None):
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        ]
        for url in context["urlset"]:
            lastmod = url["lastmod"]
            if isinstance(lastmod, datetime.datetime):
                lastmod = timezone.localtime(lastmod).date()
            when = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
            lines.append(f"<url><loc>{escape(url['location'])}</loc>{when}</url>")
        lines.append("</urlset>\n")
        return "\n".join(lines)


class PublicSitemap(Sitemap):
    """A section of the sitemap: its items in a stable order (pages must not shift), fetched
    one page of up to `limit` at a time, with no query per item."""

    def get_latest_lastmod(self):
        # Django's default reads every item to find it; sections with dates override this.
        return None


class PagesSitemap(PublicSitemap):
    """The lists readers start from."""

    def items(self):
        return ["home", "match", "topics", "speakers", "quotes", "articles"]

    def location(self, name):
        return reverse(name)


class KeyedSitemap(PublicSitemap):
    """Pages of one kind, each addressed by a key (a slug or an id) that comes first in its item
    (a row of values). The path is get_absolute_url's, reversed once around a placeholder rather
    than once for each of 50,000 items."""

    url_name = ""
    placeholder = "slug-placeholder"

    @cached_property
    def path_around_key(self) -> tuple[str, str]:
        before, after = reverse(self.url_name, args=[self.placeholder]).split(self.placeholder)
        return before, after

    def location(self, item):
        before, after = self.path_around_key
        return f"{before}{item[0]}{after}"


class ElectionSitemap(KeyedSitemap):
    url_name = "election"

    def items(self):
        return Election.objects.order_by("pk").values_list("slug")


class ElectionMatchSitemap(KeyedSitemap):
    """Each election's "Where do I stand?" questionnaire (its answered pages are not indexed)."""

    url_name = "election_match"

    def items(self):
        return Election.objects.order_by("pk").values_list("slug")


class TopicSitemap(KeyedSitemap):
    url_name = "topic"

    def items(self):
        return Topic.objects.order_by("pk").values_list("slug")


class SpeakerSitemap(KeyedSitemap):
    """Speakers with a public page: quoted in a published quote, reported on, or standing in an
    election."""

    url_name = "speaker"

    def items(self):
        return public_speakers().order_by("pk").values_list("slug")


class QuoteSitemap(KeyedSitemap):
    url_name = "quote"
    placeholder = "987654321"

    def items(self):
        return Quote.objects.published().order_by("pk").values_list("pk", "updated_at")

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return Quote.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class ArticleSitemap(KeyedSitemap):
    """Articles with a published quote. An article's page shows its quotes, so it changed when
    the article or one of them last did."""

    url_name = "article"
    placeholder = "987654321"

    def items(self):
        # One grouped join over the quotes: a subquery per article makes PostgreSQL probe the
        # quotes once for each of 50,000 articles.
        newest_quote = Max("quotes__updated_at", filter=Q(quotes__status=Quote.Status.PUBLISHED))
        return (
            Article.objects.annotate(newest_quote=newest_quote)
            .filter(newest_quote__isnull=False)
            .annotate(changed_at=Greatest("updated_at", "newest_quote"))
            .order_by("pk")
            .values_list("pk", "changed_at")
        )

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        quotes = Quote.objects.published()
        latest_quote = quotes.aggregate(latest=Max("updated_at"))["latest"]
        latest_article = Article.objects.filter(pk__in=quotes.values("article")).aggregate(
            latest=Max("updated_at")
        )["latest"]
        return max(filter(None, [latest_quote, latest_article]), default=None)


class OutletSitemap(KeyedSitemap):
    url_name = "outlet"

    def items(self):
        return public_outlets().order_by("pk").values_list("slug")


SECTIONS = {
    "pages": PagesSitemap,
    "elections": ElectionSitemap,
    "election-questionnaires": ElectionMatchSitemap,
    "topics": TopicSitemap,
    "speakers": SpeakerSitemap,
    "quotes": QuoteSitemap,
    "articles": ArticleSitemap,
    "outlets": OutletSitemap,
}


@require_safe
def sitemap_index(request):
    return sitemap_views.index(
        request,
        SECTIONS,
        template_name=SITEMAP_TEMPLATES.get_template("sitemap_index.xml"),
        sitemap_url_name="syndication:sitemap_section",
    )


@require_safe
def sitemap_section(request, section):
    return sitemap_views.sitemap(
        request,
        SECTIONS,
        section=section,
        template_name=Urlset(),
    )


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("syndication:sitemap"))
    lines = [
        "User-agent: *",
        # The editors' workplace, and whole-archive downloads a crawler would fetch once for
        # every combination of filters.
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('syndication:quotes_csv')}",
        "",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
