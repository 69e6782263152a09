"""REST API routes. Every list is paginated (limit/offset, total count); the largest page
is ``MAX_PAGE`` items and every item stays reachable through ``offset``: no hidden caps.
Answers are encoded once per corpus and kept (``Corpus.response``), so a page asked for
again costs a dictionary look-up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import (
    APIRouter,
    Depends,
    File,
    Form,
    Header,
    HTTPException,
    Query,
    Request,
    UploadFile,
)
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from marsad.export import EXPORTERS, EXTENSIONS, MEDIA_TYPES, export_timeline
from marsad.web.corpus import Corpus, CorpusCache
from marsad.web.dates import PERIOD_PATTERN, in_period
from marsad.web.scope import MAX_LANE_MARKS, MAX_MARKS, Scope
from marsad.web.search import (
    MAX_MATCHES,
    MAX_WORDS,
    distinct_phrases,
    fts_query,
    highlight_forms,
    query_words,
    search_ids,
    snippet,
    word_forms,
)
from marsad.web.security import token_matches
from marsad.web.uploads import UploadError, ingest_uploads, parse_fields
from marsad.web.views import article_detail, event_detail, event_summary

MAX_PAGE = 500
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000_000
MAX_QUERY = 500
LIMITS = {
    "page": MAX_PAGE,
    "default_page": DEFAULT_PAGE,
    "offset": MAX_OFFSET,
    "matches": MAX_MATCHES,
    "words": MAX_WORDS,
    "query_chars": MAX_QUERY,
    "marks": MAX_MARKS,
    "lane_marks": MAX_LANE_MARKS,
}

router = APIRouter(prefix="/api")

Limit = Annotated[
    int, Query(ge=1, le=MAX_PAGE, description=f"Page size (at most {MAX_PAGE}; use offset).")
]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Period = Annotated[
    str | None,
    Query(pattern=PERIOD_PATTERN, description="ISO date or prefix: 2015, 2015-07, 2015-07-21."),
]
Text = Annotated[str | None, Query(max_length=MAX_QUERY)]
StoryId = Annotated[str | None, Query(max_length=100, description="Only this story (an id).")]
EntityType = Literal["PER", "ORG", "LOC", "EVENT", "MISC"]
ExportFormat = Literal["json", "csv", "timelinejs", "html", "md"]
Direction = Literal["up", "down", "none"]


def _corpus(request: Request) -> Corpus:
    cache: CorpusCache = request.app.state.corpus
    return cache.get()


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _answer(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _kept(corpus: Corpus, key: tuple[Any, ...], make: Any) -> Response:
    return _answer(corpus.response(key, lambda: _json(make())))


def _page(items: list[Any], limit: int, offset: int, **extra: Any) -> dict[str, Any]:
    return {
        "total": len(items),
        "limit": limit,
        "offset": offset,
        **extra,
        "items": items[offset : offset + limit],
    }


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int

    def key(self) -> tuple[int, int]:
        return self.limit, self.offset

    def cut(self, items: list[Any]) -> dict[str, Any]:
        return _page(items, self.limit, self.offset)


def paging(limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> Paging:
    return Paging(limit, offset)


PageQuery = Annotated[Paging, Depends(paging)]


def _not_found(what: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} {key!r}")


def _story_members(corpus: Corpus, story: str | None) -> set[str] | None:
    if story is None:
        return None
    index = corpus.story_index
    if story not in index.by_id:
        raise _not_found("story", story)
    return index.members(story)


def _entity_key(corpus: Corpus, entity: str | None) -> str | None:
    if entity is None:
        return None
    row = corpus.entity_index.find(entity)
    if row is None:
        raise _not_found("entity", entity)
    return str(row["key"])


# -- status ----------------------------------------------------------------------------


@router.get("/status", summary="Is the store loaded, which views are ready (never waits)")
def status(request: Request) -> dict[str, Any]:
    cache: CorpusCache = request.app.state.corpus
    return cache.status()


# -- articles --------------------------------------------------------------------------


@router.get("/articles", summary="Stored articles, in the order they were first saved")
def list_articles(
    request: Request,
    page: PageQuery,
    outlet: Text = None,
    story: StoryId = None,
) -> Response:
    corpus = _corpus(request)

    def make() -> dict[str, Any]:
        members = _story_members(corpus, story)
        rows = corpus.summaries
        if members is not None or outlet:
            rows = [
                r
                for r in rows
                if (members is None or r["id"] in members) and (not outlet or r["outlet"] == outlet)
            ]
        return page.cut(rows)

    return _kept(corpus, ("articles", outlet, story, *page.key()), make)


@router.get("/outlets", summary="Outlets with their number of articles")
def list_outlets(request: Request) -> Response:
    corpus = _corpus(request)

    def make() -> dict[str, Any]:
        counts: dict[str, int] = {}
        for article in corpus.articles:
            if article.outlet:
                counts[article.outlet] = counts.get(article.outlet, 0) + 1
        items = [
            {"outlet": o, "articles": n} for o, n in sorted(counts.items(), key=lambda i: -i[1])
        ]
        return {"total": len(items), "items": items}

    return _kept(corpus, ("outlets",), make)


@router.get("/articles/{article_id}", summary="One article: text, publication date, layers")
def get_article(request: Request, article_id: str) -> Response:
    corpus = _corpus(request)
    article = corpus.by_id.get(article_id)
    if article is None:
        raise _not_found("article", article_id)

    def make() -> dict[str, Any]:
        stories = corpus.story_index
        group = stories.group_of.get(article.id)
        return {
            **article_detail(article),
            "story": stories.story_of.get(article.id),
            "reprints": stories.reprint_chain(group) if group else None,
        }

    return _kept(corpus, ("article", article_id), make)


# -- timeline and events -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScopeParams:
    story: str | None
    kind: str | None
    entity: str | None
    q: str | None
    since: str | None
    until: str | None

    def key(self) -> tuple[Any, ...]:
        return (self.story, self.kind, self.entity, self.q, self.since, self.until)


def scope_params(
    story: StoryId = None,
    kind: Annotated[str | None, Query(max_length=100, description="An event kind.")] = None,
    entity: Annotated[
        str | None, Query(max_length=300, description="An entity key or name.")
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_QUERY,
            description="Only events reported by articles matching these words.",
        ),
    ] = None,
    since: Period = None,
    until: Period = None,
) -> ScopeParams:
    return ScopeParams(story, kind or None, entity, q or None, since, until)


def _scope(request: Request, corpus: Corpus, params: ScopeParams) -> Scope:
    _story_members(corpus, params.story)
    articles = None
    if params.q:
        words = query_words(params.q)
        ids = search_ids(request.app.state.readers.get(), fts_query(words)) if words else []
        articles = frozenset(ids)
    return Scope(
        story=params.story,
        kind=params.kind,
        entity=_entity_key(corpus, params.entity),
        since=params.since,
        until=params.until,
        articles=articles,
    )


ScopeQuery = Annotated[ScopeParams, Depends(scope_params)]


@router.get("/timeline", summary="The timeline of a scope: dated events, undated, conflicts")
def get_timeline(
    request: Request,
    params: ScopeQuery,
    limit: Limit = MAX_PAGE,
    offset: Offset = 0,
    undated_offset: Offset = 0,
) -> Response:
    corpus = _corpus(request)

    def make() -> dict[str, Any]:
        scoped = corpus.scopes.select(_scope(request, corpus, params))
        timeline = scoped.timeline
        return {
            "total": len(scoped.dated),
            "undated_total": len(scoped.undated),
            "limit": limit,
            "offset": offset,
            "events": [event_summary(e) for e in scoped.dated[offset : offset + limit]],
            "undated": [
                event_summary(e) for e in scoped.undated[undated_offset : undated_offset + limit]
            ],
            "conflicts": [c.to_json() for c in timeline.conflicts],
            "name_dates": [c.to_json() for c in timeline.name_dates],
            "kinds": sorted({e.kind for e in corpus.events.values()}),
        }

    return _kept(corpus, ("timeline", params.key(), limit, offset, undated_offset), make)


@router.get("/timeline/axis", summary="Marks for the time axis of a scope, with its lanes")
def get_axis(request: Request, params: ScopeQuery) -> Response:
    corpus = _corpus(request)

    def make() -> dict[str, Any]:
        axis = corpus.scopes.axis(_scope(request, corpus, params))
        axis["kinds"] = sorted({e.kind for e in corpus.events.values()})
        return axis

    return _kept(corpus, ("axis", params.key()), make)


@router.get("/events/{event_id}", summary="One event with each source's sentence in context")
def get_event(request: Request, event_id: str) -> Response:
    corpus = _corpus(request)
    event = corpus.events.get(event_id)
    if event is None:
        raise _not_found("event", event_id)
    return _kept(corpus, ("event", event_id), lambda: event_detail(event, corpus))


@router.get("/export/timeline", summary="The scoped timeline as json, csv, timelinejs, html or md")
def export(request: Request, params: ScopeQuery, format: ExportFormat = "json") -> Response:
    corpus = _corpus(request)
    scoped = corpus.scopes.select(_scope(request, corpus, params))
    body = export_timeline(scoped.timeline, corpus.by_id, format)
    name = f"marsad-timeline.{EXTENSIONS[format]}"
    return Response(
        body.encode("utf-8"),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


# -- quotes, entities, factors, stories ------------------------------------------------------


@router.get(
    "/quotes", summary="Attributed statements by speaker (either script), words, story, period"
)
def list_quotes(
    request: Request,
    page: PageQuery,
    speaker: Annotated[
        str | None,
        Query(max_length=300, description="Part of the speaker's name, Latin or Arabic."),
    ] = None,
    q: Annotated[
        str | None, Query(max_length=MAX_QUERY, description="Words of the statement.")
    ] = None,
    story: StoryId = None,
    since: Period = None,
    until: Period = None,
) -> Response:
    corpus = _corpus(request)

    def make() -> dict[str, Any]:
        members = _story_members(corpus, story)
        found = corpus.quotes.select(speaker, q, members, since, until)
        return page.cut(found)

    return _kept(corpus, ("quotes", speaker, q, story, since, until, *page.key()), make)


@router.get("/entities", summary="Entities with names, roles, spellings and mentions")
def list_entities(
    request: Request,
    page: PageQuery,
    type: Annotated[EntityType | None, Query(description="Entity type.")] = None,
    name: Annotated[
        str | None, Query(max_length=300, description="Part of a name, either script.")
    ] = None,
) -> Response:
    corpus = _corpus(request)

    def make() -> dict[str, Any]:
        rows = corpus.entity_index.rows
        if type is not None:
            rows = [row for row in rows if row["type"] == type]
        if name:
            wanted = name.casefold()
            folded = " ".join(query_words(name))
            names = corpus.entity_index.folded_names
            rows = [
                row
                for row in rows
                if wanted in row["canonical"].casefold() or (folded and folded in names[row["key"]])
            ]
        return page.cut(rows)

    return _kept(corpus, ("entities", type, name, *page.key()), make)


@router.get(
    "/entities/{name:path}", summary="One entity: names, roles, statements, events, company"
)
def get_entity(request: Request, name: str) -> Response:
    corpus = _corpus(request)
    row = corpus.entity_index.find(name)
    if row is None:
        raise _not_found("entity", name)
    key = row["key"]
    return _kept(corpus, ("entity", key), lambda: corpus.entity_index.page(key))


@router.get("/factors", summary="Evidence for each factor of the default framework, by date")
def get_factors(request: Request) -> Response:
    corpus = _corpus(request)
    return _kept(corpus, ("factors",), lambda: corpus.factors)


@router.get("/factors/{factor_id}/evidence", summary="The evidence sentences of one factor")
def factor_evidence(
    request: Request,
    page: PageQuery,
    factor_id: str,
    direction: Direction | None = None,
    since: Period = None,
    until: Period = None,
) -> Response:
    corpus = _corpus(request)
    index = corpus.factor_evidence
    if factor_id not in index.items:
        raise _not_found("factor", factor_id)

    def make() -> dict[str, Any]:
        return page.cut(index.select(factor_id, direction, since, until))

    return _kept(corpus, ("evidence", factor_id, direction, since, until, *page.key()), make)


@router.get("/stories", summary="Articles clustered into stories, largest first")
def list_stories(request: Request, page: PageQuery) -> Response:
    corpus = _corpus(request)

    def make() -> dict[str, Any]:
        index = corpus.story_index
        return page.cut([index.summary(s) for s in index.stories])

    return _kept(corpus, ("stories", *page.key()), make)


@router.get("/stories/{story_id}", summary="One story: outlets, reprint chains, conflicts")
def get_story(request: Request, story_id: str) -> Response:
    corpus = _corpus(request)
    if story_id not in corpus.story_index.by_id:
        raise _not_found("story", story_id)
    return _kept(corpus, ("story", story_id), lambda: corpus.story_index.page(story_id))


# -- search ------------------------------------------------------------------------------


def _covered(words: list[str], spelling: list[str]) -> bool:
    """True when the query words already find this spelling (a Latin one never matches)."""
    if "".join(spelling).isascii():
        return True
    return bool(words) and all(any(s in word_forms(w) for s in spelling) for w in words)


@router.get("/search", summary="Arabic full-text search, tolerant of spelling and clitics")
def search(
    request: Request,
    page: PageQuery,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="Words to find.")],
    outlet: Text = None,
    story: StoryId = None,
    since: Period = None,
    until: Period = None,
) -> Response:
    corpus = _corpus(request)

    def make() -> dict[str, Any]:
        words = query_words(q)
        entities = corpus.entity_index.named_by(q)
        phrases = distinct_phrases(
            spelling
            for row in entities
            for alias in row["names"][:12]
            if (spelling := query_words(alias)) and not _covered(words, spelling)
        )
        expression = fts_query(words, phrases)
        ids = search_ids(request.app.state.readers.get(), expression)
        members = _story_members(corpus, story)
        chosen = []
        for article_id in ids:
            article = corpus.by_id.get(article_id)
            if article is None or (members is not None and article_id not in members):
                continue
            if outlet and article.outlet != outlet:
                continue
            if since or until:
                day = (article.published.value or "")[:10]
                if not day or not in_period((day, day), since, until):
                    continue
            chosen.append(article)
        forms = highlight_forms(words, phrases)
        summaries = corpus.summary_by_id
        items = [
            {**summaries[a.id], "snippet": snippet(a, forms).to_json()}
            for a in chosen[page.offset : page.offset + page.limit]
        ]
        return {
            "total": len(chosen),
            "limit": page.limit,
            "offset": page.offset,
            "words": words,
            "entities": [
                {"key": r["key"], "canonical": r["canonical"], "canonical_ar": r["canonical_ar"]}
                for r in entities
            ],
            "items": items,
        }

    return _kept(corpus, ("search", q, outlet, story, since, until, *page.key()), make)


# -- ingest ------------------------------------------------------------------------------


FIELDS_HELP = "JSON field mappings OURS=THEIRS, space-separated: text=content published=date"
PUBLISHED_HELP = "Publication date of every file (ISO 8601)."


def _check_token(request: Request, authorization: str | None, x_token: str | None) -> None:
    given = x_token
    if authorization and authorization[:7].lower() == "bearer ":
        given = authorization[7:].strip()
    if not token_matches(given, request.app.state.token):
        raise HTTPException(
            status_code=401,
            detail="ingest needs the token given at start-up (Authorization: Bearer or X-Token)",
            headers={"WWW-Authenticate": "Bearer"},
        )


@router.post("/ingest", summary="Upload .txt/.html/.json/.jsonl files to read and store")
async def ingest(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Files to ingest.")],
    fields: Annotated[str | None, Form(description=FIELDS_HELP)] = None,
    outlet: Annotated[str | None, Form(max_length=200, description="Outlet of every file.")] = None,
    published: Annotated[str | None, Form(max_length=40, description=PUBLISHED_HELP)] = None,
    authorization: Annotated[str | None, Header()] = None,
    x_token: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    _check_token(request, authorization, x_token)
    try:
        options = parse_fields(fields, outlet or None, published or None)
    except UploadError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error
    report = await ingest_uploads(
        files, request.app.state.data_dir, request.app.state.db_path, options, run_in_threadpool
    )
    request.app.state.corpus.invalidate()
    return report.to_json()


__all__ = ["EXPORTERS", "LIMITS", "MAX_PAGE", "router"]
