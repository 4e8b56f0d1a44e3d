"""Relationship analysis commands: issues (and their edits), stance, camps, centrality, trends, derive."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .. import api
from ..ontology import iris
from .base import actor_text, cli, confidence_option, emit, fail_cleanly, format_option, level_option, store_option

__all__ = ["issues", "stance", "pairs", "camps", "centrality", "trends", "derive"]


def window_options(func):
    func = click.option("--until", help="Last day of the time window (YYYY-MM-DD, inclusive).")(func)
    return click.option("--since", help="First day of the time window (YYYY-MM-DD, inclusive).")(func)


def _sub_store(func):
    return click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help="Store folder (default: that of 'geopolkg issues', $GEOPOLKG_STORE, "
                             "or ./geopolkg-store).")(func)


def _store_of(ctx, store):
    return store if store is not None else ctx.obj["store"]


@cli.group(invoke_without_command=True)
@store_option
@click.option("--issue", help="Only issues whose label or key contains this text (case-insensitive).")
@format_option()
@confidence_option
@level_option
@click.pass_context
@fail_cleanly
def issues(ctx, store, issue, fmt, min_confidence, level):
    """List the issues with event counts, actors and date ranges; rename, merge or split them.

    \b
    Edits go to issue-edits.yaml in the store folder and apply whenever
    events are read (the extracted events stay as they were):
      geopolkg issues rename KEY LABEL
      geopolkg issues merge KEY OTHER...      OTHER's events join KEY
      geopolkg issues split KEY EVENT_ID...   [--article ID] [--key NEW] [--label L]
    """
    ctx.ensure_object(dict)["store"] = store
    if ctx.invoked_subcommand is not None:
        return
    rows = api.issues(store, issue, min_confidence=min_confidence, level=level)
    emit(rows, [("key", lambda r: r["key"]), ("label", lambda r: r["label"]), ("events", lambda r: r["events"]),
                ("articles", lambda r: r["articles"]), ("from", lambda r: r["date_min"]),
                ("to", lambda r: r["date_max"]), ("actors", lambda r: " ".join(r["actors"])),
                ("for", lambda r: " ".join(r["supporters"])), ("against", lambda r: " ".join(r["opponents"]))], fmt)


@issues.command()
@click.argument("key")
@click.argument("label")
@_sub_store
@click.pass_context
@fail_cleanly
def rename(ctx, key, label, store):
    """Give issue KEY a new LABEL."""
    api.edit_issue(_store_of(ctx, store), "rename", key, label)
    click.echo(f"issue {key} is now labelled {label!r}")


@issues.command()
@click.argument("key")
@click.argument("others", nargs=-1, required=True)
@_sub_store
@click.pass_context
@fail_cleanly
def merge(ctx, key, others, store):
    """Merge the issues OTHERS into KEY (which keeps its key and label)."""
    edit = api.edit_issue(_store_of(ctx, store), "merge", key, list(others))
    click.echo(f"merged {', '.join(edit['from'])} into {key}")


@issues.command()
@click.argument("key")
@click.argument("event_ids", nargs=-1)
@click.option("--article", "articles", multiple=True, help="Also move the issue's events from this article (repeatable).")
@click.option("--key", "new_key", help="Key of the new issue (default KEY-2, KEY-3...).")
@click.option("--label", help="Label of the new issue.")
@_sub_store
@click.pass_context
@fail_cleanly
def split(ctx, key, event_ids, articles, new_key, label, store):
    """Move some events of issue KEY (by EVENT_IDS or --article) to a new issue."""
    edit = api.edit_issue(_store_of(ctx, store), "split", key, list(event_ids), articles=list(articles),
                          new_key=new_key, label=label)
    click.echo(f"moved {len(edit['events'])} event(s) of {key} to new issue {edit['key']} ({edit['label']!r})")


@cli.command()
@store_option
@click.option("--issue", help="Only issues whose label or key contains this text (case-insensitive).")
@format_option()
@confidence_option
@level_option
@fail_cleanly
def stance(store, issue, fmt, min_confidence, level):
    """Each actor's stance on each issue: supports, opposes or mixed, with score and evidence."""
    rows = api.stance(store, issue, min_confidence=min_confidence, level=level)
    emit(rows, [("issue", lambda r: r["issue"]), ("actor", lambda r: actor_text(r["actor"])),
                ("stance", lambda r: r["stance"]), ("score", lambda r: r["score"]),
                ("evidence", lambda r: " ".join(r["evidence"]))], fmt)


@cli.command()
@store_option
@window_options
@click.option("--sign", type=click.Choice(["conflict", "cooperation", "all"]), default="conflict",
              show_default=True, help="Which relations, strongest first.")
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="Show this many pairs.")
@format_option()
@confidence_option
@level_option
@fail_cleanly
def pairs(store, since, until, sign, top, fmt, min_confidence, level):
    """Pairs of actors in the signed network (sum of Goldstein x confidence), strongest conflict first."""
    rows = api.pairs(store, sign, since=since, until=until, min_confidence=min_confidence, level=level)[:top]
    emit(rows, [("a", lambda r: actor_text(r["a"])), ("b", lambda r: actor_text(r["b"])),
                ("weight", lambda r: r["weight"]), ("events", lambda r: r["count"]),
                ("coop", lambda r: r["cooperation"]), ("conflict", lambda r: r["conflict"]),
                ("neutral", lambda r: r["neutral"]),
                ("from", lambda r: r["date_min"]), ("to", lambda r: r["date_max"]),
                ("evidence", lambda r: " ".join(r["evidence"]))], fmt)


@cli.command()
@store_option
@window_options
@click.option("--min-events", type=click.IntRange(1), default=2, show_default=True,
              help="Least cooperation and conflict events of a relation (neutral statements do not count).")
@click.option("--min-weight", type=click.FloatRange(0), default=1.0, show_default=True,
              help="Least |signed weight| (Goldstein x confidence) of a relation.")
@click.option("--resamples", type=click.IntRange(0), default=100, show_default=True,
              help="Bootstrap resamples of the events that measure how sure the camps are (0 to skip).")
@format_option(("table", "json"))
@confidence_option
@level_option
@fail_cleanly
def camps(store, since, until, min_events, min_weight, resamples, fmt, min_confidence, level):
    """Camps of the signed actor network (least frustration), how sure they are, and how balanced it is.

    Only relations with enough evidence make camps; actors without any are
    left out and listed, not shown as camps of one.
    """
    result = api.camps(store, since=since, until=until, min_confidence=min_confidence, min_events=min_events,
                       min_weight=min_weight, resamples=resamples, level=level)
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    emit(result["camps"], [("camp", lambda r: r["camp"]),
                           ("sure", lambda r: "" if r["stability"] is None else r["stability"]),
                           ("actors", lambda r: ", ".join(
                               actor_text(a) + ("" if a["stability"] is None else f" {a['stability']}")
                               for a in r["actors"]))], "table")
    if result["alone"]:
        click.echo(f"alone, no ally in the evidence: {', '.join(actor_text(a) for a in result['alone'])}")
    if result["left_out"]:
        click.echo(f"left out, too little evidence: {len(result['left_out'])} actor(s) "
                   f"({', '.join(a['code'] for a in result['left_out'][:20])}"
                   f"{', ...' if len(result['left_out']) > 20 else ''})")
    f, t = result["frustration"], result["triangles"]
    click.echo(f"frustration: {f['frustrated']} of {f['edges']} relation(s) break the camps "
               f"(weight {f['weight']} of {f['total_weight']}, index {f['index']})")
    click.echo(f"balanced triangles: {t['balanced']} of {t['triangles']} (fraction {t['fraction']})")


@cli.command()
@store_option
@window_options
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="Show this many actors.")
@format_option()
@confidence_option
@level_option
@fail_cleanly
def centrality(store, since, until, top, fmt, min_confidence, level):
    """Central actors: degree, betweenness and PageRank on the conflict and cooperation layers."""
    rows = api.centrality(store, since=since, until=until, min_confidence=min_confidence, level=level)[:top]
    cols = [("actor", lambda r: actor_text(r["actor"]))]
    for layer in ("conflict", "cooperation"):
        for measure in ("degree", "betweenness", "pagerank"):
            cols.append((f"{layer[:4]}.{measure[:4]}", lambda r, l=layer, m=measure: r[l][m]))
    emit(rows, cols, fmt)


@cli.command()
@store_option
@click.option("--window", type=click.Choice(["month", "week"]), default="month", show_default=True,
              help="Calendar months or ISO weeks.")
@window_options
@click.option("--top", type=click.IntRange(1), default=10, show_default=True,
              help="How many improved and worsened relations to show.")
@format_option(("table", "json"))
@confidence_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the timeline of these events to this file (.html, .png or .svg), "
                   "as 'geopolkg timeline' does.")
@level_option
@fail_cleanly
def trends(store, window, since, until, top, fmt, min_confidence, output, level):
    """Change over time: events and tone per window, and the relations that improved or worsened most."""
    result = api.trends(store, window, since=since, until=until, min_confidence=min_confidence, top=top,
                        level=level)
    if output is not None:
        written = api.timeline(store, window=window, since=since, until=until,
                               min_confidence=min_confidence).save(output)
        click.echo(f"wrote {written}", err=True)
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    emit(result["windows"], [(window, lambda r: r["window"]), ("events", lambda r: r["events"]),
                             ("pairs", lambda r: r["pairs"]), ("tone", lambda r: "" if r["tone"] is None else r["tone"]),
                             ("cooperation", lambda r: r["cooperation"]), ("conflict", lambda r: r["conflict"])], "table")
    for name in ("worsened", "improved"):
        click.echo(f"{name} most:")
        emit(result[name], [("a", lambda r: actor_text(r["a"])), ("b", lambda r: actor_text(r["b"])),
                            ("from", lambda r: f"{r['before']} ({r['tone_before']})"),
                            ("to", lambda r: f"{r['after']} ({r['tone_after']})"),
                            ("change", lambda r: r["change"]), ("evidence", lambda r: " ".join(r["evidence"]))],
             "table")


@cli.command()
@store_option
@click.option("--no-network", is_flag=True, help="Only relations on issues, not those of the signed network.")
@click.option("--min-weight", type=click.FloatRange(0), default=1.0, show_default=True,
              help="Least |signed weight| (Goldstein x confidence) of a network relation.")
@format_option(("table", "json"))
@fail_cleanly
def derive(store, no_network, min_weight, fmt):
    """Write who opposes and aligns with whom (issue, weight, time window, evidence) to the derived-relations graph."""
    rows = api.derive(store, network=not no_network, min_weight=min_weight)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    kinds = {k: sum(1 for r in rows if r["kind"] == k) for k in ("opposition", "alignment")}
    click.echo(f"derived {len(rows)} relation(s) ({kinds['opposition']} opposition, {kinds['alignment']} alignment) "
               f"into <{iris.DERIVED_GRAPH}>")
