"""Encoding detection, and the plain-text reader never raising on arbitrary bytes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ingest.decode import DecodeError, arabic_share, decode_bytes
from marsad.ingest.inputs import InputError
from marsad.ingest.plaintext import read_plaintext
from marsad.model import Article

TEXT = "جددت الولايات المتحدة الأمريكية، أمس الأربعاء، تأكيدها على احترام سيادة العراق.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1256"), "cp1256"),
        ((TEXT * 20).encode("cp1256"), "cp1256"),
    ],
)
def test_decodes(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == TEXT * (20 if len(data) > 1000 else 1)
    assert decoded.encoding == encoding


def test_short_cp1256_line() -> None:
    assert decode_bytes("آخر الأخبار اليوم".encode("cp1256")).encoding == "cp1256"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02\x03" * 50, "binary"),
        (bytes(range(256)), "binary"),
        ("naïve café déjà".encode("latin-1"), "convert it to UTF-8"),
    ],
)
def test_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_html_declared_charset() -> None:
    page = "<html><head><meta charset='windows-1256'></head><body>نص عربي</body></html>"
    assert decode_bytes(page.encode("cp1256"), html=True).encoding == "cp1256"


def test_arabic_share() -> None:
    assert arabic_share("نص عربي") == 1.0
    assert arabic_share("plain") == 0.0
    assert arabic_share("123 !") == 0.0


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_plaintext_reader_never_raises(data: bytes) -> None:
    result = read_plaintext(data, "fuzz.txt")
    assert isinstance(result, Article | InputError)
    if isinstance(result, Article):
        for block in result.boilerplate:
            assert 0 <= block.span.start <= block.span.end <= len(result.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_utf8_text_round_trips(text: str) -> None:
    result = read_plaintext(text.encode("utf-8"), "any.txt")
    if isinstance(result, Article):
        assert result.text == text
