"""Reads an article's details out of a web page (fetched from a link or uploaded as a saved HTML
file) for the editor to check: title, date, byline, language, main text and, by its domain, the
outlet. trafilatura finds the main text and metadata; nothing here saves anything."""

import datetime
import re
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

import trafilatura
from django.conf import settings
from django.utils import timezone
from trafilatura.utils import load_html

from .fetching import HTML_TYPES, FetchRefused, decode_html, size_text
from .models import Outlet

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
LOOKS_LIKE_HTML = re.compile(r"<\s*(!doctype\s+html|html|head|body|article|main|p|div)\b", re.I)
MIN_WORDS = 25
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class ImportRefused(Exception):
    """The page gave nothing to fill the form with; the message says why."""


@dataclass
class ArticleDraft:
    """What a page says about itself, as the article form's initial values."""

    title: str = ""
    url: str = ""
    published_on: str = ""  # ISO date, or empty when the page does not give one
    authors: str = ""
    language: str = ""
    body: str = ""
    domain: str = ""
    site_name: str = ""
    outlet_id: int | None = None
    retrieved_on: str = ""

    def as_initial(self) -> dict:
        """The values for the article form: only those the page gave."""
        fields = {
            "title": self.title,
            "url": self.url,
            "published_on": self.published_on,
            "authors": self.authors,
            "language": self.language,
            "body": self.body,
            "outlet": self.outlet_id,
            "retrieved_on": self.retrieved_on,
        }
        return {name: value for name, value in fields.items() if value}

    def as_dict(self) -> dict:
        return asdict(self)


def site_domain(url: str) -> str:
    """The site's host name without "www.": "www.ft.com" and "ft.com" are one outlet."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


def outlet_for_domain(domain: str) -> Outlet | None:
    """The outlet whose website is this domain, or a parent of it (edition.cnn.com is cnn.com's);
    the most specific one when several match."""
    if not domain:
        return None
    # Narrowed in the database by the last two labels, then compared exactly here.
    tail = ".".join(domain.split(".")[-2:])
    matches = []
    for outlet in Outlet.objects.exclude(website="").filter(website__icontains=tail):
        own = site_domain(outlet.website)
        if own and (domain == own or domain.endswith("." + own)):
            matches.append((len(own), outlet.pk, outlet))
    return max(matches, key=lambda match: match[:2])[2] if matches else None


def language_of(tree) -> str:
    """The page's declared language (<html lang>, Content-Language, og:locale) as a BCP 47
    tag, or empty."""
    declared = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath(
            "//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')"
            "='content-language']/@content"
        ),
        *tree.xpath("//meta[@property='og:locale']/@content"),
    ]
    for value in declared:
        tag = (value or "").split(",")[0].strip().replace("_", "-")
        if not (tag and LANGUAGE_TAG.match(tag)):
            continue
        # The field holds ten characters: "en-GB-oxendict" keeps "en-GB".
        primary, *subtags = tag.split("-")
        kept = primary.lower()
        for subtag in subtags:
            if len(kept) + 1 + len(subtag) > 10:
                break
            kept += "-" + subtag
        return kept
    return ""


def read_article(html: str, url: str = "") -> ArticleDraft:
    """The article in this page, as far as the page tells. Raises ImportRefused when there is
    no article text in it."""
    tree = load_html(html)
    if tree is None:
        raise ImportRefused("This page could not be read as HTML: it holds no page markup.")
    language = language_of(tree)
    document = trafilatura.bare_extraction(tree, url=url or None, with_metadata=True)
    text = (getattr(document, "text", "") or "").strip() if document is not None else ""
    # A menu or a cookie notice is not an article: a few words are what is left of a page
    # whose text is built by JavaScript or kept behind a sign-in.
    if len(text.split()) < MIN_WORDS:
        raise ImportRefused(
            "No article text was found in this page. It may be a front page, a page that "
            "needs a sign-in, or one that builds its text with JavaScript: save the article "
            "from your browser once it shows, and upload that file."
        )
    title = " ".join((document.title or "").split())[:500]
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    page_url = url or document.url or ""
    if not page_url.lower().startswith(("http://", "https://")):
        page_url = ""
    domain = site_domain(page_url)
    outlet = outlet_for_domain(domain)
    authors = ", ".join(
        " ".join(name.split()) for name in (document.author or "").split(";") if name.strip()
    )
    return ArticleDraft(
        title=title,
        url=page_url[:1000],
        published_on=iso_date(document.date),
        authors=authors[:500],
        language=language,
        body="\n\n".join(lines),
        domain=domain,
        site_name=" ".join((document.sitename or "").split())[:200],
        outlet_id=outlet.pk if outlet else None,
        retrieved_on=timezone.localdate().isoformat(),
    )


def iso_date(value) -> str:
    """The page's date as YYYY-MM-DD, or empty when it is not one."""
    try:
        return datetime.date.fromisoformat(str(value or "")[:10]).isoformat()
    except ValueError:
        return ""


def read_upload(upload) -> str:
    """The HTML text of an uploaded file. Raises FetchRefused for a file that is too large or
    is not a web page."""
    limit = settings.FETCH_MAX_BYTES
    if upload.size > limit:
        raise FetchRefused(f"The file is larger than {size_text(limit)}, the most that is read.")
    name = (upload.name or "").lower()
    content_type = (getattr(upload, "content_type", "") or "").split(";")[0].strip().lower()
    if not name.endswith(HTML_SUFFIXES) and content_type not in HTML_TYPES:
        raise FetchRefused(
            f"“{upload.name}” is not a web page: upload a page saved from the browser as "
            "HTML (.html or .htm)."
        )
    raw = b"".join(upload.chunks())
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FetchRefused(f"“{upload.name}” is not a web page; it holds binary data.")
    html = decode_html(raw, getattr(upload, "charset", None))
    if not LOOKS_LIKE_HTML.search(html[:65536]):
        raise FetchRefused(f"“{upload.name}” holds no HTML: no page markup was found in it.")
    return html
