"""The core commands: ingest, events, opposition, alignment, query, demo."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from .. import api
from .base import actor_text, cli, confidence_option, emit, fail_cleanly, format_option, level_option, store_option


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--published", help="Publication date (YYYY-MM-DD) for articles that lack one.")
@click.option("--source", help="Source or outlet name for the articles.")
@click.option("--url", help="Web address of the article (single file).")
@click.option("--title", help="Title of the article (single file).")
@click.option("--model", help="Installed English spaCy pipeline (default: picked automatically).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line.")
@click.option("--format", "fmt", type=click.Choice(["gdelt", "icews"]),
              help="Read every path as this event dataset (default: told by each file's content).")
@click.option("-j", "--jobs", type=click.IntRange(1), default=os.cpu_count() or 1, show_default="number of cores",
              help="Extraction processes (or local Dask workers).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run extraction here, or on a Dask cluster (N-Quads shards, then a bulk load).")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a local cluster).")
@click.option("--no-prefilter", is_flag=True, help="Parse every sentence, even those that cannot hold an event.")
@fail_cleanly
def ingest(paths, store, published, source, url, title, model, quiet, fmt, jobs, engine, scheduler, no_prefilter):
    """Read articles (.txt, .html, .jsonl, .rss/.atom, .warc, any of them .gz, or folders), extract events, store them.

    GDELT and ICEWS event files are told by their content (or --format) and
    stored as they are coded, one named graph per file.

    Re-ingesting an unchanged article changes nothing; a changed article
    (same id, new text) replaces the old one. Bad inputs are reported with
    their file and line and skipped; the exit code is then 1.
    """
    from .progress import ingest_progress

    meta = {"published": published, "source": source, "url": url, "title": title}
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler goes with --engine dask")
    started = time.monotonic()
    with ingest_progress(paths, enabled=not quiet) as progress:
        summary = api.ingest(paths, store, model=model, format=fmt, jobs=jobs, engine=engine,
                             scheduler=scheduler, prefilter=not no_prefilter, progress=progress, **meta)
    seconds = time.monotonic() - started
    for err in summary.failed:
        click.echo(f"Error: {err}", err=True)
    for note in summary.notes:
        click.echo(f"Note: {note}", err=True)
    files = f" and {summary.datasets} dataset file(s)" if summary.datasets else ""
    guessed = f"; {len(summary.notes)} note(s)" if summary.notes else ""
    click.echo(f"stored {summary.stored} article(s){files} with {summary.events} event(s); "
               f"{summary.unchanged} unchanged; {len(summary.failed)} failed{guessed}; store: {store}"
               f" ({seconds:.1f} s)")
    if summary.failed:
        sys.exit(1)


@cli.command()
@store_option
@format_option()
@confidence_option
@click.option("--article", help="Only the events of this article id.")
@fail_cleanly
def events(store, fmt, min_confidence, article):
    """List the stored events."""
    rows = api.events(store, min_confidence=min_confidence, article=article)
    emit(rows, [("date", lambda r: r["date"] or ""), ("actor", lambda r: actor_text(r["actor"])),
                 ("code", lambda r: r["event_code"]), ("target", lambda r: actor_text(r["target"])),
                 ("issue", lambda r: r["issue"] or ""), ("stance", lambda r: r["stance"]),
                 ("conf", lambda r: r["confidence"]), ("sentence", lambda r: r["sentence"][:120])], fmt)


def _relation_command(name, func, help_text):
    @cli.command(name=name, help=help_text)
    @store_option
    @click.option("--issue", help="Only issues whose label contains this text (case-insensitive).")
    @format_option()
    @confidence_option
    @level_option
    @fail_cleanly
    def command(store, issue, fmt, min_confidence, level):
        rows = func(store, issue, min_confidence=min_confidence, level=level)
        emit(rows, [("a", lambda r: actor_text(r["a"])), ("b", lambda r: actor_text(r["b"])),
                     ("issue", lambda r: r["issue"]), ("weight", lambda r: r["weight"]),
                     ("evidence", lambda r: " ".join(r["evidence"]))], fmt)
    return command


_relation_command("opposition", api.opposition,
                  "Who opposes whom: pairs with opposite stances on an issue, or conflict about it.")
_relation_command("alignment", api.alignment, "Who aligns with whom: pairs on the same side of an issue.")


@cli.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "file", type=click.File("r"), help="Read the query from a file.")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml", "turtle"]),
              default="table", show_default=True, help="Output format.")
@click.option("--example", help="Run the example query NAME (see 'geopolkg examples').")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of --example.")
@fail_cleanly
def query(sparql, file, store, fmt, example, params):
    """Run a SPARQL 1.1 query over the store (read-only). '-' reads standard input."""
    import pyoxigraph as ox

    if example:
        from ..queries import load_query

        sparql = load_query(example).render(**dict(p.partition("=")[::2] for p in params))
    elif file is not None:
        sparql = file.read()
    elif sparql is None or sparql == "-":
        sparql = sys.stdin.read()
    if not sparql or not sparql.strip():
        raise click.UsageError("give a query, -f FILE, or '-' for standard input")
    result = api.query(sparql, store)
    if isinstance(result, ox.QueryTriples):
        formats = {"turtle": ox.RdfFormat.TURTLE, "table": ox.RdfFormat.TURTLE, "xml": ox.RdfFormat.RDF_XML}
        if fmt not in formats:
            fmt = "turtle"
        click.echo(result.serialize(format=formats[fmt]).decode("utf-8"), nl=False)
        return
    formats = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
               "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}
    if fmt in formats:
        click.echo(result.serialize(format=formats[fmt]).decode("utf-8"))
        return
    if isinstance(result, ox.QueryBoolean):
        click.echo("true" if bool(result) else "false")
        return
    names = [v.value for v in result.variables]
    rows = [{n: (s[n].value if s[n] is not None else "") for n in names} for s in result]
    emit(rows, [(n, (lambda r, n=n: r[n])) for n in names], "table")


@cli.command()
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default="geopolkg-demo",
              show_default=True, help="Folder for the store and the outputs.")
@fail_cleanly
def demo(out):
    """Run the whole job on the bundled sample articles and say where the outputs are."""
    from importlib import resources

    samples = resources.files("geopolkg.samples")
    out.mkdir(parents=True, exist_ok=True)
    store = out / "store"
    with resources.as_file(samples) as folder:
        summary = api.ingest([folder], store)
    for err in summary.failed:
        click.echo(f"Error: {err}", err=True)
    click.echo(f"ingested {summary.stored + summary.unchanged} sample article(s): {summary.events} new event(s)")
    rows = api.opposition(store, "bagram")
    click.echo("who opposes whom on the Bagram air base issue:")
    for r in rows:
        click.echo(f"  {actor_text(r['a'])}  against  {actor_text(r['b'])}  (weight {r['weight']}, "
                   f"{len(r['evidence'])} events)")
    (out / "opposition.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")
    (out / "events.json").write_text(json.dumps(api.events(store), indent=2, ensure_ascii=False), encoding="utf-8")
    api.export("nquads", out / "graph.nq", store)
    api.view(out / "view.html", store, title="geopolkg demo: the Bagram air base question")
    click.echo("outputs:")
    for name in ("store", "events.json", "opposition.json", "graph.nq", "view.html"):
        click.echo(f"  {out / name}")
    if summary.failed:
        sys.exit(1)
