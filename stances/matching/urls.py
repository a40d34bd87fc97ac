"""Where do I stand?, for the newest election and for each one (included from stances/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("match/", views.match, name="match"),
    path("elections/<slug:slug>/match/", views.match, name="election_match"),
]
