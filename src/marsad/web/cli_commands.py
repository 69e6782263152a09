"""The functions behind `marsad serve` and the export formats of `marsad timeline`."""

from __future__ import annotations

import secrets
import sys
from collections.abc import Sequence
from pathlib import Path

from marsad.corpus.timeline import Timeline
from marsad.export import EXPORTERS, export_timeline
from marsad.model import Article

EXPORT_FORMATS = tuple(EXPORTERS)


def timeline_export(articles: Sequence[Article], timeline: Timeline, fmt: str) -> str:
    """The built timeline of ``articles`` in an export format (json, csv, timelinejs ...)."""
    return export_timeline(timeline, {a.id: a for a in articles}, fmt)


def serve(
    db: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    data_dir: Path | None = None,
) -> None:
    """Run the web app over the store ``db`` until interrupted.

    Uploads need ``token``; without one a random token is made and printed, so ingest
    is never open to anyone who can reach the port. Uploaded files go to ``data_dir``
    (default: a ``marsad-data`` folder beside the store).
    """
    import uvicorn

    from marsad.web.app import create_app

    if token is None:
        token = secrets.token_urlsafe(18)
        sys.stderr.write(f"upload token (give it on the ingest page): {token}\n")
    folder = data_dir or db.resolve().parent / "marsad-data"
    app = create_app(db, token, folder)
    sys.stderr.write(f"marsad at http://{host}:{port}/  (API docs at /docs)\n")
    uvicorn.run(app, host=host, port=port, log_level="warning")
