"""The actor network as a networkx graph, for views, exports and notebooks.

Nodes are actors (keyed by code), one per country by default (see
:mod:`.level`); edges are relations of four kinds: ``cooperation`` and
``conflict`` (events between two actors, by QuadClass: 1-2 cooperation, 3-4
conflict; neutral statements and acts not done make no edge, see
:mod:`.acts`), and ``opposition`` and ``alignment`` on an issue (from
:mod:`.opposition`). Every attribute is a str, int or float, so
the graph can be written to GraphML and GEXF as it is: lists of evidence are
JSON strings.
"""

from __future__ import annotations

import json
from collections import defaultdict

import networkx as nx

from ..ontology.actors import kind_of_code
from .acts import relation_of
from .level import at_level
from .opposition import alignment, opposition

__all__ = ["actor_graph"]


def _evidence_item(event: dict) -> dict:
    # the actor and target as coded ("United States military"), whatever the level of the node
    actor, target = event.get("coded_actor") or event["actor"], event.get("coded_target", event.get("target"))
    return {"id": event["id"], "event_type": event["event_code"], "date": event.get("date") or "",
            "sentence": event.get("sentence") or "", "article_title": event.get("article_title") or "",
            "url": event.get("article_url") or "", "actor": actor["name"], "target": (target or {}).get("name", "")}


def actor_graph(events: list[dict], *, issue: str | None = None, max_evidence: int = 20,
                level: str | None = None) -> nx.MultiDiGraph:
    """Build the actor network from event records.

    Parameters
    ----------
    events : list of dict
        Event records (:func:`geopolkg.store.records.read_events`).
    issue : str, optional
        Keep only events and relations on issues matching this text.
    max_evidence : int
        At most this many evidence items are kept per node or edge.
    level : {"country", "sector"}, optional
        One node per country or per sector (:mod:`.level`); None: as the
        events were put at a level already, else per country.

    Returns
    -------
    networkx.MultiDiGraph
        Node attributes: ``label``, ``code``, ``kind``, ``events`` (int),
        ``evidence`` (JSON). Edge attributes: ``relation``, ``weight``
        (float), ``issue`` (str, may be empty), ``evidence`` (JSON),
        ``date_min``, ``date_max`` (ISO dates or empty), ``count`` (int).

    Raises
    ------
    AnalysisError
        For an unknown level.

    Examples
    --------
    >>> G = actor_graph([])
    >>> G.number_of_nodes()
    0
    """
    from .stance import issue_matches

    if issue is not None:
        events = [e for e in events if issue_matches(e, issue)]
    events = at_level(events, level)
    by_id = {e["id"]: e for e in events}
    G = nx.MultiDiGraph()
    counts: dict[str, list] = defaultdict(list)
    for event in events:
        for role in ("actor", "target"):
            actor = event.get(role)
            if actor:
                counts[actor["code"]].append(event)
                if actor["code"] not in G:
                    G.add_node(actor["code"], label=actor["name"], code=actor["code"],
                               kind=kind_of_code(actor["code"]))
    for code, evs in counts.items():
        own = [e for e in evs if e["actor"]["code"] == code]
        G.nodes[code]["events"] = len(own)
        G.nodes[code]["evidence"] = json.dumps([_evidence_item(e) for e in (own or evs)[:max_evidence]])
    pairs: dict[tuple, list] = defaultdict(list)
    for event in events:
        target = event.get("target")
        relation = relation_of(event)
        if not target or target["code"] == event["actor"]["code"] or relation is None:
            continue
        pairs[(event["actor"]["code"], target["code"], relation)].append(event)
    for (a, b, relation), evs in sorted(pairs.items()):
        dates = sorted(e["date"] for e in evs if e.get("date"))
        G.add_edge(a, b, key=relation, relation=relation, issue="",
                   weight=round(sum(abs(float(e["goldstein"])) * float(e["confidence"]) for e in evs) / 10, 3),
                   count=len(evs), date_min=dates[0] if dates else "", date_max=dates[-1] if dates else "",
                   evidence=json.dumps([_evidence_item(e) for e in evs[:max_evidence]]))
    for rel in opposition(events, issue, level) + alignment(events, issue, level):
        evs = [by_id[i] for i in sorted(set(rel.evidence)) if i in by_id]
        dates = sorted(e["date"] for e in evs if e.get("date"))
        G.add_edge(rel.a["code"], rel.b["code"], key=f"{rel.kind}:{rel.issue_key}", relation=rel.kind,
                   issue=rel.issue or "", weight=round(rel.weight, 3), count=len(evs),
                   date_min=dates[0] if dates else "", date_max=dates[-1] if dates else "",
                   evidence=json.dumps([_evidence_item(e) for e in evs[:max_evidence]]))
    return G
