"""Print the quotes, paraphrases and anonymous claims found in an article body file."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.extraction import extract_quotes

FIELDS = ("text", "kind", "speaker", "attribution", "start", "end", "confidence")


def _read_body(path: Path) -> str:
    """The file's text, or a CommandError (exit status 2) saying plainly what is wrong."""
    if not path.exists():
        raise CommandError(f"No such file: {path}", returncode=2)
    if path.is_dir():
        raise CommandError(f"Is a directory, not a text file: {path}", returncode=2)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}", returncode=2) from error
    if b"\x00" in raw:
        raise CommandError(f"Not a text file (binary content): {path}", returncode=2)
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CommandError(f"Not valid UTF-8 (byte {error.start}): {path}", returncode=2) from error
    if not body.strip():
        raise CommandError(f"File is empty: {path}", returncode=2)
    return body.removeprefix("\ufeff")


def _person(value: str) -> tuple[str, list[str]]:
    """A --person value as (name, titles), or a CommandError saying what the form is."""
    name, _, titles = value.partition("=")
    titles = [t.strip() for t in titles.split(";") if t.strip()]
    if not name.strip() or not titles:
        raise CommandError(
            f"--person needs NAME=TITLE (titles separated by ';'), not {value!r}", returncode=2
        )
    return " ".join(name.split()), titles


class Command(BaseCommand):
    help = "Extract quotes from a UTF-8 article body and print them as a table or JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="UTF-8 text file holding the article body.")
        parser.add_argument(
            "--format",
            choices=("text", "json"),
            default="text",
            help="json: a list of objects with keys " + ", ".join(FIELDS) + "; text: a table.",
        )
        parser.add_argument(
            "--person",
            action="append",
            default=[],
            metavar="NAME=TITLE[;TITLE...]",
            help=(
                "Someone who held a role on the article's date, so that 'the prime minister said' "
                "is credited to them, e.g. --person 'Roksana Hrytsenko=Prime Minister of Velmora'. "
                "Repeat for several people."
            ),
        )

    def handle(self, *args, path: Path, format: str, person: list[str], **options) -> None:
        known_people = [_person(value) for value in person]
        quotes = extract_quotes(_read_body(path), known_people=known_people)
        if format == "json":
            self.stdout.write(
                json.dumps([q.to_dict() for q in quotes], ensure_ascii=False, indent=2)
            )
            return
        if not quotes:
            self.stdout.write("No quotes found.")
            return
        self.stdout.write(f"{'kind':<11}{'speaker':<26}{'conf':>5}  {'offsets':<12} text")
        for quote in quotes:
            speaker = (quote.speaker or "(unnamed source)")[:25]
            offsets = f"{quote.start}-{quote.end}"
            text = quote.text if len(quote.text) <= 70 else quote.text[:67] + "..."
            self.stdout.write(
                f"{quote.kind:<11}{speaker:<26}{quote.confidence:>5.2f}  {offsets:<12} {text}"
            )
            self.stdout.write(f"{'':<11}  attribution: {quote.attribution or '(from context)'}")
