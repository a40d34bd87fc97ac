"""Site URLs: the public pages and the editors' admin."""

from django.contrib import admin
from django.urls import include, path

from . import health, icons, views

urlpatterns = [
    path("", views.home, name="home"),
    path("elections/<slug:slug>/", views.election_detail, name="election"),
    path(
        "elections/<slug:slug>/topics/<slug:topic>/",
        views.election_topic,
        name="election_topic",
    ),
    path("compare/", views.compare, name="compare"),
    path("topics/", views.topic_list, name="topics"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("speakers/", views.speaker_list, name="speakers"),
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker"),
    path("quotes/", views.quote_browser, name="quotes"),
    path("quotes/<int:pk>/", views.quote_detail, name="quote"),
    path("articles/", views.article_list, name="articles"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("outlets/<slug:slug>/", views.outlet_detail, name="outlet"),
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", icons.favicon, name="favicon"),
    # Open data and reuse, each surface in its own package.
    path("api/", include("stances.api.urls")),
    path("", include("stances.syndication.urls")),
    path("", include("stances.sharing.urls")),
    path("embed/", include("stances.embeds.urls")),
    path("", include("stances.embeds.reuse_urls")),
    # Where do I stand? (/match/ and /elections/<slug>/match/)
    path("", include("stances.matching.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "stances.errors.bad_request_page"
handler404 = "stances.errors.not_found"
handler500 = "stances.errors.server_error"
