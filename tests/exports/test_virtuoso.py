"""N-Quads load into a real Virtuoso 7 server with its bulk loader: every
quad arrives in its named graph, and SPARQL gives the same opposition pairs."""

from __future__ import annotations

import shutil
from collections import Counter

import pyoxigraph as ox
import rdflib

from geopolkg.store import open_store
from virtuoso_server import VirtuosoServer, virtuoso_binaries


def _term(binding: dict):
    """An rdflib term from a SPARQL JSON binding (blank nodes as one placeholder: their ids differ)."""
    if binding["type"] == "uri":
        return rdflib.URIRef(binding["value"])
    if binding["type"] == "bnode":
        return rdflib.BNode("b")
    return rdflib.Literal(binding["value"], lang=binding.get("xml:lang"),
                          datatype=binding.get("datatype") or (None if binding.get("xml:lang") else
                                                               "http://www.w3.org/2001/XMLSchema#string"))


def _ox_term(t):
    if isinstance(t, ox.NamedNode):
        return rdflib.URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return rdflib.BNode("b")
    return rdflib.Literal(t.value, lang=t.language, datatype=None if t.language else t.datatype.value)


def test_nquads_bulk_load_into_virtuoso(exported, seed_store, who_opposes_whom, tmp_path):
    virtuoso_binaries()
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(exported("nquads"), data / "graph.nq")
    ks = open_store(seed_store, read_only=True)
    source = Counter((_ox_term(q.subject), _ox_term(q.predicate), _ox_term(q.object), q.graph_name.value)
                     for q in ks.quads())
    graphs = {g for *_, g in source}
    expected_pairs = {(frozenset((s["a"].value, s["b"].value)), s["issue"].value)
                      for s in ks.query(who_opposes_whom)}
    with VirtuosoServer(tmp_path / "virtuoso", data) as server:
        server.bulk_load("*.nq")
        loaded = Counter()
        for graph in graphs:
            rows = server.sparql(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
            loaded.update((_term(r["s"]), _term(r["p"]), _term(r["o"]), graph) for r in rows)
        pairs = {(frozenset((r["a"]["value"], r["b"]["value"])), r["issue"]["value"])
                 for r in server.sparql(who_opposes_whom)}
    assert sum(loaded.values()) == sum(source.values())
    assert loaded == source
    assert pairs == expected_pairs
    assert {frozenset({"AFGGOV", "USAGOV"}), frozenset({"CHNGOV", "USAGOV"})} <= \
        {p for p, issue in pairs if issue == "bagram"}
