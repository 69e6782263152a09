"""The PySpark job (local[2]) gives exactly the local pipeline's extraction on 500 articles."""

from __future__ import annotations

import shutil
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest

from marsad.ingest import read_inputs
from marsad.model import Article
from marsad.pipeline import annotate
from marsad.spark.load import read_parquet

ARTICLES = 500


def test_spark_job_matches_the_local_pipeline(saudi_jsonl: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed: Spark job not tested")
    pytest.importorskip("pyarrow", reason="pyarrow is not installed: Parquet cannot be read")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: the Spark job cannot start its JVM")
    corpus = tmp_path / "saudi.jsonl"
    with saudi_jsonl.open("rb") as source:
        corpus.write_bytes(b"".join(islice(source, ARTICLES)) + b"{broken\n")
    # The local result first: resources load now, not after the job (same code for both).
    local = [annotate(a) for a in read_inputs([str(corpus)]) if isinstance(a, Article)]
    out = tmp_path / "parquet"
    job = subprocess.run(
        [sys.executable, "-m", "marsad.spark.job", str(corpus), str(out), "--master", "local[2]"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert job.returncode == 0, job.stderr[-2000:]
    assert f"wrote {ARTICLES + 1} row(s)" in job.stderr

    loaded = list(read_parquet([out]))
    errors = [item for item in loaded if not isinstance(item, Article)]
    assert [str(e) for e in errors] == [
        f"{corpus}#{ARTICLES + 1}: invalid JSON (Expecting property name enclosed in double "
        "quotes, column 2): fix or drop the line"
    ]
    spark = {a.id: a for a in loaded if isinstance(a, Article)}
    assert len(local) == len(spark) == ARTICLES
    for article in local:  # same ids, text, metadata and every layer with its offsets
        assert spark[article.id] == article


def test_damaged_parquet_is_one_error_and_the_rest_loads(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed: Parquet not tested")
    import json

    import pyarrow.parquet as pq

    from marsad.store.rows import article_to_record

    article = Article(doc="a", source="in.jsonl#1", text="نص الخبر", url="https://x.org/a")
    rows = {
        "id": [article.id, "bad"],
        "doc": ["a", "b"],
        "source": ["in.jsonl#1", "in.jsonl#2"],
        "error": [None, None],
        "json": ["{}", "{}"],
        "record": [json.dumps(article_to_record(article)), '{"article": {}}'],
    }
    out = tmp_path / "parquet"
    out.mkdir()
    pq.write_table(pa.table(rows), out / "part-0.parquet")
    whole = (out / "part-0.parquet").read_bytes()
    (out / "part-1.parquet").write_bytes(whole[: len(whole) // 2])  # cut in two
    loaded = list(read_parquet([out]))
    assert loaded[0] == article
    assert [str(item)[len(str(out)) :] for item in loaded[1:]] == [
        "/part-0.parquet#2: row does not hold a marsad article (KeyError: 'id')",
        "/part-1.parquet: not readable as marsad.spark.job Parquet (Parquet magic bytes not "
        "found in footer. Either the file is corrupted or this is not a parquet file.): 0 "
        "row(s) read before it; run the job again for this part",
    ]
