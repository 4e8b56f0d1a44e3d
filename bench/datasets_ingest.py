"""Ingest speed of coded event datasets (GDELT, ICEWS), against loading the same quads raw.

In one run, for each file: ``geopolkg.api.ingest`` of the file into a fresh
store (read, map to the ontology, resolve actors, write in batches), the
best of ``--repeat`` runs; then as the baseline the same store's quads,
dumped as N-Quads, loaded by ``pyoxigraph.Store.load`` into a fresh store
(what writing those quads costs at least), best of as many runs. Also the
read-only part: iterating the file with the loader (parse and check rows).

Printed per file: events, quads, seconds for parse, ingest and baseline,
events per second, and the ratio ingest / baseline.

Usage::

    python bench/datasets_ingest.py [--repeat R] [--shared DIR]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("GEOPOLKG_SHARED", REPO.parent / "shared")))
    args = parser.parse_args()

    import geopolkg.api as api
    from geopolkg.loaders.gdelt import iter_gdelt
    from geopolkg.loaders.icews import iter_icews
    from geopolkg.store import open_store
    from geopolkg.store.datasets import count_dataset_events

    files = [(args.shared / "event-datasets" / "gdelt-20191024143000.export.CSV", iter_gdelt),
             (args.shared / "event-datasets" / "icews-events-2018-sample.tab", iter_icews)]
    api.ingest([files[0][0]], tempfile.mkdtemp())  # warm-up: knowledge base, CAMEO table
    print(f"{'file':40} {'events':>7} {'quads':>8} {'parse s':>8} {'ingest s':>9} {'raw load s':>11} "
          f"{'events/s':>9} {'ratio':>6}")
    for path, reader in files:
        parse = _best(lambda: sum(1 for _ in reader(path)), args.repeat)
        stores = []

        def ingest():
            folder = tempfile.mkdtemp()
            api.ingest([path], folder)
            stores.append(folder)

        seconds = _best(ingest, args.repeat)
        with open_store(stores[-1]) as ks:
            events = count_dataset_events(ks)
            data = ks.dump(ox.RdfFormat.N_QUADS)
        quads = data.count(b"\n")
        baseline = _best(lambda: ox.Store(tempfile.mkdtemp()).load(data, format=ox.RdfFormat.N_QUADS), args.repeat)
        print(f"{path.name:40} {events:7d} {quads:8d} {parse:8.2f} {seconds:9.2f} {baseline:11.2f} "
              f"{events / seconds:9.0f} {seconds / baseline:6.2f}")


if __name__ == "__main__":
    main()
