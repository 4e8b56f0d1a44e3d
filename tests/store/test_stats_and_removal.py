"""geopolkg stats and geopolkg remove: counts, and retraction of an article
with everything derived only from it (derived relations included)."""

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import geopolkg.api as api
from geopolkg.cli import cli
from geopolkg.ontology import iris
from geopolkg.store import open_store
from geopolkg.store.stats import store_stats

from shared_data import shared_path

GPO = "https://w3id.org/geopolkg/ontology#"


def test_stats_of_the_seed_store(seed_store):
    with open_store(seed_store, read_only=True) as ks:
        s = store_stats(ks)
        # the article: the US, the Taliban government and China act in it
        assert (s.articles, s.actors, s.article_graphs, s.named_graphs) == (1, 3, 1, 2)
        assert s.events == len(api.events(ks))
        assert s.issues >= 1 and s.relations == 0
        assert s.triples == len(ks) == s.ontology_triples + ks.graph_size(iris.article_graph_iri("bagram-talks"))
    result = CliRunner().invoke(cli, ["stats", "--store", str(seed_store), "--format", "json"])
    assert result.exit_code == 0
    assert '"articles": 1' in result.output and '"named_graphs": 2' in result.output


def _relation(name, evidence):
    rel = ox.NamedNode(iris.iri("relation", name))
    graph = ox.NamedNode(iris.DERIVED_GRAPH)
    quads = [ox.Quad(rel, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     ox.NamedNode(GPO + "Opposition"), graph),
             ox.Quad(rel, ox.NamedNode(GPO + "weight"), ox.Literal("1.0"), graph)]
    quads += [ox.Quad(rel, ox.NamedNode(GPO + "evidence"), ox.NamedNode(iris.event_iri(e)), graph) for e in evidence]
    return quads


@pytest.fixture()
def two_articles(tmp_path):
    store = tmp_path / "s"
    other = tmp_path / "beijing.txt"
    other.write_text("China criticized the United States over Bagram air base on Monday.")
    summary = api.ingest([shared_path("articles", "bagram-talks.txt"), other], store, published="2025-09-22")
    assert summary.stored == 2
    return store


def test_remove_retracts_the_article_and_relations_resting_only_on_it(two_articles):
    seed_events = [e["id"] for e in api.events(two_articles, article="bagram-talks")]
    other_events = [e["id"] for e in api.events(two_articles, article="beijing")]
    assert seed_events and other_events
    with open_store(two_articles) as ks:
        ks.replace_graph(iris.DERIVED_GRAPH, _relation("only-seed", seed_events[:2])
                         + _relation("only-other", other_events) + _relation("both", seed_events[:1] + other_events))
        before = store_stats(ks)
        assert ks.remove_article("bagram-talks") is True
        after = store_stats(ks)
        derived = {(q.subject.value.rsplit("/", 1)[-1], q.predicate.value, q.object.value)
                   for q in ks.quads() if q.graph_name == ox.NamedNode(iris.DERIVED_GRAPH)}
        # China and the US are still there: the other article names them
        actors = {r["code"] for r in ks.select(f"SELECT ?code WHERE {{ ?e <{GPO}actor>|<{GPO}target> ?a . "
                                               f"?a <{GPO}code> ?code }}")}
    assert (before.articles, after.articles) == (2, 1)
    assert (before.relations, after.relations) == (3, 2)
    assert not any(s == "only-seed" for s, _, _ in derived)
    both_evidence = {o.rsplit("/", 1)[-1] for s, p, o in derived if s == "both" and p == GPO + "evidence"}
    assert both_evidence == set(other_events)
    assert {o.rsplit("/", 1)[-1] for s, p, o in derived if s == "only-other" and p == GPO + "evidence"} == set(other_events)
    assert {"CHNGOV", "USAGOV"} <= actors and "AFGGOV" not in actors
    assert api.events(two_articles, article="bagram-talks") == []


def test_remove_command(two_articles):
    runner = CliRunner()
    result = runner.invoke(cli, ["remove", "beijing", "--store", str(two_articles)])
    assert result.exit_code == 0 and result.output.startswith("removed beijing (")
    again = runner.invoke(cli, ["remove", "beijing", "--store", str(two_articles)])
    assert again.exit_code == 1 and "no article 'beijing'" in again.output
    with open_store(two_articles, read_only=True) as ks:
        assert ks.article_ids() == ["bagram-talks"]


def test_removing_then_reingesting_restores_the_same_graph(tmp_path):
    store = tmp_path / "s"
    seed = shared_path("articles", "bagram-talks.txt")
    api.ingest([seed], store)
    with open_store(store, read_only=True) as ks:
        first = ks.dump(ox.RdfFormat.N_QUADS)
    with open_store(store) as ks:
        ks.remove_article("bagram-talks")
        assert len(ks) == ks.graph_size(iris.ONTOLOGY_GRAPH)
    assert api.ingest([seed], store).stored == 1
    with open_store(store, read_only=True) as ks:
        assert sorted(ks.dump(ox.RdfFormat.N_QUADS).splitlines()) == sorted(first.splitlines())
