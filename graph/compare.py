"""Articles against a coded event dataset: for the same actor pairs and days,
what the articles say and what the dataset says.

Pairs are unordered (an event from A to B and one from B to A are about the
same pair) and matched on the event's day. By default actors are matched at
the level of their country (``USAGOV``, ``USAMIL`` and ``USA`` are all
``USA``), because a dataset's coder and the article extractor often differ
in the sector they give the same actor; only six-letter country-and-sector
codes are cut, so organizations (``IGOUNO``, ``IGOEUREEC``) keep their whole code. ``match="code"`` compares exact codes.

Each side of a pair is summed up by its events: how many, their CAMEO codes,
their mean Goldstein value and their tone, "cooperation" when more of them
are in QuadClass 1-2 than in 3-4, "conflict" when fewer, else "mixed"
(QuadClasses as in the CAMEO codebook). Articles and dataset *agree* on a
pair when their tones are the same.
"""

from __future__ import annotations

from collections import defaultdict

__all__ = ["actor_key", "compare_events", "MATCH_LEVELS"]

MATCH_LEVELS = ("country", "code")


def actor_key(code: str, match: str = "country") -> str | None:
    """The code an actor is matched on: its country (``USAGOV`` -> ``USA``) or its whole code.

    By country, an actor with no country (GDELT's bare role codes such as
    ``COP`` or ``BUS``) has no key (None) and is left out of the comparison.
    """
    if match == "code" or code.startswith(("IGO", "NGO", "IMG", "UNK")):
        return code
    from ..ontology.actors import load_kb

    country = code[:3]
    return country if country in load_kb().country_names else None


def _side(events: list[dict]) -> dict:
    quads = [e["quad_class"] for e in events]
    coop = sum(1 for q in quads if q in (1, 2))
    conflict = len(quads) - coop
    tone = "cooperation" if coop > conflict else "conflict" if conflict > coop else "mixed"
    return {"events": len(events),
            "codes": sorted({e["event_code"] for e in events}),
            "goldstein": round(sum(float(e["goldstein"]) for e in events) / len(events), 2) if events else None,
            "tone": tone if events else None,
            "evidence": sorted(e["id"] for e in events)}


def _group(events: list[dict], match: str, names: dict) -> dict[tuple, list[dict]]:
    groups = defaultdict(list)
    for e in events:
        if not e.get("target") or not e.get("date"):
            continue
        a, b = actor_key(e["actor"]["code"], match), actor_key(e["target"]["code"], match)
        if a is None or b is None or a == b:
            continue
        for code, actor in ((a, e["actor"]), (b, e["target"])):
            names.setdefault(code, actor["name"] if code == actor["code"] else _country_name(code, actor))
        groups[(e["date"][:10], *sorted((a, b)))].append(e)
    return groups


def _country_name(key: str, actor: dict) -> str:
    from ..ontology.actors import load_kb

    return load_kb().country_names.get(key, actor["name"])


def compare_events(article_events: list[dict], dataset_events: list[dict], *, match: str = "country",
                   unmatched: bool = False) -> list[dict]:
    """Compare article events with dataset events, pair by pair and day by day.

    Parameters
    ----------
    article_events, dataset_events : list of dict
        Event records (:func:`geopolkg.store.records.read_events`); events
        without a target or a date are left out.
    match : {"country", "code"}
        How actors are matched (see the module docstring).
    unmatched : bool
        Also list pairs and days that only one side has.

    Returns
    -------
    list of dict
        One per (day, pair): ``date`` (ISO day), ``a`` and ``b``
        (``{"code", "name"}``, codes sorted), ``articles`` and ``dataset``
        (``{"events", "codes", "goldstein", "tone", "evidence"}``) and
        ``agree`` (True, False, or None when a side has no events). Sorted
        by date, then pair.

    Examples
    --------
    >>> us, af = {"name": "US", "code": "USAGOV"}, {"name": "AF", "code": "AFGGOV"}
    >>> art = [{"id": "a1", "date": "2025-09-20", "actor": us, "target": af, "event_code": "112",
    ...         "quad_class": 3, "goldstein": -2.0}]
    >>> ds = [{"id": "gdelt-1", "date": "2025-09-20", "actor": {"name": "AF", "code": "AFG"},
    ...        "target": {"name": "US", "code": "USA"}, "event_code": "042", "quad_class": 1,
    ...        "goldstein": 1.9}]
    >>> row = compare_events(art, ds)[0]
    >>> row["a"]["code"], row["b"]["code"], row["articles"]["tone"], row["dataset"]["tone"], row["agree"]
    ('AFG', 'USA', 'conflict', 'cooperation', False)
    """
    if match not in MATCH_LEVELS:
        raise ValueError(f"match must be one of {MATCH_LEVELS}, not {match!r}")
    names: dict[str, str] = {}
    left = _group(article_events, match, names)
    right = _group(dataset_events, match, names)
    keys = set(left) | set(right) if unmatched else set(left) & set(right)
    rows = []
    for day, a, b in sorted(keys):
        mine, theirs = _side(left.get((day, a, b), [])), _side(right.get((day, a, b), []))
        agree = mine["tone"] == theirs["tone"] if mine["events"] and theirs["events"] else None
        rows.append({"date": day, "a": {"code": a, "name": names[a]}, "b": {"code": b, "name": names[b]},
                     "articles": mine, "dataset": theirs, "agree": agree})
    return rows
