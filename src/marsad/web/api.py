"""REST API routes. Every list is paginated (limit/offset, total count); the largest page
is ``MAX_PAGE`` items and every item stays reachable through ``offset``: no hidden caps.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from marsad.export import EXPORTERS, EXTENSIONS, MEDIA_TYPES, export_timeline
from marsad.web.corpus import Corpus, CorpusCache
from marsad.web.search import query_words, search_ids, snippet
from marsad.web.uploads import (
    ALLOWED_SUFFIXES,
    IngestReport,
    ingest_files,
    safe_name,
    upload_folder,
)
from marsad.web.views import (
    article_detail,
    article_summary,
    entity_detail,
    event_detail,
    event_summary,
    quote_json,
)

MAX_PAGE = 500
DEFAULT_PAGE = 50

router = APIRouter(prefix="/api")

Limit = Annotated[
    int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}; use offset).")
]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
EntityType = Literal["PER", "ORG", "LOC", "EVENT", "MISC"]
ExportFormat = Literal["json", "csv", "timelinejs", "html", "md"]


def _corpus(request: Request) -> Corpus:
    cache: CorpusCache = request.app.state.corpus
    return cache.get()


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "items": items[offset : offset + limit],
    }


def _not_found(what: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} {key!r}")


@router.get("/articles", summary="Stored articles, in the order they were first saved")
def list_articles(
    request: Request, limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> dict[str, Any]:
    corpus = _corpus(request)
    chosen = corpus.articles[offset : offset + limit]
    return {
        "total": len(corpus.articles),
        "limit": limit,
        "offset": offset,
        "items": [article_summary(a) for a in chosen],
    }


@router.get("/articles/{article_id}", summary="One article: text, publication date, layers")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    article = _corpus(request).by_id.get(article_id)
    if article is None:
        raise _not_found("article", article_id)
    return article_detail(article)


@router.get("/timeline", summary="The timeline: dated events, undated events, conflicts")
def get_timeline(
    request: Request,
    kind: Annotated[str | None, Query(description="Only events of this kind.")] = None,
    story: Annotated[str | None, Query(description="Only events reported in this story.")] = None,
) -> dict[str, Any]:
    corpus = _corpus(request)
    members: set[str] | None = None
    if story is not None:
        found = next((s for s in corpus.stories if s.id == story), None)
        if found is None:
            raise _not_found("story", story)
        members = set(found.article_ids)

    def keep(event: Any) -> bool:
        if kind and event.kind != kind:
            return False
        return members is None or any(s.article_id in members for s in event.sources)

    timeline = corpus.timeline
    return {
        "events": [event_summary(e) for e in timeline.events if keep(e)],
        "undated": [event_summary(e) for e in timeline.undated if keep(e)],
        "conflicts": [c.to_json() for c in timeline.conflicts],
        "kinds": sorted({e.kind for e in corpus.events.values()}),
    }


@router.get("/events/{event_id}", summary="One event with each source's sentence in context")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    corpus = _corpus(request)
    event = corpus.events.get(event_id)
    if event is None:
        raise _not_found("event", event_id)
    return event_detail(event, corpus)


@router.get("/quotes", summary="Attributed statements, optionally by one speaker")
def list_quotes(
    request: Request,
    speaker: Annotated[str | None, Query(description="Part of the speaker's name.")] = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    wanted = speaker.casefold() if speaker else None
    items = [
        quote_json(quote, article)
        for article in _corpus(request).articles
        for quote in article.quotes
        if wanted is None or wanted in (quote.speaker or "").casefold()
    ]
    return _page(items, limit, offset)


@router.get("/entities", summary="Canonical entities with roles, spellings and mentions")
def list_entities(
    request: Request,
    type: Annotated[EntityType | None, Query(description="Entity type.")] = None,
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    rows = _corpus(request).entities
    if type is not None:
        rows = [row for row in rows if row["type"] == type]
    return _page(rows, limit, offset)


@router.get("/entities/{name}", summary="One entity: who, what they said, their events")
def get_entity(request: Request, name: str) -> dict[str, Any]:
    corpus = _corpus(request)
    row = next((r for r in corpus.entities if r["canonical"] == name), None)
    if row is None:
        raise _not_found("entity", name)
    return entity_detail(row, corpus)


@router.get("/factors", summary="Evidence for each factor of the default framework, by date")
def get_factors(request: Request) -> dict[str, Any]:
    return _corpus(request).factors


@router.get("/stories", summary="Articles clustered into stories")
def list_stories(
    request: Request, limit: Limit = DEFAULT_PAGE, offset: Offset = 0
) -> dict[str, Any]:
    return _page([s.to_json() for s in _corpus(request).stories], limit, offset)


@router.get("/search", summary="Arabic full-text search, tolerant of spelling and clitics")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
    limit: Limit = DEFAULT_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    corpus = _corpus(request)
    words = query_words(q)
    total, ids = search_ids(request.app.state.db_path, words, limit, offset)
    items = []
    for article_id in ids:
        article = corpus.by_id.get(article_id)
        if article is not None:
            items.append({**article_summary(article), "snippet": snippet(article, words).to_json()})
    return {"total": total, "limit": limit, "offset": offset, "words": words, "items": items}


@router.get("/export/timeline", summary="The timeline as json, csv, timelinejs, html or md")
def export(request: Request, format: ExportFormat = "json") -> Response:
    corpus = _corpus(request)
    body = export_timeline(corpus.timeline, corpus.by_id, format)
    name = f"marsad-timeline.{EXTENSIONS[format]}"
    return Response(
        body.encode("utf-8"),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _check_token(request: Request, authorization: str | None, x_token: str | None) -> None:
    expected: str | None = request.app.state.token
    given = x_token
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not expected or not given or not secrets.compare_digest(given, expected):
        raise HTTPException(
            status_code=401,
            detail="ingest needs the token given at start-up (Authorization: Bearer or X-Token)",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def _write(upload: UploadFile, target: Path) -> None:
    with target.open("wb") as out:
        while chunk := await upload.read(1 << 20):
            out.write(chunk)


@router.post("/ingest", summary="Upload .txt/.html/.json/.jsonl files to read and store")
async def ingest(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Files to ingest.")],
    authorization: Annotated[str | None, Header()] = None,
    x_token: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    _check_token(request, authorization, x_token)
    folder = upload_folder(request.app.state.data_dir)
    report = IngestReport(files=len(files))
    written: list[Path] = []
    for upload in files:
        name = safe_name(upload.filename or "")
        if name is None or Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
            report.errors.append(
                {
                    "file": upload.filename or "",
                    "error": f"not accepted: use {', '.join(sorted(ALLOWED_SUFFIXES))}",
                }
            )
            continue
        target = folder / name
        await _write(upload, target)
        written.append(target)
    await run_in_threadpool(ingest_files, written, request.app.state.db_path, report)
    request.app.state.corpus.invalidate()
    return report.to_json()


__all__ = ["EXPORTERS", "MAX_PAGE", "router"]
