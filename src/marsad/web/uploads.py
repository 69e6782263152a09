"""Uploaded files: safe names inside the data folder, then read, annotate and store.

A name keeps only its last path part and letters, digits, dot, dash and underscore
(Arabic letters included), so nothing is ever written outside ``data_dir/uploads``.
The same file name replaces its earlier upload, so uploading a file twice stores its
articles once (article ids come from source path and text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from marsad.ingest import InputError, ReadOptions, read_inputs
from marsad.pipeline import annotate
from marsad.store import Store

ALLOWED_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson"})
_UNSAFE = re.compile(r"[^\w.\-]+")
_MAX_NAME = 120


def safe_name(name: str) -> str | None:
    """A file name that cannot leave its folder, or None when nothing usable is left."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    cleaned = _UNSAFE.sub("_", base).lstrip(".")[-_MAX_NAME:]
    if not cleaned or cleaned in {".", ".."}:
        return None
    return cleaned


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    articles: int = 0
    new: int = 0
    updated: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "articles": self.articles,
            "new": self.new,
            "updated": self.updated,
            "errors": self.errors,
        }


def upload_folder(data_dir: Path) -> Path:
    folder = data_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _relative(path: str, folder: Path) -> str:
    try:
        return str(Path(path).relative_to(folder))
    except ValueError:
        return Path(path).name


def ingest_files(paths: list[Path], db_path: Path, report: IngestReport) -> IngestReport:
    """Read, annotate and save the written uploads; errors go to the report per file."""
    if not paths:
        return report
    folder = paths[0].parent
    articles = []
    for item in read_inputs(paths, ReadOptions()):
        if isinstance(item, InputError):
            report.errors.append({"file": _relative(item.path, folder), "error": item.reason})
            continue
        articles.append(annotate(item))
    with Store(db_path) as store:
        report.new, report.updated = store.save_many(articles)
    report.articles = len(articles)
    return report
