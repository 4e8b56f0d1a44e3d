"""N-Quads and TriG load into a fresh pyoxigraph store with every quad and the
same answers; the project's own N-Quads and TriG ingest back; selections."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from geopolkg.cli import cli
from geopolkg.store import open_store

ARTICLE_GRAPH = "https://w3id.org/geopolkg/id/graph/article/bagram-talks"
ONTOLOGY_GRAPH = "https://w3id.org/geopolkg/id/graph/ontology"
# Read from the article (at least these): the US wants Bagram back; Kabul rejects any US presence;
# China opposes a renewed US presence and warns against foreign interference.
BAGRAM_PAIRS = {frozenset({"AFGGOV", "USAGOV"}), frozenset({"CHNGOV", "USAGOV"})}


def _pairs(solutions) -> set:
    return {(frozenset((s["a"].value, s["b"].value)), s["issue"].value) for s in solutions}


def _source_quads(seed_store):
    ks = open_store(seed_store, read_only=True)
    return set(ks.quads()), ks


@pytest.mark.parametrize("fmt,oxfmt", [("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)])
def test_quads_load_into_a_fresh_oxigraph_store(fmt, oxfmt, exported, seed_store, who_opposes_whom):
    quads, ks = _source_quads(seed_store)
    fresh = ox.Store()
    fresh.load(path=str(exported(fmt)), format=oxfmt)
    assert len(fresh) == len(quads)
    # Blank nodes get new ids on load; everything else is identical, graph by graph.
    named = {q for q in quads if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))}
    assert named <= set(fresh)
    assert {g.value for g in fresh.named_graphs()} == {ARTICLE_GRAPH, ONTOLOGY_GRAPH}
    expected = _pairs(ks.query(who_opposes_whom))
    assert _pairs(fresh.query(who_opposes_whom, use_default_graph_as_union=True)) == expected
    assert BAGRAM_PAIRS <= {p for p, issue in expected if issue == "bagram"}


def test_the_query_agrees_with_geopolkg_opposition(seed_store, who_opposes_whom):
    _, ks = _source_quads(seed_store)
    # the query reads the codes as stored: the sector level
    result = CliRunner().invoke(cli, ["opposition", "--store", str(seed_store), "--format", "json", "--level", "sector"])
    rows = json.loads(result.output)
    assert {(frozenset((r["a"]["code"], r["b"]["code"])), r["issue_key"]) for r in rows} == \
        _pairs(ks.query(who_opposes_whom))


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_own_export_ingests_back_and_merges(fmt, exported, seed_store, tmp_path):
    runner = CliRunner()
    source, _ = _source_quads(seed_store)
    store = tmp_path / "merged"
    result = runner.invoke(cli, ["ingest", str(exported(fmt)), "--store", str(store)])
    assert result.exit_code == 0, result.output
    seed_events = runner.invoke(cli, ["events", "--store", str(seed_store), "--format", "json"]).output
    assert f"stored 1 article(s) with {len(json.loads(seed_events))} event(s)" in result.output
    merged = open_store(store, read_only=True)
    assert len(merged) == len(source)
    events = runner.invoke(cli, ["events", "--store", str(store), "--format", "json"]).output
    assert json.loads(events) == json.loads(seed_events)
    del merged
    again = runner.invoke(cli, ["ingest", str(exported(fmt)), "--store", str(store)])
    assert "stored 0 article(s)" in again.output and "1 unchanged" in again.output


def test_a_foreign_rdf_file_is_refused_and_changes_nothing(tmp_path, exported):
    bad = tmp_path / "foreign.nq"
    bad.write_text(exported("nquads").read_text(encoding="utf-8")
                   + '<http://example.org/s> <http://example.org/p> "x" .\n', encoding="utf-8")
    store = tmp_path / "s"
    result = CliRunner().invoke(cli, ["ingest", str(bad), "--store", str(store)])
    assert result.exit_code == 1
    assert "not a geopolkg export" in result.output and "default graph" in result.output
    assert open_store(store, read_only=True).article_ids() == []


def test_a_broken_nquads_file_says_where(tmp_path):
    bad = tmp_path / "broken.nq"
    bad.write_text('<https://w3id.org/geopolkg/id/a> <https://w3id.org/geopolkg/id/p> "open .\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(bad), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert str(bad) in result.output and "not valid" in result.output


@pytest.mark.parametrize("options,graphs", [
    ([], {ARTICLE_GRAPH, ONTOLOGY_GRAPH}),
    (["--issue", "detention"], {ARTICLE_GRAPH, ONTOLOGY_GRAPH}),
    (["--actor", "china"], {ARTICLE_GRAPH, ONTOLOGY_GRAPH}),
    (["--issue", "no such issue"], {ONTOLOGY_GRAPH}),
    (["--since", "2025-09-21"], {ONTOLOGY_GRAPH}),          # every event is dated 18 to 20 September
    (["--until", "2025-09-17"], {ONTOLOGY_GRAPH}),
    (["--since", "2025-09-18", "--until", "2025-09-18"], {ARTICLE_GRAPH, ONTOLOGY_GRAPH}),
])
def test_selected_rdf_keeps_the_graphs_of_the_selected_articles(options, graphs, seed_store, tmp_path):
    out = tmp_path / "sel.nq"
    result = CliRunner().invoke(cli, ["export", "--store", str(seed_store), "--format", "nquads", "-o", str(out)]
                                + options)
    assert result.exit_code == 0, result.output
    ds = ox.Store()
    ds.load(path=str(out), format=ox.RdfFormat.N_QUADS)
    assert {g.value for g in ds.named_graphs()} == graphs


def test_turtle_to_standard_output_is_the_union(seed_store):
    result = CliRunner().invoke(cli, ["export", "--store", str(seed_store), "--format", "turtle"])
    assert result.exit_code == 0
    triples = list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.TURTLE))
    _, ks = _source_quads(seed_store)
    distinct = {q.triple for q in ks.quads()}
    assert len(triples) == len(distinct)


def test_bad_selection_and_folder_errors_are_one_line(seed_store):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--store", str(seed_store), "--since", "2025-09-21",
                                 "--until", "2025-09-01"])
    assert result.exit_code == 1 and "is after --until" in result.output
    result = runner.invoke(cli, ["export", "--store", str(seed_store), "--format", "neo4j"])
    assert result.exit_code == 1 and "folder" in result.output


def test_cli_formats_are_the_registered_ones():
    from geopolkg.cli.exports import FORMATS
    from geopolkg.exports import formats

    assert sorted(FORMATS) == formats()
