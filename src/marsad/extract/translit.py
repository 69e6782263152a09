"""A plain, deterministic Arabic -> Latin transliteration for names the gazetteer lacks.

Not a standard scheme: short vowels are not written in Arabic, so "عادل الجبير" comes out
as "Aadl al-Jbir". A canonical name made with it is a transliteration, never a claim to
know the name's usual Latin spelling (entities mark such mentions with rule "translit").
"""

from __future__ import annotations

from functools import cache

from marsad.arabic.clitics import definite_article
from marsad.arabic.normalize import fold_char
from marsad.resources import load_tsv


@cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    default: dict[str, str] = {}
    initial: dict[str, str] = {}
    for row in load_tsv("translit.tsv", columns=2):
        default[row[0]] = row[1]
        if len(row) > 2 and row[2]:
            initial[row[0]] = row[2]
    return default, initial


def _word(word: str) -> str:
    default, initial = _table()
    article = ""
    the = definite_article()
    if word.startswith(the) and len(word) > 3:
        article, word = "al-", word[len(the) :]
    letters = []
    for index, char in enumerate(word):
        if index == 0 and char in initial:
            letters.append(initial[char])
        elif char in default:
            letters.append(default[char])
        elif fold_char(char) and char.isalnum():
            letters.append(char)
    latin = "".join(letters).lstrip("'")
    return article + latin[:1].upper() + latin[1:] if latin else ""


def transliterate(name: str) -> str:
    """Latin letters for an Arabic name, word by word, "al-" for the article."""
    words = (_word(word) for word in name.split())
    return " ".join(word for word in words if word)
