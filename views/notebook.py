"""Show a view inside a Jupyter notebook, without depending on IPython.

:class:`GraphView` has ``_repr_html_``, which Jupyter calls to display an
object: it returns an ``<iframe>`` whose ``srcdoc`` is the whole
self-contained page (HTML-escaped as an attribute value). The frame is
sandboxed with scripts allowed but not the notebook's origin, so the page
cannot reach the notebook, and its Content-Security-Policy still forbids
every request.
"""

from __future__ import annotations

import html
import os
import pathlib

import networkx as nx

from .html import render_html

__all__ = ["GraphView", "show"]

_CHROME_PX = 110  # heading and toolbar above the canvas


class GraphView:
    """An interactive view that displays itself in Jupyter.

    Parameters
    ----------
    page : str
        The HTML document (:func:`geopolkg.views.html.render_html`).
    height : int
        Height of the canvas in pixels.
    note : str, optional
        What the size cap left out (shown above the frame).

    Attributes
    ----------
    html : str
        The page.
    """

    def __init__(self, page: str, height: int = 600, note: str | None = None):
        self.html = page
        self.height = int(height)
        self.note = note

    def _repr_html_(self) -> str:
        frame = (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
                 f'style="width:100%;height:{self.height + _CHROME_PX}px;border:1px solid #ddd" '
                 'title="geopolkg graph view"></iframe>')
        if self.note:
            frame = f'<p style="color:#a33">{html.escape(self.note)}</p>' + frame
        return frame

    def save(self, path: str | os.PathLike[str]) -> pathlib.Path:
        """Write the page to `path` (UTF-8) and return the path."""
        out = pathlib.Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(self.html, encoding="utf-8")
        return out

    def __repr__(self) -> str:
        return f"<GraphView {len(self.html):,} characters>"


def show(G: nx.Graph, title: str = "geopolkg graph", *, height: int = 600,
         note: str | None = None) -> GraphView:
    """Return a :class:`GraphView` of `G` for display in a notebook.

    Parameters
    ----------
    G : networkx graph
        Actor graph or two-mode graph (see :func:`render_html`).
    title : str
        Page heading.
    height : int
        Canvas height in pixels.
    note : str, optional
        Shown above the view.

    Returns
    -------
    GraphView
    """
    return GraphView(render_html(G, title, height=f"{int(height)}px"), height, note)
