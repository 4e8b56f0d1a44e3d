"""Interactive, self-contained HTML view of an actor graph.

The network (nodes, edges, vis-network options) is built with
:class:`pyvis.network.Network`, but the page is rendered with our own
template (``templates/graph.html``) rather than pyvis's, because pyvis 0.3.2

* inserts the heading into the page unescaped,
* switches every tooltip to raw HTML as soon as one title contains ``href``,
* loads Bootstrap and vis-network from CDNs even in its "local" and
  "in_line" modes.

The page written here is one file that works offline: the vis-network
JavaScript and CSS shipped inside the pyvis package are inlined, and the
graph is embedded as JSON in a ``<script type="application/json">`` block
whose ``<``, ``>``, ``&``, U+2028 and U+2029 are ``\\u``-escaped, so no
actor name or evidence sentence can close the script element.  The page's
JavaScript builds every piece of text with ``textContent`` and gives vis
plain-string tooltips (shown as text by vis-network 9), so untrusted text is
never interpreted as HTML.  Evidence URLs become links only when they are
``http`` or ``https`` (checked here and again in the page).
"""

from __future__ import annotations

import functools
import html
import json
import math
import os
import pathlib
import re
from importlib import resources
from typing import Any, Iterable
from urllib.parse import urlsplit

import networkx as nx
from pyvis.network import Network

from .layout import Box, Layout, column_layout, group_layout, label_box, levels_for

__all__ = [
    "KIND_COLORS",
    "RELATION_STYLES",
    "CAMP_COLORS",
    "SIDE_COLORS",
    "KIND_SHAPES",
    "MIN_LABEL_PX",
    "layout_positions",
    "render_html",
    "write_html",
    "build_network",
    "graph_payload",
    "safe_url",
    "parse_evidence",
    "script_json",
]

#: Fill colour of a node by actor kind (unknown kinds use "other").
KIND_COLORS: dict[str, str] = {
    "state": "#4e79a7",
    "government": "#9c6ade",
    "armed group": "#b5451b",
    "organization": "#17a2a2",
    "person": "#e0b100",
    "other": "#9d9d9d",
    "event": "#c9c9c9",
}

#: Kinds always listed in the legend; others only when present.
_LEGEND_KINDS = ("state", "government", "armed group", "organization", "person")

#: Line colour and dash pattern of an edge by relation.
RELATION_STYLES: dict[str, dict[str, Any]] = {
    "cooperation": {"color": "#2ca02c", "dashes": False},
    "conflict": {"color": "#d62728", "dashes": False},
    "opposition": {"color": "#e6550d", "dashes": True},
    "alignment": {"color": "#1f77b4", "dashes": False},
    "neutral": {"color": "#a0a0a0", "dashes": True},
}
_UNKNOWN_RELATION = {"color": "#8c8c8c", "dashes": False}
#: Relations always listed in the legend; others only when present.
_LEGEND_RELATIONS = ("cooperation", "conflict", "opposition", "alignment")

#: Evidence records kept per node or edge (the total is still reported).
MAX_EVIDENCE = 200
_MAX_TEXT = 2000  # characters kept of one evidence field

_EVIDENCE_FIELDS = ("event_type", "date", "sentence", "article_title")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CSS_SIZE = re.compile(r"^\d+(\.\d+)?(px|%|vh|em|rem)$")
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")
_VIS_DIR = pathlib.Path("lib") / "vis-9.1.2"


# --------------------------------------------------------------------------
# Sanitising untrusted values
# --------------------------------------------------------------------------


def safe_url(value: Any) -> str | None:
    """Return `value` if it is an absolute http(s) URL, else ``None``.

    Parameters
    ----------
    value : Any
        Candidate URL, typically an untrusted string from evidence.

    Returns
    -------
    str or None
        The URL with surrounding white space removed when its scheme is
        ``http`` or ``https`` and it names a host; ``None`` for anything
        else (``javascript:``, ``data:``, relative URLs, URLs containing
        control characters or spaces, non-strings).
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _text(value: Any, limit: int = _MAX_TEXT) -> str:
    """Coerce an attribute value to a bounded plain string."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    if len(value) > limit:
        value = value[: limit - 1] + "\u2026"
    return value


def _iso_date(value: Any) -> str | None:
    """Return the ``YYYY-MM-DD`` part of an ISO date (or date object)."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    match = _ISO_DATE.match(str(value).strip())
    return match.group(0) if match else None


def _number(value: Any, default: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def parse_evidence(raw: Any) -> list[dict[str, str | None]]:
    """Parse and sanitise an ``evidence`` attribute.

    Parameters
    ----------
    raw : str, list, dict or None
        A JSON string holding a list of objects with keys ``event_type``,
        ``date``, ``sentence``, ``article_title`` and ``url`` (an already
        decoded list or single dict is accepted too).

    Returns
    -------
    list of dict
        One dict per well-formed record, every field a plain string.
        ``url`` is the URL when :func:`safe_url` accepts it and ``None``
        otherwise, in which case the original text is kept in ``url_text``
        so it can be shown as plain text.  Invalid JSON gives ``[]``.
    """
    if raw is None:
        return []
    if isinstance(raw, (bytes, bytearray)):
        raw = raw.decode("utf-8", "replace")
    if isinstance(raw, str):
        if not raw.strip():
            return []
        try:
            raw = json.loads(raw)
        except ValueError:
            return []
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, (list, tuple)):
        return []
    records = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        record: dict[str, str | None] = {k: _text(item.get(k)) for k in _EVIDENCE_FIELDS}
        url_raw = _text(item.get("url"))
        url = safe_url(url_raw)
        record["url"] = url
        record["url_text"] = url_raw if url is None and url_raw else None
        records.append(record)
    return records


@functools.lru_cache(maxsize=512)
def _cameo_name(code: str) -> str | None:
    """The CAMEO name of an event code ("042" -> "Make a visit"), or None."""
    from ..ontology.cameo import event_type

    if not code.isdigit():
        return None
    try:
        return event_type(code).name
    except Exception:  # not in the table: the code alone is shown
        return None


def _with_event_names(records: list[dict]) -> list[dict]:
    """Add ``event_name``, the CAMEO name of each record's ``event_type``."""
    for record in records:
        record["event_name"] = _cameo_name(record.get("event_type") or "")
    return records


def script_json(obj: Any) -> str:
    """Serialise `obj` as JSON that is safe inside a ``<script>`` element.

    Parameters
    ----------
    obj : Any
        JSON-serialisable data (no NaN or infinity).

    Returns
    -------
    str
        Compact JSON in which ``<``, ``>``, ``&``, U+2028 and U+2029 are
        written as ``\\u003c``, ``\\u003e``, ``\\u0026``, ``\\u2028`` and
        ``\\u2029``.  These characters can only occur inside JSON strings,
        so the result parses back to the same value.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# --------------------------------------------------------------------------
# Assets
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """Return (JavaScript, CSS) of the vis-network copy shipped with pyvis."""
    import pyvis

    base = pathlib.Path(pyvis.__file__).resolve().parent / _VIS_DIR
    js = (base / "vis-network.min.js").read_text(encoding="utf-8")
    css = (base / "vis-network.css").read_text(encoding="utf-8")
    if "<!--" in js or "<!--" in css:  # would change how the parser ends <script>
        raise RuntimeError("unexpected '<!--' in the vis-network assets")
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return js, css


@functools.lru_cache(maxsize=1)
def _template() -> str:
    return (
        resources.files("geopolkg.views")
        .joinpath("templates", "graph.html")
        .read_text(encoding="utf-8")
    )


# --------------------------------------------------------------------------
# Building the network
# --------------------------------------------------------------------------


def _node_ids(G: nx.Graph) -> dict[Any, str]:
    """Map graph nodes to unique string ids for vis (str(n) when unique)."""
    ids = {n: str(n) for n in G.nodes}
    if len(set(ids.values())) != len(ids):
        ids = {n: f"n{i}" for i, n in enumerate(G.nodes)}
    return ids


#: Above this many nodes the layout's repulsion is estimated from a sample.
_EXACT_LAYOUT_NODES = 500
_REPULSION_SAMPLE = 400


def _fr_layout_numpy(
    G: nx.Graph, iterations: int, gravity: float = 4.0
) -> dict[Any, tuple[float, float]]:
    """Fruchterman-Reingold in plain numpy.

    Up to ``_EXACT_LAYOUT_NODES`` nodes every pair repels (O(n^2) per
    iteration). Above, each iteration draws ``_REPULSION_SAMPLE`` nodes at
    random and every node is pushed by those only, scaled by n / sample
    (an unbiased estimate of the full sum, as in sampling-based force
    layouts), so an iteration is O(n x sample + edges).
    """
    import numpy as np

    nodes = list(G.nodes)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in G.edges() if u != v], dtype=np.int64)
    rng = np.random.default_rng(42)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    t = 0.1
    block = max(1, 2_000_000 // n)  # rows per block: bounded memory
    sampled = n > _EXACT_LAYOUT_NODES
    for _ in range(iterations):
        # Repulsion k^2 / d along (p_i - p_j), as p_i * sum_j w_ij - (W @ p)_i
        # with w_ij = k^2 / d_ij^2: no n x n x 2 array, BLAS does the work.
        sq = (pos**2).sum(axis=1)
        disp = np.empty_like(pos)
        if sampled:
            pick = rng.choice(n, _REPULSION_SAMPLE, replace=False)
            dist2 = sq[:, None] + sq[None, pick] - 2.0 * (pos @ pos[pick].T)
            w = (k * k) / np.maximum(dist2, 1e-6)
            w[pick, np.arange(len(pick))] = 0.0  # a node does not push itself
            disp = (pos * w.sum(axis=1)[:, None] - w @ pos[pick]) * (n / len(pick))
        for start in range(0, n if not sampled else 0, block):
            stop = min(start + block, n)
            dist2 = sq[start:stop, None] + sq[None, :] - 2.0 * (pos[start:stop] @ pos.T)
            w = (k * k) / np.maximum(dist2, 1e-6)
            w[np.arange(stop - start), np.arange(start, stop)] = 0.0
            disp[start:stop] = pos[start:stop] * w.sum(axis=1)[:, None] - w @ pos
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.sqrt((delta**2).sum(axis=1)), 1e-3)
            pull = delta * (dist / k)[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        # Gravity towards the centre keeps isolated actors and small
        # components near the main one instead of on a far ring.
        disp -= gravity * (pos - pos.mean(axis=0))
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-6)
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= 0.1 / (iterations + 1)
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, pos)}


def layout_positions(G: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Return node positions, centred, with RMS distance 1 from the centre.

    Fruchterman-Reingold in numpy (seed 42, 50 iterations; repulsion
    sampled above 500 nodes), used for large HTML views and for PNG/SVG
    snapshots.

    Parameters
    ----------
    G : networkx.Graph
        Any graph; edge directions and multiplicity are ignored.

    Returns
    -------
    dict
        node -> (x, y), floats.
    """
    return _layout(G)


def _layout(G: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Positions for a large graph, centred, with RMS distance 1 from the centre."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    # Our own numpy Fruchterman-Reingold rather than networkx's spring_layout:
    # from 500 nodes networkx minimises an energy with scipy's L-BFGS, which
    # took 37 s for 2,000 actors on the benchmark machine (bench/view_render.py).
    try:
        pos = _fr_layout_numpy(H, 50) if H.number_of_nodes() else {}
    except ImportError:  # no numpy: a circle
        step = 2 * math.pi / max(H.number_of_nodes(), 1)
        pos = {v: (math.cos(i * step), math.sin(i * step)) for i, v in enumerate(H.nodes)}
    if not pos:
        return pos
    cx = sum(x for x, _ in pos.values()) / len(pos)
    cy = sum(y for _, y in pos.values()) / len(pos)
    rms = math.sqrt(sum((x - cx) ** 2 + (y - cy) ** 2 for x, y in pos.values()) / len(pos)) or 1.0
    return {v: ((x - cx) / rms, (y - cy) / rms) for v, (x, y) in pos.items()}


#: Fill colours of camps, in camp order (Tableau 10 without its grey, and
#: without its red and green, the colours of conflict and cooperation); then
#: they repeat. Actors in no camp are grey.
CAMP_COLORS = ("#4e79a7", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#bcbd22",
               "#5f6b8a")
NO_CAMP_COLOR = "#9d9d9d"
#: Fill colour of an actor in the issue view, by its side.
SIDE_COLORS = {"supports": "#2b7bba", "undecided": "#9d9d9d", "opposes": "#d7301f"}
_SIDE_TITLES = {"supports": "Supports", "undecided": "Undecided or mixed", "opposes": "Opposes"}
#: Node shape by actor kind in the overview and the issue view (colour is the camp or side there).
KIND_SHAPES = {"state": "dot", "government": "dot", "armed group": "triangle", "organization": "square",
               "person": "diamond", "other": "dot", "event": "square"}

#: Smallest label drawn, in screen pixels: vis-network leaves out labels
#: smaller than its ``drawThreshold`` - 1.
MIN_LABEL_PX = 11
#: Relations drawn when a page opens, per actor shown (the lightest are
#: hidden until the weight slider is moved).
EDGES_PER_NODE = 1.5
_WEIGHT_STEPS = 120  # positions of the weight slider
_LABEL_LINE = 24  # characters of one label line; two lines at most


def _options() -> dict[str, Any]:
    """vis-network options (no spaces in strings: pyvis strips them).

    Positions always come from Python (:mod:`geopolkg.views.layout`), so
    physics is off and the page is drawn at once, the same on every load.
    """
    return {
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": MIN_LABEL_PX + 1, "maxVisible": 40}},  # drawn from 11 px
        },
        "edges": {
            "smooth": {"enabled": False},
            "selectionWidth": 2,
            "hoverWidth": 1,
            "arrowStrikethrough": False,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": False, "hideEdgesOnDrag": True},
        "layout": {"randomSeed": 42, "improvedLayout": False},
        "physics": {"enabled": False, "stabilization": {"enabled": False}},
    }


def _edge_iter(G: nx.Graph) -> Iterable[tuple[Any, Any, dict]]:
    if G.is_multigraph():
        for u, v, _key, data in G.edges(keys=True, data=True):
            yield u, v, data
    else:
        yield from G.edges(data=True)


class _IdList(list):
    """A list of node ids that answers ``in`` from a set.

    pyvis 0.3.2 keeps node ids in a plain list and scans it in every
    ``add_node`` and twice in every ``add_edge``: O(nodes x edges), 5 s of
    the 5,000-actor benchmark view. pyvis only appends to it.
    """

    def __init__(self, items: Iterable[Any] = ()):
        super().__init__(items)
        self._members = set(self)

    def append(self, item: Any) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: Any) -> bool:
        return item in self._members


def _wrap(name: str) -> str:
    """The label drawn for a name: at most two lines of about 24 characters."""
    words = name.split()
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= _LABEL_LINE:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    lines = [line if len(line) <= _LABEL_LINE else line[: _LABEL_LINE - 1] + "\u2026" for line in lines]
    return "\n".join(lines)


def _importance(G: nx.Graph) -> dict[Any, float]:
    """A node's importance: ``involved`` (events as actor or target), else ``events``."""
    return {n: max(0.0, _number(d.get("involved", d.get("events")), 0.0)) for n, d in G.nodes(data=True)}


def _order(G: nx.Graph, importance: dict) -> list:
    """Nodes, most important first: by ``rank`` when every node has one, else importance, degree, id."""
    ranks = {n: d.get("rank") for n, d in G.nodes(data=True)}
    if ranks and all(isinstance(r, (int, float)) and not isinstance(r, bool) for r in ranks.values()):
        return sorted(G.nodes, key=lambda n: (ranks[n], str(n)))
    degree = dict(G.degree())
    return sorted(G.nodes, key=lambda n: (G.nodes[n].get("kind") == "event", -importance[n], -degree[n], str(n)))


def _score_text(score: float) -> str:
    return f"{score:+.1f}" if score else "0"


#: Camps drawn as groups of their own (the largest, by their members' events); the
#: actors of smaller camps are drawn with those in no camp, and the legend counts them.
MAX_CAMP_GROUPS = 12


def _camp(data: dict) -> int | None:
    camp = data.get("camp")
    return camp if isinstance(camp, int) and not isinstance(camp, bool) and camp >= 0 else None


def _group_key(view: str | None, data: dict):
    if view == "issue":
        side = data.get("side")
        return side if side in SIDE_COLORS else "undecided"
    camp = _camp(data)
    return camp if camp is not None and camp < MAX_CAMP_GROUPS else None


def _default_min_weight(edges: list[dict], shown: set, budget: int, hide_zero: bool) -> float:
    """The weight slider's starting value: the lightest relations hidden until at most `budget` are drawn."""
    weights = sorted((e["weight"] for e in edges if e["from"] in shown and e["to"] in shown), reverse=True)
    floor = min((w for w in weights if w > 0), default=0.0) if hide_zero else 0.0
    if len(weights) <= budget:
        return floor
    return max(floor, weights[budget - 1])


def _weight_steps(weights: list[float], default: float) -> list[float]:
    """The values the weight slider steps through: quantiles of the weights, 0 first, `default` among them."""
    distinct = sorted(set(weights) | {0.0, default})
    if len(distinct) > _WEIGHT_STEPS:
        picks = {distinct[round(i * (len(distinct) - 1) / (_WEIGHT_STEPS - 1))] for i in range(_WEIGHT_STEPS)}
        distinct = sorted(picks | {0.0, default})
    return distinct


def build_network(G: nx.Graph, *, height: str = "800px") -> Network:
    """Build the :class:`pyvis.network.Network` for an actor graph.

    Parameters
    ----------
    G : networkx.Graph, DiGraph, MultiGraph or MultiDiGraph
        Actor graph; see :func:`render_html` for the attributes read.
    height : str, optional
        CSS height of the canvas, e.g. ``"800px"``.

    Returns
    -------
    pyvis.network.Network
        Nodes and edges carry the vis styling (size, colour, shape, font
        size, width, dashes, arrows, plain-text ``title`` tooltips), ``x``
        and ``y`` of their first level, plus the sanitised attributes used
        by the page (``name``, ``kind``, ``code``, ``events``, ``rank``,
        ``level``, ``group``, ``lx``/``ly`` (position in the group),
        ``baseFont``, ``relation``, ``weight``, ``issue``, ``date_min``,
        ``date_max``, ``evidence``, ``evidence_total``). ``net.options`` is
        a dict (physics off: every position comes from Python). The levels,
        groups and columns are in ``net.geopolkg`` (see :func:`graph_payload`).
    """
    directed = G.is_directed()
    view = G.graph.get("view") if isinstance(G.graph.get("view"), str) else None
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line")
    net.set_options(json.dumps(_options()))
    net.node_ids = _IdList(net.node_ids)

    ids = _node_ids(G)
    importance = _importance(G)
    top = max(importance.values(), default=0.0) or 1.0
    order = _order(G, importance)
    levels = levels_for(len(order))
    level_of = {}
    start = 0
    for k, count in enumerate(levels):
        for n in order[start:count]:
            level_of[n] = k
        start = count

    names: dict[Any, str] = {}
    labels: dict[Any, str] = {}
    fonts: dict[Any, float] = {}
    sizes: dict[Any, float] = {}
    boxes: dict[Any, Box] = {}
    for n, data in G.nodes(data=True):
        name = _text(data.get("label"), 500) or _text(n, 500)
        names[n] = name
        share = math.sqrt(importance[n] / top)
        if data.get("kind") == "event":
            sizes[n], fonts[n] = 6.0, 12.0
        else:
            sizes[n], fonts[n] = round(7 + 15 * share, 1), round(14 + 6 * share, 1)
        label = _wrap(name)
        if view == "issue":
            label += "\n" + _score_text(_number(data.get("score"), 0.0))
        labels[n] = label
        boxes[n] = label_box(label, fonts[n], sizes[n])

    groups_of = {n: _group_key(view, d) for n, d in G.nodes(data=True)}
    heads: dict = {}
    if view == "issue":
        positions, heads = column_layout(order, groups_of, boxes)
        layout = Layout({n: positions[n] for n in order}, [{} for _ in levels], levels,
                        {n: groups_of[n] for n in order})
    else:
        # actors in no camp share no relation that holds them together: a spiral by rank
        layout = group_layout(G, order, groups_of, boxes, levels,
                              spiral_groups=[None] if view == "overview" else [])
    present = dict.fromkeys(groups_of[n] for n in order)
    if view == "issue":  # the sides from left to right
        present = dict.fromkeys(side for side in SIDE_COLORS if side in present)
    group_ids = {g: i for i, g in enumerate(present)}

    for n in order:
        data = G.nodes[n]
        name = names[n]
        kind = _text(data.get("kind"), 50) or "other"
        code = _text(data.get("code"), 50)
        events = max(0, int(_number(data.get("events"), 0)))
        evidence = _with_event_names(parse_evidence(data.get("evidence")))
        if view == "overview":
            camp = groups_of[n]
            color = NO_CAMP_COLOR if camp is None else CAMP_COLORS[camp % len(CAMP_COLORS)]
            shape = KIND_SHAPES.get(kind, "dot")
        elif view == "issue":
            color = SIDE_COLORS[groups_of[n]]
            shape = KIND_SHAPES.get(kind, "dot")
        else:
            color = KIND_COLORS.get(kind, KIND_COLORS["other"])
            shape = "square" if kind == "event" else "dot"
        facts = [" \u00b7 ".join(p for p in (kind, code) if p), f"{events} events"]
        if view == "issue":
            facts.append(f"{groups_of[n]} ({_score_text(_number(data.get('score'), 0.0))})")
        tooltip = "\n".join(part for part in (name, *facts) if part)
        x, y = layout.position(n, level_of[n])
        lx, ly = layout.local[n]
        extra: dict[str, Any] = {}
        if view == "issue":
            extra = {"side": groups_of[n], "score": _number(data.get("score"), 0.0)}
        elif view == "overview":
            camp = _camp(data)
            extra = {"camp": -1 if camp is None else camp}
        net.add_node(
            ids[n],
            label=labels[n],
            shape=shape,
            color={
                "background": color,
                "border": "#333333",
                "highlight": {"background": color, "border": "#000000"},
                "hover": {"background": color, "border": "#000000"},
            },
            size=sizes[n],
            font={"size": fonts[n]},
            baseFont=fonts[n],
            box=[round(boxes[n].width, 1), round(boxes[n].height, 1), round(boxes[n].dy, 1)],
            title=tooltip,
            name=name,
            kind=kind,
            code=code,
            events=events,
            tier=level_of[n],
            part=group_ids[groups_of[n]],
            x=round(x, 1),
            y=round(y, 1),
            lx=lx,
            ly=ly,
            evidence=evidence[:MAX_EVIDENCE],
            # the graph keeps a few evidence items; the total is the actor's events
            evidence_total=max(len(evidence), events if data.get("evidence") else 0),
            **extra,
        )
    for i, node in enumerate(net.nodes):
        node["rank"] = i  # added in rank order

    def pair_of(u: Any, v: Any) -> tuple[str, str]:
        a, b = ids[u], ids[v]
        return (a, b) if a <= b else (b, a)

    pair_total: dict[tuple[str, str], int] = {}
    for u, v, _data in _edge_iter(G):
        pair_total[pair_of(u, v)] = pair_total.get(pair_of(u, v), 0) + 1
    pair_count: dict[tuple[str, str], int] = {}
    for i, (u, v, data) in enumerate(_edge_iter(G)):
        source, target = ids[u], ids[v]
        relation = _text(data.get("relation"), 50) or "unknown"
        style = RELATION_STYLES.get(relation, _UNKNOWN_RELATION)
        # A missing or bad weight counts as 1; zero (an event with Goldstein
        # 0) stays zero and is drawn with the thinnest line.
        weight = max(_number(data.get("weight"), 1.0), 0.0)
        issue = _text(data.get("issue"), 200) or None
        date_min, date_max = _iso_date(data.get("date_min")), _iso_date(data.get("date_max"))
        if date_min and date_max and date_min > date_max:
            date_min, date_max = date_max, date_min
        evidence = _with_event_names(parse_evidence(data.get("evidence")))
        arrow = "\u2192" if directed else "\u2014"
        dates = " \u2013 ".join(dict.fromkeys(d for d in (date_min, date_max) if d))
        count = int(_number(data.get("count"), 0))
        signed = data.get("signed_weight")
        strength = f"weight {_number(signed, weight):+g}" if signed is not None else f"weight {weight:g}"
        tooltip = "\n".join(
            part
            for part in (
                f"{names[u]} {arrow} {names[v]}",
                relation + (f" \u00b7 {issue}" if issue else ""),
                strength + (f" \u00b7 {count} events" if count else ""),
                dates,
            )
            if part
        )
        extra: dict[str, Any] = {}
        # Several edges between the same two actors (either direction): the
        # first straight, the others curved alternately to either side.
        pair = pair_of(u, v)
        k = pair_count.get(pair, 0)
        pair_count[pair] = k + 1
        if pair_total[pair] > 1 and source != target:
            if k == 0:
                extra["smooth"] = {"enabled": False}
            else:
                # curvedCW seen from the edge's own direction: flip it for
                # edges drawn against the pair's canonical order.
                clockwise = (k % 2 == 1) == (pair == (source, target))
                extra["smooth"] = {
                    "enabled": True,
                    "type": "curvedCW" if clockwise else "curvedCCW",
                    "roundness": round(0.25 * ((k + 1) // 2), 2),
                }
        if view == "issue" and "smooth" not in extra and groups_of[u] == groups_of[v] and source != target:
            # both in one column: a curve, not a line through the actors between them
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.35}
        if signed is not None:
            extra["signed_weight"] = _number(signed, weight)
        if count:
            extra["count"] = count
        color = style["color"]
        net.add_edge(
            source,
            target,
            id=f"e{i}",
            color={"color": color, "highlight": color, "hover": color, "opacity": 0.8},
            width=round(min(max(1 + 1.5 * math.log1p(weight), 1), 10), 2),
            dashes=bool(style["dashes"]),
            arrows={"to": {"enabled": directed, "scaleFactor": 0.6}},
            title=tooltip,
            relation=relation,
            weight=weight,
            issue=issue,
            date_min=date_min,
            date_max=date_max,
            evidence=evidence[:MAX_EVIDENCE],
            evidence_total=max(len(evidence), count if data.get("evidence") else 0),
            **extra,
        )

    shown = {ids[n] for n in order[: levels[0]]} if order else set()
    # the issue view's relations are what it is about: more of them are drawn
    per_node = EDGES_PER_NODE * (2 if view == "issue" else 1)
    default = _default_min_weight(net.edges, shown, max(1, round(per_node * len(shown))),
                                  hide_zero=view == "overview")
    net.geopolkg = {
        "view": view or "graph",
        "subtitle": _text(G.graph.get("subtitle"), 600),
        "levels": [{"count": count, "offsets": {str(group_ids[g]): list(off) for g, off in offsets.items()}}
                   for count, offsets in zip(levels, layout.offsets)],
        "groups": _groups(view, order, groups_of, group_ids, names,
                          smaller=any((_camp(d) or 0) >= MAX_CAMP_GROUPS for _, d in G.nodes(data=True))),
        "columns": [{"name": side, "label": _SIDE_TITLES[side] + f" ({sum(groups_of[n] == side for n in order)})",
                     "x": x, "y": y} for side, (x, y) in heads.items()] if view == "issue" else [],
        "smallerCamps": len({c for _, d in G.nodes(data=True) if (c := _camp(d)) is not None
                             and c >= MAX_CAMP_GROUPS}) if view == "overview" else 0,
        "minWeight": default,
        "weightSteps": _weight_steps([e["weight"] for e in net.edges], default),
        "minLabelPx": MIN_LABEL_PX,
    }
    return net


def _groups(view, order, groups_of, group_ids, names, smaller: bool = False) -> list[dict]:
    """Legend entries of the groups: camps (overview) or sides (issue view), with their first members."""
    out = []
    for g, index in group_ids.items():
        members = [n for n in order if groups_of[n] == g]
        if view == "overview":
            name = ("In a small camp or none" if smaller else "No camp") if g is None else f"Camp {g + 1}"
            color = NO_CAMP_COLOR if g is None else CAMP_COLORS[g % len(CAMP_COLORS)]
            hull = g is not None
        elif view == "issue":
            name, color, hull = _SIDE_TITLES[g], SIDE_COLORS[g], False
        else:
            continue
        out.append({"index": index, "name": name, "color": color, "size": len(members), "hull": hull,
                    "top": [names[n] for n in members[:4]]})
    return out


def graph_payload(G: nx.Graph, title: str = "geopolkg graph", *, height: str = "800px") -> dict:
    """Return the data embedded in the page as ``window.graphData``.

    Parameters
    ----------
    G : networkx graph
        Actor graph; see :func:`render_html`.
    title : str, optional
        Page title.
    height : str, optional
        CSS height of the canvas.

    Returns
    -------
    dict
        Keys ``title``, ``directed``, ``physics`` (always False), ``nodes``
        (in rank order), ``edges``, ``options``, ``kinds``, ``relations``
        (legend entries with colours), ``dateRange`` (``[min, max]`` of the
        edge dates, or ``None``), and for showing more or fewer: ``view``
        (``overview``, ``issue`` or ``graph``), ``levels`` (node counts, and
        each group's offset from its nodes' ``lx``/``ly``, per level),
        ``groups`` (camps or sides for the legend and the hulls),
        ``columns`` (headings of the issue view), ``minWeight`` (the weight
        slider's start) and ``weightSteps`` (its values), ``minLabelPx``.
    """
    net = build_network(G, height=height)
    options = net.options if isinstance(net.options, dict) else json.loads(net.options.to_json())
    dates = sorted(
        d for e in net.edges for d in (e.get("date_min"), e.get("date_max")) if d
    )
    present = {e["relation"] for e in net.edges}
    # the overview and the two-mode view have only some kinds of relation: list those
    always = () if G.graph.get("view") in ("overview", "events") else _LEGEND_RELATIONS
    relations = [
        {"name": name, "color": style["color"], "dashes": style["dashes"]}
        for name, style in RELATION_STYLES.items()
        if name in present or name in always
    ]
    relations += [
        {"name": name, **_UNKNOWN_RELATION} for name in sorted(present - set(RELATION_STYLES))
    ]
    return {
        "title": str(title),
        "directed": G.is_directed(),
        "physics": False,
        "nodes": net.nodes,
        "edges": net.edges,
        "options": options,
        "kinds": [{"name": k, "color": c, "shape": KIND_SHAPES.get(k, "dot")} for k, c in KIND_COLORS.items()
                  if k in _LEGEND_KINDS or any(n["kind"] == k for n in net.nodes)],
        "relations": relations,
        "dateRange": [dates[0], dates[-1]] if dates else None,
        **net.geopolkg,
    }


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def render_html(G: nx.Graph, title: str = "geopolkg graph", *, height: str = "800px") -> str:
    """Render an actor graph as one self-contained interactive HTML page.

    Parameters
    ----------
    G : networkx.Graph, DiGraph, MultiGraph or MultiDiGraph
        Actor graph.  Node attributes: ``label`` (actor name), ``kind``
        ("state", "government", "armed group", "organization", "person",
        "other"), ``code``, ``events`` (int) and optionally ``evidence``
        (JSON list of objects with ``event_type``, ``date``, ``sentence``,
        ``article_title``, ``url``).  Edge attributes: ``relation``
        ("cooperation", "conflict", "opposition", "alignment"), ``weight``
        (> 0), optional ``issue``, ``evidence``, ``date_min``, ``date_max``.
        All text is treated as untrusted.
    title : str, optional
        Shown in ``<title>`` and as the page heading (HTML-escaped).
    height : str, optional
        CSS height of the graph canvas: a number with ``px``, ``%``,
        ``vh``, ``em`` or ``rem``.

    Returns
    -------
    str
        The HTML document.  It loads nothing from the network: vis-network
        is inlined, the graph is a JSON block (``#graph-data``).  The page
        exposes ``window.network`` (the vis Network) and
        ``window.graphData``, and offers a legend, a search box, relation
        checkboxes, a date-range filter and an evidence side panel.  An
        empty graph shows "No actors to show".

    Raises
    ------
    ValueError
        If `height` is not a plain CSS length.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("USA", label="United States", kind="state", code="USA", events=3)
    >>> page = render_html(G, "Example")
    >>> page.startswith("<!DOCTYPE html>")
    True
    """
    height = str(height).strip()
    if not _CSS_SIZE.match(height):
        raise ValueError(f"height must be a CSS length such as '800px', not {height!r}")
    payload = graph_payload(G, title, height=height)
    vis_js, vis_css = _vis_assets()
    values = {
        "title": html.escape(str(title), quote=True),
        "height": height,
        "vis_css": vis_css,
        "vis_js": vis_js,
        "graph_json": script_json(payload),
        "empty_hidden": "" if G.number_of_nodes() == 0 else "hidden",
    }
    # One pass: substituted text is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _template())


def write_html(
    G: nx.Graph,
    path: str | os.PathLike[str],
    title: str = "geopolkg graph",
    *,
    height: str = "800px",
) -> pathlib.Path:
    """Write the page of :func:`render_html` to `path` (UTF-8).

    Parameters
    ----------
    G : networkx graph
        Actor graph; see :func:`render_html`.
    path : str or os.PathLike
        Output file; missing parent directories are created.
    title : str, optional
        Page title and heading.
    height : str, optional
        CSS height of the graph canvas.

    Returns
    -------
    pathlib.Path
        The path written.
    """
    out = pathlib.Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(G, title, height=height), encoding="utf-8")
    return out
