"""A batch of bad inputs: each gives one InputError naming the file; good inputs still land."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from marsad.ingest import InputError, ReadOptions, read_inputs
from marsad.model import Article, PublishedSource

ARABIC = (
    "قالت وزارة الخارجية العراقية، الخميس، إن بغداد وواشنطن تعتزمان إجراء محادثات قريبا.\n"
    "وأضافت في بيان أنه جرى تشكيل لجنة لبدء محادثات حول مستقبل وجود التحالف.\n"
)
PARAGRAPH = (
    "أعلنت وزارة الدفاع في بيان رسمي اليوم أن اللجنة العسكرية العليا عقدت اجتماعها الأول "
    "لبحث جدول زمني لإنهاء مهمة التحالف والانتقال إلى شراكة أمنية ثنائية دائمة بين البلدين."
)
GOOD_HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>خبر اليوم</title>"
    "<meta property='article:published_time' content='2024-01-26T02:43:00+03:00'></head>"
    "<body><nav><a href='/'>الرئيسية</a></nav><article><h1>خبر اليوم</h1>"
    + "".join(f"<p>{PARAGRAPH} {i}</p>" for i in range(6))
    + "</article><footer>جميع الحقوق محفوظة</footer></body></html>"
)


def _batch(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Build the batch; returns the folder and {file name: expected reason fragment}."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(ARABIC, encoding="utf-8")
    (folder / "good.html").write_text(GOOD_HTML, encoding="utf-8")
    (folder / "legacy_cp1256.txt").write_bytes(ARABIC.encode("cp1256"))
    (folder / "utf16_bom.txt").write_bytes(ARABIC.encode("utf-16"))
    (folder / "utf16le_nobom.txt").write_bytes(ARABIC.encode("utf-16-le"))
    (folder / "utf16be_nobom.txt").write_bytes(ARABIC.encode("utf-16-be"))
    (folder / "crlf.txt").write_bytes(ARABIC.replace("\n", "\r\n").encode("utf-8-sig"))
    records = [
        json.dumps({"id": "r1", "text": ARABIC, "published": "2015-07-21 02:51:32"}),
        '{"id": "r2", "text": "broken',
        "",
        json.dumps({"id": "r3", "content": ARABIC, "url": "http://x.com/2015/08/10/a.html"}),
        json.dumps({"id": "r4", "title": "no text here"}),
        "[1, 2]",
    ]
    (folder / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    expected = {}
    (folder / "empty.txt").write_bytes(b"")
    expected["empty.txt"] = "empty file"
    (folder / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    expected["blank.txt"] = "only whitespace"
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    expected["binary.txt"] = "binary file"
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    expected["picture.png"] = "not a supported file type"
    (folder / "latin1.txt").write_bytes("café crème résumé naïve déjà vu".encode("latin-1"))
    expected["latin1.txt"] = "convert it to UTF-8"
    (folder / "truncated.html").write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>خبر</title><script>var a=",
        encoding="utf-8",
    )
    expected["truncated.html"] = "no main text"
    (folder / "deep.html").write_text(  # deeper than libxml2 parses: read all the same
        "<html><body>" + "<div>" * 50_000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 50_000,
        encoding="utf-8",
    )
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    expected["bad.json"] = "invalid JSON"
    loop = folder / "loop"
    loop.mkdir()
    (loop / "back").symlink_to(folder, target_is_directory=True)
    expected["back"] = "symlink loop"
    (folder / "self").symlink_to(folder / "self")
    expected["self"] = "symlink loop"
    (folder / "dangling").symlink_to(folder / "nowhere.txt")
    expected["dangling"] = "broken symlink"
    os.mkfifo(folder / "pipe.txt")
    expected["pipe.txt"] = "not a regular file"
    return folder, expected


def test_bad_batch(tmp_path: Path) -> None:
    folder, expected = _batch(tmp_path)
    missing = tmp_path / "does-not-exist.txt"
    items = list(read_inputs([folder, missing]))
    errors = [i for i in items if isinstance(i, InputError)]
    articles = {i.doc: i for i in items if isinstance(i, Article)}

    file_errors = {Path(e.path.split("#")[0]).name: e for e in errors if "#" not in e.path}
    for name, fragment in expected.items():
        assert name in file_errors, f"no error for {name}: {errors}"
        assert fragment in file_errors[name].reason, str(file_errors[name])
        assert str(file_errors[name]).startswith(file_errors[name].path + ": ")
    assert "no such file" in file_errors["does-not-exist.txt"].reason

    record_errors = sorted(e.path.rsplit("#", 1)[1] for e in errors if "#" in e.path)
    assert record_errors == ["2", "5", "6"]  # broken JSON, no text, not an object
    assert len(errors) == len(expected) + 1 + 3

    for name in ("good.txt", "utf16_bom.txt", "utf16le_nobom.txt", "utf16be_nobom.txt"):
        assert articles[name].text == ARABIC, name
    assert articles["legacy_cp1256.txt"].text == ARABIC
    assert articles["deep.html"].text == PARAGRAPH
    assert articles["legacy_cp1256.txt"].encoding == "cp1256"
    assert articles["utf16le_nobom.txt"].encoding == "utf-16-le"
    assert articles["utf16be_nobom.txt"].encoding == "utf-16-be"
    assert articles["crlf.txt"].text == ARABIC.replace("\n", "\r\n")  # BOM gone, CRLF kept
    assert articles["crlf.txt"].encoding == "utf-8-sig"
    html = articles["good.html"]
    assert PARAGRAPH in html.text and html.raw is not None and html.title == "خبر اليوم"
    assert html.published.value == "2024-01-26"
    assert html.published.source == PublishedSource.METADATA
    assert articles["r1"].published.value == "2015-07-21T02:51"
    assert articles["r1"].published.source == PublishedSource.METADATA
    assert articles["r3"].published.value == "2015-08-10"
    assert articles["r3"].published.source == PublishedSource.URL
    assert articles["r3"].source.endswith("records.jsonl#4")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARABIC, encoding="utf-8")
    path.chmod(0)
    try:
        (error,) = list(read_inputs([path]))
    finally:
        path.chmod(0o644)
    assert isinstance(error, InputError) and "permission denied" in error.reason


def test_option_published_wins_and_is_validated(tmp_path: Path) -> None:
    path = tmp_path / "2023-08-07_report.txt"
    path.write_text(ARABIC, encoding="utf-8")
    (by_name,) = list(read_inputs([path]))
    assert isinstance(by_name, Article)
    assert (by_name.published.value, by_name.published.source) == ("2023-08-07", "filename")
    (by_option,) = list(read_inputs([path], ReadOptions(published="2024-01-26")))
    assert isinstance(by_option, Article)
    assert (by_option.published.value, by_option.published.source) == ("2024-01-26", "option")
    with pytest.raises(ValueError, match="not an ISO 8601 date"):
        ReadOptions(published="yesterday")
    with pytest.raises(ValueError, match="unknown record field"):
        ReadOptions(fields={"body": "text"})


def test_unknown_extension_that_is_text(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(ARABIC, encoding="utf-8")
    (article,) = list(read_inputs([str(path)]))
    assert isinstance(article, Article) and article.text == ARABIC
    assert article.source == str(path)


def test_hidden_files_skipped_in_folders(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "shown.txt").write_text(ARABIC, encoding="utf-8")
    assert [a.doc for a in read_inputs([tmp_path]) if isinstance(a, Article)] == ["shown.txt"]
