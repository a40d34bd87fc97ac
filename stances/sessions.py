"""Editors' sessions in the database, as Django's own backend keeps them, except that a database
that cannot answer while a session is saved is an outage (a 503, stances.errors), not Django's
"session interrupted" 400: that is for a session deleted meanwhile, as by signing out elsewhere.
And a session cookie Django could not have made (a NUL byte in it, say, which PostgreSQL refuses in
a query: a 500 on any page) is no session, as a missing cookie is."""

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, UpdateError

from .outages import is_database_outage


class SessionStore(db.SessionStore):
    def _validate_session_key(self, key):
        return bool(super()._validate_session_key(key)) and all(
            character in VALID_KEY_CHARS for character in key
        )

    def save(self, must_create=False):
        try:
            return super().save(must_create=must_create)
        except UpdateError as refusal:
            if is_database_outage(refusal.__context__):
                raise refusal.__context__ from None
            raise
