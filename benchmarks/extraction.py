"""Benchmark the quote extractor against the labelled corpus in tests/extraction_corpus/.

Run from the repository root: ``python benchmarks/extraction.py`` (or ``python -m
benchmarks.extraction``). Prints precision, recall and speaker accuracy per kind for the tuning
set, the held-out set and both, then a throughput figure.

Matching, stated precisely:

- Text is normalised to lower-case word tokens (letters, digits, apostrophes; curly apostrophes
  made straight), so punctuation and spacing never decide a match.
- A predicted item and a gold item are a candidate pair when their kinds are *equal* (a direct
  quote predicted as partial counts as a miss and a false positive) and the token Dice overlap
  ``2 * |common tokens| / (|gold tokens| + |predicted tokens|)`` is at least 0.6 (multiset
  intersection). This allows a paraphrase clause to start or stop a word or two differently, but
  not to be a different statement.
- Pairs are assigned one-to-one, highest overlap first. Precision for a kind is matched
  predictions of that kind over all predictions of that kind; recall is matched gold items over
  all gold items of that kind.
- Speaker accuracy is over matched pairs: names compared case-insensitively, ignoring a leading
  "the" and spacing; for anonymous items both speakers must be empty.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Only so that `python benchmarks/extraction.py` can import the articles package.
    sys.path.insert(0, str(ROOT))

from articles.extraction import KINDS, ExtractedQuote, extract_quotes  # noqa: E402

CORPUS = ROOT / "tests" / "extraction_corpus"
SPLITS = ("tuning", "heldout")
THRESHOLD = 0.6


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def overlap(gold: str, predicted: str) -> float:
    g, p = Counter(tokens(gold)), Counter(tokens(predicted))
    total = sum(g.values()) + sum(p.values())
    return 2 * sum((g & p).values()) / total if total else 0.0


def same_speaker(gold: str | None, predicted: str | None) -> bool:
    def norm(name: str | None) -> str:
        text = " ".join((name or "").lower().replace("\u2019", "'").split())
        return re.sub(r"^the ", "", text)

    return norm(gold) == norm(predicted)


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 1.0


@dataclass
class Report:
    by_kind: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    misses: list[str] = field(default_factory=list)
    articles: int = 0
    words: int = 0

    def overall(self) -> Tally:
        total = Tally()
        for tally in self.by_kind.values():
            total.gold += tally.gold
            total.predicted += tally.predicted
            total.matched += tally.matched
            total.speaker_right += tally.speaker_right
        return total


def load(split: str) -> list[tuple[str, str, list[dict]]]:
    """(name, body, gold quotes) for every article in a split."""
    articles = []
    for path in sorted((CORPUS / split).glob("*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["quotes"]
        articles.append((path.stem, path.read_text(encoding="utf-8"), gold))
    return articles


def score_article(name: str, gold: list[dict], predicted: list[ExtractedQuote], report: Report):
    pairs = sorted(
        (
            (overlap(g["text"], p.text), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if g["kind"] == p.kind
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for score, gi, pi in pairs:
        if score < THRESHOLD or gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        tally = report.by_kind[gold[gi]["kind"]]
        tally.matched += 1
        if same_speaker(gold[gi]["speaker"], predicted[pi].speaker):
            tally.speaker_right += 1
        else:
            report.misses.append(
                f"{name}: speaker {predicted[pi].speaker!r} != {gold[gi]['speaker']!r}"
                f" for {gold[gi]['text'][:50]!r}"
            )
    for gi, g in enumerate(gold):
        report.by_kind[g["kind"]].gold += 1
        if gi not in used_gold:
            report.misses.append(f"{name}: missed {g['kind']} {g['text'][:60]!r}")
    for pi, p in enumerate(predicted):
        report.by_kind[p.kind].predicted += 1
        if pi not in used_pred:
            report.misses.append(f"{name}: extra {p.kind} {p.text[:60]!r} ({p.speaker})")


def evaluate(splits: tuple[str, ...] = SPLITS) -> Report:
    """Score the extractor on the named corpus splits."""
    report = Report()
    for split in splits:
        for name, body, gold in load(split):
            score_article(f"{split}/{name}", gold, extract_quotes(body), report)
            report.articles += 1
            report.words += len(body.split())
    return report


def format_report(title: str, report: Report) -> str:
    lines = [
        f"{title} ({report.articles} articles)",
        f"  {'kind':<11}{'gold':>5}{'pred':>6}{'match':>6}{'P':>7}{'R':>7}{'speaker':>9}",
    ]
    for kind, tally in [*report.by_kind.items(), ("all", report.overall())]:
        lines.append(
            f"  {kind:<11}{tally.gold:>5}{tally.predicted:>6}{tally.matched:>6}"
            f"{tally.precision:>7.2f}{tally.recall:>7.2f}{tally.speaker_accuracy:>9.2f}"
        )
    return "\n".join(lines)


def throughput(repeat: int = 20) -> tuple[float, float]:
    """(milliseconds per article, words per second) over the whole corpus."""
    bodies = [body for split in SPLITS for _, body, _ in load(split)]
    words = sum(len(b.split()) for b in bodies) * repeat
    began = time.perf_counter()
    for _ in range(repeat):
        for body in bodies:
            extract_quotes(body)
    elapsed = time.perf_counter() - began
    return 1000 * elapsed / (repeat * len(bodies)), words / elapsed


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    for title, splits in (("tuning", ("tuning",)), ("held-out", ("heldout",)), ("all", SPLITS)):
        report = evaluate(splits)
        print(format_report(title, report))
        if verbose and title != "all":
            print("\n".join(f"    {line}" for line in report.misses))
        print()
    per_article, words_per_second = throughput()
    print(f"throughput: {per_article:.2f} ms per article, {words_per_second:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
