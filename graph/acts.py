"""Which events the relation layer counts, and as what.

Two rules, from the CAMEO codebook's reading of what an event is:

* **Acts not done.** An event the extractor marked ``negated`` reports a
  refusal ("refused to meet", "will not accept"): it counts only as the
  rejection it was coded as (CAMEO root 12). An event marked ``intent``
  reports an act announced, planned or threatened: it counts only as the
  verbal act of announcing it, an intent (03) or a threat (13), or as
  another verbal act (statements, appeals, disapproval, rejection, demands:
  roots 01, 02, 10, 11, 12). Any other negated or intended event (data from
  elsewhere, or an older store) is not counted: a vetoed, refused or
  conditional act never counts toward stance, opposition or the signed
  network as if it were done.
* **Sides, not contact.** For camps, only events that take a side count:
  conflict (QuadClass 3-4: disapproval, rejection, threats, protest, force
  posture, cut relations, coercion, assault, fighting, mass violence) on
  one side; diplomatic cooperation (05: support, praise, endorsement,
  recognition, agreements signed), material cooperation (06), aid (07) and
  pledges of them (031, 032, 033) on the other. Statements (01), appeals
  (02), other pledges (030, 034-039: offers to meet, settle or yield),
  consultations and negotiations (04) and concessions (08) are what the
  parties to a dispute do with each other: they show contact, not a shared
  side (:func:`takes_side`).
* **Statements are neutral.** A statement with a Goldstein value of 0 or
  below in QuadClass 1 ("make statement", CAMEO 010; "decline comment",
  "consider policy option" ...) is not cooperation: it adds nothing to a
  pair's weight, and it is counted apart (``neutral``), never as a
  cooperation event or edge.

References
----------
.. [1] Schrodt, P. A. (2012). CAMEO codebook: 01 "make public statement"
   (Goldstein 0), 03 "express intent to cooperate", 12 "reject", 13 "threaten".
.. [2] Goldstein, J. S. (1992). A conflict-cooperation scale for WEIS events data.
"""

from __future__ import annotations

__all__ = ["counts_as_done", "counted", "relation_of", "is_neutral", "takes_side"]

#: Roots of verbal acts: saying, announcing or refusing something is the act.
_VERBAL_ROOTS = ("01", "02", "03", "10", "11", "12", "13")


def _root(event: dict) -> str:
    return str(event.get("event_root") or event.get("event_code") or "")[:2]


def counts_as_done(event: dict) -> bool:
    """True when the event is an act that took place, as coded.

    Examples
    --------
    >>> counts_as_done({"event_code": "125", "negated": True})   # refused to meet: a rejection
    True
    >>> counts_as_done({"event_code": "163", "negated": True})   # sanctions vetoed: not imposed
    False
    >>> counts_as_done({"event_code": "138", "intent": True}), counts_as_done({"event_code": "190", "intent": True})
    (True, False)
    """
    root = _root(event)
    if event.get("negated") and root != "12":
        return False
    if event.get("intent") and root not in _VERBAL_ROOTS:
        return False
    return True


def counted(events: list[dict]) -> list[dict]:
    """Return the events that count as done (:func:`counts_as_done`)."""
    return [e for e in events if counts_as_done(e)]


def is_neutral(event: dict) -> bool:
    """True for a statement that is neither cooperation nor conflict: QuadClass 1, Goldstein 0 or below.

    Examples
    --------
    >>> is_neutral({"quad_class": 1, "goldstein": 0.0}), is_neutral({"quad_class": 1, "goldstein": 3.4})
    (True, False)
    """
    return event.get("quad_class") in (1, 2) and float(event.get("goldstein") or 0.0) <= 0


def relation_of(event: dict) -> str | None:
    """Return ``"cooperation"`` (QuadClass 1-2 and Goldstein above 0), ``"conflict"``
    (QuadClass 3-4), or None (a neutral statement, or an act not done).

    Examples
    --------
    >>> [relation_of(e) for e in ({"quad_class": 1, "goldstein": 0.0, "event_code": "010"},
    ...                           {"quad_class": 2, "goldstein": 7.0, "event_code": "070"},
    ...                           {"quad_class": 4, "goldstein": -10.0, "event_code": "190"})]
    [None, 'cooperation', 'conflict']
    """
    if not counts_as_done(event):
        return None
    if event.get("quad_class") in (3, 4):
        return "conflict"
    if event.get("quad_class") in (1, 2) and not is_neutral(event):
        return "cooperation"
    return None


#: Codes of cooperation that take the other's side (see the module docstring).
_SIDE_ROOTS = ("05", "06", "07")
_SIDE_PLEDGES = ("031", "032", "033")


def takes_side(event: dict) -> bool:
    """True for an event that shows whose side the actor is on (see the module docstring).

    Examples
    --------
    >>> [takes_side({"event_code": c, "quad_class": q}) for c, q in
    ...  (("046", 1), ("070", 2), ("0331", 1), ("036", 1), ("112", 3), ("190", 4))]
    [False, True, True, False, True, True]
    """
    if not counts_as_done(event):
        return False
    code = str(event.get("event_code") or "")
    return event.get("quad_class") in (3, 4) or code[:2] in _SIDE_ROOTS or code[:3] in _SIDE_PLEDGES
