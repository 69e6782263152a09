"""Arabic named-entity recognition: a CRF trained on NewsFANE and Wojood, shipped here.

``tag_tokens`` tags a tokenised sentence, ``tag_text`` finds entity spans in raw text,
``tag_spans`` finds them in ranges of a text view with a confidence each (``TaggedSpan``),
``evaluate_conll`` scores the model on a CoNLL file. The model loads lazily, once.
"""

from marsad.ner.model import TaggedSpan, evaluate_conll, tag_spans, tag_text, tag_tokens

__all__ = ["TaggedSpan", "evaluate_conll", "tag_spans", "tag_text", "tag_tokens"]
