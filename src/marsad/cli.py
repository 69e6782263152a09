"""The `marsad` command line: ingest, extract, timeline, run, eval, bench."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from typer.core import TyperGroup

from marsad.corpus.stage import run_corpus_stage
from marsad.corpus.timeline import Timeline, render_text
from marsad.ingest import InputError, ReadOptions, read_inputs
from marsad.ingest.records import MissingField, MissingFields
from marsad.model import Article
from marsad.parallel import annotate_safely
from marsad.progress import article_progress, estimate_total
from marsad.store import StoreError


class _Commands(TyperGroup):
    """Every command: a store that fails says why in one line, exit status 1."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except StoreError as error:
            err.print(f"error {error}", markup=False, highlight=False)
            raise typer.Exit(code=1) from error


app = typer.Typer(
    cls=_Commands,
    name="marsad",
    help="marsad (مرصد): sourced, dated timelines from Arabic news reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = os.environ.get("MARSAD_DB", "marsad.db")


def _print_version(value: bool) -> None:
    if value:
        from marsad import __version__

        sys.stdout.write(f"marsad {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """marsad (مرصد): sourced, dated timelines from Arabic news reports."""


out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

PathsArg = Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")]
OptionalPathsArg = Annotated[
    list[Path] | None, typer.Argument(help="Documents to process; none: read the store.")
]
DbOpt = Annotated[
    str,
    typer.Option(
        "--db", help="SQLite store file or postgresql://… URL (env MARSAD_DB; default ./marsad.db)."
    ),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date for every input (ISO 8601)."),
]
FieldOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        help="Map a JSON field: OURS=THEIRS (id, text, title, url, published, crawled, "
        "outlet), e.g. --field text=body --field crawled=date_extracted (a crawl time: an "
        "upper bound for the publication time).",
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
    """Reads and annotates inputs, reporting each bad input on one line and counting it.

    An article whose annotation fails is such a bad input: reported, the rest goes on.
    ``once``: an article read again (the same text from another path) is read once, with
    a warning; for the commands that hold their articles in memory anyway.
    """

    def __init__(
        self,
        paths: Sequence[Path],
        options: ReadOptions,
        show_progress: bool,
        annotate_all: bool = True,
        once: bool = True,
    ) -> None:
        self.paths = paths
        self.options = options
        self.annotate_all = annotate_all
        self.show_progress = show_progress and err.is_terminal
        self.first_read: dict[str, str] | None = {} if once else None  # id: source
        self.missing = MissingFields()
        self.failed = 0
        self.done = 0

    def fail(self, error: InputError) -> None:
        """Count the bad input and print it; records lacking their text field are told
        once per file (``MissingFields``), when that file's run of them ends."""
        self.failed += 1
        shown = self.missing.add(error) if isinstance(error, MissingField) else error
        if shown is not None:
            err.print(f"error {shown}", markup=False, highlight=False)

    def flush(self) -> None:
        """Print what is held back (the last file's records without a text field)."""
        held = self.missing.flush()
        if held is not None:
            err.print(f"error {held}", markup=False, highlight=False)

    def _again(self, article: Article) -> bool:
        if self.first_read is None:
            return False
        first = self.first_read.setdefault(article.id, article.source)
        if first == article.source:
            return False
        warning = f"{article.source}: the same article as {first} (same text): read once"
        err.print(f"warning {warning}", markup=False, highlight=False)
        return True

    def articles(self) -> Iterator[Article]:
        total = estimate_total(self.paths) if self.show_progress else None
        with article_progress(err, self.show_progress) as progress:
            task = progress.add_task("reading", total=total)
            for read in read_inputs(self.paths, self.options):
                if isinstance(read, Article) and self._again(read):
                    continue
                item = read
                if self.annotate_all and isinstance(read, Article):
                    item = annotate_safely(read)
                if isinstance(item, InputError):
                    self.fail(item)
                    continue
                yield item
                self.done += 1
                progress.update(task, advance=1, description=item.doc[:40])
        self.flush()


class _Loaded:
    """Articles from the given paths (read and annotated), or else from the store."""

    def __init__(
        self,
        paths: Sequence[Path] | None,
        db: str,
        options: ReadOptions,
        show_progress: bool,
        annotate_all: bool = True,
    ) -> None:
        self.paths, self.db, self.options = paths, db, options
        self.show_progress, self.annotate_all = show_progress, annotate_all
        self.batch: _Batch | None = None

    def __enter__(self) -> list[Article]:
        if self.paths:
            self.batch = _Batch(self.paths, self.options, self.show_progress, self.annotate_all)
            return list(self.batch.articles())
        from marsad.store import is_postgres_url, open_store

        if not is_postgres_url(self.db) and not Path(self.db).exists():
            err.print(f"no store at {self.db}: run `marsad ingest PATH --db {self.db}` first")
            raise typer.Exit(code=2)
        with open_store(self.db) as store:
            return list(store.iter_articles())

    def __exit__(self, *exc: object) -> None:
        if self.batch is not None and exc[0] is None:
            _finish(self.batch)


def _finish(batch: _Batch) -> None:
    if batch.failed:
        err.print(f"{batch.failed} input(s) failed; {batch.done} article(s) processed.")
        raise typer.Exit(code=1)


@app.command()
def ingest(
    paths: PathsArg,
    db: Annotated[
        str,
        typer.Option(
            "--db",
            help="SQLite store file or postgresql://… URL (env MARSAD_DB; default ./marsad.db).",
        ),
    ] = DEFAULT_DB,
    published: PublishedOpt = None,
    field: FieldOpt = None,
    outlet: OutletOpt = None,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Processes for the stages (default: all cores).")
    ] = None,
    parquet: Annotated[
        bool, typer.Option("--parquet", help="PATHS are Parquet output of marsad.spark.job.")
    ] = False,
) -> None:
    """Read articles, extract their layers and save them in the store (idempotent, resumable).

    Articles already in the store are skipped before any work, so re-running after an
    interruption continues where it stopped; batches are committed as they complete.
    """
    from marsad.ingest.checks import DuplicateDocs
    from marsad.parallel import annotate_stream
    from marsad.resume import Unstored
    from marsad.store import open_store

    batch = _Batch(paths, _options(published, field, outlet), True, annotate_all=False, once=False)
    duplicates = DuplicateDocs()

    def warned(items: Iterable[Article | InputError]) -> Iterator[Article | InputError]:
        for item in items:
            warning = duplicates.check(item) if isinstance(item, Article) else None
            if warning:
                err.print(f"warning {warning}", markup=False, highlight=False)
            yield item

    with open_store(db) as store:
        unstored = Unstored(store)  # asks the store in batches: no set of every stored id

        def annotated() -> Iterator[Article]:
            if parquet:
                from marsad.spark.load import read_parquet

                items = unstored(warned(read_parquet(paths)))  # annotated by the job already
            else:
                items = annotate_stream(unstored(warned(batch.articles())), workers)
            for item in items:
                if isinstance(item, InputError):
                    batch.fail(item)
                else:
                    yield item
            batch.flush()

        new, updated = store.save_many(annotated())
        skipped = unstored.skipped
        total = store.count()
    err.print(f"ingested {new} new, {updated + skipped} already stored; {total} article(s) in {db}")
    _finish(batch)


@app.command()
def extract(
    paths: PathsArg,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    corpus: Annotated[
        bool,
        typer.Option(
            "--corpus/--no-corpus",
            help="Run the corpus stage (publication dates inferred across the inputs); "
            "--no-corpus streams article by article in constant memory.",
        ),
    ] = True,
    published: PublishedOpt = None,
    field: FieldOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """Extract timexes, entities, quotes, quantities and events from each article."""
    options = _options(published, field, outlet)
    batch = _Batch(paths, options, show_progress=not as_json, once=corpus)
    articles: Iterable[Article] = batch.articles()
    if corpus:
        articles = list(articles)
        run_corpus_stage(articles)
    for article in articles:
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
    paths: OptionalPathsArg = None,
    fmt: Annotated[
        str, typer.Option("--format", help="text, json, csv, timelinejs, html or md.")
    ] = "text",
    db: DbOpt = DEFAULT_DB,
    published: PublishedOpt = None,
    field: FieldOpt = None,
    outlet: OutletOpt = None,
    story: Annotated[
        str | None, typer.Option("--story", help="Only this story (an id from `marsad stories`).")
    ] = None,
    query: Annotated[
        str | None, typer.Option("--query", help="Only articles with all of these words.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only events on or after (2015, 2015-08, …).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only events on or before (2015-08-11, …).")
    ] = None,
) -> None:
    """Print the timeline of the given documents, or of everything in the store."""
    if fmt not in {"text", "json", *_EXPORT_FORMATS}:
        raise typer.BadParameter("--format must be text, json, csv, timelinejs, html or md")
    from marsad.web.dates import PERIOD_PATTERN

    for name, period in (("--since", since), ("--until", until)):
        if period is not None and not re.fullmatch(PERIOD_PATTERN, period):
            raise typer.BadParameter(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD")
    with _Loaded(paths, db, _options(published, field, outlet), fmt == "text") as articles:
        result = run_corpus_stage(articles)
        built = result.timeline
        if story or query:
            from marsad.corpus.stories import UnknownStory, select_articles
            from marsad.corpus.timeline import build_timeline

            try:
                chosen = select_articles(articles, story, query, result.reprints)
            except UnknownStory as error:
                err.print(f"no story {error} (see `marsad stories --json`)", markup=False)
                raise typer.Exit(code=2) from error
            built = build_timeline(chosen)
        _print_timeline(articles, _in_period(built, since, until), fmt)


def _in_period(built: Timeline, since: str | None, until: str | None) -> Timeline:
    """The dated events that overlap [since, until], with their conflicts; no undated."""
    if not since and not until:
        return built
    from marsad.web.dates import day_range, in_period

    events = [e for e in built.events if (r := day_range(e.date)) and in_period(r, since, until)]
    ids = {e.id for e in events}
    return Timeline(
        events=events,
        undated=[],
        conflicts=[c for c in built.conflicts if c.event_id in ids],
        name_dates=[n for n in built.name_dates if ids & set(n.event_ids)],
    )


_EXPORT_FORMATS = ("csv", "timelinejs", "html", "md")


def _print_timeline(articles: Sequence[Article], built: Timeline, fmt: str) -> None:
    if fmt in _EXPORT_FORMATS:
        from marsad.web.cli_commands import timeline_export

        sys.stdout.write(timeline_export(articles, built, fmt))
    elif fmt == "json":
        sys.stdout.write(json.dumps(built.to_json(), ensure_ascii=False, indent=1) + "\n")
    else:
        out.print(render_text(built, {a.id: a for a in articles}), highlight=False, markup=False)


@app.command()
def run(
    paths: PathsArg,
    db: DbOpt = DEFAULT_DB,
    published: PublishedOpt = None,
    field: FieldOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """The main job: ingest the documents into the store, then print their timeline."""
    from marsad.store import open_store

    batch = _Batch(paths, _options(published, field, outlet), show_progress=True)
    articles = list(batch.articles())
    result = run_corpus_stage(articles)  # before saving, so inferred dates are kept
    with open_store(db) as store:
        new, updated = store.save_many(articles)
    err.print(f"stored {new} new, {updated} already stored article(s) in {db}")
    for inference in result.inferences:
        err.print(f"inferred publication date {inference.value} for {inference.doc}")
    _print_timeline(articles, result.timeline, "text")
    _finish(batch)


@app.command()
def factors(
    paths: OptionalPathsArg = None,
    framework: Annotated[
        Path | None,
        typer.Option("--framework", help="Framework YAML (default: the HMC's three factors)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Evidence for each factor of an analyst's framework, over time."""
    from marsad.corpus.factors import FrameworkError, factor_summary, load_framework, render_factors

    try:
        chosen = load_framework(framework)
    except (FrameworkError, OSError) as error:
        err.print(str(error), markup=False, highlight=False)
        raise typer.Exit(code=2) from error
    with _Loaded(paths, db, ReadOptions(), not as_json) as articles:
        run_corpus_stage(articles)
        summary = factor_summary(articles, chosen)
    if as_json:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    else:
        render_factors(summary, out)


@app.command()
def process(
    paths: OptionalPathsArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """The bodies and instruments the reports name, and what each is reported to do when."""
    from marsad.corpus.process import process_view

    with _Loaded(paths, db, ReadOptions(), not as_json) as articles:
        bodies = process_view(articles, run_corpus_stage(articles).timeline)
    if as_json:
        data = [body.to_json() for body in bodies]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    for body in bodies:
        dates = ", ".join(body.dates) or "no date in the reports"
        out.print(f"[bold]{body.name}[/bold]  ({body.kind}; {dates})", highlight=False)
        for mention in body.mentions:
            when = mention.when or "undated"
            who = f"{mention.speaker}: " if mention.speaker else ""
            out.print(
                f"  {when:<22} {who}{mention.excerpt}  [{mention.doc}]",
                markup=False,
                highlight=False,
            )


@app.command()
def quotes(
    paths: OptionalPathsArg = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only this speaker (part of the name).")
    ] = None,
    entity: Annotated[
        str | None,
        typer.Option("--entity", help="Only statements naming this entity (part of its name)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only statements made on or after DATE.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Only statements made on or before DATE.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Who said what, and when: every attributed statement with its source.

    With --since/--until, statements the reports do not date are left out.
    """
    from marsad.corpus.actors import select_quotes

    with _Loaded(paths, db, ReadOptions(), not as_json) as articles:
        run_corpus_stage(articles)
        chosen = select_quotes(articles, speaker=speaker, entity=entity, since=since, until=until)
    for article, quote in chosen:
        content = quote.content_span.slice(article.text)
        if as_json:
            record = {"doc": article.doc, **quote.to_json(), "content": content}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            when = quote.date or "undated"
            out.print(
                f"{when:<11} {quote.speaker or '(unknown speaker)'} — {quote.cue}: "
                f"{content[:160]}  [{article.doc}]",
                markup=False,
                highlight=False,
            )


@app.command()
def entities(
    paths: OptionalPathsArg = None,
    kind: Annotated[
        str | None, typer.Option("--type", help="PER, ORG, LOC, EVENT or MISC.")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", help="Only entities whose name contains this.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """The actors and places named, with their roles, aliases and mention counts."""
    from marsad.corpus.actors import summarize_entities

    with _Loaded(paths, db, ReadOptions(), not as_json) as articles:
        rows = summarize_entities(articles, kind, name)
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    for row in rows:
        roles = f" ({'; '.join(row['roles'])})" if row["roles"] else ""
        out.print(
            f"{row['type']:<5} {row['canonical']}{roles}: {row['mentions']} mention(s) in "
            f"{len(row['docs'])} report(s); written {' / '.join(row['aliases'])}",
            markup=False,
            highlight=False,
        )


@app.command()
def duplicates(
    paths: PathsArg,
    threshold: Annotated[float, typer.Option("--threshold", help="Jaccard similarity.")] = 0.8,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Reprints and near-duplicates (wire copy reprinted by papers included)."""
    from marsad.corpus.duplicates import find_duplicates

    with _Loaded(paths, DEFAULT_DB, ReadOptions(), not as_json, annotate_all=False) as docs:
        groups = find_duplicates(docs, threshold=threshold)
    if as_json:
        data = [group.to_json() for group in groups]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    for group in groups:
        members = ", ".join(
            f"{m['doc']} ({m['similarity']:.2f})" for m in group.to_json()["members"]
        )
        out.print(f"{group.kind:<5} {members}", markup=False, highlight=False)
    out.print(f"{len(groups)} group(s)")


@app.command()
def stories(
    paths: OptionalPathsArg = None,
    summary: Annotated[
        int, typer.Option("--summary", help="Sentences of extractive summary per story.")
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOpt = DEFAULT_DB,
    published: PublishedOpt = None,
    field: FieldOpt = None,
    outlet: OutletOpt = None,
) -> None:
    """Articles clustered into stories, each with a label, its reports and time span."""
    from marsad.corpus.stories import cluster_stories
    from marsad.corpus.summary import summarize

    with _Loaded(paths, db, _options(published, field, outlet), not as_json) as articles:
        if summary:
            run_corpus_stage(articles)
        found = cluster_stories(articles)
    by_id = {article.id: article for article in articles}
    summaries = {
        story.id: summarize([by_id[i] for i in story.article_ids], summary) if summary else []
        for story in found
    }
    if as_json:
        data = [
            {**story.to_json(), "summary": [s.to_json() for s in summaries[story.id]]}
            for story in found
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    for story in sorted(found, key=lambda s: -len(s.article_ids)):
        span = f"{story.first or '?'} … {story.last or '?'}"
        out.print(
            f"{len(story.article_ids):>4} report(s)  {span:<25} {story.id}  {story.label}",
            markup=False,
            highlight=False,
        )
        for line in summaries[story.id]:
            out.print(
                f"      - {line.text}  [{line.doc} {line.start}:{line.end}]",
                markup=False,
                highlight=False,
            )


@app.command("eval")
def eval_command(
    gold: Annotated[Path | None, typer.Option("--gold", help="Gold file (marsad-gold/1).")] = None,
    docs: Annotated[
        Path | None,
        typer.Option(
            "--docs",
            help="Folder or JSONL file holding the gold's documents (a SaudiNewsNet "
            "articles.jsonl is read with text = content, published = date_extracted).",
        ),
    ] = None,
    ner: Annotated[
        Path | None,
        typer.Option("--ner", help="Score the shipped NER model on a CoNLL file's own tokens."),
    ] = None,
    timex_spans: Annotated[
        list[Path] | None,
        typer.Option(
            "--timex-spans",
            help="Temporal span recall on CoNLL files with DATE/TIME tags (e.g. Wojood).",
        ),
    ] = None,
    temporal_report: Annotated[
        Path | None,
        typer.Option(
            "--temporal-report",
            help="Timex counts, Hijri-Gregorian agreement and a review sample on a JSONL file.",
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Records for --temporal-report.")] = 500,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score extraction and timeline against a gold file (the figures of the gold scorers,
    dateparser beside on timexes), or the NER model on CoNLL."""
    if temporal_report is not None:
        from marsad.evaluate.temporal_report import temporal_report as report_on

        if not temporal_report.exists():
            err.print(f"{temporal_report}: JSONL file not found")
            raise typer.Exit(code=2)
        data = report_on(temporal_report, limit=limit)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    if ner is not None:
        _eval_ner(ner, as_json)
        return
    if timex_spans:
        _eval_timex_spans(timex_spans, as_json)
        return
    if gold is None or docs is None:
        raise typer.BadParameter("give --gold FILE and --docs PATH, or --ner CONLL_FILE")
    from marsad.evaluate import GoldError, evaluate, render
    from marsad.evaluate.documents import DocumentsError

    for path, what in ((gold, "gold file"), (docs, "documents")):
        if not path.exists():
            err.print(f"{path}: {what} not found")
            raise typer.Exit(code=2)
    try:
        report = evaluate(gold, docs)
    except (GoldError, DocumentsError) as error:
        err.print(str(error), markup=False, highlight=False)
        raise typer.Exit(code=2) from error
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=1) + "\n")
    else:
        render(report, out)


def _eval_timex_spans(paths: list[Path], as_json: bool) -> None:
    from marsad.evaluate.timex_spans import timex_span_recall

    missing = [path for path in paths if not path.exists()]
    if missing:
        err.print(f"{missing[0]}: CoNLL file not found")
        raise typer.Exit(code=2)
    result = timex_span_recall(paths)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        return
    out.print(
        f"{result['gold_spans']} gold DATE/TIME spans: recall {result['recall_lenient']:.3f} "
        f"(overlap), {result['recall_strict']:.3f} (exact span)"
    )
    for kind, row in result["by_type"].items():
        out.print(f"  {kind}: {row['found']}/{row['total']}")


def _eval_ner(path: Path, as_json: bool) -> None:
    from rich.table import Table

    from marsad.ner import evaluate_conll

    if not path.exists():
        err.print(f"{path}: CoNLL file not found")
        raise typer.Exit(code=2)
    scores = evaluate_conll(path)
    if as_json:
        sys.stdout.write(json.dumps(scores, indent=1) + "\n")
        return
    table = Table(title=f"NER, CoNLL exact-span scores on {path.name}")
    for column in ("type", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for kind, row in scores.items():
        table.add_row(
            kind,
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            f"{row['f1']:.3f}",
            str(int(row.get("support", 0))),
        )
    out.print(table)


@app.command()
def bench(
    paths: PathsArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="Stop after N articles.")] = None,
    workers: Annotated[int, typer.Option("--workers", help="Processes for the stages.")] = 1,
    dateparser: Annotated[
        int,
        typer.Option(
            "--dateparser",
            help="Also time our temporal tagger beside dateparser's search_dates on N articles.",
        ),
    ] = 0,
) -> None:
    """Time each stage (articles/s) and measure peak memory over the given inputs."""
    from marsad.bench import render_bench, run_bench

    if dateparser:
        from marsad.evaluate.speed import compare_temporal_speed

        speed = compare_temporal_speed(paths, limit=dateparser)
        if as_json:
            sys.stdout.write(json.dumps({"temporal_vs_dateparser": speed}) + "\n")
        else:
            out.print(f"temporal tagger vs dateparser.search_dates: {speed}")

    result = run_bench(paths, limit=limit, workers=workers)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        render_bench(result, out)


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="MARSAD_TOKEN", help="Upload token (default: random)."),
    ] = None,
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Folder for uploaded files.")
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Another name the server is reached by (besides 127.0.0.1, localhost).",
        ),
    ] = None,
) -> None:
    """The web app: timeline, sources, articles, entities, factors, search, uploads."""
    from marsad.store import is_postgres_url
    from marsad.web.cli_commands import ServeError
    from marsad.web.cli_commands import serve as run_server

    if is_postgres_url(db):
        raise typer.BadParameter("the web app serves a SQLite store; give --db FILE")
    try:
        run_server(Path(db), host, port, token, data_dir, allow_host or ())
    except ServeError as error:
        raise typer.BadParameter(str(error), param_hint="--token") from error


def main() -> None:  # pragma: no cover - console entry point
    app()
