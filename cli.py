"""The ``geopolkg`` command: a thin click layer over :mod:`geopolkg.api`.

Library errors (:class:`geopolkg.errors.GeopolkgError`) become a one-line
message on standard error and exit code 1; bad usage exits with 2.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
from pathlib import Path

import click

from . import __version__, api
from .errors import GeopolkgError

__all__ = ["main", "cli"]


def _fail_cleanly(func):
    """Turn GeopolkgError (and a broken pipe) into click's one-line errors."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except GeopolkgError as err:
            raise click.ClickException(str(err)) from err
    return wrapper


def store_option(func):
    return click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path),
                        envvar="GEOPOLKG_STORE", default="geopolkg-store", show_default=True,
                        show_envvar=True, help="Store folder.")(func)


def format_option(choices=("table", "json", "csv"), default="table"):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


def confidence_option(func):
    return click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
                        help="Keep only events at least this confident (0 to 1).")(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geopolkg")
def cli():
    """geopolkg: news articles in, a knowledge graph of geopolitical actors and events out.

    \b
    Typical run:
      geopolkg ingest articles/            read, extract, store
      geopolkg opposition --issue bagram   who opposes whom
      geopolkg view -o graph.html          interactive view
      geopolkg query 'SELECT ...'          SPARQL over the store
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--published", help="Publication date (YYYY-MM-DD) for articles that lack one.")
@click.option("--source", help="Source or outlet name for the articles.")
@click.option("--url", help="Web address of the article (single file).")
@click.option("--title", help="Title of the article (single file).")
@click.option("--model", help="Installed English spaCy pipeline (default: picked automatically).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line.")
@_fail_cleanly
def ingest(paths, store, published, source, url, title, model, quiet):
    """Read articles (.txt, .html, .jsonl or folders), extract events, store them.

    Re-ingesting an unchanged article changes nothing; a changed article
    (same id, new text) replaces the old one. Bad inputs are reported with
    their file and line and skipped; the exit code is then 1.
    """
    meta = {"published": published, "source": source, "url": url, "title": title}
    summary = api.ingest(paths, store, model=model, **meta)
    for err in summary.failed:
        click.echo(f"error: {err}", err=True)
    click.echo(f"stored {summary.stored} article(s) with {summary.events} event(s); "
               f"{summary.unchanged} unchanged; {len(summary.failed)} failed; store: {store}")
    if summary.failed:
        sys.exit(1)


def _actor(value):
    return f"{value['name']} ({value['code']})" if value else ""


def _emit(rows: list[dict], columns: list[tuple], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = [[fn(row) for _, fn in columns] for row in rows]
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow([name for name, _ in columns])
        writer.writerows(table)
        click.echo(buf.getvalue(), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(show_lines=False)
    for name, _ in columns:
        t.add_column(name, overflow="fold")
    for row in table:
        t.add_row(*[str(v) for v in row])
    Console(width=max(100, click.get_terminal_size()[0]) if hasattr(click, "get_terminal_size") else 140).print(t)
    if not rows:
        click.echo("(none)")


@cli.command()
@store_option
@format_option()
@confidence_option
@click.option("--article", help="Only the events of this article id.")
@_fail_cleanly
def events(store, fmt, min_confidence, article):
    """List the stored events."""
    rows = api.events(store, min_confidence=min_confidence, article=article)
    _emit(rows, [("date", lambda r: r["date"] or ""), ("actor", lambda r: _actor(r["actor"])),
                 ("code", lambda r: r["event_code"]), ("target", lambda r: _actor(r["target"])),
                 ("issue", lambda r: r["issue"] or ""), ("stance", lambda r: r["stance"]),
                 ("conf", lambda r: r["confidence"]), ("sentence", lambda r: r["sentence"][:120])], fmt)


def _relation_command(name, func, help_text):
    @cli.command(name=name, help=help_text)
    @store_option
    @click.option("--issue", help="Only issues whose label contains this text (case-insensitive).")
    @format_option()
    @confidence_option
    @_fail_cleanly
    def command(store, issue, fmt, min_confidence):
        rows = func(store, issue, min_confidence=min_confidence)
        _emit(rows, [("a", lambda r: _actor(r["a"])), ("b", lambda r: _actor(r["b"])),
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
@_fail_cleanly
def query(sparql, file, store, fmt):
    """Run a SPARQL 1.1 query over the store (read-only). '-' reads standard input."""
    import pyoxigraph as ox

    if file is not None:
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
    _emit(rows, [(n, (lambda r, n=n: r[n])) for n in names], "table")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["turtle", "nquads", "ntriples", "trig"]),
              default="nquads", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default="-",
              help="Output file ('-' for standard output).")
@store_option
@_fail_cleanly
def export(fmt, output, store):
    """Export the store as RDF (N-Quads and TriG keep one named graph per article)."""
    data = api.export(fmt, None if str(output) == "-" else output, store)
    if data is not None:
        sys.stdout.buffer.write(data)
    else:
        click.echo(f"wrote {output}", err=True)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="HTML file to write.")
@store_option
@click.option("--issue", help="Only issues whose label contains this text.")
@confidence_option
@click.option("--title", help="Page title.")
@_fail_cleanly
def view(output, store, issue, min_confidence, title):
    """Write an interactive HTML view of actors and their relations (works offline)."""
    path = api.view(output, store, issue, min_confidence=min_confidence, title=title)
    click.echo(f"wrote {path}")


@cli.command()
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default="geopolkg-demo",
              show_default=True, help="Folder for the store and the outputs.")
@_fail_cleanly
def demo(out):
    """Run the whole job on the bundled sample articles and say where the outputs are."""
    from importlib import resources

    samples = resources.files("geopolkg.samples")
    out.mkdir(parents=True, exist_ok=True)
    store = out / "store"
    with resources.as_file(samples) as folder:
        summary = api.ingest([folder], store)
    for err in summary.failed:
        click.echo(f"error: {err}", err=True)
    click.echo(f"ingested {summary.stored + summary.unchanged} sample article(s): {summary.events} new event(s)")
    rows = api.opposition(store, "bagram")
    click.echo("who opposes whom on the Bagram air base issue:")
    for r in rows:
        click.echo(f"  {_actor(r['a'])}  against  {_actor(r['b'])}  (weight {r['weight']}, "
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


def main():
    """Entry point of the ``geopolkg`` console script."""
    cli(prog_name="geopolkg")


if __name__ == "__main__":
    main()
