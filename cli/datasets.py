"""Commands on coded event datasets: ``compare``.

Dataset files themselves are read by ``geopolkg ingest`` (told by content,
or ``--format gdelt|icews``).
"""

from __future__ import annotations

import click

from .. import api
from .base import cli, confidence_option, emit, fail_cleanly, format_option, store_option


def _side(side: dict) -> str:
    if not side["events"]:
        return "-"
    return f"{side['events']} ({' '.join(side['codes'])})"


@cli.command()
@click.option("--dataset", type=click.Choice(["gdelt", "icews"]), default="gdelt", show_default=True,
              help="The dataset to hold the articles against.")
@click.option("--match", type=click.Choice(["country", "code"]), default="country", show_default=True,
              help="Match actors by country (USAGOV = USA) or by exact code.")
@click.option("--all", "unmatched", is_flag=True, help="Also list pairs and days that only one side has.")
@store_option
@format_option()
@confidence_option
@fail_cleanly
def compare(dataset, match, unmatched, store, fmt, min_confidence):
    """For the same actor pairs and days: what the articles say and what a dataset says.

    Each row is a day and a pair of actors, with the events the articles
    give (count, CAMEO codes, mean Goldstein, tone) and those the dataset
    gives, and whether their tones (cooperation or conflict) agree.
    """
    rows = api.compare(store, dataset, match=match, unmatched=unmatched, min_confidence=min_confidence)
    if fmt == "csv":  # flat columns for spreadsheets
        rows = [{"date": r["date"], "a": r["a"]["code"], "b": r["b"]["code"],
                 **{f"{side}_{k}": (" ".join(v) if isinstance(v, list) else v)
                    for side in ("articles", "dataset") for k, v in r[side].items()},
                 "agree": r["agree"]} for r in rows]
        emit(rows, [(k, (lambda r, k=k: "" if r[k] is None else r[k])) for k in (rows[0] if rows else ["date"])],
             "csv")
        return
    emit(rows, [("date", lambda r: r["date"]),
                ("a", lambda r: f"{r['a']['name']} ({r['a']['code']})"),
                ("b", lambda r: f"{r['b']['name']} ({r['b']['code']})"),
                ("articles", lambda r: _side(r["articles"])),
                ("goldstein", lambda r: "" if r["articles"]["goldstein"] is None else r["articles"]["goldstein"]),
                (dataset, lambda r: _side(r["dataset"])),
                (f"{dataset} goldstein", lambda r: "" if r["dataset"]["goldstein"] is None else r["dataset"]["goldstein"]),
                ("agree", lambda r: {True: "yes", False: "no", None: ""}[r["agree"]])], fmt)
