"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py stances.wsgi`.

Each worker process serves WEB_THREADS requests at once and keeps its own pool of at most
DATABASE_POOL_SIZE PostgreSQL connections (keep the two equal, so no thread waits for a
connection). The connection budget of a whole site, which must stay below PostgreSQL's
max_connections minus its reserved ones:

    app servers x WEB_WORKERS x DATABASE_POOL_SIZE + task workers + a few for operators

The worker timeout (30 s) is longer than every database timeout in stances/settings.py, so a
slow or hung database answers 503 before gunicorn would kill the worker.
"""

import os


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = env_int("WEB_WORKERS", 2 * (os.cpu_count() or 1))
# Threads let a worker wait on the database or a slow client without holding up the others.
worker_class = "gthread"
threads = env_int("WEB_THREADS", 4)
timeout = 30
graceful_timeout = 30
keepalive = 5
# Workers are replaced now and then, so a slow leak can never grow without bound; rarely (cached
# pages come at hundreds a second) and at well spread moments, so that workers of one server are
# never all restarting at once.
max_requests = 100_000
max_requests_jitter = 50_000
# The proxy in front sets X-Forwarded-*: trusted from loopback only unless FORWARDED_ALLOW_IPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No runtime control socket: one fixed path per user would clash between app servers on one host.
control_socket_disable = True
accesslog = "-"
errorlog = "-"
