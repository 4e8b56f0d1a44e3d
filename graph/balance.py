"""Structural balance of the signed actor network, and its camps.

A signed network is *balanced* when its actors split into camps with only
positive relations inside a camp and only negative ones between camps
("the enemy of my enemy is my friend"); equivalently, every cycle has an even
number of negative edges (Cartwright & Harary 1956). Two measures say how far
a network is from that:

* the fraction of balanced triangles: a triangle of signed relations is
  balanced when the product of its three signs is positive (+++ or +--);
* the frustration of a partition into camps: the relations that break it,
  negative inside a camp or positive between camps, counted and weighted.

The camps are the partition of least frustration that the local search
below finds. Minimising frustration is the signed community detection of
Traag & Bruggeman (2009) with both resolution parameters set to 0 (their
Hamiltonian then differs from the weighted frustration by a constant); the
search moves one actor at a time to the camp that lowers the frustration
most (as in the Louvain method), then merges camps while that lowers it,
from two starts (every actor alone; the components of the positive
relations) and keeps the better. It is exact on the small hand-made cases of
the tests; on large networks it is a heuristic (the problem is NP-hard).

References
----------
.. [1] Cartwright, D., & Harary, F. (1956). Structural balance: a
   generalization of Heider's theory. Psychological Review, 63(5), 277-293.
.. [2] Traag, V. A., & Bruggeman, J. (2009). Community detection in networks
   with positive and negative links. Physical Review E, 80(3), 036115.
.. [3] Aref, S., & Wilson, M. C. (2018). Measuring partial balance in signed
   networks. Journal of Complex Networks, 6(4), 566-595 (frustration index).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

__all__ = ["triangle_balance", "frustration", "find_camps", "Camps", "camps"]


def _signed_edges(G: nx.Graph):
    for u, v, d in G.edges(data=True):
        w = float(d.get("weight", 0.0))
        if u != v and w != 0:
            yield u, v, w


def triangle_balance(G: nx.Graph) -> dict:
    """Count the balanced and unbalanced triangles of a signed graph.

    Parameters
    ----------
    G : networkx.Graph
        Undirected; an edge's sign is the sign of its ``weight`` (edges of
        weight 0 are not relations).

    Returns
    -------
    dict
        ``triangles``, ``balanced``, ``unbalanced`` (int) and ``fraction``
        (balanced / triangles, float; None when there is no triangle).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("A", "B", 1), ("B", "C", -1), ("A", "C", -1),  # + - -: balanced
    ...                            ("C", "D", -1), ("B", "D", -1)])                 # B C D: - - -
    >>> triangle_balance(G)
    {'triangles': 2, 'balanced': 1, 'unbalanced': 1, 'fraction': 0.5}
    """
    sign = {}
    adj: dict = {}
    for u, v, w in _signed_edges(G):
        sign[frozenset((u, v))] = 1 if w > 0 else -1
        adj.setdefault(u, set()).add(v)
        adj.setdefault(v, set()).add(u)
    order = {n: i for i, n in enumerate(sorted(adj, key=str))}
    total = balanced = 0
    for u in adj:
        for v in adj[u]:
            if order[v] <= order[u]:
                continue
            for w in adj[u] & adj[v]:
                if order[w] <= order[v]:
                    continue
                total += 1
                product = sign[frozenset((u, v))] * sign[frozenset((v, w))] * sign[frozenset((u, w))]
                balanced += product > 0
    return {"triangles": total, "balanced": balanced, "unbalanced": total - balanced,
            "fraction": round(balanced / total, 6) if total else None}


def frustration(G: nx.Graph, partition: dict) -> dict:
    """Return how much a partition into camps is broken by the signed relations.

    Parameters
    ----------
    G : networkx.Graph
        Undirected, signed ``weight`` on edges.
    partition : dict
        Node -> camp (any hashable); nodes missing from it are each alone.

    Returns
    -------
    dict
        ``edges`` (signed relations), ``frustrated`` (negative inside a camp or
        positive between camps), ``weight`` (sum of their absolute weights),
        ``total_weight`` (of all relations) and ``index`` (weight / total
        weight, 0 for a balanced partition; None without relations).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("A", "B", 2.0), ("A", "C", -1.0), ("B", "C", 0.5)])
    >>> frustration(G, {"A": 0, "B": 0, "C": 1})
    {'edges': 3, 'frustrated': 1, 'weight': 0.5, 'total_weight': 3.5, 'index': 0.142857}
    """
    edges = frustrated = 0
    weight = total = 0.0
    for u, v, w in _signed_edges(G):
        edges += 1
        total += abs(w)
        same = partition.get(u, ("alone", u)) == partition.get(v, ("alone", v))
        if (same and w < 0) or (not same and w > 0):
            frustrated += 1
            weight += abs(w)
    return {"edges": edges, "frustrated": frustrated, "weight": round(weight, 6),
            "total_weight": round(total, 6), "index": round(weight / total, 6) if total else None}


def _links(G):
    links: dict = {n: {} for n in G.nodes}
    for u, v, w in _signed_edges(G):
        links[u][v] = links[u].get(v, 0.0) + w
        links[v][u] = links[v].get(u, 0.0) + w
    return links


def _local_moves(nodes, links, camp):
    """Move actors one at a time to the camp that lowers the frustration most."""
    sizes: dict = {}
    for c in camp.values():
        sizes[c] = sizes.get(c, 0) + 1
    next_id = max(camp.values(), default=-1) + 1
    for _ in range(100):  # passes; each move strictly lowers the frustration, so this ends
        moved = False
        for n in nodes:
            # up to a constant, an actor's cost in camp C is minus the sum of its signed weights
            # into C (negative relations inside cost, positive ones outside cost); alone it is 0
            score: dict = {}
            for m, w in links[n].items():
                score[camp[m]] = score.get(camp[m], 0.0) - w
            current = score.get(camp[n], 0.0)
            options = sorted((v, c) for c, v in score.items() if c != camp[n])
            if sizes[camp[n]] > 1:
                options.append((0.0, next_id))
            if not options:
                continue
            best_score, best = min(options, key=lambda o: o[0])
            if best_score < current - 1e-12:
                sizes[camp[n]] -= 1
                camp[n] = best
                sizes[best] = sizes.get(best, 0) + 1
                next_id = max(next_id, best + 1)
                moved = True
        if not moved:
            break
    return camp


def _merge_camps(links, camp):
    """Merge two camps while the relations between them are positive on balance."""
    while True:
        between: dict = {}
        for n, nbrs in links.items():
            for m, w in nbrs.items():
                a, b = camp[n], camp[m]
                if a < b:
                    between[(a, b)] = between.get((a, b), 0.0) + w
        gains = [(w, pair) for pair, w in between.items() if w > 1e-12]
        if not gains:
            return camp
        _, (a, b) = max(gains, key=lambda g: (g[0], -g[1][0], -g[1][1]))
        for n in camp:
            if camp[n] == b:
                camp[n] = a


def _weighted_frustration(links, camp):
    total = 0.0
    for n, nbrs in links.items():
        for m, w in nbrs.items():
            if (camp[n] == camp[m]) == (w < 0):
                total += abs(w)
    return total / 2


def find_camps(G: nx.Graph) -> dict:
    """Return a partition of least frustration found: {node: camp number}.

    Camps are numbered 0, 1, ... by size (largest first), then by their first
    member; an actor without signed relations is a camp of its own.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("A", "B", 1), ("C", "D", 2), ("A", "C", -1), ("B", "D", -3)])
    >>> find_camps(G)
    {'A': 0, 'B': 0, 'C': 1, 'D': 1}
    """
    nodes = sorted(G.nodes, key=str)
    links = _links(G)
    starts = [{n: i for i, n in enumerate(nodes)}]
    positive = nx.Graph()
    positive.add_nodes_from(nodes)
    positive.add_edges_from((u, v) for u, v, w in _signed_edges(G) if w > 0)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(positive)), key=lambda c: str(c[0]))
    starts.append({n: i for i, c in enumerate(comps) for n in c})
    best = None
    for camp in starts:
        for _ in range(10):  # alternate moves and merges until neither changes anything
            before = dict(camp)
            camp = _merge_camps(links, _local_moves(nodes, links, camp))
            if camp == before:
                break
        cost = _weighted_frustration(links, camp)
        if best is None or cost < best[0] - 1e-12:
            best = (cost, camp)
    members: dict = {}
    for n in nodes:
        members.setdefault(best[1][n], []).append(n)
    ordered = sorted(members.values(), key=lambda ms: (-len(ms), str(ms[0])))
    return {n: i for i, ms in enumerate(ordered) for n in ms}


def _signed_events(d: dict):
    """The signed events a relation rests on (cooperation and conflict, not neutral
    statements), or None when the graph does not say (a graph made by hand)."""
    if "cooperation" in d or "conflict" in d:
        return int(d.get("cooperation") or 0) + int(d.get("conflict") or 0)
    if "count" in d:
        return int(d["count"])
    return None


def _evidenced(G: nx.Graph, min_events: int, min_weight: float) -> nx.Graph:
    """The relations of ``G`` with enough evidence, and the actors they join."""
    H = nx.Graph(**G.graph)
    for u, v, d in G.edges(data=True):
        n = _signed_events(d)
        if u == v or (n is not None and n < min_events) or abs(float(d.get("weight", 0.0))) < min_weight:
            continue
        for node in (u, v):
            if node not in H:
                H.add_node(node, **G.nodes[node])
        H.add_edge(u, v, **d)
    return H


def _placements(partition: dict, nodes: list) -> dict:
    """Per actor, the set of actors in its camp (for co-assignment counts)."""
    by_camp: dict = {}
    for n in nodes:
        by_camp.setdefault(partition[n], set()).add(n)
    return {n: by_camp[partition[n]] for n in nodes}


def _stability(H: nx.Graph, partition: dict, tones: dict, resamples: int, seed: int) -> dict | None:
    """Per actor, the share of its placements (with or apart from each other
    actor) that the camps of resampled evidence reproduce; None without the
    events (a graph given by hand).

    Each resample draws the events behind the relations of ``H`` with
    replacement (as many as there are; a bootstrap, Efron 1979), sums their
    tones per pair, and finds the camps again among the same actors.
    """
    if not tones or resamples <= 0 or H.number_of_nodes() < 2:
        return None
    import random

    rng = random.Random(seed)
    nodes = sorted(H.nodes, key=str)
    pool = [(pair, t) for pair, ts in sorted(tones.items()) for t in ts]
    agree = {n: 0 for n in nodes}
    same = _placements(partition, nodes)
    for _ in range(resamples):
        weights: dict = {}
        for pair, t in rng.choices(pool, k=len(pool)):
            weights[pair] = weights.get(pair, 0.0) + t
        R = nx.Graph()
        R.add_nodes_from(nodes)
        R.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items() if w)
        again = _placements(find_camps(R), nodes)
        for n in nodes:
            agree[n] += sum(1 for m in nodes if m != n and ((m in same[n]) == (m in again[n])))
    pairs = (len(nodes) - 1) * resamples
    return {n: round(agree[n] / pairs, 3) for n in nodes}


def _agreement(H: nx.Graph, partition: dict) -> dict:
    """Per actor, the share of the weight of its relations that its camp fits
    (positive inside, negative outside): 1.0 when nothing it does breaks it."""
    fit: dict = {n: [0.0, 0.0] for n in H.nodes}
    for u, v, w in _signed_edges(H):
        ok = (partition[u] == partition[v]) == (w > 0)
        for n in (u, v):
            fit[n][1] += abs(w)
            fit[n][0] += abs(w) if ok else 0.0
    return {n: round(a / t, 3) if t else None for n, (a, t) in fit.items()}


@dataclass
class Camps:
    """Camps of a signed actor network, how sure they are, and how balanced the network is.

    Attributes
    ----------
    partition : dict
        Actor code -> camp number, for the actors with enough evidence.
    members : list of list of str
        Camp number -> its actor codes.
    frustration : dict
        :func:`frustration` of the partition.
    triangles : dict
        :func:`triangle_balance` of the network of evidenced relations.
    graph : networkx.Graph
        The evidenced relations, with ``camp`` (int), ``agreement`` and
        ``stability`` (float or None) on each node.
    agreement : dict
        Actor -> share of the weight of its relations that the camps fit.
    stability : dict or None
        Actor -> share of its placements (with or apart from each other
        actor) that resampled evidence reproduces; None when camps were
        found on a graph given without its events.
    left_out : list of dict
        Actors of the network with too little evidence: ``code``, ``name``,
        ``events`` (signed events of its relations, all too thin).
    evidence : dict
        The thresholds used: ``min_events``, ``min_weight``, ``resamples``.
    """

    partition: dict
    members: list
    frustration: dict
    triangles: dict
    graph: nx.Graph = field(repr=False, default=None)
    agreement: dict = field(default_factory=dict)
    stability: dict | None = None
    left_out: list = field(default_factory=list)
    evidence: dict = field(default_factory=dict)

    def camp_stability(self, camp: int) -> float | None:
        """The mean stability of a camp's members (None without resamples)."""
        if self.stability is None:
            return None
        values = [self.stability[n] for n in self.members[camp]]
        return round(sum(values) / len(values), 3)

    @property
    def alone(self) -> list:
        """Actors with evidenced relations but no ally: camps of one (codes)."""
        return [ms[0] for ms in self.members if len(ms) == 1]

    def to_dict(self) -> dict:
        """``camps`` (two actors or more, numbered as in ``members``), ``alone``
        (actors with no ally in the evidence), ``left_out``, ``evidence``,
        ``frustration``, ``triangles``, ``since``, ``until``."""
        G = self.graph
        label = (lambda c: G.nodes[c].get("label", c)) if G is not None else (lambda c: c)
        stability = self.stability or {}

        def actor(c):
            return {"code": c, "name": label(c), "agreement": self.agreement.get(c), "stability": stability.get(c)}

        return {"camps": [{"camp": i, "stability": self.camp_stability(i), "actors": [actor(c) for c in ms]}
                          for i, ms in enumerate(self.members) if len(ms) > 1],
                "alone": [actor(c) for c in self.alone],
                "left_out": list(self.left_out), "evidence": dict(self.evidence),
                "frustration": self.frustration, "triangles": self.triangles,
                "since": G.graph.get("since", "") if G is not None else "",
                "until": G.graph.get("until", "") if G is not None else ""}


def camps(source, *, since=None, until=None, min_confidence: float = 0.0, min_events: int = 2,
          min_weight: float = 1.0, resamples: int = 100, seed: int = 0, level: str | None = None) -> Camps:
    """Find the camps of the signed actor network of a time window, how sure they are, and its balance.

    A camp is a group of actors on one side: their relations with each
    other are, on balance, cooperative and their relations with the other
    camps, on balance, conflictual, as far as the evidence allows (the
    partition of least frustration, :func:`find_camps`). From events, only
    those that take a side count (:func:`geopolkg.graph.acts.takes_side`:
    conflict against, support, aid and material cooperation for; meetings,
    negotiations, offers, appeals and statements show contact, not a side),
    weighted by Goldstein value x confidence. Only relations with enough
    evidence take part: at least ``min_events`` such events and a signed
    weight of at least ``min_weight``. Actors with no such relation are left
    out (``left_out``), not made camps of one; an actor whose evidenced
    relations give it no ally stands alone (``alone``).

    Parameters
    ----------
    source : networkx.Graph, list of dict, or a store
        A signed graph (:func:`geopolkg.graph.signed.signed_graph`), event
        records, or a store to read them from.
    since, until, min_confidence, level
        The window, confidence threshold and level (when ``source`` is not a graph).
    min_events : int
        Least number of cooperation and conflict events of a relation
        (a graph without those counts, made by hand, keeps all its relations).
    min_weight : float
        Least absolute signed weight (Goldstein x confidence) of a relation:
        below one unit it rests on contact, not on a side taken (as for
        :func:`geopolkg.graph.derive.derived_relations`).
    resamples : int
        How many bootstrap resamples of the events measure how sure the camps
        are (``stability``; 0 to skip). Given a graph, there are no events to
        resample and ``stability`` is None.
    seed : int
        Seed of the resampling (the result is the same for the same seed).

    Returns
    -------
    Camps

    Raises
    ------
    AnalysisError
        For a bad window or an unknown level.

    Examples
    --------
    A and B endorse each other (CAMEO 051), A and C fight (190): two camps,
    C alone. D's meeting with B (040) shows contact, not a side, and its one
    endorsement of B is too little evidence: D is left out, not made a camp.

    >>> a, b, c, d = ({"name": n, "code": n} for n in ("AAA", "BBB", "CCC", "DDD"))
    >>> ev = [{"id": f"e{i}", "actor": x, "target": y, "event_code": k, "goldstein": g, "confidence": 1.0,
    ...        "quad_class": q} for i, (x, y, k, g, q) in enumerate([
    ...       (a, b, "051", 3.4, 1), (b, a, "051", 3.4, 1), (a, c, "190", -10.0, 4), (c, a, "190", -10.0, 4),
    ...       (d, b, "040", 1.0, 1), (d, b, "051", 3.4, 1)])]
    >>> result = camps(ev)
    >>> result.members, result.alone, result.left_out
    ([['AAA', 'BBB'], ['CCC']], ['CCC'], [{'code': 'DDD', 'name': 'DDD', 'events': 1}])

    Every relation fits the camps (agreement 1.0), but they rest on four
    events: in some resamples neither of A and B's two events is drawn, and
    the two are apart.

    >>> result.agreement["AAA"], result.camp_stability(0)
    (1.0, 0.96)
    """
    from .acts import takes_side
    from .signed import _dyadic, relation_events, signed_graph, tone

    tones: dict = {}
    if isinstance(source, nx.Graph):
        G = source
        names = {n: G.nodes[n].get("label", n) for n in G.nodes}
    else:
        dyadic = list(_dyadic(relation_events(source, since=since, until=until, min_confidence=min_confidence,
                                              level=level)))
        G = signed_graph([e for e in dyadic if takes_side(e)], since=since, until=until, level=level)
        names = {a["code"]: a["name"] for e in dyadic for a in (e["actor"], e["target"])}
        for e in dyadic:
            if takes_side(e):
                pair = tuple(sorted((e["actor"]["code"], e["target"]["code"])))
                tones.setdefault(pair, []).append(tone(e))
    H = _evidenced(G, min_events, min_weight)
    tones = {pair: ts for pair, ts in tones.items() if H.has_edge(*pair)}
    left_out = []
    for n in sorted(set(names) - set(H.nodes), key=str):
        thin = [_signed_events(d) or 0 for _, _, d in G.edges(n, data=True)] if n in G else []
        left_out.append({"code": n, "name": names[n], "events": max(thin, default=0)})
    partition = find_camps(H)
    agreement = _agreement(H, partition)
    stability = _stability(H, partition, tones, resamples, seed)
    nx.set_node_attributes(H, partition, "camp")
    nx.set_node_attributes(H, agreement, "agreement")
    if stability is not None:
        nx.set_node_attributes(H, stability, "stability")
    members: list = []
    for n, c in sorted(partition.items(), key=lambda kv: (kv[1], str(kv[0]))):
        if c == len(members):
            members.append([])
        members[c].append(n)
    return Camps(partition, members, frustration(H, partition), triangle_balance(H), H, agreement, stability,
                 left_out, {"min_events": min_events, "min_weight": min_weight,
                            "resamples": resamples if stability is not None else 0})
