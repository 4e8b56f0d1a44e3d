"""RDF exports of the store: N-Quads and TriG keep one named graph per
article; Turtle and N-Triples hold the union of the graphs (as triples).

A selected export (``--issue``, ``--actor``, ``--since``/``--until``) keeps
the whole named graph of every article that has at least one selected event,
plus the ontology graph: an article's graph is the unit of provenance (the
article, its events, actors and issues), so a selection never leaves an
event without the article it came from, and the file can be ingested back
(:mod:`geopolkg.exports.rdf_ingest`) without losing anything of those articles.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..errors import ExportError
from ..ontology import iris
from ..ontology.namespace import CAMEO, GPK, GPO, OWL, PLOVER, PROV, RDF, RDFS, SDO, SEM, SKOS, XSD
from .base import register, write_bytes
from .selection import Selection

__all__ = ["RDF_FORMATS", "PREFIXES", "write_rdf", "selected_graphs", "selected_quads", "RdfExporter"]

#: Format name -> (pyoxigraph format, keeps named graphs, file suffix).
RDF_FORMATS = {
    "nquads": (ox.RdfFormat.N_QUADS, True, ".nq"),
    "trig": (ox.RdfFormat.TRIG, True, ".trig"),
    "turtle": (ox.RdfFormat.TURTLE, False, ".ttl"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False, ".nt"),
}

#: Prefixes written in Turtle and TriG (and used by the JSON-LD context).
PREFIXES = {"gpo": str(GPO._NS), "gpk": str(GPK), "cameo": str(CAMEO), "plover": str(PLOVER),
            "schema": str(SDO), "prov": str(PROV), "sem": str(SEM), "rdf": str(RDF),
            "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL), "skos": str(SKOS)}


def selected_graphs(store, selection: Selection) -> list[ox.NamedNode] | None:
    """Return the named graphs a selected export keeps, or None for all of them.

    The graphs are those of the articles of the selected events, then the
    ontology graph.
    """
    if selection.everything:
        return None
    from ..store.records import read_events

    articles = sorted({e["article"] for e in selection.events(read_events(store))})
    return [ox.NamedNode(iris.article_graph_iri(a)) for a in articles] + [ox.NamedNode(iris.ONTOLOGY_GRAPH)]


def selected_quads(store, selection: Selection):
    """Yield the quads of the selected graphs (every quad when nothing is filtered)."""
    graphs = selected_graphs(store, selection)
    if graphs is None:
        yield from store.quads()
        return
    for graph in graphs:
        for row in store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"):
            yield ox.Quad(row["s"], row["p"], row["o"], graph)


def _triples(quads):
    seen = set()
    for q in quads:
        triple = q.triple
        if triple not in seen:
            seen.add(triple)
            yield triple


def write_rdf(store, fmt: str, path: str | Path | None, selection: Selection | None = None) -> bytes | None:
    """Write the store (or a selection of it) as ``fmt`` to ``path``.

    Parameters
    ----------
    store : KnowledgeStore
    fmt : str
        ``nquads``, ``trig`` (named graphs kept), ``turtle`` or ``ntriples``
        (the union of the graphs).
    path : str, Path or None
        The file to write; None or ``"-"`` returns the bytes.
    selection : Selection, optional
        See :func:`selected_graphs`.

    Returns
    -------
    bytes or None
        The data when ``path`` is None, else None.

    Raises
    ------
    ExportError
        For an unknown format or an unwritable path.
    """
    if fmt not in RDF_FORMATS:
        raise ExportError(f"unknown RDF format {fmt!r}; use one of {sorted(RDF_FORMATS)}")
    oxfmt, keeps_graphs, _ = RDF_FORMATS[fmt]
    selection = selection or Selection()
    if fmt == "nquads" and selection.everything:
        data = store.dump(oxfmt)  # N-Quads has no prefixes: the store's own dump is the fastest path
    else:
        quads = selected_quads(store, selection)
        data = ox.serialize(quads if keeps_graphs else _triples(quads), format=oxfmt, prefixes=PREFIXES)
    if path is None or str(path) == "-":
        return data
    write_bytes(Path(path), data)
    return None


class RdfExporter:
    """The common writer of the four RDF syntaxes (see :func:`write_rdf`)."""

    name = ""
    suffix = ""
    folder = False

    def write(self, store, path, selection):
        data = write_rdf(store, self.name, path, selection)
        return data if path is None else path


def _register(fmt: str):
    cls = type(f"{fmt.capitalize()}Exporter", (RdfExporter,), {"suffix": RDF_FORMATS[fmt][2]})
    return register(fmt)(cls)


for _fmt in RDF_FORMATS:
    _register(_fmt)
