"""How long the overview of a large store takes: to write, and to open in headless Chromium.

Builds a synthetic store (default: 5,000 actors, four events per actor, so
20,000 events between them in 200 articles; relations follow preferential
attachment, as in news coverage, and actors fall in eight camps: cooperation
inside a camp, conflict across), then, for each store:

* *write*: ``geopolkg.api.view(path, store)``, the whole ``geopolkg view``
  job (read the events from the store, the signed network and its camps,
  ranks, the layout of every level, the page);
* *open*: in Debian's Chromium through Playwright (every request outside
  the machine blocked), from the start of navigation to the first drawing
  of the overview (``graphStatus.stableAt``, the page's ``data-state=ready``);
* *all*: after that, the time to show every actor ("More" until the last
  level: ``showLevel`` and the next drawing).

Baseline, measured in the same run on the same page's network: the same
nodes and edges, with every actor at its position of the last level, written
by pyvis's own template (vis-network inlined; its CDN links for Bootstrap
are blocked and fail at once) and timed to its first drawing. The ratio
``open / pyvis`` is what opening on the main actors costs, or saves, over
drawing everything at once.

Usage::

    python bench/view_render.py [--sizes 500,5000] [--repeat 3] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Installed before the page's scripts: the first drawing after the network is made.
HOOK = """
(() => {
  const t = { created: null, drawn: null };
  window.__timing = t;
  let net;
  Object.defineProperty(window, "network", { configurable: true, get() { return net; }, set(v) {
    net = v;
    if (t.created !== null) return;
    t.created = performance.now();
    v.on("afterDrawing", () => {
      if (t.drawn !== null) return;
      t.drawn = performance.now();
      document.documentElement.setAttribute("data-bench-drawn", "");
    });
  }});
})();
"""

SHOW_ALL = """() => new Promise(resolve => {
  const start = performance.now();
  network.once("afterDrawing", () => resolve(performance.now() - start));
  showLevel(graphData.levels.length - 1);
  network.redraw();
})"""


def synthetic_store(path: Path, actors: int, per_actor: int = 4, camps: int = 8, seed: int = 7) -> int:
    """Write a store of `actors` actors and ``actors x per_actor`` events; return the events written."""
    from geopolkg.extraction.event import Event, IssueRef, make_event_id
    from geopolkg.extraction.extractor import ExtractionResult
    from geopolkg.loaders.article import Article
    from geopolkg.ontology.actors import Actor
    from geopolkg.ontology.cameo import event_type
    from geopolkg.store import open_store
    from geopolkg.store.rdf import result_quads

    rng = random.Random(seed)
    people = [Actor(f"X{i:05d}GOV", f"Actor {i} of {rng.choice(['Ruritania', 'Côte d’Ivoire', 'AT&T'])}",
                    "government", None, "GOV") for i in range(actors)]
    friendly, hostile = event_type("042"), event_type("190")
    ends = list(range(actors))
    events = []
    for k in range(actors * per_actor):
        a = ends[rng.randrange(len(ends))]
        b = rng.randrange(actors)
        if a == b:
            b = (b + 1) % actors
        ends.append(a)  # rich get richer
        same = a % camps == b % camps
        events.append((a, b, friendly if same else hostile, dt.date(1987, rng.randint(1, 12), rng.randint(1, 28))))
    written = 0
    with open_store(path) as ks:
        per_article = 100
        for n in range(0, len(events), per_article):
            article = Article(id=f"synthetic-{n // per_article:04d}", text="Synthetic.", title="Synthetic",
                              published=dt.date(1987, 12, 31))
            batch = []
            for offset, (a, b, etype, day) in enumerate(events[n:n + per_article]):
                actor, target = people[a], people[b]
                batch.append(Event(
                    id=make_event_id(article.id, offset, offset + 1, etype.code, actor.code, target.code),
                    article=article.id, actor=actor, target=target, event_type=etype, date=day,
                    date_source="sentence", issue=IssueRef("trade", "trade") if offset % 10 == 0 else None,
                    stance=1 if offset % 20 == 0 else 0, sentence=f"{actor.name} and {target.name}.",
                    sentence_index=offset, char_start=offset, char_end=offset + 1, trigger="met", confidence=0.9))
            ks.put_article(article.id, result_quads(ExtractionResult(article, batch, [])))
            written += len(batch)
    return written


def pyvis_page(page_html: str) -> str:
    """The same network as `page_html`'s, every node at its last level's position, by pyvis's template."""
    import json
    import re

    from pyvis.network import Network

    data = json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>',
                                page_html, re.DOTALL).group(1))
    last = data["levels"][-1]["offsets"]
    net = Network(height="800px", width="100%", directed=False, cdn_resources="in_line")
    net.set_options(json.dumps({"physics": {"enabled": False}, "layout": {"improvedLayout": False},
                                "edges": {"smooth": {"enabled": False}}}))
    for n in data["nodes"]:
        dx, dy = last.get(str(n["part"]), [0, 0])
        net.add_node(n["id"], label=n["label"], x=n["lx"] + dx, y=n["ly"] + dy, size=n["size"],
                     color=n["color"]["background"])
    for e in data["edges"]:
        net.add_edge(e["from"], e["to"], color=e["color"]["color"], width=e["width"])
    return net.generate_html()


def open_page(browser, path: Path, timeout_s: float, ours: bool) -> dict:
    blocked: list[str] = []
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.add_init_script(HOOK)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
               else (blocked.append(r.request.url), r.abort()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri(), wait_until="load", timeout=timeout_s * 1000)
    if ours:
        # an attribute, not wait_for_function: its polling evaluates strings, which the page's CSP forbids
        page.wait_for_selector("body[data-state=ready]", state="attached", timeout=timeout_s * 1000)
        opened = page.evaluate("window.graphStatus.stableAt")
        shown = page.evaluate("network.body.nodeIndices.length")
        all_ms = page.evaluate(SHOW_ALL)
        total = page.evaluate("network.body.nodeIndices.length")
    else:
        page.wait_for_selector("html[data-bench-drawn]", state="attached", timeout=timeout_s * 1000)
        opened, all_ms = page.evaluate("window.__timing.drawn"), None
        shown = total = page.evaluate("network.body.nodeIndices.length")
    page.close()
    if errors:
        raise RuntimeError(f"{path.name}: {errors[0]}")
    return {"open": opened / 1000, "all": None if all_ms is None else all_ms / 1000, "shown": shown,
            "total": total, "blocked": len(blocked)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,5000", help="actors of each synthetic store")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per page")
    args = parser.parse_args(argv)
    import geopolkg.api as api
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for n in (int(s) for s in args.sizes.split(",")):
            store = Path(tmp, f"store-{n}")
            t0 = time.perf_counter()
            events = synthetic_store(store, n)
            made = time.perf_counter() - t0
            writes, runs, base = [], [], []
            for r in range(args.repeat):
                out = Path(tmp, f"overview-{n}-{r}.html")
                t0 = time.perf_counter()
                api.view(out, store)
                writes.append(time.perf_counter() - t0)
            html = out.read_text(encoding="utf-8")
            baseline = Path(tmp, f"pyvis-{n}.html")
            baseline.write_text(pyvis_page(html), encoding="utf-8")
            for _ in range(args.repeat):  # alternate, so drift hits both
                base.append(open_page(browser, baseline, args.timeout, ours=False))
                runs.append(open_page(browser, out, args.timeout, ours=True))
            assert all(r["blocked"] == 0 for r in runs), "the overview asked for something outside"
            assert runs[0]["total"] == base[0]["total"], (runs[0], base[0])
            rows.append({"actors": n, "events": events, "store_s": made, "page_mb": len(html) / 1e6,
                         "write": statistics.median(writes), "open": statistics.median(r["open"] for r in runs),
                         "all": statistics.median(r["all"] for r in runs), "shown": runs[0]["shown"],
                         "total": runs[0]["total"], "pyvis": statistics.median(b["open"] for b in base),
                         "pyvis_blocked": base[0]["blocked"]})
            print(f"  {n} actors measured", file=sys.stderr)
        browser.close()

    print(f"{'actors':>7} {'events':>7} {'page MB':>8} {'write s':>8} {'open s':>7} {'shown':>6} "
          f"{'all s':>6} {'drawn':>6} {'pyvis s':>8} {'ratio':>6}")
    for r in rows:
        print(f"{r['actors']:>7} {r['events']:>7} {r['page_mb']:>8.1f} {r['write']:>8.2f} {r['open']:>7.2f} "
              f"{r['shown']:>6} {r['all']:>6.2f} {r['total']:>6} {r['pyvis']:>8.2f} {r['open'] / r['pyvis']:>6.2f}")
    print(f"median of {args.repeat}; write = geopolkg view (store to page), open = navigation to the first "
          f"drawing of the overview, all = then every actor; pyvis = the same network, every actor drawn, "
          f"by pyvis's template (it tried {rows[0]['pyvis_blocked']} blocked CDN requests); ratio = open / pyvis")
    return 0


if __name__ == "__main__":
    sys.exit(main())
