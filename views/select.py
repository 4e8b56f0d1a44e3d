"""What a view draws: the selection of events, actors and relations.

One function, :func:`select_graph`, turns event records into the graph a
view draws, applying in this order

1. the event filters: ``issue`` (text in the issue's label or key, as in
   :func:`geopolkg.graph.stance.issue_matches`), ``since``/``until`` (days,
   inclusive; undated events are left out once a bound is given) and
   ``min_confidence``;
2. the graph: ``kind="actors"`` without ``issue``, the overview (actors in
   camps with their signed relations, :func:`geopolkg.views.overview.overview_graph`);
   with ``issue``, the issue view (its supporters, undecided and opponents,
   :func:`geopolkg.views.overview.issue_graph`); ``kind="events"``, actors
   and events as a two-mode graph (:func:`geopolkg.views.twomode.event_graph`);
3. ``min_weight``: edges lighter than this are dropped, then the nodes left
   without any edge;
4. ``actor`` with ``hops``: the actors matching the name (a code, or text in
   the name; case-insensitive) and everything within ``hops`` relations of
   them (in the two-mode graph one relation is two steps, actor-event-actor);
5. the size cap: at most ``max_nodes`` nodes and ``max_edges`` edges, the
   strongest part (see :func:`strongest_part`).

The result says what the cap left out, so the CLI can tell the user.
Notebooks can call it directly::

    >>> from geopolkg.views.select import select_graph
    >>> select_graph([]).graph.number_of_nodes()
    0
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import networkx as nx

from ..errors import ViewError
from ..graph.level import at_level
from ..graph.stance import issue_matches
from .overview import issue_graph, overview_graph
from .twomode import event_graph

__all__ = ["KINDS", "MAX_NODES", "MAX_EDGES", "Selected", "select_events", "select_graph",
           "neighbourhood", "strongest_part"]

#: The kinds of graph a view can draw.
KINDS = ("actors", "events")
#: Default size cap of a view (vis-network stays responsive up to about this).
MAX_NODES = 5000
MAX_EDGES = 20000


@dataclass
class Selected:
    """The graph a view draws, and what the size cap left out of it.

    Attributes
    ----------
    graph : networkx.Graph or networkx.MultiDiGraph
        The selection, at most ``max_nodes`` nodes and ``max_edges`` edges.
    kind : str
        ``"actors"`` or ``"events"``.
    total_nodes, total_edges : int
        Size of the selection before the cap.
    """

    graph: nx.Graph
    kind: str
    total_nodes: int
    total_edges: int

    @property
    def dropped_nodes(self) -> int:
        return self.total_nodes - self.graph.number_of_nodes()

    @property
    def dropped_edges(self) -> int:
        return self.total_edges - self.graph.number_of_edges()

    @property
    def note(self) -> str | None:
        """One line saying what the cap left out, or None when nothing was."""
        if not (self.dropped_nodes or self.dropped_edges):
            return None
        nodes = "nodes" if self.kind == "events" else "actors"
        return (f"the selection has {self.total_nodes:,} {nodes} and {self.total_edges:,} relations, more than "
                f"a view can draw: showing the strongest {self.graph.number_of_nodes():,} {nodes} and "
                f"{self.graph.number_of_edges():,} relations; left out {self.dropped_nodes:,} {nodes} and "
                f"{self.dropped_edges:,} relations (narrow with --issue, --actor, --since/--until or --min-weight)")


def _day(value, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as err:
        raise ViewError(f"--{name} must be a day as YYYY-MM-DD, not {value!r}") from err


def _event_day(event: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(event.get("date") or "")[:10])
    except ValueError:
        return None


def select_events(events: list[dict], *, issue: str | None = None, since=None, until=None,
                  min_confidence: float = 0.0) -> list[dict]:
    """Keep the events on an issue, within days, at least as confident as given.

    Parameters
    ----------
    events : list of dict
        Event records (:func:`geopolkg.store.records.read_events`).
    issue : str, optional
        Text contained in the issue's label or key (case-insensitive).
    since, until : datetime.date or str (``YYYY-MM-DD``), optional
        First and last day, inclusive. The day is the date part of the
        event's date as stored (the article's own calendar day, no time zone
        conversion). Undated events are dropped once either bound is given.
    min_confidence : float
        Keep events whose confidence is at least this (0 to 1).

    Returns
    -------
    list of dict
        The kept events, in their input order.

    Raises
    ------
    ViewError
        If a day is not ``YYYY-MM-DD`` or ``since`` is after ``until``.
    """
    first, last = _day(since, "since"), _day(until, "until")
    if first and last and first > last:
        raise ViewError(f"--since {first} is after --until {last}")
    kept = []
    for event in events:
        if issue is not None and not issue_matches(event, issue):
            continue
        if float(event.get("confidence") or 0.0) < min_confidence:
            continue
        if first or last:
            day = _event_day(event)
            if day is None or (first and day < first) or (last and day > last):
                continue
        kept.append(event)
    return kept


def _matches(data: dict, node, needle: str) -> bool:
    if data.get("kind") == "event":
        return False
    code = str(data.get("code") or node).casefold()
    return code == needle or needle in str(data.get("label") or "").casefold()


def neighbourhood(G: nx.MultiDiGraph, actor: str, hops: int = 1, *, step: int = 1) -> nx.MultiDiGraph:
    """Return the part of `G` within `hops` relations of the actors matching `actor`.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        Actor graph or two-mode graph.
    actor : str
        An actor code (``USAGOV``) or text contained in actors' names;
        case-insensitive. Every matching actor is a centre.
    hops : int
        Relations to follow from the centres, in either direction (0: the
        centres only, with the edges among them).
    step : int
        Graph steps per relation: 1 for actor graphs, 2 for two-mode graphs.

    Returns
    -------
    networkx.MultiDiGraph
        The induced subgraph (a copy).

    Raises
    ------
    ViewError
        If no actor matches or `hops` is negative.
    """
    if hops < 0:
        raise ViewError(f"--hops must be 0 or more, not {hops}")
    needle = actor.strip().casefold()
    centres = [n for n, data in G.nodes(data=True) if needle and _matches(data, n, needle)]
    if not centres:
        raise ViewError(f"no actor matches {actor!r} in the selected events")
    undirected = G.to_undirected(as_view=True)
    lengths = nx.multi_source_dijkstra_path_length(undirected, centres, cutoff=hops * step,
                                                   weight=lambda u, v, d: 1)
    return G.subgraph(lengths).copy()


def _edge_weight(data: dict) -> float:
    try:
        return float(data.get("weight") or 0.0)
    except (TypeError, ValueError):
        return 0.0


def strongest_part(G: nx.Graph, max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES) -> nx.Graph:
    """Return the strongest part of `G` that fits in the cap.

    Nodes are ranked by their ``rank`` attribute when every node has one
    (the views' order of importance), else by strength (the sum of the
    weights of their edges, then their event count, then their id, so the
    cut is deterministic), and the first `max_nodes` kept; then the
    heaviest `max_edges` of the edges among them are kept.

    Parameters
    ----------
    G : networkx graph (Graph, DiGraph, MultiGraph or MultiDiGraph)
    max_nodes, max_edges : int
        The cap (at least 1 and 0).

    Returns
    -------
    networkx graph
        `G` itself when it fits, else a new graph of the same type.
    """
    if G.number_of_nodes() <= max_nodes and G.number_of_edges() <= max_edges:
        return G
    ranks = {n: d.get("rank") for n, d in G.nodes(data=True)}
    if ranks and all(isinstance(r, int) for r in ranks.values()):
        ranked = sorted(G.nodes, key=lambda n: (ranks[n], str(n)))
    else:
        strength = dict.fromkeys(G.nodes, 0.0)
        for u, v, data in G.edges(data=True):
            w = _edge_weight(data)
            strength[u] += w
            strength[v] += w
        events = {n: int(d.get("events") or 0) for n, d in G.nodes(data=True)}
        ranked = sorted(G.nodes, key=lambda n: (-strength[n], -events[n], str(n)))
    keep = set(ranked[:max(1, max_nodes)])
    if G.is_multigraph():
        edges = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if u in keep and v in keep]
    else:
        edges = [(u, v, None, d) for u, v, d in G.edges(data=True) if u in keep and v in keep]
    edges.sort(key=lambda e: (-_edge_weight(e[3]), str(e[0]), str(e[1]), str(e[2])))
    H = G.__class__(**G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in ranked if n in keep)
    for u, v, k, d in edges[:max(0, max_edges)]:
        if G.is_multigraph():
            H.add_edge(u, v, key=k, **d)
        else:
            H.add_edge(u, v, **d)
    return H


def select_graph(events: list[dict], *, kind: str = "actors", issue: str | None = None,
                 actor: str | None = None, hops: int = 1, since=None, until=None,
                 min_weight: float = 0.0, min_confidence: float = 0.0,
                 max_nodes: int = MAX_NODES, max_edges: int = MAX_EDGES, level: str | None = None) -> Selected:
    """Select the graph a view draws from event records (see the module doc).

    Parameters
    ----------
    events : list of dict
        Event records (:func:`geopolkg.store.records.read_events`).
    kind : {"actors", "events"}
        Actors with relation edges, or actors and events (two-mode).
    issue, since, until, min_confidence
        Event filters, see :func:`select_events`.
    actor : str, optional
        Centre of the view, see :func:`neighbourhood`.
    hops : int
        Relations around `actor` (default 1).
    min_weight : float
        Drop edges lighter than this, then the nodes left without edges (0
        keeps everything). The weight is, in the overview, the absolute
        value of the pair's sum of Goldstein x confidence; in the issue
        view, that of :func:`geopolkg.graph.actor_graph` (|Goldstein| x
        confidence / 10 summed over the events, or the opposition or
        alignment weight); in the two-mode graph, each event's
        :func:`geopolkg.views.twomode.event_weight`.
    max_nodes, max_edges : int
        The size cap, see :func:`strongest_part`.
    level : {"country", "sector"}
        One actor node per country (default) or per sector, as the relation
        layer counts them (:mod:`geopolkg.graph.level`).

    Returns
    -------
    Selected
        Its graph: the overview (an undirected ``networkx.Graph``), the
        issue view or the two-mode graph (``networkx.MultiDiGraph``), each
        with ``G.graph["view"]`` saying which.

    Raises
    ------
    ViewError
        For an unknown `kind`, a bad day, or an `actor` that matches nothing.
    """
    if kind not in KINDS:
        raise ViewError(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    chosen = at_level(select_events(events, issue=issue, since=since, until=until, min_confidence=min_confidence),
                      level)
    if kind == "events":
        G = event_graph(chosen)
    else:
        G = issue_graph(chosen, issue) if issue is not None else overview_graph(chosen)
    if min_weight > 0:
        light = (G.edges(keys=True, data=True) if G.is_multigraph()
                 else ((u, v, None, d) for u, v, d in G.edges(data=True)))
        G.remove_edges_from([(u, v, k) if k is not None else (u, v) for u, v, k, d in list(light)
                             if _edge_weight(d) < min_weight])
        G.remove_nodes_from([n for n in list(G.nodes) if G.degree(n) == 0])
    if actor:
        G = neighbourhood(G, actor, hops, step=2 if kind == "events" else 1)
    total_nodes, total_edges = G.number_of_nodes(), G.number_of_edges()
    return Selected(strongest_part(G, max_nodes, max_edges), kind, total_nodes, total_edges)
