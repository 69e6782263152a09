"""Ingest: files and folders in, ``Article`` objects (or one-line ``InputError``s) out.

Readers: plain text (``plaintext``), HTML (``html``), JSON/JSONL records (``records``),
RSS/Atom (``feeds``), WARC (``warc``); ``decode`` detects encodings strictly,
``boilerplate`` marks web furniture, ``published`` reads dates from metadata, URLs and
file names, ``lines`` splits JSONL in bounded memory, ``nesting`` cuts markup nested too
deep to parse, ``checks`` holds the size limits and what a store cannot keep, and
``sources`` walks paths, dispatches, and turns any failure into one ``InputError``.
"""

from marsad.ingest.boilerplate import annotate_boilerplate, find_boilerplate
from marsad.ingest.inputs import InputError, ReadOptions
from marsad.ingest.sources import read_inputs

__all__ = ["InputError", "ReadOptions", "annotate_boilerplate", "find_boilerplate", "read_inputs"]
