"""Central actors on the cooperation and the conflict layers.

For each layer (:func:`geopolkg.graph.signed.layer_graph`: directed, actor to
target, weighted by confidence x |Goldstein|) three measures per actor:

* degree: the fraction of the other actors it has a relation with, either
  way (networkx ``degree_centrality`` of the undirected layer: degree / (n - 1));
* betweenness: how often it lies on the shortest paths between two other
  actors (Brandes 2001), normalised by (n - 1)(n - 2) for directed graphs; a
  path's length is the sum of 1 / weight over its edges, so strong relations
  are short;
* PageRank (Page et al. 1999, damping 0.85, edge weights as transition
  weights): on the conflict layer, the actors conflict flows to (targets of
  much conflict, especially from actors that are targets themselves); on the
  cooperation layer, those cooperation flows to.

References
----------
.. [1] Brandes, U. (2001). A faster algorithm for betweenness centrality.
   Journal of Mathematical Sociology, 25(2), 163-177.
.. [2] Page, L., Brin, S., Motwani, R., & Winograd, T. (1999). The PageRank
   citation ranking: bringing order to the Web. Stanford InfoLab.
.. [3] Freeman, L. C. (1978). Centrality in social networks: conceptual
   clarification. Social Networks, 1(3), 215-239.
"""

from __future__ import annotations

import networkx as nx

from .signed import LAYERS, layer_graph

__all__ = ["layer_centrality", "centrality"]


def layer_centrality(G: nx.DiGraph) -> dict[str, dict[str, float]]:
    """Return {actor: {"degree", "betweenness", "pagerank", "strength"}} for one layer.

    Parameters
    ----------
    G : networkx.DiGraph
        A layer graph with positive ``weight`` on edges.

    Returns
    -------
    dict
        Per node: ``degree`` and ``betweenness`` (normalised, 0 to 1),
        ``pagerank`` (sums to 1 over the nodes), ``strength`` (sum of the
        weights of its edges, in and out). Rounded to 6 decimals.

    Examples
    --------
    A directed path A -> B -> C, all of weight 1: B lies on the one shortest
    path between two others (A to C) out of (3 - 1)(3 - 2) = 2 ordered pairs.

    >>> G = nx.DiGraph()
    >>> G.add_weighted_edges_from([("A", "B", 1.0), ("B", "C", 1.0)])
    >>> c = layer_centrality(G)
    >>> c["B"]["degree"], c["B"]["betweenness"], c["A"]["betweenness"]
    (1.0, 0.5, 0.0)
    """
    if G.number_of_nodes() == 0:
        return {}
    for _, _, d in G.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    # degree over the undirected graph: the share of the other actors it has a relation with,
    # either way (a pair with relations both ways counts once)
    degree = nx.degree_centrality(G.to_undirected()) if G.number_of_nodes() > 1 else {n: 0.0 for n in G}
    between = nx.betweenness_centrality(G, weight="distance", normalized=True)
    rank = nx.pagerank(G, alpha=0.85, weight="weight")
    strength = dict(G.degree(weight="weight"))
    for _, _, d in G.edges(data=True):
        del d["distance"]  # keep the graph as it was given
    return {n: {"degree": round(degree[n], 6), "betweenness": round(between[n], 6),
                "pagerank": round(rank[n], 6), "strength": round(float(strength[n]), 6)} for n in G}


def centrality(source, *, since=None, until=None, min_confidence: float = 0.0,
               level: str | None = None) -> list[dict]:
    """Return the centrality of every actor on the cooperation and the conflict layers.

    Parameters
    ----------
    source : list of dict, or str, Path or KnowledgeStore
        Event records, or a store.
    since, until : str or date, optional
        The time window (inclusive days).
    min_confidence : float
        Leave out less confident events.
    level : {"country", "sector"}, optional
        One node per country or per sector (:mod:`.level`); None: as the
        events were put at a level already, else per country.

    Returns
    -------
    list of dict
        One per actor: ``actor`` (``{"name", "code"}``), and for each layer
        ``cooperation`` and ``conflict`` a dict of :func:`layer_centrality`.
        Sorted by conflict PageRank, then cooperation PageRank, highest first.
    """
    from .signed import as_events

    events = as_events(source, min_confidence=min_confidence)
    layers = {name: layer_graph(events, name, since=since, until=until, level=level) for name in LAYERS}
    scores = {name: layer_centrality(G) for name, G in layers.items()}
    G0 = layers["conflict"]
    rows = []
    for code in G0.nodes:
        rows.append({"actor": {"name": G0.nodes[code]["label"], "code": code},
                     **{name: scores[name][code] for name in LAYERS}})
    return sorted(rows, key=lambda r: (-r["conflict"]["pagerank"], -r["cooperation"]["pagerank"],
                                       r["actor"]["code"]))
