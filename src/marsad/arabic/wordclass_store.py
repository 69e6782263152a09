"""The packaged word-class lexicon (resources/wordclasses.bin): folded form -> readings.

File layout, all written by ``encode`` (scripts/build_wordclasses.py):

    # header lines (origin, licence)
    readings <count>                 then <count> lines: space-separated reading codes
    ids <byte count>                 then one little-endian uint16 per trie key id:
                                     the index of that key's readings line
    <marisa trie of the folded forms, to the end of the file>

A marisa trie is used because the lexicon has ~350k forms: read into a dict from a
grouped text file (4.4 MB) they took ~230 ms to load; the trie file (1.65 MB) decodes in
2-5 ms (measured on this machine).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import marisa_trie

from marsad.resources import load_bytes

RESOURCE = "wordclasses.bin"
_READINGS, _IDS = b"readings ", b"ids "


def encode(header: Iterable[str], rows: Iterable[tuple[str, str]]) -> bytes:
    """The file for ``(form, codes)`` rows; identical bytes for identical rows."""
    rows = sorted(rows)
    readings = sorted({codes for _form, codes in rows})
    if len(readings) >= 1 << 16:
        raise ValueError(f"{len(readings)} distinct readings do not fit 16-bit ids")
    index = {codes: number for number, codes in enumerate(readings)}
    trie = marisa_trie.Trie([form for form, _codes in rows])
    ids = array("H", [0]) * len(rows)
    for form, codes in rows:
        ids[trie[form]] = index[codes]
    if ids.itemsize != 2:
        raise ValueError("uint16 array is not two bytes here")
    ids_bytes = ids.tobytes() if _little_endian() else _swapped(ids).tobytes()
    text = "".join(f"# {line}\n" for line in header)
    text += f"readings {len(readings)}\n" + "".join(f"{codes}\n" for codes in readings)
    head = text.encode("utf-8") + _IDS + str(len(ids_bytes)).encode("ascii") + b"\n"
    return head + ids_bytes + trie.tobytes()


def _little_endian() -> bool:
    return array("H", [1]).tobytes() == b"\x01\x00"


def _swapped(ids: array[int]) -> array[int]:
    copy = array("H", ids)
    copy.byteswap()
    return copy


@dataclass(frozen=True, slots=True)
class Store:
    header: tuple[str, ...]
    readings: tuple[str, ...]
    ids: array[int]
    trie: marisa_trie.Trie

    def lookup(self, form: str) -> str | None:
        """Space-separated reading codes of a folded form, best first; None if unknown."""
        key_id = self.trie.get(form)
        return None if key_id is None else self.readings[self.ids[key_id]]

    def __len__(self) -> int:
        return len(self.trie)


def decode(blob: bytes) -> Store:
    header: list[str] = []
    position = 0
    while blob.startswith(b"#", position):
        end = blob.index(b"\n", position)
        header.append(blob[position + 1 : end].decode("utf-8").strip())
        position = end + 1
    if not blob.startswith(_READINGS, position):
        raise ValueError(f"{RESOURCE}: no readings table after the header")
    end = blob.index(b"\n", position)
    count = int(blob[position + len(_READINGS) : end])
    lines = blob[end + 1 :].split(b"\n", count)
    readings = tuple(line.decode("ascii") for line in lines[:count])
    rest = lines[count]
    if not rest.startswith(_IDS):
        raise ValueError(f"{RESOURCE}: no id table after the readings")
    end = rest.index(b"\n")
    size = int(rest[len(_IDS) : end])
    ids = array("H")
    ids.frombytes(rest[end + 1 : end + 1 + size])
    if not _little_endian():
        ids.byteswap()
    trie = marisa_trie.Trie()
    trie.frombytes(rest[end + 1 + size :])
    return Store(tuple(header), readings, ids, trie)


@cache
def store() -> Store:
    """The packaged lexicon, loaded once."""
    return decode(load_bytes(RESOURCE))
