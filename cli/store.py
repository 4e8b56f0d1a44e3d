"""The store commands: stats, remove, validate, serve, examples."""

from __future__ import annotations

import json
import sys

import click

from .base import cli, fail_cleanly, store_option

__all__ = ["stats", "remove", "validate", "serve", "examples"]


def _open(store, read_only=True):
    from ..store import open_store

    return open_store(store, read_only=read_only)


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@fail_cleanly
def stats(store, fmt):
    """Count the articles, events, actors, issues, triples and named graphs in the store."""
    from ..store.stats import store_stats

    with _open(store) as ks:
        counts = store_stats(ks).to_dict()
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
        return
    width = max(map(len, counts))
    for name, value in counts.items():
        click.echo(f"{name.replace('_', ' '):<{width}}  {value:>10,}")


@cli.command()
@click.argument("article_ids", nargs=-1, required=True)
@store_option
@fail_cleanly
def remove(article_ids, store):
    """Retract articles and everything derived only from them.

    Each article's named graph goes (its events, and its copies of actors and
    issues, which stay where other articles mention them), and so do derived
    relations whose evidence came only from it; each article in one
    transaction. Exits 1 if an id is not in the store.
    """
    missing = []
    with _open(store, read_only=False) as ks:
        for article_id in article_ids:
            size = ks.graph_size(_graph(article_id))
            if ks.remove_article(article_id):
                click.echo(f"removed {article_id} ({size} triples)")
            else:
                missing.append(article_id)
    for article_id in missing:
        click.echo(f"Error: no article {article_id!r} in {store}", err=True)
    if missing:
        sys.exit(1)


def _graph(article_id):
    from ..ontology import iris

    return iris.article_graph_iri(article_id)


@cli.command()
@store_option
@click.option("--article", help="Check only this article's graph.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--limit", type=click.IntRange(0), default=50, show_default=True,
              help="Print at most this many results (0: all).")
@fail_cleanly
def validate(store, article, fmt, limit):
    """Check the store against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations."""
    from ..store.validate import validate_store

    with _open(store) as ks:
        report = validate_store(ks, article=article)
    shown = report.violations if not limit else report.violations[:limit]
    if fmt == "json":
        click.echo(json.dumps({"conforms": report.conforms, "results": len(report.violations),
                               "violations": [v.to_dict() for v in shown]}, indent=2, ensure_ascii=False))
    else:
        for v in shown:
            click.echo(str(v))
        if len(shown) < len(report.violations):
            click.echo(f"... and {len(report.violations) - len(shown)} more (use --limit 0)")
        verdict = "conforms" if report.conforms else f"{len(report.violations)} result(s); does not conform"
        click.echo(f"checked {report.triples_checked} triples against the SHACL shapes: {verdict}")
    if not report.conforms:
        sys.exit(1)


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--allow-update", is_flag=True, help="Accept SPARQL updates (POST).")
@click.option("--allow-service", is_flag=True, help="Accept federated queries (SERVICE).")
@click.option("--timeout", type=click.FloatRange(0.1), default=10.0, show_default=True,
              help="Per-query time limit, seconds.")
@click.option("--max-result-mb", type=click.FloatRange(0.001), default=16.0, show_default=True,
              help="Largest answer, MiB.")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Worker processes (queries run at once).")
@click.option("--log", is_flag=True, help="Log each request to standard error.")
@fail_cleanly
def serve(store, host, port, allow_update, allow_service, timeout, max_result_mb, workers, log):
    """Serve the store over the SPARQL 1.1 Protocol at /sparql, with a query page at /.

    Read-only unless --allow-update; SERVICE refused unless --allow-service.
    Each query runs in a worker process that is killed past --timeout.
    """
    from ..store.endpoint import make_server

    server = make_server(store, host, port, log=log, allow_update=allow_update, allow_service=allow_service,
                         timeout=timeout, max_result_bytes=int(max_result_mb * 2**20), workers=workers)
    bound_host, bound_port = server.server_address[:2]
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}, reachable from other machines", err=True)
    click.echo(f"SPARQL endpoint at http://{bound_host}:{bound_port}/sparql "
               f"({'updates allowed' if allow_update else 'read-only'}); Ctrl-C stops it", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@cli.command()
@click.argument("name", required=False)
@fail_cleanly
def examples(name):
    """List the example queries, or print one (run it with 'geopolkg query --example NAME')."""
    from ..queries import list_queries, load_query

    if name:
        click.echo(load_query(name).text, nl=False)
        return
    for q in list_queries():
        params = " ".join(f"{p.name}={p.default}" for p in q.params)
        click.echo(f"{q.name}: {q.title}" + (f"  [{params}]" if params else ""))
