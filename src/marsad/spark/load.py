"""Read the Spark job's Parquet output back as articles (pyarrow; no JVM needed)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from marsad.ingest.checks import admitted
from marsad.ingest.inputs import InputError, shown_path
from marsad.model import Article
from marsad.store.rows import article_from_record

COLUMNS = ("id", "source", "error", "record")


def parquet_files(path: str | Path) -> list[Path]:
    """The Parquet part files of a job's output folder (or the file itself), in order."""
    root = Path(path)
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.parquet") if not p.name.startswith((".", "_")))


def read_parquet(paths: Sequence[str | Path]) -> Iterator[Article | InputError]:
    """Articles with every layer, as annotated by the job; its input errors, as errors.

    A file that is not the job's Parquet, or is damaged, is one error and the next file is
    read; a row that does not hold a whole article is an error naming it (file#row).
    """
    for given in paths:
        try:
            files = parquet_files(given)
        except OSError as error:
            reason = f"unreadable ({error.strerror}): check the path"
            yield InputError(shown_path(str(given)), reason)
            continue
        if not files:
            yield InputError(str(given), "no Parquet files found: is it marsad.spark.job output?")
            continue
        for file in files:
            yield from _read_file(file)


def _read_file(file: Path) -> Iterator[Article | InputError]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    where = shown_path(str(file))
    number = 0
    try:
        for batch in pq.ParquetFile(file).iter_batches(columns=list(COLUMNS)):
            for row in batch.to_pylist():
                number += 1
                yield _item(row, f"{where}#{number}")
    except (pa.ArrowException, OSError, ValueError) as error:
        said = (str(error).splitlines() or [""])[0][:120]
        yield InputError(
            where,
            f"not readable as marsad.spark.job Parquet ({said}): {number} row(s) read before it; "
            "run the job again for this part",
        )


def _item(row: dict[str, Any], where: str) -> Article | InputError:
    if row["error"] is not None:
        return InputError(row["source"] or where, row["error"])
    try:
        article = article_from_record(json.loads(row["record"]))
    except (TypeError, KeyError, ValueError, IndexError, RecursionError) as error:
        return InputError(
            where, f"row does not hold a marsad article ({type(error).__name__}: {error})"
        )
    return admitted(article)
