"""Ingest: files and folders in, ``Article`` objects (or one-line ``InputError``s) out.

Readers: plain text (``plaintext``), HTML (``html``), JSON/JSONL records (``records``);
``decode`` detects encodings, ``boilerplate`` marks web furniture, ``published`` reads
dates from metadata, URLs and file names, ``sources`` walks paths and dispatches.
"""

from marsad.ingest.boilerplate import annotate_boilerplate, find_boilerplate
from marsad.ingest.inputs import InputError, ReadOptions
from marsad.ingest.sources import read_inputs

__all__ = ["InputError", "ReadOptions", "annotate_boilerplate", "find_boilerplate", "read_inputs"]
