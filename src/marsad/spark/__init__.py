"""PySpark backfills: the per-article stages as a ``mapPartitions`` job writing Parquet.

``python -m marsad.spark.job INPUT... OUT_DIR`` annotates JSONL and WARC inputs; then
``marsad ingest --parquet OUT_DIR`` loads the result into a store (``load.read_parquet``).
"""
