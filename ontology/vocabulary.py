"""The geopolkg vocabulary as one RDF graph.

``ontology/geopolkg.ttl`` declares the classes and properties of the ``gpo:``
namespace (:class:`geopolkg.ontology.namespace.GPO`); the CAMEO and PLOVER event
types come from :func:`geopolkg.ontology.cameo.cameo_scheme_graph`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from rdflib import Graph

from geopolkg.errors import OntologyError
from geopolkg.ontology.cameo import cameo_scheme_graph

__all__ = ["vocabulary_graph"]

_RESOURCE = "geopolkg.ttl"


@cache
def _ontology_triples() -> tuple[tuple, tuple]:
    """Parse ``geopolkg.ttl`` once; return its triples and prefix bindings."""
    data = resources.files("geopolkg.ontology").joinpath(_RESOURCE).read_text(encoding="utf-8")
    g = Graph()
    try:
        g.parse(data=data, format="turtle")
    except Exception as err:  # rdflib raises several parser-specific types
        raise OntologyError(f"cannot parse the vocabulary: {err}",
                            where=f"geopolkg/ontology/{_RESOURCE}") from err
    return tuple(g), tuple(g.namespaces())


def vocabulary_graph() -> Graph:
    """Build the full geopolkg vocabulary: the OWL ontology plus the event-type schemes.

    Returns
    -------
    rdflib.Graph
        A new graph on each call holding the triples of ``geopolkg.ttl`` and of
        :func:`~geopolkg.ontology.cameo.cameo_scheme_graph`.

    Raises
    ------
    OntologyError
        If ``geopolkg.ttl`` is not valid Turtle.

    Examples
    --------
    >>> from rdflib.namespace import OWL, RDF
    >>> from geopolkg.ontology.namespace import CAMEO, GPO
    >>> from geopolkg.ontology.vocabulary import vocabulary_graph
    >>> g = vocabulary_graph()
    >>> (GPO.Event, RDF.type, OWL.Class) in g
    True
    >>> (CAMEO["046"], GPO.quadClass, None) in g
    True
    """
    triples, namespaces = _ontology_triples()
    g = cameo_scheme_graph()
    for prefix, ns in namespaces:
        g.bind(prefix, ns, override=False)
    for triple in triples:
        g.add(triple)
    return g
