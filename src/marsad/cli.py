"""The `marsad` command line: ingest, extract, timeline, run, eval, bench."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from marsad.ingest import InputError, ReadOptions, read_inputs
from marsad.model import Article
from marsad.pipeline import annotate

app = typer.Typer(
    name="marsad",
    help="marsad (مرصد): sourced, dated timelines from Arabic news reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = os.environ.get("MARSAD_DB", "marsad.db")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

PathsArg = Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")]
DbOpt = Annotated[
    Path, typer.Option("--db", help="SQLite store file (env MARSAD_DB; default ./marsad.db).")
]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date for every input (ISO 8601)."),
]
FieldOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        help="Map a JSON field: OURS=THEIRS, e.g. --field text=body --field published=date.",
    ),
]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet name for every input.")]


def _options(published: str | None, fields: list[str] | None, outlet: str | None) -> ReadOptions:
    mapping: dict[str, str] = {}
    for item in fields or []:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours or not theirs:
            raise typer.BadParameter(f"--field takes OURS=THEIRS, got {item!r}")
        mapping[ours.strip()] = theirs.strip()
    try:
        return ReadOptions(published=published, fields=mapping, outlet=outlet)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from error


class _Batch:
    """Reads and annotates inputs, reporting each bad input on one line and counting it."""

    def __init__(self, paths: Sequence[Path], options: ReadOptions, show_progress: bool) -> None:
        self.paths = paths
        self.options = options
        self.show_progress = show_progress and err.is_terminal
        self.failed = 0
        self.done = 0

    def articles(self) -> Iterator[Article]:
        with Progress(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=not self.show_progress,
            transient=True,
        ) as progress:
            task = progress.add_task("reading", total=None)
            for item in read_inputs(self.paths, self.options):
                if isinstance(item, InputError):
                    self.failed += 1
                    err.print(f"error {item}", markup=False, highlight=False)
                    continue
                yield annotate(item)
                self.done += 1
                progress.update(task, advance=1, description=item.doc[:40])


def _finish(batch: _Batch) -> None:
    if batch.failed:
        err.print(f"{batch.failed} input(s) failed; {batch.done} article(s) processed.")
        raise typer.Exit(code=1)


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = Path(DEFAULT_DB),
    published: PublishedOpt = None,
    field: FieldOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """Read articles, extract their layers and save them in the store (idempotent)."""
    from marsad.store import Store

    batch = _Batch(paths, _options(published, field, outlet), show_progress=True)
    with Store(db) as store:
        new, updated = store.save_many(batch.articles())
        total = store.count()
    err.print(f"ingested {new} new, {updated} already stored; {total} article(s) in {db}")
    _finish(batch)


@app.command()
def extract(
    paths: PathsArg,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    published: PublishedOpt = None,
    field: FieldOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """Extract timexes, entities, quotes, quantities and events from each article."""
    batch = _Batch(paths, _options(published, field, outlet), show_progress=not as_json)
    for article in batch.articles():
        if as_json:
            sys.stdout.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
        else:
            _print_summary(article)
    sys.stdout.flush()
    _finish(batch)


def _print_summary(article: Article) -> None:
    published = article.published.value or "unknown"
    out.print(f"[bold]{article.doc}[/bold]  published: {published} ({article.published.source})")
    for timex in article.timexes:
        out.print(f"  date   {timex.text!r} -> {timex.value or '(' + str(timex.anchor) + ')'}")
    for quote in article.quotes:
        content = article.text[quote.content_span.start : quote.content_span.end]
        out.print(f"  quote  {quote.speaker or '?'} ({quote.cue}): {content[:80]}")
    for quantity in article.quantities:
        out.print(f"  figure {quantity.text!r} = {quantity.value} {quantity.unit or ''}")


@app.command()
def timeline(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Documents to process; none: read the store.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    db: DbOpt = Path(DEFAULT_DB),
    published: PublishedOpt = None,
    field: FieldOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """Print the timeline of the given documents, or of everything in the store."""
    if fmt not in {"text", "json"}:
        raise typer.BadParameter("--format must be text or json")
    batch: _Batch | None = None
    if paths:
        batch = _Batch(paths, _options(published, field, outlet), show_progress=fmt == "text")
        articles = list(batch.articles())
    else:
        from marsad.store import Store

        if not db.exists():
            err.print(f"no store at {db}: run `marsad ingest PATH --db {db}` first")
            raise typer.Exit(code=2)
        with Store(db) as store:
            articles = list(store.iter_articles())
    _print_timeline(articles, fmt)
    if batch is not None:
        _finish(batch)


def _print_timeline(articles: list[Article], fmt: str) -> None:
    from marsad.corpus.timeline import build_timeline, render_text

    built = build_timeline(articles)
    if fmt == "json":
        sys.stdout.write(json.dumps(built.to_json(), ensure_ascii=False, indent=1) + "\n")
    else:
        out.print(render_text(built, {a.id: a for a in articles}), highlight=False, markup=False)


@app.command()
def run(
    paths: PathsArg,
    db: DbOpt = Path(DEFAULT_DB),
    published: PublishedOpt = None,
    field: FieldOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """The main job: ingest the documents into the store, then print their timeline."""
    from marsad.store import Store

    batch = _Batch(paths, _options(published, field, outlet), show_progress=True)
    articles = list(batch.articles())
    with Store(db) as store:
        new, updated = store.save_many(articles)
    err.print(f"stored {new} new, {updated} already stored article(s) in {db}")
    _print_timeline(articles, "text")
    _finish(batch)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Option("--gold", help="Gold file (marsad-gold/1).")],
    docs: Annotated[Path, typer.Option("--docs", help="Folder or JSONL file of the documents.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score extraction against a gold file, beside dateparser's search_dates baseline."""
    from marsad.evaluate import evaluate, render

    for path, what in ((gold, "gold file"), (docs, "documents")):
        if not path.exists():
            err.print(f"{path}: {what} not found")
            raise typer.Exit(code=2)
    report = evaluate(gold, docs)
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=1) + "\n")
    else:
        render(report, out)


@app.command()
def bench(
    paths: PathsArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="Stop after N articles.")] = None,
    workers: Annotated[int, typer.Option("--workers", help="Processes for the stages.")] = 1,
) -> None:
    """Time each stage (articles/s) and measure peak memory over the given inputs."""
    from marsad.bench import render_bench, run_bench

    result = run_bench(paths, limit=limit, workers=workers)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        render_bench(result, out)


def main() -> None:  # pragma: no cover - console entry point
    app()
