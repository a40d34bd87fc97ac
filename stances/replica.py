"""An optional read replica (DATABASE_REPLICA_URL) for readers' pages.

Readers' requests (safe methods, no session, outside the admin) read from the replica. Everything
else reads and writes the primary: editors see their own writes at once, and so do tasks and
commands. Right after any content write, for REPLICA_LAG_SECONDS, readers read the primary too:
a replica a moment behind must not have its older copy cached as the page of the new version.
"""

import time
from contextvars import ContextVar

from django.conf import settings

from . import page_cache

REPLICA = "replica"
_reading_replica: ContextVar[bool] = ContextVar("reading_replica", default=False)


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    """Reads go to the replica only inside a reader's request; writes and migrations never."""

    def db_for_read(self, model, **hints):
        return REPLICA if _reading_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, first, second, **hints):
        return True  # the same data, whichever copy it was read from

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReadFromReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (replica_configured() and page_cache.is_readers_request(request)):
            return self.get_response(request)
        written_at = getattr(request, "content_written_at", None)
        if written_at is None:
            written_at = page_cache.last_write_time()
        if time.time() - written_at < settings.REPLICA_LAG_SECONDS:
            return self.get_response(request)
        token = _reading_replica.set(True)
        try:
            return self.get_response(request)
        finally:
            _reading_replica.reset(token)
