"""JSON-LD export with the project's published context.

The context (``exports/context.jsonld``, shipped with the package and
published at :data:`CONTEXT_IRI`) names the vocabulary's classes and
properties with short terms (``actor``, ``cameoCode``, ``quadClass`` ...)
and the prefixes of the namespaces. The document is compacted with it by
rdflib (JSON-LD 1.1, https://www.w3.org/TR/json-ld11/), one ``@graph`` object
per named graph, so the article graphs are kept as in N-Quads.

By default the context is embedded, so the file reads offline anywhere;
with ``context_iri`` the document references the context by IRI instead
(``"@context": "https://w3id.org/geopolkg/context.jsonld"``), which JSON-LD
processors fetch (or find in their document cache).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.plugins.serializers.jsonld import from_rdf

from .base import register, write_bytes
from .rdf import selected_quads
from .selection import Selection

__all__ = ["CONTEXT_IRI", "context", "context_path", "write_jsonld", "JsonLdExporter"]

#: Where the context is published (the project's w3id namespace).
CONTEXT_IRI = "https://w3id.org/geopolkg/context.jsonld"


def context_path():
    """Return the shipped context file as an importlib resource (use ``as_file`` for a path)."""
    return resources.files("geopolkg.exports").joinpath("context.jsonld")


@lru_cache(maxsize=1)
def _context_text() -> str:
    return context_path().read_text(encoding="utf-8")


def context() -> dict:
    """Return the context object (the value of ``@context``) of the shipped context file."""
    return json.loads(_context_text())["@context"]


def _term(t):
    # normalize=False keeps each literal's lexical form as stored (Oxigraph keeps
    # it too), so a dateTime's time zone is written as it was read.
    if isinstance(t, ox.NamedNode):
        return rdflib.URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return rdflib.BNode(t.value)
    if t.language:
        return rdflib.Literal(t.value, lang=t.language, normalize=False)
    return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value), normalize=False)


def write_jsonld(store, path: Path | None, selection: Selection | None = None, *,
                 context_iri: str | None = None) -> bytes | Path:
    """Write the store (or a selection, as for N-Quads) as compacted JSON-LD.

    Parameters
    ----------
    store : KnowledgeStore
    path : Path or None
        The file to write; None returns the bytes (UTF-8).
    selection : Selection, optional
        See :func:`geopolkg.exports.rdf.selected_graphs`.
    context_iri : str, optional
        Reference the context by this IRI (for example :data:`CONTEXT_IRI`)
        instead of embedding it.

    Returns
    -------
    bytes or Path

    Raises
    ------
    ExportError
        If the path cannot be written.
    """
    ds = rdflib.Dataset()
    graphs = {}
    for q in selected_quads(store, selection or Selection()):
        name = q.graph_name
        key = name.value if isinstance(name, ox.NamedNode) else None
        if key not in graphs:
            graphs[key] = ds.graph(rdflib.URIRef(key)) if key else ds.default_graph
        graphs[key].add((_term(q.subject), _term(q.predicate), _term(q.object)))
    # from_rdf is what rdflib's serializer calls; calling it gives the document as an
    # object (no second parse) and keeps typed literals as typed values, not JSON numbers.
    doc = from_rdf(ds, context_data=context(), use_native_types=False, auto_compact=True)
    if context_iri:
        doc["@context"] = context_iri
    data = json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8")
    return data if path is None else write_bytes(path, data)


@register("jsonld")
class JsonLdExporter:
    """``geopolkg export --format jsonld``: see :func:`write_jsonld`."""

    suffix = ".jsonld"
    folder = False

    def __init__(self, context_iri: str | None = None):
        self.context_iri = context_iri

    def write(self, store, path, selection):
        return write_jsonld(store, path, selection, context_iri=self.context_iri)
