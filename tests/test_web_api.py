"""The REST API over a store of the five seed reports (plus small fixtures)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx vs httpx2
    from fastapi.testclient import TestClient

from marsad.ingest import ReadOptions, read_inputs
from marsad.model import Article
from marsad.pipeline import annotate
from marsad.store import Store
from marsad.web import create_app
from marsad.web.search import fts_query, query_words, word_forms
from marsad.web.uploads import safe_name

TOKEN = "s3cret-token"
JSCD = "US-Iraq Joint Security Cooperation Dialogue"


def _fixture(doc: str, text: str) -> Article:
    return annotate(Article(doc=doc, source=f"fixture/{doc}", text=text))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("web") / "seeds.db"
    articles = [a for a in read_inputs([seeds_dir], ReadOptions()) if isinstance(a, Article)]
    assert len(articles) == 5
    with Store(path) as store:
        store.save_many(annotate(a) for a in articles)
        store.save_many(
            [
                _fixture("only-fused.txt", "اجتمع أعضاء للجنة الفنية في بغداد."),
                _fixture("only-article.txt", "قالت اللجنة العليا إن العمل مستمر."),
            ]
        )
    return path


@pytest.fixture(scope="module")
def client(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data_dir = tmp_path_factory.mktemp("data")
    app = create_app(store_path, TOKEN, data_dir, max_upload_bytes=200_000)
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def _jscd(client: TestClient) -> dict[str, Any]:
    events = client.get("/api/timeline").json()["events"]
    return next(e for e in events if e["title"] == JSCD and e["date"] == "2023-08-07/2023-08-08")


# -- articles ------------------------------------------------------------------------------


def test_articles_are_paginated_with_a_total(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert first["total"] == 7 and len(first["items"]) == 2
    rest = client.get("/api/articles", params={"limit": 500, "offset": 2}).json()
    ids = [a["id"] for a in first["items"] + rest["items"]]
    assert len(ids) == len(set(ids)) == 7


@pytest.mark.parametrize(
    "params", [{"limit": 0}, {"limit": 501}, {"offset": -1}, {"limit": "many"}]
)
def test_bad_page_parameters_are_422(client: TestClient, params: dict[str, Any]) -> None:
    assert client.get("/api/articles", params=params).status_code == 422


def test_article_detail_has_text_published_and_layers(client: TestClient) -> None:
    items = client.get("/api/articles", params={"limit": 500}).json()["items"]
    seed = next(a for a in items if a["doc"].startswith("000_"))
    article = client.get(f"/api/articles/{seed['id']}").json()
    assert article["text"].startswith("قال وزير الدفاع")
    assert article["published"]["source"]
    for timex in article["timexes"]:
        assert article["text"][timex["start"] : timex["end"]] == timex["text"]
    for entity in article["entities"]:
        assert article["text"][entity["start"] : entity["end"]] == entity["text"]
    for quote in article["quotes"]:
        assert article["text"][quote["content_start"] : quote["content_end"]] == quote["content"]
    assert "boilerplate" in article and article["events"]


def test_unknown_ids_are_404(client: TestClient) -> None:
    for path in (
        "/api/articles/nope",
        "/api/events/nope",
        "/api/entities/Nobody%20At%20All",
        "/api/timeline?story=nope",
    ):
        assert client.get(path).status_code == 404, path


# -- timeline and events -------------------------------------------------------------------


def test_timeline_has_the_jscd_event_with_both_seed_sources(client: TestClient) -> None:
    data = client.get("/api/timeline").json()
    assert {"events", "undated", "conflicts", "kinds"} <= set(data)
    jscd = _jscd(client)
    docs = {s["doc"][:3] for s in jscd["sources"]}
    assert {"000", "001"} <= docs
    for event in data["undated"]:
        assert event["date"] is None and event["reason"]


def test_timeline_filters_by_kind(client: TestClient) -> None:
    data = client.get("/api/timeline", params={"kind": "meeting"}).json()
    assert data["events"] and all(e["kind"] == "meeting" for e in data["events"])


def test_event_detail_gives_each_source_sentence_at_its_offsets(client: TestClient) -> None:
    jscd = _jscd(client)
    event = client.get(f"/api/events/{jscd['id']}").json()
    assert event["date"] == "2023-08-07/2023-08-08"
    for source in event["sources"]:
        article = client.get(f"/api/articles/{source['article_id']}").json()
        assert article["text"][source["start"] : source["end"]] == source["sentence"]
        assert source["sentence"]


# -- quotes, entities, factors, stories ------------------------------------------------------


def test_quotes_filter_by_speaker(client: TestClient) -> None:
    data = client.get("/api/quotes", params={"speaker": "austin"}).json()
    assert data["total"] >= 1
    assert all("austin" in q["speaker"].casefold() for q in data["items"])
    everything = client.get("/api/quotes", params={"limit": 500}).json()
    assert everything["total"] >= data["total"]


def test_entities_by_type_and_entity_page(client: TestClient) -> None:
    people = client.get("/api/entities", params={"type": "PER"}).json()
    assert people["items"] and all(r["type"] == "PER" for r in people["items"])
    assert client.get("/api/entities", params={"type": "CAT"}).status_code == 422
    austin = client.get("/api/entities/Lloyd Austin").json()
    assert "أوستن" in austin["aliases"]
    assert austin["quotes"] and all(q["speaker"] == "Lloyd Austin" for q in austin["quotes"])


def test_factors_and_stories(client: TestClient) -> None:
    factors = client.get("/api/factors").json()
    assert factors["factors"] and factors["articles"] == 7
    stories = client.get("/api/stories").json()
    assert stories["total"] >= 1
    members = stories["items"][0]["articles"]
    story = client.get("/api/timeline", params={"story": stories["items"][0]["id"]}).json()
    for event in story["events"]:
        assert any(s["article_id"] in members for s in event["sources"])


# -- search ------------------------------------------------------------------------------


def _found_docs(client: TestClient, query: str) -> set[str]:
    response = client.get("/api/search", params={"q": query, "limit": 500})
    assert response.status_code == 200, response.text
    return {item["doc"] for item in response.json()["items"]}


def test_search_tolerates_hamza_spelling(client: TestClient) -> None:
    found = _found_docs(client, "اوستن")
    assert any(doc.startswith("000_") for doc in found)
    data = client.get("/api/search", params={"q": "اوستن"}).json()
    for item in data["items"]:
        snippet = item["snippet"]
        assert snippet["highlights"]
        for start, end in snippet["highlights"]:
            assert snippet["text"][start:end] == "أوستن"


def test_search_tolerates_clitics_both_ways(client: TestClient) -> None:
    assert "only-article.txt" in _found_docs(client, "للجنة")
    assert "only-fused.txt" in _found_docs(client, "اللجنة")
    assert "only-fused.txt" in _found_docs(client, "واللجنة")


@pytest.mark.parametrize(
    "query",
    ['"', 'اللجنة"', "NEAR(a b)", "*", "(اللجنة", "a OR", "AND", "col:x", "^x", "---", "'; DROP"],
)
def test_search_operators_cannot_break_fts(client: TestClient, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 200
    assert response.json()["total"] >= 0


def test_search_needs_a_query(client: TestClient) -> None:
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_fts_expression_quotes_every_form() -> None:
    expression = fts_query(query_words('NEAR("x" y)*'))
    assert expression.count("(") == 3 and '"near"' in expression
    assert "للجنه" in word_forms("اللجنه") and "اللجنه" in word_forms("للجنه")
    assert "زير" not in "".join(word_forms("وزير")).split('"')  # no stripping of a bare و


# -- ingest ------------------------------------------------------------------------------


def _upload(name: str, body: bytes) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (name, body, "text/plain"))]


def test_ingest_needs_the_token(client: TestClient) -> None:
    files = _upload("a.txt", "نص".encode())
    assert client.post("/api/ingest", files=files).status_code == 401
    wrong = {"Authorization": "Bearer wrong"}
    assert client.post("/api/ingest", files=files, headers=wrong).status_code == 401
    assert client.post("/api/ingest", files=files, headers={"X-Token": "x"}).status_code == 401


def test_oversized_upload_is_413(client: TestClient) -> None:
    files = _upload("big.txt", "ا".encode() * 150_000)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/ingest", files=files, headers=headers).status_code == 413


def test_ingest_stores_articles_and_reports_bad_files(client: TestClient, tmp_path: Path) -> None:
    text = "قال الوزير إن <script>alert('x')</script> الاجتماع عقد في 7 أغسطس 2023."
    files = [
        ("files", ("../../escape/يناير.txt", text.encode(), "text/plain")),
        ("files", ("evil.exe", b"MZ", "application/octet-stream")),
        ("files", ("broken.json", b"{not json", "application/json")),
    ]
    response = client.post("/api/ingest", files=files, headers={"X-Token": TOKEN})
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["files"] == 3 and report["articles"] == 1 and report["new"] == 1
    assert {e["file"] for e in report["errors"]} == {"evil.exe", "broken.json"}
    data_dir: Path = client.app.state.data_dir  # type: ignore[attr-defined]
    kept = [data_dir / "uploads" / path for path in report["stored"]]  # <hash of bytes>/name
    assert any(path.name == "يناير.txt" and path.is_file() for path in kept)
    assert not (data_dir.parent / "escape").exists()
    found = client.get("/api/search", params={"q": "script"}).json()["items"]
    article = client.get(f"/api/articles/{found[0]['id']}").json()
    assert "<script>alert('x')</script>" in article["text"]  # as data, never markup
    assert client.get("/api/articles").json()["total"] == 8
    again = client.post("/api/ingest", files=files[:1], headers={"X-Token": TOKEN}).json()
    assert again["new"] == 0 and again["updated"] == 1  # same name and text: same article
    html = client.get("/api/export/timeline", params={"format": "html"}).text
    assert "<script>" not in html


@pytest.mark.parametrize(
    ("name", "safe"),
    [("../../x.txt", "x.txt"), ("..", None), ("a/b\\c.json", "c.json"), (".hidden", "hidden")],
)
def test_safe_names_stay_in_their_folder(name: str, safe: str | None) -> None:
    assert safe_name(name) == safe


# -- exports and the page ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv", "timelinejs", "html", "md"])
def test_export_formats(client: TestClient, fmt: str) -> None:
    response = client.get("/api/export/timeline", params={"format": fmt})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert response.content


def test_export_unknown_format_is_422(client: TestClient) -> None:
    assert client.get("/api/export/timeline", params={"format": "pdf"}).status_code == 422


def test_page_and_docs_are_served_without_network(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text and 'lang="ar"' in page.text
    script = client.get("/static/app.js").text
    assert "innerHTML" not in script.replace("never innerHTML", "")
    for asset in (page.text, script, client.get("/static/app.css").text):
        assert "http://" not in asset.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in asset
    assert client.get("/openapi.json").json()["paths"]["/api/search"]
    assert client.get("/docs").status_code == 200


# -- the workbench: variants, axis, scopes, entity and story pages, quotes, factors --------


def test_search_folds_spelling_variants(client: TestClient) -> None:
    found = {doc[:3] for doc in _found_docs(client, "الاميركية")}
    assert {"000", "001", "002", "003", "004"} <= found  # الأمريكية and الأميركية
    assert {"002", "004"} <= {doc[:3] for doc in _found_docs(client, "البنتاجون")}
    data = client.get("/api/search", params={"q": "الاميركية", "limit": 500}).json()
    marked = {
        item["snippet"]["text"][s:e]
        for item in data["items"]
        for s, e in item["snippet"]["highlights"]
    }
    assert {"الأمريكية", "الأميركية"} <= marked


def test_search_without_the_article_finds_it_with_clitics(client: TestClient) -> None:
    assert {"000", "001", "002", "003", "004"} <= {d[:3] for d in _found_docs(client, "عراق")}


def test_search_by_a_latin_name_finds_its_arabic_spellings(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "Lloyd Austin"}).json()
    assert data["total"] >= 1 and data["entities"][0]["canonical"] == "Lloyd Austin"
    assert any(item["snippet"]["highlights"] for item in data["items"])


def test_search_filters_by_period_and_story(client: TestClient) -> None:
    everything = client.get("/api/search", params={"q": "العراق", "limit": 500}).json()
    dated = client.get("/api/search", params={"q": "العراق", "since": "2024"}).json()
    assert 0 < dated["total"] < everything["total"]
    assert all(item["published"]["value"] >= "2024" for item in dated["items"])
    story = client.get("/api/stories").json()["items"][0]
    scoped = client.get("/api/search", params={"q": "العراق", "story": story["id"]}).json()
    assert {i["id"] for i in scoped["items"]} <= set(story["articles"])


def test_axis_marks_lanes_and_scope(client: TestClient) -> None:
    axis = client.get("/api/timeline/axis").json()
    assert axis["total"] == len(axis["marks"]) > 0
    jscd = next(m for m in axis["marks"] if m["date"] == "2023-08-07/2023-08-08")
    assert jscd["start"] == "2023-08-07" and jscd["end"] == "2023-08-08" and jscd["reports"] >= 2
    assert axis["undated"]["total"] >= 1 and all(m["reason"] for m in axis["undated"]["marks"])
    assert axis["focus"]["from"] <= "2021-07-26" <= axis["focus"]["to"]
    period = client.get("/api/timeline/axis", params={"since": "2023", "until": "2023"}).json()
    assert period["marks"] and all(
        m["start"][:4] <= "2023" <= m["end"][:4] for m in period["marks"]
    )
    assert period["undated"]["total"] == 0  # a period leaves out what has no date


def test_timeline_scopes_by_entity_and_query(client: TestClient) -> None:
    austin = client.get("/api/timeline", params={"entity": "Lloyd Austin"}).json()
    assert 0 < austin["total"] < client.get("/api/timeline").json()["total"]
    worded = client.get("/api/timeline", params={"q": "البنتاجون"}).json()
    assert worded["total"] >= 1
    assert client.get("/api/timeline", params={"entity": "Nobody"}).status_code == 404
    assert client.get("/api/timeline", params={"since": "July"}).status_code == 422


def test_exports_follow_the_scope(client: TestClient) -> None:
    whole = client.get("/api/export/timeline", params={"format": "json"}).json()
    story = client.get("/api/stories").json()["items"][-1]
    scoped = client.get(
        "/api/export/timeline", params={"format": "json", "story": story["id"]}
    ).json()
    assert len(scoped["events"]) < len(whole["events"])
    for event in scoped["events"]:
        assert {s["doc"] for s in event["sources"]} & set(story["docs"])


def test_every_entity_page_answers_with_its_statements(client: TestClient) -> None:
    rows = client.get("/api/entities", params={"limit": 500}).json()["items"]
    said = {q["speaker"] for q in client.get("/api/quotes", params={"limit": 500}).json()["items"]}
    for row in rows:
        response = client.get(f"/api/entities/{row['key']}")
        assert response.status_code == 200, (row["key"], response.text)
        page = response.json()
        assert page["canonical"] == row["canonical"] and page["spellings"]
        if row["canonical"] in said:
            assert page["quotes"], row["canonical"]
        for quote in page["quotes"]:
            assert "date" in quote and quote["content"]
    kirby = client.get("/api/entities/John Kirby").json()
    assert kirby["quotes"] and kirby["canonical_ar"]
    hmc = client.get("/api/entities/US-Iraq Higher Military Commission").json()
    assert hmc["events"] or hmc["about"]  # the seeds' subject: its page is not empty
    assert hmc["cooccurring"] and hmc["by_month"] is not None


def test_quotes_by_speaker_in_either_script_and_by_words(client: TestClient) -> None:
    latin = client.get("/api/quotes", params={"speaker": "Austin"}).json()
    arabic = client.get("/api/quotes", params={"speaker": "اوستن"}).json()
    assert latin["total"] >= 1 and arabic["total"] == latin["total"]
    some = latin["items"][0]["content"].split()[1]
    worded = client.get("/api/quotes", params={"q": some}).json()
    assert worded["total"] >= 1
    dated = client.get("/api/quotes", params={"since": "2024-01"}).json()
    assert all(q["when"] and q["when"] >= "2024-01" for q in dated["items"])


def test_story_page_has_outlets_reprints_and_conflicts(client: TestClient) -> None:
    story = client.get("/api/stories").json()["items"][0]
    page = client.get(f"/api/stories/{story['id']}").json()
    assert page["reports"] == len(story["articles"])
    assert {"outlet_reports", "reprints", "conflicts", "name_dates", "events"} <= set(page)
    assert client.get("/api/stories/nope").status_code == 404


def test_factor_evidence_lists_sentences(client: TestClient) -> None:
    factors = client.get("/api/factors").json()["factors"]
    factor = next(f for f in factors if f["evidence"])
    evidence = client.get(f"/api/factors/{factor['id']}/evidence", params={"limit": 500}).json()
    assert evidence["total"] == factor["evidence"]
    for item in evidence["items"]:
        article = client.get(f"/api/articles/{item['article_id']}").json()
        assert article["text"][item["sentence_start"] : item["sentence_end"]] == item["sentence"]
    assert sum(factor["by_month"].values()) == factor["evidence"] - factor["undated"]
    assert client.get("/api/factors/nope/evidence").status_code == 404


def test_status_never_waits(client: TestClient) -> None:
    status = client.get("/api/status").json()
    assert status["loaded"] and status["articles"] >= 7
