"""The two-mode graph of a view: actors and the events that link them.

Where the actor graph (:func:`geopolkg.graph.actor_graph`) folds events
into relations between actors, this graph keeps every event as a node of
its own, with an edge from its actor to the event and from the event to its
target, so a reader can see which events make up a relation.
"""

from __future__ import annotations

import json

import networkx as nx

from ..graph.network import actor_graph
from ..ontology.cameo import event_type

__all__ = ["EVENT_PREFIX", "event_graph", "event_weight"]

#: Event node ids are the event id with this prefix (actor ids are codes).
EVENT_PREFIX = "event:"


def event_weight(event: dict) -> float:
    """|Goldstein| x confidence / 10, the weight one event adds to a relation.

    The same measure :func:`geopolkg.graph.actor_graph` sums per actor pair,
    so ``--min-weight`` means the same in both kinds of view.
    """
    return round(abs(float(event["goldstein"])) * float(event["confidence"]) / 10, 3)


def _type_name(code: str) -> str:
    try:
        return event_type(code).name
    except Exception:  # an unknown code is still drawn, by its code
        return ""


def _evidence(event: dict) -> str:
    return json.dumps([{"id": event["id"], "event_type": event["event_code"], "date": event.get("date") or "",
                        "sentence": event.get("sentence") or "", "article_title": event.get("article_title") or "",
                        "url": event.get("article_url") or ""}])


def event_graph(events: list[dict]) -> nx.MultiDiGraph:
    """Build the two-mode graph of actors and events.

    Parameters
    ----------
    events : list of dict
        Event records (:func:`geopolkg.store.records.read_events`).

    Returns
    -------
    networkx.MultiDiGraph
        Actor nodes as in :func:`geopolkg.graph.actor_graph` (``label``,
        ``code``, ``kind``, ``events``, ``evidence``); one node per event,
        id ``"event:" + event id``, with ``kind="event"``, ``code`` (the
        CAMEO code), ``label`` (the CAMEO name and the date), ``events=1``,
        ``date`` and its own ``evidence``. Edges: actor -> event
        (``role="actor"``) and event -> target (``role="target"``), with
        ``relation`` "cooperation" (QuadClass 1-2) or "conflict" (3-4),
        ``weight`` (:func:`event_weight`), ``issue``, ``date_min`` =
        ``date_max`` = the event's date, and the event as ``evidence``.
        Every node has a ``rank`` (0 first): actors by the events they take
        part in, each followed by up to three of the events between it and
        the actors ranked before it (heaviest first), their other events in
        later rounds; so the first nodes are the main actors and the
        heaviest events among them. ``G.graph["view"] == "events"``.

    Examples
    --------
    >>> event_graph([]).number_of_nodes()
    0
    """
    actors = actor_graph(events)
    G = nx.MultiDiGraph(view="events")
    G.add_nodes_from(actors.nodes(data=True))
    for event in events:
        node = EVENT_PREFIX + event["id"]
        date = (event.get("date") or "")[:10]
        name = _type_name(event["event_code"]) or f"CAMEO {event['event_code']}"
        evidence = _evidence(event)
        G.add_node(node, label=f"{name} ({date})" if date else name, kind="event", code=event["event_code"],
                   events=1, date=date, evidence=evidence)
        edge = {"relation": "cooperation" if int(event["quad_class"]) in (1, 2) else "conflict",
                "weight": event_weight(event), "issue": event.get("issue") or "", "count": 1,
                "date_min": date, "date_max": date, "evidence": evidence}
        G.add_edge(event["actor"]["code"], node, key="actor", role="actor", **edge)
        if event.get("target"):
            G.add_edge(node, event["target"]["code"], key="target", role="target", **edge)
    _rank(G, events)
    return G


#: Events placed right after their actor, before the next actor's; the rest come in later rounds.
_EVENTS_PER_ROUND = 3


def _rank(G: nx.MultiDiGraph, events: list[dict]) -> None:
    """Set ``rank``: each actor (most events first) with its heaviest events with those before it.

    An event belongs to the later-ranked of its two actors. Every actor comes
    with up to three of its events; their other events follow in rounds of
    three per actor, so the first nodes are the main actors and the heaviest
    events among them, not one actor's hundreds of statements.
    """
    from .overview import involvement

    involved = involvement(events)
    actors = sorted((n for n, d in G.nodes(data=True) if d.get("kind") != "event"),
                    key=lambda n: (-involved.get(n, 0), str(n)))
    place = {a: i for i, a in enumerate(actors)}
    blocks: dict = {}
    for event in events:
        ends = [event["actor"]["code"]] + ([event["target"]["code"]] if event.get("target") else [])
        blocks.setdefault(max(place[c] for c in ends), []).append(event)
    for block in blocks.values():
        block.sort(key=lambda e: (-event_weight(e), e.get("date") or "", e["id"]))
    order = []
    for i, a in enumerate(actors):
        order.append(a)
        order += [EVENT_PREFIX + e["id"] for e in blocks.get(i, [])[:_EVENTS_PER_ROUND]]
    start = _EVENTS_PER_ROUND
    while any(len(b) > start for b in blocks.values()):
        for i in range(len(actors)):
            order += [EVENT_PREFIX + e["id"] for e in blocks.get(i, [])[start:start + _EVENTS_PER_ROUND]]
        start += _EVENTS_PER_ROUND
    for rank, node in enumerate(dict.fromkeys(order)):
        G.nodes[node]["rank"] = rank
