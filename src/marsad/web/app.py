"""The FastAPI application: the REST API under /api, the page at /, docs at /docs.

Everything the browser loads is served by the package (the API docs' Swagger UI is
vendored under static/swagger-ui), so the app works with no network at all.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad import __version__
from marsad.store import Store
from marsad.web.api import LIMITS, router
from marsad.web.corpus import CorpusCache
from marsad.web.db import Readers
from marsad.web.security import HostGuard, SecurityHeaders, allowed_hosts

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
STATIC = Path(str(resources.files(__package__).joinpath("static")))


class BodyLimit:
    """413 for request bodies over ``limit`` bytes, declared or streamed (chunked)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(send, self.limit)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(status_code=413, detail=_too_large_text(self.limit))
            return message

        await self.app(scope, counted, send)


def _too_large_text(limit: int) -> str:
    return f"request body over {limit // (1024 * 1024)} MB"


async def _too_large(send: Send, limit: int) -> None:
    body = ('{"detail": "' + _too_large_text(limit) + '"}').encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


DESCRIPTION = f"""Sourced, dated timelines from Arabic news reports (مرصد).

Limits and errors:

- Every list is paginated: `limit` from 1 to {LIMITS["page"]} (default
  {LIMITS["default_page"]}), `offset` from 0 to {LIMITS["offset"]:,}; `total` counts the
  items and every item is reachable by paging.
- A search considers its {LIMITS["matches"]:,} best matching articles; a query keeps
  its first {LIMITS["words"]} words and at most {LIMITS["query_chars"]} characters.
- The timeline axis sends the {LIMITS["marks"]:,} most reported events of its scope as
  marks, and {LIMITS["lane_marks"]} of each of the background and undated lanes, with
  the totals.
- An upload body is at most {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; uploads need the
  token in the `Authorization: Bearer` (or `X-Token`) header, never in the URL.
- A bad parameter is a 422, an unknown id a 404, a request for another Host a 400, a
  store locked by a writer for too long a 503 with `Retry-After`.
"""


def create_app(
    db_path: str | Path,
    token: str | None,
    data_dir: str | Path,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    hosts: Iterable[str] = (),
    warm: bool = True,
) -> FastAPI:
    """The app over the store at ``db_path``; ingest needs ``token`` (None: disabled).

    It answers for 127.0.0.1, localhost and ::1, and for the names in ``hosts``; with
    ``warm`` a background thread computes every view of the store as soon as it starts.
    """
    db = Path(db_path)
    with Store(db):
        pass  # create the store (and check its schema version) before the first request
    readers = Readers(db)
    cache = CorpusCache(db, warm=warm)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        readers.close()
        cache.close()

    app = FastAPI(
        title="marsad",
        description=DESCRIPTION,
        version=__version__,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db_path = db
    app.state.token = token
    app.state.data_dir = Path(data_dir)
    app.state.corpus = cache
    app.state.readers = readers
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> Any:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Any:
        return FileResponse(STATIC / "docs.html", media_type="text/html; charset=utf-8")

    @app.exception_handler(sqlite3.OperationalError)
    async def busy(request: Request, error: sqlite3.OperationalError) -> JSONResponse:
        # The store is locked by a writer for longer than a reader waits: try again.
        return JSONResponse(
            {"detail": f"the store is busy ({error}); try again"},
            status_code=503,
            headers={"Retry-After": "2"},
        )

    if warm:  # read the store now, the views after it, while the server starts
        threading.Thread(target=cache.get, name="marsad-load", daemon=True).start()
    app.add_middleware(BodyLimit, limit=max_upload_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostGuard, hosts=allowed_hosts(hosts))
    return app
