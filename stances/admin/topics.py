"""Admin for topics, with their stances inline."""

from django.contrib import admin
from django.db.models import Count

from articles.editing import ContentAdmin, ContentTabularInline

from ..models import Stance, Topic


class StanceInline(ContentTabularInline):
    model = Stance
    extra = 0
    fields = ["statement", "slug", "order", "description"]
    prepopulated_fields = {"slug": ["statement"]}


@admin.register(Topic)
class TopicAdmin(ContentAdmin):
    list_display = ["name", "order", "stance_count"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [StanceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(stance_count=Count("stances"))

    @admin.display(description="Stances", ordering="stance_count")
    def stance_count(self, topic):
        return topic.stance_count


@admin.register(Stance)
class StanceAdmin(ContentAdmin):
    list_display = ["statement", "topic", "order", "tag_count"]
    list_filter = ["topic"]
    list_select_related = ["topic"]
    search_fields = ["statement", "description", "topic__name"]
    prepopulated_fields = {"slug": ["statement"]}
    autocomplete_fields = ["topic"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(tag_count=Count("tags"))

    @admin.display(description="Tagged quotes", ordering="tag_count")
    def tag_count(self, stance):
        return stance.tag_count
