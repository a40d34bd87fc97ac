"""Editor sign-in safety: the client's real address behind a proxy, and session lifetimes."""

import ipaddress
import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse

SIGNED_IN_AT = "stances_signed_in_at"

logger = logging.getLogger(__name__)


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or with TRUSTED_PROXY_COUNT proxies in front, the
    X-Forwarded-For entry the outermost trusted proxy saw (entries further left are the
    client's to forge, so they are never trusted)."""
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return remote


@receiver(user_logged_in)
def remember_sign_in_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())


class AbsoluteSessionLifetimeMiddleware:
    """Signs editors out once a session is older than SESSION_ABSOLUTE_MAX_AGE, however active.

    The idle timeout is Django's own (SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            signed_in_at = request.session.get(SIGNED_IN_AT)
            too_old = (
                signed_in_at is None
                or time.time() - signed_in_at > settings.SESSION_ABSOLUTE_MAX_AGE
            )
            if too_old:
                logout(request)
                messages.info(request, "Your session has ended. Please sign in again.")
                if request.path.startswith(reverse("admin:index")):
                    next_page = urlencode({"next": request.get_full_path()})
                    return redirect(f"{reverse('admin:login')}?{next_page}")
        return self.get_response(request)


class RefuseNulBytesInTheAdminMiddleware:
    """A NUL byte in the admin's query string (a list filter, a search, the autocomplete's term)
    is a 400 saying so: PostgreSQL refuses NUL in text, which would otherwise be a 500.
    Public pages validate their parameters in their own forms and say which one is wrong."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("admin:index")) and any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            from .errors import bad_request

            return bad_request(
                request,
                "The address holds a NUL character, which no filter or search can use. "
                "Go back and choose the filter again, or search without it.",
            )
        return self.get_response(request)


def account_failures(username: str) -> int:
    """Failed sign-ins for this username from every address within the cool-off period."""
    from axes.models import AccessAttempt
    from django.db.models import Sum
    from django.utils import timezone

    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def account_paused(username: str) -> bool:
    return bool(username) and account_failures(username) >= settings.SIGN_IN_FAILURES_PER_ACCOUNT


_proxy_warned = set()


class ProxyCountWarningMiddleware:
    """Logs once per process when requests contradict TRUSTED_PROXY_COUNT: X-Forwarded-For
    arriving with no proxy trusted (every client shares the proxy's address, so sign-in throttling
    locks them out together), or a proxy trusted but no X-Forwarded-For (clients could be
    reaching the app directly, past the proxy)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        forwarded = "HTTP_X_FORWARDED_FOR" in request.META
        trusted = settings.TRUSTED_PROXY_COUNT
        problem = None
        if forwarded and not trusted:
            problem = "no-proxy-trusted"
            message = (
                "Requests carry X-Forwarded-For but TRUSTED_PROXY_COUNT is 0: set it to the "
                "number of proxies in front, or sign-in throttling sees every client as the proxy."
            )
        elif trusted and not forwarded:
            problem = "proxy-missing"
            message = (
                f"TRUSTED_PROXY_COUNT is {trusted} but a request came without X-Forwarded-For: "
                "is the app reachable without going through the proxy?"
            )
        if problem and problem not in _proxy_warned:
            _proxy_warned.add(problem)
            logger.warning(message)
        return self.get_response(request)


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' lockout page, in the admin's layout, saying what happened and for how long."""
    from axes.helpers import get_client_username, get_cool_off, get_failure_limit
    from django.contrib import admin
    from django.template.response import TemplateResponse

    context = {
        **admin.site.each_context(request),
        "title": "Sign-in paused",
        "failure_limit": get_failure_limit(request, credentials),
        "username": get_client_username(request, credentials) or "",
        "cooloff_timedelta": get_cool_off(request),
    }
    return TemplateResponse(
        request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    ).render()


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header (settings.PERMISSIONS_POLICY) to every response:
    Django has a setting for the Content-Security-Policy but none for this header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
