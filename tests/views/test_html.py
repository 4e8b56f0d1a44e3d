"""Tests of the self-contained interactive HTML view (geopolkg.views.html)."""

from __future__ import annotations

import json
import pathlib
import re

import networkx as nx
import pytest

import geopolkg.views.html as view
from geopolkg.views.html import parse_evidence, render_html, safe_url, script_json, write_html

HOSTILE = "<img src=x onerror=alert(1)>"
DATA_BLOCK = re.compile(
    r'<script type="application/json" id="graph-data">(.*?)</script>', re.DOTALL
)


def evidence(*items: dict) -> str:
    base = {"event_type": "042", "date": "2024-05-01", "sentence": "", "article_title": "", "url": ""}
    return json.dumps([{**base, **item} for item in items])


def sample_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("XXX", label=HOSTILE, kind="armed group", code="XXX", events=4,
               evidence=evidence({"sentence": "</script><script>alert(2)</script>",
                                  "article_title": "Bad \u2028 title", "url": "javascript:alert(3)"}))
    G.add_node("ATT", label="AT&T", kind="organization", code="ATT", events=0)
    G.add_node("CIV", label="C\u00f4te d'Ivoire", kind="state", code="CIV", events=100,
               evidence=evidence({"sentence": "Abidjan signs.", "url": "https://example.org/a?x=1&y=2"}))
    G.add_node("USAGOV", label="US government", kind="government", code="USAGOV", events=9)
    G.add_edge("CIV", "ATT", relation="cooperation", weight=3.0, date_min="2024-02-01",
               date_max="2024-02-03", evidence=evidence({"url": "https://example.org/b"}))
    G.add_edge("XXX", "CIV", relation="conflict", weight=500.0, date_min="2024-01-01",
               date_max="2024-03-01")
    G.add_edge("XXX", "CIV", relation="opposition", weight=0.2, issue="Bagram")
    G.add_edge("CIV", "XXX", relation="alignment", weight=1.0, issue="trade",
               evidence=evidence({"url": "data:text/html,<script>alert(4)</script>"}))
    return G


def payload(page: str) -> dict:
    blocks = DATA_BLOCK.findall(page)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(sample_graph(), title="Test <b>graph</b> & co")


# -- self-contained ---------------------------------------------------------


def test_page_loads_nothing_from_other_hosts(page):
    assert 'src="http' not in page
    for tag in re.findall(r"<(?:link|script)\b[^>]*>", page, flags=re.IGNORECASE):
        assert "href=" not in tag and "src=" not in tag, tag
    assert "cdn" not in page
    lowered = page.lower()
    for host in ("unpkg", "jsdelivr", "bootstrap", "cdnjs", "googleapis"):
        assert host not in lowered
    assert re.search(r"<link\b", page, flags=re.IGNORECASE) is None


def test_vis_network_is_inlined(page):
    js, css = view._vis_assets()
    assert len(js) > 100_000 and js in page
    assert css in page
    assert "vis-network" in page and "@version 9.1.2" in page
    assert "new vis.Network(" in page
    assert "window.network = network" in page and "window.graphData = data" in page


def test_script_elements_are_not_broken_out_of(page):
    # Our three <script> elements open and close exactly once each.  (The
    # vis-network code contains the string "<script>" but no "</script" and
    # no "<!--", so it cannot end or re-enter its element.)
    js, _css = view._vis_assets()
    assert "</script" not in js.lower() and "<!--" not in js
    rest = page.replace(js, "")
    assert len(re.findall(r"<script\b", rest, flags=re.IGNORECASE)) == 3
    assert len(re.findall(r"</script", page, flags=re.IGNORECASE)) == 3
    assert "<!--" not in page


# -- untrusted text -----------------------------------------------------------


def test_hostile_name_only_escaped(page):
    block = DATA_BLOCK.search(page).group(1)
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in block
    assert "<img src=x" not in page
    assert "<img" not in page
    assert "alert(2)</script>" not in page
    assert "\u2028" not in page and "\u2029" not in page
    names = {n["name"] for n in payload(page)["nodes"]}
    assert HOSTILE in names


def test_ampersand_and_accents_round_trip(page):
    data = payload(page)
    names = {n["name"] for n in data["nodes"]}
    assert "AT&T" in names
    assert "C\u00f4te d'Ivoire" in names
    block = DATA_BLOCK.search(page).group(1)
    assert "&amp;" not in block and "AT\\u0026T" in block


def test_title_is_escaped(page):
    assert "<title>Test &lt;b&gt;graph&lt;/b&gt; &amp; co</title>" in page
    assert "<h1>Test &lt;b&gt;graph&lt;/b&gt; &amp; co</h1>" in page
    assert "<b>graph" not in page
    assert payload(page)["title"] == "Test <b>graph</b> & co"


def test_hostile_title_and_placeholder_like_text():
    G = nx.Graph()
    G.add_node("A", label="{{ vis_js }} {{ title }}", kind="state", code="A", events=1)
    out = render_html(G, title="</title><script>alert(1)</script>")
    assert "<script>alert(1)" not in out
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert out.count("@version 9.1.2") == 1  # the label was not substituted
    assert payload(out)["nodes"][0]["name"] == "{{ vis_js }} {{ title }}"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//example.org/x",
        "/relative/path",
        "http://",
        "https://exa mple.org/",
        "ftp://example.org/file",
        "",
        None,
        42,
    ],
)
def test_safe_url_rejects(url):
    assert safe_url(url) is None


@pytest.mark.parametrize("url", ["http://example.org", "https://example.org/a?x=1&y=2#f", " HTTPS://Example.org/ "])
def test_safe_url_accepts(url):
    assert safe_url(url) == url.strip()


def test_javascript_url_is_not_a_link(page):
    data = payload(page)
    hostile = next(n for n in data["nodes"] if n["code"] == "XXX")
    (item,) = hostile["evidence"]
    assert item["url"] is None
    assert item["url_text"] == "javascript:alert(3)"  # shown as plain text
    alignment = next(e for e in data["edges"] if e["relation"] == "alignment")
    assert alignment["evidence"][0]["url"] is None
    civ = next(n for n in data["nodes"] if n["code"] == "CIV")
    assert civ["evidence"][0]["url"] == "https://example.org/a?x=1&y=2"
    assert civ["evidence"][0]["url_text"] is None
    # The page's JavaScript checks the scheme again and builds links safely.
    assert 'p.protocol === "http:" || p.protocol === "https:"' in page
    assert 'a.rel = "noopener noreferrer"' in page and 'a.target = "_blank"' in page


def test_app_script_uses_text_only():
    template = (pathlib.Path(view.__file__).parent / "templates" / "graph.html").read_text()
    app = template.split("{{ vis_js }}", 1)[1]
    assert "innerHTML" not in app and "outerHTML" not in app
    assert "insertAdjacentHTML" not in app and "document.write" not in app
    assert "eval(" not in app


def test_parse_evidence_is_lenient():
    assert parse_evidence(None) == []
    assert parse_evidence("") == []
    assert parse_evidence("not json") == []
    assert parse_evidence('{"sentence": "one"}')[0]["sentence"] == "one"
    assert parse_evidence('[1, "x", {"sentence": 5}]') == [
        {"event_type": "", "date": "", "sentence": "5", "article_title": "", "url": None, "url_text": None}
    ]
    assert parse_evidence([{"url": "https://e.org"}])[0]["url"] == "https://e.org"


def test_script_json_escapes_and_round_trips():
    value = {"s": "</script><!-- & \u2028\u2029 >", "n": [1, 2.5, None, True]}
    text = script_json(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == value


# -- graph content ------------------------------------------------------------


def test_counts_match_the_graph(page):
    G = sample_graph()
    data = payload(page)
    assert len(data["nodes"]) == G.number_of_nodes()
    assert len(data["edges"]) == G.number_of_edges()
    assert len({e["id"] for e in data["edges"]}) == G.number_of_edges()
    assert data["directed"] is True


def test_undirected_multigraph_keeps_parallel_edges():
    G = nx.MultiGraph()
    G.add_node("A", label="A", kind="state", code="A", events=1)
    G.add_node("B", label="B", kind="state", code="B", events=1)
    G.add_edge("A", "B", relation="conflict", weight=1)
    G.add_edge("B", "A", relation="cooperation", weight=1)
    data = payload(render_html(G))
    assert len(data["edges"]) == 2
    assert data["directed"] is False
    assert all(e["arrows"]["to"]["enabled"] is False for e in data["edges"])
    # the parallel edges are drawn apart
    assert {json.dumps(e.get("smooth"), sort_keys=True) for e in data["edges"]} != {"null"}


@pytest.mark.parametrize("cls", [nx.Graph, nx.DiGraph, nx.MultiDiGraph])
def test_graph_types(cls):
    G = cls()
    G.add_node(1, label="One", kind="person", code="P1", events=2)
    G.add_node("1x", label="Other one", kind="unknown-kind", code="", events="7")
    G.add_edge(1, "1x", relation="alignment", weight=2.0)
    data = payload(render_html(G))
    assert len(data["nodes"]) == 2 and len(data["edges"]) == 1
    assert data["edges"][0]["arrows"]["to"]["enabled"] is G.is_directed()
    kinds = {n["name"]: n["kind"] for n in data["nodes"]}
    assert kinds["One"] == "person"


def test_visual_encoding(page):
    data = payload(page)
    nodes = {n["code"]: n for n in data["nodes"]}
    # size and label follow importance (the events an actor carried out here)
    assert nodes["ATT"]["size"] < nodes["XXX"]["size"] < nodes["CIV"]["size"]
    assert nodes["ATT"]["font"]["size"] < nodes["XXX"]["font"]["size"] < nodes["CIV"]["font"]["size"]
    assert [n["code"] for n in data["nodes"]] == ["CIV", "USAGOV", "XXX", "ATT"]  # rank order
    assert [n["rank"] for n in data["nodes"]] == [0, 1, 2, 3]
    assert nodes["CIV"]["color"]["background"] == view.KIND_COLORS["state"]
    assert nodes["XXX"]["color"]["background"] == view.KIND_COLORS["armed group"]
    edges = {e["relation"]: e for e in data["edges"]}
    assert edges["cooperation"]["color"]["color"] == view.RELATION_STYLES["cooperation"]["color"]
    assert edges["conflict"]["color"]["color"] != edges["cooperation"]["color"]["color"]
    assert edges["opposition"]["dashes"] is True and edges["conflict"]["dashes"] is False
    assert edges["conflict"]["width"] == 10  # clamped
    assert edges["opposition"]["width"] >= 1
    assert edges["opposition"]["issue"] == "Bagram"
    assert edges["cooperation"]["date_min"] == "2024-02-01"
    assert data["dateRange"] == ["2024-01-01", "2024-03-01"]
    # tooltips are plain strings (vis-network shows a string title as text)
    assert all(isinstance(x["title"], str) for x in data["nodes"] + data["edges"])
    assert {r["name"] for r in data["relations"]} >= {"cooperation", "conflict", "opposition", "alignment"}


def test_positions_come_from_python(page):
    data = payload(page)
    assert data["physics"] is False and data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    # labels under 11 px on screen are not drawn (vis-network's threshold is one pixel above)
    assert data["options"]["nodes"]["scaling"]["label"]["drawThreshold"] == view.MIN_LABEL_PX + 1
    assert render_html(sample_graph()) == render_html(sample_graph())  # the same page every time


def _boxes(nodes):
    out = []
    for n in nodes:
        w, h, dy = n["box"]
        out.append((n["x"] - w / 2, n["y"] + dy - h / 2, n["x"] + w / 2, n["y"] + dy + h / 2))
    return out


def _overlapping(boxes):
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[:i])
            if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1]


def test_large_graph_opens_on_its_most_important_part_in_levels():
    G = nx.gnm_random_graph(300, 500, seed=3)
    nx.set_node_attributes(G, "state", "kind")
    nx.set_node_attributes(G, {n: f"Actor number {n}" for n in G}, "label")
    nx.set_node_attributes(G, {n: 1 + (n * 7) % 40 for n in G}, "events")
    nx.set_edge_attributes(G, "conflict", "relation")
    data = payload(render_html(G))
    assert [lv["count"] for lv in data["levels"]] == [50, 100, 200, 300]
    nodes = data["nodes"]
    assert [n["tier"] for n in nodes] == [0] * 50 + [1] * 50 + [2] * 100 + [3] * 100
    events = [n["events"] for n in nodes]
    assert events[:50] == sorted(events, reverse=True)[:50]  # the most active first
    # no two of the first level's boxes (dot and label) overlap where the page opens
    assert _overlapping(_boxes(nodes[:50])) == []
    # at each level a node sits at its place in its group plus its group's offset
    for k, level in enumerate(data["levels"]):
        for n in nodes[:level["count"]]:
            dx, dy = level["offsets"].get(str(n["part"]), [0, 0])
            if n["tier"] == k:
                assert (round(n["lx"] + dx, 1), round(n["ly"] + dy, 1)) == (n["x"], n["y"])


def test_empty_graph_renders():
    out = render_html(nx.Graph())
    data = payload(out)
    assert data["nodes"] == [] and data["edges"] == []
    assert re.search(r'<div id="empty" class="notice"\s*>No actors to show</div>', out)


def test_non_empty_graph_hides_empty_notice(page):
    assert re.search(r'<div id="empty" class="notice" hidden>No actors to show</div>', page)


def test_bad_height_is_rejected():
    with pytest.raises(ValueError):
        render_html(nx.Graph(), height="800px;background:url(http://x)")
    assert "height: 60vh;" in render_html(nx.Graph(), height="60vh")


def test_write_html(tmp_path):
    out = write_html(sample_graph(), tmp_path / "sub" / "graph.html", title="AT&T")
    assert isinstance(out, pathlib.Path) and out.is_file()
    text = out.read_text(encoding="utf-8")
    assert "<title>AT&amp;T</title>" in text
    assert len(payload(text)["nodes"]) == 4
