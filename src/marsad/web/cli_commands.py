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


WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})


class ServeError(ValueError):
    """A start-up option that the server refuses (too short a token)."""


def serve(
    db: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    data_dir: Path | None = None,
    allow_hosts: Sequence[str] = (),
) -> None:
    """Run the web app over the store ``db`` until interrupted.

    Uploads need ``token``; without one a random token is made and printed, so ingest
    is never open to anyone who can reach the port. Uploaded files go to ``data_dir``
    (default: a ``marsad-data`` folder beside the store). The app answers for
    127.0.0.1, localhost, the bound address and the names in ``allow_hosts``.
    """
    import uvicorn

    from marsad.web.app import create_app
    from marsad.web.security import token_problem

    if token is None:
        token = secrets.token_urlsafe(18)
        sys.stderr.write(f"upload token (give it on the ingest page): {token}\n")
    elif (problem := token_problem(token)) is not None:
        raise ServeError(problem)
    if host in WILDCARD_HOSTS:
        sys.stderr.write(
            f"warning: --host {host} listens on every network interface: anyone who can "
            "reach this machine can read the store. Give --allow-host NAME for each name "
            "the server is reached by.\n"
        )
    names = [*allow_hosts] if host in WILDCARD_HOSTS else [host, *allow_hosts]
    folder = data_dir or db.resolve().parent / "marsad-data"
    app = create_app(db, token, folder, hosts=names)
    sys.stderr.write(f"marsad at http://{host}:{port}/  (API docs at /docs)\n")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
