"""Reprints and near-duplicates across a corpus: shared wording found by fingerprints,
decided by exact containment in both directions.

Each article's body (boilerplate left out, dateline and sign-off lines dropped, Arabic
folded) becomes a set of hashed word shingles. A symmetric Jaccard misses what papers
do to wire copy: they cut it, add their own lead or background, or run it inside a
longer report, so the two shingle sets differ in size and their Jaccard stays low while
nearly all of the shorter copy lies inside the longer one. So two articles are copies
when

- their Jaccard reaches ``threshold`` (0.8: the same text, lightly edited), or
- they share at least ``min_shared`` shingles (a passage, not a formula) and that is at
  least ``containment`` of the smaller one (0.5: a cut, edited or extended copy); the
  smaller copy may lie in the larger or the larger's core in the smaller, so both
  directions count, or
- one of them is an agency's item (its own outlet, or a wire byline or credit from
  ``resources/wire.yaml``) and the other comes from another outlet, with
  ``wire_containment`` (0.35): papers rewrite agency copy more freely than each other.

Candidates come from an inverted index of winnowed fingerprints (``shingles.winnow``):
any passage of ``WINNOW_WINDOW + SHINGLE_SIZE - 1`` words in common shares one, so no
pair with a long common passage is missed, and the index holds about a fifth of the
shingles; exact shingle counts then decide, so an estimate never decides alone.
A new article joins the group of its best-linked earlier copy if it also copies that
group's first article: groups are stars around an original, so a round-up that runs two
agency items does not chain them into one group.

Kinds of group:
- ``wire``: a member is a news agency's item: agency copy reprinted by papers.
- ``exact``: every member has the same normalised body.
- ``near``: every member is within ``threshold`` Jaccard of the representative.
- ``edited``: the rest: cut, extended or edited copies, or a passage they share.

``DuplicateIndex`` is incremental, so ingest can link a new article to an earlier copy
as it arrives; ``find_duplicates`` runs it over a whole collection; ``follow_originals``
is the corpus stage's hook that anchors a reprint's relative dates on its original's day.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from marsad.arabic.normalize import normalize
from marsad.arabic.view import TextView
from marsad.corpus.shingles import (
    HashArray,
    body_lines,
    core_tokens,
    shared_count,
    shingle_sequence,
    winnow,
)
from marsad.model import Article, Published, PublishedSource
from marsad.resources import load_yaml
from marsad.temporal.calendar import day_of

SHINGLE_SIZE = 4
MIN_WORDS = 12  # shorter bodies (empty pages, one-line notices) are not compared
WINNOW_WINDOW = 8  # any common run of 8 shingles (11 words) shares a fingerprint
THRESHOLD = 0.8  # Jaccard: the same text, lightly edited
CONTAINMENT = 0.5  # of the smaller copy's shingles found in the other
WIRE_CONTAINMENT = 0.35  # the same, between an agency's item and a paper's copy of it
# Shingles two copies share at least (a passage of about 28 words): agencies' formula
# notices (cables of congratulation, "X receives Y") share 10 to 24 with each other.
MIN_SHARED = 25
POSTING_CAP = 100  # a fingerprint found in more articles is furniture, not copy
MAX_CANDIDATES = 64  # earlier articles with the most fingerprints in common, checked exactly
# A credit in a dateline stands at the line's edge or next to a dash, colon or bracket:
# "الرياض - واس", "واس- الكويت:", "(واس)", "... 2015 م واس"; not "مع واس دي بيسرال".
_DATELINE_MARK = r"[-–—:|/()«»\"“”]"


@dataclass(frozen=True, slots=True)
class WireAgency:
    id: str
    name: str
    outlets: frozenset[str]  # casefolded
    markers: tuple[str, ...]  # folded


@dataclass(frozen=True, slots=True)
class _WirePatterns:
    byline: re.Pattern[str]  # a marker in a dateline or sign-off, whole words, folded text
    credit: re.Pattern[str]  # a marker after a credit word ("لوكالة فرانس برس")
    agency_of: dict[str, str]  # folded marker without spaces: agency id


@cache
def wire_agencies() -> tuple[WireAgency, ...]:
    return tuple(
        WireAgency(
            id=row["id"],
            name=row["name"],
            outlets=frozenset(str(o).casefold() for o in row["outlets"]),
            markers=tuple(normalize(m) for m in row["markers"]),
        )
        for row in load_yaml("wire.yaml")["agencies"]
    )


def _alternatives(phrases: Iterable[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s*".join(map(re.escape, p.split())) for p in ordered)


@cache
def _wire_patterns() -> _WirePatterns:
    agencies = wire_agencies()
    agency_of = {m.replace(" ", ""): a.id for a in reversed(agencies) for m in a.markers}
    markers = _alternatives(m for a in agencies for m in a.markers)
    before = _alternatives(normalize(w) for w in load_yaml("wire.yaml")["credit_words"])
    return _WirePatterns(
        byline=re.compile(
            rf"(?:^|{_DATELINE_MARK})\s*(?P<a>{markers})(?![^\W_])"
            rf"|(?<![^\W_])(?P<b>{markers})\s*(?:{_DATELINE_MARK}|$)"
        ),
        credit=re.compile(rf"(?<![^\W_])(?:{before})\s*[«\"“]?\s*(?P<a>{markers})(?![^\W_])"),
        agency_of=agency_of,
    )


def _agency_in(pattern: re.Pattern[str], text: str, agency_of: dict[str, str]) -> str | None:
    found = pattern.search(text)
    if found is None:
        return None
    marker = found.group("a") or found.groupdict().get("b") or ""
    return agency_of.get(re.sub(r"\s+", "", marker))


def agency_outlet(outlet: str | None) -> str | None:
    """The id of the agency whose own outlet this is, or None."""
    folded = (outlet or "").casefold()
    for agency in wire_agencies():
        if folded in agency.outlets:
            return agency.id
    return None


def wire_agency(article: Article, view: TextView | None = None) -> str | None:
    """The id of the agency whose copy this is: by outlet, by a byline in the first or the
    last line of the body, or by a credit in the body ("قال ... لوكالة فرانس برس",
    "حسب تقرير لـ«رويترز»")."""
    own = agency_outlet(article.outlet)
    if own is not None:
        return own
    view = view or article.transient_view()
    patterns = _wire_patterns()
    for edge in _edge_lines(article, view):
        found = _agency_in(patterns.byline, edge, patterns.agency_of)
        if found is not None:
            return found
    body = " ".join(view.fold_range(span.start, span.end) for span in article.body_spans())
    return _agency_in(patterns.credit, body, patterns.agency_of)


_HEAD_CHARS = 200  # where a wire byline may stand in the first line
_TAIL_CHARS = 80  # ... and at the end of the last line


def _edge_lines(article: Article, view: TextView) -> tuple[str, str]:
    """The folded start of the body's first line with words and the end of its last one."""
    text = article.text
    lines = [line for line in body_lines(article, view) if text[line.start : line.end].strip()]
    if not lines:
        return "", ""
    first, last = lines[0], lines[-1]
    start = (
        first.start
        + len(text[first.start : first.end])
        - len(text[first.start : first.end].lstrip())
    )
    head = view.fold_range(start, min(first.end, start + _HEAD_CHARS))
    end = last.start + len(text[last.start : last.end].rstrip())
    tail = view.fold_range(max(last.start, end - _TAIL_CHARS), end) if len(lines) > 1 else ""
    return head.strip(), tail.strip()


@dataclass(frozen=True, slots=True)
class DuplicateMember:
    article_id: str
    doc: str
    outlet: str | None
    # exact Jaccard with the group's representative (1.0 for it); for a member that shares
    # no wording with it, with the group's first article, which every member copies
    similarity: float
    wire: str | None = None  # agency id when this member is agency copy
    containment: float = 1.0  # of the smaller of it and the representative, in the other

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "doc": self.doc,
            "outlet": self.outlet,
            "similarity": round(self.similarity, 4),
            "containment": round(self.containment, 4),
            "wire": self.wire,
        }


@dataclass(slots=True)
class DuplicateGroup:
    """Copies of one text. ``members[0]`` is the representative (the original): the
    agency's own item, else the earliest known publication date, else the first one seen."""

    kind: str  # exact | near | edited | wire
    members: list[DuplicateMember]
    # members with the same body inside a larger group (a page crawled under two URLs)
    exact: list[list[str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.members[0].article_id

    @property
    def outlets(self) -> set[str]:
        return {m.outlet for m in self.members if m.outlet}

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "members": [m.to_json() for m in self.members],
        }
        if self.exact:
            out["exact"] = [list(ids) for ids in self.exact]
        return out


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """A new article linked to the earlier copy it shares most with."""

    article_id: str
    matched_id: str
    matched_doc: str
    similarity: float  # Jaccard
    kind: str  # exact | near | edited | wire
    containment: float = 1.0


@dataclass(slots=True)
class _Print:
    article_id: str
    doc: str
    outlet: str | None
    published: str | None
    order: int
    shingles: HashArray  # sorted, distinct
    marks: HashArray  # winnowed fingerprints, sorted, distinct
    digest: bytes  # of the normalised core body: equal digests are exact copies
    wire: str | None
    own: str | None  # the agency whose own outlet published it


@dataclass(frozen=True, slots=True)
class _Link:
    jaccard: float
    containment: float


@dataclass(slots=True)
class DuplicateIndex:
    """Incremental duplicate finder; ``add`` articles in arrival order."""

    threshold: float = THRESHOLD
    containment: float = CONTAINMENT
    wire_containment: float = WIRE_CONTAINMENT
    min_shared: int = MIN_SHARED
    shingle_size: int = SHINGLE_SIZE
    min_words: int = MIN_WORDS
    window: int = WINNOW_WINDOW
    _prints: dict[str, _Print] = field(init=False, default_factory=dict)
    _order: list[str] = field(init=False, default_factory=list)
    _postings: dict[int, list[int]] = field(init=False, default_factory=dict)
    _root: dict[str, str] = field(init=False, default_factory=dict)  # article: its group's first
    _members: dict[str, list[str]] = field(init=False, default_factory=dict)  # first: group
    _by_digest: dict[bytes, str] = field(init=False, default_factory=dict)
    _matches: dict[str, DuplicateMatch | None] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("threshold", "containment", "wire_containment"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ValueError(f"{name} must be in (0, 1], got {value}")

    def __len__(self) -> int:
        return len(self._prints)

    def _fingerprint(self, article: Article, view: TextView | None) -> _Print | None:
        view = view or article.transient_view()
        words = core_tokens(article, view)
        if len(words) < self.min_words:
            return None
        sequence = shingle_sequence(words, self.shingle_size)
        return _Print(
            article_id=article.id,
            doc=article.doc,
            outlet=article.outlet,
            published=article.published.value,
            order=len(self._prints),
            shingles=np.unique(sequence),
            marks=winnow(sequence, self.window),
            digest=hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest(),
            wire=wire_agency(article, view),
            own=agency_outlet(article.outlet),
        )

    def _link(self, new: _Print, other: _Print) -> _Link | None:
        """How ``new`` and ``other`` are copies of each other, or None when they are not."""
        if new.digest == other.digest:
            return _Link(1.0, 1.0)
        shared = shared_count(new.shingles, other.shingles)
        if shared == 0:
            return None
        left, right = len(new.shingles), len(other.shingles)
        link = _Link(shared / (left + right - shared), shared / min(left, right))
        if link.jaccard >= self.threshold:
            return link
        if shared < self.min_shared:
            return None
        wire = (new.wire and other.own != new.wire) or (other.wire and new.own != other.wire)
        return (
            link
            if link.containment >= (self.wire_containment if wire else self.containment)
            else None
        )

    def _candidates(self, fingerprint: _Print) -> list[str]:
        hits: Counter[int] = Counter()
        postings = self._postings
        for mark in fingerprint.marks.tolist():
            found = postings.get(mark)
            if found is not None and len(found) < POSTING_CAP:
                hits.update(found)
        order = self._order
        out = [order[index] for index, _ in hits.most_common(MAX_CANDIDATES)]
        twin = self._by_digest.get(fingerprint.digest)
        if twin is not None and twin not in out:
            out.append(twin)
        return out

    def add(self, article: Article, view: TextView | None = None) -> DuplicateMatch | None:
        """Index ``article``; return the earlier copy it shares most with, if any.

        ``view`` is the article's text view when the caller has one for other passes.

        The article joins the group of the best-linked earlier copy whose group's first
        article it also copies (a star around each original, not a chain): a round-up
        that runs two agency items copies both, but the two items stay two groups.
        """
        if article.id in self._matches:  # the same article again: idempotent
            return self._matches[article.id]
        fingerprint = self._fingerprint(article, view)
        if fingerprint is None:
            self._matches[article.id] = None
            return None
        new_id = article.id
        links: dict[str, _Link] = {}
        for other_id in self._candidates(fingerprint):
            link = self._link(fingerprint, self._prints[other_id])
            if link is not None:
                links[other_id] = link
        ranked = sorted(
            links,
            key=lambda other: (links[other].containment, links[other].jaccard, -self._rank(other)),
            reverse=True,
        )
        root = new_id
        twin = self._by_digest.get(fingerprint.digest)
        if twin is not None:
            root = self._root[twin]  # an exact copy goes where its twin is
        else:
            for other_id in ranked:
                candidate = self._root[other_id]
                if candidate not in links and candidate != other_id:
                    link = self._link(fingerprint, self._prints[candidate])
                    if link is None:
                        continue
                    links[candidate] = link
                root = candidate
                break
        self._prints[new_id] = fingerprint
        self._order.append(new_id)
        self._root[new_id] = root
        self._members.setdefault(root, []).append(new_id)
        for mark in fingerprint.marks.tolist():
            self._postings.setdefault(mark, []).append(fingerprint.order)
        self._by_digest.setdefault(fingerprint.digest, new_id)
        match = None
        if ranked:
            other = self._prints[ranked[0]]
            link = links[ranked[0]]
            match = DuplicateMatch(
                article_id=new_id,
                matched_id=other.article_id,
                matched_doc=other.doc,
                similarity=link.jaccard,
                kind=_pair_kind(fingerprint, other, link.jaccard, self.threshold),
                containment=link.containment,
            )
        self._matches[new_id] = match
        return match

    def _rank(self, article_id: str) -> int:
        return self._prints[article_id].order

    def groups(self) -> list[DuplicateGroup]:
        """Every group of two or more copies, in order of their first member."""
        return [
            _group([self._prints[i] for i in members], self.threshold)
            for members in self._members.values()
            if len(members) > 1
        ]


def _pair_kind(left: _Print, right: _Print, similarity: float, threshold: float) -> str:
    if left.wire or right.wire:
        return "wire"
    if left.digest == right.digest:
        return "exact"
    return "near" if similarity >= threshold else "edited"


def _representative_key(fingerprint: _Print) -> tuple[int, str, int]:
    # Agency item first, then the earliest known date, then arrival order.
    own_item = 0 if fingerprint.own else 1
    return (own_item, fingerprint.published or "9999", fingerprint.order)


def _figures(left: _Print, right: _Print) -> tuple[float, float]:
    """(Jaccard, containment of the smaller) of two prints."""
    if left.digest == right.digest:
        return 1.0, 1.0
    shared = shared_count(left.shingles, right.shingles)
    union = len(left.shingles) + len(right.shingles) - shared
    return shared / union, shared / min(len(left.shingles), len(right.shingles))


def _group(prints: list[_Print], threshold: float) -> DuplicateGroup:
    centre = prints[0]  # the first article of the group: every member copies it
    prints = sorted(prints, key=_representative_key)
    head = prints[0]
    members = []
    for p in prints:
        similarity, containment = (1.0, 1.0) if p is head else _figures(head, p)
        if similarity == 0.0:  # it copies the centre's wording, not the representative's
            similarity, containment = _figures(centre, p)
        members.append(
            DuplicateMember(
                article_id=p.article_id,
                doc=p.doc,
                outlet=p.outlet,
                similarity=similarity,
                wire=p.wire,
                containment=containment,
            )
        )
    if any(p.wire for p in prints):
        kind = "wire"
    elif len({p.digest for p in prints}) == 1:
        kind = "exact"
    elif all(m.similarity >= threshold for m in members):
        kind = "near"
    else:
        kind = "edited"
    twins: dict[bytes, list[str]] = {}
    for p in prints:
        twins.setdefault(p.digest, []).append(p.article_id)
    exact = [ids for ids in twins.values() if 1 < len(ids) < len(prints)]
    return DuplicateGroup(kind=kind, members=members, exact=exact)


def find_duplicates(
    articles: Iterable[Article],
    threshold: float = THRESHOLD,
    containment: float = CONTAINMENT,
    wire_containment: float = WIRE_CONTAINMENT,
) -> list[DuplicateGroup]:
    """Groups of reprints and near-duplicates among ``articles`` (see the module docstring)."""
    index = DuplicateIndex(
        threshold=threshold, containment=containment, wire_containment=wire_containment
    )
    for article in articles:
        index.add(article)
    return index.groups()


# A copy whose relative dates follow its original came out within a week of it; a later
# re-run of an old text is left alone.
FOLLOW_WINDOW_DAYS = 7


@dataclass(frozen=True, slots=True)
class ReprintDay:
    """A reprint whose relative dates now follow its original's day."""

    article_id: str
    doc: str
    original_id: str
    original_doc: str
    value: str  # the original's day
    evidence: str


def _relative_timexes_copied(copy: Article, original: Article, size: int) -> int:
    """How many of the copy's relative timexes stand in wording copied from the original
    (the shingles starting at the expression's first word and ending at its last are
    both in the original); -1 when any relative timex is the copy's own wording."""
    relative = [t for t in copy.timexes if t.anchor == "publication"]
    if not relative:
        return 0
    view = copy.transient_view()
    sequence = shingle_sequence(view.words, size)
    theirs = np.unique(shingle_sequence(core_tokens(original), size))
    copied = 0
    for timex in relative:
        found = view.char_span(timex.span.start, timex.span.end, "expand")
        if found is None:
            return -1
        if len(sequence) == 0:
            return -1
        # the shingles that start at its first word and end at its last (at the text's
        # edges, the nearest ones that still hold them)
        starting = min(found[0], len(sequence) - 1)
        ending = max(found[1] - size, 0)
        keys = np.array([sequence[starting], sequence[ending]], dtype=np.uint64)
        if not np.isin(keys, theirs, assume_unique=False).all():
            return -1
        copied += 1
    return copied


def follow_originals(
    articles: Sequence[Article], groups: Iterable[DuplicateGroup] | None = None
) -> list[ReprintDay]:
    """Anchor each reprint's relative dates on its original's day; the changes made.

    A paper that runs agency copy a day later keeps the agency's "مساء اليوم" and "أمس":
    they mean the original's day, not the copy's. So a member of a reprint group whose
    day is later than its original's (or unknown), within ``FOLLOW_WINDOW_DAYS``, and
    whose every relative timex stands in wording copied from the original, takes the
    original's day as its publication day (source ``inferred``, with the evidence). A
    copy that states its own day (a dateline) or rewrote a relative date ("مساء الأحد"
    for "مساء اليوم الأحد") keeps its own. The caller re-anchors the changed articles
    (``marsad.pipeline.rerun(article, {"published"})``), as ``corpus.stage`` does.
    """
    by_id = {article.id: article for article in articles}
    found = find_duplicates(articles) if groups is None else groups
    changes: list[ReprintDay] = []
    for group in found:
        original = by_id.get(group.members[0].article_id)
        if original is None:
            continue
        day = day_of(original.published.value)
        if day is None:
            continue
        for member in group.members[1:]:
            copy = by_id.get(member.article_id)
            if copy is None or copy.published.source is PublishedSource.DATELINE:
                continue
            own = day_of(copy.published.value)
            if own is not None and not 0 < (own - day).days <= FOLLOW_WINDOW_DAYS:
                continue
            crawled = day_of(copy.published.crawled)
            if crawled is not None and crawled < day:
                continue  # fetched before the original's day: not a copy of that day's item
            copied = _relative_timexes_copied(copy, original, SHINGLE_SIZE)
            if copied <= 0:
                continue
            evidence = (
                f"a reprint of {original.doc} ({member.containment:.0%} of the shorter text "
                f"shared); its {copied} relative date(s) stand in the copied wording, so "
                f"they follow the original's day {day.isoformat()}"
            )
            copy.published = Published(
                day.isoformat(),
                PublishedSource.INFERRED,
                note=evidence,
                crawled=copy.published.crawled,  # still the upper bound it was
            )
            changes.append(
                ReprintDay(copy.id, copy.doc, original.id, original.doc, day.isoformat(), evidence)
            )
    return changes


__all__ = [
    "DuplicateGroup",
    "DuplicateIndex",
    "DuplicateMatch",
    "DuplicateMember",
    "ReprintDay",
    "agency_outlet",
    "find_duplicates",
    "follow_originals",
    "wire_agency",
]
