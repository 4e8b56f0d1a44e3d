"""The signed network, its layers, centrality and trends on small hand-made event lists."""

import io

import networkx as nx
import pytest

from geopolkg.errors import AnalysisError
from geopolkg.graph.centrality import centrality, layer_centrality
from geopolkg.graph.signed import in_window, layer_graph, pairs, signed_graph
from geopolkg.graph.trends import pair_tones, trends, window_of

A = {"name": "Iran", "code": "IRNGOV"}
B = {"name": "Iraq", "code": "IRQGOV"}
C = {"name": "United States", "code": "USAGOV"}


def _ev(i, actor, target, goldstein, quad, date, conf=1.0):
    return {"id": f"e{i}", "actor": actor, "target": target, "goldstein": goldstein, "quad_class": quad,
            "confidence": conf, "date": date, "issue_key": None, "issue": None, "stance": 0}


EVENTS = [
    _ev(1, A, B, -10.0, 4, "1987-03-01", 0.5),   # fight: -5
    _ev(2, B, A, -10.0, 4, "1987-04-07"),        # fight: -10
    _ev(3, A, C, -2.0, 3, "1987-03-25"),         # accuse: -2
    _ev(4, C, A, 1.0, 1, "1987-04-02"),          # consult: +1
    _ev(5, B, C, 3.4, 1, "1987-04-10", 0.5),     # praise: +1.7
    _ev(6, A, A, -10.0, 4, "1987-04-11"),        # no target of its own: not a relation
    _ev(7, C, None, 0.0, 1, "1987-04-12"),       # no target
    _ev(8, C, B, 0.0, 1, None),                  # undated statement: counts, no weight
]


def test_signed_weights_by_hand():
    G = signed_graph(EVENTS)
    assert set(G.nodes) == {"IRN", "IRQ", "USA"}
    ab, ac, bc = G.edges["IRN", "IRQ"], G.edges["IRN", "USA"], G.edges["IRQ", "USA"]
    assert (ab["weight"], ab["sign"], ab["count"], ab["conflict"]) == (-15.0, -1, 2, 2)
    assert (ac["weight"], ac["positive"], ac["negative"], ac["cooperation"]) == (-1.0, 1.0, 2.0, 1)
    assert (bc["weight"], bc["sign"], bc["count"], bc["date_min"], bc["date_max"]) == (1.7, 1, 2, "1987-04-10", "1987-04-10")
    assert ab["evidence"] == '["e1", "e2"]'
    assert G.nodes["USA"]["events"] == 2  # e4, e8 (e7 has no target)


def test_window_keeps_dated_events_inside():
    G = signed_graph(EVENTS, since="1987-04-01", until="1987-04-30")
    assert G.edges["IRN", "IRQ"]["weight"] == -10.0
    assert G.edges["IRQ", "USA"]["count"] == 1  # the undated e8 is out
    assert len(in_window(EVENTS, until="1987-03-31")) == 2
    with pytest.raises(AnalysisError, match="since"):
        in_window(EVENTS, since="March")
    with pytest.raises(AnalysisError, match="after"):
        in_window(EVENTS, since="1987-05-01", until="1987-04-01")


def test_layers_and_pairs():
    conflict = layer_graph(EVENTS, "conflict")
    assert {(u, v): d["weight"] for u, v, d in conflict.edges(data=True)} == {
        ("IRN", "IRQ"): 5.0, ("IRQ", "IRN"): 10.0, ("IRN", "USA"): 2.0}
    coop = layer_graph(EVENTS, "cooperation")
    # e8 (Goldstein 0) gives no weight, so no edge
    assert {(u, v): d["weight"] for u, v, d in coop.edges(data=True)} == {
        ("USA", "IRN"): 1.0, ("IRQ", "USA"): 1.7}
    assert set(coop.nodes) == set(conflict.nodes)
    with pytest.raises(AnalysisError):
        layer_graph(EVENTS, "trade")
    rows = pairs(signed_graph(EVENTS))
    assert [(r["a"]["code"], r["b"]["code"], r["weight"]) for r in rows] == [
        ("IRN", "IRQ", -15.0), ("IRN", "USA", -1.0)]
    assert [r["b"]["code"] for r in pairs(signed_graph(EVENTS), "cooperation")] == ["USA"]


def test_graphs_write_to_graphml_and_gexf():
    for G in (signed_graph(EVENTS), layer_graph(EVENTS, "conflict")):
        for _, d in G.nodes(data=True):
            assert all(isinstance(v, (str, int, float)) for v in d.values())
        for _, _, d in G.edges(data=True):
            assert all(isinstance(v, (str, int, float)) for v in d.values())
        buf = io.BytesIO()
        nx.write_graphml(G, buf)
        back = nx.read_graphml(io.BytesIO(buf.getvalue()))
        assert back.number_of_edges() == G.number_of_edges()
        buf = io.BytesIO()
        nx.write_gexf(G, buf)
        assert nx.read_gexf(io.BytesIO(buf.getvalue())).number_of_edges() == G.number_of_edges()


def test_centrality_by_hand():
    # in-star A -> C, B -> C (weight 1): PageRank with damping 0.85 and C dangling:
    # x = 0.05 + 0.85 y / 3 for A and B, y = 1 - 2x for C  =>  y = 0.9 / (1 + 1.7 / 3) = 0.574468
    G = nx.DiGraph()
    G.add_weighted_edges_from([("A", "C", 1.0), ("B", "C", 1.0)])
    c = layer_centrality(G)
    assert c["C"]["pagerank"] == pytest.approx(0.574468, abs=1e-5)
    assert c["A"]["pagerank"] == pytest.approx(0.212766, abs=1e-5)
    assert (c["C"]["degree"], c["A"]["degree"], c["C"]["strength"]) == (1.0, 0.5, 2.0)
    # strong ties are short: A -> B directly (weight 1, length 1) or through C (weight 4 each,
    # length 0.25 + 0.25): C is on the one shortest path of the 2 ordered pairs of others: 0.5
    G = nx.DiGraph()
    G.add_weighted_edges_from([("A", "B", 1.0), ("A", "C", 4.0), ("C", "B", 4.0)])
    c = layer_centrality(G)
    assert (c["C"]["betweenness"], c["A"]["betweenness"], c["B"]["betweenness"]) == (0.5, 0.0, 0.0)
    assert "distance" not in G.edges["A", "B"]


def test_centrality_rows():
    rows = centrality(EVENTS)
    by = {r["actor"]["code"]: r for r in rows}
    # conflict: IRN -> IRQ, IRQ -> IRN, IRN -> USA: Iran touches both others
    assert by["IRN"]["conflict"]["degree"] == 1.0
    assert by["USA"]["cooperation"]["degree"] == 1.0
    assert rows[0]["actor"]["code"] in {"IRN", "IRQ"}


def test_windows():
    assert window_of("1987-03-31T23:00:00", "month") == "1987-03"
    assert window_of("1987-01-01", "week") == "1987-W01"   # a Thursday: week 1 of 1987
    assert window_of("1986-12-29", "week") == "1987-W01"   # the Monday of that week
    with pytest.raises(AnalysisError):
        window_of("1987-01-01", "year")


def test_pair_tones_and_trends_by_hand():
    tones = pair_tones(EVENTS, "month")
    assert tones[("IRN", "IRQ")] == {
        "1987-03": {"tone": -10.0, "events": 1, "evidence": ["e1"]},
        "1987-04": {"tone": -10.0, "events": 1, "evidence": ["e2"]}}
    # Iran-US: March -2 (accusation), April +1 (consultation): improved by 3
    assert tones[("IRN", "USA")]["1987-04"]["tone"] == 1.0
    result = trends(EVENTS, "month")
    assert [w["window"] for w in result["windows"]] == ["1987-03", "1987-04"]
    march, april = result["windows"]
    assert (march["events"], march["pairs"], march["conflict"]) == (2, 2, 2)
    # March tone: (-10 x 0.5 - 2 x 1) / 1.5; April: IRQ->IRN -10, USA->IRN +1, IRQ->USA 3.4 x 0.5
    assert march["tone"] == round(-7 / 1.5, 6)
    assert april["tone"] == round((-10 + 1 + 1.7) / 2.5, 6)
    assert (april["events"], april["pairs"]) == (5, 3)
    [change] = result["improved"]
    assert (change["a"]["code"], change["b"]["code"], change["before"], change["after"], change["change"]) == (
        "IRN", "USA", "1987-03", "1987-04", 3.0)
    assert change["evidence"] == ["e3", "e4"]
    assert result["worsened"] == []  # Iran-Iraq stayed at -10
    weekly = trends(EVENTS, "week")
    assert [w["window"] for w in weekly["windows"]] == ["1987-W09", "1987-W13", "1987-W14", "1987-W15"]
