"""Stories: articles about the same happening, clustered incrementally across outlets.

Each article becomes a sparse vector of its content terms (folded, light-stemmed, minus
the stopwords resource) weighted TF-IDF style, plus the canonical names of its entities
when the entity layer is filled. An article joins the story whose centroid it is most
similar to (cosine) if that similarity reaches ``threshold`` and, when both have known
publication dates, the article lies within ``window_days`` of the story's span; else it
starts a new story. Reprints (``DuplicateIndex``) always join their original's story,
so a wire item and its copies never split.

The clustering is single-pass, so it runs on a stream; ``cluster_stories`` takes its
document frequencies from the whole collection first, which makes weights stable.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from marsad.arabic.clitics import definite_article
from marsad.arabic.view import TextView
from marsad.corpus.duplicates import DuplicateIndex
from marsad.corpus.shingles import (
    body_lines,
    content_terms,
    core_tokens,
    light_stem,
    words,
)
from marsad.model import Article

TOP_TERMS = 40  # terms kept per article vector
CENTROID_TERMS = 120  # terms kept per story centroid
PROBE_TERMS = 20  # an article's heaviest terms used to look up candidate stories
MAX_CANDIDATES = 64  # stories sharing the most probe terms that get a full comparison
TITLE_WEIGHT = 2  # a title word counts as this many body words
ENTITY_WEIGHT = 1.5  # an entity counts this much more than a word of the same rarity
_ENTITY_PREFIX = "@"  # entity features share the term space but cannot clash with words
_LABEL_CHARS = 4000  # enough of each text to find how the label words are written
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
    match = _DATE.match(article.published.value or "")
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def article_features(article: Article) -> Counter[str]:
    """Raw counts of content terms (title words count double) and entity canonical names."""
    counts = Counter(content_terms(core_tokens(article)))
    if article.title:
        for term in content_terms(words(article.title)):
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
        weights: Vector = {}
        for term, count in counts.items():
            idf = math.log((total + 1) / (frequency.get(term, 0) + 1)) + 1.0
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
    threshold: float = 0.3,
    window_days: int = 3,
    reprint_threshold: float = 0.5,
) -> list[Story]:
    """Stories among ``articles`` (largest first), document frequencies from all of them."""
    collection = list(articles)
    features = [article_features(article) for article in collection]
    frequency: Counter[str] = Counter()
    for counts in features:
        frequency.update(counts.keys())
    clusterer = StoryClusterer(
        threshold=threshold,
        window_days=window_days,
        reprint_threshold=reprint_threshold,
        document_frequency=frequency,
        documents=len(collection),
    )
    for article, counts in zip(collection, features, strict=True):
        clusterer.add(article, counts)
    return clusterer.stories()
