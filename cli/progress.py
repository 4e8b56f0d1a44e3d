"""A progress bar for long ingests (rich): articles done, articles per second, time left.

Shown only when standard output is a terminal and ``--quiet`` is not given,
so pipes and logs get the summary line alone.
"""

from __future__ import annotations

import contextlib
import sys

__all__ = ["ingest_progress"]


@contextlib.contextmanager
def ingest_progress(paths, enabled: bool):
    """Yield a callback for :func:`geopolkg.api.ingest`'s ``progress`` (or None when not shown).

    Parameters
    ----------
    paths : list of Path
        The inputs, counted beforehand for the total and time left
        (see :func:`geopolkg.ingest.count.estimate_articles`).
    enabled : bool
        Show the bar (the caller checks ``--quiet``); it is shown only if
        standard output is a terminal too.
    """
    if not enabled or not sys.stdout.isatty():
        yield None
        return
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    from ..ingest.count import estimate_articles

    total = estimate_articles(paths)
    columns = [TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn()]
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("ingest", total=total, rate="")

        def advance(_article_id):
            bar.advance(task)
            speed = bar.tasks[0].speed
            if speed:
                bar.update(task, rate=f"{speed:6.1f} articles/s")
        yield advance
