"""The knowledge base as RDF: IRIs, labels, codes, roles with dates, owl:sameAs; and in the store."""

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS, XSD

from geopolkg.ontology import iris
from geopolkg.ontology.actor_graph import entry_iri, kb_graph
from geopolkg.ontology.actors import load_kb
from geopolkg.ontology.namespace import GPO, SDO

WD = "http://www.wikidata.org/entity/"


@pytest.fixture(scope="module")
def graph():
    return kb_graph(load_kb([]))


def test_organizations_are_their_codes_node(graph):
    nato = URIRef(iris.actor_iri("IGONAT"))
    assert (nato, OWL.sameAs, URIRef(WD + "Q7184")) in graph
    assert (nato, GPO.code, Literal("IGONAT")) in graph
    assert (nato, SKOS.altLabel, Literal("North Atlantic Treaty Organization")) in graph
    assert (nato, RDF.type, GPO.Organization) in graph


def test_a_group_whose_code_changed_has_dated_roles(graph):
    kb = load_kb([])
    taliban = URIRef(entry_iri(kb, kb.entries["org:TAL"]))
    assert taliban == URIRef(iris.iri("organization", "TAL"))
    assert (taliban, OWL.sameAs, URIRef(WD + "Q42418")) in graph
    periods = set()
    for role in graph.objects(taliban, SDO.memberOf):
        start = graph.value(role, SDO.startDate)
        periods.add((str(graph.value(role, GPO.code)), str(start) if start else None))
        assert graph.value(role, SDO.memberOf) == URIRef(iris.actor_iri(str(graph.value(role, GPO.code))))
    assert periods == {("AFGINS", None), ("AFGGOV", "1996-09-27"), ("AFGINS", "2001-11-14"), ("AFGGOV", "2021-08-15")}


def test_a_person_with_roles_labels_and_wikidata(graph):
    putin = URIRef(iris.person_iri("Vladimir Putin"))
    assert (putin, RDF.type, GPO.Person) in graph
    assert (putin, SKOS.altLabel, Literal("Путин")) in graph
    assert (putin, OWL.sameAs, URIRef(WD + "Q7747")) in graph
    starmer = URIRef(iris.person_iri("Keir Starmer"))
    roles = {(str(graph.value(r, SDO.roleName)), str(graph.value(r, GPO.code)))
             for r in graph.objects(starmer, SDO.memberOf)}
    assert roles == {("leader of the opposition", "GBROPP"), ("prime minister", "GBRGOV")}
    pm = next(r for r in graph.objects(starmer, SDO.memberOf) if str(graph.value(r, GPO.code)) == "GBRGOV")
    assert graph.value(pm, SDO.startDate) == Literal("2024-07-05", datatype=XSD.date)
    assert graph.value(pm, SDO.endDate) is None  # still in office


def test_states_metonyms_and_demonyms(graph):
    usa = URIRef(iris.actor_iri("USA"))
    assert (usa, RDF.type, GPO.State) in graph and (usa, OWL.sameAs, URIRef(WD + "Q30")) in graph
    assert (URIRef(iris.actor_iri("USAMIL")), SKOS.altLabel, Literal("Pentagon")) in graph
    assert (URIRef(iris.actor_iri("USAMIL")), GPO.sector, Literal("MIL")) in graph
    assert (URIRef(iris.actor_iri("AFG")), SKOS.hiddenLabel, Literal("Afghan")) in graph
    assert (URIRef(iris.actor_iri("RUS")), SKOS.altLabel, Literal("Россия")) in graph


def test_the_store_holds_the_knowledge_base_in_the_ontology_graph(tmp_path, monkeypatch):
    from geopolkg.store import open_store

    monkeypatch.delenv("GEOPOLKG_ACTORS", raising=False)
    path = tmp_path / "store"
    path.mkdir()
    (path / "actors.yaml").write_text(
        "people:\n  Ingrid Solberg:\n    country: NOR\n    wikidata: Q999999999\n"
        "    roles: [{role: foreign minister, code: NORGOV, from: 2024-01-01}]\n", "utf-8")
    with open_store(path) as store:
        rows = store.select(f"""
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?s ?g WHERE {{ GRAPH ?g {{ ?s owl:sameAs ?wd ; skos:prefLabel ?name }}
                                 VALUES ?wd {{ <{WD}Q42418> <{WD}Q999999999> }} }} ORDER BY ?s""")
    assert [(r["s"], r["g"]) for r in rows] == [
        (iris.iri("organization", "TAL"), iris.ONTOLOGY_GRAPH),
        (iris.person_iri("Ingrid Solberg"), iris.ONTOLOGY_GRAPH)]
