"""Liveness for load balancers and the scale benchmark's baseline: answers without the database."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe


@require_safe
def healthz(request):
    # Liveness only: a database outage must not take every app server out of the pool at once.
    response = HttpResponse("ok", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
