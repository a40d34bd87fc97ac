"""The editors' admin site: Django's, with the work waiting for editors on its index page."""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.urls import NoReverseMatch, reverse


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

    def index(self, request, extra_context=None):
        return super().index(request, {"work": self.work_waiting(request), **(extra_context or {})})

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
