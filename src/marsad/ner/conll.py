"""Readers for the NER corpora: ANERcorp CoNLL, NewsFANE Gold and Wojood (nested).

Every reader returns sentences as lists of ``(token, tag)`` with BIO tags over the four
ANERcorp types PER, LOC, ORG, MISC (the mapping lives in ``ner_classes.tsv``).
NewsFANE also comes raw (fine classes, clitics split) for the leak filter.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from marsad.arabic.clitics import attach, enclitics, proclitic_letters, rules
from marsad.ner.features import is_currency
from marsad.resources import load_tsv

Token = tuple[str, str]
Sentence = list[Token]

TYPES = ("PER", "LOC", "ORG", "MISC")
_INVISIBLE = str.maketrans("", "", "\u200e\u200f\ufeff")
_WOJOOD_MARKER = "$#$"


@cache
def class_map(corpus: str) -> dict[str, str]:
    """Corpus class -> coarse type ('O' for classes that are not entities here)."""
    return {row[1]: row[2] for row in load_tsv("ner_classes.tsv", columns=3) if row[0] == corpus}


def _read_blocks(path: Path) -> list[list[list[str]]]:
    """Blank-line separated blocks of whitespace-split rows (BOM and CRLF tolerated)."""
    blocks: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        cells = line.split()
        if not cells:
            if current:
                blocks.append(current)
            current = []
            continue
        current.append(cells)
    if current:
        blocks.append(current)
    return blocks


def _map_tag(tag: str, mapping: dict[str, str]) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, name = tag.split("-", 1)
    coarse = mapping.get(name)
    if coarse is None:
        raise ValueError(f"unmapped entity class {name!r}: add it to ner_classes.tsv")
    return "O" if coarse == "O" else f"{prefix}-{coarse}"


def repair_bio(tags: list[str]) -> list[str]:
    """An I- tag that does not continue an entity of its type becomes B-."""
    out: list[str] = []
    for index, tag in enumerate(tags):
        if tag.startswith("I-"):
            previous = out[index - 1] if index else "O"
            if previous == "O" or previous[2:] != tag[2:]:
                tag = "B-" + tag[2:]
        out.append(tag)
    return out


def read_conll(path: Path, corpus: str = "anercorp") -> list[Sentence]:
    """A CoNLL file ``TOKEN TAG`` per line (ANERcorp), tags mapped to the coarse types."""
    mapping = class_map(corpus)
    sentences = []
    for block in _read_blocks(path):
        tokens = [row[0].translate(_INVISIBLE) or row[0] for row in block]
        tags = repair_bio([_map_tag(row[-1], mapping) for row in block])
        sentences.append(list(zip(tokens, tags, strict=True)))
    return sentences


def read_newsfane_raw(path: Path) -> list[Sentence]:
    """NewsFANE as written: clitics split off, fine classes; U+200E marks removed."""
    sentences = []
    for block in _read_blocks(path):
        rows = [(row[0].translate(_INVISIBLE), row[1] if len(row) > 1 else "O") for row in block]
        sentences.append([(token, tag) for token, tag in rows if token])
    return [sentence for sentence in sentences if sentence]


def _spans_of_column(tags: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    start, kind = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            spans.append((start, index, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = index, tag[2:]
    return spans


def read_wojood(path: Path) -> list[Sentence]:
    """Wojood nested NER: keep, per sentence, the outermost spans whose type maps to one
    of PER/LOC/ORG/MISC (an unmapped outer span such as OCC lets a mapped inner one through).
    """
    mapping = class_map("wojood")
    sentences = []
    for block in _read_blocks(path):
        rows = [row for row in block if row[0] != _WOJOOD_MARKER]
        if not rows:
            continue
        width = max(len(row) for row in rows)
        spans = []
        for column in range(1, width):
            column_tags = [row[column] if len(row) > column else "O" for row in rows]
            spans.extend(_spans_of_column(column_tags))
        tags = ["O"] * len(rows)
        # Outermost first: longer spans win; ties go to the earlier start.
        for start, end, kind in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
            coarse = mapping.get(kind, "O")
            if coarse == "O" or any(tag != "O" for tag in tags[start:end]):
                continue
            tags[start:end] = [f"B-{coarse}"] + [f"I-{coarse}"] * (end - start - 1)
        sentences.append([(row[0], tag) for row, tag in zip(rows, tags, strict=True)])
    return sentences


# NewsFANE splits the proclitic letters and the pronoun suffixes off as tokens
# (resources: proclitic_kinds.tsv, enclitics.tsv); ANERcorp writes them attached.
_FIRST_LETTER, _LAST_LETTER = 0x0621, 0x064A  # hamza .. ya: an Arabic letter


def _is_arabic_word(token: str) -> bool:
    return bool(token) and _FIRST_LETTER <= ord(token[0]) <= _LAST_LETTER


def _merge_tag(prefix_tags: list[str], word_tag: str) -> str:
    if word_tag.startswith("I-") and any(tag == "B-" + word_tag[2:] for tag in prefix_tags):
        return "B-" + word_tag[2:]
    return word_tag


def _is_suffix(sentence: Sentence, index: int, out: list[list[str]]) -> bool:
    token = sentence[index][0]
    clitic = rules()
    if token not in enclitics() or not out or not _is_arabic_word(out[-1][0]):
        return False
    if token == clitic.both_ways and index + 1 < len(sentence):
        following = sentence[index + 1][0]
        # ك ما / ك الـ... is the preposition ka-, not the pronoun -ka.
        if following == clitic.preposition_before or following.startswith(clitic.article):
            return False
    return True


def rejoin_clitics(sentence: Sentence) -> Sentence:
    """Glue NewsFANE's split clitics back on, ANERcorp style: و ب الشيء -> وبالشيء."""
    out: list[list[str]] = []
    pending: list[Token] = []
    for index, (token, tag) in enumerate(sentence):
        if _is_suffix(sentence, index, out) and not pending:
            out[-1][0] += token
            continue
        following = sentence[index + 1][0] if index + 1 < len(sentence) else ""
        is_prefix = (
            token in proclitic_letters() and _is_arabic_word(following) and len(following) >= 2
        )
        if is_prefix and (token != rules().both_ways or not _is_suffix(sentence, index, out)):
            pending.append((token, tag))
            continue
        if pending:
            word = token
            for prefix, _ in reversed(pending):
                word = attach(prefix, word)
            tag = _merge_tag([t for _, t in pending], tag)
            token, pending = word, []
        out.append([token, tag])
    out.extend([token, tag] for token, tag in pending)
    return [(token, tag) for token, tag in out]


def newsfane_to_coarse(sentence: Sentence) -> Sentence:
    """Clitics rejoined, fine classes mapped to PER/LOC/ORG/MISC, and currency nouns
    (untagged in NewsFANE, MISC in ANERcorp) tagged MISC."""
    mapping = class_map("newsfane")
    joined = rejoin_clitics(sentence)
    tags = [_map_tag(tag, mapping) for _, tag in joined]
    for index, (token, _) in enumerate(joined):
        if tags[index] == "O" and is_currency(token):
            tags[index] = "B-MISC"
    tags = repair_bio(tags)
    return [(token, tag) for (token, _), tag in zip(joined, tags, strict=True)]


def entity_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """CoNLL spans ``(start, end, type)`` over token indices (an I- after O starts one)."""
    return _spans_of_column(tags)
