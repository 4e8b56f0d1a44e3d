"""Ingest at scale: articles in, events stored, on one machine or many.

Articles stream from the loaders; the ones the store already holds
unchanged are skipped by content hash before any parsing
(:mod:`.plan`). The rest are extracted in batches by an *engine*:

* ``local`` (:mod:`.local`): ``--jobs N`` worker processes, each building
  the spaCy pipeline once; the parent alone writes to the store (Oxigraph
  allows one writer), one transaction per batch (:mod:`.writer`).
* ``dask`` (:mod:`.dask_engine`): partitions of articles go to the workers
  of a Dask cluster (a local one by default), each writes an N-Quads shard,
  and the shards are loaded into the store.

Both give the same store for the same input.
"""

from __future__ import annotations

from .plan import new_articles
from .worker import Outcome, extract_batch

__all__ = ["ENGINES", "run_engine", "new_articles", "Outcome", "extract_batch"]

#: Engine names accepted by :func:`run_engine`.
ENGINES = ("local", "dask")


def run_engine(engine: str, articles, ks, summary, *, errors: list | None, progress=None,
               jobs: int = 1, model: str | None = None, prefilter: bool = True,
               scheduler: str | None = None, batch_size: int = 32) -> None:
    """Extract and store ``articles`` with the named engine, updating ``summary``.

    Parameters
    ----------
    engine : {"local", "dask"}
    articles : iterable of Article
        Read lazily; unchanged ones are skipped without parsing.
    ks : KnowledgeStore
        Open for writing.
    summary : geopolkg.api.IngestSummary
        Counts stored, unchanged and failed articles and events.
    errors : list or None
        Collects per-article errors and goes on; None raises the first.
    progress : callable, optional
        Called with each article id once it is handled (stored, unchanged or failed).
    jobs : int
        Worker processes (local engine) or Dask workers of a local cluster.
    model : str, optional
        spaCy pipeline name.
    prefilter : bool
        Parse only the sentences that can hold an event (see :mod:`geopolkg.extraction.prefilter`).
    scheduler : str, optional
        Address of a running Dask scheduler (``tcp://host:8786``); default a
        local cluster of ``jobs`` workers.
    batch_size : int
        Articles per batch sent to a worker (and per store transaction).

    Raises
    ------
    GeopolkgError
        For an unknown engine, or a bad article when ``errors`` is None.
    """
    from ..errors import GeopolkgError

    todo = new_articles(articles, ks, summary, errors=errors, progress=progress)
    if engine == "local":
        from .local import run_local

        run_local(todo, ks, summary, errors=errors, progress=progress, jobs=jobs, model=model,
                  prefilter=prefilter, batch_size=batch_size)
    elif engine == "dask":
        from .dask_engine import run_dask

        run_dask(todo, ks, summary, errors=errors, progress=progress, jobs=jobs, model=model,
                 prefilter=prefilter, scheduler=scheduler, partition_size=max(batch_size, 64))
    else:
        raise GeopolkgError(f"unknown ingest engine {engine!r}; use one of {', '.join(ENGINES)}")
