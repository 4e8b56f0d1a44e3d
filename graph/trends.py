"""Change over time: each pair's tone per month or week, and which relations moved most.

Events are grouped into windows by their day: calendar months (``1987-03``)
or ISO 8601 weeks (``1987-W10``, Monday to Sunday). A pair's *tone* in a
window is the mean Goldstein value of the events between the two actors, in
either direction, weighted by confidence (as GDELT's average tone, so a pair
is not "worse" only for being reported more). A relation *improved* from one
window to the next window in which the pair appears again when its tone rose,
and *worsened* when it fell; the change is the difference of the tones.
Neutral statements (Goldstein 0) weigh in as neutral; acts not done are left
out (:mod:`.acts`); actors are countries by default (:mod:`.level`).

References
----------
.. [1] Goldstein, J. S. (1992). A conflict-cooperation scale for WEIS events
   data. Journal of Conflict Resolution, 36(2), 369-385.
.. [2] ISO 8601-1:2019, week dates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..errors import AnalysisError
from .acts import counted, relation_of
from .level import at_level
from .signed import _dyadic, relation_events

__all__ = ["window_of", "pair_tones", "trends", "WINDOWS"]

WINDOWS = ("month", "week")


def window_of(day: str, window: str) -> str:
    """Return the window a day falls in.

    Parameters
    ----------
    day : str
        ISO 8601 date (a longer date-time is cut to its day).
    window : {"month", "week"}

    Examples
    --------
    >>> window_of("1987-03-31", "month"), window_of("1987-03-31", "week")
    ('1987-03', '1987-W14')
    >>> window_of("2021-01-03", "week")  # a Sunday in the last ISO week of 2020
    '2020-W53'
    """
    d = dt.date.fromisoformat(day[:10])
    if window == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if window == "week":
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    raise AnalysisError(f"unknown window {window!r}; use month or week")


def pair_tones(events: list[dict], window: str, level: str | None = None) -> dict[tuple, dict[str, dict]]:
    """Return {(code, code): {window: {"tone", "events", "evidence"}}} for dated dyadic events.

    The pair's codes are sorted, at ``level`` (:mod:`.level`; None: as the
    events were put at a level, else countries); ``tone`` is the
    confidence-weighted mean Goldstein value (rounded to 6 decimals). Acts
    not done are left out (:mod:`.acts`).

    Examples
    --------
    >>> a, b = {"name": "A", "code": "AAA"}, {"name": "B", "code": "BBB"}
    >>> ev = [{"id": "e1", "actor": a, "target": b, "goldstein": -10.0, "confidence": 1.0, "date": "1987-03-02"},
    ...       {"id": "e2", "actor": b, "target": a, "goldstein": 4.0, "confidence": 0.5, "date": "1987-03-09"}]
    >>> pair_tones(ev, "month")[("AAA", "BBB")]["1987-03"]["tone"]  # (-10 x 1 + 4 x 0.5) / 1.5
    -5.333333
    """
    if window not in WINDOWS:
        raise AnalysisError(f"unknown window {window!r}; use month or week")
    sums: dict = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0, []]))
    for e in _dyadic(at_level(counted(events), level)):
        if not e.get("date"):
            continue
        pair = tuple(sorted((e["actor"]["code"], e["target"]["code"])))
        cell = sums[pair][window_of(e["date"], window)]
        conf = float(e.get("confidence") or 1.0)
        cell[0] += float(e.get("goldstein") or 0.0) * conf
        cell[1] += conf
        cell[2].append(e["id"])
    return {pair: {w: {"tone": round(s / c, 6) if c else 0.0, "events": len(ids), "evidence": sorted(ids)}
                   for w, (s, c, ids) in sorted(cells.items())}
            for pair, cells in sums.items()}


def trends(source, window: str = "month", *, since=None, until=None, min_confidence: float = 0.0,
           top: int = 10, level: str | None = None) -> dict:
    """Return the windows of a time span and the relations that improved or worsened most.

    Parameters
    ----------
    source : list of dict, or str, Path or KnowledgeStore
        Event records, or a store.
    window : {"month", "week"}
    since, until : str or date, optional
        The time span (inclusive days); undated events are always left out.
    min_confidence : float
    top : int
        How many changes to list each way.
    level : {"country", "sector"}
        One node per country (default) or per sector (:mod:`.level`);
        domestic events count in a window's events, not in its pairs.

    Returns
    -------
    dict
        ``window``; ``windows``: one row per window with events, from the first
        to the last (``window``, ``events``, ``pairs``, ``tone`` (mean over the
        window's dyadic events), ``cooperation`` and ``conflict`` event counts);
        ``improved`` and ``worsened``: rows ``a``, ``b`` (``{"name", "code"}``),
        ``before`` and ``after`` (windows), ``tone_before``, ``tone_after``,
        ``change`` and ``evidence`` (event ids of both windows), largest change first.

    Raises
    ------
    AnalysisError
        For an unknown window or level, or a bad date.
    """
    events = [e for e in relation_events(source, since=since, until=until, min_confidence=min_confidence,
                                         level=level) if e.get("date")]
    if window not in WINDOWS:
        raise AnalysisError(f"unknown window {window!r}; use month or week")
    names = {}
    per_window: dict = defaultdict(lambda: {"events": 0, "pairs": set(), "tone": [0.0, 0.0],
                                            "cooperation": 0, "conflict": 0})
    for e in events:
        row = per_window[window_of(e["date"], window)]
        row["events"] += 1
        row["cooperation"] += relation_of(e) == "cooperation"
        row["conflict"] += relation_of(e) == "conflict"
        names[e["actor"]["code"]] = e["actor"]["name"]
        if e.get("target"):
            names[e["target"]["code"]] = e["target"]["name"]
    for e in _dyadic(events):
        row = per_window[window_of(e["date"], window)]
        row["pairs"].add(tuple(sorted((e["actor"]["code"], e["target"]["code"]))))
        conf = float(e.get("confidence") or 1.0)
        row["tone"][0] += float(e.get("goldstein") or 0.0) * conf
        row["tone"][1] += conf
    windows = [{"window": w, "events": r["events"], "pairs": len(r["pairs"]),
                "tone": round(r["tone"][0] / r["tone"][1], 6) if r["tone"][1] else None,
                "cooperation": r["cooperation"], "conflict": r["conflict"]}
               for w, r in sorted(per_window.items())]
    changes = []
    for (a, b), cells in pair_tones(events, window).items():
        keys = list(cells)
        for w1, w2 in zip(keys, keys[1:]):
            change = round(cells[w2]["tone"] - cells[w1]["tone"], 6)
            if change:
                changes.append({"a": {"name": names.get(a, a), "code": a}, "b": {"name": names.get(b, b), "code": b},
                                "before": w1, "after": w2, "tone_before": cells[w1]["tone"],
                                "tone_after": cells[w2]["tone"], "change": change,
                                "evidence": cells[w1]["evidence"] + cells[w2]["evidence"]})
    order = lambda c: (c["a"]["code"], c["b"]["code"], c["before"])  # noqa: E731
    improved = sorted((c for c in changes if c["change"] > 0), key=lambda c: (-c["change"], order(c)))
    worsened = sorted((c for c in changes if c["change"] < 0), key=lambda c: (c["change"], order(c)))
    return {"window": window, "windows": windows, "improved": improved[:top], "worsened": worsened[:top]}
