"""The issue catalogue: issues with their events, actors and dates, and users' edits.

Extraction groups events into issues (:mod:`geopolkg.extraction.issues`):
phrases merged per article, and across articles by a key. Users correct
that grouping with three edits, kept in a small YAML file in the store
folder, ``issue-edits.yaml`` (:data:`EDITS_FILE`), and applied, in the order
written, whenever events are read (:func:`load_events`), so every analysis,
the derived relations and the exports see the edited issues while the
extracted events stay as they were:

.. code-block:: yaml

    edits:
      - rename: bagram                 # the issue's key
        label: US military presence at Bagram air base
      - merge: gulf                    # this issue (key and label) ...
        from: [shipping, ship]         # ... takes in the events of these
      - split: gulf                    # move these events of 'gulf' ...
        events: [3d9edfc7033ada58, 5be1f0a2c4d3e6b7]
        key: gulf-oil-platforms        # ... to this new issue
        label: attacks on Gulf oil platforms

Deleting the file (or a line of it) undoes the edits.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import AnalysisError

__all__ = ["EDITS_FILE", "IssueSummary", "issue_catalogue", "apply_edits", "read_edits",
           "add_edit", "rename_issue", "merge_issues", "split_issue", "load_events", "store_folder"]

#: Name of the file of issue edits in the store folder.
EDITS_FILE = "issue-edits.yaml"

_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclass
class IssueSummary:
    """One issue of the catalogue.

    Attributes
    ----------
    key, label : str
        The issue's key (its identifier across articles) and label.
    events : int
        Events about it.
    articles : int
        Articles those events come from.
    actors : list of str
        Codes of the actors of those events (as actor or target), sorted.
    date_min, date_max : str
        First and last event day (ISO 8601), empty when no event is dated.
    supporters, opponents : list of str
        Codes of actors whose stance events are all for, or all against, it.
    """

    key: str
    label: str
    events: int = 0
    articles: int = 0
    actors: list = field(default_factory=list)
    date_min: str = ""
    date_max: str = ""
    supporters: list = field(default_factory=list)
    opponents: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def issue_catalogue(events: list[dict], text: str | None = None, level: str | None = None) -> list[IssueSummary]:
    """Return the issues of ``events`` with counts, actors and date ranges.

    Parameters
    ----------
    events : list of dict
        Event records (:func:`load_events`); events without an issue are skipped.
    text : str, optional
        Only issues whose label or key contains this text (case-insensitive).
    level : {"country", "sector"}
        Actors, supporters and opponents as countries (default) or sectors
        (:mod:`geopolkg.graph.level`).

    Returns
    -------
    list of IssueSummary
        Most events first, then by key.

    Examples
    --------
    >>> us, af = {"name": "US", "code": "USAGOV"}, {"name": "AF", "code": "AFGGOV"}
    >>> ev = [{"id": "e1", "article": "a1", "issue_key": "bagram", "issue": "Bagram air base",
    ...        "date": "2025-09-18", "actor": us, "target": af, "stance": 1},
    ...       {"id": "e2", "article": "a2", "issue_key": "bagram", "issue": "Bagram air base",
    ...        "date": "2025-09-20", "actor": af, "target": None, "stance": -1}]
    >>> [s] = issue_catalogue(ev)
    >>> s.events, s.articles, s.actors, s.date_min, s.date_max, s.supporters, s.opponents
    (2, 2, ['AFG', 'USA'], '2025-09-18', '2025-09-20', ['USA'], ['AFG'])
    """
    from .level import at_level
    from .stance import actor_stances, issue_matches

    groups: dict[str, list] = {}
    for event in at_level(events, level):
        if issue_matches(event, text):
            groups.setdefault(event["issue_key"], []).append(event)
    stances = actor_stances([e for evs in groups.values() for e in evs], level=level)
    out = []
    for key, evs in groups.items():
        dates = sorted(e["date"][:10] for e in evs if e.get("date"))
        actors = {e["actor"]["code"] for e in evs} | {e["target"]["code"] for e in evs if e.get("target")}
        per_actor = stances.get(key, {})
        out.append(IssueSummary(
            key, evs[0].get("issue") or key, len(evs), len({e.get("article") for e in evs}), sorted(actors),
            dates[0] if dates else "", dates[-1] if dates else "",
            sorted(c for c, s in per_actor.items() if s.label == "supports"),
            sorted(c for c, s in per_actor.items() if s.label == "opposes")))
    return sorted(out, key=lambda s: (-s.events, s.key))


# -- edits ------------------------------------------------------------------

def apply_edits(events: list[dict], edits: list[dict]) -> list[dict]:
    """Return ``events`` with the issue edits applied in order (the input is not changed).

    Parameters
    ----------
    events : list of dict
        Event records with ``id``, ``issue_key`` and ``issue``.
    edits : list of dict
        ``{"rename": KEY, "label": L}``, ``{"merge": KEY, "from": [KEY, ...]}``
        or ``{"split": KEY, "events": [ID, ...], "key": NEW, "label": L}``
        (see the module docstring). An edit naming an issue that no event has
        any more does nothing, so edits survive removing articles.

    Examples
    --------
    >>> ev = [{"id": "e1", "issue_key": "a", "issue": "A"}, {"id": "e2", "issue_key": "b", "issue": "B"}]
    >>> out = apply_edits(ev, [{"merge": "a", "from": ["b"]}, {"rename": "a", "label": "A and B"}])
    >>> [(e["issue_key"], e["issue"]) for e in out]
    [('a', 'A and B'), ('a', 'A and B')]
    >>> out = apply_edits(ev, [{"split": "a", "events": ["e1"], "key": "c", "label": "C"}])
    >>> [(e["issue_key"], e["issue"]) for e in out]
    [('c', 'C'), ('b', 'B')]
    """
    events = [dict(e) for e in events]
    for edit in edits:
        if "rename" in edit:
            for e in events:
                if e.get("issue_key") == edit["rename"]:
                    e["issue"] = edit["label"]
        elif "merge" in edit:
            into = edit["merge"]
            label = next((e["issue"] for e in events if e.get("issue_key") == into), None)
            sources = set(edit.get("from") or ())
            if label is None:  # the surviving issue is gone: keep the first source's label
                label = next((e["issue"] for e in events if e.get("issue_key") in sources), into)
            for e in events:
                if e.get("issue_key") in sources:
                    e["issue_key"], e["issue"] = into, label
        elif "split" in edit:
            moved = set(edit.get("events") or ())
            for e in events:
                if e.get("issue_key") == edit["split"] and e["id"] in moved:
                    e["issue_key"], e["issue"] = edit["key"], edit.get("label") or edit["key"]
    return events


def store_folder(store) -> Path:
    """Return the folder of ``store`` (a path, or a KnowledgeStore with ``.path``)."""
    path = getattr(store, "path", None)
    if path is not None:
        return Path(path)
    from ..store.oxigraph import default_store_path

    return Path(store) if store is not None else default_store_path()


def read_edits(folder: str | Path) -> list[dict]:
    """Return the edits of the store ``folder`` (empty if it has no edits file).

    Raises
    ------
    AnalysisError
        If the file is not valid YAML or an edit is malformed (with its position).
    """
    path = Path(folder) / EDITS_FILE
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise AnalysisError(f"not valid YAML: {' '.join(str(err).split())}", str(path)) from err
    edits = data.get("edits") if isinstance(data, dict) else None
    if not isinstance(edits, list):
        raise AnalysisError("expected a mapping with a list 'edits'", str(path))
    for i, edit in enumerate(edits, 1):
        _check_edit(edit, f"{path}: edit {i}")
    return edits


def _check_edit(edit, where: str) -> None:
    def bad(msg):
        raise AnalysisError(msg, where)

    if not isinstance(edit, dict):
        bad("an edit is a mapping (rename, merge or split)")
    kinds = [k for k in ("rename", "merge", "split") if k in edit]
    if len(kinds) != 1:
        bad("an edit has exactly one of rename, merge, split")
    if not isinstance(edit[kinds[0]], str):
        bad(f"'{kinds[0]}' takes an issue key")
    if kinds == ["rename"] and not (isinstance(edit.get("label"), str) and edit["label"].strip()):
        bad("rename needs a non-empty 'label'")
    if kinds == ["merge"] and not (isinstance(edit.get("from"), list) and edit["from"]
                                   and all(isinstance(k, str) for k in edit["from"])):
        bad("merge needs 'from', a list of issue keys")
    if kinds == ["split"]:
        if not (isinstance(edit.get("events"), list) and edit["events"]):
            bad("split needs 'events', a list of event ids")
        if not (isinstance(edit.get("key"), str) and _KEY.match(edit["key"])):
            bad("split needs 'key', lower-case letters, digits and '-'")


def add_edit(folder: str | Path, edit: dict) -> list[dict]:
    """Append ``edit`` to the store folder's edits file (written atomically); return all edits."""
    folder = Path(folder)
    _check_edit(edit, str(folder / EDITS_FILE))
    edits = read_edits(folder) + [edit]
    text = ("# geopolkg issue edits, applied in order when events are read (see geopolkg.graph.issues)\n"
            + yaml.safe_dump({"edits": edits}, sort_keys=False, allow_unicode=True))
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".issue-edits-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, folder / EDITS_FILE)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise AnalysisError(f"cannot write the issue edits: {err}", str(folder)) from err
    return edits


def _keys(events: list[dict]) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in events:
        if e.get("issue_key"):
            out.setdefault(e["issue_key"], []).append(e)
    return out


def _need(keys: dict, key: str, where: str) -> list:
    if key not in keys:
        raise AnalysisError(f"no issue with key {key!r}; 'geopolkg issues' lists them", where)
    return keys[key]


def rename_issue(store, key: str, label: str) -> dict:
    """Give issue ``key`` the label ``label``; return the edit written.

    Raises
    ------
    AnalysisError
        If no stored event has that issue, or the label is empty.
    """
    folder = store_folder(store)
    _need(_keys(load_events(store)), key, str(folder))
    label = " ".join(str(label).split())
    if not label:
        raise AnalysisError("an issue label cannot be empty", str(folder))
    edit = {"rename": key, "label": label}
    add_edit(folder, edit)
    return edit


def merge_issues(store, key: str, others: list[str]) -> dict:
    """Merge the issues ``others`` into ``key`` (which keeps its key and label)."""
    folder = store_folder(store)
    keys = _keys(load_events(store))
    for k in [key, *others]:
        _need(keys, k, str(folder))
    others = [k for k in dict.fromkeys(others) if k != key]
    if not others:
        raise AnalysisError("give at least one other issue to merge into this one", str(folder))
    edit = {"merge": key, "from": others}
    add_edit(folder, edit)
    return edit


def split_issue(store, key: str, event_ids: list[str] = (), *, articles: list[str] = (),
                new_key: str | None = None, label: str | None = None) -> dict:
    """Move some events of issue ``key`` to a new issue; return the edit written.

    Parameters
    ----------
    store : str, Path or KnowledgeStore
    key : str
        The issue to split.
    event_ids : list of str
        Events to move (ids as in ``geopolkg events --format json``).
    articles : list of str
        Also move every event of ``key`` from these articles.
    new_key : str, optional
        Key of the new issue (default ``KEY-2``, ``KEY-3``... the first free one).
    label : str, optional
        Its label (default: the old label followed by the new key in brackets).

    Raises
    ------
    AnalysisError
        If the issue is unknown, an event is not about it, nothing would move,
        everything would move, or ``new_key`` is taken or malformed.
    """
    folder = store_folder(store)
    keys = _keys(load_events(store))
    members = _need(keys, key, str(folder))
    ids = {e["id"] for e in members}
    stray = [i for i in event_ids if i not in ids]
    if stray:
        raise AnalysisError(f"event(s) {', '.join(stray)} are not about issue {key!r}", str(folder))
    moved = list(dict.fromkeys([*event_ids, *(e["id"] for e in members if e.get("article") in set(articles))]))
    if not moved:
        raise AnalysisError("give the events (or --article) to move to the new issue", str(folder))
    if len(moved) == len(ids):
        raise AnalysisError(f"that moves every event of {key!r}; rename it instead", str(folder))
    n = 2
    while new_key is None:
        new_key = f"{key[:76]}-{n}" if f"{key[:76]}-{n}" not in keys else None
        n += 1
    if new_key in keys or not _KEY.match(new_key):
        raise AnalysisError(f"cannot use {new_key!r} as the new key (taken, or not lower-case "
                            "letters, digits and '-')", str(folder))
    edit = {"split": key, "events": moved, "key": new_key,
            "label": " ".join((label or f"{members[0]['issue']} ({new_key})").split())}
    add_edit(folder, edit)
    return edit


def load_events(store=None, *, min_confidence: float = 0.0, article: str | None = None) -> list[dict]:
    """Read the events of a store with its issue edits applied.

    Parameters
    ----------
    store : str, Path or KnowledgeStore, optional
        The store (default ``$GEOPOLKG_STORE`` or ``./geopolkg-store``).
    min_confidence, article
        As for :func:`geopolkg.store.records.read_events`.

    Raises
    ------
    StoreError
        If there is no store there.
    AnalysisError
        If its edits file is malformed.
    """
    from ..store.oxigraph import KnowledgeStore
    from ..store.records import read_events

    ks = store if isinstance(store, KnowledgeStore) else KnowledgeStore(store_folder(store), read_only=True)
    events = read_events(ks, min_confidence=min_confidence, article=article)
    return apply_edits(events, read_edits(store_folder(ks)))
