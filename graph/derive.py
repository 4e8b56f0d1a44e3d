"""Derived relations back into RDF: who opposes and who aligns with whom, with evidence.

Two sorts of relation are derived from the stored events (issue edits applied):

* on an issue (:mod:`.opposition`): two actors *oppose* each other when they
  take opposite stances on it or one aims conflict at the other about it,
  and *align* when they take the same side;
* in the signed actor network (:mod:`.signed`), whatever the issue: two
  actors oppose each other when the sum of the Goldstein x confidence of the
  events between them is negative, and align when it is positive.

Each relation becomes a resource in the named graph of derived relations
(:data:`geopolkg.ontology.iris.DERIVED_GRAPH`), replaced whole on each run::

    <.../id/relation/opposition%2Fbagram%2FAFGGOV%2FUSAGOV>
        a gpo:Relation, gpo:Opposition ;
        gpo:relationKind "opposition" ;
        rdfs:label "AFGGOV opposes USAGOV on military presence at Bagram air base" ;
        gpo:between <.../id/actor/AFGGOV>, <.../id/actor/USAGOV> ;
        gpo:weight 2.15 ;
        gpo:issue <.../id/issue/bagram> ;              # absent for network relations
        sem:hasBeginTimeStamp "2025-09-20"^^xsd:date ;  # the days of its evidence
        sem:hasEndTimeStamp "2025-09-20"^^xsd:date ;
        gpo:evidence <.../id/event/3d9edfc7033ada58>, ... .

``geopolkg derive`` writes the graph; once it exists, ``geopolkg ingest`` and the
issue edits refresh it. ``gpo:evidence`` names every event the relation rests on, so ``geopolkg
remove ARTICLE`` (:meth:`geopolkg.store.KnowledgeStore.remove_article`) drops
the relations that rest only on that article's events. For an opposition on
an issue, the first actor of the label is the side against the issue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad

from ..ontology import iris
from ..ontology.namespace import GPO, RDF, RDFS, SDO, SEM, XSD

__all__ = ["DerivedRelation", "derived_relations", "relation_quads", "derive", "has_derived"]


@dataclass
class DerivedRelation:
    """One derived relation between two actors.

    Attributes
    ----------
    kind : {"opposition", "alignment"}
    a, b : dict
        ``{"name", "code"}``.
    issue_key, issue : str
        The issue, or empty for a relation of the signed network.
    weight : float
        Sum of the confidences of its evidence (on an issue), or the absolute
        signed weight (network).
    date_min, date_max : str
        ISO days of its first and last dated evidence, or empty.
    evidence : list of str
        Event ids.
    """

    kind: str
    a: dict
    b: dict
    issue_key: str = ""
    issue: str = ""
    weight: float = 0.0
    date_min: str = ""
    date_max: str = ""
    evidence: list = field(default_factory=list)

    @property
    def iri(self) -> str:
        return iris.iri("relation", f"{self.kind}/{self.issue_key or 'network'}/{self.a['code']}/{self.b['code']}")

    @property
    def label(self) -> str:
        verb = "opposes" if self.kind == "opposition" else "aligns with"
        where = f" on {self.issue}" if self.issue_key else " (signed network)"
        return f"{self.a['code']} {verb} {self.b['code']}{where}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "a": self.a, "b": self.b, "issue": self.issue, "issue_key": self.issue_key,
                "weight": round(self.weight, 3), "date_min": self.date_min, "date_max": self.date_max,
                "evidence": list(self.evidence), "iri": self.iri}


def _span(by_id, ids):
    days = sorted((by_id[i].get("date") or "")[:10] for i in ids if i in by_id and by_id[i].get("date"))
    return (days[0], days[-1]) if days else ("", "")


def derived_relations(events: list[dict], *, network: bool = True, min_weight: float = 1.0,
                      level: str | None = None) -> list[DerivedRelation]:
    """Return the relations to store: on issues, and (with ``network``) in the signed network.

    Parameters
    ----------
    events : list of dict
        Event records (:func:`geopolkg.graph.issues.load_events`).
    network : bool
        Also derive relations of the signed network (whatever the issue).
    min_weight : float
        A network relation needs a signed weight of at least this size (in
        Goldstein units x confidence): below one unit it rests on contact,
        such as one meeting reported with less than full confidence (CAMEO
        040, Goldstein 1), rather than on a side taken. On the re3d gold
        (``bench/re3d_relations.py``) 1.0 drops 5 of 37 pairs, none correct.
    level : {"country", "sector"}
        Actors as countries (default) or sectors (:mod:`.level`), as the
        ``opposition`` and ``pairs`` commands count them.

    Returns
    -------
    list of DerivedRelation
        Sorted by kind, issue key and actor codes.

    Examples
    --------
    >>> us, af = {"name": "US", "code": "USAGOV"}, {"name": "AF", "code": "AFGGOV"}
    >>> ev = [{"id": "e1", "issue_key": "b", "issue": "base", "stance": 1, "confidence": 1.0, "actor": us,
    ...        "target": None, "quad_class": 1, "goldstein": 0.0, "date": "2025-09-19"},
    ...       {"id": "e2", "issue_key": "b", "issue": "base", "stance": -1, "confidence": 0.5, "actor": af,
    ...        "target": us, "quad_class": 3, "goldstein": -4.0, "date": "2025-09-20"}]
    >>> [(r.kind, r.a["code"], r.b["code"], r.issue_key, r.weight, r.date_min, r.date_max)
    ...  for r in derived_relations(ev)]
    [('opposition', 'AFG', 'USA', '', 2.0, '2025-09-20', '2025-09-20'), ('opposition', 'AFG', 'USA', 'b', 1.5, '2025-09-19', '2025-09-20')]
    """
    from .opposition import alignment, opposition
    from .signed import signed_graph

    by_id = {e["id"]: e for e in events}
    out = []
    for rel in opposition(events, level=level) + alignment(events, level=level):
        ids = sorted(set(rel.evidence))
        first, last = _span(by_id, ids)
        out.append(DerivedRelation(rel.kind, rel.a, rel.b, rel.issue_key, rel.issue or rel.issue_key,
                                   round(rel.weight, 6), first, last, ids))
    if network:
        G = signed_graph(events, level=level)
        for u, v, d in G.edges(data=True):
            if d["sign"] == 0 or abs(d["weight"]) < min_weight:
                continue
            a, b = sorted((u, v))
            out.append(DerivedRelation("opposition" if d["sign"] < 0 else "alignment",
                                       {"name": G.nodes[a]["label"], "code": a},
                                       {"name": G.nodes[b]["label"], "code": b}, "", "", abs(d["weight"]),
                                       d["date_min"], d["date_max"], json.loads(d["evidence"])))
    return sorted(out, key=lambda r: (r.kind, r.issue_key, r.a["code"], r.b["code"]))


def _n(term) -> NamedNode:
    return NamedNode(str(term))


def _date(day: str) -> Literal:
    return Literal(day, datatype=_n(XSD.date))


def relation_quads(relations: list[DerivedRelation], edited_issues: dict | None = None) -> list[Quad]:
    """Return the quads of ``relations`` in the derived-relations graph.

    ``edited_issues`` ({key: label}) are issues made or relabelled by users'
    edits: they are described there too (``gpo:Issue``, ``schema:identifier``,
    ``rdfs:label``), so SPARQL finds the label the user gave. Every IRI is
    minted by :mod:`geopolkg.ontology.iris`; names and labels are literals.
    """
    graph = NamedNode(iris.DERIVED_GRAPH)
    quads = []
    for key, label in sorted((edited_issues or {}).items()):
        node = NamedNode(iris.issue_iri(key))
        quads += [Quad(node, _n(RDF.type), _n(GPO.Issue), graph), Quad(node, _n(RDFS.label), Literal(label), graph),
                  Quad(node, _n(SDO.identifier), Literal(key), graph)]
    for rel in relations:
        s = NamedNode(rel.iri)
        cls = GPO.Opposition if rel.kind == "opposition" else GPO.Alignment
        triples = [(_n(RDF.type), _n(GPO.Relation)), (_n(RDF.type), _n(cls)),
                   (_n(GPO.relationKind), Literal(rel.kind)), (_n(RDFS.label), Literal(rel.label)),
                   (_n(GPO.between), NamedNode(iris.actor_iri(rel.a["code"]))),
                   (_n(GPO.between), NamedNode(iris.actor_iri(rel.b["code"]))),
                   (_n(GPO.weight), Literal(f"{rel.weight:.6f}".rstrip("0").rstrip(".") or "0",
                                            datatype=_n(XSD.decimal)))]
        if rel.issue_key:
            triples.append((_n(GPO.issue), NamedNode(iris.issue_iri(rel.issue_key))))
        if rel.date_min:
            triples.append((_n(SEM.hasBeginTimeStamp), _date(rel.date_min)))
            triples.append((_n(SEM.hasEndTimeStamp), _date(rel.date_max)))
        triples += [(_n(GPO.evidence), NamedNode(iris.event_iri(i))) for i in rel.evidence]
        quads += [Quad(s, p, o, graph) for p, o in triples]
    return quads


def has_derived(store) -> bool:
    """True if the store has a graph of derived relations."""
    return bool(store.select(f"SELECT ?s WHERE {{ GRAPH <{iris.DERIVED_GRAPH}> {{ ?s ?p ?o }} }} LIMIT 1"))


def derive(store, *, network: bool = True, min_weight: float = 1.0, level: str | None = None) -> list[DerivedRelation]:
    """Recompute the derived relations of a store and replace its derived-relations graph.

    Parameters
    ----------
    store : KnowledgeStore
        Open for writing.
    network : bool
        Also store the relations of the signed network.
    min_weight, level
        See :func:`derived_relations`.

    Returns
    -------
    list of DerivedRelation
        What was written (one transaction: the old graph or the new one, never half).

    Raises
    ------
    StoreError
        If the store is read-only.
    AnalysisError
        If the store's issue edits file is malformed (nothing is changed).
    """
    from ..store.records import read_events
    from .issues import apply_edits, read_edits, store_folder

    stored = read_events(store)
    events = apply_edits(stored, read_edits(store_folder(store)))
    before = {(e["issue_key"], e["issue"]) for e in stored if e.get("issue_key")}
    edited = {e["issue_key"]: e["issue"] for e in events
              if e.get("issue_key") and (e["issue_key"], e["issue"]) not in before}
    relations = derived_relations(events, network=network, min_weight=min_weight, level=level)
    used = {r.issue_key for r in relations}
    store.replace_graph(iris.DERIVED_GRAPH, relation_quads(relations, {k: v for k, v in edited.items() if k in used}))
    return relations
