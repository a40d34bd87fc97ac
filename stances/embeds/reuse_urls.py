"""The "Reuse our data" page, at the site's top level (included from stances/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("reuse/", views.reuse, name="reuse"),
]
