"""The per-article stages as a PySpark job: JSONL or WARC in, Parquet out.

    python -m marsad.spark.job INPUT... OUT_DIR [--master local[*]] [--partitions N]

Each input line (JSONL) or file (WARC) is read by marsad's own readers and annotated by
``marsad.pipeline.annotate`` inside ``mapPartitions``, so the result is exactly the local
pipeline's: the same ids (text and URL or outlet) and ``source`` strings (``<path as
given>#<line>``).
Output columns: ``id``, ``doc``, ``source``, ``error`` (an input error's reason, else
null), ``json`` (the public per-article JSON of DESIGN.md) and ``record`` (every layer,
lossless, for ``marsad ingest --parquet OUT_DIR``).

On a cluster: install marsad (``pip install .``) on every node, put the inputs on a shared
file system (HDFS/S3 paths work for JSONL), and run with ``spark-submit --master yarn
-m marsad.spark.job ...`` or ``--master spark://HOST:7077``; the corpus stage runs
afterwards over the loaded store.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from marsad.ingest.inputs import InputError, ReadOptions
from marsad.model import Article

Row = tuple[str | None, str | None, str | None, str | None, str | None, str | None]
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def to_row(item: Article | InputError) -> Row:
    """One output row for an article (annotated) or an input error."""
    from marsad.parallel import annotate_safely
    from marsad.store.rows import article_to_record

    if isinstance(item, Article):
        item = annotate_safely(item)
    if isinstance(item, InputError):
        return (None, None, item.path, item.reason, None, None)
    public = json.dumps(item.to_json(), ensure_ascii=False)
    record = json.dumps(article_to_record(item), ensure_ascii=False)
    return (item.id, item.doc, item.source, None, public, record)


def annotate_lines(numbered: Iterable[tuple[bytes, int]], source: str) -> Iterator[Row]:
    """mapPartitions over (line bytes, 0-based index) of one JSONL file.

    Each line is read as ``marsad.ingest.records.read_jsonl`` reads it, under the same
    name ``<source>#<line number>``, so ids and messages match the local pipeline (a
    record without a text field is an error of its own here: partitions do not meet).
    """
    from marsad.ingest.checks import admitted
    from marsad.ingest.records import BLANK, parse_line, record_to_article

    options = ReadOptions()
    name = source.rsplit("/", 1)[-1]
    for line, index in numbered:
        number = index + 1
        where = f"{source}#{number}"
        record = parse_line(line, where)
        if record is BLANK:
            continue
        if isinstance(record, InputError):
            yield to_row(record)
            continue
        yield to_row(admitted(record_to_article(record, where, f"{name}#{number}", options)))


def annotate_warc_files(paths: Iterable[str]) -> Iterator[Row]:
    """mapPartitions over WARC file paths (read where the executor runs)."""
    from marsad.ingest import read_inputs

    for item in read_inputs(list(paths), ReadOptions()):
        yield to_row(item)


SCHEMA = "id string, doc string, source string, error string, json string, record string"


def run(inputs: Sequence[str], out_dir: str, master: str, partitions: int | None) -> int:
    """Annotate ``inputs`` into Parquet under ``out_dir``; returns the number of rows."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark: Any = (
        SparkSession.builder.master(master)
        .appName("marsad")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(partitions or 4))
        .getOrCreate()
    )
    try:
        context = spark.sparkContext
        rdds = []
        warcs = [p for p in inputs if p.lower().endswith(WARC_SUFFIXES)]
        if warcs:
            rdds.append(context.parallelize(warcs, len(warcs)).mapPartitions(annotate_warc_files))
        for path in inputs:
            if path in warcs:
                continue
            # bytes, not text: Spark would decode bad UTF-8 into U+FFFD without a word
            lines = context.textFile(path, partitions, use_unicode=False).zipWithIndex()
            rdds.append(lines.mapPartitions(lambda part, src=path: annotate_lines(part, src)))
        rows = context.union(rdds) if len(rdds) > 1 else rdds[0]
        frame = spark.createDataFrame(rows, SCHEMA)
        frame.write.mode("overwrite").parquet(out_dir)
        return int(spark.read.parquet(out_dir).count())
    finally:
        spark.stop()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m marsad.spark.job", description=__doc__)
    parser.add_argument("paths", nargs="+", help="INPUT... OUT_DIR")
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--partitions", type=int, default=None)
    args = parser.parse_args(argv)
    if len(args.paths) < 2:
        parser.error("give at least one INPUT and the OUT_DIR")
    *inputs, out_dir = args.paths
    count = run(inputs, out_dir, args.master, args.partitions)
    print(f"wrote {count} row(s) to {out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
