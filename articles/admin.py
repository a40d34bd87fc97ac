"""Admin for outlets and articles. The quotes inline is added by the stances app's admin."""

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html

from .editing import ContentAdmin
from .models import Article, Outlet


@admin.register(Outlet)
class OutletAdmin(ContentAdmin):
    list_display = ["name", "country", "language", "website_link", "article_count"]
    list_filter = ["country", "language"]
    search_fields = ["name", "website"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="Website")
    def website_link(self, outlet):
        if not outlet.website:
            return "—"
        return format_html('<a href="{}" rel="noopener">{}</a>', outlet.website, outlet.website)

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, outlet):
        return outlet.article_count


@admin.register(Article)
class ArticleAdmin(ContentAdmin):
    list_display = ["title", "outlet", "published_on", "language"]
    list_filter = ["outlet", "language"]
    list_select_related = ["outlet"]
    search_fields = ["title", "summary", "url", "authors"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["outlet"]
    fieldsets = [
        (None, {"fields": ["title", "outlet", "published_on", "language", "authors", "summary"]}),
        ("Where to find it", {"fields": ["url", "archive_url", "retrieved_on"]}),
        (
            "Full text",
            {
                "fields": ["body"],
                "classes": ["collapse"],
                "description": "Optional. Stored text lets readers see quotes in context.",
            },
        ),
    ]
