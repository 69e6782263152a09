#!/usr/bin/env python3
"""Count the Arabic string literals in marsad's code, outside docstrings.

Language knowledge lives in ``src/marsad/resources/``; a ``.py`` file may hold Arabic only
as display text (labels a user reads). A literal counts when any of its characters is in
an Arabic block (letters, marks, digits, punctuation such as ، ؛ ؟; not U+FEFF, the byte-order
mark, which only shares a block with Arabic presentation forms). f-strings count once.

    python scripts/count_arabic_literals.py [--list] [--limit N] [PATH ...]

Prints the count per file and the total; with ``--list``, every literal with its line.
With ``--limit N`` the exit status is 1 when the total exceeds N.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe]")


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def literals(path: Path) -> Iterator[tuple[int, str]]:
    """(line, value) of every Arabic string literal outside docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = _docstrings(tree)
    inside_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = [v for v in node.values if isinstance(v, ast.Constant)]
            inside_fstrings.update(id(part) for part in parts)
            text = "".join(str(part.value) for part in parts)
            if ARABIC.search(text):
                yield node.lineno, text
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and id(node) not in inside_fstrings
            and ARABIC.search(node.value)
        ):
            yield node.lineno, node.value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "src" / "marsad"])
    parser.add_argument("--list", action="store_true", help="print every literal")
    parser.add_argument("--limit", type=int, default=None, help="fail above this total")
    args = parser.parse_args(argv)
    total = 0
    for root in args.paths:
        files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
        for path in files:
            found = sorted(literals(path))
            if not found:
                continue
            total += len(found)
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            print(f"{len(found):4d}  {shown}")
            if args.list:
                for line, value in found:
                    print(f"        {line}: {value!r}")
    print(f"{total:4d}  total")
    return 1 if args.limit is not None and total > args.limit else 0


if __name__ == "__main__":
    sys.exit(main())
