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


def test_large_graph_without_physics(browser, tmp_path):
    G = nx.gnm_random_graph(250, 400, seed=7, directed=True)  # above LARGE_GRAPH_NODES (50)
    nx.set_node_attributes(G, "state", "kind")
    nx.set_edge_attributes(G, "cooperation", "relation")
    view = Loaded(browser, write_html(G, tmp_path / "big.html"))
    assert view.js("window.graphData.physics") is False
    assert view.js("window.network.body.data.nodes.length") == 250
    assert view.js("window.network.physics.options.enabled") is False
    assert view.blocked == [] and view.errors == []


def test_seed_article_view_draws_and_shows_evidence_on_click(browser, seed_store, tmp_path):
    path = api.view(tmp_path / "seed.html", seed_store, title="Bagram")
    view = Loaded(browser, path)
    page = view.page
    view.ready()
    assert view.canvas_spread() > 5
    # the article's actors (the US, the Taliban, China, and any other the extractor finds), drawn
    actors = sorted(api.actor_graph(seed_store).nodes)
    assert {"AFGGOV", "CHNGOV", "USAGOV"} <= set(actors)
    assert view.js("window.network.body.nodeIndices.slice().sort()") == actors
    assert view.js("window.graphData.nodes.length") == len(actors)
    view.click_node("CHNGOV")
    assert view.js("window.network.getSelectedNodes()") == ["CHNGOV"]
    assert page.inner_text("#panel-body h2") == "China"
    panel = page.inner_text("#panel-body")
    assert "Washington in Talks with Taliban Over Re-Establishing Forces in Afghanistan" in panel  # article title
    assert "2025-09-20" in panel
    assert "Lin warned against foreign interference" in panel  # a sentence China's events come from
    assert view.js("window.__alerts") == 0
    assert view.blocked == [] and view.errors == []

