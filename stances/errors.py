"""Error pages in the site's style. The 500 and 503 pages render without the database and without
a request context (context processors might touch the failing database)."""

import sys

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.template import loader

from .outages import is_database_outage

# Fields never written back into a page: secrets, and the form's own token (sent separately).
UNSHOWN_FIELDS = ("password", "csrfmiddlewaretoken")
# Admin formsets' bookkeeping: sent again with the form, not worth showing to an editor.
FORMSET_BOOKKEEPING = ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS")


def not_found(request, exception=None):
    body = loader.render_to_string("404.html", {"section": ""}, request)
    return HttpResponseNotFound(body)


def server_error(request):
    """Django's 500 handler, called while the exception is being handled: a database that could
    not answer is a 503 saying so (try again shortly), anything else a 500."""
    if is_database_outage(sys.exc_info()[1]):
        return service_unavailable(request)
    body = loader.render_to_string("500.html", {"section": ""})
    response = HttpResponse(body, status=500)
    response["Cache-Control"] = "no-store"
    return response


def service_unavailable(request):
    """The database is away. An editor who was saving a form sees what they sent, and can send it
    again as it was once the database is back: nothing typed is lost."""
    context = {"section": "", "retry_after": settings.RETRY_AFTER_SECONDS}
    if request is not None and request.method == "POST":
        context.update(submitted_form(request))
    body = loader.render_to_string("503.html", context)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(settings.RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def submitted_form(request) -> dict:
    try:
        data = request.POST
        files = request.FILES
    except Exception:  # an unreadable body: nothing to offer back
        return {}
    resend, shown = [], []
    for name, values in data.lists():
        if any(secret in name.lower() for secret in UNSHOWN_FIELDS):
            continue
        for value in values:
            resend.append((name, value))
            if value.strip() and not name.endswith(FORMSET_BOOKKEEPING):
                shown.append((label_for(name), value))
    return {
        "submitted": True,
        "action": request.get_full_path(),
        "csrf_token_sent": data.get("csrfmiddlewaretoken", ""),
        "resend": resend,
        "shown": shown,
        "files": [upload.name for upload in files.values()],
    }


def label_for(name: str) -> str:
    """A form field's name as an editor can read it: `tags-0-stance` is "Tags 1: stance"."""
    parts = name.split("-")
    if len(parts) == 3 and parts[1].isdigit():
        prefix, number, field_name = parts
        prefix, field_name = prefix.replace("_", " ").capitalize(), field_name.replace("_", " ")
        return f"{prefix} {int(number) + 1}: {field_name}"
    return name.replace("_", " ").capitalize()


def bad_request_page(request, exception=None):
    """Django's 400 (a malformed request, too many parameters), in the site's style."""
    return bad_request(
        request, "The request could not be read: it may be malformed or far too long."
    )


def bad_request(request, reason: str):
    body = loader.render_to_string("400.html", {"section": "", "reason": reason}, request)
    return HttpResponseBadRequest(body)
