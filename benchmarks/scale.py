"""Scale benchmark: every public page at 1,000 and 100,000 quotes on PostgreSQL, in process and
under gunicorn, checked against the targets of issue 7. Run by hand, not in CI.

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust authentication), the project's .venv
(gunicorn and psycopg are in it) and wrk for the load test (Debian/Ubuntu: ``apt-get install -y
wrk``; macOS: ``brew install wrk``). Without wrk the load test is skipped and the exit status is 1.

    .venv/bin/python benchmarks/scale.py                # fresh databases, seeded, measured
    .venv/bin/python benchmarks/scale.py --reuse        # keep databases seeded by an earlier run
    .venv/bin/python benchmarks/scale.py --sizes demo   # the seed article only, to try the script

Each size gets its own database (stances_bench_1k, stances_bench_100k), migrated and filled with
``manage.py seedsynthetic --quotes N --seed 1`` (``loaddemo`` for ``demo``), then vacuumed and
analysed. Each page is chosen by the same rule at every size (the newest election, the candidate
with the most quotes, ...). A child process per size renders it with Django's test client, DEBUG
off: a warm-up, then --runs timed requests (the sizes taking turns, so that other work on this
noisy machine falls on both alike; the median is printed), then one more request for the query
count and the peak of Python allocations (tracemalloc). Each child then times two editors' writes
(tagging a quote; publishing ten drafts) through the models' save(), signals and stored positions
included, each in a transaction rolled back afterwards. Then gunicorn (2 sync workers) serves
each database while wrk drives it over loopback, and each worker's RSS is read after the load.
Pages are measured uncached: the benchmark's settings replace every cache with Django's dummy
cache and PAGE_CACHE_SECONDS=0.

Then the cached target of issue 8, at the largest size: gunicorn with the repository's
gunicorn.conf.py and the page cache in Redis (REDIS_URL, default redis://127.0.0.1:6379/0; the
run's keys get a prefix of their own and are deleted afterwards) serves the home page and the
speaker page, each fetched until the cache serves it; then wrk, asking for gzip as browsers do,
drives /healthz, the home page, /healthz, the speaker page and /healthz on that one server. Each
page must reach 0.6x the requests per second of /healthz in the same run (the mean of the runs
just before and after it: the machine is shared and noisy, so only ratios within one run count).
``--cached-only`` runs just that. Every figure is printed; the exit status is 0 only when every
target holds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

from django.db.models import Count, Exists, OuterRef

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Only so that `python benchmarks/scale.py` can import benchmarks.serving and the project.
    sys.path.insert(0, str(ROOT))

from benchmarks import serving  # noqa: E402

PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
SERVER = "postgresql://postgres@127.0.0.1:5432"

# The targets of issue 7, at the largest size against the smallest.
MAX_MEDIAN_MS = 150
MAX_TIME_RATIO = 2
MAX_HTML_BYTES = 300_000
MAX_WORKER_MB = 250
MIN_HOME_SHARE_OF_HEALTHZ = 1 / 40
MAX_SEARCH_RATIO = 3
MAX_WRITE_MS = 300
# Issue 8: a page served from the page cache, against /healthz on the same server in the same run.
MIN_CACHED_SHARE_OF_HEALTHZ = 0.6
CACHED_PAGES = ("home", "speaker")
CACHED_WRK = {"connections": 16, "threads": 2, "seconds": 10}

# A page whose warm-up takes longer than this is timed once more, not --runs times.
SLOW_PAGE_SECONDS = 10
WRK_ARGS = ["-t2", "-c16", "-d10s"]
# wrk gives up on an answer after 2 s by default and leaves it out of req/s; gunicorn's own
# timeout (30 s) is the one that matters here.
WRK_TIMEOUT = "30s"
SEARCH_PAGES = ("search common word", "search rare word", "search two words")
# /healthz just before and just after the home page: the baseline is their mean, so that a
# passing burst of other work on the machine weighs less on the home page's share.
LOADED_PAGES = ("healthz", "home", "healthz again", "speaker", "topic", "search common word")
# seedsynthetic puts the first in about a quarter of the quotes and the second in a few.
COMMON_WORD, RARE_WORD = "ceasefire", "obsidian"


# Orchestration: databases, child processes, gunicorn and wrk ---------------------------------


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="1000,100000",
        help="comma-separated quote counts, or 'demo' for the seed article (default 1000,100000)",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="keep a database that already holds quotes"
    )
    parser.add_argument(
        "--skip-load",
        action="store_true",
        help="use the databases as they are: no create, migrate or seed",
    )
    parser.add_argument("--runs", type=int, default=5, help="timed requests per page (default 5)")
    parser.add_argument(
        "--cached-only",
        action="store_true",
        help="only the cached-page target under gunicorn with Redis, at the largest size",
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--words", help=argparse.SUPPRESS)  # search words chosen at the first size
    args = parser.parse_args(argv)
    args.sizes = [parse_size(size) for size in args.sizes.split(",") if size.strip()]
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def parse_size(text: str) -> int | str:
    text = text.strip().lower()
    if text == "demo":
        return text
    try:
        return int(text.replace("_", ""))
    except ValueError:
        raise SystemExit(f"--sizes takes quote counts or 'demo', not {text!r}") from None


def size_label(size) -> str:
    if size == "demo":
        return "demo"
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def database_name(size) -> str:
    return f"stances_bench_{size_label(size)}"


def server_connection():
    import psycopg

    return psycopg.connect(f"{SERVER}/postgres", autocommit=True, connect_timeout=5)


def database_exists(name: str) -> bool:
    with server_connection() as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()


def recreate_database(name: str):
    from psycopg import sql

    with server_connection() as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def quote_count(name: str) -> int:
    import psycopg

    with psycopg.connect(f"{SERVER}/{name}", connect_timeout=5) as conn:
        exists = conn.execute("SELECT to_regclass('stances_quote')").fetchone()[0]
        return conn.execute("SELECT count(*) FROM stances_quote").fetchone()[0] if exists else 0


def vacuum_analyze(name: str):
    import psycopg

    with psycopg.connect(f"{SERVER}/{name}", autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")


def manage(env, *args, log: Path) -> float:
    """Runs a management command, its output kept in a log; returns the seconds it took."""
    start = time.perf_counter()
    with log.open("a") as out:
        out.write(f"$ manage.py {' '.join(args)}\n")
        out.flush()
        result = subprocess.run(
            [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, stdout=out, stderr=out
        )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{tail(log)}")
    return time.perf_counter() - start


def tail(log: Path, lines: int = 20) -> str:
    """The end of the commands' log (it lives in a temporary folder, gone after the run)."""
    return "".join(log.read_text().splitlines(keepends=True)[-lines:])


def prepare_database(size, env, args, log: Path):
    """Creates, migrates and fills the size's database unless it may be reused as it is."""
    name = database_name(size)
    if args.skip_load:
        if not database_exists(name):
            raise SystemExit(f"--skip-load, but there is no database {name}: run without it once")
        return f"{name}: used as it is (--skip-load)"
    if args.reuse and database_exists(name) and quote_count(name):
        manage(env, "migrate", "--noinput", log=log)
        return f"{name}: reused ({quote_count(name):,} quotes), migrations applied"
    recreate_database(name)
    manage(env, "migrate", "--noinput", log=log)
    if size == "demo":
        seconds = manage(env, "loaddemo", log=log)
    else:
        seconds = manage(env, "seedsynthetic", "--quotes", str(size), "--seed", "1", log=log)
    vacuum_analyze(name)
    return f"{name}: created, {quote_count(name):,} quotes loaded in {seconds:.0f} s, analysed"


def write_settings(folder: Path) -> None:
    """The benchmark's settings: the project's, with a throw-away STATIC_ROOT and no page cache."""
    (folder / "bench_settings.py").write_text(
        "from stances.settings import *  # noqa: F403\n\n"
        f"STATIC_ROOT = {str(folder / 'static')!r}\n"
        "# Every request is measured uncached, whatever the views cache and wherever.\n"
        'DUMMY = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}\n'
        'CACHES = {alias: DUMMY for alias in globals().get("CACHES", {"default": None})}\n'
    )


def base_env(folder: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "STANCES_MANAGE_COMMAND"}}
    env.update(
        DJANGO_SETTINGS_MODULE="bench_settings",
        PYTHONPATH=os.pathsep.join([str(folder), str(ROOT)]),
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS="testserver,127.0.0.1",
        # The rendering is measured: the page cache stays out of the way (its own target below).
        PAGE_CACHE_SECONDS="0",
    )
    return env


class Child:
    """A process holding one size's database open, answering one measurement at a time, so the
    sizes can take turns and drifting load on the machine falls on both alike."""

    def __init__(self, size, env, args, words):
        self.label = size_label(size)
        command = [str(PYTHON), __file__, "--child", "--runs", str(args.runs)]
        if words:
            command += ["--words", json.dumps(words)]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.result = {"label": self.label, **self.read()}

    def ask(self, command: str, name: str = "") -> dict:
        self.process.stdin.write(f"{command} {name}\n")
        self.process.stdin.flush()
        return self.read()

    def read(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"measuring {self.label} failed (exit {self.process.wait()})")
        return json.loads(line)

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def measure_pages(children: list[Child], runs: int):
    """Each page at every size in turn: warm-ups, then timed requests alternating between the
    sizes, then one instrumented request each for queries and peak memory."""
    for name, page in children[0].result["pages"].items():
        print(f"    {name:<20} {page['url']}", file=sys.stderr)
        sizes = [child for child in children if name in child.result["pages"]]
        times, slow = {child: [] for child in sizes}, set()
        for child in sizes:
            warm_up = child.ask("get", name)
            child.result["pages"][name]["bytes"] = warm_up["bytes"]
            if warm_up["ms"] > SLOW_PAGE_SECONDS * 1000:
                slow.add(child)  # timed once more, not --runs times
        for run in range(runs):
            for child in sizes[:: -1 if run % 2 else 1]:  # neither size always goes first
                if run == 0 or child not in slow:
                    times[child].append(child.ask("get", name)["ms"])
        for child in sizes:
            figures = {"ms": statistics.median(times[child]), "runs": len(times[child])}
            child.result["pages"][name].update(figures, **child.ask("instrument", name))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port: int, log) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(GUNICORN),
            "stances.wsgi:application",
            "-w",
            "2",
            "-k",
            "sync",
            "-b",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env={**env, "ALLOWED_HOSTS": "127.0.0.1"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}:\n{tail(Path(log.name))}")
        try:
            if fetch(f"http://127.0.0.1:{port}/healthz") == 200 and len(worker_pids(server)) == 2:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    stop(server)
    raise SystemExit(f"gunicorn did not answer /healthz within 30 s:\n{tail(Path(log.name))}")


def stop(server: subprocess.Popen):
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def fetch(url: str, timeout: float = 60) -> int:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        response.read()
        return response.status


def warm_up(url: str):
    """A few requests, so both workers have imported everything and opened their connection."""
    for _ in range(4):
        try:
            fetch(url)
        except OSError:
            return  # wrk counts the failures


def worker_pids(master: subprocess.Popen) -> list[int]:
    """The master's children: gunicorn's workers."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
    if children.exists():
        return [int(pid) for pid in children.read_text().split()]
    pids = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if f"\nPPid:\t{master.pid}\n" in status.read_text():
                pids.append(int(status.parent.name))
        except OSError:
            continue
    return pids


def rss_mb(pid: int) -> tuple[float, float]:
    """A process's resident memory now and at its peak (VmRSS, VmHWM), in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return tuple(int(fields[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM"))


def run_wrk(url: str) -> dict:
    output = subprocess.run(
        ["wrk", *WRK_ARGS, "--timeout", WRK_TIMEOUT, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    latency = re.search(r"Latency\s+([\d.]+\w+)", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "latency": latency.group(1) if latency else "?",
    }


def load_test(env, result: dict, log: Path) -> dict:
    """Serves one database under gunicorn, drives chosen pages with wrk, then reads worker RSS."""
    port = free_port()
    with log.open("a") as out:
        server = start_gunicorn(env, port, out)
        try:
            return drive(server, port, result)
        finally:
            stop(server)


def drive(server, port: int, result: dict) -> dict:
    """wrk on each loaded page in turn; then the workers' memory."""
    workers = worker_pids(server)
    load_average = os.getloadavg()[0]
    loads = {}
    for name in LOADED_PAGES:
        page = result["pages"].get(name.removesuffix(" again"))
        if page is None:
            continue
        url = f"http://127.0.0.1:{port}{page['url']}"
        warm_up(url)
        loads[name] = run_wrk(url)
        print(f"    wrk {name:<20} {loads[name]['rps']:>8.1f} req/s", file=sys.stderr)
    after = worker_pids(server)
    memory = {pid: rss_mb(pid) for pid in after}
    restarted = sorted(set(workers) - set(after))
    return {"loads": loads, "workers": memory, "restarted": restarted, "load": load_average}


def main(argv) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="stances-scale-") as tmp:
        folder = Path(tmp)
        log = folder / "commands.log"
        write_settings(folder)
        env = base_env(folder)
        manage({**env, "DATABASE_URL": f"{SERVER}/postgres"}, "collectstatic", "--noinput", log=log)
        envs = {
            size: {**env, "DATABASE_URL": f"{SERVER}/{database_name(size)}"} for size in args.sizes
        }
        notes = []
        for size in args.sizes:
            print(f"[{size_label(size)}] preparing the database", file=sys.stderr)
            notes.append(prepare_database(size, envs[size], args, log))
        notes.append(machine_note())
        if args.cached_only:
            largest = args.sizes[-1]
            child = Child(largest, envs[largest], args, None)
            child.close()
            cached = cached_load_test(largest, child.result, folder, args, log)
            return CachedReport(cached, notes).print()
        print("measuring pages and writes in process", file=sys.stderr)
        children, words = [], None
        for size in args.sizes:  # the first size chooses the words that every size searches
            children.append(Child(size, envs[size], args, words))
            words = words or children[0].result["words"]
        measure_pages(children, args.runs)
        for child in children:
            child.result["writes"] = child.ask("writes")
            child.close()
        results = [child.result for child in children]
        loads, cached = [], None
        for size, result in zip(args.sizes, results, strict=True):
            if have_wrk():
                print(f"[{size_label(size)}] load test under gunicorn", file=sys.stderr)
                loads.append(load_test(envs[size], result, log))
        if have_wrk():
            cached = cached_load_test(args.sizes[-1], results[-1], folder, args, log)
        return Report(results, loads, notes, args.runs, cached).print()


def cached_load_test(size, result: dict, folder: Path, args, log: Path) -> dict:
    """The cached pages against /healthz, on one gunicorn (gunicorn.conf.py) with Redis."""
    label = size_label(size)
    print(f"[{label}] cached pages under gunicorn with Redis", file=sys.stderr)
    prefix = f"stances-scale-{secrets.token_hex(4)}"
    env = serving.project_env(
        folder,
        serving.write_settings(folder, cached=True),
        DATABASE_URL=f"{SERVER}/{database_name(size)}",
        REDIS_URL=args.redis_url,
        CACHE_KEY_PREFIX=prefix,
        PAGE_CACHE_SECONDS="600",
    )
    # gunicorn.conf.py's own defaults, so that the figures are the configuration's.
    workers, threads = 2 * (os.cpu_count() or 1), 4
    gzip = {"Accept-Encoding": "gzip"}
    server = serving.AppServer(env, log, workers=workers, threads=threads)
    try:
        pages = {name: result["pages"][name]["url"] for name in CACHED_PAGES}
        before = {name: cache_state(server.url + url) for name, url in pages.items()}
        loads = {}
        for name in ("healthz", "home", "healthz again", "speaker", "healthz at the end"):
            url = result["pages"]["healthz"]["url"] if name.startswith("healthz") else pages[name]
            loads[name] = serving.wrk(server.url + url, headers=gzip, **CACHED_WRK)
            print(f"    wrk {name:<20} {loads[name]['rps']:>8.1f} req/s", file=sys.stderr)
        after = {name: cache_state(server.url + url) for name, url in pages.items()}
    finally:
        server.stop()
        serving.delete_cache_keys(args.redis_url, prefix)
    return {
        "label": label,
        "pages": pages,
        "before": before,
        "after": after,
        "loads": loads,
        "server": f"{workers} workers x {threads} threads",
    }


def cache_state(url: str) -> dict:
    """A page asked for with gzip until the cache serves it (at most three times)."""
    for _ in range(3):
        status, headers, body = serving.fetch(url, headers={"Accept-Encoding": "gzip"})
        state = {
            "status": status,
            "cache": headers.get("X-Page-Cache", "-"),
            "encoding": headers.get("Content-Encoding", "identity"),
            "bytes": len(body),
        }
        if state["cache"] == "hit":
            break
    return state


def machine_note() -> str:
    """The load on the machine before measuring: other work inflates every figure."""
    load, cpus = os.getloadavg()[0], os.cpu_count() or 1
    note = f"load average {load:.1f} on {cpus} CPUs before measuring the pages"
    if load > cpus / 2:
        note += ": the machine is busy with other work, so times are inflated (ratios less so)"
    return note


def have_wrk() -> bool:
    from shutil import which

    return which("wrk") is not None


# Report and targets ---------------------------------------------------------------------------


def baseline(load: dict) -> float:
    """Requests per second of /healthz in this run: the mean of its runs around the home page."""
    runs = [figures["rps"] for name, figures in load["loads"].items() if name.startswith("healthz")]
    return statistics.mean(runs) if runs else 0.0


class Report:
    """Prints the figures of every size, the ratios of the largest to the smallest, and the
    targets with PASS or MISS."""

    def __init__(self, results, loads, notes, runs, cached=None):
        self.results, self.loads, self.notes, self.runs = results, loads, notes, runs
        self.cached = cached
        self.misses = 0

    def print(self) -> int:
        print(f"Stances scale benchmark, {time.strftime('%Y-%m-%d %H:%M')}")
        for note in self.notes:
            print(f"  {note}")
        for result in self.results:
            self.print_choices(result)
        self.print_pages()
        self.print_writes()
        self.print_loads()
        if self.cached:
            print_cached_loads(self.cached)
        self.print_targets()
        return 1 if self.misses or not self.loads else 0

    def print_choices(self, result):
        print(
            f"\n{result['label']}: {result['published']:,} published quotes of {result['quotes']:,}"
        )
        for name, page in result["pages"].items():
            print(f"  {name:<20} {page['url']}  ({page['why']})")
        for name, why in result["skipped"].items():
            print(f"  {name:<20} not measured: {why}")
        for name, share in result["word_shares"].items():
            print(f"  search {name!r} matches {share:.1%} of published quotes")

    def print_pages(self):
        labels = [r["label"] for r in self.results]
        head = "".join(f" | {label:>8} ms  KB  queries peak MB" for label in labels)
        ratio = f" | {labels[-1]}/{labels[0]} time" if len(labels) > 1 else ""
        print(
            f"\nPages: median of {self.runs} requests after a warm-up, in process, uncached"
            f"\n{'page':<20}{head}{ratio}"
        )
        for name in self.results[0]["pages"]:
            row = f"{name:<20}"
            for result in self.results:
                page = result["pages"].get(name)
                if page is None:
                    row += f" | {'-':>11} {'-':>4} {'-':>7} {'-':>7}"
                    continue
                slow = "*" if page["runs"] == 1 else " "
                row += (
                    f" | {page['ms']:>10.1f}{slow} {page['bytes'] / 1000:>4.0f} "
                    f"{page['queries']:>7} {page['peak_mb']:>7.1f}"
                )
            if len(self.results) > 1 and name in self.results[-1]["pages"]:
                row += f" | {self.time_ratio(name):>6.2f}x"
            print(row)
        if any(p["runs"] == 1 for r in self.results for p in r["pages"].values()):
            print(f"  * warm-up over {SLOW_PAGE_SECONDS} s: timed once more, not {self.runs} times")

    def time_ratio(self, name) -> float:
        first, last = self.results[0]["pages"][name], self.results[-1]["pages"][name]
        return last["ms"] / max(first["ms"], 0.001)

    def print_writes(self):
        print("\nWrites: median ms (queries), in a transaction rolled back afterwards")
        for result in self.results:
            for name, write in result["writes"].items():
                if "ms" in write:
                    print(
                        f"  {result['label']:>6} {name:<22} {write['ms']:>8.1f} ms "
                        f"({write['queries']} queries)  {write['what']}"
                    )
                else:
                    print(f"  {result['label']:>6} {name:<22} not measured: {write['why']}")

    def print_loads(self):
        if not self.loads:
            print(
                "\nLoad test skipped: wrk is not installed. Install it (Debian/Ubuntu: "
                "apt-get install -y wrk; macOS: brew install wrk) and run again."
            )
            return
        print(f"\nUnder gunicorn (2 sync workers), wrk {' '.join(WRK_ARGS)} on loopback")
        for result, load in zip(self.results, self.loads, strict=True):
            print(f"  {result['label']:>6} load average {load['load']:.1f} before the load")
            base = baseline(load)
            for name, figures in load["loads"].items():
                share = figures["rps"] / base if base else 0
                problems = ""
                if figures["non_2xx"] or figures["socket_errors"]:
                    problems = (
                        f"  {figures['non_2xx']} non-2xx, {figures['socket_errors']} socket errors"
                    )
                print(
                    f"  {result['label']:>6} {name:<20} {figures['rps']:>8.1f} req/s"
                    f"  1/{1 / share if share else float('inf'):<6.1f} of the baseline"
                    f"  latency {figures['latency']}{problems}"
                )
            for pid, (rss, peak) in load["workers"].items():
                print(f"  {result['label']:>6} worker {pid}: RSS {rss:.0f} MB (peak {peak:.0f} MB)")
            if load["restarted"]:
                print(
                    f"  {result['label']:>6} workers replaced during the load: {load['restarted']}"
                )

    def check(self, target: str, value: str, ok: bool):
        self.misses += not ok
        print(f"  {'PASS' if ok else 'MISS'}  {target}: {value}")

    def verdict(self, value: str, ok: bool) -> str:
        self.misses += not ok
        return f"{'PASS' if ok else 'MISS'} {value:<10}"  # 15 wide, as the column heads

    def print_targets(self):
        first, last = self.results[0], self.results[-1]
        compared = len(self.results) > 1
        print(f"\nTargets ({last['label']}" + (f" against {first['label']})" if compared else ")"))
        columns = [f"median<={MAX_MEDIAN_MS} ms", f"HTML <= {MAX_HTML_BYTES // 1000} KB"]
        if compared:
            columns = ["same queries", f"time ratio <= {MAX_TIME_RATIO}", *columns]
        print(f"  {'page':<20} " + " ".join(f"{column:<15}" for column in columns))
        for name, page in last["pages"].items():
            if name != "healthz":  # the baseline, not a page
                print(f"  {name:<20} " + " ".join(self.page_verdicts(name, page)))
        if compared:
            for name in SEARCH_PAGES:
                if name in last["pages"] and name in first["pages"]:
                    ratio = self.time_ratio(name)
                    self.check(
                        f"{name}: within {MAX_SEARCH_RATIO}x of {first['label']}",
                        f"{ratio:.2f}x",
                        ratio <= MAX_SEARCH_RATIO,
                    )
        for name, write in last["writes"].items():
            if "ms" in write:
                self.check(
                    f"{name} <= {MAX_WRITE_MS} ms",
                    f"{write['ms']:.1f} ms",
                    write["ms"] <= MAX_WRITE_MS,
                )
            else:
                self.check(f"{name} <= {MAX_WRITE_MS} ms", "not measured", False)
        self.print_load_targets()
        if self.cached:
            self.misses += check_cached(self.cached)
        print(f"\n{self.misses} target(s) missed" if self.misses else "\nEvery target met")

    def page_verdicts(self, name: str, page: dict) -> list[str]:
        verdicts = []
        before = self.results[0]["pages"].get(name) if len(self.results) > 1 else None
        if before:
            verdicts.append(
                self.verdict(
                    f"{before['queries']} -> {page['queries']}",
                    before["queries"] == page["queries"],
                )
            )
            ratio = self.time_ratio(name)
            verdicts.append(self.verdict(f"{ratio:.2f}x", ratio <= MAX_TIME_RATIO))
        elif len(self.results) > 1:
            verdicts += [self.verdict("no 1st size", False)] * 2
        verdicts.append(self.verdict(f"{page['ms']:.1f} ms", page["ms"] <= MAX_MEDIAN_MS))
        kb = page["bytes"] / 1000
        verdicts.append(self.verdict(f"{kb:.0f} KB", page["bytes"] <= MAX_HTML_BYTES))
        return verdicts

    def print_load_targets(self):
        if not self.loads:
            self.check("load test", "skipped (wrk missing)", False)
            return
        for result, load in zip(self.results, self.loads, strict=True):
            label = result["label"]
            worst = max((rss for rss, _ in load["workers"].values()), default=0)
            self.check(
                f"{label} gunicorn worker <= {MAX_WORKER_MB} MB after the load",
                f"{worst:.0f} MB",
                0 < worst <= MAX_WORKER_MB,
            )
            home = load["loads"].get("home", {}).get("rps", 0)
            base = baseline(load)
            share = home / base if base else 0
            self.check(
                f"{label} home >= 1/{round(1 / MIN_HOME_SHARE_OF_HEALTHZ)} of /healthz req/s "
                "(mean of the runs before and after)",
                f"{home:.1f} / {base:.1f} = 1/{1 / share if share else float('inf'):.1f}",
                share >= MIN_HOME_SHARE_OF_HEALTHZ,
            )
            errors = sum(f["non_2xx"] + f["socket_errors"] for f in load["loads"].values())
            # Not a target of its own: req/s mean nothing if requests failed or timed out.
            self.check(
                f"{label} load valid (every answer 2xx, no socket error or timeout)",
                f"{errors} failed",
                not errors,
            )


class CachedReport:
    """The report of --cached-only: the cached pages' figures and their targets."""

    def __init__(self, cached: dict, notes: list[str]):
        self.cached, self.notes = cached, notes

    def print(self) -> int:
        print(f"Stances scale benchmark, cached pages only, {time.strftime('%Y-%m-%d %H:%M')}")
        for note in self.notes:
            print(f"  {note}")
        print_cached_loads(self.cached)
        print(f"\nTargets ({self.cached['label']}, cached)")
        misses = check_cached(self.cached)
        print(f"\n{misses} target(s) missed" if misses else "\nEvery target met")
        return 1 if misses else 0


def cached_shares(cached: dict) -> dict:
    """Each cached page's req/s against the mean of the /healthz runs just before and after it."""
    names = list(cached["loads"])
    shares = {}
    for name in cached["pages"]:
        at = names.index(name)
        around = [cached["loads"][names[at - 1]]["rps"], cached["loads"][names[at + 1]]["rps"]]
        base = statistics.mean(around)
        shares[name] = (cached["loads"][name]["rps"], base, cached["loads"][name]["rps"] / base)
    return shares


def print_cached_loads(cached: dict):
    args = CACHED_WRK
    print(
        f"\nCached pages ({cached['label']}): gunicorn -c gunicorn.conf.py ({cached['server']}), "
        f"page cache in Redis; wrk -t{args['threads']} -c{args['connections']} "
        f"-d{args['seconds']}s, Accept-Encoding: gzip, on loopback"
    )
    for name, url in cached["pages"].items():
        state = cached["before"][name]
        print(
            f"  {name:<8} {url}: {state['status']}, X-Page-Cache {state['cache']}, "
            f"{state['encoding']}, {state['bytes'] / 1000:.1f} KB sent"
        )
    for name, figures in cached["loads"].items():
        problems = ""
        if figures["non_2xx"] or figures["socket_errors"]:
            problems = f"  {figures['non_2xx']} non-2xx, {figures['socket_errors']} socket errors"
        print(
            f"  {name:<20} {figures['rps']:>8.1f} req/s  latency p50 {figures['p50']:.1f} ms, "
            f"p99 {figures['p99']:.1f} ms{problems}"
        )


def check_cached(cached: dict) -> int:
    """Prints the cached pages' targets; returns how many were missed."""
    misses = 0

    def check(target: str, value: str, ok: bool):
        nonlocal misses
        misses += not ok
        print(f"  {'PASS' if ok else 'MISS'}  {target}: {value}")

    for name, (rps, base, share) in cached_shares(cached).items():
        before, after = cached["before"][name], cached["after"][name]
        served = [s for s in (before, after) if s["cache"] == "hit" and s["encoding"] == "gzip"]
        check(
            f"{cached['label']} {name} served from the cache, gzipped, before and after the load",
            f"{before['cache']}/{after['cache']}, {before['encoding']}/{after['encoding']}",
            len(served) == 2,
        )
        check(
            f"{cached['label']} cached {name} >= {MIN_CACHED_SHARE_OF_HEALTHZ}x /healthz req/s "
            "(mean of the runs before and after)",
            f"{rps:.1f} / {base:.1f} = {share:.2f}x",
            share >= MIN_CACHED_SHARE_OF_HEALTHZ,
        )
    errors = sum(f["non_2xx"] + f["socket_errors"] for f in cached["loads"].values())
    check(
        f"{cached['label']} cached load valid (every answer 2xx, no socket error or timeout)",
        f"{errors} failed",
        not errors,
    )
    return misses


# The child: one database, measured in process -------------------------------------------------


def child(args) -> int:
    """Answers the orchestrator's commands on one database, one JSON line each."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # only so that `python benchmarks/scale.py` finds the project
    import django

    django.setup()
    from django.test import Client

    protocol, sys.stdout = sys.stdout, sys.stderr  # nothing else may write to the protocol

    def reply(message: dict):
        protocol.write(json.dumps(message) + "\n")
        protocol.flush()

    words = json.loads(args.words) if args.words else choose_words()
    urls, skipped = choose_pages(words)
    pages = {name: {"url": url, "why": why} for name, (url, why) in urls.items()}
    reply(
        {
            **archive_size(),
            "words": words,
            "word_shares": word_shares(words),
            "pages": pages,
            "skipped": skipped,
        }
    )
    client = Client()
    for line in sys.stdin:
        command, _, name = line.strip().partition(" ")
        if command == "get":
            seconds, response = timed_get(client, pages[name]["url"])
            reply({"ms": seconds * 1000, "bytes": len(response.content)})
        elif command == "instrument":
            reply(instrumented_get(client, pages[name]["url"]))
        elif command == "writes":
            reply(measure_writes(args.runs))
    return 0


def archive_size() -> dict:
    from stances.models import Quote

    return {"quotes": Quote.objects.count(), "published": Quote.objects.published().count()}


def choose_words() -> dict:
    """Words to search for, chosen from the quotes of the smallest size and kept for the others:
    the common word (about a quarter of the quotes), a rare one, and the common word with the
    word most often said beside it. Other data than seedsynthetic's gets words of similar
    frequencies."""
    from stances.models import Quote

    documents = [
        set(re.findall(r"[a-z]{3,}", text.lower()))
        for text in Quote.objects.published().values_list("text", flat=True)
    ]
    frequency = Counter(word for words in documents for word in words)
    for word in stop_words(list(frequency)):
        del frequency[word]
    total = max(len(documents), 1)
    if not frequency:
        return {}
    common = COMMON_WORD
    if frequency[common] < 0.1 * total:
        common = min(frequency, key=lambda w: (abs(frequency[w] / total - 0.25), w))
    rare = RARE_WORD
    if not frequency[rare]:
        rare = min(
            (w for w in frequency if w != common and (frequency[w] >= 2 or total < 200)),
            key=lambda w: (abs(frequency[w] / total - 0.002), w),
        )
    beside = Counter(w for words in documents if common in words for w in words if w in frequency)
    del beside[common]
    second = min(beside, key=lambda w: (-beside[w], w)) if beside else rare
    return {"common word": common, "rare word": rare, "two words": f"{common} {second}"}


def stop_words(words: list[str]) -> list[str]:
    """The words PostgreSQL's English search ignores ("the", "which")."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w FROM unnest(%s::text[]) AS w"
            " WHERE numnode(plainto_tsquery('english', w)) = 0",
            [words],
        )
        return [row[0] for row in cursor.fetchall()]


def word_shares(words: dict) -> dict:
    """The share of published quotes that hold each search's words (text or attribution)."""
    from django.contrib.postgres.search import SearchQuery, SearchVector

    from stances.models import Quote

    published = Quote.objects.published()
    total = max(published.count(), 1)
    documents = published.annotate(
        document=SearchVector("text", "attribution_text", config="english")
    )
    return {
        terms: documents.filter(document=SearchQuery(terms, config="english")).count() / total
        for terms in words.values()
    }


def choose_pages(words: dict) -> tuple[dict, dict]:
    """Each public page's URL, chosen by the same rule at every size (the newest election, the
    candidate with the most quotes, ...), and the pages this database cannot show."""
    from django.urls import reverse

    heads = top_candidates()
    topic = busiest("stance__topic__slug", tags=True)
    article = busiest("article")
    outlet = busiest("article__outlet__slug")
    quote = most_answered_quote()
    chosen = {
        "healthz": (reverse("healthz"), "baseline, no database"),
        "home": (reverse("home"), "the newest election"),
        "election": election_url(),
        "compare 2": compare_url(heads[:2]),
        "compare 6": compare_url(heads[:6]),
        "topics": (reverse("topics"), "all topics"),
        "topic": topic and (reverse("topic", args=[topic]), "most tags on published quotes"),
        "speakers": (reverse("speakers"), "all speakers"),
        "speaker": heads and (reverse("speaker", args=[heads[0]]), "candidate with most quotes"),
        "quotes": (reverse("quotes"), "unfiltered"),
        "quotes filtered": filtered_url(heads[:1], topic),
        "quote": quote and (reverse("quote", args=[quote]), "most published reactions"),
        "articles": (reverse("articles"), "all articles"),
        "article": article and (reverse("article", args=[article]), "most published quotes"),
        "outlet": outlet and (reverse("outlet", args=[outlet]), "most published quotes"),
    }
    for name, terms in words.items():
        chosen[f"search {name}"] = (f"{reverse('quotes')}?q={terms.replace(' ', '+')}", terms)
    urls = {name: value for name, value in chosen.items() if value}
    skipped = {name: "nothing in this database to show" for name, v in chosen.items() if not v}
    return urls, skipped


def top_candidates() -> list[str]:
    """Slugs of the candidates at the top of a ticket, most published quotes of their own first."""
    from stances.models import Candidacy, Quote

    heads = Candidacy.objects.filter(ticket_position=Candidacy.TicketPosition.HEAD)
    counts = (
        Quote.objects.published()
        .filter(speaker__in=heads.values("speaker"))
        .values("speaker__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "speaker__slug")[:6]
    )
    return [row["speaker__slug"] for row in counts]


def busiest(field: str, *, tags: bool = False):
    """The value of `field` shared by the most published quotes (or tags on them)."""
    from stances.models import Quote, StanceTag

    rows = (
        StanceTag.objects.filter(quote__status=Quote.Status.PUBLISHED)
        if tags
        else Quote.objects.published()
    )
    row = (
        rows.exclude(**{f"{field}__isnull": True})
        .values(field)
        .annotate(n=Count("pk"))
        .order_by("-n", field)
        .first()
    )
    return row and row[field]


def most_answered_quote():
    from stances.models import Quote

    published = Quote.objects.published()
    answered = (
        published.filter(responds_to__status=Quote.Status.PUBLISHED)
        .values("responds_to")
        .annotate(n=Count("pk"))
        .order_by("-n", "responds_to")
        .first()
    )
    if answered:
        return answered["responds_to"]
    return published.order_by("pk").values_list("pk", flat=True).first()


def election_url():
    from django.urls import reverse

    from stances.models import Election

    election = (
        Election.objects.annotate(n=Count("candidacies")).order_by("-n", "-held_on", "pk").first()
    )
    if election is None:
        return None
    return reverse("election", args=[election.slug]), "most candidacies"


def filtered_url(speakers: list[str], topic):
    from django.urls import reverse

    if not speakers or not topic:
        return None
    return (
        f"{reverse('quotes')}?speaker={speakers[0]}&topic={topic}",
        "the speaker page's candidate, the topic page's topic",
    )


def compare_url(slugs: list[str]):
    from django.urls import reverse

    if len(slugs) < 2:
        return None
    speakers = "&".join(f"speakers={slug}" for slug in slugs)
    return f"{reverse('compare')}?{speakers}", f"{len(slugs)} candidates with most quotes"


def instrumented_get(client, url: str) -> dict:
    """Queries and the peak of Python allocations (MB) for one request of a page."""
    import tracemalloc

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        tracemalloc.start()
        client.get(url)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return {"queries": len(captured), "peak_mb": peak / 2**20}


def timed_get(client, url: str):
    start = time.perf_counter()
    response = client.get(url)
    seconds = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return seconds, response


def measure_writes(runs: int) -> dict:
    """Two editors' writes, timed as the admin makes them, each rolled back afterwards."""
    return {"tag one quote": time_tagging(runs), "publish ten drafts": time_publishing(runs)}


def time_rolled_back(write, runs: int) -> dict:
    """The median of `write` over runs after a warm-up, each in a transaction rolled back."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    times, queries = [], 0
    for _ in range(runs + 1):
        with transaction.atomic(), CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            write()
            times.append((time.perf_counter() - start) * 1000)
            queries = len(captured)
            transaction.set_rollback(True)
    return {"ms": statistics.median(times[1:]), "queries": queries}


def time_tagging(runs: int) -> dict:
    """A new tag on a published quote of the busiest candidate, on that candidate's busiest
    stance: the largest stored position a single tag changes."""
    from stances.models import Quote, StanceTag

    heads = top_candidates()
    if not heads:
        return {"why": "no candidate with a published quote"}
    tags = StanceTag.objects.filter(
        quote__status=Quote.Status.PUBLISHED, quote__speaker__slug=heads[0]
    )
    stance = tags.values("stance").annotate(n=Count("pk")).order_by("-n", "stance").first()
    quotes = Quote.objects.published().filter(speaker__slug=heads[0]).order_by("pk")
    quote = stance and quotes.exclude(tags__stance=stance["stance"]).first()
    if not quote:
        return {"why": "every quote of the busiest candidate already has that stance"}

    def tag():
        alignment = StanceTag.Alignment.SUPPORTS
        StanceTag(quote=quote, stance_id=stance["stance"], alignment=alignment).save()

    return {**time_rolled_back(tag, runs), "what": f"quote {quote.pk}, {heads[0]}"}


def time_publishing(runs: int) -> dict:
    """Ten drafts published one save at a time, as the admin action does; tagged drafts first,
    so that stored positions change."""
    from stances.models import Quote, StanceTag

    drafts = Quote.objects.drafts().alias(
        tagged=Exists(StanceTag.objects.filter(quote=OuterRef("pk")))
    )
    pks = list(drafts.order_by("-tagged", "pk").values_list("pk", flat=True)[:10])
    if len(pks) < 10:
        return {"why": f"only {len(pks)} drafts"}
    tagged = drafts.filter(pk__in=pks, tagged=True).count()

    def publish():
        for quote in Quote.objects.filter(pk__in=pks, status=Quote.Status.DRAFT):
            quote.status = Quote.Status.PUBLISHED
            quote.save()

    return {**time_rolled_back(publish, runs), "what": f"{tagged} of them tagged"}


if __name__ == "__main__":
    arguments = parse_args(sys.argv[1:])
    sys.exit(child(arguments) if arguments.child else main(sys.argv[1:]))
