"""The server fetches an editor's link only from a public http(s) site, within a time and a size
limit, following a few redirects each checked the same way, and only when the answer is HTML.
Loopback is refused like any private address; a test server on loopback is reached only with
FETCH_ALLOW_PRIVATE_ADDRESSES on, as tests alone set it."""

import gzip
import socket
import ssl
import subprocess
import threading
import time
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from articles import fetching
from articles.fetching import FetchRefused, decode_html, fetch_page, refusal_for_address

PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks</title></head>'
    "<body><p>Jane Roe said: “We will open talks.”</p></body></html>"
)


@contextmanager
def loopback_site(routes: dict):
    """A small web site on 127.0.0.1: path -> (status, headers, body bytes, delay seconds)."""

    class Site(BaseHTTPRequestHandler):
        def do_GET(self):
            status, headers, body, delay = routes.get(
                self.path, (404, {"Content-Type": "text/plain"}, b"not here", 0)
            )
            self.server.seen.append((self.path, self.headers.get("Host")))
            if delay:
                time.sleep(delay)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.seen = []
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def html(body=PAGE, content_type="text/html; charset=utf-8", delay=0, status=200, **headers):
    data = body.encode("utf-8") if isinstance(body, str) else body
    return status, {"Content-Type": content_type, **headers}, data, delay


@pytest.fixture
def private_allowed(settings):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    return settings


def refused(url) -> str:
    with pytest.raises(FetchRefused) as refusal:
        fetch_page(url)
    return str(refusal.value)


# The happy path -----------------------------------------------------------------------------


def test_a_page_on_loopback_is_fetched_when_the_setting_allows_it(private_allowed):
    with loopback_site({"/a": html()}) as (server, base):
        page = fetch_page(base + "/a")
    assert page.url == base + "/a"
    assert "We will open talks." in page.html
    assert server.seen == [("/a", base.removeprefix("http://"))]


def test_redirects_are_followed_and_the_final_address_is_kept(private_allowed):
    with loopback_site({"/old": html("", status=301, Location="/new"), "/new": html()}) as (
        server,
        base,
    ):
        page = fetch_page(base + "/old")
    assert page.url == base + "/new"
    assert [path for path, _ in server.seen] == ["/old", "/new"]


def test_a_compressed_page_is_read(private_allowed):
    with loopback_site(
        {"/z": html(gzip.compress(PAGE.encode()), **{"Content-Encoding": "gzip"})}
    ) as (
        _,
        base,
    ):
        assert "We will open talks." in fetch_page(base + "/z").html


def test_the_declared_charset_decodes_the_page(private_allowed):
    body = "<html><body><p>Zelensky a déclaré : « non ».</p></body></html>".encode("latin-1")
    with loopback_site({"/fr": html(body, "text/html; charset=ISO-8859-1")}) as (_, base):
        assert "déclaré" in fetch_page(base + "/fr").html


def test_without_a_declared_charset_the_pages_meta_charset_decides():
    page = '<html><head><meta charset="windows-1251"></head><body>Песков</body></html>'
    assert "Песков" in decode_html(page.encode("cp1251"))
    assert "Песков" in decode_html(page.encode("cp1251"), "no-such-charset")


@pytest.mark.parametrize("codec", ["base64", "hex", "zlib", "rot13"])
def test_a_charset_that_is_no_text_encoding_counts_as_none(codec):
    """Python knows these names, but as codecs of bytes: decoding with them would fail."""
    page = f'<html><head><meta charset="{codec}"></head><body>Zelensky said no.</body></html>'
    assert "Zelensky said no." in decode_html(page.encode())
    assert "Zelensky said no." in decode_html(page.encode(), codec)


# Refusals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/a.html", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/"],
)
def test_links_that_are_not_http_or_https_are_refused(url):
    assert "Only http and https links can be fetched" in refused(url)


@pytest.mark.parametrize(
    "url", ["", "   ", "https://", "http://[::1", "https://example.org:99999/"]
)
def test_malformed_links_are_refused_clearly(url):
    message = refused(url)
    assert message.startswith(("Paste the article's link", "“"))


def test_a_link_with_credentials_in_it_is_refused():
    assert "user name or password" in refused("https://user:secret@example.org/")


def test_a_name_that_cannot_be_found_is_refused():
    assert "could not be found" in refused("https://no-such-host.invalid/")


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.9.9.9", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not public"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "link-local"),
        ("2002:7f00:1::", "loopback"),
    ],
)
def test_addresses_inside_networks_are_refused(address, reason):
    assert reason in refusal_for_address(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::1111", "::ffff:93.184.215.14"])
def test_public_addresses_are_allowed(address):
    assert refusal_for_address(address) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/admin/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://2130706433/",
        "http://0x7f.1/",
    ],
)
def test_links_to_loopback_private_or_link_local_addresses_are_refused_without_connecting(
    url, monkeypatch
):
    def no_connection(*args, **kwargs):
        raise AssertionError("a refused address was connected to")

    monkeypatch.setattr(fetching.socket, "create_connection", no_connection)
    assert "only sites on the public internet are fetched" in refused(url)


def test_a_name_lookup_that_never_answers_is_given_up_at_the_deadline(settings, monkeypatch):
    """getaddrinfo takes no timeout of its own: a resolver that hangs must not hold the editor."""
    settings.FETCH_TIMEOUT_SECONDS = 1
    released = threading.Event()

    def hanging_resolver(host, port, *args, **kwargs):
        released.wait(10)
        raise socket.gaierror("released")

    monkeypatch.setattr(fetching.socket, "getaddrinfo", hanging_resolver)
    started = time.monotonic()
    try:
        message = refused("https://slow-dns.example.org/story")
    finally:
        released.set()
    assert "could not be looked up within 1 seconds" in message
    assert time.monotonic() - started < 2.5


def test_a_name_that_resolves_to_a_private_address_is_refused(monkeypatch):
    def resolver(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.0.7", port))]

    monkeypatch.setattr(fetching.socket, "getaddrinfo", resolver)
    message = refused("https://news.example.org/story")
    assert "news.example.org is at 192.168.0.7, a private network address" in message


def test_the_name_is_resolved_once_and_the_checked_address_is_the_one_connected_to(
    private_allowed, monkeypatch
):
    """DNS rebinding: a second lookup answering differently would not be used."""
    with loopback_site({"/a": html()}) as (server, _):
        port = server.server_address[1]
        lookups, connections = [], []
        answers = iter(["127.0.0.1", "10.9.9.9"])
        real_connect, real_resolver = socket.create_connection, socket.getaddrinfo

        def resolver(host, port_, *args, **kwargs):
            if host[0].isdigit():  # connecting to a numeric address asks no name server
                return real_resolver(host, port_, *args, **kwargs)
            lookups.append(host)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port_))]

        def connect(address, *args, **kwargs):
            connections.append(address)
            return real_connect(address, *args, **kwargs)

        monkeypatch.setattr(fetching.socket, "getaddrinfo", resolver)
        monkeypatch.setattr(fetching.socket, "create_connection", connect)
        page = fetch_page(f"http://rebinding.example:{port}/a")

    assert "We will open talks." in page.html
    assert lookups == ["rebinding.example"]
    assert connections == [("127.0.0.1", port)]
    # The site still sees its own name.
    assert server.seen == [("/a", f"rebinding.example:{port}")]


def test_a_redirect_to_a_refused_address_is_refused(monkeypatch):
    """The first hop passes the check (the test site's loopback address is let through for it
    alone); its redirect to the cloud metadata address is checked like the first link."""
    real_check = fetching.refusal_for_address
    monkeypatch.setattr(
        fetching,
        "refusal_for_address",
        lambda address: None if address == "127.0.0.1" else real_check(address),
    )
    with loopback_site(
        {"/go": html("", status=302, Location="http://169.254.169.254/latest/")}
    ) as (server, base):
        message = refused(base + "/go")

    assert "169.254.169.254 is at 169.254.169.254, a link-local address" in message
    assert [path for path, _ in server.seen] == ["/go"]


def test_too_many_redirects_are_refused(private_allowed):
    with loopback_site({"/loop": html("", status=302, Location="/loop")}) as (server, base):
        assert "redirected more than 5 times" in refused(base + "/loop")
    assert len(server.seen) == 6


def test_a_page_larger_than_the_limit_is_refused_as_it_streams(private_allowed):
    private_allowed.FETCH_MAX_BYTES = 1000
    with loopback_site({"/big": html("<p>" + "x" * 5000 + "</p>")}) as (_, base):
        assert "larger than 1,000 bytes" in refused(base + "/big")


def test_a_compressed_page_larger_than_the_limit_once_inflated_is_refused(private_allowed):
    private_allowed.FETCH_MAX_BYTES = 10_000
    bomb = gzip.compress(b"<p>" + b"x" * 1_000_000)
    with loopback_site({"/bomb": html(bomb, **{"Content-Encoding": "gzip"})}) as (_, base):
        assert "larger than 10,000 bytes" in refused(base + "/bomb")


def test_a_slow_site_times_out(private_allowed):
    private_allowed.FETCH_TIMEOUT_SECONDS = 1
    with loopback_site({"/slow": html(delay=3)}) as (_, base):
        started = time.monotonic()
        message = refused(base + "/slow")
    assert "did not answer within 1 seconds" in message
    assert time.monotonic() - started < 2.5


def test_a_site_trickling_its_answer_is_cut_at_the_deadline(private_allowed):
    """Each byte arrives well within the socket's timeout; the whole never would."""
    private_allowed.FETCH_TIMEOUT_SECONDS = 1

    class Trickle(BaseHTTPRequestHandler):
        def do_GET(self):
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
            with suppress(OSError):
                for _ in range(40):
                    self.wfile.write(b"X-Slow: a\r\n")
                    self.wfile.flush()
                    time.sleep(0.2)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        started = time.monotonic()
        message = refused(f"http://127.0.0.1:{server.server_address[1]}/")
        took = time.monotonic() - started
    finally:
        server.shutdown()
        server.server_close()
    assert "did not answer within 1 seconds" in message
    assert took < 2


@pytest.mark.parametrize(
    ("content_type", "shown"),
    [
        ("application/pdf", "“application/pdf”"),
        ("image/png", "“image/png”"),
        ("application/json", "“application/json”"),
        ("", "something with no stated type"),
    ],
)
def test_an_answer_that_is_not_html_is_refused(private_allowed, content_type, shown):
    with loopback_site({"/f": html("%PDF-1.7", content_type)}) as (_, base):
        assert f"The link leads to {shown}, not a web page (HTML)." == refused(base + "/f")


def test_an_error_status_is_reported(private_allowed):
    with loopback_site({}) as (_, base):
        assert "answered “404 Not Found”" in refused(base + "/missing")


def test_a_closed_port_is_reported_as_refusing_the_connection(private_allowed):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert f"http://127.0.0.1:{port} refused the connection." == refused(
        f"http://127.0.0.1:{port}/"
    )


# https: the certificate is checked for the name, which is also sent as SNI ------------------


@pytest.fixture
def tls_site(tmp_path):
    """A loopback https site whose self-signed certificate names news.example."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    made = subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            "/CN=news.example",
            "-addext",
            "subjectAltName=DNS:news.example",
        ],
        capture_output=True,
    )
    assert made.returncode == 0, made.stderr
    names = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda connection, name, _: names.append(name)
    with loopback_site({"/story": html()}) as (server, _):
        server.socket = context.wrap_socket(server.socket, server_side=True)
        yield server, cert, names


@pytest.fixture
def news_example_on_loopback(private_allowed, monkeypatch):
    real_resolver = socket.getaddrinfo

    def resolver(host, port, *args, **kwargs):
        return real_resolver("127.0.0.1" if host == "news.example" else host, port, *args, **kwargs)

    monkeypatch.setattr(fetching.socket, "getaddrinfo", resolver)


def test_an_https_page_is_fetched_with_the_certificate_checked_for_the_name(
    tls_site, news_example_on_loopback, monkeypatch
):
    server, cert, names = tls_site
    port = server.server_address[1]
    trusting = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(fetching.ssl, "create_default_context", lambda: trusting)

    page = fetch_page(f"https://news.example:{port}/story")

    assert "We will open talks." in page.html
    assert names == ["news.example"]
    assert server.seen == [("/story", f"news.example:{port}")]


def test_an_https_site_whose_certificate_cannot_be_verified_is_refused(
    tls_site, news_example_on_loopback
):
    server, _, _ = tls_site
    port = server.server_address[1]
    assert "certificate could not be verified" in refused(f"https://news.example:{port}/story")
    assert server.seen == []
