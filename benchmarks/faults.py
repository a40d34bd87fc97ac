"""Fault drill: readers keep asking for pages while the database is stopped, brought back, hung
(SIGSTOP), and brought back again; what they got in each phase, and how fast. Run by hand.

    .venv/bin/python benchmarks/faults.py               # 15 s per outage, 20 s per recovery
    .venv/bin/python benchmarks/faults.py --seconds 8   # shorter outages

It never touches the machine's shared PostgreSQL: it starts a private cluster of its own in a
temporary folder on a free port (Debian's binaries under /usr/lib/postgresql/*/bin, run as the
`postgres` user when this script runs as root), migrates it, loads `seedsynthetic --quotes 2000`,
and serves it with two gunicorns (the repository's gunicorn.conf.py, 2 workers x 4 threads each):
one with the page cache in Redis (REDIS_URL, default redis://127.0.0.1:6379/0, under a prefix of
this run's own, deleted afterwards), as readers get the site, and one with PAGE_CACHE_SECONDS=0,
so that every page really needs the database. Python threads ask both for a mix of public pages
the whole time. The phases: healthy; stopped (`pg_ctl stop -m immediate`: connections refused);
restarted (`pg_ctl start`); hung (SIGSTOP of every process of the cluster: connections accepted by
the kernel, never answered); resumed (SIGCONT). Short timeouts, printed with the figures:
DATABASE_CONNECT_TIMEOUT=2, DATABASE_STATEMENT_TIMEOUT=3, DATABASE_HANG_SECONDS=4,
DATABASE_POOL_TIMEOUT=3.

Targets: while the database is away, every answer is a 503 with Retry-After (or a cached 200)
within DATABASE_HANG_SECONDS + 3 s, never a 500 and never a hang; once it is back, the uncached
server answers 200 again within RECOVERY_SECONDS, without restarting gunicorn (and no worker was
killed by gunicorn's timeout meanwhile). The cluster, the servers and the client threads are
cleaned up at the end, also on Ctrl-C or a failure. The exit status is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import http.client
import os
import pwd
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Only so that `python benchmarks/faults.py` can import benchmarks.serving.
    sys.path.insert(0, str(ROOT))

from benchmarks.serving import (  # noqa: E402
    AppServer,
    children_of,
    delete_cache_keys,
    fetch,
    free_port,
    manage,
    pick_pages,
    project_env,
    write_settings,
)

TIMEOUTS = {
    "DATABASE_CONNECT_TIMEOUT": 2,
    "DATABASE_STATEMENT_TIMEOUT": 3,
    "DATABASE_HANG_SECONDS": 4,
    "DATABASE_POOL_TIMEOUT": 3,
}
# The slowest answer allowed while the database is away.
WORST_SECONDS = TIMEOUTS["DATABASE_HANG_SECONDS"] + 3
# How soon after the database is back the uncached server must answer 200 again, and keep on.
RECOVERY_SECONDS = 10
# Longer than gunicorn's worker timeout (30 s), so that a request hung for good shows as one.
CLIENT_TIMEOUT = 45
CLIENTS_PER_SERVER = 4
OUTAGES = ("stopped", "hung")
RECOVERIES = ("restarted", "resumed")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds", type=float, default=15, help="length of each outage (default 15)"
    )
    parser.add_argument(
        "--recovery-seconds",
        type=float,
        default=20,
        help="length of each phase after the database is back (default 20)",
    )
    parser.add_argument("--quotes", type=int, default=2000, help="seedsynthetic size (2000)")
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the folder with the servers' logs afterwards"
    )
    return parser.parse_args(argv)


# The private cluster ---------------------------------------------------------------------------


class Cluster:
    """A throw-away PostgreSQL cluster in `folder`, on a free loopback port."""

    def __init__(self, folder: Path):
        versions = sorted(
            Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name)
        )
        if not versions:
            raise SystemExit("no PostgreSQL binaries under /usr/lib/postgresql/*/bin")
        self.bin = versions[-1]
        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "postgresql.log"
        self.port = free_port()
        self.stopped_pids: list[int] = []
        if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to `postgres`
            user = pwd.getpwnam("postgres")
            os.chown(folder, user.pw_uid, user.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        else:
            self.prefix = []

    def run(self, program: str, *args: str, check: bool = True):
        return subprocess.run(
            [*self.prefix, str(self.bin / program), *args],
            capture_output=True,
            text=True,
            check=check,
            cwd=self.folder,
        )

    def create(self):
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
        self.start()
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute("CREATE DATABASE stances")

    def url(self, database: str = "stances") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self):
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder}"
            " -c fsync=off -c max_connections=60"
        )
        result = self.run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start",
            check=False,
        )  # fmt: skip
        if result.returncode != 0:
            raise SystemExit(f"pg_ctl start failed:\n{result.stdout}{result.stderr}")

    def stop(self):
        """Stops at once, as a crash would: clients see their connections dropped, then refused."""
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def pids(self) -> list[int]:
        """The postmaster, then every process it started."""
        try:
            postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return []
        return [postmaster, *children_of(postmaster)]

    def hang(self):
        """SIGSTOP: the kernel still accepts connections and acknowledges bytes; nothing answers."""
        for pid in self.pids():
            try:
                os.kill(pid, signal.SIGSTOP)
                self.stopped_pids.append(pid)
            except ProcessLookupError:
                continue

    def resume(self):
        for pid in self.stopped_pids:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                continue
        self.stopped_pids = []

    def destroy(self):
        self.resume()
        if (self.data / "postmaster.pid").exists():
            self.stop()


# Readers ---------------------------------------------------------------------------------------


@dataclass
class Answer:
    server: str
    phase: str
    started: float
    seconds: float
    status: int  # 0: no answer (refused, reset, timed out)
    retry_after: bool
    cache: str
    path: str
    error: str = ""


class Readers:
    """Client threads asking a server for its pages in turn, each answer kept with the phase in
    which its request started."""

    def __init__(self, servers: dict[str, AppServer], pages: list[str]):
        self.servers, self.pages = servers, pages
        self.phase = "starting"
        self.answers: list[Answer] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=(name, n), daemon=True)
            for name in servers
            for n in range(CLIENTS_PER_SERVER)
        ]

    def start(self):
        for thread in self._threads:
            thread.start()

    def stop(self, wait: float = CLIENT_TIMEOUT + 5):
        self._stop.set()
        deadline = time.monotonic() + wait
        for thread in self._threads:
            thread.join(max(0, deadline - time.monotonic()))

    def _run(self, name: str, number: int):
        server = self.servers[name]
        turn = number
        while not self._stop.is_set():
            path = self.pages[turn % len(self.pages)]
            turn += 1
            phase, started = self.phase, time.monotonic()
            error, headers = "", {}
            try:
                status, headers, _ = fetch(
                    server.url + path, timeout=CLIENT_TIMEOUT, headers={"Accept-Encoding": "gzip"}
                )
            except (OSError, http.client.HTTPException, urllib.error.URLError) as failure:
                status, error = 0, f"{type(failure).__name__}: {failure}"
            answer = Answer(
                name,
                phase,
                started,
                time.monotonic() - started,
                status,
                "Retry-After" in headers,
                headers.get("X-Page-Cache", "-"),
                path,
                error,
            )
            with self._lock:
                self.answers.append(answer)
            if status != 200:
                time.sleep(0.05)  # a reader does not hammer a failing site in a tight loop

    def since(self, moment: float, server: str) -> list[Answer]:
        with self._lock:
            return [a for a in self.answers if a.started >= moment and a.server == server]


# The drill -------------------------------------------------------------------------------------


def drill(args, folder: Path, cleanup: list) -> int:
    (folder / "cluster").mkdir()
    folder.chmod(0o711)  # the cluster's owner may have to pass through to its own folder
    cluster = Cluster(folder / "cluster")
    cleanup.append(cluster.destroy)
    print(f"private PostgreSQL ({cluster.bin.parent.name}) on port {cluster.port}", file=sys.stderr)
    cluster.create()

    log = folder / "commands.log"
    prefix = f"stances-faults-{secrets.token_hex(4)}"
    env = project_env(
        folder,
        write_settings(folder),
        DATABASE_URL=cluster.url(),
        REDIS_URL=args.redis_url,
        CACHE_KEY_PREFIX=prefix,
        DATABASE_POOL_SIZE="4",
        **{name: str(value) for name, value in TIMEOUTS.items()},
    )
    cleanup.append(lambda: delete_cache_keys(args.redis_url, prefix))
    print("migrating and loading content", file=sys.stderr)
    manage(env, "migrate", "--noinput", log=log)
    manage(env, "seedsynthetic", "--quotes", str(args.quotes), "--seed", "1", log=log)
    manage(env, "collectstatic", "--noinput", log=log)
    pages = list(pick_pages(env).values())

    servers = {}
    server_log = folder / "gunicorn.log"
    for name, extra in (("cached", {}), ("uncached", {"PAGE_CACHE_SECONDS": "0"})):
        servers[name] = AppServer({**env, **extra}, server_log, workers=2, threads=4, name=name)
        cleanup.append(servers[name].stop)
    for server in servers.values():
        for path in pages:  # the cached server stores every page; both import everything
            status, _, _ = fetch(server.url + path, headers={"Accept-Encoding": "gzip"})
            if status != 200:
                raise SystemExit(f"{server.name} answered {status} for {path} before the drill")
    workers_before = {name: sorted(s.worker_pids()) for name, s in servers.items()}

    readers = Readers(servers, pages)
    cleanup.append(lambda: readers.stop(wait=5))
    cleanup.append(cluster.resume)  # first on the way out: nothing stays frozen
    readers.start()
    moments = {}

    def phase(name: str, action, seconds: float):
        print(f"  {name} ({seconds:g} s)", file=sys.stderr)
        moments[name] = time.monotonic()
        readers.phase = name
        action()
        time.sleep(seconds)

    print("drill:", file=sys.stderr)
    phase("healthy", lambda: None, 6)
    phase("stopped", cluster.stop, args.seconds)
    phase("restarted", cluster.start, args.recovery_seconds)
    phase("hung", cluster.hang, args.seconds)
    phase("resumed", cluster.resume, args.recovery_seconds)
    readers.phase = "after"
    readers.stop()
    workers_after = {name: sorted(s.worker_pids()) for name, s in servers.items()}
    log_text = server_log.read_text()
    timeouts = log_text.count("WORKER TIMEOUT")
    recycled = log_text.count("Autorestarting worker")

    report = Report(readers.answers, moments, servers)
    report.print(pages)
    report.check_workers(workers_before, workers_after, timeouts, recycled)
    print_causes(server_log)
    print(f"\n{report.misses} target(s) missed" if report.misses else "\nEvery target met")
    return 1 if report.misses else 0


def print_causes(log: Path):
    """What the servers' log says went wrong, each message once with its count (the 503s'
    causes, and any 500)."""
    pattern = re.compile(
        r"^(?:django\.db\.utils|psycopg_pool|psycopg)\.\w+: .*|^Internal Server Error.*"
    )
    causes = Counter()
    for line in log.read_text().splitlines():
        if pattern.match(line) and not line.startswith(("psycopg.", "psycopg_pool.")):
            causes[re.sub(r"port \d+", "port N", line)] += 1  # Django's wrapper, counted once
    print("\nThe servers' log: errors behind the 503s (and any 500), by message")
    for message, count in causes.most_common():
        print(f"  {count:>5}  {message[:150]}")


class Report:
    """Answers by phase. An answer belongs to the phase its request started in, except that a
    request still waiting when an outage began counts in that outage (the outage answered it)."""

    def __init__(self, answers: list[Answer], moments: dict, servers: dict):
        self.moments, self.servers = moments, servers
        self.answers = [self.attributed(a) for a in answers if a.phase in moments]
        self.misses = 0

    def attributed(self, answer: Answer) -> Answer:
        for phase in OUTAGES:
            start = self.moments.get(phase)
            if start and answer.started < start < answer.started + answer.seconds:
                answer.phase = phase
        return answer

    def check(self, target: str, value: str, ok: bool):
        self.misses += not ok
        print(f"  {'PASS' if ok else 'MISS'}  {target}: {value}")

    def print(self, pages):
        settings = ", ".join(f"{name}={value}" for name, value in TIMEOUTS.items())
        print(f"Stances fault drill, {time.strftime('%Y-%m-%d %H:%M')}")
        print(f"  timeouts of this run (short on purpose): {settings}")
        print(
            f"  2 gunicorns (gunicorn.conf.py, 2 workers x 4 threads, DATABASE_POOL_SIZE=4): "
            f"'cached' (page cache in Redis) and 'uncached' (PAGE_CACHE_SECONDS=0); "
            f"{CLIENTS_PER_SERVER} client threads each, turning through {len(pages)} pages"
        )
        print(
            f"\n{'phase':<10}{'server':<10}{'answers':>8}{'200':>7}{' (cached)':>9}{'503':>6}"
            f"{'500':>6}{'other':>6}{'none':>6}{'median s':>10}{'worst s':>9}"
        )
        for phase in self.moments:
            for server in self.servers:
                answers = [a for a in self.answers if a.phase == phase and a.server == server]
                self.print_row(phase, server, answers)
        print("\nTargets")
        for phase in self.moments:
            for server in self.servers:
                answers = [a for a in self.answers if a.phase == phase and a.server == server]
                self.check_phase(phase, server, answers)

    def print_row(self, phase, server, answers):
        statuses = Counter(a.status for a in answers)
        other = sum(n for s, n in statuses.items() if s not in (0, 200, 500, 503))
        cached = sum(1 for a in answers if a.status == 200 and a.cache == "hit")
        times = [a.seconds for a in answers]
        print(
            f"{phase:<10}{server:<10}{len(answers):>8}{statuses[200]:>7}{f'({cached})':>9}"
            f"{statuses[503]:>6}{statuses[500]:>6}{other:>6}{statuses[0]:>6}"
            f"{statistics.median(times) if times else 0:>10.2f}{max(times, default=0):>9.2f}"
        )

    def check_phase(self, phase, server, answers):
        label = f"{phase}, {server}:"
        statuses = Counter(a.status for a in answers)
        errors = sorted({a.error for a in answers if a.error})
        slowest = max(answers, key=lambda a: a.seconds, default=None)
        worst = slowest.seconds if slowest else 0
        if phase == "healthy":
            self.check(f"{label} every answer 200", describe(statuses), set(statuses) == {200})
        elif phase in OUTAGES:
            unexpected = {s: n for s, n in statuses.items() if s not in (200, 503)}
            self.check(
                f"{label} only 503s or 200s (no 500, every request answered)",
                describe(statuses) + (f"; {errors[0]}" if errors else ""),
                bool(answers) and not unexpected,
            )
            bare = sum(1 for a in answers if a.status == 503 and not a.retry_after)
            self.check(f"{label} every 503 says Retry-After", f"{bare} without", not bare)
            self.check(
                f"{label} worst answer within {WORST_SECONDS} s",
                f"{worst:.2f} s"
                + (f" ({slowest.status or 'none'}, {slowest.path})" if slowest else ""),
                worst <= WORST_SECONDS,
            )
        else:
            self.check_recovery(label, phase, server, answers, statuses)

    def check_recovery(self, label, phase, server, answers, statuses):
        back = self.moments[phase]
        failing = [a for a in answers if a.status != 200]
        first_ok = min((a.started + a.seconds for a in answers if a.status == 200), default=None)
        # From the database's return to the end of the last failed answer: every request that
        # started after that was answered 200.
        settled = max((a.started + a.seconds for a in failing), default=back) - back
        self.check(
            f"{label} no 500 and every request answered",
            describe(statuses),
            statuses[500] == 0 and statuses[0] == 0 and bool(answers),
        )
        first = f"first 200 after {first_ok - back:.1f} s" if first_ok else "no 200 at all"
        self.check(
            f"{label} answers 200 again within {RECOVERY_SECONDS} s",
            f"{first}, only 200s after {settled:.1f} s",
            first_ok is not None and settled <= RECOVERY_SECONDS,
        )

    def check_workers(self, before: dict, after: dict, timeouts: int, recycled: int):
        replaced = {name: sorted(set(before[name]) - set(after[name])) for name in before}
        self.check(
            "no gunicorn worker killed for a timeout (WORKER TIMEOUT in its log)",
            f"{timeouts} timeouts",
            timeouts == 0,
        )
        print(
            "  note  workers replaced during the drill: "
            + ", ".join(f"{name} {pids or 'none'}" for name, pids in replaced.items())
            + f" ({recycled} after gunicorn's max_requests; a cached server's workers reach it"
            " together, and answers wait until new ones have booted)"
        )


def describe(statuses: Counter) -> str:
    names = {0: "no answer"}
    return ", ".join(f"{n} x {names.get(s, s)}" for s, n in sorted(statuses.items())) or "nothing"


def main(argv) -> int:
    args = parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="stances-faults-"))
    cleanup: list = []

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    # Both set explicitly: a shell starts a background job with SIGINT ignored.
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)
    try:
        return drill(args, folder, cleanup)
    except KeyboardInterrupt:
        print("interrupted: cleaning up", file=sys.stderr)
        return 130
    finally:
        for step in reversed(cleanup):
            try:
                step()
            except Exception as failure:  # clean up the rest whatever one step raised
                print(f"cleanup: {type(failure).__name__}: {failure}", file=sys.stderr)
        if args.keep:
            print(f"logs kept in {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
