"""What the benchmarks that serve the site share: throw-away settings, gunicorn with the
repository's gunicorn.conf.py, wrk with its figures parsed, and the public pages to load.

`python benchmarks/serving.py pages` (with DJANGO_SETTINGS_MODULE and DATABASE_URL set) prints,
as JSON, one address for each public page of the database, chosen as benchmarks/scale.py does.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from shutil import which

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
# wrk leaves an answer slower than its timeout (2 s by default) out of every figure; gunicorn's
# own worker timeout (30 s in gunicorn.conf.py) is the one that matters here.
WRK_TIMEOUT = "30s"
# The public pages of the load mix, in the order the wrk script turns through them.
MIX = ("home", "election", "speaker", "topic", "quotes", "search", "quote")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_settings(folder: Path, *, cached: bool = True) -> str:
    """A settings module in `folder`: the project's, with a throw-away STATIC_ROOT and, unless
    `cached`, every cache replaced by Django's dummy cache. Returns its name."""
    name = "bench_cached_settings" if cached else "bench_uncached_settings"
    text = (
        "from stances.settings import *  # noqa: F403\n\n"
        f"STATIC_ROOT = {str(folder / 'static')!r}\n"
    )
    if not cached:
        text += (
            "# Every request is measured uncached, whatever the views cache and wherever.\n"
            'DUMMY = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}\n'
            'CACHES = {alias: DUMMY for alias in globals().get("CACHES", {"default": None})}\n'
        )
    (folder / f"{name}.py").write_text(text)
    return name


def project_env(folder: Path, settings: str, **extra: str) -> dict:
    """The environment of the project's processes: the settings in `folder`, a fresh secret key,
    loopback hosts, DEBUG off, and `extra` on top."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "STANCES_MANAGE_COMMAND"}}
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        PYTHONPATH=os.pathsep.join([str(folder), str(ROOT)]),
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS="testserver,127.0.0.1",
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str, log: Path) -> float:
    """Runs a management command with its output in `log`; returns the seconds it took."""
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
    try:
        return "".join(log.read_text().splitlines(keepends=True)[-lines:])
    except OSError:
        return ""


def pick_pages(env: dict) -> dict[str, str]:
    """The address of each page of MIX in the database of `env` (a child process with Django)."""
    output = subprocess.run(
        [str(PYTHON), __file__, "pages"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if output.returncode != 0:
        raise SystemExit(f"choosing the pages failed:\n{output.stderr[-2000:]}")
    return json.loads(output.stdout)


def print_pages() -> int:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # only so that `python benchmarks/serving.py` finds it
    import django

    django.setup()
    from benchmarks.scale import COMMON_WORD, choose_pages

    chosen, _ = choose_pages({"common word": COMMON_WORD})
    names = {page: {"search": "search common word"}.get(page, page) for page in MIX}
    pages = {page: chosen[name][0] for page, name in names.items() if name in chosen}
    print(json.dumps(pages))
    return 0


class AppServer:
    """gunicorn with the repository's gunicorn.conf.py on a loopback port, its output in `log`."""

    def __init__(self, env: dict, log: Path, *, workers: int, threads: int, name: str = "app"):
        self.name, self.workers, self.threads = name, workers, threads
        self.port = free_port()
        self.log_path = log
        self.log = log.open("a")
        self.process = subprocess.Popen(
            [str(GUNICORN), "-c", "gunicorn.conf.py", "stances.wsgi:application"],
            cwd=ROOT,
            env={
                **env,
                "ALLOWED_HOSTS": "127.0.0.1",
                "BIND": f"127.0.0.1:{self.port}",
                "WEB_WORKERS": str(workers),
                "WEB_THREADS": str(threads),
            },
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches this script only; it stops gunicorn itself
        )
        try:
            self.wait_until_up()
        except BaseException:  # interrupted or failed while starting: leave nothing running
            self.stop()
            raise

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_until_up(self, seconds: float = 60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                raise SystemExit(f"gunicorn exited with {code}:\n{self.output()}")
            try:
                if (
                    fetch(self.url + "/healthz", timeout=5)[0] == 200
                    and len(self.worker_pids()) == self.workers
                ):
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer /healthz within {seconds:.0f} s")

    def worker_pids(self) -> list[int]:
        return children_of(self.process.pid)

    def output(self) -> str:
        self.log.flush()
        return tail(self.log_path, 30)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)  # gunicorn's graceful timeout is 30 s
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if not self.log.closed:
            self.log.close()


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    listing = Path(f"/proc/{pid}/task/{pid}/children")
    if listing.exists():
        try:
            return [int(child) for child in listing.read_text().split()]
        except OSError:
            return []
    pids = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if f"\nPPid:\t{pid}\n" in status.read_text():
                pids.append(int(status.parent.name))
        except OSError:
            continue
    return pids


def fetch(url: str, timeout: float = 60, headers: dict | None = None):
    """(status, headers, body) of a GET, whatever the status."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def have_wrk() -> bool:
    return which("wrk") is not None


def wrk(
    url: str,
    *,
    connections: int,
    seconds: float,
    threads: int = 2,
    headers: dict | None = None,
    script: Path | None = None,
) -> dict:
    """Runs wrk with --latency; returns requests per second, latency percentiles in ms, the
    count of non-2xx/3xx answers and socket errors, and what the Lua script's done() printed
    (one JSON line starting with `SUMMARY `)."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--latency"]
    command += ["--timeout", WRK_TIMEOUT]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> dict:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    average = re.search(r"Latency\s+([\d.]+)(us|ms|s|m)\b", output)
    percentiles = {
        int(share): to_ms(value, unit)
        for share, value, unit in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
    }
    summary = re.search(r"^SUMMARY (.*)$", output, re.M)
    socket_errors = (
        dict(zip(("connect", "read", "write", "timeout"), map(int, errors.groups()), strict=True))
        if errors
        else dict.fromkeys(("connect", "read", "write", "timeout"), 0)
    )
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "requests": int(total.group(1)) if total else 0,
        "non_2xx": int(bad.group(1)) if bad else 0,
        "socket": socket_errors,
        "socket_errors": sum(socket_errors.values()),
        "latency": f"{average.group(1)}{average.group(2)}" if average else "?",
        "p50": percentiles.get(50),
        "p90": percentiles.get(90),
        "p99": percentiles.get(99),
        "summary": json.loads(summary.group(1)) if summary else {},
        "output": output,
    }


def to_ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def delete_cache_keys(redis_url: str, prefix: str) -> int:
    """Deletes the keys this run stored under its own prefix (never the rest of the server)."""
    import redis

    client = redis.Redis.from_url(redis_url, socket_timeout=5)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    for start in range(0, len(keys), 500):
        client.delete(*keys[start : start + 500])
    return len(keys)


if __name__ == "__main__":
    if sys.argv[1:] != ["pages"]:
        raise SystemExit(__doc__)
    sys.exit(print_pages())
