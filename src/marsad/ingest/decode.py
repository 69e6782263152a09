"""Bytes to text, detecting the encoding and never guessing silently.

Order: empty -> byte-order mark -> UTF-16 without BOM (NULs in one column) -> strict
UTF-8 -> a charset the document declares (HTML), checked against the bytes ->
charset-normalizer, accepted only for an Arabic-capable legacy code page whose decoded
text is plausibly Arabic (cp1256 files from legacy Arabic sites). Decoding is strict: a
file that is UTF-8 but for a few bad bytes is refused with where they are, never read as
another code page; anything else uncertain is refused with a reason rather than decoded
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
    {"cp1256", "windows-1256", "iso8859_6", "iso-8859-6", "iso8859-6", "cp720", "cp864"}
    | {"mac_arabic", "mac-arabic"}
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
_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_TAGS = re.compile(r"<[^>]*>|&#?\w+;")


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


def _bad_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    return f"0x{data[error.start]:02x} at byte {error.start}"


def _damaged_utf8(data: bytes, error: UnicodeDecodeError) -> str | None:
    """Why a file that is UTF-8 but for a few bad bytes is refused; None when it is no UTF-8.

    Text in a legacy code page decodes as UTF-8 almost nowhere (its high bytes rarely form
    valid sequences), so many valid multi-byte sequences beside the bad bytes mean UTF-8 with
    damage: decoding it as another code page would turn all of it into mojibake.
    """
    replaced = data.decode("utf-8", "replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(_NON_ASCII.findall(replaced))
    if valid < 2 * bad:
        return None
    return (
        f"not valid UTF-8: {bad} bad byte(s), the first {_bad_utf8(data, error)}, in a file "
        "that is UTF-8 elsewhere: fix or drop those bytes (iconv -c -f utf-8 -t utf-8 drops "
        "them) and ingest it again"
    )


def _nul_reason(data: bytes) -> str:
    """Binary data, or a text with a few NUL bytes in it (said apart: it is text but them)."""
    nuls = data.count(0)
    rest = _strict(data.replace(b"\x00", b""), "utf-8")
    if rest is None or nuls > max(2, len(data) // 200) or _looks_binary(rest) or not rest.strip():
        return BINARY
    return (
        f"holds {nuls} NUL byte(s), the first at byte {data.index(0)}, which no text holds: "
        "remove them (tr -d '\\000') and ingest it again"
    )


def _visible(page: str) -> str:
    """The words of an HTML page, roughly: what a reader sees, for judging a decoding."""
    return _TAGS.sub(" ", _HIDDEN.sub(" ", page))


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    """Decode a whole file; raise ``DecodeError`` with a one-line reason when unsure.

    With ``html=True`` a ``<meta charset>`` declaration is checked against the bytes: a page
    that is not valid in the charset it declares, or whose declared (Western) charset hides
    Arabic in windows-1256, is refused rather than read as mojibake.
    """
    if not data:
        raise DecodeError(EMPTY)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            codec = encoding.replace("-sig", "")
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                raise DecodeError(
                    f"starts with a {encoding} byte-order mark but is not valid {codec} "
                    f"(bad byte 0x{data[len(bom) + error.start]:02x} at byte "
                    f"{len(bom) + error.start}): fix or re-save the file"
                ) from None
            if _looks_binary(text):
                raise DecodeError(BINARY)
            return _checked(Decoded(text, encoding))
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise DecodeError(_nul_reason(data))
        return _checked(utf16)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        damaged = _damaged_utf8(data, error)
        if damaged is not None:
            raise DecodeError(damaged) from None
    else:
        if _looks_binary(text):
            raise DecodeError(BINARY)
        return _checked(Decoded(text, "utf-8"))
    declared = _declared_charset(data) if html else None
    if declared is not None:
        return _checked(_as_declared(data, declared))
    return _checked(_detect_legacy(data, html=html))


def _as_declared(data: bytes, declared: str) -> Decoded:
    """A page in the charset it declares, once the bytes are known to agree (not UTF-8)."""
    fix = "correct the page's <meta charset>, or save it as UTF-8"
    try:
        text = data.decode(declared)
    except UnicodeDecodeError as error:
        where = f"0x{data[error.start]:02x} at byte {error.start}"
        hidden = _cp1256_arabic(data)
        also = "; it reads as Arabic in windows-1256" if hidden else ""
        raise DecodeError(
            f"declares charset {declared} but is not {declared} ({where}{also}): {fix}"
        ) from None
    if declared not in _ARABIC_CODEPAGES and _cp1256_arabic(data):
        raise DecodeError(
            f"declares charset {declared}, but its text reads as Arabic in windows-1256 (as "
            f"{declared} it is mojibake): {fix}"
        )
    if _looks_binary(text):
        raise DecodeError(BINARY)
    return Decoded(text, declared)


def _cp1256_arabic(data: bytes) -> bool:
    """Whether the page's words read as Arabic prose in windows-1256."""
    return _plausible_arabic(_visible(data.decode("cp1256", "replace")))


def _detect_legacy(data: bytes, *, html: bool = False) -> Decoded:
    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    candidates = [guess] if guess in _ARABIC_CODEPAGES else []
    candidates.append("cp1256")  # the legacy Arabic code page of the web; checked below
    for encoding in candidates:
        text = _strict(data, encoding)
        if text is not None and _plausible_arabic(_visible(text) if html else text):
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
