"""Arabic named-entity recognition: a CRF trained on NewsFANE and Wojood, shipped here.

``tag_tokens`` tags a tokenised sentence, ``tag_text`` finds entity spans in raw text,
``evaluate_conll`` scores the model on a CoNLL file. The model loads lazily, once.
"""

from marsad.ner.model import evaluate_conll, tag_text, tag_tokens

__all__ = ["evaluate_conll", "tag_text", "tag_tokens"]
