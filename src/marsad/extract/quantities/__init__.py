"""Quantities: every count, toll, amount and measure of a text, with what it counts.

``numbers`` reads figures (digits, number words, vague counts), ``heads`` what follows
them (units, counted nouns, partitives), ``categories`` casualty and violence counts,
``lexicons`` the resource files, and ``reader`` puts them together per article.
"""

from marsad.extract.quantities.reader import annotate_quantities

__all__ = ["annotate_quantities"]
