"""Fetches a web page that an editor links to, without letting the link reach inside our network.

The server makes the request, so a link is a way to make it connect somewhere: only http and
https, only public addresses (unless FETCH_ALLOW_PRIVATE_ADDRESSES, for tests), each redirect
checked like the first link, bounded in time (FETCH_TIMEOUT_SECONDS) and size (FETCH_MAX_BYTES),
and only HTML is accepted.

Built on the standard library's http.client, with a connection that is handed the address
already checked: the name is resolved once, and the socket connects to that address, so a second
lookup cannot answer differently (DNS rebinding). urllib and urllib3 (in the locks, through
trafilatura) resolve names themselves when they connect, and hooking that would rely on their
internals. The Host header and, for https, the certificate check and SNI still use the name.
"""

import codecs
import concurrent.futures
import contextlib
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from django.conf import settings

HTML_TYPES = {"text/html", "application/xhtml+xml"}
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
USER_AGENT = "Stances article fetcher (an editor added this page to a fact-checking archive)"


class FetchRefused(Exception):
    """The page was not fetched; the message says why, in words an editor can act on."""


@dataclass(frozen=True)
class FetchedPage:
    """A page as fetched: the address it was finally read from, and its HTML as text."""

    url: str
    html: str


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str

    @property
    def shown(self) -> str:
        """The site as an editor would write it: scheme, name, and the port when unusual."""
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}" + ("" if self.port == default else f":{self.port}")


def parse_target(url: str) -> Target:
    """Splits a link into what a request needs, refusing anything that is not an http(s) URL."""
    url = (url or "").strip()
    if not url:
        raise FetchRefused("Paste the article's link, starting with https:// or http://.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchRefused(f"“{url}” is not a valid link.") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise FetchRefused(
            f"Only http and https links can be fetched, not “{parts.scheme or url}”."
        )
    if not parts.hostname:
        raise FetchRefused(f"“{url}” names no site.")
    if parts.username is not None or parts.password is not None:
        raise FetchRefused("Links with a user name or password in them are not fetched.")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise FetchRefused(f"“{parts.hostname}” is not a valid site name.") from None
    scheme = parts.scheme.lower()
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return Target(scheme, host, port or (443 if scheme == "https" else 80), path)


def refusal_for_address(address: str) -> str | None:
    """Why a connection to this IP address is refused ("a private address"), or None."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address written as IPv6 reaches the IPv4 host: judge that one.
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return refusal_for_address(str(embedded))
    checks = [
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address (this server itself)"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_reserved", "a reserved address"),
        ("is_private", "a private network address"),
    ]
    for attribute, reason in checks:
        if getattr(ip, attribute):
            return reason
    if not ip.is_global:
        return "an address that is not public"
    return None


# Name lookups run here so that a resolver that never answers cannot hold an editor past the
# fetch's deadline: getaddrinfo itself takes no timeout. A lookup given up on finishes in its
# thread; a few threads bound how many can hang at once (more wait their turn, then time out).
RESOLVER = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="fetch-resolve")


def addresses_for(target: Target, allow_private: bool, seconds: float) -> list[str]:
    """The addresses the name resolves to, once, every one of them checked, looked up within
    `seconds`."""
    lookup = RESOLVER.submit(socket.getaddrinfo, target.host, target.port, type=socket.SOCK_STREAM)
    try:
        found = lookup.result(timeout=max(0.0, seconds))
    except concurrent.futures.TimeoutError:
        lookup.cancel()
        raise FetchRefused(
            f"The address of {target.host} could not be looked up within "
            f"{settings.FETCH_TIMEOUT_SECONDS} seconds; try again later, or save the page from "
            "your browser and upload it."
        ) from None
    except (socket.gaierror, UnicodeError):
        raise FetchRefused(f"The site {target.host} could not be found.") from None
    addresses = list(dict.fromkeys(info[4][0] for info in found))
    if not addresses:
        raise FetchRefused(f"The site {target.host} could not be found.")
    if not allow_private:
        for address in addresses:
            reason = refusal_for_address(address)
            if reason:
                raise FetchRefused(
                    f"{target.host} is at {address}, {reason}: only sites on the public "
                    "internet are fetched."
                )
    return addresses


class CheckedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to an address checked beforehand, not to whatever the name resolves
    to now; the name stays in the Host header."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class CheckedHTTPSConnection(http.client.HTTPSConnection):
    """As CheckedHTTPConnection, over TLS: the certificate is verified for the name, which is
    also sent as SNI."""

    def __init__(self, host, port, address, timeout):
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = address

    def connect(self):
        raw = socket.create_connection((self.address, self.port), self.timeout)
        try:
            self.sock = self.tls.wrap_socket(raw, server_hostname=self.host)
        except BaseException:
            raw.close()
            raise


def open_connection(target: Target, addresses: list[str], timeout: float):
    """A connection to the first of the addresses that answers."""
    kind = CheckedHTTPSConnection if target.scheme == "https" else CheckedHTTPConnection
    problem: OSError | None = None
    for address in addresses:
        connection = kind(target.host, target.port, address, timeout)
        try:
            connection.connect()
        except ssl.SSLError:
            connection.close()
            raise
        except OSError as error:
            connection.close()
            problem = error
            continue
        return connection
    raise problem or OSError("no address")


def fetch_page(url: str) -> FetchedPage:
    """Fetches the HTML page at `url`, following a few redirects. Raises FetchRefused."""
    timeout = settings.FETCH_TIMEOUT_SECONDS
    max_bytes = settings.FETCH_MAX_BYTES
    allow_private = settings.FETCH_ALLOW_PRIVATE_ADDRESSES
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        target = parse_target(url)
        addresses = addresses_for(target, allow_private, deadline - time.monotonic())
        watchdog = None
        try:
            connection = open_connection(target, addresses, max(0.1, deadline - time.monotonic()))
            # The socket's timeout bounds each wait, not the whole: a site sending its headers
            # a byte at a time would hold the editor for ever. At the deadline it is cut.
            watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), cut, [connection])
            watchdog.start()
            response = None
            try:
                connection.request(
                    "GET",
                    target.path,
                    headers={
                        "User-Agent": USER_AGENT,
                        "Accept": "text/html,application/xhtml+xml;q=0.9",
                        "Accept-Encoding": "gzip, identity",
                    },
                )
                response = connection.getresponse()
                if response.status in REDIRECTS:
                    location = response.getheader("Location", "").strip()
                    if not location:
                        raise FetchRefused(
                            f"{target.shown} answered with a redirect that leads nowhere."
                        )
                    url = urljoin(url, location)
                    continue
                if response.status != 200:
                    raise FetchRefused(
                        f"{target.shown} answered “{response.status} {response.reason}” "
                        "instead of the page."
                    )
                raw = read_html_body(response, max_bytes, deadline, target)
                charset = response.headers.get_content_charset()
                return FetchedPage(url=url, html=decode_html(raw, charset))
            finally:
                if response is not None:
                    response.close()
                connection.close()
        except FetchRefused:
            raise
        except (OSError, http.client.HTTPException) as error:
            if isinstance(error, TimeoutError) or time.monotonic() >= deadline:
                raise FetchRefused(
                    f"{target.shown} did not answer within {timeout} seconds; try again later, "
                    "or save the page from your browser and upload it."
                ) from None
            raise FetchRefused(problem_text(target, error)) from None
        finally:
            if watchdog is not None:
                watchdog.cancel()
    raise FetchRefused(f"The link redirected more than {MAX_REDIRECTS} times; not followed.")


def cut(connection) -> None:
    """Ends a fetch past its deadline: its blocked read returns at once."""
    with contextlib.suppress(OSError, AttributeError):
        connection.sock.shutdown(socket.SHUT_RDWR)


def problem_text(target: Target, error: Exception) -> str:
    """Why the site could not be read, in an editor's words."""
    if isinstance(error, ConnectionRefusedError):
        return f"{target.shown} refused the connection."
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"{target.shown}'s certificate could not be verified ({error.verify_message})."
    if isinstance(error, ssl.SSLError | http.client.HTTPException):
        return (
            f"{target.shown} answered with something that is not a valid web page "
            f"({type(error).__name__})."
        )
    return f"{target.shown} could not be reached ({error.strerror or error})."


def read_html_body(response, max_bytes: int, deadline: float, target: Target) -> bytes:
    """The response body, if it is HTML and within the size and time limits."""
    content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        what = f"“{content_type}”" if content_type else "something with no stated type"
        raise FetchRefused(f"The link leads to {what}, not a web page (HTML).")
    too_large = FetchRefused(
        f"The page is larger than {size_text(max_bytes)}, the most that is fetched."
    )
    declared = response.getheader("Content-Length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in {"identity", "gzip", "x-gzip"}:
        raise FetchRefused(f"{target.shown} sent the page encoded as “{encoding}”, not readable.")
    # Decompressed bit by bit with a cap, so a small compressed answer cannot fill the memory.
    inflate = zlib.decompressobj(wbits=47) if encoding != "identity" else None
    body = bytearray()
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read(CHUNK)
        if not chunk:
            if time.monotonic() >= deadline:
                raise TimeoutError  # cut at the deadline, not the end of the page
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, max_bytes + 1 - len(body))
            except zlib.error:
                raise FetchRefused(f"{target.shown} sent a damaged compressed page.") from None
        body += chunk
        if len(body) > max_bytes:
            raise too_large
    return bytes(body)


def size_text(count: int) -> str:
    """A size limit as editors read it: "5 MB", "64 KB", "10,000 bytes"."""
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if count >= size and count % size == 0:
            return f"{count // size} {unit}"
    return f"{count:,} bytes"


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(raw: bytes, declared: str | None = None) -> str:
    """HTML bytes as text: the charset the server declared, else a byte-order mark, else the
    page's own <meta charset>, else UTF-8; a name Python does not know as a text encoding
    (or knows only as a bytes codec, such as "base64" or "hex") counts as no name."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(name, errors="replace")
    candidates = [declared]
    found = META_CHARSET.search(raw[:4096])
    if found:
        candidates.append(found.group(1).decode("ascii"))
    for name in candidates:
        if not name:
            continue
        try:
            if not codecs.lookup(name)._is_text_encoding:
                continue
            return raw.decode(name, errors="replace")
        except LookupError:
            continue
    return raw.decode("utf-8", errors="replace")
