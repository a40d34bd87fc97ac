"""Suggests stance tags (stance and alignment) for a quote: from similar quotes already tagged,
and from the stances' own statements and topics, or nothing when the evidence is weak.

A small nearest-neighbour model in pure Python: words are lower-cased, stripped of punctuation and
of a short English stop-word list, and lightly stemmed (stances/tokeniser.py); quotes
become TF-IDF vectors compared by cosine. Partial quotes are often two to four words, too few for
word overlap, so for short quotes the score is blended with character-trigram similarity, which
still matches "tariff wall" with "wall of tariffs" or "arming" with "arm". Each stance also has a
profile, its statement (and description) and its topic's name and description, so that a stance
nobody has tagged a quote with yet can be suggested too.

Why not PostgreSQL's pg_trgm or full-text search: SQLite is the embedded default and the tests run
on both databases, so a database-side ranking would differ between them (or exist on one only).
In memory, both see the same ranking.

Abstention: a suggestion an editor must reject costs more than none, so a stance is suggested only
when its score reaches ``min_score``, a threshold calibrated on the tuning part of the labelled
corpus. Figures, timings and the choice of every setting: ``python benchmarks/tag_suggestions.py``.
The alignment is read from the quote's own words (stances/alignment_cues.py) and from the
neighbours' tags: a stance's quotes for and against share most of their words, so the neighbours
alone barely beat always answering "supports".
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from typing import NamedTuple

from .alignment_cues import reports_process, speaks_against
from .tokeniser import tokens, trigrams

SUPPORTS = "supports"

# The most tagged quotes of one stance that the database index reads (the newest first).
QUOTES_PER_STANCE = 50
OPPOSES = "opposes"
NEUTRAL = "neutral"


class Example(NamedTuple):
    """One labelled quote: its text, the stance it was tagged with and the alignment."""

    text: str
    stance_id: int
    alignment: str
    quote_id: int | None = None


class StanceProfile(NamedTuple):
    """What a stance says about itself: found even before any quote is tagged with it."""

    stance_id: int
    statement: str
    description: str = ""
    topic_name: str = ""
    topic_description: str = ""


class Suggestion(NamedTuple):
    """A suggested tag, with its score and the ids of the tagged quotes behind it (none when
    only the stance's statement and topic matched)."""

    stance_id: int
    alignment: str
    score: float
    evidence_quote_ids: tuple[int, ...]


class _Document(NamedTuple):
    key: int  # the quote id, or the position in the input when there is none: breaks ties
    quote_id: int | None
    labels: tuple[tuple[int, str], ...]
    trigram_count: int


class TagSuggester:
    """An in-memory similarity index over tagged quotes and stances that votes for tags.

    A quote's neighbours are the ``k`` most similar tagged quotes (cosine of TF-IDF vectors,
    blended with character-trigram similarity for short quotes). Each neighbour adds its
    similarity to every (stance, alignment) it is tagged with. Each stance also has a centroid:
    the sum of its quotes' vectors, of its statement's (and description's) times
    ``statement_weight`` and of its topic's name and description times ``topic_weight``,
    normalised; a stance with no tagged quote has only the latter two. A stance's score is its
    neighbours' sum plus ``centroid_weight`` times the quote's cosine with its centroid. Stances
    under ``min_score`` are not suggested: when none reaches it, the answer is no suggestion.

    The alignment is the one with most weight once the quote's own words have voted too: for
    "neutral", worth ``process_vote`` times the stance's score, when the quote reports a process
    (talks, a review) in words the statement does not use; otherwise for "opposes", worth
    ``negated_vote`` times the score, when the quote speaks against the stance's statement
    (alignment_cues.speaks_against), or for "supports", worth ``plain_vote`` times the score.
    A cue is strong evidence and, above 1, always wins; its absence is weak evidence, so
    neighbours that agree almost unanimously (typically: all neutral) overrule it.
    """

    def __init__(
        self,
        examples: Iterable[Example],
        stances: Iterable[StanceProfile] = (),
        *,
        k: int = 5,
        min_score: float = 0.7,
        trigram_weight: float = 0.5,
        short_words: int = 4,
        trigram_floor: float = 0.1,
        negated_vote: float = 1.25,
        plain_vote: float = 0.75,
        statement_weight: float = 2.0,
        topic_weight: float = 0.3,
        centroid_weight: float = 3.0,
        process_vote: float = 1.25,
    ) -> None:
        self.k = k
        self.min_score = min_score
        self.trigram_weight = trigram_weight
        self.short_words = short_words
        self.trigram_floor = trigram_floor
        self.negated_vote = negated_vote
        self.plain_vote = plain_vote
        self.statement_weight = statement_weight
        self.topic_weight = topic_weight
        self.centroid_weight = centroid_weight
        self.process_vote = process_vote

        texts: list[str] = []
        labels: list[dict[int, str]] = []
        quote_ids: list[int | None] = []
        position_by_quote: dict[int, int] = {}
        for example in examples:
            # The database yields one row per tag; a quote with two tags is one document.
            if example.quote_id is not None and example.quote_id in position_by_quote:
                labels[position_by_quote[example.quote_id]][example.stance_id] = example.alignment
                continue
            if example.quote_id is not None:
                position_by_quote[example.quote_id] = len(texts)
            texts.append(example.text)
            labels.append({example.stance_id: example.alignment})
            quote_ids.append(example.quote_id)

        profiles = sorted(stances, key=lambda profile: profile.stance_id)
        self._statements = {p.stance_id: p.statement for p in profiles}
        statement_tokens = [tokens(f"{p.statement} {p.description}") for p in profiles]
        topic_tokens = [tokens(f"{p.topic_name} {p.topic_description}") for p in profiles]

        # Profiles count as documents for the word weights: a word in every statement ("Drassia"
        # in all the sanctions stances) tells stances apart less than a word in one.
        token_lists = [tokens(text) for text in texts]
        document_frequency = Counter(t for ts in (*token_lists, *statement_tokens) for t in set(ts))
        self._documents_count = len(texts) + len(profiles)
        self._idf = {
            token: self._smoothed_idf(count) for token, count in document_frequency.items()
        }

        # Inverted indexes: only documents sharing a token or a trigram with the quote are scored.
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self._trigram_postings: dict[str, list[int]] = defaultdict(list)
        self._documents: list[_Document] = []
        # A stance's centroid: the sum of its quotes' vectors and of its profile's, normalised.
        centroids: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for index, (text, ts) in enumerate(zip(texts, token_lists, strict=True)):
            vector = self._vector(ts)
            for token, weight in vector.items():
                self._postings[token].append((index, weight))
                for stance_id in labels[index]:
                    centroids[stance_id][token] += weight
            grams = trigrams(text)
            for gram in grams:
                self._trigram_postings[gram].append(index)
            quote_id = quote_ids[index]
            self._documents.append(
                _Document(
                    key=quote_id if quote_id is not None else index,
                    quote_id=quote_id,
                    labels=tuple(sorted(labels[index].items())),
                    trigram_count=len(grams),
                )
            )
        for profile, statement, topic in zip(profiles, statement_tokens, topic_tokens, strict=True):
            centroid = centroids[profile.stance_id]
            for token, weight in self._vector(statement).items():
                centroid[token] += self.statement_weight * weight
            for token, weight in self._vector(topic).items():
                centroid[token] += self.topic_weight * weight
        self._profile_postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for stance_id, centroid in centroids.items():
            norm = math.sqrt(sum(w * w for w in centroid.values()))
            if not norm:
                continue  # a stance with no quotes and a statement of stop words only
            for token, weight in centroid.items():
                self._profile_postings[token].append((stance_id, weight / norm))

    @classmethod
    def from_database(cls, **options) -> TagSuggester:
        """An index of the newest ``QUOTES_PER_STANCE`` tagged quotes of each stance, leaving out
        retracted ones (drafts count), in one query, and of every stance's statement and topic,
        in another."""
        from django.db.models import F, Window
        from django.db.models.functions import RowNumber

        from stances.models import Quote, Stance, StanceTag

        rows = (
            StanceTag.objects.exclude(quote__status=Quote.Status.RETRACTED)
            # Bounded whatever the data: the newest quotes of each stance are neighbours enough,
            # and 150 stances make at most 150 * QUOTES_PER_STANCE documents.
            .annotate(
                newest=Window(
                    RowNumber(), partition_by=[F("stance_id")], order_by=F("quote_id").desc()
                )
            )
            .filter(newest__lte=QUOTES_PER_STANCE)
            # An explicit order replaces the model's (which joins stance and topic) and makes
            # the index, hence ties between equal scores, the same on SQLite and PostgreSQL.
            .order_by("quote_id", "stance_id")
            .values_list("quote__text", "quote__id", "stance_id", "alignment")
        )
        profiles = (
            Stance.objects.order_by("pk")
            .values_list("pk", "statement", "description", "topic__name", "topic__description")
            .iterator()
        )
        return cls(
            (
                Example(text, stance_id, alignment, quote_id)
                for text, quote_id, stance_id, alignment in rows
            ),
            (StanceProfile(*row) for row in profiles),
            **options,
        )

    def __len__(self) -> int:
        return len(self._documents)

    def suggest(
        self,
        text: str,
        exclude_quote_id: int | None = None,
        exclude_stance_ids: Collection[int] = (),
        limit: int = 3,
    ) -> list[Suggestion]:
        """Up to ``limit`` tags for the text, best first (score descending, then stance id);
        none when no stance reaches ``min_score``.

        ``exclude_quote_id`` leaves the quote itself out of its neighbours (it is in the index
        once tagged); ``exclude_stance_ids`` are the stances the quote already has.
        """
        excluded = set(exclude_stance_ids)
        weights: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        evidence: dict[int, list[int]] = defaultdict(list)
        for index, similarity in self._neighbours(text, exclude_quote_id):
            document = self._documents[index]
            for stance_id, alignment in document.labels:
                if stance_id in excluded:
                    continue
                weights[stance_id][alignment] += similarity
                if document.quote_id is not None:
                    evidence[stance_id].append(document.quote_id)
        profile_scores = self._profile_scores(text)

        suggestions = []
        for stance_id in weights.keys() | profile_scores.keys():
            if stance_id in excluded:
                continue
            votes = dict(weights.get(stance_id, {}))
            score = sum(votes.values()) + profile_scores.get(stance_id, 0.0)
            if score < self.min_score:
                continue
            # The quote's own words vote as well: measured on the corpus, they predict supports
            # and opposes better than the neighbours do.
            statement = self._statements.get(stance_id, "")
            if reports_process(text, statement):
                votes[NEUTRAL] = votes.get(NEUTRAL, 0.0) + self.process_vote * score
            elif speaks_against(text, statement):
                votes[OPPOSES] = votes.get(OPPOSES, 0.0) + self.negated_vote * score
            else:
                votes[SUPPORTS] = votes.get(SUPPORTS, 0.0) + self.plain_vote * score
            # Alphabetical order breaks an exact tie between alignments: neutral, then opposes.
            alignment = max(sorted(votes), key=lambda a: votes[a])
            suggestions.append(
                Suggestion(stance_id, alignment, round(score, 6), tuple(evidence[stance_id]))
            )
        # Rounding above keeps float noise from deciding the order between equal scores.
        suggestions.sort(key=lambda s: (-s.score, s.stance_id))
        return suggestions[:limit]

    def _profile_scores(self, text: str) -> dict[int, float]:
        """Each stance's weighted similarity of its statement and topic to the text."""
        scores: dict[int, float] = defaultdict(float)
        for token, weight in self._vector(tokens(text)).items():
            for stance_id, profile_weight in self._profile_postings.get(token, ()):
                scores[stance_id] += self.centroid_weight * weight * profile_weight
        return scores

    def _neighbours(self, text: str, exclude_quote_id: int | None) -> list[tuple[int, float]]:
        """(document index, similarity) of the ``k`` most similar documents, most similar first."""
        query_tokens = tokens(text)
        similarity: dict[int, float] = defaultdict(float)
        for token, weight in self._vector(query_tokens).items():
            for index, document_weight in self._postings.get(token, ()):
                similarity[index] += weight * document_weight

        blend = self._trigram_share(len(query_tokens))
        if blend:
            grams = trigrams(text)
            shared: Counter[int] = Counter()
            for gram in grams:
                shared.update(self._trigram_postings.get(gram, ()))
            for index in similarity.keys() | shared.keys():
                count = self._documents[index].trigram_count
                overlap = shared[index] / math.sqrt(len(grams) * count) if count else 0.0
                # Unrelated words share a few trigrams by chance; only overlap above that counts.
                overlap = max(0.0, overlap - self.trigram_floor) / (1 - self.trigram_floor)
                similarity[index] = (1 - blend) * similarity[index] + blend * overlap

        documents = self._documents
        # nsmallest: the k best without sorting every document that shares a word.
        return heapq.nsmallest(
            self.k,
            (
                (index, score)
                for index, score in similarity.items()
                if score > 0
                and (exclude_quote_id is None or documents[index].quote_id != exclude_quote_id)
            ),
            key=lambda pair: (-round(pair[1], 9), documents[pair[0]].key),
        )

    def _trigram_share(self, token_count: int) -> float:
        """Weight of trigram similarity: full for short quotes, fading out at twice that length."""
        if token_count <= self.short_words:
            return self.trigram_weight
        fade = (2 * self.short_words - token_count) / self.short_words
        return self.trigram_weight * max(0.0, fade)

    def _smoothed_idf(self, document_frequency: int) -> float:
        return math.log((1 + self._documents_count) / (1 + document_frequency)) + 1

    def _vector(self, token_list: list[str]) -> dict[str, float]:
        """L2-normalised TF-IDF weights (sublinear term frequency).

        Tokens the index has never seen still count towards the norm, as if they appeared in no
        document: a quote made mostly of new words is, rightly, less similar to everything.
        """
        counts = Counter(token_list)
        unseen = self._smoothed_idf(0)
        raw = {t: (1 + math.log(c)) * self._idf.get(t, unseen) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in raw.values()))
        return {t: w / norm for t, w in raw.items() if t in self._idf} if norm else {}
