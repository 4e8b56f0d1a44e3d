"""The level at which relations count actors: one node per country, or per sector.

Events keep the actor codes CAMEO gives them: a country's government
(``USAGOV``), its military (``USAMIL``), its legislature (``USALEG``) and its
people or the state named as such (``USA``) are coded apart, and those codes
stay on the stored events. The relation layer (pairs, opposition, alignment,
stance, camps, centrality, trends, the view) counts at one of two levels:

``country`` (the default)
    One node per real-world actor. Everything a country's state and its
    people do is the country's: the state sectors (GOV, MIL, COP, JUD, LEG,
    SPY), the bare country code, and civilians, business, media, elites,
    religious and rights groups (CVL, BUS, MED, ELI, REL, HRI ...). The node's
    code is the ISO 3166 alpha-3 code (``USA``) and its name the country's,
    as on the event's day ("Soviet Union" in 1987). A state body with a code
    of its own is its country's too (Iran's Revolutionary Guards,
    ``IRNMILIRG``, are Iran). International organizations and NGOs
    (``IGO...``, ``NGO...``) stay themselves; so do the non-state challengers
    of a state, rebels, insurgents, the opposition and radicals
    (:data:`CHALLENGER_SECTORS`), named or not ("Iraq rebels" ``IRQREB``,
    the PKK ``TURREBPKK``): they are not that state. An event between two nodes of one country (``USAGOV`` against
    ``USA``, ``IRQGOV`` against ``IRQREB``) is a *domestic* relation, never a
    pair: its target is dropped at this level (its actor still acts, for
    stance and event counts).
``sector``
    The codes as coded: ``USAGOV`` and ``USAMIL`` are two nodes, and a
    country's sectors against each other are pairs; only an actor with
    itself is none.

References
----------
.. [1] Schrodt, P. A. (2012). CAMEO conflict and mediation event observations
   event and actor codebook, chapter 3 (actor codes: country, then sector).
"""

from __future__ import annotations

import datetime as dt

from ..errors import AnalysisError

__all__ = ["LEVELS", "CHALLENGER_SECTORS", "check_level", "effective_level", "node_of", "node_country", "same_side",
           "at_level"]

#: The levels the relation layer counts actors at.
LEVELS = ("country", "sector")

#: CAMEO sectors of groups that challenge their state: at the country level
#: they are nodes of their own, not the country.
CHALLENGER_SECTORS = ("REB", "INS", "OPP", "RAD")

_OWN_PREFIXES = ("IGO", "NGO", "IMG")


def check_level(level: str) -> str:
    """Return ``level`` if it is one of :data:`LEVELS`.

    Raises
    ------
    AnalysisError
        For another level.
    """
    if level not in LEVELS:
        raise AnalysisError(f"unknown level {level!r}; use country or sector")
    return level


def effective_level(events: list[dict], level: str | None = None) -> str:
    """Return the level to count ``events`` at: ``level`` if given, else the
    level they were already put at (:func:`at_level`), else ``country``.

    Raises
    ------
    AnalysisError
        For an unknown level.
    """
    if level is not None:
        return check_level(level)
    for event in events:
        return event.get("_level") or "country"
    return "country"


def _countries() -> dict:
    from ..ontology.actors import load_kb

    return load_kb().country_names


def node_country(code: str) -> str | None:
    """Return the country (ISO3) an actor code belongs to, or None.

    Examples
    --------
    >>> node_country("USAGOV"), node_country("IRQREB"), node_country("IGOUNO"), node_country("GOV")
    ('USA', 'IRQ', None, None)
    """
    if not code or code.startswith(_OWN_PREFIXES):
        return None
    country = code[:3]
    return country if country in _countries() else None


def _folds(code: str) -> bool:
    """True when the code is its country's at the country level (see the module docstring)."""
    return code[3:6] not in CHALLENGER_SECTORS and node_country(code) is not None


def node_of(actor: dict | None, level: str = "country", day=None) -> dict | None:
    """Return the node ``{"name", "code"}`` an actor (``{"name", "code"}``) is at ``level``.

    Parameters
    ----------
    actor : dict or None
        An event's actor or target.
    level : {"country", "sector"}
    day : str or date, optional
        The event's day: a country is named as on that day.

    Examples
    --------
    >>> node_of({"name": "United States military", "code": "USAMIL"})
    {'name': 'United States', 'code': 'USA'}
    >>> node_of({"name": "Iraq rebels", "code": "IRQREB"})
    {'name': 'Iraq rebels', 'code': 'IRQREB'}
    >>> node_of({"name": "United States military", "code": "USAMIL"}, "sector")
    {'name': 'United States military', 'code': 'USAMIL'}
    """
    if actor is None:
        return None
    check_level(level)
    code = actor.get("code") or ""
    if level == "sector" or not _folds(code):
        return actor
    from ..ontology.actors import load_kb

    country = code[:3]
    when = _as_day(day)
    return {"name": load_kb().actor(country, when).name, "code": country}


def _as_day(day):
    if day is None or isinstance(day, dt.date):
        return day
    try:
        return dt.date.fromisoformat(str(day)[:10])
    except ValueError:
        return None


def same_side(a: str, b: str, level: str = "country") -> bool:
    """True when two node codes are one actor, or (at the country level) of one country.

    A relation between them is domestic: no pair of the network at that level.

    Examples
    --------
    >>> same_side("USA", "USA"), same_side("IRQ", "IRQREB"), same_side("IRQ", "IRQREB", "sector")
    (True, True, False)
    >>> same_side("IRN", "IRQ"), same_side("IGOUNO", "IGOUNO")
    (False, True)
    """
    if a == b:
        return True
    if level == "sector":
        return False
    country = node_country(a)
    return country is not None and country == node_country(b)


def at_level(events: list[dict], level: str | None = None) -> list[dict]:
    """Return the events with actor and target as the nodes of ``level``.

    Parameters
    ----------
    events : list of dict
        Event records (:func:`geopolkg.store.records.read_events`).
    level : {"country", "sector"}, optional
        None: the level the events were put at already, else ``country``
        (:func:`effective_level`).

    Returns
    -------
    list of dict
        Copies (the input is not changed), in the same order. Each has
        ``actor`` and ``target`` at the level, ``coded_actor`` and
        ``coded_target`` as stored, and ``domestic`` (bool): True when the
        target was another node of the actor's own country (or the actor
        itself), in which case ``target`` is None. Records already at the
        level are returned as they are (the function is idempotent).

    Raises
    ------
    AnalysisError
        For an unknown level.

    Examples
    --------
    >>> ev = [{"id": "e1", "date": "1987-10-19", "actor": {"name": "United States", "code": "USAGOV"},
    ...        "target": {"name": "United States", "code": "USA"}},
    ...       {"id": "e2", "date": "1987-10-19", "actor": {"name": "Iran military", "code": "IRNMIL"},
    ...        "target": {"name": "United States", "code": "USAGOV"}}]
    >>> [(e["actor"]["code"], e["target"] and e["target"]["code"], e["domestic"]) for e in at_level(ev)]
    [('USA', None, True), ('IRN', 'USA', False)]
    """
    level = effective_level(events, level)
    out = []
    for event in events:
        if event.get("_level") == level:
            out.append(event)
            continue
        e = dict(event)
        coded_actor, coded_target = event.get("coded_actor", event["actor"]), event.get("coded_target",
                                                                                       event.get("target"))
        e["coded_actor"], e["coded_target"] = coded_actor, coded_target
        e["actor"] = node_of(coded_actor, level, event.get("date"))
        target = node_of(coded_target, level, event.get("date"))
        e["domestic"] = bool(target and target.get("code") and same_side(e["actor"]["code"], target["code"], level))
        e["target"] = None if e["domestic"] else target
        e["_level"] = level
        out.append(e)
    return out
