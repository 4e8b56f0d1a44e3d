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


@dataclass
class Camps:
    """Camps of a signed actor network and how balanced it is.

    Attributes
    ----------
    partition : dict
        Actor code -> camp number.
    members : list of list of str
        Camp number -> its actor codes.
    frustration : dict
        :func:`frustration` of the partition.
    triangles : dict
        :func:`triangle_balance` of the network.
    graph : networkx.Graph
        The signed network, with a ``camp`` (int) attribute on each node.
    """

    partition: dict
    members: list
    frustration: dict
    triangles: dict
    graph: nx.Graph = field(repr=False, default=None)

    def to_dict(self) -> dict:
        G = self.graph
        label = (lambda c: G.nodes[c].get("label", c)) if G is not None else (lambda c: c)
        return {"camps": [{"camp": i, "actors": [{"code": c, "name": label(c)} for c in ms]}
                          for i, ms in enumerate(self.members)],
                "frustration": self.frustration, "triangles": self.triangles,
                "since": G.graph.get("since", "") if G is not None else "",
                "until": G.graph.get("until", "") if G is not None else ""}


def camps(source, *, since=None, until=None, min_confidence: float = 0.0, min_events: int = 1) -> Camps:
    """Find the camps of the signed actor network of a time window, and its balance.

    Parameters
    ----------
    source : networkx.Graph, list of dict, or a store
        A signed graph (:func:`geopolkg.graph.signed.signed_graph`), event
        records, or a store to read them from.
    since, until, min_confidence
        The window and confidence threshold (when ``source`` is not a graph).
    min_events : int
        Ignore relations resting on fewer events than this.

    Returns
    -------
    Camps
    """
    from .signed import signed_graph

    G = source if isinstance(source, nx.Graph) else signed_graph(source, since=since, until=until,
                                                                  min_confidence=min_confidence)
    if min_events > 1:
        G = G.copy()
        G.remove_edges_from([(u, v) for u, v, d in G.edges(data=True) if d.get("count", 1) < min_events])
    partition = find_camps(G)
    nx.set_node_attributes(G, partition, "camp")
    members: list = []
    for n, c in sorted(partition.items(), key=lambda kv: (kv[1], str(kv[0]))):
        if c == len(members):
            members.append([])
        members[c].append(n)
    return Camps(partition, members, frustration(G, partition), triangle_balance(G), G)
