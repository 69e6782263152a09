"""Reprints and near-duplicates across a corpus: MinHash LSH proposes, exact Jaccard decides.

Each article's body (boilerplate left out, dateline and sign-off lines dropped, Arabic
folded) becomes a set of hashed word shingles. A MinHash LSH index (datasketch) finds
candidate copies in near-constant time; the exact Jaccard similarity of the two shingle
sets confirms them, so the estimate never decides alone. Confirmed pairs join groups.

Kinds of group:
- ``wire``: a member is a news agency's item (its own outlet, or an agency marker in the
  dateline, both from ``resources/wire.yaml``): agency copy reprinted by papers.
- ``exact``: every member has the same normalised body.
- ``near``: the rest (edited, cut or extended copies).

``DuplicateIndex`` is incremental, so ingest can link a new article to an earlier copy
as it arrives; ``find_duplicates`` runs it over a whole collection.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from datasketch import MinHash, MinHashLSH

from marsad.arabic.normalize import normalize
from marsad.corpus.shingles import (
    HashArray,
    body_lines,
    core_tokens,
    jaccard,
    shingle_hashes,
)
from marsad.model import Article
from marsad.resources import load_yaml

SHINGLE_SIZE = 4
MIN_WORDS = 12  # shorter bodies (empty pages, one-line notices) are not compared
_SEED = 1
# A credit in a dateline stands at the line's edge or next to a dash, colon or bracket:
# "الرياض - واس", "واس- الكويت:", "(واس)", "... 2015 م واس"; not "مع واس دي بيسرال".
_DATELINE_MARK = r"[-–—:|/()«»\"“”]"
_LSH_MARGIN = 0.1  # LSH threshold below the confirm threshold: recall first, Jaccard decides


@dataclass(frozen=True, slots=True)
class WireAgency:
    id: str
    name: str
    outlets: frozenset[str]  # casefolded
    marker: re.Pattern[str]  # whole-word markers on folded text


@cache
def wire_agencies() -> tuple[WireAgency, ...]:
    agencies = []
    for row in load_yaml("wire.yaml")["agencies"]:
        words = sorted((normalize(m) for m in row["markers"]), key=len, reverse=True)
        alternatives = "|".join(r"\s*".join(map(re.escape, m.split())) for m in words)
        agencies.append(
            WireAgency(
                id=row["id"],
                name=row["name"],
                outlets=frozenset(str(o).casefold() for o in row["outlets"]),
                marker=re.compile(
                    rf"(?:^|{_DATELINE_MARK})\s*(?:{alternatives})(?![^\W_])"
                    rf"|(?<![^\W_])(?:{alternatives})\s*(?:{_DATELINE_MARK}|$)"
                ),
            )
        )
    return tuple(agencies)


def wire_agency(article: Article) -> str | None:
    """The id of the agency whose copy this is: by outlet, or by a marker in the first line."""
    outlet = (article.outlet or "").casefold()
    for agency in wire_agencies():
        if outlet in agency.outlets:
            return agency.id
    head = _first_line(article)
    for agency in wire_agencies():
        if agency.marker.search(head):
            return agency.id
    return None


_HEAD_CHARS = 200  # where a wire marker may stand in the first line


def _first_line(article: Article) -> str:
    """The folded start of the body's first line with words (whitespace trimmed)."""
    text = article.text
    for line in body_lines(article):
        start = line.start
        while start < line.end and text[start].isspace():
            start += 1
        if start < line.end:
            end = min(line.end, start + _HEAD_CHARS)
            return article.transient_view().fold_range(start, end).strip()
    return ""


@dataclass(frozen=True, slots=True)
class DuplicateMember:
    article_id: str
    doc: str
    outlet: str | None
    similarity: float  # exact Jaccard with the group's representative (1.0 for it)
    wire: str | None = None  # agency id when this member is agency copy

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "doc": self.doc,
            "outlet": self.outlet,
            "similarity": round(self.similarity, 4),
            "wire": self.wire,
        }


@dataclass(slots=True)
class DuplicateGroup:
    """Copies of one text. ``members[0]`` is the representative: the agency's own item,
    else the earliest known publication date, else the first one seen."""

    kind: str  # exact | near | wire
    members: list[DuplicateMember]

    @property
    def id(self) -> str:
        return self.members[0].article_id

    @property
    def outlets(self) -> set[str]:
        return {m.outlet for m in self.members if m.outlet}

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "members": [m.to_json() for m in self.members]}


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """A new article linked to the most similar earlier copy."""

    article_id: str
    matched_id: str
    matched_doc: str
    similarity: float
    kind: str  # exact | near | wire


@dataclass(slots=True)
class _Print:
    article_id: str
    doc: str
    outlet: str | None
    published: str | None
    order: int
    shingles: HashArray
    digest: bytes  # of the normalised core body: equal digests are exact copies
    wire: str | None


@dataclass(slots=True)
class DuplicateIndex:
    """Incremental duplicate finder; ``add`` articles in arrival order."""

    threshold: float = 0.8
    num_perm: int = 128
    shingle_size: int = SHINGLE_SIZE
    min_words: int = MIN_WORDS
    _lsh: MinHashLSH = field(init=False)
    _permutations: Any = field(init=False)
    _prints: dict[str, _Print] = field(init=False, default_factory=dict)
    _parent: dict[str, str] = field(init=False, default_factory=dict)
    _by_digest: dict[bytes, str] = field(init=False, default_factory=dict)
    _matches: dict[str, DuplicateMatch | None] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {self.threshold}")
        lsh_threshold = max(0.05, self.threshold - _LSH_MARGIN)
        self._lsh = MinHashLSH(threshold=lsh_threshold, num_perm=self.num_perm)
        self._permutations = MinHash(
            num_perm=self.num_perm, seed=_SEED, scheme="affine64"
        ).permutations

    def __len__(self) -> int:
        return len(self._prints)

    def _fingerprint(self, article: Article) -> _Print | None:
        words = core_tokens(article)
        if len(words) < self.min_words:
            return None
        return _Print(
            article_id=article.id,
            doc=article.doc,
            outlet=article.outlet,
            published=article.published.value,
            order=len(self._prints),
            shingles=shingle_hashes(words, self.shingle_size),
            digest=hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest(),
            wire=wire_agency(article),
        )

    def _minhash(self, shingles: HashArray) -> MinHash:
        sketch = MinHash(
            num_perm=self.num_perm,
            seed=_SEED,
            scheme="affine64",
            hashfunc=int,
            permutations=self._permutations,
        )
        sketch.update_batch(shingles.tolist())
        return sketch

    def add(self, article: Article) -> DuplicateMatch | None:
        """Index ``article``; return its best earlier copy at or above the threshold."""
        if article.id in self._matches:  # the same article again: idempotent
            return self._matches[article.id]
        fingerprint = self._fingerprint(article)
        if fingerprint is None:
            self._matches[article.id] = None
            return None
        new_id = article.id
        self._prints[new_id] = fingerprint
        self._parent[new_id] = new_id
        sketch = self._minhash(fingerprint.shingles)

        candidates = set(self._lsh.query(sketch))
        twin = self._by_digest.get(fingerprint.digest)
        if twin is not None:
            candidates.add(twin)
        best: tuple[float, str] | None = None
        for other_id in candidates:
            other = self._prints[other_id]
            if other.digest == fingerprint.digest:
                similarity = 1.0
            else:
                similarity = jaccard(fingerprint.shingles, other.shingles)
            if similarity >= self.threshold:
                self._union(new_id, other_id)
                if best is None or (similarity, -other.order) > (best[0], -self._order(best[1])):
                    best = (similarity, other_id)

        self._lsh.insert(new_id, sketch)
        self._by_digest.setdefault(fingerprint.digest, new_id)
        match = None
        if best is not None:
            other = self._prints[best[1]]
            match = DuplicateMatch(
                article_id=new_id,
                matched_id=other.article_id,
                matched_doc=other.doc,
                similarity=best[0],
                kind=_pair_kind(fingerprint, other),
            )
        self._matches[new_id] = match
        return match

    def _order(self, article_id: str) -> int:
        return self._prints[article_id].order

    def _find(self, article_id: str) -> str:
        root = article_id
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[article_id] != root:  # path compression
            self._parent[article_id], article_id = root, self._parent[article_id]
        return root

    def _union(self, left: str, right: str) -> None:
        left_root, right_root = self._find(left), self._find(right)
        if left_root != right_root:
            # The earlier article stays the root, so roots are stable as articles arrive.
            if self._order(left_root) > self._order(right_root):
                left_root, right_root = right_root, left_root
            self._parent[right_root] = left_root

    def groups(self) -> list[DuplicateGroup]:
        """Every group of two or more copies, in order of their first member."""
        components: dict[str, list[_Print]] = {}
        for article_id, fingerprint in self._prints.items():
            components.setdefault(self._find(article_id), []).append(fingerprint)
        return [_group(prints) for prints in components.values() if len(prints) > 1]


def _pair_kind(left: _Print, right: _Print) -> str:
    if left.wire or right.wire:
        return "wire"
    return "exact" if left.digest == right.digest else "near"


def _representative_key(fingerprint: _Print) -> tuple[int, str, int]:
    # Agency item first, then the earliest known date, then arrival order.
    own_item = 0 if _is_agency_outlet(fingerprint) else 1
    return (own_item, fingerprint.published or "9999", fingerprint.order)


def _is_agency_outlet(fingerprint: _Print) -> bool:
    outlet = (fingerprint.outlet or "").casefold()
    return any(outlet in agency.outlets for agency in wire_agencies())


def _group(prints: list[_Print]) -> DuplicateGroup:
    prints = sorted(prints, key=_representative_key)
    head = prints[0]
    members = [
        DuplicateMember(
            article_id=p.article_id,
            doc=p.doc,
            outlet=p.outlet,
            similarity=1.0
            if p is head or p.digest == head.digest
            else jaccard(head.shingles, p.shingles),
            wire=p.wire,
        )
        for p in prints
    ]
    if any(p.wire for p in prints):
        kind = "wire"
    elif len({p.digest for p in prints}) == 1:
        kind = "exact"
    else:
        kind = "near"
    return DuplicateGroup(kind=kind, members=members)


def find_duplicates(
    articles: Iterable[Article], threshold: float = 0.8, num_perm: int = 128
) -> list[DuplicateGroup]:
    """Groups of reprints and near-duplicates among ``articles`` (Jaccard >= threshold)."""
    index = DuplicateIndex(threshold=threshold, num_perm=num_perm)
    for article in articles:
        index.add(article)
    return index.groups()


__all__ = [
    "DuplicateGroup",
    "DuplicateIndex",
    "DuplicateMatch",
    "DuplicateMember",
    "find_duplicates",
    "wire_agency",
]
