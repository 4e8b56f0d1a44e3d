"""Export speed of every format, against pyoxigraph's own N-Quads dump of the same store.

In one run: a store of the first ``--limit`` stories of
``../shared/corpora/reuters-21578-geopolitics.jsonl`` (all 441 by default;
``--store DIR`` reuses a store instead), then for each export format the
best of ``--repeat`` runs of :func:`geopolkg.exports.export` into a
temporary folder, and as the baseline the best of as many runs of
``pyoxigraph.Store.dump`` to N-Quads (what any export has to read at
least). Then the import path back: ``geopolkg.api.ingest`` of the N-Quads
export into a fresh store, against ``pyoxigraph.Store.load`` of the same
file into a fresh pyoxigraph store.

Printed: quads, then seconds and the ratio to the baseline per format.

Usage::

    python bench/exports.py [--limit N] [--store DIR] [--repeat R] [--shared DIR]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]


def _best(func, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t0)
    return best


def _store(args, tmp: Path) -> Path:
    import json

    import geopolkg.api as api

    if args.store:
        return Path(args.store)
    corpus = Path(args.shared) / "corpora" / "reuters-21578-geopolitics.jsonl"
    subset = tmp / "subset.jsonl"
    with open(corpus, encoding="utf-8") as src, open(subset, "w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= args.limit:
                break
            json.loads(line)
            out.write(line)
    path = tmp / "store"
    summary = api.ingest([subset], path)
    print(f"store: {summary.stored} articles, {summary.events} events (ingest not timed)")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=441)
    parser.add_argument("--store")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", default=os.environ.get("GEOPOLKG_SHARED", REPO.parent / "shared"))
    args = parser.parse_args()

    import geopolkg.api as api
    from geopolkg.exports import export, formats
    from geopolkg.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ks = open_store(_store(args, tmp), read_only=True)
        print(f"quads: {len(ks)}; load average {os.getloadavg()[0]:.2f} (the CPU may be shared)")
        base = _best(lambda: ks.dump(ox.RdfFormat.N_QUADS), args.repeat)
        print(f"{'baseline: pyoxigraph dump N-Quads':38s} {base:8.3f} s")
        for fmt in formats():
            out = tmp / f"out.{fmt}"
            seconds = _best(lambda: export(fmt, ks, out), args.repeat)
            print(f"{'export ' + fmt:38s} {seconds:8.3f} s  {seconds / base:6.2f} x baseline")
        nq = tmp / "out.nquads"
        loaded = _best(lambda: ox.Store().load(path=str(nq), format=ox.RdfFormat.N_QUADS), args.repeat)
        print(f"{'baseline: pyoxigraph load N-Quads':38s} {loaded:8.3f} s")
        counter = iter(range(args.repeat))
        back = _best(lambda: api.ingest([nq], tmp / f"merged{next(counter)}", keep_going=False), args.repeat)
        print(f"{'geopolkg ingest of the N-Quads export':38s} {back:8.3f} s  {back / loaded:6.2f} x baseline "
              "(includes creating the store with its ontology)")


if __name__ == "__main__":
    main()
