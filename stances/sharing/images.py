"""Share images: the 1200x630 PNG a link preview shows for a quote (its words, who said them,
what kind of quote it is, when, and where it was reported), and the site's own card.

Drawn with Pillow in DejaVu (Debian's fonts-dejavu-core) when the system has it, else Pillow's
built-in font. The same quote always gives the same bytes, so caches and ETags hold.
"""

import functools
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BAR = 20  # the coloured band on the left, in the kind's colour as on the site
TEXT_LEFT = BAR + MARGIN
TEXT_WIDTH = WIDTH - TEXT_LEFT - MARGIN

SITE_NAME = "Stances"
TAGLINE = (
    "What candidates have said about foreign policy, side by side, "
    "with every position backed by quotes you can check."
)

# The site's palette (static/css/stances.css); every text colour is at least 7:1 on the paper.
PAPER = "#ffffff"
INK = "#1c1d21"
MUTED = "#4d5058"
LINE = "#c9ccd3"
ACCENT = "#163b9e"
KIND_BAR = {
    "direct": "#1d4ed8",
    "partial": "#6d28d9",
    "paraphrase": "#4d5058",
    "anonymous": "#b58100",
}
KIND_INK = {"direct": "#163b9e", "partial": "#5b21b6", "paraphrase": MUTED, "anonymous": "#7a4a00"}
KIND_IN_WORDS = {
    "direct": "In their own words",
    "partial": "Partly in their own words",
    "paraphrase": "Paraphrased by the reporter",
    "anonymous": "Reported by unnamed sources",
}

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu")]
FONT_FILES = {
    "sans": "DejaVuSans.ttf",
    "sans-bold": "DejaVuSans-Bold.ttf",
    "serif": "DejaVuSerif.ttf",
    "serif-italic": "DejaVuSerif-Italic.ttf",
}
# Quote text sizes, largest first: the largest at which the words fit is used.
QUOTE_SIZES = (72, 64, 56, 48, 42, 36)
QUOTE_TOP, QUOTE_BOTTOM = 128, 448
LINE_SPACING = 1.3
# No preview shows more words than this; longer quotes are cut before measuring.
MOST_CHARACTERS = 500
ELLIPSIS = "…"


@functools.cache
def font(style: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for folder in FONT_DIRS:
        path = folder / FONT_FILES[style]
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def width_of(text: str, face) -> float:
    return face.getlength(text)


def fitting_prefix(text: str, face, width: float) -> int:
    """How many leading characters of the text fit in the width (at least one)."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if width_of(text[:middle], face) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def shortened(text: str, face, width: float) -> str:
    """The text, cut at a word (or a character, for one long word) with an ellipsis, to fit."""
    if width_of(text, face) <= width:
        return text
    kept = fitting_prefix(text, face, width - width_of(ELLIPSIS, face))
    cut = text[:kept]
    if text[kept] != " " and " " in cut.strip():  # not at a word's end: drop the part-word
        cut = cut.rstrip().rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + ELLIPSIS


def wrapped(text: str, face, width: float) -> list[str]:
    """Greedy line breaking at spaces; a word wider than a line is broken where it must be."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if width_of(candidate, face) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while width_of(word, face) > width:
            cut = fitting_prefix(word, face, width)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def joined_to_fit(facts: list[str], face, width: float, separator: str = " · ") -> str:
    """The facts on one line; when they overflow, the longest is shortened so the others stay."""
    longest = max(range(len(facts)), key=lambda i: len(facts[i]), default=None)
    if longest is not None and width_of(separator.join(facts), face) > width:
        others = [fact for i, fact in enumerate(facts) if i != longest]
        room = width - width_of(separator.join(["", *others]), face)
        facts = [*facts]
        facts[longest] = shortened(facts[longest], face, max(room, width / 4))
    return shortened(separator.join(facts), face, width)


def fitted_quote(text: str, style: str, opening: str, closing: str):
    """The quote's lines and font: the largest size at which all of it fits, else the smallest
    with the last line shortened."""
    text = " ".join(text.split())
    if len(text) > MOST_CHARACTERS:
        text = text[:MOST_CHARACTERS].rsplit(" ", 1)[0] + ELLIPSIS
    for size in QUOTE_SIZES:
        face = font(style, size)
        lines = wrapped(f"{opening}{text}{closing}", face, TEXT_WIDTH)
        room = int((QUOTE_BOTTOM - QUOTE_TOP) // (size * LINE_SPACING))
        if len(lines) <= room:
            return lines, face, size
    kept = lines[:room]
    last = shortened(kept[-1] + " " + lines[room], face, TEXT_WIDTH - width_of(closing, face))
    if not last.endswith(ELLIPSIS):
        last += ELLIPSIS
    kept[-1] = last + closing
    return kept, face, size


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    # zlib level 3: half the time of the default 6 for a file 9% larger (about 90 KB).
    image.save(buffer, format="PNG", compress_level=3)
    return buffer.getvalue()


def canvas(bar_colour: str):
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, BAR - 1, HEIGHT], fill=bar_colour)
    return image, draw


def quote_card(*, text: str, kind: str, speaker: str, details: list[str], about: str = "") -> bytes:
    """The PNG for one quote. `details` are short facts (date, outlet) for the last line."""
    image, draw = canvas(KIND_BAR[kind])
    label_face, site_face = font("sans-bold", 28), font("sans-bold", 30)
    site_width = width_of(SITE_NAME, site_face)
    draw.text((WIDTH - MARGIN, 56), SITE_NAME, font=site_face, fill=ACCENT, anchor="rs")
    label = shortened(KIND_IN_WORDS[kind].upper(), label_face, TEXT_WIDTH - site_width - 40)
    draw.text((TEXT_LEFT, 56), label, font=label_face, fill=KIND_INK[kind], anchor="ls")

    verbatim = kind in ("direct", "partial")
    style = "serif" if verbatim else "serif-italic"
    opening, closing = ("“", "”") if verbatim else ("", "")
    lines, face, size = fitted_quote(text, style, opening, closing)
    y = QUOTE_TOP
    for line in lines:
        draw.text((TEXT_LEFT, y), line, font=face, fill=INK)
        y += round(size * LINE_SPACING)

    draw.line([(TEXT_LEFT, 478), (WIDTH - MARGIN, 478)], fill=LINE, width=2)
    speaker_face, details_face = font("sans-bold", 38), font("sans", 27)
    who = speaker + (f", on {about}’s position" if about else "")
    draw.text(
        (TEXT_LEFT, 538),
        shortened(who, speaker_face, TEXT_WIDTH),
        font=speaker_face,
        fill=INK,
        anchor="ls",
    )
    draw.text(
        (TEXT_LEFT, 586),
        joined_to_fit([fact for fact in details if fact], details_face, TEXT_WIDTH),
        font=details_face,
        fill=MUTED,
        anchor="ls",
    )
    return png(image)


def site_card() -> bytes:
    """The PNG for every page without its own: the site's name and what it is for."""
    image, draw = canvas(KIND_BAR["direct"])
    draw.text((TEXT_LEFT, 250), SITE_NAME, font=font("sans-bold", 96), fill=ACCENT, anchor="ls")
    face = font("serif", 44)
    y = 320
    for line in wrapped(TAGLINE, face, TEXT_WIDTH):
        draw.text((TEXT_LEFT, y), line, font=face, fill=INK)
        y += round(44 * LINE_SPACING)
    return png(image)
