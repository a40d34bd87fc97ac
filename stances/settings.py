"""Settings for Stances, read from environment variables.

Development needs none of them: SQLite in the project folder, DEBUG off unless asked for.
Production sets SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and HTTPS=true.
"""

import datetime
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from stances.api.config import REST_FRAMEWORK, SPECTACULAR_SETTINGS  # noqa: F401

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    """Reads a yes/no variable; anything but a clear yes or no is a configuration error."""
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    """Reads a whole-number variable, refusing anything that is not one."""
    value = os.environ.get(name, "").strip()
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: list[str]) -> list[str]:
    """Reads a comma-separated list, ignoring blanks around the commas."""
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

# Serving requires a real key. One-off management commands (migrate, makemigrations, check,
# createsuperuser) sign nothing that outlives them, so manage.py lets them run with a throw-away
# key; `runserver` is serving, and gets no such pass.
ONE_OFF_COMMAND = os.environ.get("STANCES_MANAGE_COMMAND", "") not in {"", "runserver"}
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "insecure-development-key-never-use-in-production"
    elif ONE_OFF_COMMAND:
        SECRET_KEY = secrets.token_urlsafe(50)
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is required when DEBUG is off (set DEBUG=true locally)"
        )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Django's admin, with the editors' index page (work waiting) from StancesAdminSite.
    "stances.admin_site.StancesAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "axes",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "articles",
    "stances",
]

MIDDLEWARE = [
    # Outermost, so every response carries them: static files, redirects and error pages too.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "stances.security.PermissionsPolicyMiddleware",
    # Any site may read the API from a browser (GET only, no credentials); outside the page cache.
    "stances.api.cors.AllowAnyOriginToReadTheApiMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Readers' pages from the shared cache, before any session or database work; it stores what
    # GZip compressed and ConditionalGet tagged with an ETag.
    "stances.page_cache.PageCacheMiddleware",
    # A request stuck on a hung database is cut loose (a 503) within DATABASE_HANG_SECONDS.
    "stances.outages.DatabaseHangMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Readers' pages read from the replica, when there is one (DATABASE_REPLICA_URL).
    "stances.replica.ReadFromReplicaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "stances.security.AbsoluteSessionLifetimeMiddleware",
    "stances.security.RefuseNulBytesInTheAdminMiddleware",
    "stances.security.ProxyCountWarningMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stances.urls"
WSGI_APPLICATION = "stances.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# One DATABASE_URL selects the database; without it, SQLite in the project folder.
# On PostgreSQL, every process keeps a pool of at most DATABASE_POOL_SIZE connections (psycopg's
# pool, built into Django): with W processes the site never holds more than W x DATABASE_POOL_SIZE,
# which must stay below the server's max_connections (the deployment guide has the rule). A
# request that finds the pool empty waits DATABASE_POOL_TIMEOUT seconds, then answers 503.
# Timeouts, all shorter than the app server's worker timeout (30 s in gunicorn.conf.py), so a slow,
# absent or hung database gives readers a 503 within seconds (stances.outages, stances.errors).
DATABASE_CONNECT_TIMEOUT = envint("DATABASE_CONNECT_TIMEOUT", 3)
DATABASE_STATEMENT_TIMEOUT = envint("DATABASE_STATEMENT_TIMEOUT", 10)
DATABASE_HANG_SECONDS = envint("DATABASE_HANG_SECONDS", DATABASE_STATEMENT_TIMEOUT + 2)
DATABASE_REQUEST_SECONDS = envint("DATABASE_REQUEST_SECONDS", 25)
DATABASE_POOL_SIZE = envint("DATABASE_POOL_SIZE", 4)
DATABASE_POOL_TIMEOUT = envint("DATABASE_POOL_TIMEOUT", 5)
# How long a 503 asks clients to wait before trying again.
RETRY_AFTER_SECONDS = envint("RETRY_AFTER_SECONDS", 10)


def database(url: str) -> dict:
    config = dj_database_url.parse(url, conn_max_age=0, conn_health_checks=False)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # A new connection per request is cheap on SQLite and avoids stale locks in development.
        config["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
        return config
    # Rows are fetched with the query that selects them: a server-side cursor would fetch later,
    # outside the query timer that cuts a request stuck on a hung database (stances.outages).
    config["DISABLE_SERVER_SIDE_CURSORS"] = True
    options = config.setdefault("OPTIONS", {})
    options.setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT)
    if not ONE_OFF_COMMAND:
        # Serving only: migrations, imports and the task worker may rightly run long statements.
        options.setdefault(
            "options",
            f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}"
            f" -c lock_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}"
            f" -c idle_in_transaction_session_timeout={DATABASE_REQUEST_SECONDS * 2000}",
        )
    if DATABASE_POOL_SIZE > 0:
        # Connections are checked when handed out only by use: a dead one fails that request
        # (a 503) and the pool drops it. A check query could itself hang on a stopped server.
        options["pool"] = {
            "min_size": 1,
            "max_size": DATABASE_POOL_SIZE,
            "timeout": DATABASE_POOL_TIMEOUT,
            "max_idle": 300,
            "check": None,
            # psycopg retries a failed connection with a doubling delay until this many seconds
            # have passed: kept short, so that retries stay frequent and the site is back
            # within a few seconds of the database.
            "reconnect_timeout": DATABASE_POOL_TIMEOUT,
        }
    else:
        config["CONN_MAX_AGE"] = envint("DATABASE_CONN_MAX_AGE", 600)
        config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {
    "default": database(os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))
}
# An optional read replica for readers' pages (stances.replica); editors, tasks and commands use
# the primary, and so do readers for REPLICA_LAG_SECONDS after any content write.
if os.environ.get("DATABASE_REPLICA_URL", "").strip():
    DATABASES["replica"] = database(os.environ["DATABASE_REPLICA_URL"].strip())
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["stances.replica.ReplicaRouter"]
REPLICA_LAG_SECONDS = envint("REPLICA_LAG_SECONDS", 10)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache shared by every app server: Redis when REDIS_URL is set, else this process's memory
# (right for one process, as the demo runs; several app servers need Redis). Short socket
# timeouts: an unreachable Redis makes pages uncached, never slow or failing.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(
        f"REDIS_URL must start with redis://, rediss:// or unix://, not {REDIS_URL!r}"
    )
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "stances"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
elif CACHE_DIRECTORY := os.environ.get("CACHE_DIRECTORY", "").strip():
    # Files shared by the processes of one machine (bin/demo's server and task worker), so that a
    # write made by either drops the pages both serve.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(Path(CACHE_DIRECTORY).resolve()),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
# Readers' pages are kept this long at most (0 turns the page cache off); any content write
# drops them all at once (stances.page_cache).
# Off by default without a shared cache (Redis, or CACHE_DIRECTORY for the processes of one
# machine): each process's own memory would keep pages that an edit made through another process
# (a second gunicorn worker, the task worker) cannot drop.
PAGE_CACHE_SECONDS = envint(
    "PAGE_CACHE_SECONDS", 600 if REDIS_URL or os.environ.get("CACHE_DIRECTORY", "").strip() else 0
)
PAGE_CACHE_SKIPS = ("/admin/", "/healthz")

# Background work (extracting quotes, rebuilding positions) runs on Django's tasks framework. The
# database backend keeps each task as a row in the same database: enqueued in the editor's own
# transaction, visible to every app server, run by `manage.py db_worker`. TASKS_BACKEND names
# another backend class (the tests run tasks at once with Django's ImmediateBackend).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Articles added from a link (articles.fetching): the server fetches the page, so it refuses
# addresses inside the network (loopback, private, link-local...) unless this allows them, which
# only tests and a demo on one machine should. Each fetch is bounded in time and size.
FETCH_ALLOW_PRIVATE_ADDRESSES = envbool("FETCH_ALLOW_PRIVATE_ADDRESSES", False)
FETCH_TIMEOUT_SECONDS = envint("FETCH_TIMEOUT_SECONDS", 10)
FETCH_MAX_BYTES = envint("FETCH_MAX_BYTES", 5 * 1024 * 1024)

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username and address never reach the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Editors' sessions: signed out after 30 idle minutes, and after 12 hours whatever they do.
SESSION_COOKIE_AGE = envint("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_ABSOLUTE_MAX_AGE = envint("SESSION_ABSOLUTE_MAX_AGE_SECONDS", 12 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
# Django's database sessions, with a database outage while saving one answered as a 503.
SESSION_ENGINE = "stances.sessions"
# Only editors sign in, in the admin: after sign-in (when `next` is missing or refused) and
# for any view that asks for a signed-in user, the admin is where they go.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# Sign-in throttling: five failures for one username from one address lock that pair out for
# 15 minutes. Locking the pair (not the username alone) stops one attacker locking out everyone.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "stances.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "stances.security.client_ip"
AXES_VERBOSE = False
# On top of that, failures for one account from all addresses together: past this many within
# the cool-off, the account takes no sign-in at all (a guesser spread over many addresses, or a
# proxy count set wrong so that every client seems to come from one address or from many).
SIGN_IN_FAILURES_PER_ACCOUNT = envint("SIGN_IN_FAILURES_PER_ACCOUNT", 25)
# How many reverse proxies (that append to X-Forwarded-For) stand in front of the app.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Behind TLS in production: secure cookies, HSTS and redirects, all switched on by HTTPS=true.
HTTPS = envbool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", HTTPS)
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A strict Content-Security-Policy: only this site's own files, nothing inline, and no nonces: no
# page, the admin's included, needs an inline script or style (the admin's change list writes one
# only for a list without actions, which this site has none of), so every response carries the
# same header and may be cached whole.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# Browser features no page uses, switched off for the site and anything it might embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), "
    "encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), "
    "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes logs every sign-in at INFO; failures and lockouts come through as warnings.
    "loggers": {"axes": {"level": "WARNING"}},
}
