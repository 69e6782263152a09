"""The server under attack: Host allow-list, security headers, no 5xx for any bad request,
token handling, upload paths, injection through every query parameter, stored markup
and bidi overrides kept as data. (What a browser makes of them: test_browser.py.)"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from marsad.model import Article
from marsad.pipeline import annotate
from marsad.store import Store
from marsad.web import create_app, security
from marsad.web.cli_commands import ServeError, serve
from web_fixtures import NAME, OUTLET, PAYLOAD, REVERSED, hostile_article

TOKEN = "a-token-of-twenty-chars"
LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("security") / "store.db"
    plain = annotate(
        Article(doc="plain.txt", source="fixture/plain.txt", text="قال الوزير إن اللجنة اجتمعت.")
    )
    with Store(path) as store:
        store.save_many([hostile_article(), plain])
    return path


@pytest.fixture(scope="module")
def client(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    app = create_app(
        store_path, TOKEN, tmp_path_factory.mktemp("data"), hosts=["marsad.lan"], warm=False
    )
    with TestClient(app, base_url=LOCAL) as test_client:
        yield test_client


def _ids(client: TestClient) -> dict[str, str]:
    corpus = client.app.state.corpus.get()  # type: ignore[attr-defined]
    article = next(a for a in corpus.articles if a.doc.startswith("hostile"))
    story = corpus.story_index.story_of[article.id]
    event = next(iter(corpus.events))
    return {"article": article.id, "story": story, "event": event, "entity": NAME}


# -- Host allow-list and headers -----------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/api/timeline", "/docs", "/static/app.js", "/openapi.json"])
def test_a_foreign_host_is_refused(client: TestClient, path: str) -> None:
    for host in ("attacker.example", "attacker.example:8000", "127.0.0.1.attacker.example"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400, (path, host)
        assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "marsad.lan"],
)
def test_local_and_configured_hosts_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/status", headers={"Host": host}).status_code == 200


def test_host_names_parse() -> None:
    assert security.host_name("[::1]:8000") == "::1"
    assert security.host_name("Example.LAN:80") == "example.lan"
    assert security.host_name("localhost") == "localhost"
    assert security.host_name("::1") == "::1"


@pytest.mark.parametrize("path", ["/", "/api/articles", "/static/app.css", "/api/nope", "/docs"])
def test_security_headers_on_every_answer(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-eval'" not in policy and "script-src 'self' 'unsafe" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_docs_are_served_by_the_package(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/static/swagger-ui/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert "http" not in page
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"):
        assert client.get(f"/static/swagger-ui/{asset}").status_code == 200
    assert client.get("/redoc").status_code == 404  # no second docs page loading a CDN


# -- 4xx, never 5xx --------------------------------------------------------------------------


def test_non_ascii_authorization_is_401(client: TestClient) -> None:
    files = [("files", ("a.txt", "نص".encode(), "text/plain"))]
    for value in (b"Bearer \xff\xfe\xfd", "Bearer توكن".encode(), b"\xc3\x28"):
        response = client.post("/api/ingest", files=files, headers={"Authorization": value})
        assert response.status_code == 401
    response = client.post("/api/ingest", files=files, headers={"X-Token": b"\xff"})
    assert response.status_code == 401


LISTS = ["/api/articles", "/api/quotes", "/api/entities", "/api/stories", "/api/timeline"]


@pytest.mark.parametrize("path", [*LISTS, "/api/search?q=x"])
def test_huge_offsets_and_limits_are_422(client: TestClient, path: str) -> None:
    glue = "&" if "?" in path else "?"
    for bad in ("offset=9223372036854775808", "offset=-1", "limit=99999999999999999999", "limit=x"):
        assert client.get(f"{path}{glue}{bad}").status_code == 422, (path, bad)


def _params(client: TestClient) -> list[tuple[str, list[str]]]:
    """Every GET route of the API with the names of its query parameters."""
    ids = _ids(client)
    schema = client.get("/openapi.json").json()
    out = []
    for path, methods in schema["paths"].items():
        if "get" not in methods:
            continue
        names = [p["name"] for p in methods["get"].get("parameters", []) if p["in"] == "query"]
        concrete = (
            path.replace("{article_id}", ids["article"])
            .replace("{event_id}", ids["event"])
            .replace("{story_id}", ids["story"])
            .replace("{name}", "Nobody")
            .replace("{factor_id}", "isis_threat")
        )
        out.append((concrete, names))
    return out


INJECTIONS = [
    '"',
    "'",
    "' OR '1'='1",
    "1; DROP TABLE articles; --",
    '" OR 1=1 --',
    "*",
    "NEAR(a b)",
    "body:x",
    "x AND y OR NOT z",
    "(",
    "^",
    "\\",
    "%",
    "_",
    "\x00",
    "\u202e",
    "{}",
    "9223372036854775808",
    "-1",
    "ا" * 400,
]


def test_injection_through_every_query_parameter(client: TestClient, store_path: Path) -> None:
    before = _counts(store_path)
    routes = _params(client)
    assert len(routes) >= 12
    for path, names in routes:
        for name in names:
            for value in INJECTIONS:
                response = client.get(
                    path, params={name: value, "q": "x"} if name != "q" else {name: value}
                )
                assert response.status_code < 500, (path, name, value, response.text[:200])
    assert _counts(store_path) == before


def _counts(path: Path) -> tuple[int, str]:
    with sqlite3.connect(path) as db:
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
    return int(articles), str(check)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=st.text(max_size=60), which=st.integers(min_value=0, max_value=200))
def test_random_parameters_never_give_a_server_error(
    client: TestClient, value: str, which: int
) -> None:
    routes = [(p, n) for p, n in _params(client) if n]
    path, names = routes[which % len(routes)]
    name = names[which % len(names)]
    params = {name: value} if name == "q" else {name: value, "q": "x"}
    assert client.get(path, params=params).status_code < 500


# -- the token -----------------------------------------------------------------------------


def test_the_token_is_compared_in_constant_time(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = security.secrets.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(security.secrets, "compare_digest", spy)
    files = [("files", ("a.txt", "نص".encode(), "text/plain"))]
    client.post("/api/ingest", files=files, headers={"X-Token": "wrong-token-wrong-token"})
    assert calls and all(isinstance(a, bytes) and isinstance(b, bytes) for a, b in calls)


def test_the_token_is_taken_from_a_header_only(client: TestClient) -> None:
    files = [("files", ("a.txt", "نص".encode(), "text/plain"))]
    for where in (f"/api/ingest?token={TOKEN}", f"/api/ingest?authorization=Bearer%20{TOKEN}"):
        assert client.post(where, files=files).status_code == 401
    assert client.post("/api/ingest", files=files, data={"token": TOKEN}).status_code == 401


def test_the_token_never_reaches_the_logs(
    store_path: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: Any,
    monkeypatch: Any,
) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: logging.getLogger("uvicorn").info("%s", k))
    with caplog.at_level(logging.DEBUG):
        serve(store_path, token=TOKEN, data_dir=tmp_path)
        app = create_app(store_path, TOKEN, tmp_path, warm=False)
        with TestClient(app, base_url=LOCAL) as local:
            files = [("files", ("a.txt", "قال الوزير".encode(), "text/plain"))]
            local.post("/api/ingest", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
            local.post("/api/ingest", files=files, headers={"Authorization": "Bearer nope-nope"})
    printed = capsys.readouterr()
    assert TOKEN not in caplog.text and TOKEN not in printed.out + printed.err


def test_serve_refuses_short_tokens_and_warns_for_every_interface(
    store_path: Path, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **k: seen.update(k))
    with pytest.raises(ServeError):
        serve(store_path, token="x", data_dir=tmp_path)
    serve(store_path, host="0.0.0.0", token=TOKEN, data_dir=tmp_path)
    assert "warning" in capsys.readouterr().err and seen["access_log"] is False


# -- uploads -------------------------------------------------------------------------------


def _post(client: TestClient, files: list[tuple[str, bytes]], **form: str) -> dict[str, Any]:
    response = client.post(
        "/api/ingest",
        files=[("files", (name, body, "application/octet-stream")) for name, body in files],
        data=form,
        headers={"X-Token": TOKEN},
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def _data_dir(client: TestClient) -> Path:
    return Path(client.app.state.data_dir)  # type: ignore[attr-defined]


def test_uploads_never_overwrite_each_other(client: TestClient) -> None:
    report = _post(
        client,
        [
            ("a b.txt", "قال الأول إن الخبر صحيح.".encode()),
            ("a_b.txt", "قال الثاني إن الخبر كاذب.".encode()),
            ("same.txt", "قال الثالث كلاما.".encode()),
            ("same.txt", "قال الرابع كلاما آخر.".encode()),
        ],
    )
    assert report["articles"] == 4 and len(set(report["stored"])) == 4 and not report["errors"]
    for stored in report["stored"]:
        assert (_data_dir(client) / "uploads" / stored).is_file()


@pytest.mark.parametrize(
    "name",
    [
        "../../escape.txt",
        "..\\..\\escape.txt",
        "/etc/escape.txt",
        "C:\\Windows\\escape.txt",
        "a/../../escape.txt",
    ],
)
def test_upload_names_stay_in_the_upload_folder(client: TestClient, name: str) -> None:
    report = _post(client, [(name, f"قال {name} شيئا.".encode())])
    uploads = (_data_dir(client) / "uploads").resolve()
    for stored in report["stored"]:
        assert (uploads / stored).resolve().is_relative_to(uploads)
        assert Path(stored).name == "escape.txt"
    assert not list(_data_dir(client).parent.glob("**/escape.txt")) or all(
        p.resolve().is_relative_to(uploads) for p in _data_dir(client).parent.glob("**/escape.txt")
    )


def test_an_upload_never_writes_through_a_symlink(client: TestClient, tmp_path: Path) -> None:
    body = "قال الرابط شيئا.".encode()
    home = _data_dir(client) / "uploads" / hashlib.sha256(body).hexdigest()[:16]
    home.mkdir(parents=True, exist_ok=True)
    outside = tmp_path / "outside.txt"
    outside.write_text("untouched")
    (home / "link.txt").symlink_to(outside)
    report = _post(client, [("link.txt", body)])
    assert report["errors"] and outside.read_text() == "untouched"


@pytest.mark.parametrize(
    "name", ["x.zip", "x.tar.gz", "x.tgz", "x.gz", "x.7z", "x.exe", "x.txt.zip"]
)
def test_archives_and_other_kinds_are_refused(client: TestClient, name: str) -> None:
    report = _post(client, [(name, b"PK\x03\x04" + b"\x00" * 40)])
    assert report["articles"] == 0 and report["errors"][0]["file"] == name


POISON = {
    "huge-int.json": b'{"id": "p1", "text": "x", "n": ' + b"9" * 6000 + b"}",
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "deep-line.jsonl": b'{"id": "p2", "text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}\n",
    "surrogate.jsonl": b'{"id": "p3", "text": "\\ud800 \\u0642\\u0627\\u0644"}\n',
}


@pytest.mark.parametrize("poison", sorted(POISON))
def test_a_poisoned_file_does_not_stop_the_good_one(client: TestClient, poison: str) -> None:
    good = f"قال الوزير إن الملف {poison} سليم.".encode()
    report = _post(client, [(poison, POISON[poison]), (f"good-{poison}.txt", good)])
    assert report["articles"] >= 1
    assert any(e["file"] == poison for e in report["errors"]), report
    found = client.get("/api/search", params={"q": "سليم"}).json()["items"]
    assert any(item["doc"] == f"good-{poison}.txt" for item in found)


def test_field_mappings_come_with_the_upload(client: TestClient) -> None:
    record = {
        "id": "m1",
        "content": "قال الوزير إن المؤتمر ناجح.",
        "date_extracted": "2015-07-21 02:51:32",
        "source_name": "Al-Test",
    }
    body = (json.dumps(record, ensure_ascii=False) + "\n").encode()
    report = _post(
        client,
        [("mapped.jsonl", body)],
        fields="text=content published=date_extracted outlet=source_name",
    )
    assert report["articles"] == 1 and not report["errors"]
    article = next(
        a
        for a in client.get("/api/articles", params={"limit": 500}).json()["items"]
        if a["doc"] == "m1"
    )
    assert article["published"]["value"].startswith("2015-07-21") and article["outlet"] == "Al-Test"
    bad = client.post(
        "/api/ingest",
        files=[("files", ("x.jsonl", body, "text/plain"))],
        data={"fields": "texte=content"},
        headers={"X-Token": TOKEN},
    )
    assert bad.status_code == 422 and "texte" in bad.text


def test_an_unmapped_field_is_one_error_with_a_count(client: TestClient) -> None:
    lines = "".join(json.dumps({"id": f"u{i}", "body": "قال"}) + "\n" for i in range(5)).encode()
    report = _post(client, [("unmapped.jsonl", lines)])
    errors = [e for e in report["errors"] if e["file"] == "unmapped.jsonl"]
    assert len(errors) == 1 and errors[0].get("count") == 5


# -- stored markup and bidi overrides stay data ------------------------------------------------


def test_hostile_fields_come_back_as_data(client: TestClient) -> None:
    ids = _ids(client)
    article = client.get(f"/api/articles/{ids['article']}").json()
    assert (
        PAYLOAD in article["title"] and article["outlet"] == OUTLET and REVERSED in article["doc"]
    )
    entity = client.get("/api/entities", params={"name": "Evil"}).json()["items"][0]
    assert entity["canonical"] == NAME
    page = client.get(f"/api/entities/{NAME}").json()
    assert page["quotes"] and page["quotes"][0]["speaker"] == NAME
    for fmt in ("html", "md"):  # markup escaped (Markdown with backslashes)
        body = client.get("/api/export/timeline", params={"format": fmt}).text
        assert not re.search(r"(?<!\\)<(script|img)", body), fmt


@pytest.mark.parametrize(
    "path",
    [
        "/static/..%2f..%2fapp.py",
        "/static/%2e%2e/api.py",
        "/static/../app.py",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/static/swagger-ui/..%2f..%2fcorpus.py",
    ],
)
def test_static_files_stay_in_their_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404 and "import" not in response.text
