"""Tests for geopolkg.ontology.cameo and geopolkg.ontology.vocabulary."""

import csv
import dataclasses
import os
import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from geopolkg.errors import OntologyError
from geopolkg.ontology import cameo, vocabulary
from geopolkg.ontology.cameo import (
    CAMEO_SCHEME,
    PLOVER_SCHEME,
    PLOVER_TYPES,
    QUAD_CLASS_NAMES,
    EventType,
    cameo_scheme_graph,
    cameo_to_plover,
    event_type,
    iter_event_types,
    root_codes,
)
from geopolkg.ontology.namespace import CAMEO, GPO, PLOVER, PROV, SDO, SEM
from geopolkg.ontology.vocabulary import vocabulary_graph

# The shared gold tables sit beside the repository (../shared).
GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold"


def gold_file(name: str) -> Path:
    path = GOLD / name
    if not path.is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{path} is missing; CI must provide the shared data beside the repository")
        pytest.skip(f"shared gold data not found at {path} (the ../shared folder beside the repository)")
    return path


def read_codebook() -> dict[str, dict[str, str]]:
    # The free-text columns of this file mix encodings; codes and numbers are ASCII.
    text = gold_file("cameo-codebook.csv").read_bytes().decode("latin-1")
    return {row["code"].strip(): row for row in csv.DictReader(text.splitlines())}


def read_plover_table() -> dict[str, str]:
    """CAMEO code -> PLOVER type from the first row the table gives for it."""
    table: dict[str, str] = {}
    for line in gold_file("cameo-to-plover.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line.split("#", 1)[0].strip())
        if m:
            table.setdefault(m.group(1), m.group(2))
    return table


# Values read from /work/shared/gold/cameo-codebook.csv (code, parent, goldstein)
# and cameo-to-plover.txt (type, mode); quad class follows the root.
KNOWN = [
    # code, parent, root, quad, goldstein, plover type, plover mode
    ("04", None, "04", 1, 1.0, "CONSULT", None),
    ("046", "04", "04", 1, 7.0, "CONSULT", None),
    ("042", "04", "04", 1, 1.9, "CONSULT", "visit"),
    ("016", "01", "01", 1, -5.0, "REJECT", None),
    ("0841", "084", "08", 2, 7.0, "RETREAT", "release"),
    ("0874", "087", "08", 2, 10.0, "RETREAT", "disarm"),
    ("09", None, "09", 3, -2.0, "ACCUSE", None),
    ("1385", "138", "13", 3, -7.0, "THREATEN", "violence"),
    ("163", "16", "16", 4, -8.0, "COERCE", "restrict"),
    ("1823", "182", "18", 4, -10.0, "ASSAULT", None),
    ("20", None, "20", 4, -10.0, "ASSAULT", None),
    ("2042", "204", "20", 4, -10.0, "ASSAULT", "unconventional"),
]


@pytest.mark.parametrize("code, parent, root, quad, goldstein, ptype, pmode", KNOWN)
def test_known_codes(code, parent, root, quad, goldstein, ptype, pmode):
    et = event_type(code)
    assert isinstance(et, EventType)
    assert et.code == code
    assert et.parent == parent
    assert et.root == root
    assert et.is_root is (parent is None)
    assert et.quad_class == quad
    assert et.quad_class_name == QUAD_CLASS_NAMES[quad]
    assert et.goldstein == pytest.approx(goldstein)
    assert (et.plover_type, et.plover_mode) == (ptype, pmode)
    assert cameo_to_plover(code) == (ptype, pmode)


def test_known_codes_agree_with_codebook():
    codebook = read_codebook()
    for code, _parent, root, _quad, goldstein, _ptype, _pmode in KNOWN:
        assert float(codebook[code]["goldstein"]) == pytest.approx(goldstein)
        assert codebook[code]["root_code"] == root


def test_every_codebook_code_is_present_with_its_goldstein():
    codebook = read_codebook()
    ours = {et.code: et for et in iter_event_types()}
    assert set(codebook) == set(ours)
    for code, row in codebook.items():
        assert ours[code].goldstein == pytest.approx(float(row["goldstein"])), code
        assert ours[code].root == row["root_code"], code


def test_plover_types_follow_the_conversion_table():
    table = read_plover_table()
    ours = {et.code: et for et in iter_event_types()}
    checked = 0
    for code, ptype in table.items():
        if code in ours:  # the table also lists 1214, which CAMEO does not have
            assert ours[code].plover_type == ptype, code
            checked += 1
    assert checked > 250


def test_table_is_consistent():
    types = list(iter_event_types())
    codes = [et.code for et in types]
    assert len(codes) == len(set(codes)) > 300
    known = set(codes)
    for et in types:
        assert re.fullmatch(r"\d{2,4}", et.code)
        assert et.name and et.name == et.name.strip()
        assert et.root == et.code[:2]
        assert et.parent is None if len(et.code) == 2 else et.parent == et.code[:-1]
        assert et.parent is None or et.parent in known
        assert -10.0 <= et.goldstein <= 10.0
        assert et.plover_type in PLOVER_TYPES
        assert et.plover_mode is None or et.plover_mode == et.plover_mode.strip().lower() != ""
        root = int(et.root)
        assert et.quad_class == (1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4)
    # each code follows its parent
    for i, et in enumerate(types):
        if et.parent is not None:
            assert et.parent in codes[:i]


def test_root_codes():
    roots = root_codes()
    assert roots == tuple(f"{n:02d}" for n in range(1, 21))
    assert all(event_type(r).is_root for r in roots)


def test_root_name():
    assert event_type("0841").root_name == event_type("08").name
    assert event_type("08").root_name == event_type("08").name


def test_event_type_strips_whitespace():
    assert event_type("  046\n") is event_type("046")


def test_event_type_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        event_type("046").goldstein = 0.0


@pytest.mark.parametrize("bad", ["999", "", "0466", "abc", "4 6"])
def test_unknown_code_raises(bad):
    with pytest.raises(OntologyError, match="unknown CAMEO event code") as info:
        event_type(bad)
    assert info.value.code == "GK300"


def test_missing_leading_zero_is_not_accepted_but_hinted():
    with pytest.raises(OntologyError, match="did you mean '046'"):
        event_type("46")
    with pytest.raises(OntologyError, match="unknown CAMEO event code"):
        cameo_to_plover("46")


def test_non_string_code_raises():
    with pytest.raises(OntologyError, match="must be a string"):
        event_type(46)


# --- the packaged table is checked when loaded --------------------------------

HEADER = "code,parent,root,name,quad_class,goldstein,plover_type,plover_mode\n"


@pytest.fixture
def fake_table(tmp_path, monkeypatch):
    """Make cameo load cameo.csv from tmp_path instead of the package."""

    def install(text: str):
        (tmp_path / "cameo.csv").write_text(text, encoding="utf-8")
        monkeypatch.setattr(cameo, "resources", SimpleNamespace(files=lambda _pkg: tmp_path))
        cameo._table.cache_clear()

    yield install
    monkeypatch.undo()
    cameo._table.cache_clear()
    cameo._scheme_triples.cache_clear()


@pytest.mark.parametrize(
    "rows, message",
    [
        ('"01","","01","Talk",1,11.0,"CONSULT",""\n', "outside -10..10"),
        ('"01","","01","Talk",5,0.0,"CONSULT",""\n', "not 1-4"),
        ('"01","","01","Talk",1,0.0,"CHAT",""\n', "not a PLOVER event type"),
        ('"01","","01","Talk",1,0.0,"CONSULT",""\n"011","01","01","Other",1,0.0,"CONSULT",""\n'
         '"011","01","01","Again",1,0.0,"CONSULT",""\n', "listed twice"),
        ('"011","01","01","Orphan",1,0.0,"CONSULT",""\n', "unknown parent"),
        ('"14","","14","Protest",1,0.0,"PROTEST",""\n', "does not match root"),
        ('"01","","01","Talk",1,x,"CONSULT",""\n', "must be numbers"),
    ],
)
def test_malformed_table_raises(fake_table, rows, message):
    fake_table(HEADER + rows)
    with pytest.raises(OntologyError, match=message):
        event_type("01")


def test_wrong_columns_raise(fake_table):
    fake_table("code,name\n01,Talk\n")
    with pytest.raises(OntologyError, match="expected columns"):
        list(iter_event_types())


# --- SKOS schemes ------------------------------------------------------------------


def test_scheme_graph_counts():
    g = cameo_scheme_graph()
    n = len(list(iter_event_types()))
    cameo_concepts = set(g.subjects(SKOS.inScheme, CAMEO_SCHEME))
    assert len(cameo_concepts) == n
    assert all((c, RDF.type, SKOS.Concept) in g for c in cameo_concepts)
    assert len(list(g.triples((None, SKOS.broader, None)))) == n - 20
    assert len(list(g.triples((None, SKOS.narrower, None)))) == n - 20
    assert set(g.objects(CAMEO_SCHEME, SKOS.hasTopConcept)) == {CAMEO[r] for r in root_codes()}
    assert set(g.subjects(SKOS.topConceptOf, CAMEO_SCHEME)) == {CAMEO[r] for r in root_codes()}
    plover_concepts = set(g.subjects(SKOS.inScheme, PLOVER_SCHEME))
    assert plover_concepts == {PLOVER[t] for t in PLOVER_TYPES}
    assert len(plover_concepts) == 16


def test_scheme_graph_counts_match_codebook():
    codebook = read_codebook()
    g = cameo_scheme_graph()
    assert set(g.subjects(SKOS.inScheme, CAMEO_SCHEME)) == {CAMEO[c] for c in codebook}
    assert len(list(g.triples((None, SKOS.broader, None)))) == len(codebook) - 20


def test_scheme_graph_concept_details():
    g = cameo_scheme_graph()
    c = CAMEO["0841"]
    assert g.value(c, SKOS.notation).toPython() == "0841"
    assert g.value(c, SKOS.prefLabel).language == "en"
    assert g.value(c, SKOS.broader) == CAMEO["084"]
    assert g.value(c, GPO.cameoRoot) == CAMEO["08"]
    assert g.value(c, GPO.quadClass).toPython() == 2
    goldstein = g.value(c, GPO.goldstein)
    assert str(goldstein.datatype) == "http://www.w3.org/2001/XMLSchema#decimal"
    assert goldstein.toPython() == Decimal("7.0")
    assert g.value(c, GPO.ploverType) == PLOVER["RETREAT"]
    assert g.value(c, GPO.ploverMode).toPython() == "release"
    assert g.value(CAMEO["190"], GPO.ploverMode) is None
    for concept in g.subjects(SKOS.inScheme, CAMEO_SCHEME):
        assert (g.value(concept, GPO.ploverType), SKOS.inScheme, PLOVER_SCHEME) in g


def test_scheme_graph_is_a_new_graph_each_time():
    g1 = cameo_scheme_graph()
    g1.remove((None, None, None))
    assert len(cameo_scheme_graph()) > 0


# --- the OWL vocabulary ------------------------------------------------------------

GPO_TERMS = [name for name in GPO.__annotations__ if not name.startswith("_")]


def ontology_graph() -> Graph:
    g = Graph()
    g.parse(Path(cameo.__file__).with_name("geopolkg.ttl"), format="turtle")
    return g


@pytest.mark.parametrize("term", GPO_TERMS)
def test_ttl_declares_every_gpo_term(term):
    g = ontology_graph()
    iri = GPO[term]
    kinds = set(g.objects(iri, RDF.type))
    if term[0].isupper():
        assert OWL.Class in kinds
    else:
        assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}
        assert (iri, RDFS.range, None) in g
    assert g.value(iri, RDFS.label) is not None
    assert g.value(iri, RDFS.comment) is not None


def test_ttl_declares_nothing_beyond_gpo():
    g = ontology_graph()
    ns = str(GPO._NS)
    declared = {str(s)[len(ns):] for s in g.subjects(RDF.type, None) if str(s).startswith(ns)}
    assert declared == set(GPO_TERMS)


@pytest.mark.parametrize(
    "sub, prop, sup",
    [
        (GPO.Event, RDFS.subClassOf, SEM.Event),
        (GPO.Event, RDFS.subClassOf, PROV.Entity),
        (GPO.Actor, RDFS.subClassOf, SEM.Actor),
        (GPO.Person, RDFS.subClassOf, GPO.Actor),
        (GPO.Person, RDFS.subClassOf, SDO.Person),
        (GPO.Organization, RDFS.subClassOf, SDO.Organization),
        (GPO.Article, RDFS.subClassOf, SDO.NewsArticle),
        (GPO.Article, RDFS.subClassOf, PROV.Entity),
        (GPO.Extractor, RDFS.subClassOf, PROV.SoftwareAgent),
        (GPO.Opposition, RDFS.subClassOf, GPO.Relation),
        (GPO.Alignment, RDFS.subClassOf, GPO.Relation),
        (GPO.actor, RDFS.subPropertyOf, SEM.hasActor),
        (GPO.target, RDFS.subPropertyOf, SEM.hasActor),
        (GPO.date, RDFS.subPropertyOf, SEM.hasTimeStamp),
    ],
)
def test_ttl_alignments(sub, prop, sup):
    assert (sub, prop, sup) in ontology_graph()


def test_vocabulary_graph_holds_ontology_and_schemes():
    g = vocabulary_graph()
    assert (GPO.Event, RDF.type, OWL.Class) in g
    assert (CAMEO["046"], SKOS.broader, CAMEO["04"]) in g
    assert (PLOVER["ASSAULT"], RDF.type, SKOS.Concept) in g
    assert len(g) == len(ontology_graph()) + len(cameo_scheme_graph())


def test_vocabulary_graph_bad_turtle_raises(tmp_path, monkeypatch):
    (tmp_path / "geopolkg.ttl").write_text("gpo:Event a owl:Class .", encoding="utf-8")
    monkeypatch.setattr(vocabulary, "resources", SimpleNamespace(files=lambda _pkg: tmp_path))
    vocabulary._ontology_triples.cache_clear()
    try:
        with pytest.raises(OntologyError, match="cannot parse the vocabulary"):
            vocabulary_graph()
    finally:
        monkeypatch.undo()
        vocabulary._ontology_triples.cache_clear()
