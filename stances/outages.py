"""Failing well when the database is away: a quick 503 instead of a hung request.

PostgreSQL's own timeouts (connect_timeout, statement_timeout, set in settings) cover a slow or
absent server. A server that is hung (stopped, or cut off behind a silent network) still has its
sockets acknowledged by the kernel, so a query sent to it waits for ever. The watchdog here closes
such a wait: a thread that, every half second, looks at what each request is doing, and shuts
down the database socket of any request whose query has run past DATABASE_HANG_SECONDS (or that
has run past DATABASE_REQUEST_SECONDS in all, for waits outside a query, such as a commit).
The blocked call then fails at once, the request answers 503 (stances.errors), and the connection
is discarded, so the site recovers by itself when the database is back.
"""

import logging
import socket
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connections
from django.db.utils import InterfaceError, OperationalError

logger = logging.getLogger(__name__)


def is_database_outage(exception: BaseException | None) -> bool:
    """Whether an exception means the database could not answer (down, hung, overloaded, out of
    connections, a statement cancelled by its timeout), as opposed to a bug."""
    return isinstance(exception, OperationalError | InterfaceError)


@dataclass
class Watched:
    """One request in flight: its thread's database connections and what they are doing."""

    wrappers: list
    started: float = field(default_factory=time.monotonic)
    query_started: float | None = None
    cut: bool = False


class HangWatchdog:
    """Cuts the database connections of requests stuck waiting on the database."""

    INTERVAL = 0.5

    def __init__(self):
        self._watched: dict[int, Watched] = {}
        self._lock = threading.Lock()
        self._thread = None

    def start(self, wrappers) -> Watched:
        watched = Watched(wrappers)
        with self._lock:
            self._watched[id(watched)] = watched
            if self._thread is None or not self._thread.is_alive():
                # Started lazily: after gunicorn forks its workers, one thread in each.
                self._thread = threading.Thread(
                    target=self._run, name="database-hang-watchdog", daemon=True
                )
                self._thread.start()
        return watched

    def stop(self, watched: Watched) -> None:
        with self._lock:
            self._watched.pop(id(watched), None)

    def _run(self):
        while True:
            time.sleep(self.INTERVAL)
            now = time.monotonic()
            # Cut under the lock: a request that finishes meanwhile (and hands its connection
            # back to the pool, for another request to use) waits in stop() until this is done.
            with self._lock:
                for watched in self._watched.values():
                    if not watched.cut and self._overdue(watched, now):
                        watched.cut = True
                        cut_connections(watched.wrappers)

    @staticmethod
    def _overdue(watched: Watched, now: float) -> bool:
        in_query = watched.query_started is not None
        return (in_query and now - watched.query_started > settings.DATABASE_HANG_SECONDS) or (
            now - watched.started > settings.DATABASE_REQUEST_SECONDS
        )


def cut_connections(wrappers) -> None:
    """Shuts down (without closing: the owning thread still holds the descriptor) the socket of
    each open PostgreSQL connection, so a call blocked on it returns with an error."""
    for wrapper in wrappers:
        raw = getattr(wrapper, "connection", None)
        pgconn = getattr(raw, "pgconn", None)
        if pgconn is None:
            continue
        try:
            descriptor = pgconn.socket
            sock = socket.socket(fileno=descriptor)
            try:
                sock.shutdown(socket.SHUT_RDWR)
            finally:
                sock.detach()  # the descriptor stays psycopg's to close
        except Exception:
            logger.debug("Could not cut a database connection", exc_info=True)
            continue
        logger.error(
            "A request waited on the database past %s s (one query) or %s s (in all): "
            "its connection is cut, and it answers 503",
            settings.DATABASE_HANG_SECONDS,
            settings.DATABASE_REQUEST_SECONDS,
        )


def close_cut_connections(wrappers) -> None:
    """Closes the connections of a request that was cut loose, even if it made no query after
    the cut: psycopg would not yet know its socket is gone, and the pool would hand it to the
    next request. A closed connection is dropped when handed back."""
    for wrapper in wrappers:
        raw = getattr(wrapper, "connection", None)
        if raw is not None:
            try:
                raw.close()
            except Exception:
                logger.debug("Could not close a cut connection", exc_info=True)


watchdog = HangWatchdog()


class DatabaseHangMiddleware:
    """Puts each request under the watchdog, with every query it makes timed."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = any(
            connections[alias].vendor == "postgresql" for alias in settings.DATABASES
        )

    def __call__(self, request):
        if not self.enabled:
            return self.get_response(request)
        wrappers = [connections[alias] for alias in settings.DATABASES]
        watched = watchdog.start(wrappers)

        def timed(execute, sql, params, many, context):
            watched.query_started = time.monotonic()
            try:
                return execute(sql, params, many, context)
            finally:
                watched.query_started = None

        try:
            with ExitStack() as stack:
                for wrapper in wrappers:
                    stack.enter_context(wrapper.execute_wrapper(timed))
                return self.get_response(request)
        finally:
            watchdog.stop(watched)
            if watched.cut:
                close_cut_connections(wrappers)
