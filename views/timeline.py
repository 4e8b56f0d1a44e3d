"""Timelines: events per week or month, split into cooperation and conflict, with their tone.

A timeline is drawn for a selection of events: one pair of actors (the
events between them, either way), one actor (the events it is the actor or
the target of), one issue, or everything (``geopolkg trends -o``), within
days and above a confidence. Each window (a calendar month ``1987-03`` or an
ISO 8601 week ``1987-W10``, :func:`geopolkg.graph.trends.window_of`) counts
its events in three parts:

* **cooperation**: CAMEO QuadClass 1 and 2 (verbal and material
  cooperation) with a positive Goldstein value;
* **neutral**: QuadClass 1 and 2 with a Goldstein value of 0 or less
  (statements such as CAMEO 010 "make statement", which cooperate with no
  one);
* **conflict**: QuadClass 3 and 4 (verbal and material conflict).

Its **tone** is the confidence-weighted mean Goldstein value of its events
(-10 most conflictual to +10 most cooperative; Goldstein 1992), as the
trends command reads a pair's tone. Windows with no event between the first
and the last are kept (with no tone), so gaps show as gaps.

Two renderings: :meth:`Timeline.html`, a self-contained page drawn with
Plotly (plotly.js, shipped in the ``plotly`` package, is inlined: the page
asks no other host for anything); a click on a bar lists that window's
events of that kind, with their sentences. And :meth:`Timeline.save` to
``.png`` or ``.svg``, the same picture drawn with matplotlib, for reports.
Text from articles (actor names, sentences, titles) is never given to
Plotly, whose text can hold markup: the page shows it with ``textContent``
only.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import os
import pathlib
import re
from dataclasses import dataclass, field
from importlib import resources

from ..errors import ViewError
from ..graph.stance import issue_matches
from ..graph.trends import WINDOWS, window_of
from .html import _cameo_name, safe_url, script_json

__all__ = ["Timeline", "timeline", "select_timeline_events", "timeline_rows", "KINDS", "COLORS"]

#: The parts of a window's bar, bottom to top.
KINDS = ("conflict", "neutral", "cooperation")
COLORS = {"cooperation": "#2ca02c", "neutral": "#a0a0a0", "conflict": "#d62728", "tone": "#333333"}
_MAX_LISTED = 300  # events listed per bar part in the page (the count is exact)
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def kind_of(event: dict) -> str:
    """``cooperation``, ``neutral`` or ``conflict`` for an event record (see the module doc)."""
    if event.get("quad_class") in (3, 4):
        return "conflict"
    return "cooperation" if float(event.get("goldstein") or 0.0) > 0 else "neutral"


def _codes_matching(events: list[dict], text: str) -> dict[str, str]:
    """Actor codes (-> names) of the events whose code is `text` or whose name contains it."""
    needle = text.strip().casefold()
    found: dict[str, str] = {}
    for e in events:
        for role in ("actor", "target"):
            actor = e.get(role)
            if actor and needle and (actor["code"].casefold() == needle or needle in actor["name"].casefold()):
                found[actor["code"]] = actor["name"]
    return found


def _day(value, name: str) -> str | None:
    if value is None or value == "":
        return None
    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError as err:
        raise ViewError(f"--{name} must be a day as YYYY-MM-DD, not {value!r}") from err


def select_timeline_events(events: list[dict], *, actors=(), issue: str | None = None, since=None,
                           until=None, min_confidence: float = 0.0) -> tuple[list[dict], str]:
    """Keep the dated events of one pair, one actor or one issue, within days.

    Parameters
    ----------
    events : list of dict
        Event records (:func:`geopolkg.store.records.read_events`).
    actors : sequence of str
        No actor (every event), one (its events as actor or target) or two
        (the events between them, either way). Each is a code (``IRNGOV``)
        or text in actors' names (case-insensitive); every matching actor
        counts.
    issue : str, optional
        Text in the issue's label or key (case-insensitive).
    since, until : str or date, optional
        First and last day (inclusive).
    min_confidence : float

    Returns
    -------
    (list of dict, str)
        The events, and a phrase saying what was selected ("Iran and
        Iraq", "issue 'gulf'").

    Raises
    ------
    ViewError
        For more than two actors, an actor that matches nothing, or a bad day.
    """
    if isinstance(actors, str):
        actors = [actors]
    actors = [a for a in actors if a and a.strip()]
    if len(actors) > 2:
        raise ViewError(f"a timeline is of one pair of actors at most, not {len(actors)} actors")
    first, last = _day(since, "since"), _day(until, "until")
    if first and last and first > last:
        raise ViewError(f"--since {first} is after --until {last}")
    chosen = [e for e in events if e.get("date") and float(e.get("confidence") or 0.0) >= min_confidence
              and (first is None or e["date"][:10] >= first) and (last is None or e["date"][:10] <= last)]
    if issue is not None:
        chosen = [e for e in chosen if issue_matches(e, issue)]
    sides = []
    for text in actors:
        codes = _codes_matching(events, text)
        if not codes:
            raise ViewError(f"no actor matches {text!r} in the stored events")
        sides.append(codes)
    if len(sides) == 1:
        chosen = [e for e in chosen if e["actor"]["code"] in sides[0]
                  or (e.get("target") and e["target"]["code"] in sides[0])]
    elif len(sides) == 2:
        a, b = sides
        chosen = [e for e in chosen if e.get("target")
                  and ((e["actor"]["code"] in a and e["target"]["code"] in b)
                       or (e["actor"]["code"] in b and e["target"]["code"] in a))]
    what = [" and ".join(_names(side) for side in sides)] if sides else []
    if issue is not None:
        what.append(f"issue '{issue}'")
    return chosen, ", ".join(what) or "all events"


def _names(codes: dict[str, str]) -> str:
    names = sorted(set(codes.values()))
    return names[0] if len(names) == 1 else "/".join(names[:3]) + ("..." if len(names) > 3 else "")


def _window_start(label: str, window: str) -> dt.date:
    if window == "month":
        return dt.date(int(label[:4]), int(label[5:7]), 1)
    return dt.date.fromisocalendar(int(label[:4]), int(label[6:8]), 1)


def _next_window(day: dt.date, window: str) -> dt.date:
    if window == "month":
        return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return day + dt.timedelta(days=7)


def timeline_rows(events: list[dict], window: str = "month") -> list[dict]:
    """Count the events of each window, from the first window with events to the last.

    Parameters
    ----------
    events : list of dict
        Dated event records.
    window : {"month", "week"}

    Returns
    -------
    list of dict
        One per window, in order: ``window`` (``1987-03`` or ``1987-W10``),
        ``start`` and ``end`` (``datetime.date``, first and last day),
        ``events``, ``cooperation``, ``neutral``, ``conflict`` (counts),
        ``tone`` (confidence-weighted mean Goldstein value, None without
        events) and ``evidence`` (``{kind: [event ids]}``).

    Raises
    ------
    ViewError
        For an unknown window.

    Examples
    --------
    >>> ev = [{"id": "e1", "date": "1987-03-02", "quad_class": 4, "goldstein": -10.0, "confidence": 0.5},
    ...       {"id": "e2", "date": "1987-05-09", "quad_class": 1, "goldstein": 3.0, "confidence": 1.0}]
    >>> [(r["window"], r["conflict"], r["cooperation"], r["tone"]) for r in timeline_rows(ev)]
    [('1987-03', 1, 0, -10.0), ('1987-04', 0, 0, None), ('1987-05', 0, 1, 3.0)]
    """
    if window not in WINDOWS:
        raise ViewError(f"--window must be one of {', '.join(WINDOWS)}, not {window!r}")
    cells: dict[str, dict] = {}
    for e in sorted(events, key=lambda e: (e["date"][:10], e["id"])):
        label = window_of(e["date"], window)
        cell = cells.setdefault(label, {"sum": 0.0, "weight": 0.0, "evidence": {k: [] for k in KINDS}})
        conf = float(e.get("confidence") or 1.0)
        cell["sum"] += float(e.get("goldstein") or 0.0) * conf
        cell["weight"] += conf
        cell["evidence"][kind_of(e)].append(e["id"])
    if not cells:
        return []
    rows = []
    day, last = _window_start(min(cells), window), _window_start(max(cells), window)
    while day <= last:
        label = window_of(day.isoformat(), window)
        cell = cells.get(label, {"sum": 0.0, "weight": 0.0, "evidence": {k: [] for k in KINDS}})
        end = _next_window(day, window) - dt.timedelta(days=1)
        counts = {k: len(cell["evidence"][k]) for k in KINDS}
        rows.append({"window": label, "start": day, "end": end, "events": sum(counts.values()), **counts,
                     "tone": round(cell["sum"] / cell["weight"], 3) if cell["weight"] else None,
                     "evidence": cell["evidence"]})
        day = _next_window(day, window)
    return rows


@functools.lru_cache(maxsize=1)
def _plotly_js() -> str:
    """plotly.js as shipped in the ``plotly`` package (checked not to end its script element)."""
    from plotly.offline import get_plotlyjs

    js = get_plotlyjs()
    if "<!--" in js:
        raise RuntimeError("unexpected '<!--' in plotly.js")
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _template() -> str:
    return resources.files("geopolkg.views").joinpath("templates", "timeline.html").read_text(encoding="utf-8")


def _event_item(e: dict) -> dict:
    url = safe_url(e.get("article_url"))
    return {"id": e["id"], "date": (e.get("date") or "")[:10], "actor": e["actor"]["name"],
            "target": (e.get("target") or {}).get("name", ""), "code": e.get("event_code") or "",
            "name": _cameo_name(e.get("event_code") or "") or "", "goldstein": float(e.get("goldstein") or 0.0),
            "sentence": (e.get("sentence") or "")[:2000], "title": (e.get("article_title") or "")[:500],
            "url": url, "issue": e.get("issue") or ""}


@dataclass
class Timeline:
    """A timeline of a selection of events (see the module doc).

    Attributes
    ----------
    rows : list of dict
        :func:`timeline_rows`.
    window : str
        ``month`` or ``week``.
    title : str
        Heading of the page and the picture.
    events : dict
        Event id -> event record, for the lists of the page.
    """

    rows: list
    window: str
    title: str
    events: dict = field(default_factory=dict, repr=False)
    height: int = 520

    # -- the page -----------------------------------------------------------
    def figure(self) -> dict:
        """The Plotly figure (a dict): bars of events per window (conflict downwards) and the tone line.

        Only numbers, dates and fixed words go in: no text from articles.
        """
        import plotly.graph_objects as go

        x = [r["start"].isoformat() for r in self.rows]
        labels = [r["window"] for r in self.rows]
        fig = go.Figure()
        for kind in ("cooperation", "neutral", "conflict"):
            sign = -1 if kind == "conflict" else 1
            fig.add_trace(go.Bar(
                x=x, y=[sign * r[kind] for r in self.rows], name=kind, marker_color=COLORS[kind],
                customdata=[[label, kind, r[kind]] for label, r in zip(labels, self.rows)],
                hovertemplate="%{customdata[0]}: %{customdata[2]} " + kind + " events<extra></extra>",
                offsetgroup="events"))
        fig.add_trace(go.Scatter(
            x=x, y=[r["tone"] for r in self.rows], name="tone (mean Goldstein)", yaxis="y2", mode="lines+markers",
            line={"color": COLORS["tone"], "width": 2}, connectgaps=False,
            marker={"size": 7, "color": ["#2ca02c" if (r["tone"] or 0) > 0 else "#d62728" if (r["tone"] or 0) < 0
                                         else "#a0a0a0" for r in self.rows]},
            customdata=labels, hovertemplate="%{customdata}: tone %{y:+.2f}<extra></extra>"))
        period = "month" if self.window == "month" else "week"
        # both axes symmetric about zero, so the tone's zero is the bars' zero
        top = max([r["cooperation"] + r["neutral"] for r in self.rows] + [r["conflict"] for r in self.rows] + [1])
        fig.update_layout(
            barmode="relative", bargap=0.15, template="simple_white", height=self.height,
            margin={"l": 60, "r": 60, "t": 20, "b": 50}, legend={"orientation": "h", "y": -0.15},
            xaxis={"title": {"text": period}, "type": "date"},
            yaxis={"title": {"text": "events (conflict below zero)"}, "zeroline": True, "zerolinewidth": 1.5,
                   "range": [-top * 1.1, top * 1.1]},
            yaxis2={"title": {"text": "tone (mean Goldstein)"}, "overlaying": "y", "side": "right",
                    "range": [-11, 11], "tickvals": [-10, -5, 0, 5, 10], "zeroline": False, "showgrid": False},
            hovermode="closest")
        return json.loads(fig.to_json())

    def page(self) -> str:
        """The self-contained HTML page (plotly.js inlined; nothing loaded from elsewhere)."""
        listed: dict = {}
        for r in self.rows:
            for kind in KINDS:
                ids = r["evidence"][kind]
                listed[f"{r['window']}|{kind}"] = {
                    "total": len(ids), "events": [_event_item(self.events[i]) for i in ids[:_MAX_LISTED]
                                                  if i in self.events]}
        payload = {"title": self.title, "window": self.window, "figure": self.figure(), "lists": listed,
                   "rows": [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in r.items()
                             if k != "evidence"} for r in self.rows]}
        values = {"title": html.escape(self.title, quote=True), "plotly_js": _plotly_js(),
                  "data_json": script_json(payload), "empty_hidden": "" if not self.rows else "hidden"}
        return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _template())

    def to_frame(self):
        """The rows as a pandas DataFrame (:data:`geopolkg.frames.SCHEMAS` ``["timeline"]``)."""
        from ..frames import to_frame

        return to_frame("timeline", self.rows)

    def _repr_html_(self) -> str:
        from .notebook import GraphView

        return GraphView(self.page(), self.height + 120)._repr_html_()

    # -- files ----------------------------------------------------------------
    def save(self, path: str | os.PathLike[str], fmt: str | None = None) -> pathlib.Path:
        """Write the page (``.html``) or the picture (``.png``, ``.svg``) to `path`; return the path.

        Raises
        ------
        ViewError
            For another format, or one the file name contradicts.
        """
        out = pathlib.Path(path)
        by_suffix = {".png": "png", ".svg": "svg", ".html": "html", ".htm": "html"}.get(out.suffix.lower())
        fmt = (fmt or by_suffix or "html").lower()
        if fmt not in ("html", "png", "svg"):
            raise ViewError(f"a timeline is html, png or svg, not {fmt!r}", where=str(out))
        if by_suffix is not None and by_suffix != fmt:
            raise ViewError(f"the file name says {by_suffix} but --format says {fmt}", where=str(out))
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "html":
            out.write_text(self.page(), encoding="utf-8")
        else:
            self._draw(out, fmt)
        return out

    def _draw(self, out: pathlib.Path, fmt: str) -> None:
        """The picture for reports, with matplotlib (as the page: bars up and down, tone on the right)."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        fig = Figure(figsize=(12, 5.5), dpi=100)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.07, 0.2, 0.86, 0.68))
        fig.text(0.5, 0.95, self.title, ha="center", va="center", fontsize=14, parse_math=False)
        if not self.rows:
            ax.set_axis_off()
            ax.text(0.5, 0.5, "No dated events to show", ha="center", va="center", fontsize=16, color="#555555")
        else:
            xs = list(range(len(self.rows)))
            coop = [r["cooperation"] for r in self.rows]
            neutral = [r["neutral"] for r in self.rows]
            conflict = [-r["conflict"] for r in self.rows]
            ax.bar(xs, coop, color=COLORS["cooperation"], label="cooperation", width=0.8)
            ax.bar(xs, neutral, bottom=coop, color=COLORS["neutral"], label="neutral", width=0.8)
            ax.bar(xs, conflict, color=COLORS["conflict"], label="conflict", width=0.8)
            ax.axhline(0, color="#333333", linewidth=0.8)
            ax.set_ylabel("events (conflict below zero)")
            step = max(1, len(xs) // 24)
            ax.set_xticks(xs[::step], [r["window"] for r in self.rows][::step], rotation=45, ha="right",
                          fontsize=8)
            top = max([abs(v) for v in coop + conflict] + [a + b for a, b in zip(coop, neutral)] + [1])
            ax.set_ylim(-top * 1.1, top * 1.1)
            ax.spines[["top"]].set_visible(False)
            tone = ax.twinx()
            # a window without events has no tone: the line breaks there, as on the page
            tone.plot(xs, [float("nan") if r["tone"] is None else r["tone"] for r in self.rows],
                      color=COLORS["tone"], linewidth=1.8, marker="o", markersize=4, label="tone (mean Goldstein)")
            tone.set_ylim(-11, 11)
            tone.set_yticks([-10, -5, 0, 5, 10])
            tone.set_ylabel("tone (mean Goldstein, -10 to +10)")
            tone.spines[["top"]].set_visible(False)
            handles = ax.get_legend_handles_labels()[0] + tone.get_legend_handles_labels()[0]
            ax.legend(handles=handles, loc="upper left", fontsize=8, framealpha=0.9, ncols=4)
        metadata = {"Date": None} if fmt == "svg" else {}
        fig.savefig(out, format=fmt, metadata=metadata)


def timeline(events: list[dict], *, actors=(), issue: str | None = None, window: str = "month", since=None,
             until=None, min_confidence: float = 0.0, title: str | None = None) -> Timeline:
    """Build the :class:`Timeline` of a selection of events.

    Parameters
    ----------
    events : list of dict
        Event records.
    actors, issue, since, until, min_confidence
        The selection, see :func:`select_timeline_events`.
    window : {"month", "week"}
    title : str, optional
        Default: "geopolkg timeline: " and what was selected.

    Raises
    ------
    ViewError
        For a bad selection or window.
    """
    chosen, what = select_timeline_events(events, actors=actors, issue=issue, since=since, until=until,
                                          min_confidence=min_confidence)
    rows = timeline_rows(chosen, window)
    label = title or f"geopolkg timeline: {what}, by {window}"
    return Timeline(rows, window, label, {e["id"]: e for e in chosen})
