"""Digits in Arabic-Indic and Persian forms, read as numbers."""

from __future__ import annotations

_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})

# Character class for any decimal digit a news text uses (ASCII, Arabic-Indic, Persian).
DIGIT_CLASS = "[0-9\u0660-\u0669\u06f0-\u06f9]"


def ascii_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits by ASCII digits (same length)."""
    return text.translate(_DIGITS)


def parse_int(text: str) -> int:
    """An integer written in any of the three digit sets; separators , ٬ are ignored."""
    cleaned = ascii_digits(text).replace(",", "").replace("٬", "")
    return int(cleaned)
