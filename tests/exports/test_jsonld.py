"""JSON-LD parses back with rdflib to the same dataset, graph by graph."""

from __future__ import annotations

import json
from importlib import resources

import rdflib
from rdflib.compare import isomorphic

from geopolkg.exports.jsonld import CONTEXT_IRI, context, write_jsonld
from geopolkg.store import open_store


def _graphs(ds: rdflib.Dataset) -> dict:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def _assert_same(source: rdflib.Dataset, parsed: rdflib.Dataset):
    a, b = _graphs(source), _graphs(parsed)
    assert set(a) == set(b) and len(a) == 2
    for name in a:
        assert len(a[name]) == len(b[name]), name
        assert isomorphic(a[name], b[name]), name


def _source(exported) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(exported("nquads"), format="nquads")
    return ds


def test_jsonld_is_isomorphic_to_the_store(exported):
    path = exported("jsonld")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"]["actor"] == {"@id": "gpo:actor", "@type": "@id"}
    text = path.read_text(encoding="utf-8")
    assert '"cameoCode": "120"' in text and '"quadClass": "3"' in text   # compacted with the context's terms
    parsed = rdflib.Dataset()
    parsed.parse(path, format="json-ld")
    _assert_same(_source(exported), parsed)


def test_jsonld_referencing_the_published_context(exported, seed_store, tmp_path):
    shipped = resources.files("geopolkg.exports").joinpath("context.jsonld")
    assert json.loads(shipped.read_text(encoding="utf-8"))["@context"] == context()
    # A JSON-LD processor fetches the context from its IRI; here the IRI is the shipped file's.
    local = tmp_path / "context.jsonld"
    local.write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    data = write_jsonld(open_store(seed_store, read_only=True), None, context_iri=local.as_uri())
    assert json.loads(data)["@context"] == local.as_uri()
    parsed = rdflib.Dataset()
    parsed.parse(data=data, format="json-ld", base=tmp_path.as_uri() + "/")
    _assert_same(_source(exported), parsed)
    assert CONTEXT_IRI.startswith("https://w3id.org/geopolkg/")
