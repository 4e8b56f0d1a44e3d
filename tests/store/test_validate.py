"""SHACL validation (ontology/shapes.ttl, geopolkg validate)."""

import datetime as dt

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import geopolkg.api as api
from geopolkg.cli import cli
from geopolkg.loaders import Article
from geopolkg.ontology import iris
from geopolkg.store import open_store
from geopolkg.store.rdf import result_quads
from geopolkg.store.validate import validate_store

from shared_data import shared_path

GPO = "https://w3id.org/geopolkg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def all_articles_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("all") / "store"
    summary = api.ingest([shared_path("articles")], path)
    assert summary.stored >= 4
    return path


def test_store_from_every_shared_article_conforms(all_articles_store):
    result = CliRunner().invoke(cli, ["validate", "--store", str(all_articles_store)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("conforms")


def _broken(quads):
    """Break one event the ways the shapes must notice."""
    stance = ox.NamedNode(GPO + "stance")
    start = ox.NamedNode(GPO + "charStart")
    published = ox.NamedNode("https://schema.org/datePublished")
    event = next(q.subject for q in quads if q.predicate == stance)
    out = []
    for q in quads:
        if q.subject == event and q.predicate == ox.NamedNode(GPO + "trigger"):
            continue  # a missing trigger
        if q.subject == event and q.predicate == stance:
            q = ox.Quad(q.subject, q.predicate, ox.Literal("2", datatype=ox.NamedNode(XSD + "integer")), q.graph_name)
        if q.subject == event and q.predicate == start:
            q = ox.Quad(q.subject, q.predicate, ox.Literal("99999", datatype=ox.NamedNode(XSD + "integer")), q.graph_name)
        if q.predicate == published:  # a date-time without a time zone
            q = ox.Quad(q.subject, q.predicate, ox.Literal("2025-01-01T10:00:00", datatype=ox.NamedNode(XSD + "dateTime")),
                        q.graph_name)
        out.append(q)
    return event.value, out


def test_violations_are_found_and_located(tmp_path, extractor):
    article = Article("broken", "Kabul rejected the American plan for Bagram air base.",
                      published=dt.date(2025, 1, 1))
    event, quads = _broken(result_quads(extractor.extract(article)))
    with open_store(tmp_path / "s") as ks:
        ks.put_article("broken", quads)
        report = validate_store(ks)
    assert not report.conforms
    found = {(v.focus, (v.path or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1], v.component) for v in report.violations}
    assert (event, "trigger", "MinCountConstraintComponent") in found
    assert (event, "stance", "InConstraintComponent") in found
    assert (event, "charStart", "LessThanConstraintComponent") in found
    assert (iris.article_iri("broken"), "datePublished", "NodeConstraintComponent") in found
    assert {v.graph for v in report.violations} == {iris.article_graph_iri("broken")}
    result = CliRunner().invoke(cli, ["validate", "--store", str(tmp_path / "s"), "--article", "broken"])
    assert result.exit_code == 1
    assert "does not conform" in result.output and "gpo:trigger" in result.output


def test_the_extractor_agent_is_described(seed_result):
    """The defect the shapes found: events pointed to an agent the graph never described."""
    quads = result_quads(seed_result)
    agent = ox.NamedNode(iris.EXTRACTOR_IRI)
    types = {q.object.value for q in quads if q.subject == agent and q.predicate.value.endswith("#type")}
    assert types == {GPO + "Extractor", "http://www.w3.org/ns/prov#SoftwareAgent"}


def test_validating_a_missing_article_is_an_error(all_articles_store):
    result = CliRunner().invoke(cli, ["validate", "--store", str(all_articles_store), "--article", "nope"])
    assert result.exit_code == 1 and "no article 'nope'" in result.output
