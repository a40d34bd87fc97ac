"""The site's URLs and one more page for fault tests: a healthy request that makes one quick
query, then works a while without the database (a big render, a slow upload, another service)."""

import time

from django.http import HttpResponse
from django.urls import path

from stances.models import Speaker
from stances.urls import handler400, handler404, handler500  # noqa: F401
from stances.urls import urlpatterns as site


def slow(request):
    count = Speaker.objects.count()
    time.sleep(float(request.GET.get("seconds", "3")))
    return HttpResponse(f"{count} speakers")


urlpatterns = [path("slow-page/", slow), *site]
