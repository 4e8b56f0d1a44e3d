"""Done-when checks on the seed article: stance, opposition, alignment, camps, derived relations in RDF."""

import json
import shutil

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import geopolkg.api as api
import geopolkg.graph as graph
from geopolkg.cli import cli
from geopolkg.ontology import iris
from geopolkg.store import open_store

GPO = "https://w3id.org/geopolkg/ontology#"


def _json(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_stance_command(seed_store):
    rows = _json("stance", "--store", str(seed_store), "--issue", "bagram", "--format", "json")
    stances = {r["actor"]["code"]: r for r in rows}
    assert {c: r["stance"] for c, r in stances.items()} == {"USA": "supports", "AFG": "opposes", "CHN": "opposes"}
    # "Kabul ... has firmly rejected the possibility of any renewed US military presence" (confidence 0.9)
    assert stances["AFG"]["score"] == -0.9 and len(stances["AFG"]["evidence"]) == 1
    # Trump: "We're trying to get it back" and the push to regain access: two supporting events
    assert len(stances["USA"]["evidence"]) == 2 and stances["USA"]["score"] > 0
    rows = _json("stance", "--store", str(seed_store), "--issue", "bagram", "--format", "json", "--level", "sector")
    assert {r["actor"]["code"] for r in rows} == {"USAGOV", "AFGGOV", "CHNGOV"}


def test_opposition_and_alignment_json_interface(seed_store):
    rows = _json("opposition", "--store", str(seed_store), "--issue", "bagram", "--format", "json")
    assert {(r["a"]["code"], r["b"]["code"]) for r in rows} == {("AFG", "USA"), ("CHN", "USA")}
    assert all({"a", "b", "weight", "evidence"} <= set(r) and r["evidence"] for r in rows)
    rows = _json("alignment", "--store", str(seed_store), "--issue", "bagram", "--format", "json")
    assert [(r["a"]["code"], r["b"]["code"]) for r in rows] == [("AFG", "CHN")]


def test_camps_and_balance_of_the_seed_article(seed_store):
    result = _json("camps", "--store", str(seed_store), "--format", "json")
    # camps count only events that take a side (not the talks and meetings), two at least per
    # relation: the Taliban and the US (two demands, Kabul's rejection) and China and the US (two
    # disapprovals, 110) are evidenced, both hostile; China's one show of respect for Afghan
    # sovereignty (051) is too little to make the Taliban and China a camp. So no camp, three
    # actors each alone, none left out
    assert result["camps"] == []
    assert [a["code"] for a in result["alone"]] == ["AFG", "CHN", "USA"] and result["left_out"] == []
    assert result["frustration"]["frustrated"] == 0
    # with one event enough, the Taliban and China are a camp against the US, surer than not
    result = _json("camps", "--store", str(seed_store), "--format", "json", "--min-events", "1")
    [camp] = result["camps"]
    assert [a["code"] for a in camp["actors"]] == ["AFG", "CHN"] and 0.5 < camp["stability"] < 1.0
    assert [a["code"] for a in result["alone"]] == ["USA"]
    assert result["triangles"]["triangles"] == 1
    pairs = _json("pairs", "--store", str(seed_store), "--format", "json")
    # China-US: two disapprovals (110, Goldstein -2) at confidence 0.75 and 0.8
    assert [(r["a"]["code"], r["b"]["code"], r["weight"]) for r in pairs][0] == ("CHN", "USA", -3.1)


def test_notebook_graphs_from_a_store(seed_store):
    G = graph.signed_graph(seed_store)
    assert G.edges["AFG", "CHN"]["sign"] == 1 and G.edges["CHN", "USA"]["sign"] == -1
    assert G.edges["AFG", "USA"]["conflict"] >= 2  # the demands and Kabul's rejection
    assert set(graph.layer_graph(seed_store, "conflict").edges) >= {("AFG", "USA"), ("CHN", "USA")}
    sectors = graph.signed_graph(seed_store, level="sector")
    assert sectors.has_edge("AFGGOV", "CHNGOV") and sectors.has_edge("CHNGOV", "USAGOV")
    G = graph.camps(seed_store, min_events=1).graph
    for g in (G, graph.layer_graph(seed_store, "cooperation")):
        nx.write_graphml(g, __import__("io").BytesIO())
    assert G.nodes["USA"]["camp"] == 1


@pytest.fixture()
def seed_copy(seed_store, tmp_path):
    path = tmp_path / "store"
    shutil.copytree(seed_store, path)
    return path


def test_derived_relations_in_rdf_and_their_removal(seed_copy):
    result = CliRunner().invoke(cli, ["derive", "--store", str(seed_copy)])
    assert result.exit_code == 0 and result.output.startswith("derived ")
    q = f"""PREFIX gpo: <{GPO}>
    SELECT ?kind ?a ?b ?issue (COUNT(DISTINCT ?e) AS ?n) WHERE {{
      GRAPH <{iris.DERIVED_GRAPH}> {{
        ?r gpo:relationKind ?kind ; gpo:between ?x, ?y ; gpo:evidence ?e ;
           <http://semanticweb.cs.vu.nl/2009/11/sem/hasBeginTimeStamp> ?start .
      }}
      ?x gpo:code ?a . ?y gpo:code ?b . FILTER(?a < ?b)
      OPTIONAL {{ GRAPH <{iris.DERIVED_GRAPH}> {{ ?r gpo:issue ?i }} ?i <https://schema.org/identifier> ?issue }}
    }} GROUP BY ?kind ?a ?b ?issue"""
    with open_store(seed_copy, read_only=True) as ks:
        rows = {(r["kind"], r["a"], r["b"], r["issue"]): r["n"] for r in ks.select(q)}
    # derived at the country level, as 'opposition' and 'pairs' count
    assert rows[("opposition", "AFG", "USA", "bagram")] >= 2
    assert rows[("opposition", "CHN", "USA", "bagram")] >= 2
    assert ("alignment", "AFG", "CHN", "bagram") in rows
    assert rows[("opposition", "CHN", "USA", None)] == 2  # the signed network: two disapprovals
    # re-deriving replaces the graph rather than adding to it
    with open_store(seed_copy, read_only=True) as ks:
        size = ks.graph_size(iris.DERIVED_GRAPH)
    api.derive(seed_copy)
    with open_store(seed_copy) as ks:
        assert ks.graph_size(iris.DERIVED_GRAPH) == size
        # every relation rests only on the seed article: removing it empties the derived graph
        assert ks.remove_article("bagram-talks")
        assert ks.graph_size(iris.DERIVED_GRAPH) == 0


def test_exports_carry_derived_relations(seed_copy):
    api.derive(seed_copy)
    data = api.export("nquads", None, seed_copy)
    assert f"<{iris.DERIVED_GRAPH}>".encode() in data and b"#Opposition>" in data


def test_ingest_refreshes_derived_relations_where_the_store_keeps_them(seed_copy, tmp_path):
    other = tmp_path / "beijing.txt"
    other.write_text("China criticized the United States over Bagram air base on Monday.", encoding="utf-8")
    fresh = tmp_path / "fresh"
    api.ingest([other], fresh, published="2025-09-22")
    with open_store(fresh, read_only=True) as ks:  # no derive yet: no derived graph
        assert ks.graph_size(iris.DERIVED_GRAPH) == 0
    api.derive(seed_copy)
    api.ingest([other], seed_copy, published="2025-09-22")
    new = {e["id"] for e in api.events(seed_copy, article="beijing")}
    assert new
    with open_store(seed_copy, read_only=True) as ks:
        evidence = {r["e"].rsplit("/", 1)[-1] for r in ks.select(
            f"SELECT ?e WHERE {{ GRAPH <{iris.DERIVED_GRAPH}> {{ ?r <{GPO}evidence> ?e }} }}")}
    assert new & evidence  # China's criticism of the US now backs a derived relation
