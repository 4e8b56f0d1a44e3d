"""Each actor's stance on each issue, from the stances of its events.

An event's stance (1 supports, -1 opposes) comes from its CAMEO root (see
:data:`geopolkg.extraction.coder.STANCE_BY_ROOT`). An actor's score on an
issue is the sum of its events' stances weighted by their confidence; the
actor *supports* the issue when all its stance events are positive, *opposes*
it when all are negative, and is *mixed* otherwise. Acts not done (vetoed,
refused, conditional: :mod:`.acts`) take no stance; actors are countries by
default (:mod:`.level`), so a government and its ministries take one stance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Stance", "actor_stances", "issue_matches", "issues_of"]


@dataclass
class Stance:
    """One actor's stance on one issue.

    Attributes
    ----------
    actor : dict
        ``{"name", "code"}``.
    issue_key, issue : str
        The issue's key and label.
    score : float
        Sum of stance x confidence over the actor's events on the issue.
    evidence : list of str
        Ids of those events.
    """

    actor: dict
    issue_key: str
    issue: str
    score: float = 0.0
    positive: int = 0
    negative: int = 0
    evidence: list = field(default_factory=list)

    @property
    def label(self) -> str:
        """``supports``, ``opposes`` or ``mixed``."""
        if self.positive and not self.negative:
            return "supports"
        if self.negative and not self.positive:
            return "opposes"
        return "mixed"

    def to_dict(self) -> dict:
        return {"actor": self.actor, "issue": self.issue, "issue_key": self.issue_key,
                "stance": self.label, "score": round(self.score, 3), "evidence": list(self.evidence)}


def issue_matches(event: dict, text: str | None) -> bool:
    """True if the event's issue label or key contains ``text`` (case-insensitive).

    With ``text`` None every event with an issue matches.
    """
    if not event.get("issue_key"):
        return False
    if text is None:
        return True
    needle = text.casefold()
    return needle in (event.get("issue") or "").casefold() or needle in event["issue_key"].casefold()


def issues_of(events: list[dict], text: str | None = None) -> dict[str, str]:
    """Return {issue key: label} for the issues of ``events`` matching ``text``."""
    out = {}
    for event in events:
        if issue_matches(event, text):
            out.setdefault(event["issue_key"], event["issue"])
    return out


def actor_stances(events: list[dict], issue: str | None = None,
                  level: str | None = None) -> dict[str, dict[str, Stance]]:
    """Return {issue key: {actor code: Stance}} for events whose issue matches ``issue``.

    Parameters
    ----------
    events : list of dict
        Event records as from :func:`geopolkg.store.records.read_events`.
    issue : str, optional
        Text matched against issue labels and keys (case-insensitive).
    level : {"country", "sector"}, optional
        One actor per country or per sector (:mod:`.level`); None: as the
        events were put at a level already, else per country.

    Raises
    ------
    AnalysisError
        For an unknown level.

    Examples
    --------
    >>> ev = [{"id": "e1", "issue_key": "base", "issue": "the base", "stance": 1,
    ...        "confidence": 0.9, "actor": {"name": "US", "code": "USAGOV"}}]
    >>> actor_stances(ev)["base"]["USA"].label, actor_stances(ev, level="sector")["base"]["USAGOV"].label
    ('supports', 'supports')
    """
    from .acts import counted
    from .level import at_level

    out: dict[str, dict[str, Stance]] = {}
    for event in at_level(counted(events), level):
        if not issue_matches(event, issue) or not event.get("stance"):
            continue
        code = event["actor"]["code"]
        per_issue = out.setdefault(event["issue_key"], {})
        stance = per_issue.setdefault(code, Stance(event["actor"], event["issue_key"], event["issue"]))
        stance.score += event["stance"] * float(event.get("confidence") or 1.0)
        if event["stance"] > 0:
            stance.positive += 1
        else:
            stance.negative += 1
        stance.evidence.append(event["id"])
    return out
