"""sitemap.xml (an index of one sitemap per kind of page, each in pages of at most 50,000
addresses as the protocol allows) and robots.txt. Only pages readers can open are listed."""

from pathlib import Path

import django.contrib.sitemaps
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Greatest
from django.http import HttpResponse
from django.template.backends.django import DjangoTemplates
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from articles.models import Article

from ..filters import public_outlets
from ..forms import public_speakers
from ..models import Election, Quote, Topic
from ..views import articles_with_published_quotes

# Django's own sitemap templates, read from its package: rendering them needs neither
# django.contrib.sitemaps in INSTALLED_APPS nor copies of them in templates/.
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


class PublicSitemap(Sitemap):
    """A section of the sitemap: its items in a stable order (pages must not shift), fetched
    one page of up to `limit` at a time, with no query per item."""

    def get_latest_lastmod(self):
        # Django's default reads every item to find it; sections with dates override this.
        return None


class PagesSitemap(PublicSitemap):
    """The lists readers start from."""

    def items(self):
        return ["home", "topics", "speakers", "quotes", "articles"]

    def location(self, name):
        return reverse(name)


class ElectionSitemap(PublicSitemap):
    def items(self):
        return Election.objects.order_by("pk").only("slug")


class TopicSitemap(PublicSitemap):
    def items(self):
        return Topic.objects.order_by("pk").only("slug")


class SpeakerSitemap(PublicSitemap):
    """Speakers with a public page: quoted in a published quote, reported on, or standing in an
    election."""

    def items(self):
        return public_speakers().order_by("pk").only("slug")


class QuoteSitemap(PublicSitemap):
    def items(self):
        return Quote.objects.published().order_by("pk").only("pk", "updated_at")

    def lastmod(self, quote):
        return quote.updated_at

    def get_latest_lastmod(self):
        return Quote.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class ArticleSitemap(PublicSitemap):
    """Articles with a published quote; an article's page changes with its quotes too."""

    def items(self):
        newest_quote = (
            Quote.objects.published()
            .filter(article=OuterRef("pk"))
            .order_by("-updated_at")
            .values("updated_at")[:1]
        )
        return (
            articles_with_published_quotes(Article.objects.all())
            .annotate(changed_at=Greatest("updated_at", Subquery(newest_quote)))
            .order_by("pk")
            .only("pk")
        )

    def lastmod(self, article):
        return article.changed_at

    def get_latest_lastmod(self):
        articles = articles_with_published_quotes(Article.objects.all()).order_by()
        return max(
            filter(
                None,
                [
                    Quote.objects.published().aggregate(latest=Max("updated_at"))["latest"],
                    articles.aggregate(latest=Max("updated_at"))["latest"],
                ],
            ),
            default=None,
        )


class OutletSitemap(PublicSitemap):
    def items(self):
        return public_outlets().order_by("pk").only("slug")


SECTIONS = {
    "pages": PagesSitemap,
    "elections": ElectionSitemap,
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
        template_name=SITEMAP_TEMPLATES.get_template("sitemap.xml"),
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
