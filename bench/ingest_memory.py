"""Peak memory of ingesting 1,000 stories against ingesting many more.

Each ingest runs in a fresh Python process (``--jobs 1``, a fresh store) over
the first N stories of ``../shared/corpora/reuters-21578.jsonl``; the peak
resident set size of that process (``ru_maxrss``) is its memory. Printed:
both peaks in MiB and the growth from the smaller run to the larger (goal:
under 1.5 GiB, growing by less than 20 %), which shows whether memory
grows with the corpus.

Usage::

    python bench/ingest_memory.py [--small 1000] [--large 19043] [--shared DIR] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_CHILD = """
import resource, sys, time
import geopolkg.api as api
started = time.perf_counter()
summary = api.ingest([sys.argv[1]], sys.argv[2], jobs=1)
seconds = time.perf_counter() - started
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(summary.stored, summary.events, len(summary.failed), peak_kib, seconds)
"""


def measure(corpus: Path, count: int, folder: Path) -> dict:
    """Ingest the first ``count`` stories in a child process; return its peak memory and counts."""
    path = folder / f"first-{count}.jsonl"
    with open(corpus, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        out.writelines(itertools.islice(src, count))
    store = folder / f"store-{count}"
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(store)], check=True,
                          capture_output=True, text=True)
    stored, events, failed, peak_kib, seconds = done.stdout.split()[-5:]
    return {"stories": count, "stored": int(stored), "events": int(events), "failed": int(failed),
            "peak_mib": int(peak_kib) / 1024, "seconds": float(seconds)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=19043)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    corpus = args.shared / "corpora" / "reuters-21578.jsonl"
    with tempfile.TemporaryDirectory(prefix="geopolkg-mem-") as tmp:
        small = measure(corpus, args.small, Path(tmp))
        large = measure(corpus, args.large, Path(tmp))
    growth = large["peak_mib"] / small["peak_mib"] - 1
    result = {"small": small, "large": large, "growth": growth, "date": time.strftime("%Y-%m-%d")}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for run in (small, large):
        print(f"{run['stories']:>6} stories: peak {run['peak_mib']:7.1f} MiB, {run['stored']} stored, "
              f"{run['events']} events, {run['failed']} failed, {run['seconds']:.0f} s")
    print(f"growth {small['stories']} -> {large['stories']}: {growth * 100:+.1f} % (goal < 20 %, peak < 1536 MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
