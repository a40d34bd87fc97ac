"""Admin for articles with their quotes inline (articles' own admin cannot know about quotes)."""

from django.contrib import admin
from django.db.models import Count
from django.http import HttpResponseRedirect

from articles.admin import ArticleAdmin as BaseArticleAdmin
from articles.editing import ContentStackedInline
from articles.models import Article

from ..models import Quote
from .quotes import QuoteForm
from .suggestions import SuggestQuotesMixin


class QuoteInline(ContentStackedInline):
    model = Quote
    form = QuoteForm
    extra = 0
    fk_name = "article"
    # retraction_reason is here so that the rule "a retracted quote gives its reason" is checked
    # on the form: without the field, a quote retracted here reached the database (500).
    fields = [
        ("kind", "status"),
        "retraction_reason",
        "text",
        ("speaker", "about"),
        "attribution_text",
        ("said_on", "responds_to"),
        ("start_offset", "end_offset"),
    ]
    autocomplete_fields = ["speaker", "about", "responds_to"]
    show_change_link = True

    def has_delete_permission(self, request, obj=None):
        # The inline cannot tell rows apart here; deleting happens on the quote's own page.
        return False


admin.site.unregister(Article)


@admin.register(Article)
class ArticleAdmin(SuggestQuotesMixin, BaseArticleAdmin):
    inlines = [QuoteInline]
    list_display = [*BaseArticleAdmin.list_display, "quote_count", "pending_suggestions"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes"))

    def view_on_site(self, article):
        """The reader-facing page, which exists only while a quote from the article is
        published (else it is a 404)."""
        if Quote.objects.published().filter(article=article).exists():
            return article.get_absolute_url()
        return None

    @admin.display(description="Quotes", ordering="quote_count")
    def quote_count(self, article):
        return article.quote_count

    def follow_import(self, request, article):
        """An article just saved from a fetched or uploaded page: look for its quotes at once,
        and open Suggest quotes (unless the editor asked to keep editing or add another)."""
        if not (article.body.strip() and self.may_decide(request, article)):
            return None
        self.start_suggesting(request, article, has_body=True)
        if "_continue" in request.POST or "_addanother" in request.POST:
            return None
        return HttpResponseRedirect(self.suggestions_url(article))
