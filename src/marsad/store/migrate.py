"""Schema migrations: numbered SQL files per back end, applied in order, recorded in
``schema_version``.

``migrations/<dialect>/NNNN_name.sql`` holds the statements that take a store from
version NNNN-1 to NNNN; both back ends move in step, so one ``SCHEMA_VERSION`` names the
schema this marsad reads.
"""

from __future__ import annotations

import re
from importlib import resources

SCHEMA_VERSION = 7
DIALECTS = ("sqlite", "postgres")
_NAME = re.compile(r"(\d{4})_[a-z0-9_]+\.sql")


def migrations(dialect: str) -> list[tuple[int, str]]:
    """Every migration of the back end as (version, SQL), oldest first."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown store dialect {dialect!r}")
    folder = resources.files(__package__).joinpath("migrations", dialect)
    found = []
    for entry in folder.iterdir():
        match = _NAME.fullmatch(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def pending(dialect: str, current: int) -> list[tuple[int, str]]:
    """The migrations still to apply to a store at version ``current``."""
    return [(v, sql) for v, sql in migrations(dialect) if current < v <= SCHEMA_VERSION]
