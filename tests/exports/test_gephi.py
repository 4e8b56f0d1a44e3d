"""GraphML and GEXF read back with networkx: same nodes, edges and attributes;
only the attribute types Gephi reads; GEXF intervals on dated edges."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from geopolkg.exports.gephi import gephi_graph
from geopolkg.store import open_store

GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}
GEXF_TYPES = {"integer", "long", "float", "double", "boolean", "string"}


@pytest.fixture(scope="module")
def source(seed_store):
    return gephi_graph(open_store(seed_store, read_only=True))


def _same(source, back, *, ignore=()):
    assert back.number_of_nodes() == source.number_of_nodes() > 0
    assert back.number_of_edges() == source.number_of_edges() > 0
    for node, data in source.nodes(data=True):
        assert {k: v for k, v in back.nodes[node].items() if k not in ignore} == data
    for u, v, key, data in source.edges(keys=True, data=True):
        got = {k: val for k, val in back.edges[u, v, key].items() if k not in ignore}
        assert got == {k: val for k, val in data.items() if k not in ignore}, (u, v, key)


def test_graphml_reads_back_the_same(exported, source):
    path = exported("graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(back, nx.MultiDiGraph)
    _same(source, back)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    types = {k.get("attr.type") for k in ET.parse(path).getroot().findall("g:key", ns)}
    assert types and types <= GRAPHML_TYPES


def test_gexf_reads_back_the_same_with_time_intervals(exported, seed_store):
    path = exported("gexf")
    dynamic = gephi_graph(open_store(seed_store, read_only=True), dynamic=True)
    back = nx.read_gexf(path)
    _same(dynamic, back, ignore=("id",))
    assert all("id" in d for _, _, d in dynamic.edges(data=True))
    root = ET.parse(path).getroot()
    ns = {"x": "http://www.gexf.net/1.2draft"}
    graph = root.find("x:graph", ns)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    types = {a.get("type") for a in root.iter("{http://www.gexf.net/1.2draft}attribute")}
    assert types and types <= GEXF_TYPES
    edges = root.findall(".//x:edge", ns)
    assert len({e.get("id") for e in edges}) == len(edges)
    # The opposition of Kabul to the US on Bagram rests on events of 18 and 20 September 2025.
    opposition = [e for e in edges if e.get("id") == "AFGGOV>USAGOV:opposition:bagram"]
    assert len(opposition) == 1
    assert (opposition[0].get("start"), opposition[0].get("end")) == ("2025-09-18", "2025-09-20")
    for u, v, key, data in dynamic.edges(keys=True, data=True):
        assert ("start" in data) == bool(data["date_min"])


def test_a_value_gephi_cannot_read_is_refused():
    from geopolkg.errors import ExportError
    from geopolkg.exports.gephi import _check

    with pytest.raises(ExportError, match="Gephi cannot read"):
        _check({"evidence": ["a", "b"]}, "edge X")
