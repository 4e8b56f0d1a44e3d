"""Benchmark: loading and querying the knowledge store, against pyoxigraph and rdflib.

One command::

    python bench/store_queries.py [--quads 1000000] [--cut 200000] [--cap 30] [--repeat 3]

A synthetic graph shaped like real output is built with the project's own
``store.rdf.result_quads`` (articles, events with actors, targets, dates,
issues, stances, provenance; actors, people and issues repeated in every
article graph that names them; one named graph per article), from Zipf-like
draws of 400 actors and 600 issues over 2020-2025. Then, each in its own
subprocess (so that peak memory, ``ru_maxrss``, is per engine):

- ``project``: geopolkg's ingest path: ``KnowledgeStore.put_article`` per
  article (one transaction each), and the example-style queries through
  ``KnowledgeStore.select`` (results converted to Python values);
- ``pyoxigraph``: the same N-Quads with ``Store.bulk_load`` and the same SPARQL
  with ``Store.query`` (solutions materialized with ``list``);
- ``project-import`` (on the cut): ``KnowledgeStore.load_quads`` (one
  ``Store.load`` transaction, the path of ``geopolkg ingest`` for N-Quads exports);
- on a cut of the first ``--cut`` quads (whole articles): ``rdflib`` (its
  default in-memory store, a ``Dataset`` with the union default graph), and
  ``project`` again for the ratio at the same size. rdflib queries run under a
  ``--cap`` second alarm; a query past it is reported as ``> cap``.

Queries (union default graph, as ``geopolkg query``): a 2-hop join across
articles (who opposes whom on one issue, from the events' stances), a 3-hop
join (A acts against B in one article, B against C in another, C against A in
a third), an aggregate by actor and month, and a date-range filter (one
actor's events in a quarter). Each is timed ``--repeat`` times; the best time
is kept. Prints a table and the ratios; ``--json FILE`` also writes them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = {
    "2-hop opposition on an issue": """
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
SELECT ?supporter ?opponent (COUNT(DISTINCT ?for) AS ?nFor) (COUNT(DISTINCT ?against) AS ?nAgainst) WHERE {
  GRAPH ?g1 { ?for gpo:issue <https://w3id.org/geopolkg/id/issue/issue-3> ; gpo:stance 1 ; gpo:actor ?s .
              ?s gpo:code ?supporter }
  GRAPH ?g2 { ?against gpo:issue <https://w3id.org/geopolkg/id/issue/issue-3> ; gpo:stance -1 ; gpo:actor ?o .
              ?o gpo:code ?opponent }
  FILTER(?s != ?o)
} GROUP BY ?supporter ?opponent""",
    "3-hop conflict chain": """
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?b ?c (COUNT(*) AS ?n) WHERE {
  # the two ends first (a subquery fixes the join order; Oxigraph 0.5 otherwise
  # joins the middle hop too early and is a hundred times slower)
  { SELECT ?b ?c ?a1 ?a3 WHERE {
      ?e1 gpo:actor <https://w3id.org/geopolkg/id/actor/A042> ; gpo:target ?b ; gpo:quadClass 4 ;
          prov:wasDerivedFrom ?a1 .
      ?e3 gpo:actor ?c ; gpo:target <https://w3id.org/geopolkg/id/actor/A042> ; gpo:quadClass 4 ;
          prov:wasDerivedFrom ?a3 . } }
  ?e2 gpo:actor ?b ; gpo:target ?c ; gpo:quadClass 4 ; prov:wasDerivedFrom ?a2 .
  FILTER(?a1 != ?a2 && ?a2 != ?a3 && ?a1 != ?a3)
} GROUP BY ?b ?c ORDER BY DESC(?n) LIMIT 50""",
    "aggregate by actor and month": """
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
SELECT ?actor ?month (COUNT(?e) AS ?events) (AVG(?g) AS ?goldstein) WHERE {
  ?e gpo:actor ?actor ; gpo:date ?date ; gpo:goldstein ?g .
  BIND(SUBSTR(STR(?date), 1, 7) AS ?month)
} GROUP BY ?actor ?month""",
    "date-range filter": """
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?e ?date ?code ?target WHERE {
  ?e gpo:actor <https://w3id.org/geopolkg/id/actor/A001> ; gpo:date ?date ; gpo:cameoCode ?code .
  OPTIONAL { ?e gpo:target ?target }
  FILTER(?date >= "2023-01-01"^^xsd:date && ?date < "2023-04-01"^^xsd:date)
} ORDER BY ?date""",
}

CODES = ["010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "100", "110", "111",
         "112", "120", "125", "130", "138", "140", "160", "172", "173", "180", "190", "193", "195"]
WORDS = ("talks minister border sanctions troops agreement ceasefire envoy capital summit aid "
         "security forces dispute vote election treaty missile port refugees").split()


# -- the synthetic graph ----------------------------------------------------------

def _zipf(rng: random.Random, n: int, s: float = 1.1) -> int:
    while True:
        k = int(rng.paretovariate(s))
        if k <= n:
            return k - 1


def generate(path: Path, quads_wanted: int, seed: int = 7) -> tuple[list, list]:
    """Write the synthetic N-Quads to ``path``.

    Returns
    -------
    offsets : list of int
        Byte offset where each article's quads start (articles are
        contiguous), and the file size last: cuts and per-article writes
        take whole articles.
    counts : list of int
        Quads written before each offset.
    """
    import pyoxigraph as ox

    from geopolkg.extraction.event import Event, IssueRef
    from geopolkg.extraction.extractor import ExtractionResult
    from geopolkg.loaders import Article
    from geopolkg.ontology.actors import Actor
    from geopolkg.ontology.cameo import event_type
    from geopolkg.store.rdf import result_quads

    rng = random.Random(seed)
    kinds = ["government", "state", "organization", "armed group"]
    actors = [Actor(f"A{i:03d}", f"Actor number {i}", kinds[i % 4], "USA" if i % 5 == 0 else None,
                    "GOV" if i % 4 == 0 else None) for i in range(400)]
    issues = [IssueRef(f"issue-{i}", f"issue {i} about {WORDS[i % len(WORDS)]}") for i in range(600)]
    types = {c: event_type(c) for c in CODES}
    start = dt.date(2020, 1, 1)
    offsets, counts, written, n = [], [], 0, 0
    with open(path, "wb") as out:
        while written < quads_wanted:
            day = start + dt.timedelta(days=rng.randrange(6 * 365))
            text = " ".join(rng.choice(WORDS) for _ in range(400))
            article = Article(f"art-{n}", text, title=f"Report {n}", published=day, source="synthetic",
                              url=f"https://news.example.org/{n}")
            events = []
            for k in range(rng.randint(6, 20)):
                a = actors[_zipf(rng, 400)]
                t = actors[_zipf(rng, 400)] if rng.random() < 0.85 else None
                code = rng.choice(CODES)
                issue = issues[_zipf(rng, 600)] if rng.random() < 0.7 else None
                begin = rng.randrange(0, 3800)
                events.append(Event(
                    id=f"{n}-{k}", article=article.id, actor=a, target=t if t != a else None,
                    event_type=types[code], date=day - dt.timedelta(days=rng.randrange(3)), date_source="sentence",
                    issue=issue, stance=rng.choice((-1, 0, 0, 1)) if issue else 0,
                    sentence=text[begin:begin + 160], sentence_index=k, char_start=begin, char_end=begin + 160,
                    trigger=rng.choice(WORDS), confidence=round(rng.uniform(0.4, 1.0), 2),
                    actor_person=f"Person {rng.randrange(900)}" if rng.random() < 0.2 else None))
            quads = result_quads(ExtractionResult(article, events, []))
            offsets.append(out.tell())
            counts.append(written)
            out.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
            written += len(quads)
            n += 1
        offsets.append(out.tell())
        counts.append(written)
    return offsets, counts


# -- engines (each runs in a subprocess) ------------------------------------------

def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _time_queries(run, repeat: int) -> dict:
    out = {}
    for name, sparql in QUERIES.items():
        best, rows = None, None
        for _ in range(repeat):
            t = time.perf_counter()
            rows = run(sparql)
            took = time.perf_counter() - t
            best = took if best is None else min(best, took)
        out[name] = {"seconds": best, "rows": rows}
    return out


def engine_project(data: Path, offsets: list, store_dir: Path, repeat: int, mode: str) -> dict:
    import pyoxigraph as ox

    from geopolkg.store import open_store

    raw = data.read_bytes()
    ks = open_store(store_dir)
    base = len(ks)  # the ontology graph
    t = time.perf_counter()
    if mode == "import":
        ks.load_quads(raw[:offsets[-1]], ox.RdfFormat.N_QUADS)
    else:
        for i in range(len(offsets) - 1):
            chunk = raw[offsets[i]:offsets[i + 1]]
            ks.put_article(f"art-{i}", list(ox.parse(chunk, format=ox.RdfFormat.N_QUADS)))
    ks.flush()
    load = time.perf_counter() - t
    quads = len(ks) - base
    del raw
    queries = _time_queries(lambda q: len(ks.select(q)), repeat) if mode != "import" else {}
    return {"load_seconds": load, "quads": quads, "queries": queries, "peak_mib": _peak_mib()}


def engine_pyoxigraph(data: Path, offsets: list, store_dir: Path, repeat: int, mode: str) -> dict:
    import pyoxigraph as ox

    from geopolkg.store import open_store

    store = ox.Store(str(store_dir))
    t = time.perf_counter()
    store.bulk_load(data.read_bytes()[:offsets[-1]], format=ox.RdfFormat.N_QUADS)
    store.flush()
    load = time.perf_counter() - t
    quads = len(store)
    queries = _time_queries(lambda q: len(list(store.query(q, use_default_graph_as_union=True))), repeat)
    peak = _peak_mib()
    # The project's layer on the very same store, timed against straight
    # pyoxigraph again, query by query, so that the ratio is the layer's cost.
    del store
    ks = open_store(store_dir)
    raw = ks._store
    layer = {}
    for name, sparql in QUERIES.items():
        straight, project = [], []
        for _ in range(repeat):
            t = time.perf_counter()
            len(list(raw.query(sparql, use_default_graph_as_union=True)))
            straight.append(time.perf_counter() - t)
            t = time.perf_counter()
            len(ks.select(sparql))
            project.append(time.perf_counter() - t)
        layer[name] = {"straight": min(straight), "project": min(project)}
    return {"load_seconds": load, "quads": quads, "queries": queries, "layer": layer, "peak_mib": peak}


class _Late(Exception):
    pass


def engine_rdflib(data: Path, offsets: list, store_dir: Path, repeat: int, mode: str, cap: float = 30.0) -> dict:
    import signal

    from rdflib import Dataset

    def alarm(*_):
        raise _Late()

    signal.signal(signal.SIGALRM, alarm)
    ds = Dataset(default_union=True)
    t = time.perf_counter()
    ds.parse(data=data.read_bytes()[:offsets[-1]].decode("utf-8"), format="nquads")
    load = time.perf_counter() - t
    quads = sum(1 for _ in ds.quads((None, None, None, None)))
    queries = {}
    for name, sparql in QUERIES.items():
        signal.setitimer(signal.ITIMER_REAL, cap)
        t = time.perf_counter()
        try:
            rows = len(list(ds.query(sparql)))
            took = time.perf_counter() - t
        except _Late:
            rows, took = None, None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        queries[name] = {"seconds": took, "rows": rows, "cap": cap}
    return {"load_seconds": load, "quads": quads, "queries": queries, "peak_mib": _peak_mib()}


ENGINES = {"project": engine_project, "pyoxigraph": engine_pyoxigraph, "rdflib": engine_rdflib}


def _child(args) -> None:
    spec = json.loads(args.child)
    offsets = spec["offsets"]
    kwargs = {"cap": spec["cap"]} if spec["engine"] == "rdflib" else {}
    result = ENGINES[spec["engine"]](Path(spec["data"]), offsets, Path(spec["store"]), spec["repeat"],
                                     spec["mode"], **kwargs)
    print(json.dumps(result))


def run_engine(engine: str, data: Path, offsets: list, workdir: Path, *, repeat: int, cap: float,
               mode: str = "") -> dict:
    store = workdir / f"{engine}-{mode}-{len(offsets)}"
    spec = {"engine": engine, "data": str(data), "offsets": offsets, "store": str(store), "repeat": repeat,
            "cap": cap, "mode": mode}
    proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True, text=True)
    shutil.rmtree(store, ignore_errors=True)
    if proc.returncode != 0:
        raise SystemExit(f"{engine} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- report -------------------------------------------------------------------------

def _fmt(seconds, cap=None) -> str:
    if seconds is None:
        return f"> {cap:g} s"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _ratio(a, b, cap=None) -> str:
    if a is None:
        return "n/a"
    if b is None:
        return f"> {cap / a:,.0f}x"
    return f"{b / a:,.2f}x" if b / a < 100 else f"{b / a:,.0f}x"


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quads", type=int, default=1_000_000)
    parser.add_argument("--cut", type=int, default=200_000)
    parser.add_argument("--cap", type=float, default=30.0, help="Seconds allowed to each rdflib query.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    parser.add_argument("--data", type=Path, help="Keep the synthetic N-Quads here (reused if present).")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args)
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="geopolkg-bench-"))
    try:
        data = args.data or workdir / "graph.nq"
        index = data.with_suffix(".offsets.json")
        t = time.perf_counter()
        if args.data and index.exists() and json.loads(index.read_text())["quads"] == args.quads:
            offsets, counts = json.loads(index.read_text())["offsets"]
        else:
            offsets, counts = generate(data, args.quads)
            if args.data:
                index.write_text(json.dumps({"quads": args.quads, "offsets": [offsets, counts]}))
        cut = next((i for i, n in enumerate(counts) if n >= args.cut), len(offsets) - 1)
        cut_offsets = offsets[:cut + 1]
        print(f"generated {len(offsets) - 1} articles in {time.perf_counter() - t:.1f} s; "
              f"cut: {cut} articles", flush=True)
        full = {e: run_engine(e, data, offsets, workdir, repeat=args.repeat, cap=args.cap)
                for e in ("project", "pyoxigraph")}
        small = {e: run_engine(e, data, cut_offsets, workdir, repeat=args.repeat, cap=args.cap)
                 for e in ("project", "pyoxigraph", "rdflib")}
        small["project-import"] = run_engine("project", data, cut_offsets, workdir, repeat=1, cap=args.cap,
                                             mode="import")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report = {"date": dt.date.today().isoformat(), "full": full, "cut": small, "args": {
        "quads": args.quads, "cut": args.cut, "cap": args.cap, "repeat": args.repeat},
        "cpus": os.cpu_count(), "wall_seconds": time.perf_counter() - started}
    _print(report, args.cap)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return report


def _print(report: dict, cap: float) -> None:
    full, small = report["full"], report["cut"]
    p, o = full["project"], full["pyoxigraph"]
    print(f"\n{p['quads']:,} quads (project) / {o['quads']:,} (pyoxigraph):")
    print(f"  load: project (put_article, a transaction per article) {_fmt(p['load_seconds'])}, pyoxigraph "
          f"bulk_load {_fmt(o['load_seconds'])}; ratio {p['load_seconds'] / o['load_seconds']:.2f}x")
    print(f"  peak memory: project {p['peak_mib']:.0f} MiB, pyoxigraph {o['peak_mib']:.0f} MiB")
    print("  queries: the project's path (KnowledgeStore.select) and straight pyoxigraph (Store.query) on the")
    print("  same bulk-loaded store, and the project's path on the store its ingest wrote (put_article):")
    print(f"  {'query':32} {'project':>10} {'pyoxigraph':>11} {'ratio':>7} {'ingested':>10} {'rows':>6}")
    for name in QUERIES:
        a, b, c = o["layer"][name]["project"], o["layer"][name]["straight"], p["queries"][name]
        rows = c["rows"] if c["rows"] == o["queries"][name]["rows"] else f"{c['rows']}!={o['queries'][name]['rows']}"
        print(f"  {name:32} {_fmt(a):>10} {_fmt(b):>11} {a / b:>6.2f}x {_fmt(c['seconds']):>10} {rows:>6}")
    sp, so, sr = small["project"], small["pyoxigraph"], small["rdflib"]
    print(f"\n{sr['quads']:,}-quad cut (rdflib's in-memory Dataset, each query capped at {cap:g} s):")
    si = small["project-import"]
    print(f"  load: project put_article {_fmt(sp['load_seconds'])}, project load_quads (one transaction) "
          f"{_fmt(si['load_seconds'])}, pyoxigraph bulk_load {_fmt(so['load_seconds'])}, "
          f"rdflib {_fmt(sr['load_seconds'])}")
    print(f"  peak memory: project {sp['peak_mib']:.0f} MiB, pyoxigraph {so['peak_mib']:.0f} MiB, "
          f"rdflib {sr['peak_mib']:.0f} MiB")
    print(f"  {'query':32} {'project':>10} {'pyoxigraph':>11} {'rdflib':>10} {'rdflib/project':>15}")
    for name in QUERIES:
        a, b, r = sp["queries"][name], so["queries"][name], sr["queries"][name]
        same = "" if r["rows"] is None or r["rows"] == a["rows"] else f"  (rows differ: {r['rows']} vs {a['rows']})"
        print(f"  {name:32} {_fmt(a['seconds']):>10} {_fmt(b['seconds']):>11} {_fmt(r['seconds'], cap):>10} "
              f"{_ratio(a['seconds'], r['seconds'], cap):>15}{same}")
    print(f"\nwall time {report['wall_seconds']:.0f} s on {report['cpus']} CPUs")


if __name__ == "__main__":
    main()
