"""The ``export`` command: the graph in the formats of RDF stores, Neo4j and Gephi."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import api
from .base import cli, fail_cleanly, store_option

#: The registered export formats (tests check this against geopolkg.exports.formats()).
FORMATS = ("nquads", "trig", "turtle", "ntriples", "jsonld", "neo4j", "graphml", "gexf")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="nquads", show_default=True,
              help="nquads/trig keep one named graph per article; turtle/ntriples hold their union; "
                   "jsonld uses the published context; neo4j writes a folder of CSV files and a Cypher "
                   "script; graphml and gexf are for Gephi.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default="-",
              help="Output file, or folder for neo4j ('-' for standard output).")
@store_option
@click.option("--issue", help="Only events on issues whose label contains this text.")
@click.option("--actor", help="Only events whose actor or target has this code or a name containing this text.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only events on or after this day (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Only events on or before this day (YYYY-MM-DD).")
@fail_cleanly
def export(fmt, output, store, issue, actor, since, until):
    """Export the graph (or the selected events) for RDF stores, Neo4j or Gephi.

    A selected RDF export keeps the whole named graph of every article with a
    selected event (plus the ontology graph); the property-graph formats hold
    just the selected events and the actors, issues and articles they involve.
    """
    days = {"since": since.date() if since else None, "until": until.date() if until else None}
    path = None if str(output) == "-" else output
    result = api.export(fmt, path, store, issue=issue, actor=actor, **days)
    if path is None:
        sys.stdout.buffer.write(result)
    else:
        click.echo(f"wrote {result}", err=True)

