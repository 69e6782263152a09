"""Uploaded files: stored where no upload can replace another, then read, annotated, saved.

A name keeps only its last path part and letters, digits, dot, dash and underscore
(Arabic letters included), so nothing is ever written outside ``data_dir/uploads``. Each
file lands in a folder named by a hash of its bytes, under its own (safe) name: two
different files never share a path, whatever their names ("a b.txt" and "a_b.txt", or
one name twice), and the same file uploaded again is the same path and so the same
article. Each file is read on its own: a file that cannot be read, or whose reader
fails, is one error in the report and the other files still land.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, TypeVar

from fastapi import UploadFile

from marsad.ingest import InputError, ReadOptions, read_inputs
from marsad.model import Article
from marsad.pipeline import annotate
from marsad.store import Store

ALLOWED_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson"})
_UNSAFE = re.compile(r"[^\w.\-]+")
_MAX_NAME = 120
_HASH_CHARS = 16
_CHUNK = 1 << 20
_T = TypeVar("_T")
Threaded = Callable[..., Awaitable[Any]]


class UploadError(ValueError):
    """A problem with the upload's options (a field mapping that cannot be used)."""


def safe_name(name: str) -> str | None:
    """A file name that cannot leave its folder, or None when nothing usable is left."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    cleaned = _UNSAFE.sub("_", base).lstrip(".")[-_MAX_NAME:]
    if not cleaned or cleaned in {".", ".."}:
        return None
    return cleaned


def parse_fields(
    fields: str | None, outlet: str | None = None, published: str | None = None
) -> ReadOptions:
    """ReadOptions from the form: mappings ``OURS=THEIRS`` separated by spaces or commas."""
    mapping: dict[str, str] = {}
    for item in re.split(r"[\s,]+", (fields or "").strip()):
        if not item:
            continue
        ours, sep, theirs = item.partition("=")
        if not sep or not ours or not theirs:
            raise UploadError(f"a field mapping is OURS=THEIRS (text=content), got {item!r}")
        mapping[ours] = theirs
    try:
        return ReadOptions(published=published, fields=mapping, outlet=outlet)
    except ValueError as error:
        raise UploadError(str(error)) from error


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    articles: int = 0
    new: int = 0
    updated: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)  # where each accepted file was kept

    def error(self, name: str, reason: str, count: int = 1) -> None:
        entry: dict[str, Any] = {"file": name, "error": reason}
        if count > 1:
            entry["count"] = count
        self.errors.append(entry)

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "articles": self.articles,
            "new": self.new,
            "updated": self.updated,
            "errors": self.errors,
            "stored": self.stored,
        }


def upload_folder(data_dir: Path) -> Path:
    folder = data_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


async def _keep(upload: UploadFile, folder: Path, name: str) -> Path:
    """Write the upload under ``folder/<hash of its bytes>/name``; returns that path."""
    digest = hashlib.sha256()
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".upload-")
    try:
        with os.fdopen(handle, "wb") as out:
            while chunk := await upload.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
        home = folder / digest.hexdigest()[:_HASH_CHARS]
        home.mkdir(exist_ok=True)
        target = home / name
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise OSError(f"{target.name}: not a regular file")
        os.replace(temporary, target)  # the same bytes under the same name: same file
        return target
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _storable(article: Article) -> str | None:
    """Why an article cannot be stored as UTF-8 (a lone surrogate, say), or None."""
    for name in ("text", "title", "url", "outlet", "doc"):
        value = getattr(article, name)
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            return f"{name} holds a character that is not valid Unicode at {error.start}"
    return None


def read_one(path: Path, options: ReadOptions, name: str, report: IngestReport) -> list[Article]:
    """The annotated articles of one file; each problem reported once, with a count."""
    articles: list[Article] = []
    problems: Counter[str] = Counter()
    try:
        for item in read_inputs([path], options):
            if isinstance(item, InputError):
                problems[item.reason] += 1
                continue
            reason = _storable(item)
            if reason is not None:
                problems[reason] += 1
                continue
            articles.append(annotate(item))
    except Exception as error:  # a reader that fails loses this file, never the others
        problems[f"could not be read ({type(error).__name__}: {str(error)[:200]})"] += 1
    for reason, count in problems.items():
        report.error(name, reason, count)
    return articles


def _save(db_path: Path, articles: list[Article]) -> tuple[int, int]:
    with Store(db_path) as store:
        return store.save_many(articles)


async def ingest_uploads(
    uploads: list[UploadFile],
    data_dir: Path,
    db_path: Path,
    options: ReadOptions,
    threaded: Threaded,
) -> IngestReport:
    """Keep, read, annotate and save the uploads; ``threaded`` runs blocking work."""
    folder = upload_folder(data_dir)
    report = IngestReport(files=len(uploads))
    kept: dict[Path, str] = {}
    for upload in uploads:
        given = upload.filename or ""
        name = safe_name(given)
        if name is None or Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
            accepted = ", ".join(sorted(ALLOWED_SUFFIXES))
            report.error(given, f"not accepted: use {accepted}")
            continue
        try:
            path = await _keep(upload, folder, name)
        except OSError as error:
            report.error(given, f"could not be kept: {error}")
            continue
        kept.setdefault(path, given)
    articles: list[Article] = []
    for path, given in kept.items():
        report.stored.append(str(path.relative_to(folder)))
        articles.extend(await threaded(read_one, path, options, given, report))
    if articles:
        report.new, report.updated = await threaded(_save, db_path, articles)
    report.articles = len(articles)
    return report
