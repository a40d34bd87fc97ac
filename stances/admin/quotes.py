"""Admin for quotes (with their stance tags) and stance tags."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.db import models
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import ngettext

from articles.editing import ContentAdmin, ContentTabularInline, VersionedForm, excerpt

from ..models import Candidacy, Election, Quote, StanceTag
from ..tagging import TagRefused, accept_tag, parse_choice, suggestions_for
from .tagging_queue import TaggingQueue

NOT_DELETED = (
    "a quote readers may have seen is retracted, not deleted (use “Retract selected published "
    "quotes…”), and a retracted one stays on record. Only draft quotes can be deleted."
)


def quotes_count(count: int) -> str:
    """ "1 quote", "2 quotes"."""
    return ngettext("%(count)d quote", "%(count)d quotes", count) % {"count": count}


def unnamed_sources(attribution: str):
    """Where a speaker's name is expected, an anonymous claim: "Unnamed sources", with the
    printed attribution after it in muted text."""
    if not attribution:
        return "Unnamed sources"
    return format_html('Unnamed sources <span class="quiet">({})</span>', attribution)


class StanceTagInline(ContentTabularInline):
    model = StanceTag
    extra = 0
    fields = ["stance", "alignment", "note", "tagged_by", "tagged_at"]
    readonly_fields = ["tagged_by", "tagged_at"]
    autocomplete_fields = ["stance"]
    # The default 40-column, 10-row textarea pushed the "Delete?" column off a 1280px screen.
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 24})}
    }


class ElectionListFilter(admin.SimpleListFilter):
    """Quotes by or about the candidates of one election."""

    title = "election"
    parameter_name = "election"

    def lookups(self, request, model_admin):
        return [(str(e.pk), e.name) for e in Election.objects.newest_first()]

    def queryset(self, request, queryset):
        if not self.value() or not (self.value().isascii() and self.value().isdigit()):
            return queryset
        candidates = Candidacy.objects.filter(election_id=self.value()).values("speaker")
        return queryset.filter(Q(speaker__in=candidates) | Q(about__in=candidates))


class QuoteForm(VersionedForm):
    """Keeps a quote readers may have seen on the record: it is retracted, never made a draft
    again (a draft can be deleted)."""

    def clean_status(self):
        status = self.cleaned_data["status"]
        # The stored row decides, not the instance: the history "revert" page builds the form
        # on an old version, which may still have been a draft.
        stored = (
            Quote._base_manager.filter(pk=self.instance.pk).values_list("status", "published_at")
            if self.instance.pk
            else []
        )
        left_draft = any(was != Quote.Status.DRAFT or at is not None for was, at in stored)
        if left_draft and status == Quote.Status.DRAFT:
            raise forms.ValidationError(
                "A quote readers may have seen cannot go back to draft; retract it instead."
            )
        return status


class RetractForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Readers see this reason with the retraction notice.",
        strip=True,
    )


@admin.register(Quote)
class QuoteAdmin(ContentAdmin):
    form = QuoteForm
    list_display = [
        "short_text",
        "kind",
        "speaker_or_attribution",
        "about",
        "article",
        "said_on",
        "status",
        "tag_count",
    ]
    list_filter = [
        "status",
        "kind",
        ("speaker", admin.RelatedOnlyFieldListFilter),
        ("tags__stance__topic", admin.RelatedOnlyFieldListFilter),
        ("article__outlet", admin.RelatedOnlyFieldListFilter),
        ElectionListFilter,
    ]
    list_select_related = ["speaker", "about", "article"]
    search_fields = [
        "text",
        "original_text",
        "attribution_text",
        "speaker__name",
        "about__name",
        "article__title",
    ]
    date_hierarchy = "article__published_on"
    autocomplete_fields = ["speaker", "about", "article", "responds_to"]
    readonly_fields = ["published_at", "retracted_at", "created_at", "updated_at"]
    inlines = [StanceTagInline]
    actions = ["publish_quotes", "retract_quotes"]
    fieldsets = [
        (None, {"fields": ["text", "kind", "speaker", "attribution_text", "about"]}),
        ("Where and when", {"fields": ["article", "said_on", "responds_to"]}),
        (
            "Language and position in the article",
            {
                # Not grouped on one row: Django opens a collapsed fieldset for an error only
                # in an ungrouped field, so an offset error was hidden in the closed section.
                "fields": ["language", "original_text", "start_offset", "end_offset"],
                "classes": ["collapse"],
            },
        ),
        (
            "Editorial status",
            {
                "fields": [
                    "status",
                    "retraction_reason",
                    "published_at",
                    "retracted_at",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    change_form_template = "admin/stances/quote/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(tag_count=Count("tags", distinct=True))

    def get_urls(self):
        # The tagging queue's pages live in their own module (tagging_queue.py).
        return [*TaggingQueue(self).urls(), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        quote = (
            Quote.objects.prefetch_related("tags").filter(pk=object_id).first()
            if str(object_id).isascii() and str(object_id).isdigit()
            else None
        )
        extra = {"tag_suggestions": []}
        if quote is not None and quote.status != Quote.Status.RETRACTED:
            extra["tag_suggestions"] = suggestions_for([quote])[quote.pk]
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def response_change(self, request, obj):
        """After a save, the "accept" buttons under the form also add the suggested tag."""
        if "_accept_tag" in request.POST:
            self.accept_from_post(request, obj, request.POST["_accept_tag"])
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def accept_from_post(self, request, quote, value) -> bool:
        try:
            stance_id, alignment = parse_choice(value)
            tag = accept_tag(quote, stance_id, alignment, request.user)
        except TagRefused as refused:
            self.message_user(request, str(refused), messages.ERROR)
            return False
        self.message_user(
            request, f"Tagged: {tag.get_alignment_display()} “{tag.stance}”.", messages.SUCCESS
        )
        return True

    def view_on_site(self, quote):
        """The reader-facing page, only for a quote readers can see."""
        return quote.get_absolute_url() if quote.is_public else None

    def delete_view(self, request, object_id, extra_context=None):
        quote = self.get_object(request, unquote(object_id))
        if (
            quote is not None
            and quote.status != Quote.Status.DRAFT
            and self.has_view_or_change_permission(request, quote)
        ):
            # Not a bare 403: the refusal is the rule, not the editor's permissions.
            self.message_user(
                request,
                f"“{excerpt(quote.text, 60)}” is {quote.get_status_display().lower()}, so it "
                f"cannot be deleted: {NOT_DELETED}",
                messages.ERROR,
            )
            return HttpResponseRedirect(reverse("admin:stances_quote_change", args=[quote.pk]))
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location)
        if "delete_selected" in actions:
            actions["delete_selected"] = (
                type(self).delete_selected_drafts,
                "delete_selected",
                "Delete selected draft quotes",
            )
        return actions

    def delete_selected_drafts(self, request, queryset):
        """Django's "delete selected", refused with the reason when a selected quote is not a
        draft (Django blamed the editor's permissions)."""
        kept = queryset.exclude(status=Quote.Status.DRAFT).count()
        if kept:
            self.message_user(
                request,
                ngettext(
                    "Nothing was deleted: %(count)d selected quote is published or retracted. ",
                    "Nothing was deleted: %(count)d selected quotes are published or retracted. ",
                    kept,
                )
                % {"count": kept}
                + NOT_DELETED,
                messages.ERROR,
            )
            return None
        return delete_selected(self, request, queryset)

    def has_delete_permission(self, request, obj=None):
        # A quote readers may have cited is retracted, never deleted.
        if obj is not None and obj.status != Quote.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description="Quote", ordering="text")
    def short_text(self, quote):
        return excerpt(quote.text)

    @admin.display(description="Speaker", ordering="speaker__name")
    def speaker_or_attribution(self, quote):
        if quote.speaker_id:
            return quote.speaker.name
        return unnamed_sources(quote.attribution_text)

    @admin.display(description="Tags", ordering="tag_count")
    def tag_count(self, quote):
        return quote.tag_count

    def save_formset(self, request, form, formset, change):
        tags = formset.save(commit=False)
        for tag in tags:
            if isinstance(tag, StanceTag) and tag.tagged_by_id is None:
                tag.tagged_by = request.user
            tag.save()
        for tag in formset.deleted_objects:
            tag.delete()
        formset.save_m2m()

    @admin.action(description="Publish selected draft quotes", permissions=["change"])
    def publish_quotes(self, request, queryset):
        # Counted before publishing: the queryset is the list's, filtered as the list is
        # (say, to drafts), so counting it afterwards left the published ones out ("-6").
        selected = queryset.count()
        drafts = list(queryset.filter(status=Quote.Status.DRAFT))
        for quote in drafts:
            quote.status = Quote.Status.PUBLISHED
            quote.save()
        skipped = selected - len(drafts)
        self.message_user(request, f"Published {quotes_count(len(drafts))}.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "Skipped %(count)d quote that was already published or retracted.",
                    "Skipped %(count)d quotes that were already published or retracted.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(description="Retract selected published quotes…", permissions=["change"])
    def retract_quotes(self, request, queryset):
        published = queryset.filter(status=Quote.Status.PUBLISHED)
        if not published.exists():
            self.message_user(
                request,
                "None of the selected quotes is published, so none was retracted.",
                messages.WARNING,
            )
            return None
        form = RetractForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            # Counted before retracting, for the same reason as in publish_quotes.
            selected = queryset.count()
            quotes = list(published)
            for quote in quotes:
                quote.status = Quote.Status.RETRACTED
                quote.retraction_reason = form.cleaned_data["reason"]
                quote.save()
            self.message_user(
                request,
                f"Retracted {quotes_count(len(quotes))}. Readers now see the retraction notice.",
                messages.SUCCESS,
            )
            skipped = selected - len(quotes)
            if skipped:
                self.message_user(
                    request,
                    ngettext(
                        "Skipped %(count)d quote that was not published.",
                        "Skipped %(count)d quotes that were not published.",
                        skipped,
                    )
                    % {"count": skipped},
                    messages.WARNING,
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Retract quotes",
            "opts": self.model._meta,
            "form": form,
            "quotes": published.with_citation(),
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "query_string": request.GET.urlencode(),
        }
        return TemplateResponse(request, "admin/stances/quote/retract.html", context)


@admin.register(StanceTag)
class StanceTagAdmin(ContentAdmin):
    list_display = ["quote", "stance", "alignment", "tagged_by", "tagged_at"]
    list_filter = ["alignment", ("stance__topic", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["quote__speaker", "stance", "tagged_by"]
    search_fields = ["quote__text", "stance__statement", "note"]
    autocomplete_fields = ["quote", "stance"]
    readonly_fields = ["tagged_by", "tagged_at"]
    date_hierarchy = "tagged_at"

    def save_model(self, request, obj, form, change):
        if obj.tagged_by_id is None:
            obj.tagged_by = request.user
        super().save_model(request, obj, form, change)
