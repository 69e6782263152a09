"""RSS/Atom files (feedparser) and WARC archives (warcio) through the ingest dispatch."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.ingest import InputError, read_inputs
from marsad.ingest.feeds import fragment_text
from marsad.model import Article, PublishedSource

SENTENCE = "قال وزير الخارجية إن الاجتماع عقد في الرياض لبحث التعاون بين البلدين."
PARAGRAPH = (
    "وأضاف الوزير في مؤتمر صحفي أن المحادثات تناولت سبل تعزيز العلاقات الثنائية بين "
    "البلدين في مجالات الاقتصاد والطاقة والاستثمار، وأن الجانبين اتفقا على مواصلة التنسيق."
)
RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>صحيفة الاختبار</title>
<item><title>اجتماع في الرياض</title><link>https://example.org/2024/05/06/a.html</link>
<guid>a-1</guid><pubDate>Mon, 06 May 2024 10:30:00 +0300</pubDate>
<description>ملخص قصير</description>
<content:encoded><![CDATA[<p>{SENTENCE}</p><p>{PARAGRAPH}</p>]]></content:encoded></item>
<item><title>بلا تاريخ</title><link>https://example.org/b</link>
<description>&lt;p&gt;{PARAGRAPH}&lt;/p&gt;</description></item>
<item><title>فارغ</title><link>https://example.org/c</link></item>
</channel></rss>"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة</title>
<entry><title>خبر</title><id>urn:x:1</id><link href="https://example.org/x"/>
<updated>2023-08-07T09:00:00Z</updated><content type="html">&lt;p&gt;{SENTENCE}&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_inputs([path]))
    first, second, third = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == f"{SENTENCE}\n{PARAGRAPH}"
    assert first.source == f"{path}#1" and first.doc == "a-1"
    assert first.outlet == "صحيفة الاختبار" and first.title == "اجتماع في الرياض"
    assert first.published.value == "2024-05-06T10:30"
    assert first.published.source is PublishedSource.METADATA
    assert second.text == PARAGRAPH and second.published.value is None
    assert isinstance(third, InputError) and third.path == f"{path}#3"


def test_atom_and_not_a_feed(tmp_path: Path) -> None:
    atom = tmp_path / "agency.atom"
    atom.write_text(ATOM, encoding="utf-8")
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    (article,), (error,) = list(read_inputs([atom])), list(read_inputs([sitemap]))
    assert isinstance(article, Article) and article.text == SENTENCE
    assert article.published.value == "2023-08-07T09:00"
    assert isinstance(error, InputError) and "no RSS/Atom entries" in error.reason


def test_fragment_text_keeps_blocks_apart() -> None:
    assert fragment_text("<p>أ</p><p>ب<br>ج</p>") == "أ\nب\nج"
    assert fragment_text("نص بلا وسوم") == "نص بلا وسوم"


def _warc(path: Path) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>خبر</title></head><body><article>'
        f"<h1>اجتماع</h1><p>{SENTENCE} {PARAGRAPH}</p><p>{PARAGRAPH} {SENTENCE}</p>"
        "</article></body></html>"
    ).encode()
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)

        def response(uri: str, status: str, kind: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(record)

        request = writer.create_warc_record(
            "https://example.org/2024/05/06/news.html", "request", payload=BytesIO(b"GET /")
        )
        writer.write_record(request)
        response("https://example.org/2024/05/06/news.html", "200 OK", "text/html", page)
        response("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG")
        response("https://example.org/gone", "404 Not Found", "text/html", b"<p>x</p>")


def test_warc_html_responses_go_through_the_html_reader(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    (article,) = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert SENTENCE in article.text and article.raw is not None
    assert article.doc == article.url == "https://example.org/2024/05/06/news.html"
    assert article.source.startswith(f"{path}#")
    assert article.published.value == "2024-05-06"  # from the URL, not the crawl date
    again = next(iter(read_inputs([path])))
    assert isinstance(again, Article) and again.id == article.id  # stable across runs


def test_a_broken_warc_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a WARC file at all\r\n\r\n")
    (error,) = list(read_inputs([path]))
    assert isinstance(error, InputError) and error.path == str(path)
