"""The CLI end to end on the seed reports and on a batch with bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.schema import validate

runner = CliRunner()


def test_run_prints_the_seed_timeline(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    result = runner.invoke(app, ["run", str(seeds_dir), "--db", str(db)])
    assert result.exit_code == 0, result.output
    for date in ("2008", "2014", "2021-07", "2023-02", "2023-08-07/2023-08-08", "2024-09-27"):
        assert date in result.output, date


def test_ingest_twice_adds_no_duplicates(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    first = runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db)])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db)])
    assert second.exit_code == 0, second.output
    assert "5 article(s)" in second.output
    assert "ingested 0 new" in second.output


def test_timeline_json_from_the_store(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["timeline", "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validate("timeline", data)
    jscd = [e for e in data["events"] if e["date"] == "2023-08-07/2023-08-08"]
    assert jscd
    docs = {s["doc"][:3] for e in jscd for s in e["sources"]}
    assert {"000", "001"} <= docs


def test_extract_json_lines_follow_the_schema(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(seeds_dir), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 5
    for line in lines:
        validate("extract", line)


def test_bad_inputs_are_reported_and_the_rest_lands(seeds_dir: Path, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (batch / "legacy.txt").write_bytes("قال الوزير إن الاجتماع عقد في تموز 2021.".encode("cp1256"))
    (batch / "records.jsonl").write_text(
        '{"id": "r1", "text": "أعلنت الوزارة في 27 سبتمبر 2024 بياناً."}\n{not json\n',
        encoding="utf-8",
    )
    good = (seeds_dir / "004_03cf020a09ab6dbe.txt").read_text(encoding="utf-8")
    (batch / "good.txt").write_text(good, encoding="utf-8")
    missing = tmp_path / "does-not-exist.txt"
    db = tmp_path / "m.db"
    result = runner.invoke(app, ["ingest", str(batch), str(missing), "--db", str(db)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error")]
    named = " ".join(errors)
    for name in ("empty.txt", "binary.txt", "records.jsonl", "does-not-exist.txt"):
        assert name in named, (name, result.output)
    assert len(errors) == 4, result.output
    assert "3 article(s)" in result.output  # legacy.txt, r1 and good.txt landed


def test_unknown_format_is_a_usage_error(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["timeline", str(seeds_dir), "--format", "xml"])
    assert result.exit_code == 2


def test_extract_runs_the_corpus_stage_and_marks_inferred_dates(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(seeds_dir), "--json"])
    records = {r["doc"][:3]: r for r in map(json.loads, result.stdout.splitlines())}
    assert records["000"]["published"] == {"value": "2024-01-27", "source": "inferred"}
    assert records["004"]["published"]["source"] == "dateline"
    streamed = runner.invoke(app, ["extract", str(seeds_dir), "--json", "--no-corpus"])
    first = json.loads(streamed.stdout.splitlines()[0])
    assert first["published"] == {"value": None, "source": "unknown"}


def test_factors_quotes_entities_and_stories(seeds_dir: Path) -> None:
    factors = runner.invoke(app, ["factors", str(seeds_dir), "--json"])
    assert factors.exit_code == 0, factors.output
    summary = json.loads(factors.stdout)
    assert summary["factors"]
    quotes = runner.invoke(app, ["quotes", str(seeds_dir), "--speaker", "kirby", "--json"])
    lines = [json.loads(line) for line in quotes.stdout.splitlines()]
    assert lines and all(line["speaker"] == "John Kirby" for line in lines)
    entities = runner.invoke(app, ["entities", str(seeds_dir), "--type", "per", "--json"])
    rows = json.loads(entities.stdout)
    austin = next(r for r in rows if r["canonical"] == "Lloyd Austin")
    assert len(austin["docs"]) == 3 and "أوستن" in austin["aliases"]
    stories = runner.invoke(app, ["stories", str(seeds_dir), "--json"])
    assert stories.exit_code == 0 and json.loads(stories.stdout)


def test_a_broken_framework_is_named_in_the_error(seeds_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nfactors: 3\n", encoding="utf-8")
    result = runner.invoke(app, ["factors", str(seeds_dir), "--framework", str(bad)])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output


def test_eval_ner_scores_the_shipped_model(shared_dir: Path) -> None:
    conll = shared_dir / "data" / "anercorp-camel-test" / "ANERCorp_CamelLab_test.txt"
    result = runner.invoke(app, ["eval", "--ner", str(conll), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["overall"]["f1"] > 0.6
    assert {"PER", "LOC", "ORG", "MISC"} <= set(scores)


def test_eval_needs_gold_and_docs_or_ner() -> None:
    result = runner.invoke(app, ["eval"])
    assert result.exit_code == 2


def test_temporal_report_and_dateparser_comparison(saudi_jsonl: Path) -> None:
    report = runner.invoke(app, ["eval", "--temporal-report", str(saudi_jsonl), "--limit", "40"])
    assert report.exit_code == 0, report.output
    data = json.loads(report.stdout)
    assert data
    speed = runner.invoke(
        app, ["bench", str(saudi_jsonl), "--limit", "5", "--dateparser", "5", "--json"]
    )
    assert speed.exit_code == 0, speed.output
    first = json.loads(speed.stdout.splitlines()[0])
    assert first["temporal_vs_dateparser"]["articles"] == 5


def test_quotes_filter_by_entity_and_date_and_entities_by_name(seeds_dir: Path) -> None:
    result = runner.invoke(
        app, ["quotes", str(seeds_dir), "--entity", "داعش", "--since", "2024-01", "--json"]
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines
    assert all(line["date"] >= "2024-01" for line in lines)
    assert {line["speaker"] for line in lines} <= {
        "Lloyd Austin",
        "Iraqi Ministry of Foreign Affairs",
    }
    none = runner.invoke(app, ["quotes", str(seeds_dir), "--until", "2008", "--json"])
    assert none.stdout.strip() == ""  # undated quotes are not guessed into a range
    entities = runner.invoke(app, ["entities", str(seeds_dir), "--name", "اوستن", "--json"])
    assert [row["canonical"] for row in json.loads(entities.stdout)] == ["Lloyd Austin"]


def test_timeline_of_one_story_a_query_and_a_period(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db)]).exit_code == 0
    listed = runner.invoke(app, ["stories", "--json", "--db", str(db)])
    stories = json.loads(listed.stdout)
    largest = stories[0]
    whole = json.loads(runner.invoke(app, ["timeline", "--format", "json", "--db", str(db)]).stdout)
    one = runner.invoke(
        app, ["timeline", "--format", "json", "--db", str(db), "--story", largest["id"]]
    )
    assert one.exit_code == 0, one.output
    scoped = json.loads(one.stdout)
    validate("timeline", scoped)
    docs = {s["doc"] for e in scoped["events"] + scoped["undated"] for s in e["sources"]}
    assert docs and docs <= set(largest["docs"])
    assert len(scoped["events"]) <= len(whole["events"])

    period = ["--since", "2023", "--until", "2023-12"]
    dated = runner.invoke(app, ["timeline", "--format", "json", "--db", str(db), *period])
    events = json.loads(dated.stdout)["events"]
    assert events and all(e["date"].startswith("2023") for e in events)

    query = ["--query", "البنتاغون"]
    found = runner.invoke(app, ["timeline", "--format", "json", "--db", str(db), *query])
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout)["events"]

    missing = runner.invoke(app, ["timeline", "--db", str(db), "--story", "story-none"])
    assert missing.exit_code == 2
    bad = runner.invoke(app, ["timeline", "--db", str(db), "--since", "last week"])
    assert bad.exit_code == 2
