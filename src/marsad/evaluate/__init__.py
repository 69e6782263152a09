"""Scoring marsad against hand-made gold answers (format ``marsad-gold/1``), with baselines.

``evaluate(gold_path, docs_path)`` reads the gold and the documents it names, runs marsad
(and dateparser on timexes) on them and returns an ``EvalReport`` (``to_json()``,
``render()``) whose figures are those the gold scorers (../shared/gold/score.py,
score_timeline.py) print for marsad's public JSON.
"""

from marsad.evaluate.gold import GoldError, GoldSet
from marsad.evaluate.gold_parse import load_gold, parse_gold
from marsad.evaluate.report import EvalReport, SystemScores, render
from marsad.evaluate.run import evaluate, score_output

__all__ = [
    "EvalReport",
    "GoldError",
    "GoldSet",
    "SystemScores",
    "evaluate",
    "load_gold",
    "parse_gold",
    "render",
    "score_output",
]
