"""Who opposes whom, and who aligns with whom, on an issue.

Two actors *oppose* each other on an issue when one supports it and the
other opposes it, or when one aims a conflictual event (CAMEO QuadClass 3 or
4, verbal or material conflict) at the other about it. Two actors *align*
when they take the same side. A pair's weight is the sum of the confidence
of the events behind it; the events are its evidence. Actors are countries
by default (:mod:`.level`): a country's own sectors on two sides are a
domestic matter, not a pair; acts not done count for nothing (:mod:`.acts`).

References
----------
.. [1] Schrodt, P. A. (2012). CAMEO codebook, QuadClass definitions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from .acts import counted
from .level import at_level, effective_level, same_side
from .stance import actor_stances, issue_matches

__all__ = ["Relation", "opposition", "alignment"]


@dataclass
class Relation:
    """A relation between two actors on one issue, with its evidence.

    ``a`` and ``b`` are ``{"name", "code"}`` dicts. For opposition, ``a`` is
    the side against the issue when the sides are known.
    """

    kind: str
    a: dict
    b: dict
    issue_key: str
    issue: str
    weight: float = 0.0
    evidence: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "a": self.a, "b": self.b, "issue": self.issue,
                "issue_key": self.issue_key, "weight": round(self.weight, 3),
                "evidence": sorted(set(self.evidence))}


def _confidence(events_by_id, ids) -> float:
    return sum(float(events_by_id[i].get("confidence") or 1.0) for i in set(ids))


def opposition(events: list[dict], issue: str | None = None, level: str | None = None) -> list[Relation]:
    """Return the pairs of actors that oppose each other, per issue.

    Parameters
    ----------
    events : list of dict
        Event records (:func:`geopolkg.store.records.read_events`).
    issue : str, optional
        Only issues whose label or key contains this text (case-insensitive).
    level : {"country", "sector"}, optional
        One actor per country or per sector (:mod:`.level`); None: as the
        events were put at a level already, else per country.

    Returns
    -------
    list of Relation
        Sorted by weight, heaviest first.

    Raises
    ------
    AnalysisError
        For an unknown level.

    Examples
    --------
    >>> us, af = {"name": "US", "code": "USAGOV"}, {"name": "AF", "code": "AFGGOV"}
    >>> ev = [{"id": "e1", "issue_key": "b", "issue": "base", "stance": 1, "confidence": 0.9,
    ...        "actor": us, "target": None, "quad_class": 3},
    ...       {"id": "e2", "issue_key": "b", "issue": "base", "stance": -1, "confidence": 0.8,
    ...        "actor": af, "target": us, "quad_class": 3}]
    >>> [(r.a["code"], r.b["code"]) for r in opposition(ev)]
    [('AFG', 'USA')]
    >>> [(r.a["code"], r.b["code"]) for r in opposition(ev, level="sector")]
    [('AFGGOV', 'USAGOV')]
    """
    by_id = {e["id"]: e for e in events}
    level = effective_level(events, level)
    events = at_level(counted(events), level)
    relations: dict[tuple, Relation] = {}
    for key, stances in actor_stances(events, issue, level).items():
        against = [s for s in stances.values() if s.label == "opposes"]
        for_ = [s for s in stances.values() if s.label == "supports"]
        for s_against in against:
            for s_for in for_:
                if same_side(s_against.actor["code"], s_for.actor["code"], level):
                    continue  # a country's own sectors on both sides: domestic
                rel = Relation("opposition", s_against.actor, s_for.actor, key, s_against.issue)
                rel.evidence = s_against.evidence + s_for.evidence
                relations[(key, s_against.actor["code"], s_for.actor["code"])] = rel
    for event in events:
        target = event.get("target")
        if not target or event.get("quad_class") not in (3, 4) or not issue_matches(event, issue):
            continue
        if target["code"] == event["actor"]["code"]:
            continue
        key = event["issue_key"]
        pair = (key, event["actor"]["code"], target["code"])
        reverse = (key, target["code"], event["actor"]["code"])
        if pair in relations:
            relations[pair].evidence.append(event["id"])
        elif reverse in relations:
            relations[reverse].evidence.append(event["id"])
        else:
            relations[pair] = Relation("opposition", event["actor"], target, key, event["issue"],
                                       evidence=[event["id"]])
    for rel in relations.values():
        rel.weight = _confidence(by_id, rel.evidence)
    return sorted(relations.values(), key=lambda r: (-r.weight, r.issue_key, r.a["code"], r.b["code"]))


def alignment(events: list[dict], issue: str | None = None, level: str | None = None) -> list[Relation]:
    """Return the pairs of actors on the same side of an issue (both support or both oppose).

    Examples
    --------
    >>> cn, af = {"name": "CN", "code": "CHNGOV"}, {"name": "AF", "code": "AFGGOV"}
    >>> ev = [{"id": "e1", "issue_key": "b", "issue": "base", "stance": -1, "confidence": 1, "actor": cn},
    ...       {"id": "e2", "issue_key": "b", "issue": "base", "stance": -1, "confidence": 1, "actor": af}]
    >>> [(r.a["code"], r.b["code"], r.weight) for r in alignment(ev)]
    [('AFG', 'CHN', 2.0)]
    """
    by_id = {e["id"]: e for e in events}
    level = effective_level(events, level)
    out = []
    for key, stances in actor_stances(events, issue, level).items():
        for side in ("supports", "opposes"):
            members = sorted((s for s in stances.values() if s.label == side), key=lambda s: s.actor["code"])
            for s1, s2 in combinations(members, 2):
                if same_side(s1.actor["code"], s2.actor["code"], level):
                    continue
                rel = Relation("alignment", s1.actor, s2.actor, key, s1.issue,
                               evidence=s1.evidence + s2.evidence)
                rel.weight = _confidence(by_id, rel.evidence)
                out.append(rel)
    return sorted(out, key=lambda r: (-r.weight, r.issue_key, r.a["code"], r.b["code"]))
