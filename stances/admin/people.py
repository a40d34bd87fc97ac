"""Admin for speakers (with their roles and other names) and elections (with their candidacies)."""

from django.contrib import admin
from django.db.models import Count

from articles.editing import ContentAdmin, ContentTabularInline, VersionedInlineFormSet

from ..models import Candidacy, Election, OtherName, Speaker, SpeakerRole
from ..models.people import OTHER_NAME_TAKEN


class SpeakerRoleInline(ContentTabularInline):
    model = SpeakerRole
    extra = 0
    fields = ["title", "organisation", "started_on", "ended_on"]


class OtherNamesFormSet(VersionedInlineFormSet):
    def clean(self):
        """Two rows with the same name (case apart) are refused here: each row is checked
        against the stored names alone, so the database would be the first to see the clash."""
        super().clean()
        seen = set()
        for form in self.forms:
            name = getattr(form, "cleaned_data", {}).get("name")
            if not name or (self.can_delete and self._should_delete_form(form)):
                continue
            if name.casefold() in seen:
                form.add_error("name", OTHER_NAME_TAKEN)
            seen.add(name.casefold())


class OtherNameInline(ContentTabularInline):
    model = OtherName
    formset = OtherNamesFormSet
    extra = 0
    fields = ["name", "note", "started_on", "ended_on"]


@admin.register(Speaker)
class SpeakerAdmin(ContentAdmin):
    list_display = ["name", "kind", "latest_role", "quote_count", "wikidata_id"]
    list_filter = ["kind"]
    # Other names are searched too: an editor typing "Zelenskyy" finds Zelensky.
    search_fields = ["name", "other_names__name", "description", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SpeakerRoleInline, OtherNameInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("roles")
            .annotate(quote_count=Count("quotes", distinct=True))
        )

    @admin.display(description="Latest role")
    def latest_role(self, speaker):
        role = speaker.role_on(None)
        return str(role) if role else "—"

    @admin.display(description="Quotes", ordering="quote_count")
    def quote_count(self, speaker):
        return speaker.quote_count


@admin.register(SpeakerRole)
class SpeakerRoleAdmin(ContentAdmin):
    list_display = ["title", "organisation", "speaker", "started_on", "ended_on"]
    list_filter = ["organisation"]
    list_select_related = ["speaker"]
    search_fields = ["title", "organisation", "speaker__name"]
    autocomplete_fields = ["speaker"]
    date_hierarchy = "started_on"


class CandidacyInline(ContentTabularInline):
    model = Candidacy
    fk_name = "election"
    extra = 0
    fields = ["speaker", "office", "party", "ticket_position", "running_mate_of", "order"]
    autocomplete_fields = ["speaker", "running_mate_of"]


@admin.register(Election)
class ElectionAdmin(ContentAdmin):
    list_display = ["name", "held_on", "country", "candidate_count"]
    list_filter = ["country"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "held_on"
    inlines = [CandidacyInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(candidate_count=Count("candidacies"))

    @admin.display(description="Candidates", ordering="candidate_count")
    def candidate_count(self, election):
        return election.candidate_count


@admin.register(Candidacy)
class CandidacyAdmin(ContentAdmin):
    list_display = ["speaker", "election", "office", "party", "ticket_position", "order"]
    list_filter = ["election", "ticket_position", "party"]
    list_select_related = ["speaker", "election"]
    search_fields = ["speaker__name", "election__name", "office", "party"]
    autocomplete_fields = ["speaker", "election", "running_mate_of"]
