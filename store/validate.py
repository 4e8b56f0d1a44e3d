"""Check a store against the project's SHACL shapes (``ontology/shapes.ttl``) with pyshacl.

The data graph is the union of the store's graphs: the article graphs, the
derived relations, and the ontology graph, which is needed so that
``sh:class`` sees the ``rdfs:subClassOf`` hierarchy (a ``gpo:Government`` is a
``gpo:Actor``) and the CAMEO and PLOVER concepts. No inference beyond that
(pyshacl's ``inference="none"``): the shapes check what is stored.

Reference: W3C Shapes Constraint Language (SHACL), Recommendation 2017-07-20.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources

import pyoxigraph as ox

from ..errors import OntologyError, StoreError
from ..ontology import iris
from .oxigraph import KnowledgeStore

__all__ = ["Violation", "ValidationReport", "shapes_graph", "validate_store"]

_SH = "http://www.w3.org/ns/shacl#"

_RESULTS = f"""
PREFIX sh: <{_SH}>
SELECT ?focus ?path ?value ?message ?severity ?shape ?component WHERE {{
  ?report sh:result ?r .  # top-level results only, not their sh:detail
  ?r sh:focusNode ?focus ; sh:resultSeverity ?severity ;
     sh:sourceConstraintComponent ?component .
  OPTIONAL {{ ?r sh:resultPath ?path }}
  OPTIONAL {{ ?r sh:value ?value }}
  OPTIONAL {{ ?r sh:resultMessage ?message }}
  OPTIONAL {{ ?r sh:sourceShape ?shape }}
}}"""


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result.

    Attributes
    ----------
    focus : str
        The node that fails (an IRI, or ``_:id`` for a blank node).
    path : str or None
        The property path checked (an IRI), if the constraint was on a property.
    value : str or None
        The offending value, if any.
    message : str
        pyshacl's or the shape's message.
    severity : str
        ``Violation``, ``Warning`` or ``Info``.
    shape : str or None
        The shape that failed (an IRI of ``ontology/shapes.ttl`` or a blank node).
    component : str
        The SHACL constraint component (``MinCountConstraintComponent``...).
    graph : str or None
        The named graph holding the focus node (the article's graph, usually).
    """

    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str
    shape: str | None
    component: str
    graph: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        where = f" in <{self.graph}>" if self.graph else ""
        path = f" {_short(self.path)}" if self.path else ""
        value = f" (value {self.value!r})" if self.value is not None else ""
        return f"{self.severity}: <{self.focus}>{path}{where}: {self.message}{value} [{self.component}]"


@dataclass
class ValidationReport:
    """The outcome of :func:`validate_store`: ``conforms`` and the ``violations``."""

    conforms: bool
    violations: list = field(default_factory=list)
    triples_checked: int = 0


@cache
def _shapes_ntriples() -> str:
    from rdflib import Graph

    text = resources.files("geopolkg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    try:
        return Graph().parse(data=text, format="turtle").serialize(format="nt")
    except Exception as err:  # rdflib raises several parser-specific types
        raise OntologyError(f"cannot parse the SHACL shapes: {err}", "geopolkg/ontology/shapes.ttl") from err


def shapes_graph():
    """Return the SHACL shapes of ``ontology/shapes.ttl`` as a new rdflib Graph.

    Raises
    ------
    OntologyError
        If the file is not valid Turtle.
    """
    from rdflib import Graph

    return Graph().parse(data=_shapes_ntriples(), format="nt")


def _data_graph(store: KnowledgeStore, article: str | None):
    """The union of the graphs to check, as an rdflib Graph (through N-Triples)."""
    from rdflib import Graph

    if article is None:
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    else:
        graph = iris.article_graph_iri(article)
        if graph not in {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}:
            raise StoreError(f"no article {article!r} in the store", str(store.path))
        triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} UNION "
                              f"{{ GRAPH <{iris.ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }} }}")
    data = triples.serialize(format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")


def validate_store(store: KnowledgeStore, *, article: str | None = None) -> ValidationReport:
    """Validate the store (or one article's graph) against the SHACL shapes.

    Parameters
    ----------
    store : KnowledgeStore
    article : str, optional
        Check only this article's named graph (with the ontology).

    Returns
    -------
    ValidationReport
        ``conforms`` is True when no result has severity ``sh:Violation``;
        ``violations`` holds every result (warnings too), sorted by graph and
        focus node, each with the named graph that holds its focus node.

    Raises
    ------
    StoreError
        If ``article`` is not stored.
    OntologyError
        If the shapes file is broken.

    Notes
    -----
    pyshacl works on an in-memory rdflib graph, so memory and time grow with
    the store (about a second per few thousand events); use ``article`` to
    check one article after an ingest.
    """
    import pyshacl

    data = _data_graph(store, article)
    conforms, results, _text = pyshacl.validate(data, shacl_graph=shapes_graph(), inference="none",
                                                advanced=True, allow_warnings=True)
    violations = []
    for row in results.query(_RESULTS):
        focus = _text_of(row.focus)
        violations.append(Violation(
            focus=focus, path=_text_of(row.path), value=_text_of(row.value),
            message=str(row.message) if row.message is not None else "",
            severity=str(row.severity).rsplit("#", 1)[-1], shape=_text_of(row.shape),
            component=str(row.component).rsplit("#", 1)[-1],
            graph=_graph_of(store, row.focus)))
    violations.sort(key=lambda v: (v.graph or "", v.focus, v.path or "", v.component))
    return ValidationReport(conforms=bool(conforms), violations=violations, triples_checked=len(data))


def _text_of(term) -> str | None:
    if term is None:
        return None
    from rdflib import BNode

    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _graph_of(store: KnowledgeStore, focus) -> str | None:
    from rdflib import URIRef

    if not isinstance(focus, URIRef):
        return None
    return store.graph_of(str(focus))


def _short(iri: str) -> str:
    for prefix, ns in (("gpo:", "https://w3id.org/geopolkg/ontology#"), ("schema:", "https://schema.org/"),
                       ("prov:", "http://www.w3.org/ns/prov#"), ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#"),
                       ("sem:", "http://semanticweb.cs.vu.nl/2009/11/sem/")):
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    return f"<{iri}>"
