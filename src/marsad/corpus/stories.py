"""Stories: articles about the same happening or running topic, clustered across outlets.

Each article becomes a sparse vector of its content terms (folded, light-stemmed, minus
the stopwords resource) weighted TF-IDF style, plus the canonical names of its entities
when the entity layer is filled.

``cluster_stories`` clusters a collection in one batch: reprints (``corpus.duplicates``)
start together; article pairs with similar vectors, found through an inverted index
(scipy sparse products), propose their clusters; the most similar pair of clusters
merges first (average linkage: the mean cosine of their article pairs) while it reaches
``threshold`` and the clusters' spans of known days are within ``window_days`` of each
other. The result
does not depend on the order of the articles, and a story told over weeks stays one
cluster while each step of it is near the last in time.

``StoryClusterer`` is the single-pass form for a stream (an article joins the story
whose centroid is nearest, or starts one); it uses the same vectors and thresholds.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

import numpy as np
from scipy import sparse

from marsad.arabic.clitics import definite_article, readings
from marsad.arabic.view import TextView
from marsad.corpus.duplicates import DuplicateGroup, DuplicateIndex
from marsad.corpus.shingles import (
    body_lines,
    content_term,
    core_tokens,
    light_stem,
    words,
)
from marsad.model import Article
from marsad.resources import load_tsv

TOP_TERMS = 40  # terms kept per article vector
CENTROID_TERMS = 120  # terms kept per story centroid
PROBE_TERMS = 20  # an article's heaviest terms used to look up candidate stories
MAX_CANDIDATES = 64  # stories sharing the most probe terms that get a full comparison
TITLE_WEIGHT = 2  # a title word counts as this many body words
ENTITY_WEIGHT = 1.5  # an entity counts this much more than a word of the same rarity
_REFERENCE_SIZE = "<articles>"  # the row of term_frequencies.tsv that says how many
_ENTITY_PREFIX = "@"  # entity features share the term space but cannot clash with words
_MIN_READING_LETTERS = 3  # a word read without a proclitic keeps at least this many
# Article pairs at least this similar (cosine) propose their clusters for merging.
EDGE_THRESHOLD = 0.15
# Clusters merge while the mean cosine of their article pairs reaches this. On the Saudi
# sample (5,996 articles) 0.3 split running stories by who reacted (one politician's
# remarks on a neighbour and the condemnations of them: clusters of 14, 13, 9 and 6); at
# 0.2 the clusters read by hand were one story each; at EDGE_THRESHOLD itself (0.15)
# whole beats merge (two clusters of about 100 articles each on Turkey, the PKK and ISIS).
STORY_THRESHOLD = 0.2
COMMON_TERM_SHARE = 0.02  # a term in more of the articles looks up no candidates
MIN_COMMON_TERM_DOCS = 50
_LABEL_CHARS = 1500  # enough of each text to find how the label words are written
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

Vector = dict[str, float]


@dataclass(slots=True)
class Story:
    """A cluster of articles; dates are the min/max known publication dates (or None)."""

    id: str
    label: str
    article_ids: list[str]
    docs: list[str]
    outlets: list[str]  # distinct, in order of first appearance
    terms: list[str]  # top content terms as written in the articles
    entities: list[str]  # top canonical entity names
    first: str | None
    last: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "articles": list(self.article_ids),
            "docs": list(self.docs),
            "outlets": list(self.outlets),
            "terms": list(self.terms),
            "entities": list(self.entities),
            "first": self.first,
            "last": self.last,
        }


@dataclass(slots=True)
class _Cluster:
    index: int
    centroid: Vector = field(default_factory=dict)  # sum of member vectors, pruned
    norm: float = 0.0
    members: list[Article] = field(default_factory=list)
    first: date | None = None
    last: date | None = None


def _day(article: Article) -> date | None:
    """The article's publication day, when known."""
    return _parse_day(article.published.value)


def _window_day(article: Article) -> date | None:
    """The day that places the article in a story's time window: its publication day, else
    the day it was fetched. A crawl is an upper bound, so it never becomes the article's
    date (stories show publication days only), but news is fetched within days of being
    written, which is all a window of ``window_days`` asks."""
    return _day(article) or _parse_day(article.published.crawled)


def _parse_day(value: str | None) -> date | None:
    match = _DATE.match(value or "")
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


@cache
def reference_frequencies() -> tuple[int, dict[str, int]]:
    """(articles, term: articles holding it) of the reference news corpus
    (``resources/term_frequencies.tsv``, made by ``scripts/build_term_frequencies.py``).

    IDF from the collection alone makes a story's topic, which all its articles share, its
    weakest term: a user who reads one story's reports would see it split into episodes.
    Pooled with a broad corpus's frequencies, the topic weighs what it weighs in the news.
    """
    rows = load_tsv("term_frequencies.tsv", columns=2)
    counts = {term: int(value) for term, value in rows}
    return counts.pop(_REFERENCE_SIZE, 0), counts


@lru_cache(maxsize=1 << 18)
def topical_term(word: str) -> str | None:
    """The content term of one folded word, its proclitics read as the news reads them.

    "بعسير", "بتفجير" and "للتفجير" are "عسير" and "تفجير": of the word's clitic readings
    (``arabic.clitics.readings``), the one whose term is commonest in the reference corpus
    wins, so "وزير" stays "وزير" (not "زير") and "فرنسا" stays "فرنسا". A stopword stays
    none ("بين" is not "ب" + "ين"), and a reading must keep three letters ("فوق" is not
    "ف" + "وق"): two-letter remainders are fragments, not words.
    """
    best = content_term(word)
    if best is None:
        return None  # a stopword ("بين") is no term, whatever its letters would read as
    _, known = reference_frequencies()
    score = known.get(best, 0)
    for _, reading in readings(word)[1:]:
        term = content_term(reading)
        if term is None or len(term) < _MIN_READING_LETTERS:
            continue
        found = known.get(term, 0)
        if found > score:
            best, score = term, found
    return best


def topical_terms(found: Sequence[str]) -> list[str]:
    """``topical_term`` of each word, the words with none left out."""
    return [term for term in map(topical_term, found) if term is not None]


def article_features(article: Article, view: TextView | None = None) -> Counter[str]:
    """Raw counts of content terms (title words count double) and entity canonical names."""
    counts = Counter(topical_terms(core_tokens(article, view)))
    if article.title:
        for term in topical_terms(words(article.title)):
            counts[term] += TITLE_WEIGHT
    for entity in article.entities:
        if not article.is_boilerplate(entity.span):
            counts[_ENTITY_PREFIX + entity.canonical] += 1
    return counts


@dataclass(slots=True)
class StoryClusterer:
    """Single-pass story clustering; feed articles with ``add`` in arrival order."""

    threshold: float = 0.3
    window_days: int = 3
    reprint_threshold: float = 0.5
    document_frequency: Counter[str] | None = None  # fixed DF; None: learn as we go
    documents: int = 0
    reference: bool = True  # pool the DF with the reference corpus's (term_frequencies.tsv)
    _learn: bool = field(init=False)
    _clusters: list[_Cluster] = field(init=False, default_factory=list)
    _postings: dict[str, set[int]] = field(init=False, default_factory=dict)
    _cluster_of: dict[str, int] = field(init=False, default_factory=dict)
    _reprints: DuplicateIndex = field(init=False)

    def __post_init__(self) -> None:
        self._learn = self.document_frequency is None
        if self.document_frequency is None:
            self.document_frequency = Counter()
        self._reprints = DuplicateIndex(threshold=self.reprint_threshold)

    def _vector(self, counts: Counter[str]) -> Vector:
        frequency = self.document_frequency
        assert frequency is not None
        total = max(self.documents, 1)
        reference, known = reference_frequencies() if self.reference else (0, {})
        pooled = total + reference + 1
        scale = 1.0 + reference / total  # entities: the collection stands for the reference
        weights: Vector = {}
        for term, count in counts.items():
            seen = frequency.get(term, 0)
            if term.startswith(_ENTITY_PREFIX):
                seen_anywhere = seen * scale
            else:
                seen_anywhere = seen + known.get(term, 0)
            if not self._learn and seen_anywhere <= 1:
                continue  # in this article only: it can match nothing, it only dilutes
            idf = math.log(pooled / (seen_anywhere + 1)) + 1.0
            weight = (1.0 + math.log(count)) * idf
            if term.startswith(_ENTITY_PREFIX):
                weight *= ENTITY_WEIGHT
            weights[term] = weight
        top = sorted(weights.items(), key=lambda item: -item[1])[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        return {term: w / norm for term, w in top}

    def _fits_in_time(self, cluster: _Cluster, day: date | None) -> bool:
        if day is None or cluster.first is None or cluster.last is None:
            return True  # unknown dates neither join nor split stories
        gap = max((cluster.first - day).days, (day - cluster.last).days, 0)
        return gap <= self.window_days

    def _best_cluster(self, vector: Vector, day: date | None) -> tuple[float, int] | None:
        probes = sorted(vector, key=lambda t: -vector[t])[:PROBE_TERMS]
        hits: Counter[int] = Counter()
        for term in probes:
            hits.update(self._postings.get(term, ()))
        best: tuple[float, int] | None = None
        for index, _ in hits.most_common(MAX_CANDIDATES):
            cluster = self._clusters[index]
            if not self._fits_in_time(cluster, day):
                continue
            centroid = cluster.centroid
            dot = sum(w * centroid.get(t, 0.0) for t, w in vector.items())
            score = dot / cluster.norm if cluster.norm else 0.0
            if best is None or score > best[0]:
                best = (score, index)
        return best

    def add(self, article: Article, features: Counter[str] | None = None) -> int:
        """Place ``article`` in a story; returns the story's index.

        ``features`` are ``article_features(article)`` when the caller has them already.
        """
        if article.id in self._cluster_of:
            return self._cluster_of[article.id]
        counts = article_features(article) if features is None else features
        if self._learn:
            self.documents += 1
            assert self.document_frequency is not None
            self.document_frequency.update(counts.keys())
        vector = self._vector(counts)
        day = _day(article)

        copy = self._reprints.add(article)
        if copy is not None and copy.matched_id in self._cluster_of:
            index = self._cluster_of[copy.matched_id]
        else:
            best = self._best_cluster(vector, day)
            if best is not None and best[0] >= self.threshold:
                index = best[1]
            else:
                index = len(self._clusters)
                self._clusters.append(_Cluster(index))
        self._join(self._clusters[index], article, vector, day)
        self._cluster_of[article.id] = index
        return index

    def _join(self, cluster: _Cluster, article: Article, vector: Vector, day: date | None) -> None:
        cluster.members.append(article)
        centroid = cluster.centroid
        for term, weight in vector.items():
            centroid[term] = centroid.get(term, 0.0) + weight
        if len(centroid) > CENTROID_TERMS:
            kept = sorted(centroid.items(), key=lambda item: -item[1])[:CENTROID_TERMS]
            cluster.centroid = centroid = dict(kept)
        cluster.norm = math.sqrt(sum(w * w for w in centroid.values()))
        for term in vector:
            if term in centroid:
                self._postings.setdefault(term, set()).add(cluster.index)
        if day is not None:
            cluster.first = day if cluster.first is None else min(cluster.first, day)
            cluster.last = day if cluster.last is None else max(cluster.last, day)

    def stories(self, label_terms: int = 4) -> list[Story]:
        """Every story, largest first (ties: earliest created)."""
        ordered = sorted(self._clusters, key=lambda c: (-len(c.members), c.index))
        return [_story(cluster, label_terms) for cluster in ordered]


def _surface_forms(articles: Sequence[Article], stems: set[str]) -> dict[str, str]:
    """The commonest written form of each stem in a few member articles, for labels.

    A form with no clitic in front of the article ("العراقية", not "والعراقية") wins.
    """
    seen: dict[str, Counter[tuple[str, str]]] = {}
    for article in articles[:3]:
        view = article.transient_view()
        for folded, written in _label_words(article, view):
            stem = light_stem(folded)
            if stem in stems:
                seen.setdefault(stem, Counter())[(written, folded)] += 1
    forms: dict[str, str] = {}
    the = definite_article()
    for stem, counts in seen.items():
        bare = {stem, the + stem}
        forms[stem] = max(counts, key=lambda w: (w[1] in bare, counts[w]))[0]
    return forms


def _label_words(article: Article, view: TextView) -> list[tuple[str, str]]:
    """(folded, as written) of the words in the first ``_LABEL_CHARS`` of the body."""
    out: list[tuple[str, str]] = []
    budget = _LABEL_CHARS
    for line in body_lines(article):
        if budget <= 0:
            break
        end = min(line.end, line.start + budget)
        budget -= line.end - line.start + 1  # the line break counts, as in the body text
        found = view.char_span(line.start, end, "contract")
        for index in range(*found) if found else ():
            out.append((view.words[index], view.token_span(index, index + 1).slice(view.text)))
    return out


def _story(cluster: _Cluster, label_terms: int) -> Story:
    ranked = sorted(cluster.centroid.items(), key=lambda item: -item[1])
    stems = [t for t, _ in ranked if not t.startswith(_ENTITY_PREFIX)][:label_terms]
    entities = [t[1:] for t, _ in ranked if t.startswith(_ENTITY_PREFIX)][:3]
    forms = _surface_forms(cluster.members, set(stems))
    terms = [forms.get(stem, stem) for stem in stems]
    outlets = list(dict.fromkeys(a.outlet for a in cluster.members if a.outlet))
    ids = [a.id for a in cluster.members]
    return Story(
        id="story-" + hashlib.blake2b(ids[0].encode("utf-8"), digest_size=6).hexdigest(),
        label=" · ".join(entities[:2] + terms),
        article_ids=ids,
        docs=[a.doc for a in cluster.members],
        outlets=outlets,
        terms=terms,
        entities=entities,
        first=cluster.first.isoformat() if cluster.first else None,
        last=cluster.last.isoformat() if cluster.last else None,
    )


def cluster_stories(
    articles: Iterable[Article],
    threshold: float = STORY_THRESHOLD,
    window_days: int = 7,
    reprint_threshold: float = 0.5,
    edge_threshold: float = EDGE_THRESHOLD,
    reprints: Iterable[DuplicateGroup] | None = None,
) -> list[Story]:
    """Stories among ``articles`` (largest first), clustered in one batch.

    1. Each article is a TF-IDF vector of its content terms and entities, with document
       frequencies from the whole collection pooled with the reference news corpus's
       (``reference_frequencies``), so a small collection about one topic still weighs
       the topic's words as the news at large does.
    2. Reprints (``duplicates.find_duplicates``: containment, wire copy) start in one
       cluster, whatever their words or dates.
    3. Pairs of articles whose vectors reach ``edge_threshold`` (cosine), found through an
       inverted index of each article's heaviest terms, are the only cluster pairs
       compared; the pair's clusters merge best first (agglomerative, average linkage)
       while the mean cosine of their article pairs reaches ``threshold`` and their
       spans of known days (publication, else crawl: ``_window_day``) lie within
       ``window_days`` of each other (unknown days neither join nor split).

    Best-first merging does not depend on the order the articles come in, and a story
    reported over weeks stays one cluster as long as each step of it is close in time.
    ``reprints`` are the collection's reprint groups when the caller has them (the corpus
    stage's); else they are found here, with ``reprint_threshold`` as the containment.
    """
    collection = list(articles)
    index = None if reprints is not None else DuplicateIndex(containment=reprint_threshold)
    features = []
    for article in collection:
        view = article.transient_view()  # one view for both passes
        features.append(article_features(article, view))
        if index is not None:
            index.add(article, view)
    groups = index.groups() if index is not None else list(reprints or ())
    frequency: Counter[str] = Counter()
    for counts in features:
        frequency.update(counts.keys())
    scorer = StoryClusterer(document_frequency=frequency, documents=len(collection))
    vectors = [scorer._vector(counts) for counts in features]
    days = [_day(article) for article in collection]
    index_of = {article.id: i for i, article in enumerate(collection)}
    clusters = _Agglomeration(vectors, [_window_day(a) for a in collection], window_days)
    for group in groups:
        members = [index_of[m.article_id] for m in group.members if m.article_id in index_of]
        for other in members[1:]:
            clusters.merge(clusters.find(members[0]), clusters.find(other), force=True)
    for left, right in _similar_pairs(vectors, edge_threshold, len(collection)):
        clusters.propose(left, right)
    clusters.run(threshold)
    made = []
    for order, members in enumerate(clusters.members()):
        cluster = _Cluster(order)
        for i in members:
            article, vector, day = collection[i], vectors[i], days[i]
            cluster.members.append(article)
            for term, weight in vector.items():
                cluster.centroid[term] = cluster.centroid.get(term, 0.0) + weight
            if day is not None:
                cluster.first = day if cluster.first is None else min(cluster.first, day)
                cluster.last = day if cluster.last is None else max(cluster.last, day)
        made.append(cluster)
    made.sort(key=lambda c: (-len(c.members), c.index))
    return [_story(cluster, 4) for cluster in made]


def _similar_pairs(
    vectors: Sequence[Vector], threshold: float, total: int
) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, whose cosine reaches ``threshold``.

    Candidates share one of their ``PROBE_TERMS`` heaviest terms (a sparse product over
    those terms only); a term in more than ``COMMON_TERM_SHARE`` of the articles is no
    way in (it is in every story), though it still counts in the cosine, which is then
    computed exactly for the candidates. Both products are scipy sparse matrices.
    """
    count = len(vectors)
    if count < 2:
        return []
    cap = max(MIN_COMMON_TERM_DOCS, int(total * COMMON_TERM_SHARE))
    term_ids: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    weights: list[float] = []
    probe_rows: list[int] = []
    probe_cols: list[int] = []
    for i, vector in enumerate(vectors):
        for term, weight in vector.items():
            rows.append(i)
            cols.append(term_ids.setdefault(term, len(term_ids)))
            weights.append(weight)
        for term in sorted(vector, key=lambda t: -vector[t])[:PROBE_TERMS]:
            probe_rows.append(i)
            probe_cols.append(term_ids[term])
    shape = (count, len(term_ids))
    full = sparse.csr_matrix((weights, (rows, cols)), shape=shape, dtype=np.float64)
    probes = sparse.csr_matrix(
        (np.ones(len(probe_rows), dtype=np.float32), (probe_rows, probe_cols)), shape=shape
    )
    spread = np.asarray((probes > 0).sum(axis=0)).ravel()
    probes = probes @ sparse.diags((spread <= cap).astype(np.float32))  # drop common terms
    candidates = sparse.triu(probes @ probes.T, k=1).tocoo()
    left, right = candidates.row, candidates.col
    if len(left) == 0:
        return []
    cosine = np.zeros(len(left))
    chunk = 1 << 18
    for start in range(0, len(left), chunk):  # row-wise dot products, in bounded memory
        stop = start + chunk
        product = full[left[start:stop]].multiply(full[right[start:stop]])
        cosine[start:stop] = np.asarray(product.sum(axis=1)).ravel()
    keep = cosine >= threshold
    return list(zip(left[keep].tolist(), right[keep].tolist(), strict=True))


@dataclass(slots=True)
class _Agglomeration:
    """Best-first average-linkage merging over proposed pairs, with a time window.

    A cluster's centroid is the sum of its members' unit vectors, so the dot product of
    two centroids over their sizes is the mean cosine of the clusters' article pairs (up
    to the terms pruned past ``CENTROID_TERMS``). Centroid linkage (the cosine of the
    centroids) was tried and rejected: a large centroid holds the words of many episodes
    and grows more similar to everything, so on the Saudi sample it chained a few topics
    into clusters of 150 to 300 articles; the mean pair cosine stops a cluster where a
    newcomer stops resembling its members.
    """

    vectors: Sequence[Vector]
    days: Sequence[date | None]
    window_days: int
    _parent: list[int] = field(init=False)
    _centroid: dict[int, Vector] = field(init=False)
    _span: dict[int, tuple[date, date] | None] = field(init=False)
    _neighbours: dict[int, set[int]] = field(init=False)
    _members: dict[int, list[int]] = field(init=False)

    def __post_init__(self) -> None:
        count = len(self.vectors)
        self._parent = list(range(count))
        self._centroid = {i: dict(v) for i, v in enumerate(self.vectors)}
        self._span = {i: (d, d) if d is not None else None for i, d in enumerate(self.days)}
        self._neighbours = {i: set() for i in range(count)}
        self._members = {i: [i] for i in range(count)}

    def find(self, i: int) -> int:
        root = i
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[i] != root:
            self._parent[i], i = root, self._parent[i]
        return root

    def propose(self, i: int, j: int) -> None:
        left, right = self.find(i), self.find(j)
        if left != right:
            self._neighbours[left].add(right)
            self._neighbours[right].add(left)

    def _fits(self, left: int, right: int) -> bool:
        a, b = self._span[left], self._span[right]
        if a is None or b is None:
            return True
        gap = max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)
        return gap <= self.window_days

    def similarity(self, left: int, right: int) -> float:
        a, b = self._centroid[left], self._centroid[right]
        if len(b) < len(a):
            a, b = b, a
        dot = sum(w * b.get(t, 0.0) for t, w in a.items())
        return dot / (len(self._members[left]) * len(self._members[right]))

    def merge(self, left: int, right: int, force: bool = False) -> int:
        """Merge two clusters (roots); the smaller index stays the root."""
        if left == right:
            return left
        if right < left:
            left, right = right, left
        self._parent[right] = left
        centroid = self._centroid[left]
        for term, weight in self._centroid.pop(right).items():
            centroid[term] = centroid.get(term, 0.0) + weight
        if len(centroid) > CENTROID_TERMS:
            centroid = dict(sorted(centroid.items(), key=lambda item: -item[1])[:CENTROID_TERMS])
            self._centroid[left] = centroid
        a, b = self._span[left], self._span.pop(right)
        if a is None or b is None:
            self._span[left] = a or b
        else:
            self._span[left] = (min(a[0], b[0]), max(a[1], b[1]))
        self._members[left].extend(self._members.pop(right))
        near = self._neighbours[left] | self._neighbours.pop(right)
        near.discard(left)
        near.discard(right)
        for other in near:
            self._neighbours[other].discard(right)
            self._neighbours[other].add(left)
        self._neighbours[left] = near
        return left

    def run(self, threshold: float) -> None:
        """Merge the most similar proposed pair while it reaches ``threshold``."""
        heap: list[tuple[float, int, int, int, int]] = []
        version = dict.fromkeys(self._members, 0)

        def push(left: int) -> None:
            for right in self._neighbours[left]:
                if left < right and self._fits(left, right):
                    score = self.similarity(left, right)
                    if score >= threshold:
                        heapq.heappush(heap, (-score, left, right, version[left], version[right]))

        for root in list(self._members):
            push(root)
        while heap:
            _, left, right, left_version, right_version = heapq.heappop(heap)
            if left not in self._members or right not in self._members:
                continue
            if version[left] != left_version or version[right] != right_version:
                continue
            if not self._fits(left, right):
                continue
            kept = self.merge(left, right)
            version[kept] += 1
            for other in self._neighbours[kept]:  # pairs with the new cluster, from both sides
                low, high = min(kept, other), max(kept, other)
                if self._fits(low, high):
                    score = self.similarity(low, high)
                    if score >= threshold:
                        heapq.heappush(heap, (-score, low, high, version[low], version[high]))

    def members(self) -> list[list[int]]:
        return [sorted(members) for _, members in sorted(self._members.items())]


class UnknownStory(LookupError):
    """A story id that no story of the collection has."""


def query_terms(query: str) -> list[str]:
    """The content terms of a query, as ``article_features`` makes them."""
    return topical_terms(words(query))


def matches_query(article: Article, terms: Sequence[str]) -> bool:
    """True when every term occurs in the article's body or title (folded, light-stemmed:
    "والعراقية" finds "العراقيه")."""
    if not terms:
        return True
    found = set(topical_terms(core_tokens(article)))
    if article.title:
        found.update(topical_terms(words(article.title)))
    return all(term in found for term in terms)


def select_articles(
    articles: Sequence[Article],
    story: str | None = None,
    query: str | None = None,
    reprints: Iterable[DuplicateGroup] | None = None,
) -> list[Article]:
    """The articles of one story (its id, as ``cluster_stories`` gives it, or a unique
    prefix of it) and/or matching every content term of ``query``; all when neither."""
    chosen = list(articles)
    if story:
        stories = cluster_stories(chosen, reprints=reprints)
        found = [s for s in stories if s.id == story] or [
            s for s in stories if s.id.startswith(story)
        ]
        if len(found) != 1:
            raise UnknownStory(story)
        members = set(found[0].article_ids)
        chosen = [a for a in chosen if a.id in members]
    if query:
        terms = query_terms(query)
        chosen = [a for a in chosen if matches_query(a, terms)]
    return chosen
