"""The page cache: whole public pages for readers who are not signed in, shared by every app
server, and dropped by any content write the moment it commits.

Pages are stored in Django's default cache (Redis when REDIS_URL is set, local memory otherwise)
under their address, each with the content version it was rendered at. The version is a counter
in the same cache that every write to content bumps, so a page is served only while no edit has
happened since it was rendered: an editor's change shows on the next request on every app server.
One request to the cache fetches the version and the page together. Editors (any request with a
session cookie) are never served from the cache and their pages are never stored.

Responses carry a weak ETag (from ConditionalGetMiddleware, weakened by GZipMiddleware) and
`Cache-Control: no-cache`: browsers and proxies keep the page but ask again each time, and get a
304 while nothing has changed.
"""

import hashlib
import logging
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
WRITTEN_AT_KEY = "content-written-at"
# Public pages are tens of kilobytes; a page much larger than that is not worth a cache slot.
LARGEST_PAGE = 2 * 1024 * 1024
# The headers a stored page keeps; the security headers are added afresh on every response.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Encoding",
    "Content-Language",
    "Content-Disposition",
    "ETag",
    "Last-Modified",
    "Vary",
    "Access-Control-Allow-Origin",
    "Access-Control-Expose-Headers",
    "X-Robots-Tag",
)
# A view's own exceptions to the security headers (embeds may be framed), read by the outer
# middleware from the response: kept with the page, and given to its 304s too.
KEPT_ATTRIBUTES = ("_csp_config", "_csp_ro_config", "xframe_options_exempt")


# After an error from the cache, this process leaves it alone for this long: a hung or absent
# Redis costs one short timeout now and then, not one per call. An invalidation that could not be
# made meanwhile is made first thing when the cache answers again.
RESTING_SECONDS = 30


class Breaker:
    def __init__(self):
        self.resting_until = 0.0
        self.owed_bump = False

    def open(self) -> bool:
        """Whether the cache may be used now; settles an invalidation owed from an outage."""
        if time.monotonic() < self.resting_until:
            return False
        if self.owed_bump:
            self.owed_bump = False
            _bump()
        return True

    def failed(self, what: str) -> None:
        logger.warning("The cache failed (%s): left alone for %s s", what, RESTING_SECONDS)
        self.resting_until = time.monotonic() + RESTING_SECONDS


breaker = Breaker()


def start_versions() -> bool:
    """Gives a cache without a version (new, emptied, or that evicted it) one that no stored page
    can carry: the clock in nanoseconds, far above any count reached before."""
    return cache.add(VERSION_KEY, time.time_ns(), timeout=None)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version in the cache
        if not start_versions():
            cache.incr(VERSION_KEY)
    cache.set(WRITTEN_AT_KEY, time.time(), timeout=None)


def bump_content_version() -> None:
    """Invalidates every stored page. Never fails a write: with the cache unreachable, the
    invalidation is owed, and made as soon as this process reaches the cache again."""
    try:
        if breaker.open():
            _bump()
            return
    except Exception:
        breaker.failed("invalidating pages")
    breaker.owed_bump = True


def content_version():
    """The content version now, for anything else kept until content changes (the tag
    suggester's index); None when the cache cannot be reached, and then nothing may be kept.

    None too when the cache is this process's own memory (no REDIS_URL): a write made through
    another process (a second gunicorn worker, the task worker) moves only that process's
    version, so what this one kept would never be seen to go stale."""
    if isinstance(caches[DEFAULT_CACHE_ALIAS], LocMemCache):
        return None
    try:
        if not breaker.open():
            return None
        version = cache.get(VERSION_KEY)
        if version is None:
            start_versions()
            version = cache.get(VERSION_KEY)
        return version
    except Exception:
        breaker.failed("reading the content version")
        return None


def content_changed() -> None:
    """Called for every write to content. The version moves at once, so no page rendered before
    the write is served again; and again when the transaction commits, so that a page rendered
    while it was open (from the data before it) is not kept under the version of the new data."""
    bump_content_version()
    transaction.on_commit(bump_content_version)


def after_migrate(**kwargs) -> None:
    """Data migrations write through historical models, which send no signal to our receivers."""
    bump_content_version()


def release() -> str:
    """What the code serving now looks like: the static files' manifest (its hashed names change
    with any asset) and RELEASE if set, so pages rendered by another release are never served."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    try:
        digest = hashlib.sha256(manifest.read_bytes()).hexdigest()[:12]
    except OSError:
        digest = "no-manifest"
    return f"{os.environ.get('RELEASE', '')}-{digest}"


RELEASE = release()


def page_key(request, compressed: bool) -> str:
    address = f"{RELEASE}|{request.get_host()}|{request.get_full_path()}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page:{'gzip' if compressed else 'plain'}:{digest}"


def accepts_gzip(request) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "").lower()


def is_readers_request(request) -> bool:
    """A reader's request for a public page: no session (editors have one) and no pending
    message, a safe method, and outside the admin."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(settings.PAGE_CACHE_SKIPS)
    )


def last_write_time() -> float:
    """When content was last written (0 if unknown, or the cache cannot be reached)."""
    try:
        return cache.get(WRITTEN_AT_KEY, 0) if breaker.open() else 0
    except Exception:
        breaker.failed("reading the time of the last write")
        return 0


def can_store(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-store" not in cache_control
        and "private" not in cache_control
        and len(response.content) <= LARGEST_PAGE
    )


def signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def stored_response(entry) -> HttpResponse:
    headers, content = entry["headers"], entry["content"]
    response = HttpResponse(content, status=200, headers=headers)
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """Serves readers' pages from the cache and stores the ones it renders.

    Sits outside GZipMiddleware (it stores what is sent, compressed once) and inside the
    security headers (they are added to every response, stored or not)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE_SECONDS > 0 and is_readers_request(request)):
            response = self.get_response(request)
            if request.method not in ("GET", "HEAD", "OPTIONS") and signed_in(request):
                # Whatever an editor's form or action changed (a bulk update sends no signal),
                # it has committed by now: no reader is served a page from before it.
                bump_content_version()
            if not request.path.startswith(settings.PAGE_CACHE_SKIPS):
                # A signed-in editor's view of a public page is for them alone, always fresh.
                patch_vary_headers(response, ["Cookie"])
                if "Cache-Control" not in response:
                    patch_cache_control(response, private=True, no_cache=True)
            return response

        key = page_key(request, compressed=accepts_gzip(request))
        version, entry, request.content_written_at = self.look_up(key)
        if entry is not None and entry["version"] == version:
            response = get_conditional_response(
                request, etag=entry["headers"].get("ETag"), response=stored_response(entry)
            )
            for name, value in entry.get("attributes", {}).items():
                setattr(response, name, value)
            return response

        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        if "Cache-Control" not in response:
            patch_cache_control(response, no_cache=True)
        # A HEAD answer carries no ETag (ConditionalGetMiddleware skips HEAD): only GETs are kept.
        if version is not None and request.method == "GET" and can_store(response):
            self.store(key, version, response)
        response["X-Page-Cache"] = "miss"
        return response

    def look_up(self, key):
        """The current version, the stored page and the time of the last write, in one request
        to the cache; the version is None when the cache cannot be reached (the page is then
        rendered and not stored)."""
        try:
            if not breaker.open():
                return None, None, 0
            found = cache.get_many([VERSION_KEY, key, WRITTEN_AT_KEY])
            if VERSION_KEY not in found:
                start_versions()
                return cache.get(VERSION_KEY), None, 0
        except Exception:
            breaker.failed("reading a page")
            return None, None, 0
        return found[VERSION_KEY], found.get(key), found.get(WRITTEN_AT_KEY, 0)

    def store(self, key, version, response):
        entry = {
            "version": version,
            "headers": {name: response[name] for name in KEPT_HEADERS if name in response},
            "content": response.content,
        }
        entry["headers"]["Cache-Control"] = response["Cache-Control"]
        entry["attributes"] = {
            name: getattr(response, name) for name in KEPT_ATTRIBUTES if hasattr(response, name)
        }
        try:
            cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        except Exception:
            breaker.failed("storing a page")
