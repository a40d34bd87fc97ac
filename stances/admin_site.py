"""The editors' admin site: Django's, with the work waiting for editors on its index page."""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import NoReverseMatch, path, reverse
from django.views.decorators.http import require_http_methods


class StancesAdminSite(admin.AdminSite):
    site_header = "Stances editors"
    site_title = "Stances editors"
    index_title = "Evidence and sources"
    index_template = "admin/stances_index.html"

    @property
    def login_form(self):
        # Imported here: this module loads with the app registry, before models may be imported.
        from .sign_in import ThrottledAuthenticationForm

        return ThrottledAuthenticationForm

    def get_urls(self):
        # Imported here: this module loads with the app registry, before models may be imported.
        from .admin.tasks import rebuild_positions_view

        def rebuild(request):
            return rebuild_positions_view(request, self)

        return [
            path(
                "rebuild-positions/",
                self.admin_view(require_http_methods(["GET", "HEAD", "POST"])(rebuild)),
                name="stances_rebuild_positions",
            ),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        return super().index(
            request,
            {
                "work": self.work_waiting(request),
                "background": self.background_tasks(request),
                **(extra_context or {}),
            },
        )

    def background_tasks(self, request) -> list[dict]:
        """Background work this user may start from the admin, each with how it last went."""
        from .admin.tasks import last_rebuild, may_rebuild

        if not may_rebuild(request.user):
            return []
        last = last_rebuild()
        return [
            {
                "label": "Rebuild stored positions",
                "state": last.describe() if last else "None has run as a task yet.",
                "url": reverse("admin:stances_rebuild_positions"),
            }
        ]

    def work_waiting(self, request) -> list[dict]:
        """What awaits editors: counts with links, only for what this user may open."""
        Quote = apps.get_model("stances", "Quote")
        work = []
        if request.user.has_perm("stances.change_quote"):
            work.append(
                {
                    "label": "Quotes awaiting stance tags",
                    "count": Quote.objects.awaiting_tags().count(),
                    "url": reverse("admin:stances_quote_tagging_queue"),
                }
            )
            work.append(
                {
                    "label": "Draft quotes awaiting publishing",
                    "count": Quote.objects.drafts().count(),
                    "url": reverse("admin:stances_quote_changelist") + "?status__exact=draft",
                }
            )
        try:
            Suggestion = apps.get_model("stances", "QuoteSuggestion")
            url = reverse("admin:stances_quotesuggestion_changelist") + "?status__exact=pending"
        except (LookupError, NoReverseMatch):
            Suggestion = None
        if Suggestion is not None and request.user.has_perm("stances.view_quotesuggestion"):
            work.append(
                {
                    "label": "Suggested quotes awaiting review",
                    "count": Suggestion.objects.pending().count(),
                    "url": url,
                }
            )
        return work


class StancesAdminConfig(AdminConfig):
    """Installs StancesAdminSite as the default admin site (see INSTALLED_APPS)."""

    default_site = "stances.admin_site.StancesAdminSite"
