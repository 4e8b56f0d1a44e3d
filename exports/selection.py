"""Which events an export holds: by issue, by actor, and by date.

The same options as the view: ``--issue TEXT`` keeps events whose issue
label or key contains the text; ``--actor NAME`` keeps events whose actor or
target has that code, or a name containing the text; ``--since`` and
``--until`` keep events dated within those days (inclusive; an undated event
is then left out). Text matching is case-insensitive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import ExportError

__all__ = ["Selection"]


def _day(value, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise ExportError(f"--{name} must be a day as YYYY-MM-DD, not {value!r}") from err


@dataclass(frozen=True)
class Selection:
    """A filter over event records.

    Parameters
    ----------
    issue : str, optional
        Text contained in the issue's label or key.
    actor : str, optional
        An actor code (``USAGOV``) or text contained in an actor's name; the
        event matches when its actor or its target does.
    since, until : datetime.date or str, optional
        First and last day (``YYYY-MM-DD``, inclusive). An event's day is the
        date part of its ``gpo:date`` as written, in the event's own time zone.

    Raises
    ------
    ExportError
        If a date is not ``YYYY-MM-DD`` or ``since`` is after ``until``.
    """

    issue: str | None = None
    actor: str | None = None
    since: dt.date | str | None = None
    until: dt.date | str | None = None

    def __post_init__(self):
        object.__setattr__(self, "since", _day(self.since, "since"))
        object.__setattr__(self, "until", _day(self.until, "until"))
        if self.since and self.until and self.since > self.until:
            raise ExportError(f"--since {self.since} is after --until {self.until}")

    @property
    def everything(self) -> bool:
        """True when nothing is filtered out."""
        return not (self.issue or self.actor or self.since or self.until)

    def _actor_matches(self, actor: dict | None) -> bool:
        if not actor:
            return False
        needle = self.actor.casefold()
        return actor["code"].casefold() == needle or needle in (actor.get("name") or "").casefold()

    def matches(self, event: dict) -> bool:
        """True if the event record passes every part of the selection."""
        from ..graph.stance import issue_matches

        if self.issue and not issue_matches(event, self.issue):
            return False
        if self.actor and not (self._actor_matches(event.get("actor")) or self._actor_matches(event.get("target"))):
            return False
        if self.since or self.until:
            if not event.get("date"):
                return False
            day = dt.date.fromisoformat(event["date"][:10])
            if (self.since and day < self.since) or (self.until and day > self.until):
                return False
        return True

    def events(self, events: list[dict]) -> list[dict]:
        """Return the events that match, in their order."""
        if self.everything:
            return list(events)
        return [e for e in events if self.matches(e)]
