"""The :class:`Event`, what extraction yields and the store keeps."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from ..ontology.actors import Actor
from ..ontology.cameo import EventType

__all__ = ["Event", "IssueRef", "make_event_id"]


@dataclass(frozen=True)
class IssueRef:
    """An issue an event concerns: a cross-article ``key`` and a readable ``label``."""

    key: str
    label: str
    location: str | None = None


def make_event_id(article_id: str, char_start: int, char_end: int, code: str,
                  actor: str, target: str | None) -> str:
    """Return a stable event id: the same article text always gives the same ids."""
    raw = "\x1f".join([article_id, str(char_start), str(char_end), code, actor, target or ""])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Event:
    """One coded event: an actor did or said something (to a target, about an issue).

    Attributes
    ----------
    id : str
        Stable id (see :func:`make_event_id`).
    article : str
        Id of the article it was read from.
    actor, target : Actor, Actor or None
    event_type : EventType
        CAMEO code with its root, QuadClass, Goldstein value and PLOVER type.
    date : datetime.date or None
        The day of the event: a date named in the sentence, else the last one
        named earlier in the paragraph, else the publication date.
    date_source : str
        ``sentence``, ``paragraph`` or ``published``.
    issue : IssueRef or None
    stance : int
        The actor's stance toward the issue: 1 supports, -1 opposes, 0 neither.
    sentence : str
        The sentence, as in the article text.
    sentence_index : int
        0-based index, in the article, of the sentence holding the trigger,
        sentences split by final punctuation and line breaks
        (:mod:`geopolkg.extraction.sentences`): the same whichever
        sentences the prefilter let the parser see.
    char_start, char_end : int
        Offsets into ``Article.text`` of the words the event was read from
        (actor, trigger, target and issue), end exclusive.
    trigger : str
        The word(s) that carry the event type ("rejected", "push").
    confidence : float
        Between 0 and 1: how sure the rules are (lower for inferred actors or
        targets, noun triggers, pronouns).
    intent : bool
        True when the act is announced, planned or threatened, not done.
    negated : bool
        True when the sentence negates the act and the type was changed for it.
    actor_text, target_text : str
        The words that named the actor and the target.
    actor_person, target_person : str or None
        The person's name when a person acted for the actor.
    trigger_start : int
        Offset of the trigger word in ``Article.text``.
    trigger_depth : int
        Depth of the trigger in the sentence's dependency tree (0 for the
        root): the main event of a sentence is the shallowest.
    """

    id: str
    article: str
    actor: Actor
    target: Actor | None
    event_type: EventType
    date: dt.date | None
    date_source: str
    issue: IssueRef | None
    stance: int
    sentence: str
    sentence_index: int
    char_start: int
    char_end: int
    trigger: str
    confidence: float
    intent: bool = False
    negated: bool = False
    actor_text: str = ""
    target_text: str = ""
    actor_person: str | None = None
    target_person: str | None = None
    trigger_start: int = 0
    trigger_depth: int = 0

    @property
    def code(self) -> str:
        """The CAMEO code ("046")."""
        return self.event_type.code
