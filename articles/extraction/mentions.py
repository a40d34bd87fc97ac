"""A mention of a possible speaker in an article body, shared by the modules that find them."""

from __future__ import annotations

from dataclasses import dataclass

ANON = "<anonymous>"


@dataclass(eq=False)  # compared by identity: the same words at the same place
class Mention:
    """One reference to a possible speaker, at body offsets [start, end)."""

    start: int
    end: int
    kind: str  # "person" | "org" | "pronoun"
    name: str
    possessive: bool = False
    gender: str | None = None  # for pronouns: "m" or "f"
    title: str = ""  # for people: the title the text gave them ("Prime Minister")
