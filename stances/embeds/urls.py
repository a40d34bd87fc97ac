"""Pages made to sit in another site's iframe (the only pages that may be framed)."""

from django.urls import path

from . import views

app_name = "embeds"
urlpatterns = [
    path("elections/<slug:slug>/", views.election, name="election"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path(
        "speakers/<slug:speaker>/stances/<slug:stance>/",
        views.position,
        name="position",
    ),
]
