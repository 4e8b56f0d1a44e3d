"""The actor commands: list, show, add and import actors of the knowledge base.

``geopolkg actors`` lists; ``actors show NAME`` shows one with its events;
``actors add`` and ``actors import`` write to the user dictionary (the store
folder's ``actors.yaml`` unless ``--file`` says otherwise; format in
:mod:`geopolkg.ontology.actor_files`).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import OntologyError
from .base import cli, emit, fail_cleanly, format_option, store_option

__all__ = ["actors"]

_KINDS = ("country", "organization", "armed group", "person")
_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _kb(store):
    from ..ontology.actor_files import user_dictionary_paths
    from ..ontology.actors import load_kb

    return load_kb(user_dictionary_paths(store))


def _open_if_there(store: Path):
    from ..store import open_store

    return open_store(store, read_only=True) if Path(store).is_dir() else None


def _role_text(row) -> str:
    parts = []
    for r in row["roles"][-3:]:
        span = f"{r['from'] or '…'} to {r['until'] or 'now'}" if (r["from"] or r["until"]) else "always"
        parts.append(f"{r['role'] or 'as'} {r['code']} ({span})")
    return "; ".join(parts)


@cli.group(invoke_without_command=True)
@store_option
@format_option()
@click.option("--kind", "kinds", multiple=True, type=click.Choice(_KINDS), help="Only actors of this kind (repeatable).")
@click.option("--mentioned", is_flag=True, help="Only actors with at least one stored event.")
@click.pass_context
@fail_cleanly
def actors(ctx, store, fmt, kinds, mentioned):
    """List the actors of the knowledge base: codes, aliases, mention counts, roles."""
    ctx.ensure_object(dict)
    ctx.obj["store"] = store
    if ctx.invoked_subcommand is not None:
        return
    from ..store.actor_mentions import actor_rows

    kb = _kb(store)
    ks = _open_if_there(store)
    try:
        rows = actor_rows(kb, ks, kinds=kinds or None, mentioned_only=mentioned)
    finally:
        if ks is not None:
            ks.close()
    emit(rows, [("name", lambda r: r["name"]), ("kind", lambda r: r["kind"]), ("code", lambda r: r["code"] or ""),
                ("aliases", lambda r: ", ".join(r["aliases"][:5])), ("mentions", lambda r: r["mentions"]),
                ("roles", _role_text)], fmt)


@actors.command()
@click.argument("name")
@store_option
@format_option(("table", "json"))
@fail_cleanly
def show(name, store, fmt):
    """Show one actor (by name, alias or key) with its roles and stored events."""
    from ..store.actor_mentions import actor_detail

    kb = _kb(store)
    entry = kb.find(name)
    if entry is None:
        raise OntologyError(f"no actor named {name!r} in the knowledge base")
    ks = _open_if_there(store)
    try:
        row = actor_detail(kb, entry, ks)
    finally:
        if ks is not None:
            ks.close()
    if fmt == "json":
        click.echo(json.dumps(row, indent=2, ensure_ascii=False))
        return
    click.echo(f"{row['name']}  [{row['kind']}]  code {row['code'] or '-'}  (key {row['key']})")
    if row["wikidata"]:
        click.echo(f"wikidata: {row['wikidata']}")
    if row["country"]:
        click.echo(f"country: {row['country']}")
    click.echo(f"codes: {', '.join(row['codes'])}")
    if row["aliases"]:
        click.echo(f"aliases: {', '.join(row['aliases'])}")
    for key in ("seats_and_demonyms",):
        if row.get(key):
            click.echo(f"seats and demonyms: {', '.join(row[key])}")
    for r in row["roles"]:
        click.echo(f"  role: {r['role'] or '-'}  {r['code']}  from {r['from'] or '…'} until {r['until'] or 'now'}")
    click.echo(f"events: {row['mentions']}")
    for e in row["events"]:
        target = f" -> {e['target']['name']} ({e['target']['code']})" if e["target"] else ""
        click.echo(f"  {e['date'] or '?'}  {e['event_code']}  {e['actor']['name']} ({e['actor']['code']}){target}"
                   f"  [{e['article']}]")


def _refresh_store(store: Path, kb) -> str:
    """Reload the store's ontology graph so that it holds the changed dictionary."""
    if not Path(store).is_dir():
        return ""
    from ..ontology import iris
    from ..ontology.actor_graph import ontology_quads
    from ..store import open_store

    with open_store(store) as ks:
        ks.replace_graph(iris.ONTOLOGY_GRAPH, ontology_quads(kb))
    return f"; store {store} updated"


@actors.command()
@click.argument("name")
@click.option("--code", required=True, help="Actor code (CAMEO style, e.g. NORGOV, IGOUNO).")
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable; case-sensitive).")
@click.option("--kind", type=click.Choice(["person", "organization", "armed group"]), default="person",
              show_default=True)
@click.option("--role", help="The role that gives the code (person), e.g. 'foreign minister'.")
@click.option("--from", "start", type=_DATE, help="First day the code holds (YYYY-MM-DD).")
@click.option("--until", "end", type=_DATE, help="Last day the code holds (YYYY-MM-DD, inclusive).")
@click.option("--country", help="ISO 3166 alpha-3 code (default: the code's first three letters).")
@click.option("--wikidata", help="Wikidata id (Q...).")
@click.option("--file", "path", type=click.Path(dir_okay=False, path_type=Path),
              help="User dictionary to write (default: actors.yaml in the store folder).")
@store_option
@fail_cleanly
def add(name, code, aliases, kind, role, start, end, country, wikidata, path, store):
    """Add an actor (or a role or aliases to one) to the user dictionary."""
    from ..ontology.actor_files import add_organization, add_person, default_user_file
    from ..ontology.actors import load_kb

    path = path or default_user_file(store)
    if not name.strip():
        raise click.UsageError("the actor's NAME cannot be empty")
    start, end = (start.date() if start else None), (end.date() if end else None)
    if kind == "person":
        add_person(path, name, code, aliases=aliases, role=role, start=start, end=end, country=country,
                   wikidata=wikidata)
    else:
        add_organization(path, name, code, aliases=aliases, kind=kind, start=start, end=end, wikidata=wikidata)
    kb = load_kb([*_user_paths_with(store, path)])
    note = _refresh_store(store, kb) if path == default_user_file(store) else ""
    click.echo(f"added {name} ({code}) to {path}{note}")


def _user_paths_with(store, path: Path) -> list[Path]:
    from ..ontology.actor_files import user_dictionary_paths

    paths = user_dictionary_paths(store)
    return paths if path in paths else [*paths, path]


@actors.command(name="import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--file", "path", type=click.Path(dir_okay=False, path_type=Path),
              help="User dictionary to write (default: actors.yaml in the store folder).")
@store_option
@fail_cleanly
def import_(source, path, store):
    """Import a CAMEO/PETRARCH actor dictionary (NAME [CODE >DATE], +ALIAS lines)."""
    from ..ontology.actor_files import default_user_file, merge_user_data
    from ..ontology.actors import load_kb
    from ..ontology.petrarch import read_petrarch

    path = path or default_user_file(store)
    data = read_petrarch(source)
    merge_user_data(path, data)
    kb = load_kb([*_user_paths_with(store, path)])  # checks that the result loads
    note = _refresh_store(store, kb) if path == default_user_file(store) else ""
    counts = ", ".join(f"{len(v)} {k}" for k, v in data.items())
    click.echo(f"imported {counts} from {source} into {path}{note}")
