"""How long the HTML view takes to be drawn and stable in headless Chromium.

Builds views of synthetic actor graphs (500, 2,000 and 5,000 actors, four
relations per actor, so 20,000 relations at the view's cap) and opens each
in Debian's Chromium through Playwright, every request outside the machine
blocked. Measured, per page, from the start of navigation
(``performance.now()``):

* *drawn*: the first drawing after the layout (vis's stabilization for
  graphs up to 1,000 nodes, the positions precomputed in Python above);
* *stable*: the first drawing once vis's physics has come to rest.

Baseline, measured in the same run: the same ``pyvis.Network`` (same nodes,
edges, options and positions) written by pyvis's own template in its
"in_line" mode (vis-network inlined; its CDN links for Bootstrap are blocked
and fail at once). The ratio ``ours / pyvis`` shows what our page (escaped
JSON data block, data view with filters, legend, search index, evidence
panel) costs over a bare pyvis page. Python build times (layout and HTML)
are printed too.

Both pages are timed by the same hook, installed before any page script:
it catches the page's global ``network`` when it is assigned and listens to
vis's ``stabilizationIterationsDone``, ``stabilized`` and ``afterDrawing``.

Usage::

    python bench/view_render.py [--sizes 500,2000,5000] [--repeat 3] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from geopolkg.views.html import KIND_COLORS, LARGE_GRAPH_NODES, build_network, render_html

KINDS = [k for k in KIND_COLORS if k not in ("other", "event")]
RELATIONS = ["cooperation", "conflict", "opposition", "alignment"]

# Installed before the page's scripts: timestamps for whichever page assigns window.network.
HOOK = """
(() => {
  const t = { created: null, layoutDone: null, stabilized: null, drawn: null, stable: null };
  window.__timing = t;
  let net;
  Object.defineProperty(window, "network", { configurable: true, get() { return net; }, set(v) {
    net = v;
    if (t.created !== null) return;
    t.created = performance.now();
    const physics = v.physics.options.enabled && v.physics.options.stabilization.enabled;
    let layoutDone = !physics, stabilized = !v.physics.options.enabled;
    v.once("stabilizationIterationsDone", () => { layoutDone = true; t.layoutDone = performance.now(); });
    v.on("stabilized", () => { if (!stabilized) { stabilized = true; t.stabilized = performance.now(); v.redraw(); } });
    v.on("afterDrawing", () => {
      if (!layoutDone || t.stable !== null) return;
      const now = performance.now();
      if (t.drawn === null) t.drawn = now;
      if (stabilized || !v.physics.options.enabled) {
        t.stable = now;
        document.documentElement.setAttribute("data-bench-stable", "");
      }
    });
  }});
})();
"""


def synthetic_graph(actors: int, per_actor: int = 4, seed: int = 7) -> nx.MultiDiGraph:
    """An actor graph with the attributes of :func:`geopolkg.graph.actor_graph`.

    Relations follow preferential attachment (a few actors take part in
    many), as in news coverage; weights, dates and one evidence item each.
    """
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    for i in range(actors):
        code = f"A{i:05d}"
        G.add_node(code, label=f"Actor {i} of {rng.choice(['Ruritania', 'Côte d’Ivoire', 'AT&T'])}",
                   code=code, kind=rng.choice(KINDS), events=rng.randint(1, 60),
                   evidence=json.dumps([{"event_type": "042", "date": "2024-05-01", "sentence": f"Actor {i} visited.",
                                         "article_title": "Synthetic", "url": f"https://example.org/{i}"}]))
    ends = [f"A{i:05d}" for i in range(actors)]
    for k in range(actors * per_actor):
        a = ends[rng.randrange(len(ends))]
        b = f"A{rng.randrange(actors):05d}"
        if a == b:
            b = f"A{(int(b[1:]) + 1) % actors:05d}"
        ends.append(a)  # rich get richer
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        G.add_edge(a, b, relation=rng.choice(RELATIONS), weight=round(rng.uniform(0.1, 5.0), 2),
                   issue=rng.choice(["", "Bagram", "trade"]), date_min=day, date_max=day,
                   evidence=json.dumps([{"event_type": "190", "date": day, "sentence": f"Relation {k}.",
                                         "article_title": "Synthetic", "url": ""}]))
    return G


def pyvis_page(G: nx.MultiDiGraph) -> str:
    """The same network written by pyvis's own template (vis inlined)."""
    return build_network(G).generate_html()


def measure(browser, path: Path, timeout_s: float) -> dict:
    blocked: list[str] = []
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.add_init_script(HOOK)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
               else (blocked.append(r.request.url), r.abort()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri(), wait_until="load", timeout=timeout_s * 1000)
    # an attribute, not wait_for_function: its polling evaluates strings, which the pages' CSP forbids
    page.wait_for_selector("html[data-bench-stable]", state="attached", timeout=timeout_s * 1000)
    timing = page.evaluate("window.__timing")
    nodes = page.evaluate("window.network.body.nodeIndices.length")
    page.close()
    if errors:
        raise RuntimeError(f"{path.name}: {errors[0]}")
    return {**timing, "nodes": nodes, "blocked": len(blocked)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per page")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for n in sizes:
            G = synthetic_graph(n)
            t0 = time.perf_counter()
            ours = render_html(G, f"{n} actors")
            build_s = time.perf_counter() - t0
            base = pyvis_page(G)
            paths = {"ours": Path(tmp, f"ours-{n}.html"), "pyvis": Path(tmp, f"pyvis-{n}.html")}
            paths["ours"].write_text(ours, encoding="utf-8")
            paths["pyvis"].write_text(base, encoding="utf-8")
            runs = {"ours": [], "pyvis": []}
            for _ in range(args.repeat):
                for name in ("pyvis", "ours"):  # alternate, so drift hits both
                    runs[name].append(measure(browser, paths[name], args.timeout))
            med = {name: {key: statistics.median(r[key] for r in rs) for key in ("drawn", "stable")}
                   for name, rs in runs.items()}
            drawn_nodes = {name: rs[0]["nodes"] for name, rs in runs.items()}
            assert drawn_nodes["ours"] == drawn_nodes["pyvis"] == n, drawn_nodes
            assert all(r["blocked"] == 0 for r in runs["ours"]), "our page asked for something outside"
            rows.append((n, G.number_of_edges(), n > LARGE_GRAPH_NODES, build_s, len(ours), med,
                         runs["pyvis"][0]["blocked"]))
            print(f"  {n} actors measured", file=sys.stderr)
        browser.close()

    print(f"{'actors':>7} {'relations':>9} {'layout':>10} {'build s':>8} {'page MB':>8} "
          f"{'ours drawn':>11} {'ours stable':>12} {'pyvis drawn':>12} {'pyvis stable':>13} {'ratio':>6}")
    for n, m, large, build_s, size, med, pyvis_blocked in rows:
        ratio = med["ours"]["stable"] / med["pyvis"]["stable"]
        print(f"{n:>7} {m:>9} {'python' if large else 'vis':>10} {build_s:>8.2f} {size / 1e6:>8.1f} "
              f"{med['ours']['drawn'] / 1000:>10.2f}s {med['ours']['stable'] / 1000:>11.2f}s "
              f"{med['pyvis']['drawn'] / 1000:>11.2f}s {med['pyvis']['stable'] / 1000:>12.2f}s {ratio:>6.2f}")
    print(f"median of {args.repeat} page loads each; ratio = ours stable / pyvis stable "
          f"(pyvis pages tried {rows[0][6]} blocked CDN requests each; ours none)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
