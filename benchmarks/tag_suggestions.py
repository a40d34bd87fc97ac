"""Benchmark the stance-tag suggester on the labelled quotes in tests/tag_suggestion_corpus.json.

Run from the repository root: ``python benchmarks/tag_suggestions.py`` (or ``python -m
benchmarks.tag_suggestions``). Prints leave-one-out accuracy for the tuning quotes, the held-out
quotes and all of them, next to a majority baseline; then the effect of each setting on the tuning
quotes, and how many off-topic sentences still get a suggestion; then the time per suggestion.

Scoring, stated precisely:

- Leave-one-out: each quote is suggested from an index of every *other* quote in the corpus
  (tuning and held-out alike), built afresh, so the quote never sees itself or its own words'
  document frequencies. A split's figures are over the quotes of that split.
- Top-n stance accuracy: the quote's labelled stance is among the first n suggestions.
  Top-n stance+alignment: the first n suggestions include the labelled stance *with* the labelled
  alignment. A quote with no suggestion (every candidate under the minimum score) is a miss.
- Majority baseline: suggest the n stances (or stance+alignment pairs) most frequent in the whole
  corpus, whatever the text; ties go to the stance listed first. Counting the quote itself
  flatters the baseline a little, but leaving it out would make the baseline worse than chance
  (on a near-balanced corpus, leaving one out hands the majority to another stance).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Only so that `python benchmarks/tag_suggestions.py` can import the stances package.
    sys.path.insert(0, str(ROOT))

from stances.tag_suggestions import Example, TagSuggester  # noqa: E402

CORPUS = ROOT / "tests" / "tag_suggestion_corpus.json"
SPLITS = ("tuning", "heldout")


@dataclass(frozen=True)
class LabelledQuote:
    id: int
    name: str
    split: str
    text: str
    stance_id: int
    alignment: str


def off_topic() -> list[str]:
    """Sentences about no stance in the corpus: the suggester should offer nothing for them."""
    return json.loads(CORPUS.read_text(encoding="utf-8"))["off_topic"]


def off_topic_answered(**options: Any) -> int:
    """How many off-topic sentences get a suggestion from an index of the whole corpus."""
    _, quotes = load()
    suggester = TagSuggester(map(example, quotes), **options)
    return sum(bool(suggester.suggest(text)) for text in off_topic())


def load() -> tuple[list[str], list[LabelledQuote]]:
    """The stance slugs (a stance's id is its position) and the labelled quotes."""
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    slugs = [stance["slug"] for stance in data["stances"]]
    ids = {slug: n for n, slug in enumerate(slugs)}
    quotes = [
        LabelledQuote(n, q["id"], q["split"], q["text"], ids[q["stance"]], q["alignment"])
        for n, q in enumerate(data["quotes"])
    ]
    return slugs, quotes


def example(quote: LabelledQuote) -> Example:
    return Example(quote.text, quote.stance_id, quote.alignment, quote.id)


@dataclass
class Report:
    quotes: int = 0
    stance_hits: Counter = field(default_factory=Counter)  # n -> quotes right within top n
    pair_hits: Counter = field(default_factory=Counter)
    baseline_stance_hits: Counter = field(default_factory=Counter)
    baseline_pair_hits: Counter = field(default_factory=Counter)
    unanswered: int = 0
    misses: list[str] = field(default_factory=list)

    def rate(self, hits: Counter, n: int) -> float:
        return hits[n] / self.quotes if self.quotes else 0.0

    def stance_accuracy(self, n: int) -> float:
        return self.rate(self.stance_hits, n)

    def pair_accuracy(self, n: int) -> float:
        return self.rate(self.pair_hits, n)

    def baseline_stance_accuracy(self, n: int) -> float:
        return self.rate(self.baseline_stance_hits, n)

    def baseline_pair_accuracy(self, n: int) -> float:
        return self.rate(self.baseline_pair_hits, n)


def most_frequent(labels: list[Any], n: int) -> list[Any]:
    counts = Counter(labels)
    return sorted(counts, key=lambda label: (-counts[label], label))[:n]


def evaluate(
    splits: tuple[str, ...] = SPLITS, corpus: list[LabelledQuote] | None = None, **options: Any
) -> Report:
    """Leave-one-out scores for the quotes of the named splits; options go to TagSuggester."""
    slugs, quotes = load() if corpus is None else ([], corpus)
    report = Report()
    majority_stances = most_frequent([q.stance_id for q in quotes], 3)
    majority_pairs = most_frequent([(q.stance_id, q.alignment) for q in quotes], 3)
    for quote in quotes:
        if quote.split not in splits:
            continue
        others = [q for q in quotes if q.id != quote.id]
        suggestions = TagSuggester(map(example, others), **options).suggest(quote.text)
        stances = [s.stance_id for s in suggestions]
        pairs = [(s.stance_id, s.alignment) for s in suggestions]
        gold_pair = (quote.stance_id, quote.alignment)
        report.quotes += 1
        report.unanswered += not suggestions
        for n in (1, 3):
            report.stance_hits[n] += quote.stance_id in stances[:n]
            report.pair_hits[n] += gold_pair in pairs[:n]
            report.baseline_stance_hits[n] += quote.stance_id in majority_stances[:n]
            report.baseline_pair_hits[n] += gold_pair in majority_pairs[:n]
        if gold_pair not in pairs[:1]:
            got = ", ".join(
                f"{slugs[s] if slugs else s}/{a} {sc:.2f}" for s, a, sc, _ in suggestions
            )
            want = f"{slugs[quote.stance_id] if slugs else quote.stance_id}/{quote.alignment}"
            report.misses.append(f"{quote.name} {quote.text[:50]!r}: want {want}; got {got or '-'}")
    return report


def format_report(title: str, report: Report) -> str:
    lines = [
        f"{title} ({report.quotes} quotes, {report.unanswered} without a suggestion)",
        f"  {'':<28}{'top-1':>7}{'top-3':>7}   {'baseline top-1':>14}{'top-3':>7}",
    ]
    for label, ours, baseline in (
        ("stance", report.stance_accuracy, report.baseline_stance_accuracy),
        ("stance + alignment", report.pair_accuracy, report.baseline_pair_accuracy),
    ):
        lines.append(
            f"  {label:<28}{ours(1):>7.2f}{ours(3):>7.2f}   {baseline(1):>14.2f}{baseline(3):>7.2f}"
        )
    return "\n".join(lines)


# Each variant changes one setting from the defaults, to show what that setting buys.
VARIANTS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("defaults", {}),
    ("no trigram blend", {"trigram_weight": 0.0}),
    ("trigram weight 0.3", {"trigram_weight": 0.3}),
    ("trigram weight 0.7", {"trigram_weight": 0.7}),
    ("quote's own words don't vote", {"negated_vote": 0.0, "plain_vote": 0.0}),
    ("negated vote 0.75", {"negated_vote": 0.75}),
    ("negated vote 2", {"negated_vote": 2.0}),
    ("plain vote 0.25", {"plain_vote": 0.25}),
    ("plain vote 1.25", {"plain_vote": 1.25}),
    ("k = 1", {"k": 1}),
    ("k = 3", {"k": 3}),
    ("k = 5", {"k": 5}),
    ("k = 8", {"k": 8}),
    ("no trigram floor", {"trigram_floor": 0.0}),
    ("trigram floor 0.2", {"trigram_floor": 0.2}),
    ("min score 0", {"min_score": 0.0}),
    ("min score 0.1", {"min_score": 0.1}),
    ("min score 0.2", {"min_score": 0.2}),
    ("min score 0.3", {"min_score": 0.3}),
)


def format_variants(splits: tuple[str, ...] = ("tuning",)) -> str:
    lines = [
        f"settings, leave-one-out on {' + '.join(splits)}",
        f"  {'':<30}{'stance@1':>9}{'stance@3':>9}{'pair@1':>8}{'pair@3':>8}{'none':>6}"
        f"{'off-topic':>11}",
    ]
    for label, options in VARIANTS:
        r = evaluate(splits, **options)
        lines.append(
            f"  {label:<30}{r.stance_accuracy(1):>9.2f}{r.stance_accuracy(3):>9.2f}"
            f"{r.pair_accuracy(1):>8.2f}{r.pair_accuracy(3):>8.2f}{r.unanswered:>6}"
            f"{off_topic_answered(**options):>8}/{len(off_topic())}"
        )
    return "\n".join(lines)


def timing(copies: int = 1, repeat: int = 5) -> tuple[int, float, float]:
    """(indexed quotes, milliseconds to build the index, milliseconds per suggestion).

    ``copies`` repeats the corpus under new quote ids, to time an index of thousands of quotes:
    a pessimistic stand-in for real ones, since every word then has ``copies`` times the postings.
    """
    _, quotes = load()
    examples = [
        Example(q.text, q.stance_id, q.alignment, copy * len(quotes) + q.id)
        for copy in range(copies)
        for q in quotes
    ]
    began = time.perf_counter()
    suggester = TagSuggester(examples)
    built = time.perf_counter() - began
    began = time.perf_counter()
    for _ in range(repeat):
        for quote in quotes:
            suggester.suggest(quote.text, exclude_quote_id=quote.id)
    elapsed = time.perf_counter() - began
    return len(suggester), 1000 * built, 1000 * elapsed / (repeat * len(quotes))


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    for title, splits in (("tuning", ("tuning",)), ("held-out", ("heldout",)), ("all", SPLITS)):
        report = evaluate(splits)
        print(format_report(title, report))
        if verbose:
            print("\n".join(f"    {line}" for line in report.misses))
        print()
    print(f"off-topic sentences given a suggestion: {off_topic_answered()}/{len(off_topic())}")
    print()
    print(format_variants())
    print()
    for copies in (1, 10, 35):
        indexed, build_ms, per_suggestion_ms = timing(copies)
        print(
            f"time: {indexed:>5} quotes indexed in {build_ms:6.1f} ms;"
            f" {per_suggestion_ms:.2f} ms per suggestion"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
