"""The actor knowledge base as RDF, for the store's ontology named graph.

What is written (every IRI minted by :mod:`geopolkg.ontology.iris`):

* every actor code the knowledge base can give is a node
  ``actor_iri(code)`` (``.../id/actor/USAGOV``): ``gpo:Actor`` and its kind's
  class, ``rdfs:label``, ``gpo:code``, ``gpo:kind``, ``gpo:countryCode``,
  ``gpo:sector``: the same node the events' ``gpo:actor`` and ``gpo:target``
  point to;
* a country is its state's node (``actor/AFG``); an organization with one
  code of its own is that code's node (``actor/IGONAT``); a group whose code
  changed over time or is shared (the Taliban, the Qassam Brigades) has a
  node ``organization/KEY``; a person ``person/NAME`` (as in the article
  graphs). Each has ``skos:prefLabel`` and ``rdfs:label`` (its name),
  ``skos:altLabel`` (its aliases, any script), ``skos:hiddenLabel`` (a
  country's demonyms) and ``owl:sameAs`` its Wikidata entity where known;
* a seat of power is an ``skos:altLabel`` of the sector it speaks for ("the
  Pentagon" of ``USAMIL``);
* a role or period, after schema.org's Role pattern: ``entity
  schema:memberOf role . role schema:memberOf actor`` with
  ``schema:roleName``, ``gpo:code``, ``schema:startDate`` and
  ``schema:endDate`` (``xsd:date``, inclusive; absent when open).
"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from . import iris
from .actors import ActorKB, Entry
from .namespace import GPO, OWL, RDF, RDFS, SDO, SKOS, XSD

__all__ = ["WIKIDATA", "entry_iri", "actor_triples", "kb_triples", "kb_quads", "kb_graph", "ontology_quads"]

#: Base of Wikidata entity IRIs (the form Wikidata itself uses for owl:sameAs).
WIKIDATA = "http://www.wikidata.org/entity/"

_KIND_CLASS = {"government": GPO.Government, "state": GPO.State, "armed group": GPO.ArmedGroup,
               "organization": GPO.Organization, "person": GPO.Person}


def _n(term) -> NamedNode:
    return NamedNode(str(term))


def _own_code(kb: ActorKB, entry: Entry) -> str | None:
    """The code that is this organization's alone, if it has exactly one."""
    codes = {p.code for p in entry.periods}
    if len(codes) != 1:
        return None
    code = codes.pop()
    return code if kb.org_names.get(code) == entry.name or code == entry.key.removeprefix("org:") else None


def entry_iri(kb: ActorKB, entry: Entry) -> str:
    """Return the IRI of a knowledge-base entry (see the module docstring for the rule)."""
    if entry.kind in ("country", "demonym"):
        return iris.actor_iri(entry.country)
    if entry.kind == "person":
        return iris.person_iri(entry.name)
    if entry.kind == "seat":
        return iris.actor_iri(entry.periods[0].code)
    own = _own_code(kb, entry)
    return iris.actor_iri(own) if own else iris.iri("organization", entry.key.removeprefix("org:"))


def actor_triples(actor) -> list[tuple]:
    """Triples (subject, predicate, object) describing an :class:`~geopolkg.ontology.actors.Actor`:
    its classes, label, code, kind, country and sector. Used for the knowledge
    base here and for the actors of each article graph by the store."""
    s = NamedNode(iris.actor_iri(actor.code))
    out = [(s, _n(RDF.type), _n(GPO.Actor)), (s, _n(RDFS.label), Literal(actor.name)),
           (s, _n(GPO.code), Literal(actor.code)), (s, _n(GPO.kind), Literal(actor.kind))]
    if actor.kind in _KIND_CLASS:
        out.append((s, _n(RDF.type), _n(_KIND_CLASS[actor.kind])))
    if actor.country:
        out.append((s, _n(GPO.countryCode), Literal(actor.country)))
    if actor.sector:
        out.append((s, _n(GPO.sector), Literal(actor.sector)))
    return out


def _actor_triples(kb: ActorKB, code: str) -> list[tuple]:
    return actor_triples(kb.actor(code))


def _date(value) -> Literal:
    return Literal(value.isoformat(), datatype=_n(XSD.date))


def _entry_triples(kb: ActorKB, entry: Entry) -> list[tuple]:
    s = NamedNode(entry_iri(kb, entry))
    if entry.kind == "seat":
        return [(s, _n(SKOS.altLabel), Literal(entry.name))]
    if entry.kind == "demonym":
        return [(s, _n(SKOS.hiddenLabel), Literal(a)) for a in sorted({entry.name, *entry.aliases})]
    kind = {"country": "state"}.get(entry.kind, entry.kind)
    out = [(s, _n(RDF.type), _n(_KIND_CLASS.get(kind, GPO.Actor))), (s, _n(RDF.type), _n(GPO.Actor)),
           (s, _n(SKOS.prefLabel), Literal(entry.name)), (s, _n(RDFS.label), Literal(entry.name))]
    out += [(s, _n(SKOS.altLabel), Literal(a)) for a in sorted(set(entry.aliases) - {entry.name})]
    if entry.country:
        out.append((s, _n(GPO.countryCode), Literal(entry.country)))
    if entry.wikidata:
        out.append((s, _n(OWL.sameAs), NamedNode(WIKIDATA + entry.wikidata)))
    if entry.kind == "person" or _own_code(kb, entry) is None:
        out += _role_triples(s, entry)
    return out


def _role_triples(s: NamedNode, entry: Entry) -> list[tuple]:
    out = []
    for i, period in enumerate(entry.periods):
        role = NamedNode(iris.iri("role", f"{entry.key}/{i}"))
        out += [(s, _n(SDO.memberOf), role), (role, _n(RDF.type), _n(SDO.Role)),
                (role, _n(SDO.memberOf), NamedNode(iris.actor_iri(period.code))),
                (role, _n(GPO.code), Literal(period.code))]
        if period.role:
            out.append((role, _n(SDO.roleName), Literal(period.role)))
        if period.start:
            out.append((role, _n(SDO.startDate), _date(period.start)))
        if period.end:
            out.append((role, _n(SDO.endDate), _date(period.end)))
    return out


def kb_triples(kb: ActorKB) -> list[tuple]:
    """Return the knowledge base as (subject, predicate, object) pyoxigraph terms, without duplicates."""
    codes = set()
    triples: list[tuple] = []
    for entry in kb.entries.values():
        codes.update(kb.codes_of(entry))
        triples += _entry_triples(kb, entry)
    for code in sorted(codes):
        triples += _actor_triples(kb, code)
    return list(dict.fromkeys(triples))


def kb_quads(kb: ActorKB, graph: str = iris.ONTOLOGY_GRAPH) -> list[Quad]:
    """Return the knowledge base as pyoxigraph quads in ``graph`` (default: the ontology graph).

    Built once per knowledge base and graph (kept on the ``kb`` object,
    which :func:`~geopolkg.ontology.actors.load_kb` caches), since every new
    store loads them.
    """
    cache = kb.__dict__.setdefault("_quads", {})
    if graph not in cache:
        g = NamedNode(graph)
        cache[graph] = [Quad(s, p, o, g) for s, p, o in kb_triples(kb)]
    return list(cache[graph])


def kb_graph(kb: ActorKB):
    """Return the knowledge base as an :class:`rdflib.Graph` (for notebooks and exports)."""
    from rdflib import Graph, Literal as RLiteral, URIRef

    def conv(term):
        if isinstance(term, NamedNode):
            return URIRef(term.value)
        return RLiteral(term.value, datatype=URIRef(term.datatype.value) if term.language is None
                        and term.datatype.value != str(XSD.string) else None, lang=term.language)

    g = Graph()
    for prefix, ns in (("gpo", GPO._NS), ("skos", SKOS), ("schema", SDO), ("owl", OWL)):
        g.bind(prefix, ns)
    for s, p, o in kb_triples(kb):
        g.add((conv(s), conv(p), conv(o)))
    return g


def ontology_quads(kb: ActorKB) -> list[Quad]:
    """Return the whole ontology graph: the vocabulary plus the knowledge base.

    For replacing the store's ontology graph after a user dictionary changed
    (``KnowledgeStore.replace_graph(ONTOLOGY_GRAPH, ontology_quads(kb))``).
    """
    from .vocabulary import vocabulary_graph

    g = NamedNode(iris.ONTOLOGY_GRAPH)
    quads = []
    for s, p, o in vocabulary_graph():
        quads.append(Quad(_term(s), _term(p), _term(o), g))
    return quads + kb_quads(kb)


def _term(term):
    from rdflib import BNode, URIRef
    from pyoxigraph import BlankNode

    if isinstance(term, URIRef):
        return NamedNode(str(term))
    if isinstance(term, BNode):
        return BlankNode(str(term))
    if term.language:
        return Literal(str(term), language=term.language)
    return Literal(str(term), datatype=NamedNode(str(term.datatype))) if term.datatype else Literal(str(term))
