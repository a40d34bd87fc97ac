"""Admin for outlets and articles, and adding an article from its link or a saved page. The quotes
inline and Suggest quotes are added by the stances app's admin."""

import secrets
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from .editing import ContentAdmin
from .fetching import FetchRefused, fetch_page
from .importing import ArticleDraft, ImportRefused, read_article, read_upload
from .models import Article, Outlet

# Pages read for the add form wait in the editor's session (nothing is saved before "Save"):
# under this key, at most this many, newest kept.
IMPORTS_KEY = "article_imports"
IMPORTS_KEPT = 3


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


class ArticleImportForm(forms.Form):
    """A link to fetch, or a page saved from the browser: one of the two."""

    url = forms.CharField(
        label="Link to the article",
        required=False,
        max_length=1000,
        widget=forms.URLInput(attrs={"size": 80, "placeholder": "https://"}),
        help_text="The server fetches the page (public http and https sites only).",
    )
    page = forms.FileField(
        label="Or a saved web page",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".html,.htm,.xhtml,text/html"}),
        help_text=(
            "For a page the server cannot fetch (a sign-in, a paywall): save it from your "
            "browser as “Web page, HTML only” and upload the .html file."
        ),
    )

    def clean(self):
        data = super().clean()
        url, page = (data.get("url") or "").strip(), data.get("page")
        if url and page:
            raise forms.ValidationError("Give a link or a file, not both.")
        if not url and not page and not self.errors:
            raise forms.ValidationError("Paste the article's link or choose a saved page.")
        data["url"] = url
        return data


class AddValuesWrapper(RelatedFieldWidgetWrapper):
    """The related-object widget whose "+" opens the add form with some values filled in."""

    def __init__(self, wrapper: RelatedFieldWidgetWrapper, values: dict):
        super().__init__(
            wrapper.widget,
            wrapper.rel,
            wrapper.admin_site,
            can_add_related=wrapper.can_add_related,
            can_change_related=wrapper.can_change_related,
            can_delete_related=wrapper.can_delete_related,
            can_view_related=wrapper.can_view_related,
        )
        self.values = values

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["url_params"] += "&" + urlencode(self.values)
        return context


def remember_import(request, draft: ArticleDraft) -> str:
    """Keeps the page's details in the session until the article is saved; returns their key."""
    held = dict(request.session.get(IMPORTS_KEY, {}))
    token = secrets.token_urlsafe(12)
    held[token] = draft.as_dict()
    request.session[IMPORTS_KEY] = dict(list(held.items())[-IMPORTS_KEPT:])
    return token


def imported_draft(request) -> ArticleDraft | None:
    """The page details the add form was opened with (?imported=key), if still held."""
    token = request.GET.get("imported", "")
    held = request.session.get(IMPORTS_KEY, {}).get(token) if token else None
    try:
        return ArticleDraft(**held) if held else None
    except TypeError:  # held by an earlier release, with other fields: read it again
        return None


def forget_import(request) -> bool:
    """Drops the held page details of this add form; whether there were any."""
    token = request.GET.get("imported", "")
    held = dict(request.session.get(IMPORTS_KEY, {}))
    if not token or held.pop(token, None) is None:
        return False
    request.session[IMPORTS_KEY] = held
    return True


@admin.register(Article)
class ArticleAdmin(ContentAdmin):
    list_display = ["title", "outlet", "published_on", "language"]
    list_filter = ["outlet", "language"]
    list_select_related = ["outlet"]
    search_fields = ["title", "summary", "url", "authors"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["outlet"]
    change_list_template = "admin/articles/article/change_list.html"
    # The full text comes straight after the essentials and open: Suggest quotes needs it, and
    # closed it was missed.
    fieldsets = [
        (None, {"fields": ["title", "outlet", "published_on", "language", "authors", "summary"]}),
        ("Full text", {"fields": ["body"], "classes": ["wide"]}),
        ("Where to find it", {"fields": ["url", "archive_url", "retrieved_on"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "body":
            field.widget.attrs.update({"rows": 18, "class": "vLargeTextField"})
        elif db_field.name == "outlet" and isinstance(field.widget, RelatedFieldWidgetWrapper):
            draft = imported_draft(request)
            if draft is not None and draft.outlet_id is None and draft.domain:
                name = draft.site_name or draft.domain
                field.widget = AddValuesWrapper(
                    field.widget,
                    {"name": name, "slug": slugify(name), "website": f"https://{draft.domain}/"},
                )
        return field

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(
                    require_http_methods(["GET", "HEAD", "POST"])(self.import_view)
                ),
                name="articles_article_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Reads an article's details from its link or a saved page, then opens the add form
        filled in with them; nothing is saved here."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleImportForm()
        if request.method == "POST":
            form = ArticleImportForm(request.POST, request.FILES)
        if form.is_bound and form.is_valid():
            url, page = form.cleaned_data["url"], form.cleaned_data["page"]
            try:
                if page is not None:
                    draft = read_article(read_upload(page))
                else:
                    fetched = fetch_page(url)
                    draft = read_article(fetched.html, fetched.url)
            except (FetchRefused, ImportRefused) as problem:
                form.add_error("page" if page is not None else "url", str(problem))
            else:
                token = remember_import(request, draft)
                add = reverse("admin:articles_article_add")
                return HttpResponseRedirect(f"{add}?{urlencode({'imported': token})}")
        context = {
            **self.admin_site.each_context(request),
            "title": "Add an article from a link or a saved page",
            "opts": self.opts,
            "form": form,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/articles/article/import.html", context)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        draft = imported_draft(request)
        if draft is not None:
            initial.pop("imported", None)
            initial.update(draft.as_initial())
        return initial

    def add_view(self, request, form_url="", extra_context=None):
        if "imported" in request.GET and request.method in {"GET", "HEAD"}:
            self.describe_import(request, imported_draft(request))
        return super().add_view(request, form_url, extra_context)

    def describe_import(self, request, draft: ArticleDraft | None) -> None:
        """Tells the editor where the form's values came from and what is left to them."""
        if draft is None:
            self.message_user(
                request,
                "The page read earlier is no longer held (it was saved, or the session "
                "ended): add it again from its link or file.",
                messages.WARNING,
            )
            return
        source = draft.url or "the uploaded page"
        self.message_user(
            request,
            f"Filled in from {source}. Check every field and write the summary in your own "
            "words: nothing is saved until you press Save, and then Suggest quotes reads the "
            "full text.",
            messages.INFO,
        )
        if draft.outlet_id is not None:
            outlet = Outlet.objects.filter(pk=draft.outlet_id).first()
            if outlet is not None:
                self.message_user(
                    request, f"Outlet: {outlet.name}, matched by its site {draft.domain}."
                )
        elif draft.domain:
            printed = f" (the page calls itself “{draft.site_name}”)" if draft.site_name else ""
            self.message_user(
                request,
                f"No outlet has the site {draft.domain}{printed}. Choose the outlet, or add it "
                "with the + beside Outlet: its name and site are filled in.",
                messages.WARNING,
            )
        if not draft.published_on:
            self.message_user(
                request, "The page gives no publication date: fill it in.", messages.WARNING
            )
        existing = Article.objects.filter(url=draft.url).first() if draft.url else None
        if existing is not None:
            self.message_user(
                request,
                format_html(
                    'An article with this link is already recorded: <a href="{}">{}</a>.',
                    reverse("admin:articles_article_change", args=[existing.pk]),
                    existing.title,
                ),
                messages.WARNING,
            )

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        if not forget_import(request):
            return response
        # Django carries the add page's query on to the next page: "Save and add another"
        # opened a form for the page just saved, which is no longer held.
        if isinstance(response, HttpResponseRedirect):
            target = urlsplit(response["Location"])
            kept = [(k, v) for k, v in parse_qsl(target.query, True) if k != "imported"]
            response["Location"] = urlunsplit(target._replace(query=urlencode(kept)))
        return self.follow_import(request, obj) or response

    def follow_import(self, request, article):
        """What follows saving an article read from a page: nothing here; the stances admin
        looks for its quotes."""
        return None
