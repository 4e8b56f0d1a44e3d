"""The local engine: extraction in ``jobs`` worker processes, writes in this one.

Batches of articles go to a process pool (``spawn``: each worker starts
clean and builds the spaCy pipeline once); at most ``2 * jobs`` batches
are in flight, so memory stays flat however long the input is. Results are
written in input order. With ``jobs == 1``, or input that fits in one
batch, everything runs in this process.
"""

from __future__ import annotations

import itertools
from collections import deque
from typing import Iterable, Iterator

from ..loaders.article import Article
from .worker import extract_batch
from .writer import write_outcomes

__all__ = ["run_local", "batches"]


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Yield lists of up to ``size`` articles, reading ``articles`` lazily."""
    articles = iter(articles)
    while batch := list(itertools.islice(articles, size)):
        yield batch


def run_local(articles: Iterable[Article], ks, summary, *, errors: list | None, progress=None,
              jobs: int = 1, model: str | None = None, prefilter: bool = True, batch_size: int = 32) -> None:
    """Extract ``articles`` in ``jobs`` processes and store them (see :func:`geopolkg.ingest.run_engine`).

    Raises
    ------
    GeopolkgError
        For a bad article when ``errors`` is None; ExtractionError when the
        pipeline cannot be built.
    """
    chunks = batches(articles, batch_size)
    first = next(chunks, None)
    second = next(chunks, None) if first is not None else None
    if jobs <= 1 or second is None:
        # one batch or one job: starting worker processes would cost more than it saves
        for batch in itertools.chain([first, second], chunks):
            if batch:
                write_outcomes(ks, extract_batch(batch, model, prefilter), summary, errors=errors,
                               progress=progress)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    inflight: deque = deque()
    try:
        for batch in itertools.chain([first, second], chunks):
            inflight.append(pool.submit(extract_batch, batch, model, prefilter))
            if len(inflight) >= 2 * jobs:
                write_outcomes(ks, inflight.popleft().result(), summary, errors=errors, progress=progress)
        while inflight:
            write_outcomes(ks, inflight.popleft().result(), summary, errors=errors, progress=progress)
    finally:
        # on an interruption, drop the batches not started; what was written stays
        pool.shutdown(wait=True, cancel_futures=True)
