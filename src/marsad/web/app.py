"""The FastAPI application: the REST API under /api, the page at /, docs at /docs."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.store import Store
from marsad.web.api import router
from marsad.web.corpus import CorpusCache

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


def create_app(
    db_path: str | Path,
    token: str | None,
    data_dir: str | Path,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
) -> FastAPI:
    """The app over the store at ``db_path``; ingest needs ``token`` (None: disabled)."""
    db = Path(db_path)
    with Store(db):
        pass  # create the store (and check its schema version) before the first request
    app = FastAPI(
        title="marsad",
        description="Sourced, dated timelines from Arabic news reports (مرصد).",
        version="0.1.0",
    )
    app.state.db_path = db
    app.state.token = token
    app.state.data_dir = Path(data_dir)
    app.state.corpus = CorpusCache(db)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> Any:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.add_middleware(BodyLimit, limit=max_upload_bytes)
    return app
