"""From labelled examples to training items for the learned steps.

Each example is parsed by the same spaCy pipeline the coder uses, and its
gold spans are aligned to tokens: a trigger span is represented by its root
token (the one whose head lies outside the span: "called" in "called on",
"arrested" in "were arrested").

* trigger items: every candidate token (:func:`~geopolkg.extraction.learned.is_candidate`,
  or a word the lexicon knows) with its features and its class, the CAMEO
  root and PLOVER type of the gold event it triggers ("08:RETREAT"), or
  ``-`` when it triggers none;
* modality items: the root token of every gold trigger, with what the
  example says of its act (``asserted``, ``intended``, ``negated``,
  ``conditional``, ``hypothetical``, ``alleged``, ``proposed``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..extraction.learned import is_candidate, modality_features, trigger_features
from ..ontology.cameo import event_type
from .corpus import Example, locate

__all__ = ["NONE", "trigger_class", "TriggerItem", "trigger_items", "modality_items", "gold_triggers"]

#: The class of a token that triggers no event.
NONE = "-"


def trigger_class(code: str) -> str:
    """The trigger model's class of a CAMEO code: its root and PLOVER type
    (``"0841"`` -> ``"08:RETREAT"``), since PLOVER splits some CAMEO roots."""
    et = event_type(code)
    return f"{et.root}:{et.plover_type}"


@dataclass(frozen=True)
class TriggerItem:
    features: list
    label: str
    lemma: str
    code: str | None
    example: str


def _root_token(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def gold_triggers(ex: Example, doc) -> dict:
    """``token index -> event`` for the gold events of ``ex`` in its parse ``doc``."""
    out = {}
    for ev in ex.events:
        start, end = locate(ex.text, ev["trigger"])
        token = _root_token(doc, start, end)
        if token is not None:
            out.setdefault(token.i, ev)
    return out


def modality_label(ev: dict) -> str:
    """``negated`` when the act is negated, else its modality (``asserted`` by default)."""
    return "negated" if ev.get("negated") else ev.get("modality", "asserted")


def trigger_items(ex: Example, doc, lexicon) -> list[TriggerItem]:
    """The trigger items of one parsed example."""
    gold = gold_triggers(ex, doc)
    items = []
    for token in doc:
        known = lexicon.match_verb(token) is not None or lexicon.match_noun(token) is not None
        if not (token.i in gold or known or is_candidate(token)):
            continue
        ev = gold.get(token.i)
        label = trigger_class(str(ev["cameo"])) if ev is not None else NONE
        items.append(TriggerItem(trigger_features(token, lexicon), label, token.lemma_.lower(),
                                 str(ev["cameo"]) if ev is not None else None, ex.id))
    return items


def modality_items(ex: Example, doc) -> list[tuple[list, str]]:
    """``(features, label)`` for the trigger of every gold event of one parsed example."""
    gold = gold_triggers(ex, doc)
    return [(modality_features(doc[i]), modality_label(ev)) for i, ev in gold.items()]


def _overlaps(mention, doc, span: tuple[int, int]) -> bool:
    start = doc[mention.start].idx if mention.end > mention.start else None
    if start is None:
        return False
    end = doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
    return start < span[1] and span[0] < end


def role_items(ex: Example, doc, resolver) -> list[tuple[list, str]]:
    """``(features, label)`` for every candidate actor around the trigger of each
    gold event that happened: ``actor``, ``target`` or ``none``, by whether the
    candidate's words overlap the gold actor's or target's span."""
    from ..extraction.learned import role_candidates, role_features

    out = []
    for i, ev in gold_triggers(ex, doc).items():
        if ev.get("negated") or ev.get("modality", "asserted") not in ("asserted", "intended"):
            continue
        trigger = doc[i]
        actor_span = locate(ex.text, ev["actor"])
        target_span = locate(ex.text, ev["target"]) if ev.get("target") else None
        cls = trigger_class(str(ev["cameo"]))
        for tok, mention in role_candidates(trigger, resolver):
            if _overlaps(mention, doc, actor_span) or actor_span[0] <= tok.idx < actor_span[1]:
                label = "actor"
            elif target_span and (_overlaps(mention, doc, target_span) or target_span[0] <= tok.idx < target_span[1]):
                label = "target"
            else:
                label = "none"
            out.append((role_features(trigger, tok, mention, cls), label))
    return out
