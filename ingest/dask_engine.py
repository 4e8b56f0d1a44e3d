"""The Dask engine: extraction on a Dask cluster, N-Quads shards, bulk load.

Partitions of articles (``partition_size`` each) are sent to the workers of
a Dask cluster: a running one given by its scheduler address, or by default
a local cluster of ``jobs`` worker processes. Each worker builds the spaCy
pipeline once, extracts its partition and writes the partition's named
graphs as one N-Quads shard file (``shard-NNNNNN.nq``) in the shard folder;
the client then loads each finished shard into the store, dropping first
the old graphs of the articles it replaces. At most ``2 * workers``
partitions are in flight, so the input streams.

On a remote cluster the shard folder must be on storage that the workers
and the client share (NFS, a mounted bucket). For billions of triples the
shards are the hand-off point to a large RDF store instead: Virtuoso's
bulk loader (``ld_dir`` + ``rdf_loader_run``) or Apache Jena's
``tdb2.tdbloader`` read N-Quads files directly (see the README).
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections import deque
from pathlib import Path
from typing import Iterable

from ..errors import ExtractionError
from .writer import count_outcomes

__all__ = ["run_dask", "extract_partition", "dask_client"]


def extract_partition(articles: list, shard: str, model: str | None = None, prefilter: bool = True) -> list:
    """Extract a partition on a worker and write its quads to the N-Quads file ``shard``.

    Returns
    -------
    list of Outcome
        One per article, with ``quads`` set to ``[]`` for stored ones (the
        quads are in the shard, not sent back) and None for failed ones.
    """
    import pyoxigraph as ox

    from .worker import extract_batch

    outcomes = extract_batch(articles, model, prefilter)
    quads = [q for o in outcomes if o.quads is not None for q in o.quads]
    ox.serialize(quads, shard, format=ox.RdfFormat.N_QUADS)
    for outcome in outcomes:
        if outcome.quads is not None:
            outcome.quads = []
    return outcomes


def dask_client(scheduler: str | None, jobs: int):
    """Return a Dask client: to ``scheduler``, or to a new local cluster of ``jobs`` workers.

    Raises
    ------
    ExtractionError
        If Dask is not installed or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise ExtractionError("the dask engine needs dask[distributed]: pip install 'dask[distributed]'") from err
    try:
        if scheduler:
            return Client(scheduler, timeout="30s")
        # ":0": a free port for the dashboard; None means the default 8787, taken by any other cluster
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=40)
        return Client(cluster)
    except (OSError, TimeoutError) as err:
        raise ExtractionError(f"cannot reach the Dask scheduler: {err}", scheduler or "local cluster") from err


def run_dask(articles: Iterable, ks, summary, *, errors: list | None, progress=None, jobs: int = 2,
             model: str | None = None, prefilter: bool = True, scheduler: str | None = None,
             partition_size: int = 64, shard_dir: str | Path | None = None) -> None:
    """Extract ``articles`` on Dask and load the shards into ``ks`` (see :func:`geopolkg.ingest.run_engine`).

    Parameters
    ----------
    shard_dir : str or Path, optional
        Where the shards are written; default a temporary folder, removed
        afterwards. Give a shared folder for a remote cluster; shards written
        there are kept.

    Raises
    ------
    GeopolkgError
        For a bad article when ``errors`` is None; ExtractionError when the
        cluster cannot be reached.
    """
    from .local import batches

    own_dir = shard_dir is None
    folder = Path(tempfile.mkdtemp(prefix="geopolkg-shards-") if own_dir else shard_dir)
    folder.mkdir(parents=True, exist_ok=True)
    client = dask_client(scheduler, jobs)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        inflight: deque = deque()
        numbers = itertools.count()
        for part in batches(articles, partition_size):
            shard = folder / f"shard-{next(numbers):06d}.nq"
            inflight.append((shard, client.submit(extract_partition, part, str(shard), model, prefilter, pure=False)))
            if len(inflight) >= 2 * workers:
                _load(ks, *inflight.popleft(), summary, errors, progress, keep=not own_dir)
        while inflight:
            _load(ks, *inflight.popleft(), summary, errors, progress, keep=not own_dir)
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and not scheduler:
            cluster.close()
        if own_dir:
            shutil.rmtree(folder, ignore_errors=True)


def _load(ks, shard: Path, future, summary, errors, progress, keep: bool) -> None:
    """Load one finished shard: drop the old graphs of its articles, then bulk-load it."""
    import pyoxigraph as ox

    outcomes = future.result()
    for outcome in outcomes:
        if outcome.quads is not None and ks.content_hash(outcome.article_id) is not None:
            ks.remove_article(outcome.article_id)  # a changed article: its old graph goes
    if any(o.quads is not None for o in outcomes):
        ks.load_quads(shard.read_bytes(), ox.RdfFormat.N_QUADS)
    for outcome in outcomes:
        outcome.quads = None if outcome.quads is None else []
    stored = [o for o in outcomes if o.quads is not None]
    failed = [o for o in outcomes if o.quads is None]
    # count and report through the same path as the local engine (nothing left to write)
    count_outcomes(stored, failed, summary, errors, progress)
    if not keep:
        shard.unlink(missing_ok=True)


