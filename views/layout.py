"""Positions for the views, computed in Python before the page opens.

A page shows the most important actors first and more on request (see
:mod:`geopolkg.views.html`): the nodes are cut into *levels* by rank (the
first ``levels[0]`` nodes, then the first ``levels[1]``, ...), and every level
has its own positions, so that each picture is compact and its labels fit.
Two layouts:

* :func:`group_layout`: nodes in groups (camps, communities), each group laid
  out on its own and the groups packed side by side with a gap, so that they
  sit apart. Inside a group, the nodes of its first level are placed by
  Fruchterman-Reingold (networkx's ``spring_layout``, seed 42) and then pushed
  apart until no two label boxes overlap; the nodes of each later level are
  put on rings around what is there, near the neighbours they link to. A
  node keeps its place inside its group from level to level; only the
  groups move apart as they grow.
* :func:`column_layout`: nodes in columns (the issue view: supporters,
  undecided, opponents), stacked by rank from the top of their column,
  wrapping outwards into further columns.

Sizes are in vis-network canvas units (1 unit = 1 pixel at zoom 1). A node is
a box: its dot (radius ``size``) with its label below it, as vis-network
draws a ``dot``; :func:`label_box` estimates the label's width from its
characters (0.58 em each, a little more than the average of a sans-serif
face, so the estimate errs on the side of space).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx

__all__ = ["Box", "label_box", "levels_for", "group_layout", "column_layout", "DEFAULT_SHOWN",
           "SHOW_ALL_UP_TO"]

#: Nodes shown when a page opens, if it has more than SHOW_ALL_UP_TO.
DEFAULT_SHOWN = 50
#: Up to this many nodes, a page opens with all of them.
SHOW_ALL_UP_TO = 80

_EM = 0.58  # label width per character, in font sizes
_LINE = 1.25  # label line height, in font sizes
_GAP = 10.0  # between two boxes, canvas units
_GROUP_GAP = 40.0  # between two groups' footprints
_HULL_ROOM = 16.0  # around a group's footprint, for the hull drawn around it and its name
#: The canvas a page is laid out for (pixels): a 1300 x 900 window less the
#: page's header and legend. Only the proportions matter.
CANVAS = (1070.0, 770.0)
_CELL = 8.0  # grid cell of the overlap-free placement, canvas units


@dataclass
class Box:
    """A node as a rectangle: its dot and the label under it.

    ``width`` and ``height`` include a margin; the node's own position (the
    dot's centre) is ``dy`` above the box's centre.
    """

    width: float
    height: float
    dy: float


def label_box(label: str, font: float, size: float) -> Box:
    """Return the :class:`Box` of a ``dot`` node with ``label`` drawn under it.

    Parameters
    ----------
    label : str
        The label, lines separated by ``\\n``.
    font : float
        Font size (canvas units).
    size : float
        Radius of the dot.
    """
    lines = label.split("\n") if label else []
    text_w = max((len(line) for line in lines), default=0) * _EM * font
    text_h = len(lines) * _LINE * font
    width = max(2 * size, text_w) + _GAP
    height = 2 * size + 4 + text_h + _GAP
    return Box(width, height, dy=(4 + text_h) / 2)


def levels_for(n: int, first: int = DEFAULT_SHOWN, show_all_up_to: int = SHOW_ALL_UP_TO) -> list[int]:
    """Return the node counts of the levels: ``[60, 120, 240, ..., n]``.

    Examples
    --------
    >>> levels_for(500)
    [60, 120, 240, 480, 500]
    >>> levels_for(75)
    [75]
    """
    if n <= show_all_up_to:
        return [n]
    levels = [first]
    while levels[-1] * 2 < n:
        levels.append(levels[-1] * 2)
    levels.append(n)
    return levels


# --------------------------------------------------------------------------
# Pushing boxes apart
# --------------------------------------------------------------------------


class _Grid:
    """Cells of a group's area, taken by the boxes placed so far (no two boxes share a cell).

    A box is placed on the free block of cells nearest to where it is
    wanted, searched in a window around that place that doubles until a
    block is found: the boxes never overlap, and each lands as near its
    wish as the others allow. Most important first: they get their wish.
    """

    def __init__(self, area: float, widest: float, cell: float = _CELL):
        import numpy as np

        side = int(math.sqrt(max(area, 1.0) * 8) / cell + 4 * widest / cell) + 8
        self.cell = cell
        self.half = side // 2
        self.taken = np.zeros((side, side), dtype=np.int32)

    def place(self, x: float, y: float, width: float, height: float) -> tuple[float, float]:
        """Take the free block nearest (x, y) for a box; return the block's centre."""
        import numpy as np

        kw, kh = max(1, math.ceil(width / self.cell)), max(1, math.ceil(height / self.cell))
        side = self.taken.shape[0]
        # the wished block's top-left cell
        ci = int(round(y / self.cell - kh / 2)) + self.half
        cj = int(round(x / self.cell - kw / 2)) + self.half
        reach = max(kw, kh) * 2
        while True:
            i0, j0 = max(0, ci - reach), max(0, cj - reach)
            i1, j1 = min(side, ci + reach + kh), min(side, cj + reach + kw)
            window = self.taken[i0:i1, j0:j1]
            if window.shape[0] >= kh and window.shape[1] >= kw:
                sums = np.zeros((window.shape[0] + 1, window.shape[1] + 1), dtype=np.int64)
                sums[1:, 1:] = window.cumsum(0).cumsum(1)
                used = sums[kh:, kw:] - sums[:-kh, kw:] - sums[kh:, :-kw] + sums[:-kh, :-kw]
                free = np.argwhere(used == 0)
                if len(free):
                    d = (free[:, 0] + i0 - ci) ** 2 + ((free[:, 1] + j0 - cj) ** 2) * 0.6
                    i, j = free[int(np.argmin(d))]
                    i, j = int(i) + i0, int(j) + j0
                    self.taken[i:i + kh, j:j + kw] = 1
                    return ((j - self.half + kw / 2) * self.cell, (i - self.half + kh / 2) * self.cell)
            if i0 == 0 and j0 == 0 and i1 == side and j1 == side:
                self._grow()
                return self.place(x, y, width, height)
            reach *= 2

    def _grow(self) -> None:
        import numpy as np

        side = self.taken.shape[0]
        bigger = np.zeros((side * 2, side * 2), dtype=np.int32)
        bigger[side // 2:side // 2 + side, side // 2:side // 2 + side] = self.taken
        self.taken = bigger
        self.half += side // 2


def _place_on_grid(grid: _Grid, wanted, boxes):
    """Place boxes, in order, at the free spots of `grid` nearest their wanted positions (node positions)."""
    import numpy as np

    pos = np.zeros_like(wanted)
    for k in range(len(wanted)):
        w, h, dy = boxes[k]
        cx, cy = grid.place(wanted[k, 0], wanted[k, 1] + dy, w, h)
        pos[k] = (cx, cy - dy)
    return pos


def _extent(pos, boxes) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the boxes at ``pos``."""
    cy = pos[:, 1] + boxes[:, 2]
    return (float((pos[:, 0] - boxes[:, 0] / 2).min()), float((cy - boxes[:, 1] / 2).min()),
            float((pos[:, 0] + boxes[:, 0] / 2).max()), float((cy + boxes[:, 1] / 2).max()))


# --------------------------------------------------------------------------
# Inside one group
# --------------------------------------------------------------------------


def _first_placement(H: nx.Graph, members: list, boxes, spiral: bool = False) -> "Any":
    """Positions of a group's first nodes: spring layout (or a spiral), scaled to the boxes, then separated."""
    import numpy as np

    n = len(members)
    if n == 1:
        return np.zeros((1, 2))
    mean_w = float(boxes[:, 0].mean())
    mean_h = float(boxes[:, 1].mean())
    if n <= 300 and not spiral:
        # a new graph with the members in rank order: a subgraph view of a
        # large graph iterates its node set, whose order changes from run to run
        sub = nx.Graph()
        sub.add_nodes_from(members)
        sub.add_edges_from(H.subgraph(members).edges(data=True))
        raw = nx.spring_layout(sub, seed=42, iterations=100, weight="layout_weight")
        pos = np.array([raw[m] for m in members], dtype=float)
        pos -= pos.mean(axis=0)
        rms = math.sqrt(float((pos**2).sum(axis=1).mean())) or 1.0
        # about one box per box-sized cell: the spread grows with the square root of n
        pos *= math.sqrt(n * mean_w * mean_h) * 0.3 / rms
        pos[:, 0] *= 1.3  # boxes are wider than tall
    else:  # sunflower spiral by rank: evenly spread without an O(n^2) layout
        i = np.arange(n, dtype=float)
        angle = i * math.pi * (3 - math.sqrt(5))
        radius = np.sqrt(i + 0.5) * math.sqrt(mean_w * mean_h) * 0.5
        pos = np.stack([radius * np.cos(angle) * 1.3, radius * np.sin(angle)], axis=1)
    return pos


def _ring_placement(H: nx.Graph, placed: list, placed_pos, new: list, new_boxes) -> "Any":
    """Positions for a group's later nodes, on rings around the placed ones, near their neighbours."""
    import numpy as np

    centre = placed_pos.mean(axis=0)
    index = {m: i for i, m in enumerate(placed)}
    left, top, right, bottom = (placed_pos[:, 0].min(), placed_pos[:, 1].min(),
                                placed_pos[:, 0].max(), placed_pos[:, 1].max())
    golden = math.pi * (3 - math.sqrt(5))
    wanted = []
    for k, node in enumerate(new):
        near = [index[m] for m in H.neighbors(node) if m in index] if node in H else []
        if near:
            d = placed_pos[near].mean(axis=0) - centre
            angle = math.atan2(d[1], d[0]) if abs(d).sum() > 1e-9 else k * golden
        else:
            angle = k * golden
        wanted.append(angle)
    order = sorted(range(len(new)), key=lambda k: wanted[k])
    spacing = float(new_boxes[:, 0].mean())
    ring_gap = float(new_boxes[:, 1].max())
    # an ellipse around the placed part, 1.3 times as wide as tall, one ring after another
    rx = (right - left) / 2 + float(new_boxes[:, 0].max())
    ry = (bottom - top) / 2 + ring_gap
    pos = np.zeros((len(new), 2))
    todo = list(order)
    while todo:
        circumference = math.pi * (3 * (rx + ry) - math.sqrt((3 * rx + ry) * (rx + 3 * ry)))
        slots = max(1, int(circumference // spacing))
        taken = todo[:slots] if len(todo) > slots else todo
        # spread the ring's nodes evenly, starting from the first one's wish
        start = wanted[taken[0]]
        for s, k in enumerate(taken):
            angle = start + 2 * math.pi * s / max(len(taken), 1) if len(taken) == slots else wanted[k]
            pos[k] = centre + (rx * math.cos(angle), ry * math.sin(angle))
        todo = todo[len(taken):]
        rx += ring_gap * 1.3
        ry += ring_gap
    return pos


# --------------------------------------------------------------------------
# Packing groups
# --------------------------------------------------------------------------


def _skyline(rects: list[tuple[float, float]], width: float) -> list[tuple[float, float]]:
    """Pack rectangles (width, height) into a strip `width` wide, bottom-left first.

    The taller ones go first; each goes where its top edge is lowest (then
    leftmost) on the skyline of those already placed (the skyline
    bottom-left heuristic of bin packing). Returns the top-left corner of
    each rectangle, in the input order.
    """
    sky = [(0.0, width, 0.0)]  # segments: x, width, y of the skyline
    out: list[tuple[float, float]] = [(0.0, 0.0)] * len(rects)
    for k in sorted(range(len(rects)), key=lambda k: (-rects[k][1], -rects[k][0], k)):
        w, h = rects[k]
        best = None
        for i, (x, _, _) in enumerate(sky):
            if x + w > width + 1e-6 and x > 0:
                break
            y, j, reach = 0.0, i, x
            while j < len(sky) and reach < x + w - 1e-6:
                y = max(y, sky[j][2])
                reach = sky[j][0] + sky[j][1]
                j += 1
            if best is None or (y, x) < best[:2]:
                best = (y, x)
        y, x = best
        out[k] = (x, y)
        # the new top edge replaces what it covers of the skyline
        new = []
        for sx, sw, sy in sky:
            for a, b in ((sx, min(sx + sw, x)), (max(sx, x + w), sx + sw)):
                if b - a > 1e-6:
                    new.append((a, b - a, sy))
        new.append((x, w, y + h))
        new.sort()
        sky = new
    return out


def _pack_for_canvas(rects: list[tuple[float, float]], canvas=None, gap: float = _GROUP_GAP) -> list[tuple[float, float]]:
    """Place rectangles (width, height) side by side without overlap, filling `canvas`'s shape.

    Skyline packing (:func:`_skyline`) into strips of several widths; the
    packing that lets the whole fit the canvas at the largest zoom wins.
    Returns the centre of each rectangle, the whole centred on (0, 0).
    """
    canvas = canvas or CANVAS
    if not rects:
        return []
    padded = [(w + gap, h + gap) for w, h in rects]
    area = sum(w * h for w, h in padded)
    widest = max(w for w, _ in padded)
    base = math.sqrt(area * canvas[0] / canvas[1])
    best = None
    for factor in (0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6):
        strip = max(widest, base * factor)
        corners = _skyline(padded, strip)
        right = max(x + w for (x, _), (w, _h) in zip(corners, padded))
        bottom = max(y + h for (_, y), (_w, h) in zip(corners, padded))
        scale = min(canvas[0] / right, canvas[1] / bottom)
        if best is None or scale > best[0] + 1e-9:
            best = (scale, corners, right, bottom)
    _, corners, right, bottom = best
    return [(x + w / 2 - right / 2, y + h / 2 - bottom / 2) for (x, y), (w, h) in zip(corners, padded)]


@dataclass
class Layout:
    """Positions of every level.

    Attributes
    ----------
    local : dict
        node -> (x, y) inside its group (the same at every level).
    offsets : list of dict
        One dict per level: group -> (dx, dy) added to its nodes' local
        positions at that level.
    levels : list of int
        Node counts of the levels.
    """

    local: dict
    offsets: list
    levels: list
    group_of: dict = field(default_factory=dict)

    def position(self, node, level: int) -> tuple[float, float]:
        x, y = self.local[node]
        dx, dy = self.offsets[level].get(self.group_of[node], (0.0, 0.0))
        return x + dx, y + dy


def group_layout(G: nx.Graph, order: list, groups: dict, boxes: dict[Any, Box],
                 levels: list[int], *, spiral_groups: Iterable = ()) -> Layout:
    """Lay out the nodes of `G` in groups, level by level.

    Parameters
    ----------
    G : networkx graph
        Its edges pull nodes of a group together (an edge attribute
        ``layout_weight`` weighs them, else 1); direction and multiplicity
        are ignored.
    order : list
        Every node of `G`, most important first: the first ``levels[0]``
        make the first level, and so on.
    groups : dict
        node -> group (any hashable; nodes missing from it share one group).
        Groups are placed in the order of their most important node.
    boxes : dict
        node -> :class:`Box`.
    levels : list of int
        Increasing node counts, the last one ``len(order)``.
    spiral_groups : iterable
        Groups whose first nodes go on a spiral by rank instead of the
        spring layout (a group of unrelated actors, which the spring layout
        would scatter).

    Returns
    -------
    Layout
    """
    import numpy as np

    H = nx.Graph()
    H.add_nodes_from(order)
    for u, v, d in G.edges(data=True):
        if u != v:
            w = float(d.get("layout_weight", 1.0) or 1.0)
            if H.has_edge(u, v):
                H[u][v]["layout_weight"] += w
            else:
                H.add_edge(u, v, layout_weight=w)
    level_of = {}
    start = 0
    for k, count in enumerate(levels):
        for node in order[start:count]:
            level_of[node] = k
        start = count
    group_of = {n: groups.get(n, None) for n in order}
    spiral = set(spiral_groups)
    members: dict = {}
    for n in order:
        members.setdefault(group_of[n], []).append(n)
    group_order = list(members)  # by their most important node
    local: dict = {}
    footprints: list[dict] = []  # per level: group -> (left, top, right, bottom) in local coordinates
    placed: dict = {g: [] for g in group_order}
    grids = {g: _Grid(sum(boxes[n].width * boxes[n].height for n in members[g]),
                      max(boxes[n].width for n in members[g])) for g in group_order}
    for k in range(len(levels)):
        fp = {}
        for g in group_order:
            new = [n for n in members[g] if level_of[n] == k]
            if new:
                new_boxes = np.array([[boxes[n].width, boxes[n].height, boxes[n].dy] for n in new])
                if not placed[g]:
                    wanted = _first_placement(H, new, new_boxes, spiral=g in spiral)
                else:
                    old = placed[g]
                    wanted = _ring_placement(H, old, np.array([local[n] for n in old]), new, new_boxes)
                pos = _place_on_grid(grids[g], wanted, new_boxes)
                for n, (x, y) in zip(new, pos):
                    local[n] = (float(x), float(y))
                placed[g].extend(new)
            if placed[g]:
                pts = np.array([local[n] for n in placed[g]])
                bx = np.array([[boxes[n].width, boxes[n].height, boxes[n].dy] for n in placed[g]])
                left, top, right, bottom = _extent(pts, bx)
                fp[g] = (left - _HULL_ROOM, top - 2 * _HULL_ROOM, right + _HULL_ROOM, bottom + _HULL_ROOM)
        footprints.append(fp)
    offsets = []
    for fp in footprints:
        present = [g for g in group_order if g in fp]
        centres = _pack_for_canvas([(fp[g][2] - fp[g][0], fp[g][3] - fp[g][1]) for g in present])
        offsets.append({g: (round(cx - (fp[g][0] + fp[g][2]) / 2, 1), round(cy - (fp[g][1] + fp[g][3]) / 2, 1))
                        for g, (cx, cy) in zip(present, centres)})
    local = {n: (round(x, 1), round(y, 1)) for n, (x, y) in local.items()}
    return Layout(local, offsets, list(levels), group_of)


def column_layout(order: list, columns: dict, boxes: dict[Any, Box], *, rows: int | None = None,
                  names: Iterable = ("supports", "undecided", "opposes"), canvas=None) -> tuple[dict, dict]:
    """Place nodes in side-by-side columns, by rank from the top.

    Parameters
    ----------
    order : list
        Nodes, most important first.
    columns : dict
        node -> column name, one of `names` (left to right).
    boxes : dict
        node -> :class:`Box`.
    rows : int, optional
        Nodes per column before a further one is started: the first
        column's further columns go to its left, the last's to its right
        (outwards, so the most important stay next to the middle), the
        others' to their right. Default: the number (from 4) that lets the
        first :data:`DEFAULT_SHOWN` nodes fill `canvas` best.
    names : iterable of str
        The column names, left to right.
    canvas : (float, float), optional
        Width and height the layout is made for (default :data:`CANVAS`).

    Returns
    -------
    (dict, dict)
        node -> (x, y) of its dot; column name -> (x, y) of its heading
        (over the middle of its columns, above the first row).
    """
    names = list(names)
    if rows is None:
        rows = _best_rows(order[:DEFAULT_SHOWN], columns, boxes, names, canvas or CANVAS)
    width = max((b.width for b in boxes.values()), default=100.0) * 1.36  # room for the zigzag
    row_h = max((b.height for b in boxes.values()), default=60.0)
    gap = width * 0.5  # between two groups of columns
    pos: dict = {}
    heads: dict = {}
    x = 0.0
    for c, name in enumerate(names):
        nodes = [n for n in order if columns.get(n) == name]
        subs = max(1, math.ceil(len(nodes) / rows))
        # x of each sub-column, left to right; sub-column 0 takes the most important
        xs = [x + width * (i + 0.5) for i in range(subs)]
        inner_first = xs[::-1] if c == 0 and len(names) > 1 else xs
        for i, node in enumerate(nodes):
            sub, row = divmod(i, rows)
            # every other row a little aside, so that a link down a column passes the actors between
            zig = width * 0.18 * (1 if row % 2 else -1)
            pos[node] = (round(inner_first[sub] + zig, 1), round(row * row_h, 1))
        heads[name] = (round((xs[0] + xs[-1]) / 2, 1), round(-row_h * 0.9, 1))
        x += subs * width + gap
    return pos, heads


def _best_rows(order: list, columns: dict, boxes: dict, names: list, canvas) -> int:
    """Rows per column that let `order` in columns fit `canvas` at the largest zoom."""
    width = max((b.width for b in boxes.values()), default=100.0) * 1.36
    row_h = max((b.height for b in boxes.values()), default=60.0)
    counts = [sum(columns.get(n) == name for n in order) for name in names]
    best = (0.0, 4)
    for rows in range(4, max(5, max(counts, default=0) + 1)):
        subs = sum(max(1, math.ceil(c / rows)) for c in counts)
        w = subs * width + (len(names) - 1) * width * 0.5
        h = (min(rows, max(counts, default=1)) + 1) * row_h
        scale = min(canvas[0] / w, canvas[1] / h)
        if scale > best[0] + 1e-9:
            best = (scale, rows)
    return best[1]
