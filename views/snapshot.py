"""Still pictures of a view (PNG or SVG) for reports, drawn with matplotlib.

The picture of the overview and of the issue view is what their page shows
when it opens: the same actors (the first level), at the same positions,
with the same colours (camps or sides), shaded camps, column headings,
labels and relations (the lightest hidden as on the page). Other graphs
(the two-mode view, any graph given) read like the interactive page too:
node size by event count, colour by actor kind, edges coloured by relation
(opposition dashed) with width by weight, a legend, and the names of the
largest actors. Names from articles are drawn as plain text: matplotlib's
mathtext (``$...$``) is off for them, and in SVG the glyphs are paths, so no
text becomes markup.
"""

from __future__ import annotations

import math
import os
import pathlib

import networkx as nx

from ..errors import ViewError
from .html import KIND_COLORS, RELATION_STYLES, layout_positions

__all__ = ["IMAGE_FORMATS", "write_image"]

#: Formats :func:`write_image` writes.
IMAGE_FORMATS = ("png", "svg")
_MAX_LABELS = 40  # names drawn; the rest would cover each other
_LABEL_CHARS = 32
_MAX_ARROWS = 400  # above this, edges are drawn as plain lines in bulk


def _size(data: dict) -> float:
    """Marker area in points^2: grows with the square root of the event count."""
    if data.get("kind") == "event":
        return 12.0
    try:
        events = max(0.0, float(data.get("events") or 0))
    except (TypeError, ValueError):
        events = 0.0
    return min(6 + 4 * math.sqrt(events), 40) ** 2


def _width(data: dict) -> float:
    try:
        weight = max(0.0, float(data.get("weight") or 0.0))
    except (TypeError, ValueError):
        weight = 0.0
    return min(0.6 + 0.8 * math.log1p(weight), 5.0)


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= _LABEL_CHARS else text[:_LABEL_CHARS - 1] + "\u2026"


def _style(data: dict) -> tuple[str, bool]:
    style = RELATION_STYLES.get(str(data.get("relation")), {"color": "#8c8c8c", "dashes": False})
    return style["color"], bool(style["dashes"])


def _draw_edges(ax, G, pos):
    """Straight lines in bulk for large graphs; curved arrows, one per relation, for small ones."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import FancyArrowPatch

    edges = [(u, v, d) for u, v, d in G.edges(data=True) if u != v]
    if len(edges) > _MAX_ARROWS:
        by_style: dict[tuple, list] = {}
        for u, v, data in edges:
            by_style.setdefault(_style(data), []).append(((pos[u], pos[v]), _width(data)))
        for (color, dashed), items in by_style.items():
            ax.add_collection(LineCollection([seg for seg, _ in items], colors=color, alpha=0.7, zorder=1,
                                             linewidths=[w for _, w in items],
                                             linestyles="dashed" if dashed else "solid"))
        return
    seen: dict[frozenset, int] = {}
    arrows = "-|>" if G.is_directed() else "-"
    for u, v, data in edges:
        k = seen.get(frozenset((u, v)), 0)
        seen[frozenset((u, v))] = k + 1
        # the k-th relation between two actors bends to alternate sides,
        # further each time (seen from the pair's first direction)
        rad = 0.0 if k == 0 else 0.12 * ((k + 1) // 2) * (1 if k % 2 else -1)
        if (u, v) != tuple(sorted((u, v), key=str)):
            rad = -rad
        color, dashed = _style(data)
        ax.add_patch(FancyArrowPatch(pos[u], pos[v], arrowstyle=arrows, mutation_scale=10, color=color,
                                     alpha=0.75, linewidth=_width(data), linestyle="--" if dashed else "-",
                                     connectionstyle=f"arc3,rad={rad}", shrinkA=8, shrinkB=8, zorder=1))


def _legend(ax, G):
    from matplotlib.lines import Line2D

    kinds = {str(d.get("kind") or "other") for _, d in G.nodes(data=True)}
    relations = {str(d.get("relation")) for _, _, d in G.edges(data=True)}
    handles = [Line2D([], [], marker="s" if k == "event" else "o", linestyle="", markersize=8,
                      markerfacecolor=c, markeredgecolor="#333333", label=k)
               for k, c in KIND_COLORS.items() if k in kinds]
    handles += [Line2D([], [], color=s["color"], linestyle="--" if s["dashes"] else "-", linewidth=2, label=r)
                for r, s in RELATION_STYLES.items() if r in relations]
    if handles:
        ax.legend(handles=handles, loc="lower left", fontsize=8, framealpha=0.9)


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Convex hull, counter-clockwise (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


_MARKERS = {"dot": "o", "square": "s", "triangle": "^", "diamond": "D"}


def _draw_as_opened(ax, G) -> None:
    """The overview or issue view as its page opens (see the module doc). Canvas y grows downwards."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Polygon

    from .html import graph_payload

    data = graph_payload(G)
    first = data["levels"][0]
    nodes = {n["id"]: n for n in data["nodes"][:first["count"]]}
    pos = {}
    for n in nodes.values():
        dx, dy = first["offsets"].get(str(n["part"]), [0, 0])
        pos[n["id"]] = (n["lx"] + dx, -(n["ly"] + dy))
    for e in data["edges"]:
        if e["from"] in nodes and e["to"] in nodes and e["weight"] >= data["minWeight"] and e["from"] != e["to"]:
            (x1, y1), (x2, y2) = pos[e["from"]], pos[e["to"]]
            ax.plot([x1, x2], [y1, y2], color=e["color"]["color"], alpha=0.6, zorder=1,
                    linewidth=max(0.6, e["width"] * 0.6), linestyle="--" if e.get("dashes") else "-")
    groups = {g["index"]: g for g in data["groups"]}
    for index, g in groups.items():
        members = [n for n in nodes.values() if n["part"] == index]
        if not g["hull"] or not members:
            continue
        ring = []
        for n in members:
            x, y = pos[n["id"]]
            r = n["size"] + 12
            ring += [(x + r * math.cos(a * math.pi / 4), y + r * math.sin(a * math.pi / 4)) for a in range(8)]
            ring.append((x, y - n["size"] - 12 - 1.3 * n["baseFont"] * n["label"].count("\n") - 1.3 * n["baseFont"]))
        ax.add_patch(Polygon(_hull(ring), closed=True, facecolor=g["color"], alpha=0.09, edgecolor=g["color"],
                             linewidth=1.2, zorder=0))
        top = max(y for _, y in ring)
        ax.text(sum(x for x, _ in ring) / len(ring), top + 6, g["name"], color=g["color"], fontsize=9,
                fontweight="bold", ha="center", va="bottom", parse_math=False, zorder=5)
    for column in data["columns"]:
        ax.text(column["x"], -column["y"], column["label"], fontsize=10, fontweight="bold", ha="center",
                va="bottom", parse_math=False, zorder=5)
    for shape, marker in _MARKERS.items():
        group = [n for n in nodes.values() if n["shape"] == shape]
        if group:
            ax.scatter([pos[n["id"]][0] for n in group], [pos[n["id"]][1] for n in group], marker=marker,
                       s=[(n["size"] * 1.1) ** 2 for n in group], c=[n["color"]["background"] for n in group],
                       edgecolors="#333333", linewidths=0.6, zorder=2)
    for n in nodes.values():
        x, y = pos[n["id"]]
        ax.annotate(n["label"], (x, y), xytext=(0, -(n["size"] * 0.55 + 2)), textcoords="offset points",
                    fontsize=6 + 2 * (n["baseFont"] - 14) / 6, ha="center", va="top", zorder=4,
                    annotation_clip=False, parse_math=False, linespacing=1.0)
    ax.set_aspect("equal", adjustable="datalim")
    ax.autoscale_view()
    ax.margins(0.04)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=g["color"],
                      markeredgecolor="#333333", label=f"{g['name']}: {', '.join(g['top'][:3])}"[:42])
               for g in data["groups"][:8]]
    handles += [Line2D([], [], color=r["color"], linestyle="--" if r["dashes"] else "-", linewidth=2, label=r["name"])
                for r in data["relations"] if any(e["relation"] == r["name"] for e in data["edges"])]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, framealpha=0.9)


def write_image(G: nx.Graph, path: str | os.PathLike[str], fmt: str | None = None, *,
                title: str = "geopolkg graph", size: tuple[float, float] = (12, 8),
                dpi: int = 100) -> pathlib.Path:
    """Draw an actor graph (or two-mode graph) to a PNG or SVG file.

    Parameters
    ----------
    G : networkx graph
        Graph with the attributes of :func:`geopolkg.views.html.render_html`.
    path : str or os.PathLike
        Output file; missing parent folders are created.
    fmt : {"png", "svg"}, optional
        Defaults to the file's suffix.
    title : str
        Drawn above the graph (as plain text).
    size : (float, float)
        Figure size in inches.
    dpi : int
        Dots per inch (PNG): the default gives 1200 x 800 pixels.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    ViewError
        If the format is not png or svg.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    out = pathlib.Path(path)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in IMAGE_FORMATS:
        raise ViewError(f"a snapshot is png or svg, not {fmt!r}", where=str(out))
    # A Figure without pyplot: no global state, no display needed.
    fig = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(fig)
    opened = G.graph.get("view") in ("overview", "issue") and G.number_of_nodes() > 0
    ax = fig.add_axes((0.01, 0.01, 0.76, 0.92) if opened else (0.01, 0.01, 0.98, 0.92))
    ax.set_axis_off()
    fig.text(0.5, 0.965, _short(title) if len(title) > 120 else title, ha="center", va="center",
             fontsize=14, parse_math=False)
    if G.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "No actors to show", ha="center", va="center", fontsize=16, color="#555555")
    elif G.graph.get("view") in ("overview", "issue"):
        _draw_as_opened(ax, G)
    else:
        pos = {n: (float(x), float(y)) for n, (x, y) in layout_positions(G).items()}
        _draw_edges(ax, G, pos)
        nodes = list(G.nodes)
        for marker, group in (("o", [n for n in nodes if G.nodes[n].get("kind") != "event"]),
                              ("s", [n for n in nodes if G.nodes[n].get("kind") == "event"])):
            if group:
                ax.scatter([pos[n][0] for n in group], [pos[n][1] for n in group], marker=marker, zorder=2,
                           s=[_size(G.nodes[n]) for n in group], linewidths=0.6, edgecolors="#333333",
                           c=[KIND_COLORS.get(str(G.nodes[n].get("kind")), KIND_COLORS["other"]) for n in group])
        actors = [n for n in nodes if G.nodes[n].get("kind") != "event"]
        biggest = sorted(actors, key=lambda n: (-_size(G.nodes[n]), str(n)))[:_MAX_LABELS]
        for n in biggest:
            label = _short(G.nodes[n].get("label") or n)
            ax.annotate(label, pos[n], xytext=(0, math.sqrt(_size(G.nodes[n])) / 2 + 2), textcoords="offset points",
                        fontsize=9, ha="center", va="bottom", zorder=4, annotation_clip=False,
                    parse_math=False, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
        ax.autoscale_view()
        ax.margins(0.12)
        _legend(ax, G)
    out.parent.mkdir(parents=True, exist_ok=True)
    # No creation date in the file: the same graph gives the same bytes.
    metadata = {"Date": None} if fmt == "svg" else {}
    fig.savefig(out, format=fmt, metadata=metadata)
    return out
