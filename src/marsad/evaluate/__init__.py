"""Scoring marsad against hand-made gold answers (format ``marsad-gold/1``), with baselines.

``evaluate(gold_path, docs_path)`` reads the gold and the documents it names, runs marsad
and dateparser on them and returns an ``EvalReport`` (``to_json()``, ``render()``).
"""

from marsad.evaluate.gold import GoldError, GoldSet, load_gold
from marsad.evaluate.report import EvalReport, SystemScores, render
from marsad.evaluate.run import evaluate, read_documents

__all__ = [
    "EvalReport",
    "GoldError",
    "GoldSet",
    "SystemScores",
    "evaluate",
    "load_gold",
    "read_documents",
    "render",
]
