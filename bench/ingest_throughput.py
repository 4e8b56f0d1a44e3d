"""Ingest throughput against bare ``nlp.pipe``, ``--jobs 2`` against ``--jobs 1``, and the scorer with the prefilter.

In one run, over the same stories of ``../shared/corpora/reuters-21578.jsonl``
(all 19,043 by default, or the first ``--limit N``):

1. **bare**: ``nlp.pipe`` of geopolkg's pipeline (same model, same
   components) over the article texts, documents thrown away;
2. **ingest, 1 job**: ``geopolkg.api.ingest`` into a fresh store (loading,
   prefilter, extraction, coding, RDF, store writes);
3. **ingest, 2 jobs**: the same with two worker processes;
4. **scorer**: ``bench/score_events.py``'s figures with and without the
   prefilter (they must be equal).

Printed: articles per second for each (wall clock and CPU seconds), the
ratios ingest/bare (goal >= 1.5) and 2 jobs/1 job (goal >= 1.7), the load
average of the machine (the CPU may be shared), and whether the scorer's
figures are the same.

Usage::

    python bench/ingest_throughput.py [--limit N] [--shared DIR] [--json] [--one-job]

``--one-job`` leaves out the 2-job run (3.) for quicker before/after
comparisons of the ingest/bare ratio on a slice.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _clock():
    t = os.times()
    return time.perf_counter(), t.user + t.system + t.children_user + t.children_system


def _measure(func):
    wall0, cpu0 = _clock()
    value = func()
    wall1, cpu1 = _clock()
    return value, wall1 - wall0, cpu1 - cpu0


def _slice(corpus: Path, limit: int | None, folder: Path) -> Path:
    if limit is None:
        return corpus
    path = folder / f"reuters-first-{limit}.jsonl"
    with open(corpus, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        out.writelines(itertools.islice(src, limit))
    return path


def bare_pipe(path: Path) -> int:
    """Run the pipeline over the texts of ``path`` (as the loaders give them); return the count."""
    from geopolkg.extraction.nlp import build_nlp
    from geopolkg.loaders import iter_articles

    nlp = build_nlp(None)
    texts = [a.text for a in iter_articles([path], errors=[])]
    count = 0
    with nlp.memory_zone():
        for _doc in nlp.pipe(texts, batch_size=16):
            count += 1
    return count


def parsed_share(path: Path) -> tuple[float, float]:
    """Share of the texts' characters (spaces aside) the sentence prefilter
    leaves to the parser, and share of articles it skips whole."""
    from geopolkg.extraction.extractor import Extractor
    from geopolkg.loaders import iter_articles

    extractor = Extractor(prefilter=True)
    texts = 0
    for article in iter_articles([path], errors=[]):
        extractor._text_to_parse(article)  # counts what it would parse
        texts += 1
    return extractor.chars_parsed / max(extractor.chars, 1), extractor.skipped / max(texts, 1)


def ingest(path: Path, jobs: int, folder: Path) -> int:
    import geopolkg.api as api

    store = Path(tempfile.mkdtemp(dir=folder, prefix=f"store-j{jobs}-"))
    summary = api.ingest([path], store, jobs=jobs)
    return summary.stored


class _Filtered:
    """An extractor whose ``extract`` goes through ``extract_many`` with the prefilter."""

    def __init__(self):
        from geopolkg.extraction.extractor import Extractor

        self.inner = Extractor(prefilter=True)

    def extract(self, article):
        return next(self.inner.extract_many([article]))


def scorer_same(shared: Path) -> tuple[bool, dict]:
    """Run ``bench/score_events.py`` (all sets) with the plain extractor and with the prefilter."""
    spec = importlib.util.spec_from_file_location("score_events", REPO / "bench" / "score_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    plain = module.run(shared, "all")
    module.Extractor = _Filtered  # the scorer builds its extractor by this name
    filtered = module.run(shared, "all")
    return plain == filtered, filtered


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N stories (default: all)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one-job", action="store_true", help="leave out the 2-job run")
    args = parser.parse_args(argv)
    corpus = args.shared / "corpora" / "reuters-21578.jsonl"
    with tempfile.TemporaryDirectory(prefix="geopolkg-bench-") as tmp:
        folder = Path(tmp)
        path = _slice(corpus, args.limit, folder)
        from geopolkg.extraction.nlp import build_nlp

        build_nlp(None)  # load the model once (cached per argument, as Extractor calls it)
        load_before = os.getloadavg()[0]
        n_bare, bare_wall, bare_cpu = _measure(lambda: bare_pipe(path))
        n1, one_wall, one_cpu = _measure(lambda: ingest(path, 1, folder))
        if args.one_job:
            n2, two_wall = 0, float("nan")
        else:
            n2, two_wall, _ = _measure(lambda: ingest(path, 2, folder))
        load_after = os.getloadavg()[0]
        share, skipped = parsed_share(path)
    result = {
        "text_parsed_share": share, "articles_skipped_share": skipped,
        "stories": n_bare, "stored_1_job": n1, "stored_2_jobs": n2,
        "bare_per_s": n_bare / bare_wall, "ingest_1_job_per_s": n1 / one_wall, "ingest_2_jobs_per_s": n2 / two_wall,
        "bare_per_cpu_s": n_bare / bare_cpu, "ingest_1_job_per_cpu_s": n1 / one_cpu,
        "ratio_ingest_vs_bare": (n1 / one_wall) / (n_bare / bare_wall),
        "ratio_ingest_vs_bare_cpu": (n1 / one_cpu) / (n_bare / bare_cpu),
        "ratio_2_jobs_vs_1": (n2 / two_wall) / (n1 / one_wall),
        "load_average": [round(load_before, 2), round(load_after, 2)], "cpus": os.cpu_count(),
    }
    if not args.json:
        _print(result)
    same, figures = scorer_same(args.shared)
    result.update({"scorer_same_with_prefilter": same, "scorer": figures})
    if args.json:
        print(json.dumps(result, indent=2, default=str))
        return 0
    print(f"event scorer figures the same with the prefilter: {same}")
    return 0


def _print(result: dict) -> None:
    n_bare, n1, n2 = result["stories"], result["stored_1_job"], result["stored_2_jobs"]
    print(f"stories: {n_bare} (stored {n1} with 1 job, {n2} with 2 jobs); load average "
          f"{result['load_average'][0]} -> {result['load_average'][1]} on {result['cpus']} CPUs")
    print(f"bare nlp.pipe:   {result['bare_per_s']:7.1f} stories/s wall, {result['bare_per_cpu_s']:7.1f} per CPU-s")
    print(f"ingest, 1 job:   {result['ingest_1_job_per_s']:7.1f} stories/s wall, "
          f"{result['ingest_1_job_per_cpu_s']:7.1f} per CPU-s")
    print(f"ingest, 2 jobs:  {result['ingest_2_jobs_per_s']:7.1f} stories/s wall")
    print(f"text left to the parser by the sentence prefilter: {result['text_parsed_share']:.1%} "
          f"({result['articles_skipped_share']:.1%} of the stories skipped whole)")
    print(f"ratio ingest / bare: {result['ratio_ingest_vs_bare']:.2f} wall, "
          f"{result['ratio_ingest_vs_bare_cpu']:.2f} CPU (goal >= 1.5)")
    print(f"ratio 2 jobs / 1 job: {result['ratio_2_jobs_vs_1']:.2f} (goal >= 1.7)", flush=True)


if __name__ == "__main__":
    sys.exit(main())
