"""Reads a dataset file a record at a time, with the line each record starts on.

Any valid JSON is read (the exporter's one record per line is not required), but only one
record is held at a time: the top-level object is walked by hand and each value in it, or each
record of a section's list, is decoded on its own.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TextIO

from .schema import SECTIONS

CHUNK = 1 << 20  # characters read at a time
LARGEST_RECORD = 256 << 20  # a record longer than this is taken for broken JSON
WHITESPACE = " \t\n\r"


class FileProblem(Exception):
    """The file cannot be read as a dataset at all (not JSON, not an object, truncated ...)."""


@dataclass(frozen=True)
class Header:
    key: str
    value: object
    line: int


@dataclass(frozen=True)
class Section:
    """The start of a section's list; its records follow."""

    name: str
    line: int


@dataclass(frozen=True)
class Record:
    section: str
    index: int  # from 0, as in JSON paths: quotes[0] is the first quote
    line: int
    value: object

    def __str__(self):
        return f"{self.section}[{self.index}] (line {self.line})"


class Reader:
    def __init__(self, stream: TextIO, on_read: Callable[[int], None] | None = None):
        self.stream = stream
        self.on_read = on_read or (lambda characters: None)
        self.buffer = ""
        self.pos = 0
        self.line = 1
        self.read_so_far = 0
        self.ended = False

    def items(self) -> Iterator[Header | Section | Record]:
        """The top-level keys that are not sections (as Header), and each section's start and
        records."""
        self.skip_whitespace()
        if self.peek() != "{":
            raise FileProblem(
                "line 1: this is not a dataset file: it should be one JSON object, starting with {"
                if self.peek()
                else "the file is empty"
            )
        self.pos += 1
        first = True
        while True:
            self.skip_whitespace()
            if self.peek() == "}":
                self.pos += 1
                break
            if not first:
                self.expect(",")
                self.skip_whitespace()
            first = False
            line = self.line
            key = self.value()
            if not isinstance(key, str):
                raise FileProblem(f"line {line}: not valid JSON: expected a key in quotes")
            self.skip_whitespace()
            self.expect(":")
            self.skip_whitespace()
            if key in SECTIONS and self.peek() == "[":
                yield Section(key, line)
                yield from self.records(key)
            else:
                yield Header(key, self.value(), line)
        self.skip_whitespace()
        if self.peek():
            raise FileProblem(f"line {self.line}: more data after the end of the dataset")

    def records(self, section: str) -> Iterator[Record]:
        self.pos += 1  # [
        index = 0
        while True:
            self.skip_whitespace()
            if self.peek() == "]":
                self.pos += 1
                return
            if index:
                self.expect(",")
                self.skip_whitespace()
            line = self.line
            yield Record(section, index, line, self.value())
            index += 1

    # Characters -------------------------------------------------------------------------------

    def fill(self) -> bool:
        """Reads more of the file; False at its end."""
        if self.ended:
            return False
        more = self.stream.read(max(CHUNK, len(self.buffer) - self.pos))
        if not more:
            self.ended = True
            return False
        self.buffer = self.buffer[self.pos :] + more
        self.pos = 0
        self.read_so_far += len(more)
        self.on_read(self.read_so_far)
        return True

    def peek(self) -> str:
        if self.pos >= len(self.buffer) and not self.fill():
            return ""
        return self.buffer[self.pos]

    def skip_whitespace(self) -> None:
        while True:
            start = self.pos
            while self.pos < len(self.buffer) and self.buffer[self.pos] in WHITESPACE:
                self.pos += 1
            self.line += self.buffer.count("\n", start, self.pos)
            if self.pos < len(self.buffer) or not self.fill():
                return

    def expect(self, character: str) -> None:
        found = self.peek()
        if found != character:
            shown = repr(found) if found else "the end of the file"
            raise FileProblem(
                f"line {self.line}: not valid JSON: expected {character!r}, found {shown}"
                + ("" if found else " (is the file cut short?)")
            )
        self.pos += 1

    def refuse_constant(self, name: str):
        raise FileProblem(f"line {self.line}: not valid JSON: {name} is not a number in JSON")

    def value(self):
        """Decodes the JSON value that starts here, reading more of the file as it needs."""
        if not self.peek():
            raise FileProblem(
                f"line {self.line}: the file ends in the middle of the dataset (is it cut short?)"
            )
        decoder = json.JSONDecoder(parse_constant=self.refuse_constant)
        while True:
            try:
                value, end = decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as error:
                too_long = len(self.buffer) - self.pos > LARGEST_RECORD
                if too_long or not self.fill():
                    line = self.line + self.buffer.count("\n", self.pos, error.pos)
                    raise FileProblem(f"line {line}: not valid JSON: {error.msg}") from None
                continue
            # A number may go on in what is not read yet.
            if end == len(self.buffer) and self.fill():
                continue
            self.line += self.buffer.count("\n", self.pos, end)
            self.pos = end
            return value
