"""The ``geopolkg`` click group and what its commands share: options,
output formatting, and turning library errors into one-line messages.

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

from .. import __version__
from ..errors import GeopolkgError

__all__ = ["cli", "store_option", "format_option", "confidence_option", "level_option", "fail_cleanly", "emit",
           "actor_text"]


def fail_cleanly(func):
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


def level_option(func):
    return click.option("--level", type=click.Choice(["country", "sector"]), default="country", show_default=True,
                        help="Count one actor per country (a government, its military and its people are one), "
                             "or per sector as coded (USAGOV, USAMIL).")(func)


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


def actor_text(value):
    return f"{value['name']} ({value['code']})" if value else ""


def emit(rows: list[dict], columns: list[tuple], fmt: str) -> None:
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
