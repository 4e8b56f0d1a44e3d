"""The HTML view in headless Chromium (Playwright driving Debian's chromium).

Needs ``pip install playwright`` (no ``playwright install``: the browser is
the system one, ``apt-get install chromium``).  Set GEOPOLKG_CHROMIUM to use
another binary.  Without them the tests are skipped, except when CI=true,
where they fail.  Every request that is not for a file: URL is blocked and
recorded, so the page must work offline.
"""

from __future__ import annotations

import base64
import io
import json
import os
import pathlib

import networkx as nx
import pytest

import geopolkg.api as api
from geopolkg.graph.level import at_level
from geopolkg.views.html import write_html

CHROMIUM = os.environ.get("GEOPOLKG_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = "<img src=x onerror=alert(1)>"


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright; no `playwright install` needed)"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"no chromium at {CHROMIUM} (apt-get install chromium, or set GEOPOLKG_CHROMIUM)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser test cannot run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Loaded:
    """A page opened on a file, with what it logged and tried to fetch."""

    def __init__(self, browser, path: pathlib.Path):
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.page = browser.new_page(viewport={"width": 1300, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.add_init_script("window.__alerts = 0; window.alert = function () { window.__alerts += 1; };")
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.network !== undefined && window.graphData !== undefined")

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def js(self, expr: str):
        return self.page.evaluate(expr)

    def ready(self) -> None:
        """Wait until the graph is drawn and its layout has come to rest."""
        self.page.wait_for_selector("body[data-state=ready]", state="attached", timeout=30_000)

    def canvas_spread(self) -> float:
        """Standard deviation of the grey levels of vis's canvas (0 for a blank one).

        The canvas's own pixels (as PNG), not a screenshot of the page, so the
        legend and messages laid over it do not count.
        """
        from PIL import Image, ImageStat

        url = self.js("document.querySelector('#graph canvas').toDataURL('image/png')")
        drawn = Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGBA")
        paper = Image.new("RGBA", drawn.size, "white")
        return ImageStat.Stat(Image.alpha_composite(paper, drawn).convert("L")).stddev[0]

    def click_node(self, node_id: str) -> None:
        """Click a node where it is drawn, as a user would."""
        x, y = self.js(f"""(() => {{
            const p = network.canvasToDOM(network.getPositions([{json.dumps(node_id)}])[{json.dumps(node_id)}]);
            const r = document.getElementById("graph").getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }})()""")
        self.page.mouse.click(x, y)


def show_all(view) -> list[int]:
    """Click "More" until it is disabled; return the number of nodes shown at each step."""
    counts = [view.js("window.network.body.data.nodes.length")]
    while not view.page.is_disabled("#show-more"):
        view.page.click("#show-more")
        counts.append(view.js("window.network.body.data.nodes.length"))
    return counts


def ev(**item) -> dict:
    return {"event_type": "042", "date": "2024-05-01", "sentence": "", "article_title": "", "url": "", **item}


def hostile_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("XXX", label=HOSTILE, kind="armed group", code="XXX", events=4,
               evidence=json.dumps([ev(sentence="<b onmouseover=alert(2)>bold</b>", article_title="<i>T</i>",
                                       url="javascript:alert(3)")]))
    G.add_node("ATT", label="AT&T", kind="organization", code="ATT", events=1)
    G.add_node("CIV", label="C\u00f4te d'Ivoire", kind="state", code="CIV", events=30,
               evidence=json.dumps([ev(sentence="Signed.", url="https://example.org/a?x=1&y=2")]))
    G.add_edge("CIV", "ATT", relation="cooperation", weight=3.0, date_min="2024-02-01", date_max="2024-02-01",
               evidence=json.dumps([ev(sentence="Deal & more.", url="https://example.org/b")]))
    G.add_edge("XXX", "CIV", relation="conflict", weight=9.0, date_min="2024-06-01", date_max="2024-07-01")
    G.add_edge("XXX", "CIV", relation="opposition", weight=1.0, issue="Bagram")
    return G


def test_page_draws_offline_and_safely(browser, tmp_path):
    path = write_html(hostile_graph(), tmp_path / "g.html", title="<script>alert(5)</script>")
    view = Loaded(browser, path)
    page = view.page
    view.ready()
    assert view.canvas_spread() > 5  # something is drawn
    assert view.js("window.network.body.data.nodes.length") == 3
    assert view.js("window.network.body.nodeIndices.length") == 3
    view.click_node("XXX")
    assert page.inner_text("#panel-body h2") == HOSTILE
    page.click("#panel-close")
    assert view.js("window.network.body.data.edges.length") == 3
    assert view.js("window.graphData.nodes.length") == 3
    assert page.title() == "<script>alert(5)</script>"
    assert page.inner_text("h1") == "<script>alert(5)</script>"
    # names are drawn as text on the canvas; find the hostile one by name
    page.fill("#search", "img src")
    page.click("#search-form button[type=submit]")
    assert view.js("window.network.getSelectedNodes()") == ["XXX"]
    assert page.inner_text("#panel-body h2") == HOSTILE
    assert page.locator("#panel-body img, #panel-body b, #panel-body i").count() == 0
    assert "<b onmouseover=alert(2)>bold</b>" in page.inner_text("#panel-body")
    assert page.locator("#panel-body a").count() == 0  # javascript: stays text
    assert "javascript:alert(3)" in page.inner_text("#panel-body")
    # tooltips are text, too
    assert view.js("typeof window.network.body.nodes['XXX'].options.title") == "string"
    page.mouse.move(5, 5)
    page.screenshot(path=str(tmp_path / "view.png"))
    assert view.js("window.__alerts") == 0
    assert view.blocked == []
    assert view.errors == []


def test_search_panel_links_and_filters(browser, tmp_path):
    view = Loaded(browser, write_html(hostile_graph(), tmp_path / "g.html"))
    page = view.page
    page.fill("#search", "cote d'ivoire")  # accents and case do not matter
    page.press("#search", "Enter")
    assert view.js("window.network.getSelectedNodes()") == ["CIV"]
    assert page.inner_text("#panel-body h2") == "C\u00f4te d'Ivoire"
    link = page.locator("#panel-body a")
    assert link.count() == 1
    assert link.get_attribute("href") == "https://example.org/a?x=1&y=2"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.get_attribute("target") == "_blank"
    # clicking a link of the actor shows the edge's evidence
    page.click("#panel-body button.link >> text=cooperation")
    assert page.inner_text("#panel-body h2") == "C\u00f4te d'Ivoire \u2192 AT&T"
    assert "Deal & more." in page.inner_text("#panel-body")

    edges = "window.network.body.data.edges.length"
    assert view.js(edges) == 3
    page.uncheck("#relations input[value=conflict]")
    assert view.js(edges) == 2
    page.check("#relations input[value=conflict]")
    page.fill("#date-to", "2024-03-01")
    page.dispatch_event("#date-to", "change")
    assert view.js(edges) == 2  # conflict (June) out; undated opposition stays
    page.uncheck("#show-undated")
    assert view.js(edges) == 1
    page.click("#date-reset")
    page.check("#show-undated")
    assert view.js(edges) == 3
    page.fill("#search", "nobody at all")
    page.press("#search", "Enter")
    assert "No actor matches" in page.inner_text("#search-status")
    assert view.blocked == [] and view.errors == []


def test_empty_graph_in_browser(browser, tmp_path):
    view = Loaded(browser, write_html(nx.Graph(), tmp_path / "empty.html"))
    view.ready()
    assert view.canvas_spread() == 0  # the blank canvas that the other tests' pages are not
    assert view.js("window.network.body.data.nodes.length") == 0
    assert view.page.is_visible("text=No actors to show")
    assert view.blocked == [] and view.errors == []


def test_large_graph_opens_on_a_part_and_shows_more(browser, tmp_path):
    G = nx.gnm_random_graph(250, 400, seed=7, directed=True)
    nx.set_node_attributes(G, "state", "kind")
    nx.set_edge_attributes(G, "cooperation", "relation")
    view = Loaded(browser, write_html(G, tmp_path / "big.html"))
    view.ready()
    assert view.js("window.graphData.physics") is False
    assert view.js("window.network.physics.options.enabled") is False
    assert view.js("window.graphData.nodes.length") == 250
    assert view.js("window.network.body.data.nodes.length") == 50
    assert show_all(view) == [50, 100, 200, 250]
    assert view.js("window.network.body.nodeIndices.length") == 250
    view.page.click("#show-fewer")
    assert view.js("window.network.body.data.nodes.length") == 200
    assert view.blocked == [] and view.errors == []


def test_seed_article_view_draws_and_shows_evidence_on_click(browser, seed_store, tmp_path):
    path = api.view(tmp_path / "seed.html", seed_store, title="Bagram")
    view = Loaded(browser, path)
    page = view.page
    view.ready()
    assert view.canvas_spread() > 5
    # the article's actors (the US, the Taliban, China, and any other the extractor finds), drawn
    actors = sorted(api.actor_graph(seed_store).nodes)
    assert {"AFG", "CHN", "USA"} <= set(actors)  # one node per country
    assert view.js("window.network.body.nodeIndices.slice().sort()") == actors
    assert view.js("window.graphData.nodes.length") == len(actors)
    view.click_node("CHN")
    assert view.js("window.network.getSelectedNodes()") == ["CHN"]
    assert page.inner_text("#panel-body h2") == "China"
    panel = page.inner_text("#panel-body")
    assert "Washington in Talks with Taliban Over Re-Establishing Forces in Afghanistan" in panel  # article title
    assert "2025-09-20" in panel
    assert "Lin warned against foreign interference" in panel  # a sentence China's events come from
    assert view.js("window.__alerts") == 0
    assert view.blocked == [] and view.errors == []



# -- the views of the Reuters geopolitics stories ---------------------------------------------------

LABELS = """(() => {
  const scale = network.getScale(), ids = network.body.nodeIndices;
  return ids.map(id => { const n = network.body.nodes[id];
    return {id: id, label: n.options.label, px: n.options.font.size * scale, box: network.getBoundingBox(id)}; });
})()"""


def _overlaps(labels):
    boxes = [(x["id"], x["box"]) for x in labels]
    return [(a, b) for i, (a, p) in enumerate(boxes) for b, q in boxes[:i]
            if p["left"] < q["right"] and q["left"] < p["right"] and p["top"] < q["bottom"] and q["top"] < p["bottom"]]


def test_reuters_overview_reads_at_first_sight(browser, reuters_store, tmp_path):
    records = api.events(reuters_store)
    leveled = at_level(records)  # one actor per country, as the view draws them
    actors = {e[r]["code"] for e in leveled for r in ("actor", "target") if e[r]}
    view = Loaded(browser, api.view(tmp_path / "overview.html", reuters_store))
    page = view.page
    view.ready()
    assert view.canvas_spread() > 5
    shown = view.js("network.body.nodeIndices.length")
    assert 50 <= shown <= 80 < len(actors)  # the main actors, not all of them
    labels = view.js(LABELS)
    # every shown actor's label is drawn (vis leaves out those under 11 px), and none is smaller
    assert all(x["label"] and x["px"] >= 11 for x in labels), [x for x in labels if x["px"] < 11]
    assert _overlaps(labels) == []  # and no two actors' dot-and-label boxes overlap
    # the ones shown are the most involved actors
    involved = {}
    for e in leveled:
        for code in {e["actor"]["code"], *([e["target"]["code"]] if e["target"] else [])}:
            involved[code] = involved.get(code, 0) + 1
    top = sorted(involved.values(), reverse=True)
    assert sorted((involved[x["id"]] for x in labels), reverse=True) == top[:shown]
    # the camps sit apart: no camp's actors are inside another camp's area
    camps = view.js("""(() => { const pos = network.getPositions(network.body.nodeIndices), out = {};
      network.body.nodeIndices.forEach(id => { const n = graphData.nodes.find(m => m.id === id);
        if (n.camp < 0) return; const b = network.getBoundingBox(id);
        const c = out[n.camp] = out[n.camp] || {left: 1e9, top: 1e9, right: -1e9, bottom: -1e9};
        c.left = Math.min(c.left, b.left); c.top = Math.min(c.top, b.top);
        c.right = Math.max(c.right, b.right); c.bottom = Math.max(c.bottom, b.bottom); });
      return out; })()""")
    assert len(camps) >= 2
    spans = list(camps.items())
    for i, (c1, a) in enumerate(spans):
        for c2, b in spans[:i]:
            assert a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"], (c1, c2)
    # edges: coloured by sign, the light ones hidden until the slider is moved
    drawn = view.js("network.body.data.edges.length")
    page.fill("#min-weight", "0")
    page.dispatch_event("#min-weight", "input")
    everything = view.js("network.body.data.edges.length")
    assert 0 < drawn < everything
    colours = view.js("[...new Set(network.body.data.edges.get().map(e => e.relation + ' ' + e.color.color))]")
    assert set(colours) <= {"cooperation #2ca02c", "conflict #d62728", "neutral #a0a0a0"}
    # "More" reaches every actor
    counts = show_all(view)
    assert counts[-1] == len(actors) and counts == sorted(counts)
    # a relation's evidence sentences on a click
    page.click("#show-fewer")
    view.click_node("IRN")
    assert page.inner_text("#panel-body h2") == "Iran"
    page.click("#panel-body button.link >> nth=0")
    text = page.inner_text("#panel-body")
    assert "evidence (" in text.lower() and page.locator("#panel-body blockquote").count() > 0
    sentences = {e["sentence"] for e in records}
    assert page.inner_text("#panel-body blockquote >> nth=0") in sentences
    assert view.js("window.__alerts") == 0
    assert view.blocked == [] and view.errors == []


def _contested_issue(store) -> str:
    """The key of the issue with the most actors on both sides."""
    sides = {}
    for s in api.stance(store):
        sides.setdefault(s["issue_key"], {"supports": 0, "opposes": 0, "mixed": 0})[s["stance"]] += 1
    return max(sides, key=lambda k: (min(sides[k]["supports"], sides[k]["opposes"]), sum(sides[k].values()), k))


def test_reuters_issue_view_puts_the_sides_apart(browser, reuters_store, tmp_path):
    issue = _contested_issue(reuters_store)
    view = Loaded(browser, api.view(tmp_path / "issue.html", reuters_store, issue))
    page = view.page
    view.ready()
    nodes = view.js("graphData.nodes.map(n => [n.id, n.side, n.score, n.label])")
    pos = view.js("network.getPositions()")
    x = {side: [pos[i]["x"] for i, s, *_ in nodes if s == side] for side in ("supports", "undecided", "opposes")}
    assert x["supports"] and x["opposes"]
    assert max(x["supports"]) < min(x["opposes"])
    if x["undecided"]:
        assert max(x["supports"]) < min(x["undecided"]) and max(x["undecided"]) < min(x["opposes"])
    # each actor shows its stance score; the scores are those of geopolkg stance on the matching issues
    expected = {}
    for s in api.stance(reuters_store, issue):
        expected[s["actor"]["code"]] = expected.get(s["actor"]["code"], 0.0) + s["score"]
    for code, side, score, label in nodes:
        assert abs(score - round(expected.get(code, 0.0), 3)) < 1e-6, code
        assert label.endswith(f"{score:+.1f}" if score else "0")
    labels = view.js(LABELS)
    assert all(x["px"] >= 11 for x in labels) and _overlaps(labels) == []
    # a click on a supporter gives the sentences of its stance events
    code = max((n for n in nodes if n[1] == "supports"), key=lambda n: n[2])[0]
    view.click_node(code)
    quotes = page.locator("#panel-body blockquote").all_inner_texts()
    mine = {e["sentence"] for e in at_level(api.events(reuters_store)) if e["actor"]["code"] == code and e["stance"] == 1}
    assert quotes and quotes[0] in mine
    assert "supports (stance +" in page.inner_text("#panel-body .meta")
    assert view.blocked == [] and view.errors == []


def _open_timeline(browser, path):
    view = TimelinePage(browser, path)
    view.page.wait_for_selector("body[data-state=ready]", state="attached", timeout=30_000)
    return view


class TimelinePage(Loaded):
    def __init__(self, browser, path):
        self.errors, self.blocked = [], []
        self.page = browser.new_page(viewport={"width": 1300, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.add_init_script("window.__alerts = 0; window.alert = function () { window.__alerts += 1; };")
        self.page.goto(path.resolve().as_uri())


def test_reuters_timeline_draws_and_a_click_lists_the_events(browser, reuters_store, tmp_path):
    t = api.timeline(reuters_store, actors=["IRNGOV", "IRQGOV"])
    view = _open_timeline(browser, t.save(tmp_path / "timeline.html"))
    page = view.page
    assert page.locator(".barlayer .point path").count() > 0
    # the tallest conflict bar: find it by its data, click where it is drawn, away from the tone's marker
    conflict = [r for r in t.rows if r["conflict"]]
    busiest = max(conflict, key=lambda r: (r["conflict"], r["window"]))
    x, y = view.js("""((index) => {
      let bar = null;
      for (const tr of document.querySelectorAll(".barlayer .trace")) {
        if (tr.__data__[0].trace.name !== "conflict") continue;
        for (const p of tr.querySelectorAll(".point")) if (p.__data__.i === index) bar = p.getBoundingClientRect(); }
      const marks = [...document.querySelectorAll(".scatterlayer .point")].filter(p => p.__data__.i === index)
        .map(p => p.getBoundingClientRect());
      const mark = marks.length ? marks[0].y + marks[0].height / 2 : -1e9;
      const y = Math.abs(bar.y + bar.height * 0.2 - mark) > Math.abs(bar.y + bar.height * 0.8 - mark)
        ? bar.y + bar.height * 0.2 : bar.y + bar.height * 0.8;
      return [bar.x + bar.width / 2, y]; })(%d)""" % t.rows.index(busiest))
    page.mouse.click(x, y)
    heading = page.inner_text("#events h2")
    assert heading == f"{busiest['window']}: {busiest['conflict']} conflict events"
    listed = page.locator("#events blockquote").all_inner_texts()
    by_id = {e["id"]: e for e in api.events(reuters_store)}
    assert listed == [by_id[i]["sentence"] for i in busiest["evidence"]["conflict"]][:300]
    assert view.js("window.__alerts") == 0
    assert view.blocked == [] and view.errors == []


def test_article_text_never_runs_in_the_views(browser, tmp_path):
    """Hostile titles and sentences go in through the API and come out as text only."""
    store = tmp_path / "hostile"
    hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    summary = api.ingest_text([
        {"id": "h1", "published": "1987-03-04", "title": hostile, "url": "javascript:alert(3)",
         "text": f"Iran accused Iraq on Monday of shelling its towns {hostile}. Iraq rejected the charge."},
        {"id": "h2", "published": "1987-04-17", "title": "<svg onload=alert(4)>",
         "text": "Iran warned the United States on Thursday against sending warships to the Gulf."},
    ], store=store)
    assert summary.stored == 2
    for path in (api.view(tmp_path / "o.html", store), api.view(tmp_path / "e.html", store, kind="events")):
        view = Loaded(browser, path)
        view.ready()
        view.click_node("IRN")
        view.page.click("#panel-body button.link >> nth=0")
        assert hostile in view.page.inner_text("#panel-body")
        assert view.page.locator("#panel-body img, #panel-body script, #panel-body svg").count() == 0
        assert view.js("window.__alerts") == 0 and view.blocked == [] and view.errors == []
    t = api.timeline(store, actors=["Iran"])
    view = _open_timeline(browser, t.save(tmp_path / "t.html"))
    view.js("listEvents('1987-03', 'conflict')")
    assert hostile in view.page.inner_text("#events") and view.page.locator("#events img, #events a").count() == 0
    assert view.js("window.__alerts") == 0 and view.blocked == [] and view.errors == []
