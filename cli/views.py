"""The ``view`` and ``timeline`` commands: interactive HTML pages, or PNG/SVG pictures, of a selection."""

from __future__ import annotations

from pathlib import Path

import click

from .. import api
from ..views.select import KINDS, MAX_EDGES, MAX_NODES
from .base import cli, confidence_option, fail_cleanly, level_option, store_option


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write (.html, .png or .svg).")
@store_option
@click.option("--issue", help="Only events on issues whose label contains this text (case-insensitive).")
@click.option("--actor", metavar="NAME", help="Centre the view on actors with this code or name text.")
@click.option("--hops", type=click.IntRange(0), default=1, show_default=True,
              help="With --actor: relations to follow out from it.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only events on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only events on or before this day.")
@click.option("--min-weight", type=click.FloatRange(0), default=0.0, show_default=True,
              help="Drop relations lighter than this, then actors left without any.")
@click.option("--kind", type=click.Choice(KINDS), default="actors", show_default=True,
              help="actors: actors and their relations; events: actors and events (two-mode).")
@click.option("--format", "fmt", type=click.Choice(["html", "png", "svg"]),
              help="Output format  [default: from the file suffix, else html]")
@click.option("--max-nodes", type=click.IntRange(1), default=MAX_NODES, show_default=True,
              help="Size cap: draw at most this many nodes (the strongest).")
@click.option("--max-edges", type=click.IntRange(0), default=MAX_EDGES, show_default=True,
              help="Size cap: draw at most this many relations (the heaviest).")
@confidence_option
@level_option
@click.option("--title", help="Page or picture title.")
@fail_cleanly
def view(output, store, issue, actor, hops, since, until, min_weight, kind, fmt, max_nodes, max_edges,
         min_confidence, level, title):
    """Draw actors and their relations: an interactive page that works offline, or a picture.

    When the selection is larger than the cap, the strongest part is drawn
    and one line on standard error says what was left out.
    """
    path = api.view(output, store, issue, min_confidence=min_confidence, title=title, fmt=fmt,
                    notify=lambda line: click.echo(f"note: {line}", err=True), actor=actor, hops=hops,
                    since=since, until=until, min_weight=min_weight, kind=kind, max_nodes=max_nodes,
                    max_edges=max_edges, level=level)
    click.echo(f"wrote {path}")


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write (.html, .png or .svg).")
@store_option
@click.option("--actor", "actors", multiple=True, metavar="NAME",
              help="An actor's code or text in its name: once for its events, twice for a pair's.")
@click.option("--issue", help="Only events on issues whose label or key contains this text (case-insensitive).")
@click.option("--window", type=click.Choice(["month", "week"]), default="month", show_default=True,
              help="Calendar months or ISO weeks.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only events on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only events on or before this day.")
@click.option("--format", "fmt", type=click.Choice(["html", "png", "svg"]),
              help="Output format  [default: from the file suffix, else html]")
@confidence_option
@click.option("--title", help="Page or picture title.")
@fail_cleanly
def timeline(output, store, actors, issue, window, since, until, fmt, min_confidence, title):
    """Events per week or month, cooperation up and conflict down, with the Goldstein tone.

    \b
    For one pair of actors (--actor A --actor B), one actor (--actor A), one
    issue (--issue X), or all events. The HTML page works offline; a click
    on a bar lists its events with their sentences. PNG and SVG are for reports.
    """
    result = api.timeline(store, actors=actors, issue=issue, window=window, since=since, until=until,
                          min_confidence=min_confidence, title=title)
    click.echo(f"wrote {result.save(output, fmt)}")
