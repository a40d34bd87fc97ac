"""What other sites read from a page: schema.org JSON-LD, OpenGraph and Twitter cards, share
images, and the Popolo export of people and organisations."""

from django.urls import path

from . import views

app_name = "sharing"
urlpatterns = [
    path("popolo.json", views.popolo_export, name="popolo"),
    path("share.png", views.site_image, name="site_image"),
    path("quotes/<int:pk>/share.png", views.quote_image, name="quote_image"),
]
