"""Benchmark the stance-tag suggester on the labelled sentences of tests/tag_suggestion_corpus.json
(its tuning part and an older held-out part) and tests/tag_suggestion_heldout.json (the held-out
part written for issue 12 before any tuning for it, and never tuned on).

Run from the repository root: ``python benchmarks/tag_suggestions.py`` (``-v`` lists the misses).
Prints, for the tuning and the held-out sentences separately, the three figures with targets,
then the effect of each setting on the tuning sentences, then timings up to 150 stances and
100,000 quotes. Exits 1 when a held-out figure misses its target.

The three figures, stated precisely:

- stance top-1: of the labelled on-topic sentences, the share whose first suggestion is the
  labelled stance. No suggestion counts as a miss. Target 0.80.
- alignment when the stance is right: of those, the share whose first suggestion also has the
  labelled alignment. Target 0.75.
- off-topic silence: of the sentences about no stance, the share given no suggestion at all.
  Target 0.80.

What the suggester sees:

- Tuning: an index of the tuning quotes and the tuning corpus's stances. A tagged quote asking is
  left out of the index (leave-one-out); quotes of stances marked ``"tagged": false`` are never
  indexed, so those stances are found from their statement and topic only.
- Held-out: an index of every tagged quote of the first file (tuning and the older held-out part,
  each asking left out of it) and the stances of both files. The second file's quotes are never
  indexed: its five stances have no tagged quote at all.

Measured on 2 December 2026 (settings chosen on the tuning part only; the held-out file was
written and committed before any tuning): tuning 0.82 stance top-1, 0.80 alignment when the
stance is right, 0.88 off-topic silence; held-out 0.96, 0.81 and 0.96. The held-out part scores
higher than the tuning part: its sentences are plainer than the tuning part's partial quotes
("a gesture of good faith"), so read it as meeting the targets, not as the suggester's accuracy
on real articles. Timings on a shared 2-core machine under a load of about 11: from 100,000 tagged
quotes over 150 stances, the index holds 4,800 (the copies reach 96 of the stances, 50 each; at
most it would hold 7,500), builds in about 3 s and answers in about 36 ms; idle, expect several
times faster.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Only so that `python benchmarks/tag_suggestions.py` can import the stances package.
    sys.path.insert(0, str(ROOT))

from stances.tag_suggestions import (  # noqa: E402
    QUOTES_PER_STANCE,
    Example,
    StanceProfile,
    TagSuggester,
)

CORPUS = ROOT / "tests" / "tag_suggestion_corpus.json"
HELD_OUT = ROOT / "tests" / "tag_suggestion_heldout.json"
SPLITS = ("tuning", "heldout")
TARGETS = {
    "stance top-1": 0.80,
    "alignment when the stance is right": 0.75,
    "off-topic silence": 0.80,
}


@dataclass(frozen=True)
class Labelled:
    """A sentence to ask about: its stance and alignment, or stance None when off-topic."""

    id: int
    name: str
    split: str
    text: str
    stance_id: int | None = None
    alignment: str = ""
    indexed: bool = False  # a tagged quote, in the index whenever it is not the one asking


@dataclass(frozen=True)
class Corpus:
    slugs: list[str]
    profiles: dict[str, list[StanceProfile]]  # by split: the stances the suggester knows
    untagged: frozenset[int]  # stances no indexed quote is tagged with
    sentences: list[Labelled]


def load() -> Corpus:
    """Both files, stances numbered by their position (the first file's first)."""
    main = json.loads(CORPUS.read_text(encoding="utf-8"))
    extra = json.loads(HELD_OUT.read_text(encoding="utf-8"))
    topics = {t["slug"]: t for t in main["topics"] + extra["topics"]}
    stances = main["stances"] + extra["stances"]
    ids = {stance["slug"]: n for n, stance in enumerate(stances)}
    profiles = [
        StanceProfile(
            ids[s["slug"]],
            s["statement"],
            s.get("description", ""),
            topics[s["topic"]]["name"],
            topics[s["topic"]]["description"],
        )
        for s in stances
    ]
    untagged = {ids[s["slug"]] for s in main["stances"] if not s.get("tagged", True)}
    untagged |= {ids[s["slug"]] for s in extra["stances"]}
    sentences: list[Labelled] = []

    def add(name, split, text, stance=None, alignment="", indexed=False):
        stance_id = None if stance is None else ids[stance]
        sentences.append(Labelled(len(sentences), name, split, text, stance_id, alignment, indexed))

    for q in main["quotes"]:
        add(
            q["id"],
            q["split"],
            q["text"],
            q["stance"],
            q["alignment"],
            ids[q["stance"]] not in untagged,
        )
    for q in extra["quotes"]:
        add(q["id"], "heldout", q["text"], q["stance"], q["alignment"])
    for n, text in enumerate(main["off_topic"], start=1):
        add(f"off{n:02d}", "tuning", text)
    for n, text in enumerate(extra["off_topic"], start=1):
        add(f"hoff{n:02d}", "heldout", text)
    return Corpus(
        slugs=[s["slug"] for s in stances],
        profiles={"tuning": profiles[: len(main["stances"])], "heldout": profiles},
        untagged=frozenset(untagged),
        sentences=sentences,
    )


@dataclass
class Report:
    on_topic: int = 0
    stance_right: int = 0
    stance_in_top_3: int = 0
    both_right: int = 0
    untagged_stance: int = 0  # sentences about a stance with no tagged quotes
    untagged_stance_right: int = 0
    off_topic: int = 0
    off_topic_silent: int = 0
    unanswered: int = 0  # on-topic sentences given no suggestion
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def share(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    def figures(self) -> dict[str, float]:
        return {
            "stance top-1": self.share(self.stance_right, self.on_topic),
            "alignment when the stance is right": self.share(self.both_right, self.stance_right),
            "off-topic silence": self.share(self.off_topic_silent, self.off_topic),
        }

    def missed_targets(self) -> list[str]:
        return [name for name, value in self.figures().items() if value < TARGETS[name]]


def evaluate(split: str, corpus: Corpus | None = None, **options: Any) -> Report:
    """The three figures for one split's sentences; options go to TagSuggester."""
    corpus = corpus or load()
    profiles = corpus.profiles[split]
    known = {p.stance_id for p in profiles}
    indexed = [
        s for s in corpus.sentences if s.indexed and (split == "heldout" or s.split == split)
    ]

    def suggester(leaving_out: Labelled | None = None) -> TagSuggester:
        examples = (
            Example(s.text, s.stance_id, s.alignment, s.id) for s in indexed if s != leaving_out
        )
        return TagSuggester(examples, profiles, **options)

    shared = suggester()
    report = Report()
    for sentence in corpus.sentences:
        if sentence.split != split or (
            sentence.stance_id is not None and sentence.stance_id not in known
        ):
            continue
        found = (suggester(sentence) if sentence.indexed else shared).suggest(sentence.text)
        if sentence.stance_id is None:
            report.off_topic += 1
            report.off_topic_silent += not found
            if found:
                got = describe(corpus, found)
                report.misses.append(f"{sentence.name} {sentence.text[:50]!r}: want nothing; {got}")
            continue
        first = found[0] if found else None
        right = first is not None and first.stance_id == sentence.stance_id
        report.on_topic += 1
        report.unanswered += not found
        report.stance_right += right
        report.stance_in_top_3 += sentence.stance_id in [s.stance_id for s in found[:3]]
        report.both_right += right and first.alignment == sentence.alignment
        if sentence.stance_id in corpus.untagged:
            report.untagged_stance += 1
            report.untagged_stance_right += right
        if not (right and first.alignment == sentence.alignment):
            want = f"{corpus.slugs[sentence.stance_id]}/{sentence.alignment}"
            got = describe(corpus, found)
            report.misses.append(f"{sentence.name} {sentence.text[:50]!r}: want {want}; {got}")
    return report


def describe(corpus: Corpus, found) -> str:
    listed = ", ".join(f"{corpus.slugs[s.stance_id]}/{s.alignment} {s.score:.2f}" for s in found)
    return f"got {listed or '-'}"


def format_report(title: str, report: Report) -> str:
    lines = [
        f"{title}: {report.on_topic} on-topic sentences ({report.unanswered} given no suggestion,"
        f" {report.untagged_stance} about stances with no tagged quotes),"
        f" {report.off_topic} off-topic"
    ]
    for name, value in report.figures().items():
        verdict = "met" if value >= TARGETS[name] else "MISSED"
        lines.append(f"  {name:<36}{value:>6.2f}   target {TARGETS[name]:.2f} {verdict}")
    lines.append(
        f"  {'(stance top-3)':<36}{report.share(report.stance_in_top_3, report.on_topic):>6.2f}"
    )
    lines.append(
        f"  {'(stance top-1, untagged stances)':<36}"
        f"{report.share(report.untagged_stance_right, report.untagged_stance):>6.2f}"
    )
    return "\n".join(lines)


# Each variant changes one setting from the defaults, to show what that setting buys.
VARIANTS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("defaults", {}),
    ("no trigram blend", {"trigram_weight": 0.0}),
    ("quote's own words don't vote", {"negated_vote": 0.0, "plain_vote": 0.0, "process_vote": 0.0}),
    ("no neutral vote for processes", {"process_vote": 0.0}),
    ("no stance centroids", {"centroid_weight": 0.0}),
    ("centroids without statements", {"statement_weight": 0.0, "topic_weight": 0.0}),
    ("no topic in the centroid", {"topic_weight": 0.0}),
    ("k = 3", {"k": 3}),
    ("k = 8", {"k": 8}),
    ("min score 0.5", {"min_score": 0.5}),
    ("min score 0.6", {"min_score": 0.6}),
    ("min score 0.8", {"min_score": 0.8}),
    ("min score 1.0", {"min_score": 1.0}),
)


def format_variants() -> str:
    lines = [
        "settings, on the tuning sentences",
        f"  {'':<30}{'stance@1':>9}{'align':>7}{'silent':>8}{'untagged':>10}",
    ]
    corpus = load()
    for label, options in VARIANTS:
        r = evaluate("tuning", corpus, **options)
        f = r.figures()
        lines.append(
            f"  {label:<30}{f['stance top-1']:>9.2f}{f['alignment when the stance is right']:>7.2f}"
            f"{f['off-topic silence']:>8.2f}"
            f"{r.share(r.untagged_stance_right, r.untagged_stance):>10.2f}"
        )
    return "\n".join(lines)


def timing(quotes: int, stances: int = 150, asked: int = 200) -> tuple[int, float, float]:
    """(indexed quotes, milliseconds to build the index, milliseconds per suggestion) for a
    database of ``quotes`` tagged quotes over ``stances`` stances.

    The corpus is copied under new ids: a pessimistic stand-in for real quotes, since every word
    then has as many postings as copies. As TagSuggester.from_database does, only the newest
    QUOTES_PER_STANCE quotes of each stance are indexed, so the index stops growing at
    ``stances * QUOTES_PER_STANCE`` quotes.
    """
    corpus = load()
    tagged = [s for s in corpus.sentences if s.indexed]
    base = corpus.profiles["heldout"]
    profiles = [StanceProfile(n, *base[n % len(base)][1:]) for n in range(stances)]
    newest: dict[int, list[Example]] = {}
    for n in reversed(range(quotes)):  # newest (highest id) first
        s = tagged[n % len(tagged)]
        stance_id = (s.stance_id + len(base) * (n // len(tagged))) % stances
        kept = newest.setdefault(stance_id, [])
        if len(kept) < QUOTES_PER_STANCE:
            kept.append(Example(s.text, stance_id, s.alignment, n))
    examples = sorted((e for kept in newest.values() for e in kept), key=lambda e: e.quote_id)
    began = time.perf_counter()
    suggester = TagSuggester(examples, profiles)
    built = time.perf_counter() - began
    questions = [s.text for s in corpus.sentences][:asked]
    began = time.perf_counter()
    for text in questions:
        suggester.suggest(text)
    elapsed = time.perf_counter() - began
    return len(suggester), 1000 * built, 1000 * elapsed / len(questions)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    corpus = load()
    missed = []
    for title, split in (("tuning", "tuning"), ("held-out", "heldout")):
        report = evaluate(split, corpus)
        print(format_report(title, report))
        if verbose:
            print("\n".join(f"    {line}" for line in report.misses))
        print()
        if split == "heldout":
            missed = report.missed_targets()
    if "--quick" not in argv:
        print(format_variants())
        print()
        for quotes in (1_000, 10_000, 100_000):
            indexed, build_ms, per_suggestion_ms = timing(quotes)
            print(
                f"time: {quotes:>7,} tagged quotes, 150 stances: {indexed:>6,} indexed in"
                f" {build_ms:7.1f} ms; {per_suggestion_ms:.2f} ms per suggestion"
            )
    if missed:
        print(f"held-out targets missed: {', '.join(missed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
