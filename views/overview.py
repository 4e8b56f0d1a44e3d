"""The graphs the two actor views draw: the overview and the issue view.

* :func:`overview_graph`: every actor of the events, ranked by the events it
  takes part in (as actor or target), in the camps of the signed network
  (:func:`geopolkg.graph.balance.find_camps`, among the 600 most involved;
  the others join the camp they are most friendly with), with one edge per pair of
  actors: the pair's signed relation (the sum of Goldstein x confidence of
  the events between them, :func:`geopolkg.graph.signed.signed_graph`),
  ``cooperation`` when positive, ``conflict`` when negative, ``neutral`` when
  zero.
* :func:`issue_graph`: the actors of the events on an issue, each with its
  stance on it (the sum of stance x confidence of its events on the
  matching issues, :mod:`geopolkg.graph.stance`) and a side: ``supports``
  when all its stance events are for, ``opposes`` when all are against,
  ``undecided`` otherwise (mixed, or no stance event); edges are the
  relations of :func:`geopolkg.graph.actor_graph` on the issue (opposition,
  alignment, conflict, cooperation).

Node attributes both share, read by :mod:`geopolkg.views.html`: ``label``,
``code``, ``kind``, ``events``, ``involved`` (events the actor is actor or
target of), ``rank`` (0 for the most important; a total order) and
``evidence`` (JSON). Every attribute is a str, int or float.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

import networkx as nx

from ..graph.balance import find_camps
from ..graph.network import _evidence_item, actor_graph
from ..graph.signed import signed_graph
from ..graph.stance import actor_stances, issue_matches, issues_of
from ..ontology.actors import kind_of_code

__all__ = ["overview_graph", "issue_graph", "involvement", "NO_CAMP", "SIDES"]

#: The ``camp`` of an actor that shares no camp with another.
NO_CAMP = -1
#: Sides of the issue view, left to right.
SIDES = ("supports", "undecided", "opposes")


def involvement(events: list[dict]) -> Counter:
    """Count, per actor code, the events it is the actor or the target of (once per event)."""
    counts: Counter = Counter()
    for e in events:
        codes = {e["actor"]["code"]}
        if e.get("target"):
            codes.add(e["target"]["code"])
        counts.update(codes)
    return counts


def _rank(G: nx.Graph, involved: Counter) -> None:
    """Set ``involved`` and ``rank`` on every node: most events first, then strength, then code."""
    strength: dict = defaultdict(float)
    for u, v, d in G.edges(data=True):
        w = abs(float(d.get("weight") or 0.0))
        strength[u] += w
        strength[v] += w
    order = sorted(G.nodes, key=lambda n: (-involved.get(n, 0), -strength[n], str(n)))
    for i, n in enumerate(order):
        G.nodes[n]["involved"] = int(involved.get(n, 0))
        G.nodes[n]["rank"] = i


def _add_actors(G: nx.Graph, events: list[dict], max_evidence: int) -> None:
    own: dict = defaultdict(list)
    seen: dict = defaultdict(list)
    for e in events:
        own[e["actor"]["code"]].append(e)
        for role in ("actor", "target"):
            actor = e.get(role)
            if actor:
                seen[actor["code"]].append(e)
                if actor["code"] not in G:
                    G.add_node(actor["code"], label=actor["name"] or actor["code"], code=actor["code"],
                               kind=kind_of_code(actor["code"]))
    for code, evs in seen.items():
        G.nodes[code]["events"] = len(own[code])
        G.nodes[code]["evidence"] = json.dumps([_evidence_item(e) for e in (own[code] or evs)[:max_evidence]])


#: Camps are found among this many actors, the most involved; each other actor
#: joins the camp it has the most positive signed weight with, if any.
CAMP_ACTORS = 600


def _camp_numbers(S: nx.Graph, involved: Counter, order: list) -> dict:
    """Actor -> camp number, camps numbered by the events of their members (0 most); alone: NO_CAMP.

    The camps are those of :func:`geopolkg.graph.balance.find_camps` on the
    signed network of the first :data:`CAMP_ACTORS` actors of `order` (its
    local search grows faster than the network); an actor after them joins
    the camp to which the sum of its signed weights is largest and positive.
    """
    core = [n for n in order if n in S][:CAMP_ACTORS]
    sub = S.subgraph(core)
    partition = find_camps(sub) if sub.number_of_edges() else {}
    members: dict = defaultdict(list)
    for n, c in partition.items():
        members[c].append(n)
    camps = [ms for ms in members.values() if len(ms) > 1]
    camps.sort(key=lambda ms: (-sum(involved.get(m, 0) for m in ms), sorted(map(str, ms))[0]))
    numbers = {m: i for i, ms in enumerate(camps) for m in ms}
    for n in order:
        if n in numbers or n not in S or n in partition:
            continue
        ties: dict = defaultdict(float)
        for m, d in S[n].items():
            if m in numbers:
                ties[numbers[m]] += float(d["weight"])
        best = max(ties.items(), key=lambda kv: (kv[1], -kv[0]), default=(None, 0.0))
        if best[1] > 0:
            numbers[n] = best[0]
    return numbers


def overview_graph(events: list[dict], *, max_evidence: int = 20) -> nx.Graph:
    """Build the overview: actors in camps, with their signed relations.

    Parameters
    ----------
    events : list of dict
        Event records (:func:`geopolkg.store.records.read_events`), already
        selected (days, confidence).
    max_evidence : int
        Evidence items kept per actor and per relation (their totals are kept
        in ``count`` and ``events``).

    Returns
    -------
    networkx.Graph
        Undirected; ``G.graph["view"] == "overview"``. Node attributes: those
        of the module doc, and ``camp`` (int, :data:`NO_CAMP` for an actor
        that shares no camp). Edge attributes: ``relation`` (cooperation,
        conflict, neutral), ``weight`` (absolute value of the signed sum),
        ``signed_weight``, ``count``, ``cooperation`` and ``conflict`` (event
        counts by QuadClass), ``date_min``, ``date_max``, ``evidence`` (JSON
        items, strongest tone first) and ``layout_weight``.

    Examples
    --------
    >>> overview_graph([]).number_of_nodes()
    0
    """
    G = nx.Graph(view="overview")
    _add_actors(G, events, max_evidence)
    S = signed_graph(events)
    by_id = {e["id"]: e for e in events}
    for u, v, d in S.edges(data=True):
        w = float(d["weight"])
        evs = [by_id[i] for i in json.loads(d["evidence"]) if i in by_id]
        evs.sort(key=lambda e: (-abs(float(e["goldstein"]) * float(e["confidence"])), e.get("date") or "", e["id"]))
        G.add_edge(u, v, relation="cooperation" if w > 0 else "conflict" if w < 0 else "neutral",
                   weight=round(abs(w), 3), signed_weight=round(w, 3), count=int(d["count"]),
                   cooperation=int(d["cooperation"]), conflict=int(d["conflict"]),
                   date_min=d["date_min"], date_max=d["date_max"], issue="",
                   evidence=json.dumps([_evidence_item(e) for e in evs[:max_evidence]]),
                   # friends are pulled together harder than foes
                   layout_weight=1.0 + (2.0 if w > 0 else 0.0))
    involved = involvement(events)
    _rank(G, involved)
    order = sorted(G.nodes, key=lambda n: G.nodes[n]["rank"])
    camps = _camp_numbers(S, involved, order)
    for n in G.nodes:
        G.nodes[n]["camp"] = camps.get(n, NO_CAMP)
    return G


def issue_graph(events: list[dict], issue: str, *, max_evidence: int = 20) -> nx.MultiDiGraph:
    """Build the issue view: the actors of an issue on its sides, with their relations on it.

    Parameters
    ----------
    events : list of dict
        Event records; only those whose issue label or key contains `issue`
        (case-insensitive) are used.
    issue : str
        Text of the issue's label or key.
    max_evidence : int
        Evidence items kept per actor and relation.

    Returns
    -------
    networkx.MultiDiGraph
        ``G.graph``: ``view="issue"``, ``issue`` (the matching issues'
        labels, ``; ``-joined). Node attributes: those of the module doc, and
        ``side`` (supports, undecided, opposes), ``score`` (sum of stance x
        confidence, float), ``supports`` and ``opposes`` (stance event
        counts); ``evidence`` lists the actor's stance events on the issue
        first. Edges: as :func:`geopolkg.graph.actor_graph` with ``issue``.

    Examples
    --------
    >>> issue_graph([], "bagram").number_of_nodes()
    0
    """
    chosen = [e for e in events if issue_matches(e, issue)]
    G = actor_graph(chosen, issue=issue, max_evidence=max_evidence)
    G.graph.update(view="issue", issue="; ".join(sorted(set(issues_of(chosen, issue).values()))))
    stance: dict = defaultdict(lambda: [0.0, 0, 0])  # score, events for, events against
    for per_issue in actor_stances(chosen, issue).values():
        for code, s in per_issue.items():
            cell = stance[code]
            cell[0] += s.score
            cell[1] += s.positive
            cell[2] += s.negative
    by_actor: dict = defaultdict(list)
    for e in chosen:
        by_actor[e["actor"]["code"]].append(e)
    for code in G.nodes:
        score, pro, con = stance.get(code, (0.0, 0, 0))
        side = "supports" if pro and not con else "opposes" if con and not pro else "undecided"
        own = sorted(by_actor.get(code, []), key=lambda e: (not e.get("stance"), e.get("date") or "", e["id"]))
        G.nodes[code].update(side=side, score=round(float(score), 3), supports=int(pro), opposes=int(con))
        if own:
            G.nodes[code]["evidence"] = json.dumps([_evidence_item(e) for e in own[:max_evidence]])
    involved = involvement(chosen)
    strength = Counter()
    for u, v, d in G.edges(data=True):
        strength[u] += float(d.get("weight") or 0.0)
        strength[v] += float(d.get("weight") or 0.0)
    order = sorted(G.nodes, key=lambda n: (-abs(G.nodes[n]["score"]), -involved.get(n, 0), -strength[n], str(n)))
    for i, n in enumerate(order):
        G.nodes[n]["involved"] = int(involved.get(n, 0))
        G.nodes[n]["rank"] = i
    return G
