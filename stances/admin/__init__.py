"""The editors' workplace: speakers, elections, topics, quotes and their stance tags."""

from django.contrib import admin

from . import accounts, articles, people, quotes, topics  # noqa: F401  (each registers its models)

admin.site.site_header = "Stances editors"
admin.site.site_title = "Stances editors"
admin.site.index_title = "Evidence and sources"
