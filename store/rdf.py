"""Turn an extraction result into RDF quads, all in the article's named graph.

Terms are pyoxigraph terms; every IRI comes from :mod:`geopolkg.ontology.iris`
and every piece of article text is a literal, so text cannot change the
structure of the graph. Dates are typed: ``xsd:date`` for days,
``xsd:dateTime`` with its time zone for instants.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad

from ..extraction.coder import EXTRACTOR_VERSION
from ..extraction.event import Event
from ..ontology import iris
from ..ontology.actor_graph import actor_triples
from ..ontology.namespace import CAMEO, GPO, PLOVER, PROV, RDF, RDFS, SDO, SEM, XSD, OWL

__all__ = ["result_quads", "date_literal", "actor_triples"]


def _n(term) -> NamedNode:
    return NamedNode(str(term))


def date_literal(value: dt.date | dt.datetime) -> Literal:
    """Return an ``xsd:date`` (a day) or ``xsd:dateTime`` (an instant, with its zone).

    Oxigraph keeps the lexical form, so the time zone survives a round trip
    (rdflib's ``Literal`` would drop it on some serializations).
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return Literal(value.isoformat(), datatype=_n(XSD.dateTime))
    return Literal(value.isoformat(), datatype=_n(XSD.date))


def _int(value: int) -> Literal:
    return Literal(str(int(value)), datatype=_n(XSD.integer))


def _dec(value: float) -> Literal:
    return Literal(str(Decimal(str(value))), datatype=_n(XSD.decimal))


def _bool(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=_n(XSD.boolean))


def _article_triples(article) -> list[tuple]:
    s = NamedNode(iris.article_iri(article.id))
    out = [(s, _n(RDF.type), _n(GPO.Article)),
           (s, _n(RDF.type), _n(SDO.NewsArticle)),
           (s, _n(SDO.identifier), Literal(article.id)),
           (s, _n(SDO.text), Literal(article.text)),
           (s, _n(SDO.inLanguage), Literal(article.language)),
           (s, _n(GPO.contentHash), Literal(article.content_hash)),
           (s, _n(GPO.extractorVersion), Literal(EXTRACTOR_VERSION))]
    # The agent that events point to with prov:wasGeneratedBy must be described
    # where they are (SHACL gpos:EventShape checks it is a gpo:Extractor).
    agent = NamedNode(iris.EXTRACTOR_IRI)
    out += [(agent, _n(RDF.type), _n(GPO.Extractor)),
            (agent, _n(RDF.type), _n(PROV.SoftwareAgent)),
            (agent, _n(RDFS.label), Literal("geopolkg extractor")),
            (agent, _n(GPO.extractorVersion), Literal(EXTRACTOR_VERSION))]
    if article.title:
        out.append((s, _n(SDO.headline), Literal(article.title)))
    if article.published:
        out.append((s, _n(SDO.datePublished), date_literal(article.published)))
    if article.source:
        out.append((s, _n(SDO.publisher), Literal(article.source)))
    if article.url:
        out.append((s, _n(SDO.url), Literal(article.url, datatype=_n(XSD.anyURI))))
    return out


def _event_triples(event: Event, article_node: NamedNode) -> list[tuple]:
    s = NamedNode(iris.event_iri(event.id))
    et = event.event_type
    out = [(s, _n(RDF.type), _n(GPO.Event)),
           (s, _n(GPO.actor), NamedNode(iris.actor_iri(event.actor.code))),
           (s, _n(GPO.eventType), _n(CAMEO[et.code])),
           (s, _n(GPO.cameoCode), Literal(et.code)),
           (s, _n(GPO.cameoRoot), _n(CAMEO[et.root])),
           (s, _n(GPO.quadClass), _int(et.quad_class)),
           (s, _n(GPO.goldstein), _dec(et.goldstein)),
           (s, _n(GPO.ploverType), _n(PLOVER[et.plover_type])),
           (s, _n(GPO.stance), _int(event.stance)),
           (s, _n(GPO.sentence), Literal(event.sentence)),
           (s, _n(GPO.sentenceIndex), _int(event.sentence_index)),
           (s, _n(GPO.charStart), _int(event.char_start)),
           (s, _n(GPO.charEnd), _int(event.char_end)),
           (s, _n(GPO.trigger), Literal(event.trigger)),
           (s, _n(GPO.confidence), _dec(event.confidence)),
           (s, _n(GPO.isIntent), _bool(event.intent)),
           (s, _n(GPO.isNegated), _bool(event.negated)),
           (s, _n(PROV.wasDerivedFrom), article_node),
           (s, _n(PROV.wasGeneratedBy), NamedNode(iris.EXTRACTOR_IRI)),
           (s, _n(RDFS.label), Literal(f"{event.actor.code} {et.code} {event.target.code if event.target else '-'}"))]
    if et.plover_mode:
        out.append((s, _n(GPO.ploverMode), Literal(et.plover_mode)))
    if event.target is not None:
        out.append((s, _n(GPO.target), NamedNode(iris.actor_iri(event.target.code))))
    if event.date is not None:
        out.append((s, _n(GPO.date), date_literal(event.date)))
        out.append((s, _n(SEM.hasTimeStamp), date_literal(event.date)))
    if event.issue is not None:
        out.append((s, _n(GPO.issue), NamedNode(iris.issue_iri(event.issue.key))))
    if event.actor_person:
        person = NamedNode(iris.person_iri(event.actor_person))
        out += [(s, _n(PROV.wasAttributedTo), person),
                (person, _n(RDF.type), _n(GPO.Person)),
                (person, _n(SDO.name), Literal(event.actor_person)),
                (person, _n(SDO.memberOf), NamedNode(iris.actor_iri(event.actor.code)))]
    return out


def result_quads(result) -> list[Quad]:
    """Return every quad for one :class:`~geopolkg.extraction.extractor.ExtractionResult`.

    All quads are in the article's named graph
    (:func:`geopolkg.ontology.iris.article_graph_iri`).
    """
    article = result.article
    graph = NamedNode(iris.article_graph_iri(article.id))
    article_node = NamedNode(iris.article_iri(article.id))
    triples = _article_triples(article)
    actors = {}
    issues = {}
    for event in result.events:
        triples += _event_triples(event, article_node)
        for actor in (event.actor, event.target):
            if actor is not None:
                actors[actor.code] = actor
        if event.issue is not None:
            issues[event.issue.key] = event.issue
    for actor in actors.values():
        triples += actor_triples(actor)
    for issue in issues.values():
        node = NamedNode(iris.issue_iri(issue.key))
        triples += [(node, _n(RDF.type), _n(GPO.Issue)),
                    (node, _n(RDFS.label), Literal(issue.label)),
                    (node, _n(SDO.identifier), Literal(issue.key))]
        if issue.location:
            triples.append((node, _n(GPO.countryCode), Literal(issue.location)))
    seen = set()
    quads = []
    for s, p, o in triples:
        quad = Quad(s, p, o, graph)
        if quad not in seen:
            seen.add(quad)
            quads.append(quad)
    return quads
