"""Test helpers for faults: a TCP proxy that can freeze or refuse like a failing database, and an
app server in a child process (gunicorn with the repository's configuration) to put behind it."""

import os
import select
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FaultyProxy:
    """Forwards 127.0.0.1:port to a target. `freeze()` stops passing bytes either way while
    keeping every socket open (as a stopped server does: the kernel still accepts and
    acknowledges), `refuse()` drops all connections and refuses new ones (a server that is down),
    and `restore()` brings it back."""

    def __init__(self, target_port: int, target_host: str = "127.0.0.1"):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.frozen = threading.Event()
        self.refusing = threading.Event()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port), backlog=128)
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def freeze(self):
        self.frozen.set()

    def refuse(self):
        self.refusing.set()
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for sock in pair:
                sock.close()

    def restore(self):
        self.refusing.clear()
        self.frozen.clear()

    def close(self):
        self._stopped = True
        self.refuse()
        self._listener.close()

    def _accept(self):
        while not self._stopped:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.refusing.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, client, upstream):
        peers = {client: upstream, upstream: client}
        try:
            while not self._stopped:
                if self.frozen.is_set():
                    time.sleep(0.05)
                    continue
                readable, _, _ = select.select(list(peers), [], [], 0.1)
                for sock in readable:
                    if self.frozen.is_set():
                        break
                    data = sock.recv(65536)
                    if not data:
                        return
                    peers[sock].sendall(data)
        except OSError:
            return
        finally:
            client.close()
            upstream.close()


_static_collected = False


def collect_static_files():
    """Production serves hashed static files from a manifest: make it, once per test run."""
    global _static_collected
    if not _static_collected:
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
            cwd=ROOT,
            check=True,
        )
        _static_collected = True


class AppServer:
    """gunicorn with gunicorn.conf.py on a loopback port, in a child process."""

    def __init__(self, env: dict, workers: int = 1, threads: int = 4):
        collect_static_files()
        self.env = env
        self.port = free_port()
        (ROOT / "var").mkdir(exist_ok=True)
        self.log = open(ROOT / "var" / f"app-server-{self.port}.log", "w+")  # noqa: SIM115
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [str(gunicorn), "-c", "gunicorn.conf.py", "stances.wsgi:application"],
            cwd=ROOT,
            env={
                **os.environ,
                "ALLOWED_HOSTS": "127.0.0.1",
                "BIND": f"127.0.0.1:{self.port}",
                "WEB_WORKERS": str(workers),
                "WEB_THREADS": str(threads),
                **env,
            },
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_up()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_until_up(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.output()}")
            try:
                if self.get("/healthz").status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within 30 s:\n{self.output()}")

    def get(self, path: str, timeout: float = 30, **headers):
        return self.request(path, timeout=timeout, headers=headers)

    def request(self, path, data=None, timeout: float = 30, headers=None):
        """The response (any status) as (status, headers, body, seconds)."""
        request = urllib.request.Request(self.url + path, data=data, headers=headers or {})
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body = response.read()
                status, answer_headers = response.status, response.headers
        except urllib.error.HTTPError as error:
            body = error.read()
            status, answer_headers = error.code, error.headers
        return Answer(status, answer_headers, body.decode("utf-8", "replace"), started)

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-4000:]

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


class Answer:
    def __init__(self, status, headers, text, started):
        self.status = status
        self.headers = headers
        self.text = text
        self.seconds = time.monotonic() - started
