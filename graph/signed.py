"""The signed actor network over a time window, and its cooperation and conflict layers.

Every event between two different actors (an actor and a target) adds its
*tone* to the pair: the event type's Goldstein value (Goldstein 1992, -10
most conflictual to +10 most cooperative) times the event's confidence. The
pair's signed weight is the sum of the tones; its sign says whether the
relation is, on balance, cooperative (+1) or conflictual (-1). Neutral
statements (CAMEO 010 and the like, Goldstein 0) add nothing to the weight
and are counted apart (``neutral``), never as cooperation; acts not done
(vetoed, refused, conditional: :mod:`.acts`) are not counted at all.

Actors are counted at a level (:mod:`.level`): one node per country by
default, so a country's government, military and people are one actor and
their relations with each other are domestic, not pairs; or per sector.

The *layers* split the events by CAMEO QuadClass instead: cooperation (1
verbal, 2 material, neutral statements left out) and conflict (3 verbal, 4
material), as directed graphs from actor to target weighted by
``confidence x |Goldstein|``, the input of the centrality measures
(:mod:`.centrality`).

Every node and edge attribute is a str, int or float, so the graphs go to
GraphML and GEXF as they are (evidence is a JSON list of event ids).

References
----------
.. [1] Goldstein, J. S. (1992). A conflict-cooperation scale for WEIS events
   data. Journal of Conflict Resolution, 36(2), 369-385.
.. [2] Schrodt, P. A. (2012). CAMEO conflict and mediation event observations
   event and actor codebook, QuadClass.
"""

from __future__ import annotations

import json
from collections import defaultdict

import networkx as nx

from ..errors import AnalysisError
from .acts import counted, is_neutral, relation_of
from .level import at_level

__all__ = ["tone", "in_window", "as_events", "relation_events", "signed_graph", "layer_graph", "pairs",
           "LAYERS"]

#: QuadClasses of each layer (CAMEO).
LAYERS = {"cooperation": (1, 2), "conflict": (3, 4)}


def tone(event: dict) -> float:
    """Return the event's signed tone: Goldstein value x confidence.

    Examples
    --------
    >>> tone({"goldstein": -10.0, "confidence": 0.5})
    -5.0
    """
    return float(event.get("goldstein") or 0.0) * float(event.get("confidence") or 1.0)


def _day(value, name: str) -> str | None:
    if value is None or value == "":
        return None
    import datetime as dt

    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError as err:
        raise AnalysisError(f"--{name} must be a date YYYY-MM-DD, not {value!r}") from err


def in_window(events: list[dict], since=None, until=None) -> list[dict]:
    """Return the events dated within ``[since, until]`` (days, inclusive; ISO strings or dates).

    Without bounds every event is kept; with a bound, undated events are left out.

    Raises
    ------
    AnalysisError
        If a bound is not a date, or ``since`` is after ``until``.

    Examples
    --------
    >>> ev = [{"date": "1987-03-01"}, {"date": "1987-04-02"}, {"date": None}]
    >>> len(in_window(ev)), len(in_window(ev, since="1987-04-01"))
    (3, 1)
    """
    lo, hi = _day(since, "since"), _day(until, "until")
    if lo is None and hi is None:
        return list(events)
    if lo and hi and lo > hi:
        raise AnalysisError(f"the window starts ({lo}) after it ends ({hi})")
    out = []
    for e in events:
        day = (e.get("date") or "")[:10]
        if day and (lo is None or day >= lo) and (hi is None or day <= hi):
            out.append(e)
    return out


def as_events(source, *, min_confidence: float = 0.0) -> list[dict]:
    """Return event records from ``source``: a list of them, or a store (path or KnowledgeStore).

    A store's events are read with its issue edits applied
    (:func:`geopolkg.graph.issues.load_events`).
    """
    if isinstance(source, list):
        if min_confidence:
            return [e for e in source if float(e.get("confidence") or 1.0) >= min_confidence]
        return source
    from .issues import load_events

    return load_events(source, min_confidence=min_confidence)


def _dyadic(events):
    for e in events:
        target = e.get("target")
        if target and target.get("code") and target["code"] != e["actor"]["code"]:
            yield e


def relation_events(source, *, since=None, until=None, min_confidence: float = 0.0,
                    level: str | None = None) -> list[dict]:
    """Return the events the relation layer counts: in the window, done
    (:func:`geopolkg.graph.acts.counts_as_done`), with actors at ``level``
    (:func:`geopolkg.graph.level.at_level`; domestic events lose their target).

    Raises
    ------
    AnalysisError
        For a bad window or an unknown level.
    """
    return at_level(counted(in_window(as_events(source, min_confidence=min_confidence), since, until)), level)


def _add_nodes(G, events):
    from ..ontology.actors import kind_of_code

    own = defaultdict(int)
    for e in events:
        own[e["actor"]["code"]] += 1
    for e in events:
        for actor in (e["actor"], e["target"]):
            if actor["code"] not in G:
                G.add_node(actor["code"], label=actor["name"] or actor["code"], code=actor["code"],
                           kind=kind_of_code(actor["code"]), events=own[actor["code"]])


def _dates(evs):
    days = sorted((e.get("date") or "")[:10] for e in evs if e.get("date"))
    return (days[0], days[-1]) if days else ("", "")


def signed_graph(source, *, since=None, until=None, min_confidence: float = 0.0,
                 level: str | None = None) -> nx.Graph:
    """Return the signed, weighted, undirected actor network of a time window.

    Parameters
    ----------
    source : list of dict, or str, Path or KnowledgeStore
        Event records, or a store to read them from.
    since, until : str or date, optional
        First and last day of the window (inclusive).
    min_confidence : float
        Leave out events less confident than this.
    level : {"country", "sector"}, optional
        One node per country or per sector (:mod:`.level`); None: as the
        events were put at a level already, else per country.

    Returns
    -------
    networkx.Graph
        Nodes: actor codes with ``label``, ``code``, ``kind``, ``events``
        (events the actor carried out in the window). Edges: ``weight`` (sum of
        Goldstein x confidence, float), ``sign`` (-1, 0, 1), ``positive`` and
        ``negative`` (sums of the positive and of the absolute negative tones),
        ``count`` (events), ``cooperation`` and ``conflict`` (events of
        QuadClass 1-2 with a positive Goldstein value, and of QuadClass 3-4),
        ``neutral`` (statements, :func:`geopolkg.graph.acts.is_neutral`),
        ``date_min``, ``date_max`` (ISO days, or empty), ``evidence`` (JSON
        list of event ids).

    Raises
    ------
    AnalysisError
        For a bad window or an unknown level.

    Examples
    --------
    >>> a, b = {"name": "A", "code": "AAA"}, {"name": "B", "code": "BBB"}
    >>> ev = [{"id": "e1", "actor": a, "target": b, "goldstein": -10.0, "confidence": 0.5,
    ...        "quad_class": 4, "date": "1987-03-02"},
    ...       {"id": "e2", "actor": b, "target": a, "goldstein": 3.0, "confidence": 1.0,
    ...        "quad_class": 1, "date": "1987-03-05"}]
    >>> G = signed_graph(ev)
    >>> d = G.edges["AAA", "BBB"]
    >>> d["weight"], d["sign"], d["positive"], d["negative"], d["count"], d["evidence"]
    (-2.0, -1, 3.0, 5.0, 2, '["e1", "e2"]')
    """
    events = list(_dyadic(relation_events(source, since=since, until=until, min_confidence=min_confidence,
                                          level=level)))
    G = nx.Graph(since=_day(since, "since") or "", until=_day(until, "until") or "")
    _add_nodes(G, events)
    pairs: dict[tuple, list] = defaultdict(list)
    for e in events:
        pairs[tuple(sorted((e["actor"]["code"], e["target"]["code"])))].append(e)
    for (a, b), evs in sorted(pairs.items()):
        tones = [tone(e) for e in evs]
        weight = float(round(sum(tones), 6))  # always float: GEXF types a column by its first value
        first, last = _dates(evs)
        G.add_edge(a, b, weight=weight, sign=(weight > 0) - (weight < 0),
                   positive=float(round(sum(t for t in tones if t > 0), 6)),
                   negative=float(round(-sum(t for t in tones if t < 0), 6)), count=len(evs),
                   cooperation=sum(1 for e in evs if relation_of(e) == "cooperation"),
                   conflict=sum(1 for e in evs if relation_of(e) == "conflict"),
                   neutral=sum(1 for e in evs if is_neutral(e)),
                   date_min=first, date_max=last, evidence=json.dumps(sorted({e["id"] for e in evs})))
    return G


def layer_graph(source, layer: str, *, since=None, until=None, min_confidence: float = 0.0,
                level: str | None = None) -> nx.DiGraph:
    """Return the cooperation or the conflict layer: a directed graph actor -> target.

    Parameters
    ----------
    source : list of dict, or str, Path or KnowledgeStore
    layer : {"cooperation", "conflict"}
        QuadClass 1-2 events with a positive Goldstein value (not neutral
        statements), or QuadClass 3-4 events.
    since, until, min_confidence, level
        As for :func:`signed_graph`.

    Returns
    -------
    networkx.DiGraph
        Edge attributes ``weight`` (sum of confidence x |Goldstein|; edges of
        weight 0 are left out), ``count``, ``date_min``, ``date_max``, ``evidence``.
        Every actor of the window is a node, so the layers share their nodes.

    Raises
    ------
    AnalysisError
        For another layer name, a bad window or an unknown level.

    Examples
    --------
    >>> a, b = {"name": "A", "code": "AAA"}, {"name": "B", "code": "BBB"}
    >>> ev = [{"id": "e1", "actor": a, "target": b, "goldstein": -10.0, "confidence": 0.5, "quad_class": 4}]
    >>> layer_graph(ev, "conflict").edges["AAA", "BBB"]["weight"]
    5.0
    >>> layer_graph(ev, "cooperation").number_of_edges()
    0
    """
    if layer not in LAYERS:
        raise AnalysisError(f"unknown layer {layer!r}; use cooperation or conflict")
    events = list(_dyadic(relation_events(source, since=since, until=until, min_confidence=min_confidence,
                                          level=level)))
    G = nx.DiGraph(layer=layer)
    _add_nodes(G, events)
    pairs: dict[tuple, list] = defaultdict(list)
    for e in events:
        if relation_of(e) == layer:
            pairs[(e["actor"]["code"], e["target"]["code"])].append(e)
    for (a, b), evs in sorted(pairs.items()):
        weight = float(round(sum(abs(tone(e)) for e in evs), 6))
        if weight > 0:
            first, last = _dates(evs)
            G.add_edge(a, b, weight=weight, count=len(evs), date_min=first, date_max=last,
                       evidence=json.dumps(sorted({e["id"] for e in evs})))
    return G


def pairs(G: nx.Graph, sign: str = "conflict") -> list[dict]:
    """Return the relations of a signed graph as rows, the strongest of one sign first.

    Parameters
    ----------
    G : networkx.Graph
        From :func:`signed_graph`.
    sign : {"conflict", "cooperation", "all"}
        Negative relations (most negative first), positive ones (most
        positive first), or all (by absolute weight).

    Returns
    -------
    list of dict
        ``a``, ``b`` (``{"name", "code"}``, codes sorted), ``weight``,
        ``count``, ``cooperation``, ``conflict``, ``neutral``, ``date_min``,
        ``date_max``, ``evidence`` (list of event ids).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_edge("A", "B", weight=-3.0, count=1, cooperation=0, conflict=1, date_min="", date_max="",
    ...            evidence='["e1"]')
    >>> G.add_edge("B", "C", weight=2.0, count=1, cooperation=1, conflict=0, date_min="", date_max="",
    ...            evidence='["e2"]')
    >>> [(r["a"]["code"], r["b"]["code"], r["weight"]) for r in pairs(G)]
    [('A', 'B', -3.0)]
    """
    if sign not in ("conflict", "cooperation", "all"):
        raise AnalysisError(f"unknown sign {sign!r}; use conflict, cooperation or all")
    rows = []
    for u, v, d in G.edges(data=True):
        w = d.get("weight", 0.0)
        if (sign == "conflict" and w >= 0) or (sign == "cooperation" and w <= 0):
            continue
        a, b = sorted((u, v))
        rows.append({"a": {"name": G.nodes[a].get("label", a), "code": a},
                     "b": {"name": G.nodes[b].get("label", b), "code": b}, "weight": w,
                     **{k: d.get(k) for k in ("count", "cooperation", "conflict", "neutral", "date_min",
                                              "date_max")},
                     "evidence": json.loads(d.get("evidence") or "[]")})
    key = {"conflict": lambda r: r["weight"], "cooperation": lambda r: -r["weight"],
           "all": lambda r: -abs(r["weight"])}[sign]
    return sorted(rows, key=lambda r: (key(r), r["a"]["code"], r["b"]["code"]))
