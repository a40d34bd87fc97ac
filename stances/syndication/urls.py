"""Atom feeds, the sitemap, robots.txt and CSV downloads of the quote browser's results."""

from django.urls import path

from . import downloads, feeds, sitemaps

app_name = "syndication"
urlpatterns = [
    path("quotes.csv", downloads.quotes_csv, name="quotes_csv"),
    path("feeds/quotes.atom", feeds.QuotesFeed(), name="quotes_feed"),
    path("feeds/speakers/<slug:slug>.atom", feeds.SpeakerQuotesFeed(), name="speaker_feed"),
    path("feeds/topics/<slug:slug>.atom", feeds.TopicQuotesFeed(), name="topic_feed"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
