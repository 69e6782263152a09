"""Read the Spark job's Parquet output back as articles (pyarrow; no JVM needed)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from marsad.ingest.inputs import InputError
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
    """Articles with every layer, as annotated by the job; its input errors, as errors."""
    import pyarrow.parquet as pq

    for given in paths:
        files = parquet_files(given)
        if not files:
            yield InputError(str(given), "no Parquet files found: is it marsad.spark.job output?")
            continue
        for file in files:
            for batch in pq.ParquetFile(file).iter_batches(columns=list(COLUMNS)):
                for row in batch.to_pylist():
                    if row["error"] is not None:
                        yield InputError(row["source"] or str(file), row["error"])
                    else:
                        yield article_from_record(json.loads(row["record"]))
