"""RDF namespaces used by geopolkg.

``GPO`` is the project's vocabulary (declared in ``ontology/geopolkg.ttl``);
``GPK`` is the base of instance IRIs (minted only in :mod:`geopolkg.ontology.iris`).
Unknown terms raise ``AttributeError`` at once, as rdflib's DefinedNamespace does.
"""

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = ["GPO", "GPK", "CAMEO", "PLOVER", "SEM", "SDO", "OWL", "PROV", "RDF",
           "RDFS", "SKOS", "XSD", "GEO"]

GPK = Namespace("https://w3id.org/geopolkg/id/")
CAMEO = Namespace("https://w3id.org/geopolkg/cameo/")
PLOVER = Namespace("https://w3id.org/geopolkg/plover/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SDO = Namespace("https://schema.org/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")


class GPO(DefinedNamespace):
    """The geopolkg ontology (``https://w3id.org/geopolkg/ontology#``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/geopolkg/ontology#")

    # classes
    Actor: object
    State: object
    Government: object
    ArmedGroup: object
    Organization: object
    Person: object
    Event: object
    Issue: object
    Article: object
    Extractor: object
    # event properties
    actor: object
    target: object
    eventType: object
    cameoCode: object
    cameoRoot: object
    quadClass: object
    goldstein: object
    ploverType: object
    ploverMode: object
    issue: object
    stance: object
    date: object
    confidence: object
    isIntent: object
    isNegated: object
    trigger: object
    actorText: object
    targetText: object
    # provenance
    sentence: object
    charStart: object
    charEnd: object
    sentenceIndex: object
    contentHash: object
    extractorVersion: object
    # actor properties
    code: object
    countryCode: object
    sector: object
    kind: object
    # derived relations
    Relation: object
    Opposition: object
    Alignment: object
    relationKind: object
    between: object
    weight: object
    evidence: object
