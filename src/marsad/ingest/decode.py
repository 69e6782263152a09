"""Bytes to text, detecting the encoding and never guessing silently.

Order: empty -> byte-order mark -> UTF-16 without BOM (NULs in one column) -> strict
UTF-8 -> a charset the document declares (HTML) -> charset-normalizer, accepted only for
an Arabic-capable legacy code page whose decoded text is plausibly Arabic (cp1256 files
from legacy Arabic sites). Anything else is refused with a reason rather than decoded
into mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text that can be decoded with confidence; ``str`` is the reason."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str  # the decoded text, BOM removed; offsets index into this
    encoding: str  # Python codec name: utf-8, utf-8-sig, utf-16-le, cp1256, ...


BINARY = "binary file, not text: convert it to UTF-8 text or HTML"
EMPTY = "empty file: nothing to read"

# BOMs, longest first (the UTF-32-LE BOM starts with the UTF-16-LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Legacy code pages that can hold Arabic; charset-normalizer names them like this.
_ARABIC_CODEPAGES = frozenset(
    {"cp1256", "windows-1256", "iso8859_6", "iso-8859-6", "cp720", "cp864", "mac_arabic"}
)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]")
_LETTER = re.compile(r"[^\W\d_]")
# C0 controls other than tab/newline/vertical tab/form feed/carriage return, DEL, C1.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Code points a text in Arabic, Latin or common punctuation is made of.
_TEXTUAL = re.compile(
    r"[\t\n\r\x0b\x0c\x20-\x7e\u00a0-\u024f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
    r"\u2000-\u206f\u20ac\ufb50-\ufdff\ufe70-\ufeff]"
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SNIFF = 4096  # bytes of a page searched for a declared charset


def arabic_share(text: str) -> float:
    """Share of the letters that are Arabic letters (0.0 when there are no letters)."""
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def _looks_binary(text: str, *, script_check: bool = False) -> bool:
    """Control characters; with ``script_check``, also code points that Arabic or Latin
    text is not made of (used where the encoding itself was inferred, not declared).
    """
    if not text:
        return False
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        return True
    return script_check and len(_TEXTUAL.findall(text)) < 0.9 * len(text)


def _plausible_arabic(text: str) -> bool:
    """Decoded legacy text is accepted only when it reads as Arabic prose."""
    if _looks_binary(text, script_check=True):
        return False
    letters = len(_LETTER.findall(text))
    if letters < 0.4 * len(text.replace(" ", "")) or arabic_share(text) < 0.6:
        return False
    return text.count(" ") + text.count("\n") >= len(text) / 25  # words, not a byte soup


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without BOM: the high bytes (every other byte) are mostly NUL or 0x06."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for high, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        common = high.count(0) + high.count(6)
        if common >= 0.7 * len(high):
            text = _strict(data, encoding)
            if text is not None and not _looks_binary(text, script_check=True):
                return Decoded(text, encoding)
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[:_SNIFF])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    """Decode a whole file; raise ``DecodeError`` with a one-line reason when unsure.

    With ``html=True`` a ``<meta charset>`` declaration is tried before detection.
    """
    if not data:
        raise DecodeError(EMPTY)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding.replace("-sig", ""))
            if text is None or _looks_binary(text):
                raise DecodeError(f"starts with a {encoding} byte-order mark but does not decode")
            return _checked(Decoded(text, encoding))
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise DecodeError(BINARY)
        return _checked(utf16)
    text = _strict(data, "utf-8")
    if text is not None:
        if _looks_binary(text):
            raise DecodeError(BINARY)
        return _checked(Decoded(text, "utf-8"))
    if html:
        declared = _declared_charset(data)
        if declared is not None and declared != "utf-8":
            text = _strict(data, declared)
            if text is not None and not _looks_binary(text):
                return _checked(Decoded(text, declared))
    return _checked(_detect_legacy(data))


def _detect_legacy(data: bytes) -> Decoded:
    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    candidates = [guess] if guess in _ARABIC_CODEPAGES else []
    candidates.append("cp1256")  # the legacy Arabic code page of the web; checked below
    for encoding in candidates:
        text = _strict(data, encoding)
        if text is not None and _plausible_arabic(text):
            return Decoded(text, codecs.lookup(encoding).name)
    if guess is None:
        raise DecodeError(BINARY)
    raise DecodeError(
        f"not UTF-8, and not recognisably Arabic in a legacy code page (best guess {guess}): "
        "convert it to UTF-8"
    )


def _checked(decoded: Decoded) -> Decoded:
    if not decoded.text.strip():
        raise DecodeError("no text: the file holds only whitespace")
    return decoded
