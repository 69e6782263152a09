"""Language knowledge as data: small TSV / text / YAML files with one loader.

A resource file is UTF-8; blank lines and lines starting with ``#`` are comments. TSV
rows are split on tabs. Adding a spelling variant is a one-line change to a file here.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def resource_names(prefix: str, suffix: str) -> tuple[str, ...]:
    """Names of the resource files ``prefix*suffix``, sorted (``gazetteer_*.tsv``)."""
    found = (
        entry.name
        for entry in resources.files(__package__).iterdir()
        if entry.is_file() and entry.name.startswith(prefix) and entry.name.endswith(suffix)
    )
    return tuple(sorted(found))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-comment, non-blank lines of a resource file, stripped."""
    out = []
    for line in _read(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def load_tsv(name: str, columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV resource; with ``columns``, every row must have at least that many."""
    rows = []
    for number, line in enumerate(_read(name).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if columns is not None and len(cells) < columns:
            raise ValueError(f"resource {name} line {number}: expected {columns} columns")
        rows.append(cells)
    return tuple(rows)


@cache
def load_yaml(name: str) -> Any:
    return yaml.safe_load(_read(name))


@cache
def load_bytes(name: str) -> bytes:
    """A binary resource (the word-class lexicon), read whole."""
    return resources.files(__package__).joinpath(name).read_bytes()
