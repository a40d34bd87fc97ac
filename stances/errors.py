"""Error pages in the site's style. The 500 page renders without the database or a request."""

from django.http import HttpResponseBadRequest, HttpResponseNotFound, HttpResponseServerError
from django.template import loader


def not_found(request, exception=None):
    body = loader.render_to_string("404.html", {"section": ""}, request)
    return HttpResponseNotFound(body)


def server_error(request):
    # No request context: context processors might touch the failing database.
    return HttpResponseServerError(loader.render_to_string("500.html", {"section": ""}))


def bad_request_page(request, exception=None):
    """Django's 400 (a malformed request, too many parameters), in the site's style."""
    return bad_request(
        request, "The request could not be read: it may be malformed or far too long."
    )


def bad_request(request, reason: str):
    body = loader.render_to_string("400.html", {"section": "", "reason": reason}, request)
    return HttpResponseBadRequest(body)
