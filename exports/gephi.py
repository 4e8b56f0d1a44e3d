"""GraphML and GEXF exports of the actor network, for Gephi.

The graph is :func:`geopolkg.graph.actor_graph` over the selected events:
actors as nodes, and edges of four relations (``cooperation``, ``conflict``,
``opposition``, ``alignment``) with ``weight``, ``issue``, ``count``,
``date_min``, ``date_max`` and ``evidence`` (a JSON string). Gephi reads only
scalar attributes (GraphML ``boolean``, ``int``, ``long``, ``float``,
``double``, ``string``; GEXF ``integer``, ``long``, ``float``, ``double``,
``boolean``, ``string``), so every value is checked to be a str, int, float
or bool. Edge ids are made unique across the file (``USAGOV>AFGGOV:conflict``;
GraphML and GEXF both require it), and the multigraph key is kept.

GEXF (1.2draft, https://gexf.net/schema.html) is written dynamic: an edge
with dated events gets ``start`` and ``end`` (``timeformat="date"``), the
days of its first and last event, so Gephi's timeline shows when a relation
held. Undated edges have no interval (always present).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..errors import ExportError
from .base import register
from .selection import Selection

__all__ = ["gephi_graph", "write_graphml", "write_gexf", "GraphMLExporter", "GexfExporter", "GEPHI_TYPES"]

#: Python types of attribute values that Gephi reads.
GEPHI_TYPES = (str, int, float, bool)


def _check(data: dict, where: str) -> dict:
    for key, value in data.items():
        if not isinstance(value, GEPHI_TYPES):
            raise ExportError(f"attribute {key!r} of {where} is a {type(value).__name__}, which Gephi cannot read")
    return data


def gephi_graph(store, selection: Selection | None = None, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """Return the actor network of the selected events, ready for GraphML or GEXF.

    Parameters
    ----------
    store : KnowledgeStore
    selection : Selection, optional
    dynamic : bool
        For GEXF: add ``start`` and ``end`` (ISO days) to dated edges, and
        the edge ``id``.

    Raises
    ------
    ExportError
        If an attribute is not a scalar Gephi reads.
    """
    from ..graph.network import actor_graph
    from ..store.records import read_events

    # the stored codes, as the RDF and Neo4j exports hold them (sectors apart)
    source = actor_graph((selection or Selection()).events(read_events(store)), level="sector")
    G = nx.MultiDiGraph(name="geopolkg actor network")
    for node, data in source.nodes(data=True):
        G.add_node(node, **_check(dict(data), f"node {node}"))
    for u, v, key, data in source.edges(keys=True, data=True):
        data = _check(dict(data), f"edge {u}>{v}:{key}")
        unique = f"{u}>{v}:{key}"
        if dynamic:
            data["id"] = unique  # networkx's GEXF writer takes the edge id from here
            if data.get("date_min"):
                data["start"], data["end"] = data["date_min"][:10], data["date_max"][:10]
        G.add_edge(u, v, key=unique, **data)
    return G


def _write(writer, G, path: Path | None) -> bytes | Path:
    import io

    buf = io.BytesIO()
    writer(G, buf)
    data = buf.getvalue()
    if path is None:
        return data
    from .base import write_bytes

    return write_bytes(path, data)


def write_graphml(store, path: Path | None, selection: Selection | None = None) -> bytes | Path:
    """Write the actor network as GraphML (networkx's writer); return the path or the bytes."""
    return _write(lambda G, fh: nx.write_graphml(G, fh, named_key_ids=True), gephi_graph(store, selection), path)


def write_gexf(store, path: Path | None, selection: Selection | None = None) -> bytes | Path:
    """Write the actor network as dynamic GEXF 1.2 (networkx's writer); return the path or the bytes."""
    return _write(nx.write_gexf, gephi_graph(store, selection, dynamic=True), path)


@register("graphml")
class GraphMLExporter:
    """``geopolkg export --format graphml``: see :func:`write_graphml`."""

    suffix = ".graphml"
    folder = False

    def write(self, store, path, selection):
        return write_graphml(store, path, selection)


@register("gexf")
class GexfExporter:
    """``geopolkg export --format gexf``: see :func:`write_gexf`."""

    suffix = ".gexf"
    folder = False

    def write(self, store, path, selection):
        return write_gexf(store, path, selection)
