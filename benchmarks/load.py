"""Load test: the public pages of the seeded 100k-quote database under gunicorn (the repository's
gunicorn.conf.py) with Redis, driven by wrk at 64 and at 256 connections. Run by hand.

    .venv/bin/python benchmarks/load.py                 # 30 s per level, page cache on and off
    .venv/bin/python benchmarks/load.py --seconds 10    # shorter runs
    .venv/bin/python benchmarks/load.py --cache on      # only as readers get it (cached pages)

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) holding the database seeded by
benchmarks/scale.py (stances_bench_100k: `benchmarks/scale.py --sizes 100000` creates it), Redis
(REDIS_URL, default redis://127.0.0.1:6379/0; this run's keys get their own prefix and are
deleted afterwards) and wrk (`apt-get install -y wrk`).

A wrk Lua script turns through a mix of public pages (home, election, speaker, topic, quote
browser, search, quote), asking for gzip as browsers do. Each level runs twice: with the page cache
(what readers get: rendered once, then served from Redis) and with PAGE_CACHE_SECONDS=0 (every
request rendered from PostgreSQL, which puts the connection pool under load). For each run it
prints requests per second, latency percentiles (50/90/99), answers by status (from the Lua
script's done()), wrk's socket errors, and the most connections PostgreSQL held meanwhile (sampled
from pg_stat_activity) against its max_connections. Target: no server error (5xx) and no request
left unanswered (connect error or timeout) at either level; the exit status is 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Only so that `python benchmarks/load.py` can import benchmarks.serving.
    sys.path.insert(0, str(ROOT))

from benchmarks.serving import (  # noqa: E402
    MIX,
    AppServer,
    delete_cache_keys,
    fetch,
    have_wrk,
    manage,
    pick_pages,
    project_env,
    write_settings,
    wrk,
)

SERVER = "postgresql://postgres@127.0.0.1:5432"
DATABASE = "stances_bench_100k"
LEVELS = (64, 256)

LUA = """
-- Turns through the pages; counts answers by status in each thread, summed in done().
local paths = {%(paths)s}
local threads = {}

function setup(thread)
  thread:set("first", #threads)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  turn = first
end

function request()
  turn = turn + 1
  return wrk.format("GET", paths[turn %% #paths + 1])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(totals) do
    table.insert(parts, string.format('"%%d": %%d', status, count))
  end
  io.write(string.format('SUMMARY {"statuses": {%%s}}\\n', table.concat(parts, ", ")))
end
"""


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30, help="per run (default 30)")
    parser.add_argument(
        "--connections",
        default=",".join(map(str, LEVELS)),
        help="comma-separated wrk connection counts (default 64,256)",
    )
    parser.add_argument(
        "--cache",
        choices=("on", "off", "both"),
        default="both",
        help="the page cache: on (as readers get it), off (every page rendered), both (default)",
    )
    parser.add_argument("--database", default=DATABASE, help=f"default {DATABASE}")
    parser.add_argument(
        "--workers", type=int, default=0, help="WEB_WORKERS (default: gunicorn.conf.py's)"
    )
    parser.add_argument(
        "--threads", type=int, default=0, help="WEB_THREADS (default: gunicorn.conf.py's)"
    )
    parser.add_argument(
        "--pool", type=int, default=0, help="DATABASE_POOL_SIZE (default: as many as threads)"
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    )
    args = parser.parse_args(argv)
    args.connections = [int(n) for n in args.connections.split(",") if n.strip()]
    # The defaults of gunicorn.conf.py, so the budget below is the one production would have.
    args.workers = args.workers or 2 * (os.cpu_count() or 1)
    args.threads = args.threads or 4
    args.pool = args.pool or args.threads
    return args


class ConnectionSampler:
    """Samples PostgreSQL's connection count (this database, and all) every quarter second."""

    def __init__(self, database: str):
        import psycopg

        self.database = database
        self.connection = psycopg.connect(f"{SERVER}/postgres", autocommit=True)
        self.samples: list[tuple[int, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def count(self) -> tuple[int, int]:
        return self.connection.execute(
            "SELECT count(*) FILTER (WHERE datname = %s), count(*) FROM pg_stat_activity"
            " WHERE backend_type = 'client backend'",
            [self.database],
        ).fetchone()

    def __enter__(self):
        self.samples.clear()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        while not self._stop.is_set():
            self.samples.append(self.count())
            self._stop.wait(0.25)

    def peak(self) -> tuple[int, int]:
        return max(s[0] for s in self.samples), max(s[1] for s in self.samples)

    def setting(self, name: str) -> int:
        return int(self.connection.execute(f"SHOW {name}").fetchone()[0])


def warm_up(server: AppServer, pages: dict) -> dict:
    """Each page twice (the first may render it): its status and whether the cache served it."""
    seen = {}
    for name, path in pages.items():
        for _ in range(2):
            status, headers, body = fetch(
                server.url + path, timeout=60, headers={"Accept-Encoding": "gzip"}
            )
        seen[name] = (status, headers.get("X-Page-Cache", "-"), len(body))
    return seen


def run(args) -> int:
    if not have_wrk():
        raise SystemExit("wrk is not installed (Debian/Ubuntu: apt-get install -y wrk)")
    modes = {"on": ["cached"], "off": ["uncached"], "both": ["cached", "uncached"]}[args.cache]
    prefix = f"stances-load-{secrets.token_hex(4)}"
    sampler = ConnectionSampler(args.database)
    max_connections = sampler.setting("max_connections")
    reserved = sampler.setting("superuser_reserved_connections")
    others = sampler.count()[1]
    budget = args.workers * args.pool
    results, misses = [], 0
    with tempfile.TemporaryDirectory(prefix="stances-load-") as tmp:
        folder = Path(tmp)
        log = folder / "server.log"
        env = project_env(
            folder,
            write_settings(folder),
            DATABASE_URL=f"{SERVER}/{args.database}",
            REDIS_URL=args.redis_url,
            CACHE_KEY_PREFIX=prefix,
            DATABASE_POOL_SIZE=str(args.pool),
        )
        manage(env, "collectstatic", "--noinput", log=log)
        pages = pick_pages(env)
        if set(pages) != set(MIX):
            raise SystemExit(f"{args.database} cannot show every page of the mix: {pages}")
        script = folder / "mix.lua"
        paths = ", ".join(f'"{path}"' for path in pages.values())
        script.write_text(LUA % {"paths": paths})
        try:
            for mode in modes:
                cache_seconds = {} if mode == "cached" else {"PAGE_CACHE_SECONDS": "0"}
                server = AppServer(
                    {**env, **cache_seconds},
                    log,
                    workers=args.workers,
                    threads=args.threads,
                    name=mode,
                )
                try:
                    seen = warm_up(server, pages)
                    for connections in args.connections:
                        print(f"wrk {mode}, {connections} connections ...", file=sys.stderr)
                        with sampler:
                            figures = wrk(
                                server.url + "/",
                                connections=connections,
                                seconds=args.seconds,
                                threads=2,
                                headers={"Accept-Encoding": "gzip"},
                                script=script,
                            )
                        figures["pg"] = sampler.peak()
                        results.append((mode, connections, figures))
                        time.sleep(2)  # let keep-alive connections close between levels
                finally:
                    server.stop()
                print_pages(mode, pages, seen)
        finally:
            sampler.connection.close()
            if "cached" in modes:
                delete_cache_keys(args.redis_url, prefix)
        errors = server_errors(log)
        recycled = log.read_text().count("Autorestarting worker")
    print(
        f"\ngunicorn -c gunicorn.conf.py: {args.workers} workers x {args.threads} threads, "
        f"DATABASE_POOL_SIZE={args.pool}; wrk -t2 --latency, {args.seconds:g} s per run, "
        f"database {args.database}; load average {os.getloadavg()[0]:.1f} at the end "
        f"on {os.cpu_count()} CPUs"
    )
    print(
        f"PostgreSQL: max_connections {max_connections}, {reserved} reserved for superusers, "
        f"{others} client connections open before the run (other work on this server)"
    )
    print_table(results)
    print("\nTargets")
    for mode, connections, figures in results:
        statuses = {int(k): v for k, v in figures["summary"].get("statuses", {}).items()}
        five = sum(v for k, v in statuses.items() if k >= 500)
        socket = figures["socket"]
        unanswered = socket["connect"] + socket["timeout"]
        ok = five == 0 and unanswered == 0 and figures["requests"] > 0
        misses += not ok
        print(
            f"  {'PASS' if ok else 'MISS'}  {mode} at {connections} connections: "
            f"{five} server errors (5xx), {unanswered} unanswered (connect errors or timeouts)"
        )
    within = budget <= max_connections - reserved - others
    misses += not within
    print(
        f"  {'PASS' if within else 'MISS'}  connection budget: {args.workers} workers x "
        f"{args.pool} pooled = {budget} <= {max_connections} - {reserved} reserved - {others} "
        "held by others"
    )
    peak = max((figures["pg"][0] for _, _, figures in results), default=0)
    bounded = peak <= budget
    misses += not bounded
    print(
        f"  {'PASS' if bounded else 'MISS'}  connections to {args.database} stayed within the "
        f"budget: at most {peak} of {budget}"
    )
    print(f"\nWorkers recycled by gunicorn's max_requests during the runs: {recycled}")
    if errors:
        print(f"\nServer log: {len(errors)} error lines, the first ones:")
        for line in errors[:10]:
            print(f"  {line}")
    print(f"\n{misses} target(s) missed" if misses else "\nEvery target met")
    return 1 if misses else 0


def server_errors(log: Path) -> list[str]:
    """Lines of gunicorn's output that report an error (tracebacks, worker timeouts)."""
    words = ("Traceback", "ERROR", "CRITICAL", "WORKER TIMEOUT", "Error")
    return [line for line in log.read_text().splitlines() if any(w in line for w in words)]


def print_pages(mode: str, pages: dict, seen: dict):
    print(f"\nPages of the mix ({mode}), each fetched twice before the load:", file=sys.stderr)
    for name, path in pages.items():
        status, cache, size = seen[name]
        print(
            f"  {name:<9} {status} cache {cache:<4} {size / 1000:>6.1f} KB gzipped  {path}",
            file=sys.stderr,
        )


def print_table(results):
    print(
        f"\n{'run':<9}{'conns':>6}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}"
        f"{'requests':>10}  {'answers by status':<22}{'socket c/r/w/t':>16}{'PG conns db/all':>17}"
    )
    for mode, connections, figures in results:
        statuses = figures["summary"].get("statuses", {})
        by_status = " ".join(f"{k}:{v}" for k, v in sorted(statuses.items())) or "-"
        socket = figures["socket"]
        errors = "/".join(str(socket[k]) for k in ("connect", "read", "write", "timeout"))
        db, every = figures["pg"]
        print(
            f"{mode:<9}{connections:>6}{figures['rps']:>9.1f}{ms(figures['p50'])}"
            f"{ms(figures['p90'])}{ms(figures['p99'])}{figures['requests']:>10}  "
            f"{by_status:<22}{errors:>16}{f'{db}/{every}':>17}"
        )


def ms(value) -> str:
    return f"{value:>9.1f}" if value is not None else f"{'?':>9}"


if __name__ == "__main__":
    sys.exit(run(parse_args(sys.argv[1:])))
