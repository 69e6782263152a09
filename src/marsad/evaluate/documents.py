"""The documents a gold file names, read from ``--docs`` as ``marsad extract`` reads them.

``--docs`` is a folder (documents by file name), a JSONL file (records by ``id``) or one
file. Only the gold's documents are read: marsad's corpus stage looks across all the
articles it is given, so the figures are those of ``marsad extract`` on exactly these.

A SaudiNewsNet record (``content`` and ``date_extracted``, no ``text``) is first
materialised as the gold README says: ``text`` = ``content``, ``published`` =
``date_extracted`` (a crawl time, an upper bound for the publication time), ``outlet`` =
``source_name``, with ``id``, ``title`` and ``url``. Other records are read as they are.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from marsad.ingest import InputError, read_inputs
from marsad.model import Article

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


class DocumentsError(ValueError):
    """The documents cannot be read as marsad reads them."""


def materialise(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record as marsad reads it: a SaudiNewsNet record mapped, any other unchanged."""
    if "text" in record or "content" not in record or "date_extracted" not in record:
        return dict(record)
    return {
        "id": record.get("id"),
        "text": record["content"],
        "title": record.get("title"),
        "url": record.get("url"),
        "published": record["date_extracted"],
        "outlet": record.get("source_name"),
    }


def _records(path: Path, wanted: set[str]) -> list[dict[str, Any]]:
    """The wanted records of a JSONL file, in file order, the first of each id."""
    chosen: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise DocumentsError(f"{path}#{number}: invalid JSON ({error.msg})") from error
            doc = str(record.get("id", "")) if isinstance(record, dict) else ""
            if doc in wanted and doc not in chosen:
                chosen[doc] = materialise(record)
    return list(chosen.values())


def _read(paths: Iterable[Path]) -> list[Article]:
    articles: list[Article] = []
    for item in read_inputs(list(paths)):
        if isinstance(item, InputError):
            raise DocumentsError(f"marsad cannot read a gold document: {item}")
        articles.append(item)
    return articles


def _read_jsonl(path: Path, wanted: set[str]) -> list[Article]:
    records = _records(path, wanted)
    if not records:
        return []
    with tempfile.TemporaryDirectory(prefix="marsad-eval-") as folder:
        materialised = Path(folder) / path.name
        with materialised.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return _read([materialised])


def _named_files(folder: Path, names: Sequence[str]) -> list[Path]:
    paths = []
    for name in names:
        path = folder / name
        if not path.is_file():
            path = next((p for p in sorted(folder.rglob(name)) if p.is_file()), path)
        if path.is_file():
            paths.append(path)
    return paths


def read_gold_documents(docs: Path, names: Sequence[str]) -> list[Article]:
    """The named documents found under ``docs``, read by ``marsad.ingest``; names that
    are not there are left out (the gold check reports them)."""
    docs = Path(docs)
    wanted = set(names)
    if docs.is_dir():
        found = _read(_named_files(docs, names))
    elif docs.suffix.lower() in JSONL_SUFFIXES:
        found = _read_jsonl(docs, wanted)
    elif docs.is_file() and docs.name in wanted:
        found = _read([docs])
    else:
        found = []
    return [article for article in found if article.doc in wanted]
