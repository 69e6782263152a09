"""A corpus of bad inputs, generated: each kind writes its files and says what must happen.

Every kind either lands its articles exactly once, with their text exactly as written, or
gives one error line naming the file (and record) and the reason; most do both, the
good records of a damaged file landing beside its error. Texts are real news (the first
records of ../shared's SaudiNewsNet sample, cut short so the batch annotates fast), each
tagged with a marker ``[kNN-x]`` that finds it again in the store.

``KINDS`` lists the kinds in order: ``(name, build)``; ``build(corpus)`` writes into
``corpus.folder`` and records expectations with ``corpus.lands`` and ``corpus.fails``.
The size limits are lowered for the batch (``LIMITS``) so that files over them stay small.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

LIMITS = {"MARSAD_MAX_ARTICLE_MB": "0.05", "MARSAD_MAX_FILE_MB": "0.2"}  # 50 KB, 200 KB
MARKER = re.compile(r"\[(k\d+-\w+)\]")
TEXT_CHARS = 500


@dataclass
class Expected:
    path: str  # a regex for the error's path, after the corpus folder
    reason: str  # a regex the reason must match


@dataclass
class Corpus:
    folder: Path
    texts: list[str]  # real texts to take from
    landing: dict[str, str] = field(default_factory=dict)  # marker: exact text (or None)
    errors: list[Expected] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # name: outcome, for the report
    either: dict[str, str] = field(default_factory=dict)  # marker: path, may land or fail
    _next: int = 0
    _kind: str = ""

    def text(self, label: str = "a") -> tuple[str, str]:
        """A real text not used yet, tagged with its marker: (marker, text)."""
        marker = f"k{len(self.kinds):02d}-{label}"
        body = self.texts[self._next % len(self.texts)][:TEXT_CHARS].strip()
        self._next += 1
        return marker, f"{body} [{marker}]"

    def lands(self, marker: str, text: str | None) -> None:
        """The article tagged ``marker`` is stored once (with ``text`` exactly, if given)."""
        self.landing[marker] = text or ""

    def fails(self, path: str, reason: str) -> None:
        """One error line for ``path`` (a regex after the folder) matching ``reason``."""
        self.errors.append(Expected(path, reason))

    def write(self, name: str, data: bytes | str) -> Path:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        path.write_bytes(data)
        return path


Build = Callable[[Corpus], None]
KINDS: list[tuple[str, str, Build]] = []  # (name, outcome, build)


def kind(name: str, outcome: str) -> Callable[[Build], Build]:
    def register(build: Build) -> Build:
        KINDS.append((name, outcome, build))
        return build

    return register


def build_corpus(folder: Path, texts: list[str]) -> Corpus:
    corpus = Corpus(folder, texts)
    for name, outcome, build in KINDS:
        corpus.kinds[name] = outcome
        build(corpus)
    return corpus


def _record(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def _page(text: str, charset: str = "utf-8", title: str = "page") -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body><article>{paragraphs}</article></body></html>"
    )


# --- plain text -------------------------------------------------------------------------


@kind("legacy cp1256 text", "lands, decoded")
def _cp1256(c: Corpus) -> None:
    marker, text = c.text()
    c.write("text/cp1256.txt", text.encode("cp1256"))
    c.lands(marker, text)


@kind("UTF-16 without BOM", "lands, decoded")
def _utf16(c: Corpus) -> None:
    marker, text = c.text()
    c.write("text/utf16le.txt", text.encode("utf-16-le"))
    c.lands(marker, text)


@kind("a run of 5,000 digits in the text", "lands (or the one-line annotation error)")
def _digits(c: Corpus) -> None:
    marker, text = c.text()
    text = f"{text}\n{'7' * 5000}"
    c.write("text/digits.txt", text)
    c.lands(marker, text)
    c.either[marker] = r"text/digits\.txt"  # the quantity layer's digit cap is its own


# --- HTML -------------------------------------------------------------------------------


@kind("HTML nested 300 deep", "lands")
def _html_300(c: Corpus) -> None:
    marker, text = c.text()
    c.write("html/deep-300.html", _page(text).replace("<article>", "<div>" * 300 + "<article>"))
    c.lands(marker, None)


@kind("HTML nested 4,000 deep", "lands")
def _html_4000(c: Corpus) -> None:
    marker, text = c.text()
    c.write("html/deep-4000.html", "<html><body>" + "<div>" * 4000 + _page(text) + "</div>" * 4000)
    c.lands(marker, None)


@kind("cp1256 page declaring windows-1256", "lands, decoded")
def _true_1256(c: Corpus) -> None:
    marker, text = c.text()
    c.write("html/cp1256.html", _page(text, "windows-1256").encode("cp1256"))
    c.lands(marker, None)


# --- JSON files -------------------------------------------------------------------------


@kind("JSON with a 6,000-digit number in a field", "error: number too long to read")
def _json_huge_int(c: Corpus) -> None:
    _, text = c.text()
    c.write("json/huge-int.json", _record(id="j1", text=text)[:-1] + ', "n": ' + "9" * 6000 + "}")
    c.fails(r"json/huge-int\.json", r"JSON number too long to read \(over 4300 digits\)")


@kind("JSON record with a field nested 100,000 deep", "error: nested too deeply")
def _json_deep_field(c: Corpus) -> None:
    _, text = c.text()
    nested = "[" * 100_000 + "]" * 100_000
    c.write("json/deep-field.json", _record(id="j3", text=text)[:-1] + f', "x": {nested}}}')
    c.fails(r"json/deep-field\.json", "nested too deeply")


@kind("JSON list with a lone surrogate in one record", "that record fails; the other lands")
def _json_surrogate(c: Corpus) -> None:
    marker, text = c.text()
    bad = _record(id="j6", text="x \\ud800 y").replace("\\\\", "\\")
    c.write("json/surrogate.json", f"[{_record(id='j5', text=text)}, {bad}]")
    c.lands(marker, text)
    c.fails(r"json/surrogate\.json#2", r"lone surrogate \(U\+D800 at character 2\)")


# --- JSONL ------------------------------------------------------------------------------


@kind("JSONL record with a 6,000-digit id", "that record fails; the other lands")
def _jsonl_huge_id(c: Corpus) -> None:
    marker, text = c.text()
    huge = '{"id": ' + "1" * 6000 + ', "text": "x"}'
    c.write("jsonl/huge-id.jsonl", f"{huge}\n{_record(text=text)}\n")
    c.lands(marker, text)
    c.fails(r"jsonl/huge-id\.jsonl#1", "JSON number too long to read")


@kind("JSONL line nested 100,000 deep", "that line fails; the others land")
def _jsonl_deep(c: Corpus) -> None:
    first, one = c.text("a")
    second, two = c.text("b")
    lines = [_record(id="l1", text=one), "[" * 100_000 + "]" * 100_000, _record(id="l2", text=two)]
    c.write("jsonl/deep.jsonl", "\n".join(lines) + "\n")
    c.lands(first, one)
    c.lands(second, two)
    c.fails(r"jsonl/deep\.jsonl#2", "nested too deeply")


def _surrogate_in(field_name: str) -> Build:
    def build(c: Corpus) -> None:
        marker, text = c.text()
        record = {"id": "s", "text": "x", "title": "t", "url": "https://x.org/s", "outlet": "o"}
        record[field_name] = f"{record[field_name]} \\udc80"
        bad = json.dumps(record, ensure_ascii=False).replace("\\\\", "\\")
        c.write(f"jsonl/surrogate-{field_name}.jsonl", _record(text=text) + "\n" + bad + "\n")
        c.lands(marker, text)
        shown = "id" if field_name == "id" else field_name
        c.fails(rf"jsonl/surrogate-{field_name}\.jsonl#2", f"the {shown} holds a lone surrogate")

    return build


for _field in ("text", "title", "url", "id", "outlet"):
    kind(f"JSONL lone surrogate in {_field}", "that record fails; the other lands")(
        _surrogate_in(_field)
    )


@kind("JSONL with CR-only line ends", "every record lands")
def _jsonl_cr(c: Corpus) -> None:
    texts = [c.text(label) for label in "abc"]
    c.write("jsonl/cr-only.jsonl", "\r".join(_record(text=t) for _, t in texts) + "\r")
    for marker, text in texts:
        c.lands(marker, text)


@kind("JSONL with CRLF line ends", "every record lands")
def _jsonl_crlf(c: Corpus) -> None:
    texts = [c.text(label) for label in "ab"]
    c.write("jsonl/crlf.jsonl", "\r\n".join(_record(text=t) for _, t in texts) + "\r\n")
    for marker, text in texts:
        c.lands(marker, text)


@kind("concatenated JSONL, a BOM before each part", "every record lands")
def _jsonl_boms(c: Corpus) -> None:
    texts = [c.text(label) for label in "ab"]
    parts = [b"\xef\xbb\xbf" + _record(text=t).encode() + b"\n" for _, t in texts]
    c.write("jsonl/boms.jsonl", b"".join(parts))
    for marker, text in texts:
        c.lands(marker, text)


@kind("JSONL without a text field", "one error for the file, not one per record")
def _jsonl_no_text(c: Corpus) -> None:
    lines = [_record(id=f"b{i}", body="x", title="t") for i in range(4)]
    c.write("jsonl/no-text.jsonl", "\n".join(lines) + "\n")
    c.fails(r"jsonl/no-text\.jsonl", r"4 records have no text field \(#1, #2, #3, #4; looked")


@kind("JSONL line over the line limit", "that line fails, never held whole; the next lands")
def _jsonl_long(c: Corpus) -> None:
    marker, text = c.text()
    c.write("jsonl/long-line.jsonl", "x" * 400_000 + "\n" + _record(text=text) + "\n")
    c.lands(marker, text)
    c.fails(r"jsonl/long-line\.jsonl#1", "line too long")


@kind("JSONL cut in its last record", "that line fails; the others land")
def _jsonl_cut(c: Corpus) -> None:
    marker, text = c.text()
    c.write("jsonl/cut.jsonl", _record(text=text) + "\n" + _record(text="abc")[:12])
    c.lands(marker, text)
    c.fails(r"jsonl/cut\.jsonl#2", "invalid JSON")


@kind("JSONL line not in UTF-8", "that line fails; the others land")
def _jsonl_latin(c: Corpus) -> None:
    marker, text = c.text()
    data = _record(text=text).encode() + b"\n" + '{"text": "café"}'.encode("latin-1") + b"\n"
    c.write("jsonl/latin1-line.jsonl", data)
    c.lands(marker, text)
    c.fails(r"jsonl/latin1-line\.jsonl#2", r"line is not UTF-8 \(bad byte 0xe9")


@kind("JSONL records that are no objects, or empty", "one error each; the others land")
def _jsonl_shapes(c: Corpus) -> None:
    marker, text = c.text()
    lines = ["[1, 2]", _record(text="  "), _record(text=text), "null"]
    c.write("jsonl/shapes.jsonl", "\n".join(lines) + "\n")
    c.lands(marker, text)
    c.fails(r"jsonl/shapes\.jsonl#1", "record is a JSON array, not an object")
    c.fails(r"jsonl/shapes\.jsonl#2", "record text is empty")
    c.fails(r"jsonl/shapes\.jsonl#4", "record is a JSON null, not an object")


@kind("JSONL record with a published value that is no date", "lands, the value ignored")
def _jsonl_bad_date(c: Corpus) -> None:
    marker, text = c.text()
    c.write("jsonl/bad-date.jsonl", _record(text=text, published="soon") + "\n")
    c.lands(marker, text)


@kind("the same record twice in a file", "lands once")
def _jsonl_twice(c: Corpus) -> None:
    marker, text = c.text()
    line = _record(id="t", text=text, url="https://example.org/twice")
    c.write("jsonl/twice.jsonl", f"{line}\n{line}\n")
    c.lands(marker, text)


# --- feeds ------------------------------------------------------------------------------


def _rss(items: list[str], encoding: str = "utf-8") -> str:
    body = "".join(
        f"<item><title>t{i}</title><link>https://example.org/f/{i}</link>"
        f"<description>{text}</description></item>"
        for i, text in enumerate(items)
    )
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>feed</title>{body}</channel></rss>"
    )


@kind("feed cut off in an entry", "error for the cut entry; the entries before land")
def _feed_cut(c: Corpus) -> None:
    marker, text = c.text()
    _, other = c.text("b")
    feed = _rss([text, other])
    c.write("feeds/cut.rss", feed[: feed.index(other) + 40])
    c.lands(marker, None)
    c.fails(r"feeds/cut\.rss#2", "feed cut off in this entry")


@kind("feed with an entity bomb", "lands, the entity not expanded (bounded time)")
def _feed_bomb(c: Corpus) -> None:
    marker, text = c.text()
    values = ["boom"] + [f"&e{i - 1};" * 10 for i in range(1, 10)]  # 10**9 booms
    entities = "".join(f'<!ENTITY e{i} "{value}">' for i, value in enumerate(values))
    feed = _rss([f"{text} &e9;"]).replace("<rss", f"<!DOCTYPE rss [{entities}]><rss", 1)
    c.write("feeds/bomb.rss", feed)
    c.lands(marker, None)  # feeds tidy spaces: the text is checked by its marker


# --- WARC -------------------------------------------------------------------------------


def _warc(c: Corpus, count: int, gz: bool) -> tuple[bytes, list[tuple[str, str]]]:
    out = BytesIO()
    writer = WARCWriter(out, gzip=gz)
    texts = [c.text(f"r{i}") for i in range(count)]
    for i, (_, text) in enumerate(texts):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = BytesIO(_page(text).encode())
        uri = f"https://example.org/{'gz' if gz else 'w'}/{len(c.kinds)}/{i}"
        record = writer.create_warc_record(uri, "response", payload=payload, http_headers=headers)
        writer.write_record(record)
    return out.getvalue(), texts


@kind("WARC cut in half", "error naming the cut record; the 2 before it land")
def _warc_half(c: Corpus) -> None:
    data, texts = _warc(c, 5, gz=False)
    c.write("warc/half.warc", data[: len(data) // 2])
    for marker, _ in texts[:2]:
        c.lands(marker, None)
    c.fails(r"warc/half\.warc#\d+", "WARC file cut off inside this record: 2 HTML record")


@kind("WARC.gz cut in half", "error saying where; the records before land")
def _warc_gz_half(c: Corpus) -> None:
    data, texts = _warc(c, 5, gz=True)
    c.write("warc/half.warc.gz", data[: len(data) // 2])
    for marker, _ in texts[:2]:
        c.lands(marker, None)
    # cut in a record, or between the gzip members of the headers and of the page
    c.fails(r"warc/half\.warc\.gz(#\d+)?", r"cut off (after byte \d+|inside this record): 2 HTML")


@kind("WARC cut in a record header", "error saying where; the records before land")
def _warc_header(c: Corpus) -> None:
    data, texts = _warc(c, 3, gz=False)
    third = [m.start() for m in re.finditer(rb"WARC/1\.", data)][2]
    c.write("warc/header.warc", data[: third + 30])
    for marker, _ in texts[:2]:
        c.lands(marker, None)
    c.fails(r"warc/header\.warc", r"not a readable WARC file after byte \d+ .*: 2 HTML record")


@kind("WARC with a wrong Content-Length", "error for that record; the others land")
def _warc_length(c: Corpus) -> None:
    data, texts = _warc(c, 3, gz=False)
    start = data.index(b"Content-Length: ") + 16
    end = data.index(b"\r\n", start)
    wrong = str(int(data[start:end]) - 7).encode()
    c.write("warc/length.warc", data[:start] + wrong + data[end:])
    for marker, _ in texts[1:]:
        c.lands(marker, None)
    c.fails(r"warc/length\.warc#0", "record length does not match its content")


@kind("WARC.gz with a flipped byte", "error saying where; the records before land")
def _warc_flip(c: Corpus) -> None:
    data, texts = _warc(c, 3, gz=True)
    members = [m.start() for m in re.finditer(b"\x1f\x8b\x08", data)]
    flipped = bytearray(data)
    flipped[members[2] + 40] ^= 0xFF
    c.write("warc/flip.warc.gz", bytes(flipped))
    for marker, _ in texts[:2]:
        c.lands(marker, None)
    c.fails(r"warc/flip\.warc\.gz", r"after byte \d+ .*: 2 HTML record")


# --- paths ------------------------------------------------------------------------------


@kind("file name that is not UTF-8", "lands, the name shown as \\xNN")
def _name_bytes(c: Corpus) -> None:
    marker, text = c.text()
    (c.folder / "paths").mkdir(exist_ok=True)
    with open(os.fsencode(c.folder / "paths") + b"/caf\xe9.txt", "wb") as out:
        out.write(text.encode())
    c.lands(marker, text)


@kind("symlink loop", "error: symlink loop")
def _loop(c: Corpus) -> None:
    (c.folder / "paths").mkdir(exist_ok=True)
    (c.folder / "paths" / "self").symlink_to(c.folder / "paths" / "self")
    c.fails(r"paths/self", "symlink loop")


@kind("dangling symlink", "error: broken symlink")
def _dangling(c: Corpus) -> None:
    (c.folder / "paths").mkdir(exist_ok=True)
    (c.folder / "paths" / "dangling.txt").symlink_to(c.folder / "nowhere.txt")
    c.fails(r"paths/dangling\.txt", "broken symlink")


@kind("FIFO named .txt", "error: not a regular file (never blocks)")
def _fifo(c: Corpus) -> None:
    (c.folder / "paths").mkdir(exist_ok=True)
    os.mkfifo(c.folder / "paths" / "pipe.txt")
    c.fails(r"paths/pipe\.txt", "not a regular file")


@kind("the same file in two folders", "lands once")
def _copies(c: Corpus) -> None:
    marker, text = c.text()
    c.write("paths/copy-a/report.txt", text)
    c.write("paths/copy-b/deeper/report-again.txt", text)
    c.lands(marker, text)


@kind("a text file and a JSONL record with one text", "lands once")
def _same_text(c: Corpus) -> None:
    marker, text = c.text()
    c.write("paths/same.txt", text)
    c.write("paths/same.jsonl", _record(id="same", text=text) + "\n")
    c.lands(marker, text)


# --- a real text, damaged: one file, one error ---------------------------------------------

Damage = Callable[[str], bytes | str]
DAMAGED: list[tuple[str, str, str, Damage, str]] = [
    # (kind, outcome, file, what it holds made of a real text, the reason)
    (
        "UTF-8 text cut in a character",
        "error: not valid UTF-8",
        "text/cut-char.txt",
        lambda text: text.encode() + b"\xd9",  # the first byte of a letter, alone
        r"not valid UTF-8: 1 bad byte",
    ),
    (
        "one NUL byte in a UTF-8 text",
        "error: holds 1 NUL byte, at byte N",
        "text/nul.txt",
        lambda text: text.encode()[:30] + b"\x00" + text.encode()[30:],
        r"holds 1 NUL byte\(s\), the first at byte 30",
    ),
    (
        "one invalid byte in a UTF-8 text",
        "error: not valid UTF-8, where (no mojibake)",
        "text/bad-byte.txt",
        lambda text: text.encode() + b"\xff\n",
        r"not valid UTF-8: 1 bad byte\(s\), the first 0xff",
    ),
    (
        "UTF-8 BOM, then invalid bytes",
        "error: BOM but not valid",
        "text/bom-bad.txt",
        lambda text: b"\xef\xbb\xbf" + text.encode() + b"\xc0",
        "byte-order mark but is not valid utf-8",
    ),
    (
        "UTF-16 with a BOM and an odd byte count",
        "error: BOM but not valid",
        "text/utf16-odd.txt",
        lambda text: text.encode("utf-16")[:-1],
        "byte-order mark but is not valid utf-16",
    ),
    (
        "cp1256 page declaring iso-8859-1",
        "error: declared charset contradicted",
        "html/false-latin1.html",
        lambda text: _page(text, "iso-8859-1").encode("cp1256"),
        "declares charset iso8859-1, but its text reads as Arabic",
    ),
    (
        "cp1256 page declaring windows-1252",
        "error: declared charset contradicted",
        "html/false-1252.html",
        lambda text: _page(text, "windows-1252").encode("cp1256"),
        "declares charset cp1252, but its text reads as Arabic",
    ),
    (
        "cp1256 page declaring utf-8",
        "error: not the declared charset",
        "html/false-utf8.html",
        lambda text: _page(text, "utf-8").encode("cp1256"),
        "declares charset utf-8 but is not utf-8",
    ),
    (
        "UTF-8 page with one invalid byte",
        "error: not valid UTF-8",
        "html/bad-byte.html",
        lambda text: _page(text).encode().replace(b"</p>", b"\xff</p>", 1),
        "not valid UTF-8: 1 bad byte",
    ),
    (
        "feed with an invalid byte",
        "error: not valid in its declared encoding",
        "feeds/bad-byte.rss",
        lambda text: _rss([text]).encode().replace(b"</title>", b"\xff</title>", 1),
        "not valid in the encoding it declares",
    ),
]


def _damaged(path: str, damage: Damage, reason: str) -> Build:
    def build(c: Corpus) -> None:
        _, text = c.text()
        c.write(path, damage(text))
        c.fails(re.escape(path), reason)

    return build


for _name, _outcome, *_how in DAMAGED:
    kind(_name, _outcome)(_damaged(*_how))  # type: ignore[arg-type]


# --- refused whole: one file, one error ----------------------------------------------------

Data = Callable[[], bytes | str]
REFUSED: list[tuple[str, str, str, Data, str] | tuple[str, str, str, Data, str, str]] = [
    # (kind, outcome, file, its content, the reason, the path as the error shows it)
    ("empty file", "error: empty file", "text/empty.txt", lambda: b"", "empty file"),
    (
        "whitespace only",
        "error: only whitespace",
        "text/blank.txt",
        lambda: " \n\t\r\n",
        "only whitespace",
    ),
    (
        "binary bytes named .txt",
        "error: binary file",
        "text/binary.txt",
        lambda: bytes(range(256)) * 16,
        "binary file",
    ),
    (
        "Latin-1 text",
        "error: convert it to UTF-8",
        "text/latin1.txt",
        lambda: "café crème résumé naïve déjà vu".encode("latin-1"),
        "convert it to UTF-8",
    ),
    (
        "text over the article size limit",
        "error: too large, never read",
        "text/huge.txt",
        lambda: b"x " * 40_000,
        r"too large \(0\.0763 MB > 0\.05 MB limit\)",
    ),
    (
        "unknown extension holding binary",
        "error: not a supported file type",
        "text/picture.png",
        lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "not a supported file type",
    ),
    (
        "HTML cut before its text",
        "error: no main text",
        "html/cut.html",
        lambda: "<!DOCTYPE html><html><head><meta charset='utf-8'><script>var a=",
        "no main text",
    ),
    (
        "HTML page over the size limit",
        "error: too large",
        "html/huge.html",
        lambda: "<html><body>" + "<p>x</p>" * 10_000,
        "too large",
    ),
    (
        "JSON whose text is a number",
        "error: text is a JSON number",
        "json/int-text.json",
        lambda: '{"id": "j2", "text": 2024}',
        "record text is a JSON number, not a string",
    ),
    (
        "JSON nested 100,000 deep",
        "error: nested too deeply",
        "json/deep.json",
        lambda: "[" * 100_000 + "]" * 100_000,
        "nested too deeply",
    ),
    (
        "invalid JSON file",
        "error: invalid JSON, line and column",
        "json/invalid.json",
        lambda: '[{"id": "j4", "text": "x"},\n{oops}]',
        r"invalid JSON \(.*line 2 column 2\)",
    ),
    (
        "JSON that is no record",
        "error: neither a record nor a list",
        "json/scalar.json",
        lambda: "42",
        "neither a record nor a list",
    ),
    (
        "JSON with a NUL escape in the text",
        "error: NUL character",
        "json/nul.json",
        lambda: '{"id": "j7", "text": "a\\u0000b"}',
        r"NUL character \(U\+0000 at character 1\)",
    ),
    (
        "JSON file over the whole-file limit",
        "error: too large to read whole",
        "json/huge.json",
        lambda: json.dumps([{"id": str(i), "text": "x" * 100} for i in range(3000)]),
        r"too large to read whole \(0\.3\d* MB > 0\.2 MB limit\)",
    ),
    (
        "JSON file not in UTF-8",
        "error: not UTF-8, where",
        "json/latin1.json",
        lambda: '{"id": "j8", "text": "café"}'.encode("latin-1"),
        r"file is not UTF-8 \(bad byte 0xe9 at byte 25\)",
    ),
    (
        "JSONL NUL escape in the text",
        "that record fails",
        "jsonl/nul.jsonl",
        lambda: '{"id": "n", "text": "a\\u0000"}\n',
        "NUL character",
        r"jsonl/nul\.jsonl#1",
    ),
    (
        "UTF-16 JSONL",
        "error: UTF-16, re-export as UTF-8",
        "jsonl/utf16.jsonl",
        lambda: (_record(text="x") + "\n").encode("utf-16"),
        "UTF-16 text",
    ),
    (
        "empty JSONL",
        "error: no JSON records",
        "jsonl/empty.jsonl",
        lambda: "\n\n",
        "empty file: no JSON records",
    ),
    (
        "feed with a character reference to a surrogate",
        "error: not a readable feed",
        "feeds/surrogate.rss",
        lambda: _rss(["x &#xD800; y"]),
        "not a readable feed",
    ),
    (
        "XML that is no feed",
        "error: no RSS/Atom entries",
        "feeds/sitemap.xml",
        lambda: '<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>',
        "no RSS/Atom entries",
    ),
    (
        "feed over the whole-file limit",
        "error: too large to read whole",
        "feeds/huge.rss",
        lambda: _rss(["x" * 1000] * 250),
        "too large to read whole",
    ),
    (
        "text named .warc",
        "error: no HTML records, is it a WARC file?",
        "warc/not.warc",
        lambda: b"this is not a WARC file\r\n\r\n",
        "no HTML response records in the file: is it a WARC file",
    ),
    (
        "gzip that holds no WARC",
        "error: not a readable WARC file",
        "warc/not.warc.gz",
        lambda: gzip.compress(b"plain text, no records\n" * 10),
        "not a readable WARC file",
    ),
    (
        "file name with a newline, holding nothing",
        "one error line, the newline escaped",
        "paths/two\nlines.txt",
        lambda: b"",
        "empty file",
        r"paths/two\\nlines\.txt",
    ),
]


def _refused(path: str, data: Data, reason: str, shown: str | None = None) -> Build:
    def build(c: Corpus) -> None:
        c.write(path, data())
        c.fails(shown or re.escape(path), reason)

    return build


for _name, _outcome, *_how in REFUSED:
    kind(_name, _outcome)(_refused(*_how))  # type: ignore[arg-type]
