"""Score an extractor on the project's corpus (written or real examples).

The figures, per set of examples:

* ``main_type_accuracy`` and ``main_source_accuracy``: on the examples
  with exactly one event that happened (the shape of the PLOVER gold, one
  event per sentence), the share whose *main* predicted event (the
  shallowest trigger, as ``bench/score_events.py`` picks it) has the gold
  PLOVER type, and whose source country is the gold one;
* ``triple_precision/recall/f1``: whole ``(source country, target country,
  PLOVER type)`` triples over every event of every example, examples with
  no event included (what is predicted there is a false positive);
* ``trigger_precision/recall`` and ``matched_type_accuracy``: predicted
  triggers against the gold triggers of events that happened, and the
  PLOVER type on the triggers found;
* ``no_event_clean``: the share of examples without events where nothing
  is predicted;
* ``unreal_emitted``: predicted events whose trigger is that of a gold event
  that did not happen (negated, conditional, alleged, proposed ...), as a
  share of those gold events.

Countries are the first three letters of a CAMEO actor code, with every
``IGO`` and ``NGO`` actor read as ``IGO`` (the PLOVER gold's convention).
"""

from __future__ import annotations

import collections
import datetime as dt
from typing import Callable, Iterable

from ..loaders import Article
from ..ontology.cameo import event_type
from .corpus import Example, is_realis, locate

__all__ = ["country_of_code", "main_events", "score_examples"]


def country_of_code(code: str | None) -> str | None:
    """``"USAGOV"`` -> ``"USA"``, ``"NGOAMN"`` -> ``"IGO"``, None -> None."""
    if not code:
        return None
    head = code[:3]
    return "IGO" if head in ("IGO", "NGO") else head


def _country(actor) -> str | None:
    if actor is None:
        return None
    return country_of_code(actor.country or actor.code)


def main_events(events: list) -> list:
    """The events of the shallowest trigger (then the earliest), as the
    project's scorer picks a sentence's main event."""
    if not events:
        return []
    best = min(events, key=lambda e: (e.trigger_depth, e.trigger_start, -e.confidence))
    return [e for e in events if e.trigger_start == best.trigger_start]


def published_day(ex: Example):
    """The example's publication day (``datetime.date``), or None."""
    return _published(ex)


def _published(ex: Example):
    try:
        return dt.date.fromisoformat(ex.published) if ex.published else None
    except ValueError:
        return None


def _gold(ex: Example):
    """(realis events, unreal events) as (trigger span, src, tgt, plover) tuples."""
    real, unreal = [], []
    for ev in ex.events:
        span = locate(ex.text, ev["trigger"])
        src = country_of_code(ev["actor"]["code"])
        tgt = country_of_code(ev["target"]["code"]) if ev.get("target") else None
        item = (span, src, tgt, event_type(str(ev["cameo"])).plover_type)
        (real if is_realis(ev) else unreal).append(item)
    return real, unreal


def _inside(offset: int, span: tuple[int, int]) -> bool:
    return span[0] <= offset < span[1]


def in_context(shared) -> Callable:
    """An ``events_of(example, extract)`` that codes a real example inside its
    whole shared document, as the tool reads an article (earlier sentences
    introduce the people and bodies a passage refers to), and keeps the
    events whose trigger lies in the passage, with offsets made relative to
    it. Documents are coded once."""
    from dataclasses import replace

    from .real import document_text, passage_text

    cache: dict = {}

    def events_of(ex: Example, extract):
        src = ex.source
        key = (src["corpus"], src["doc"])
        if key not in cache:
            doc = document_text(shared, *key)
            cache[key] = extract(Article("doc-" + src["doc"].replace("/", "-"), passage_text(doc, 0, len(doc)),
                                         published=_published(ex)))
        start, end = src["start"], src["end"]
        return [replace(e, trigger_start=e.trigger_start - start, char_start=e.char_start - start,
                        char_end=e.char_end - start)
                for e in cache[key] if start <= e.trigger_start < end]

    return events_of


def score_examples(examples: Iterable[Example], extract: Callable[[Article], list], events_of=None) -> dict:
    """Return the figures (see the module's docstring) of ``extract`` on ``examples``.

    ``extract`` takes an :class:`~geopolkg.loaders.Article` and returns its
    events (:class:`~geopolkg.extraction.event.Event`). ``events_of``
    (:func:`in_context`) codes real examples within their documents instead
    of alone.
    """
    c = collections.Counter()
    confusions = collections.Counter()
    for ex in examples:
        if events_of is not None and ex.source is not None:
            events = events_of(ex, extract)
        else:
            events = extract(Article(ex.id, ex.text, published=_published(ex)))
        real, unreal = _gold(ex)
        c["examples"] += 1
        if not real:
            c["no_event"] += 1
            c["no_event_clean"] += 0 if events else 1
        if len(real) == 1:
            c["single"] += 1
            main = main_events(events)
            gold_type, gold_src = real[0][3], real[0][1]
            predicted = main[0].event_type.plover_type if main else None
            c["single_type_ok"] += predicted == gold_type
            c["single_src_ok"] += bool(main) and gold_src in {_country(e.actor) for e in main}
            if predicted != gold_type:
                confusions[(gold_type, predicted)] += 1
        gold_triples = {(s, t, p) for _, s, t, p in real}
        pred_triples = {(_country(e.actor), _country(e.target), e.event_type.plover_type) for e in events}
        c["triple_gold"] += len(gold_triples)
        c["triple_pred"] += len(pred_triples)
        c["triple_tp"] += len(gold_triples & pred_triples)
        starts = {e.trigger_start: e for e in events}
        c["trigger_pred"] += len(starts)
        for span, _, _, plover in real:
            c["trigger_gold"] += 1
            hit = [e for s, e in starts.items() if _inside(s, span)]
            if hit:
                c["trigger_found"] += 1
                c["matched_type_ok"] += any(e.event_type.plover_type == plover for e in hit)
        c["trigger_pred_ok"] += sum(any(_inside(s, g[0]) for g in real) for s in starts)
        for span, *_ in unreal:
            c["unreal"] += 1
            c["unreal_emitted"] += any(_inside(s, span) for s in starts)
    return _figures(c, confusions)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _figures(c: collections.Counter, confusions: collections.Counter) -> dict:
    p = c["triple_tp"] / c["triple_pred"] if c["triple_pred"] else 0.0
    r = c["triple_tp"] / c["triple_gold"] if c["triple_gold"] else 0.0
    return {
        "examples": c["examples"],
        "single_event_examples": c["single"],
        "main_type_accuracy": _ratio(c["single_type_ok"], c["single"]),
        "main_source_accuracy": _ratio(c["single_src_ok"], c["single"]),
        "triple_precision": round(p, 3),
        "triple_recall": round(r, 3),
        "triple_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "trigger_precision": _ratio(c["trigger_pred_ok"], c["trigger_pred"]),
        "trigger_recall": _ratio(c["trigger_found"], c["trigger_gold"]),
        "matched_type_accuracy": _ratio(c["matched_type_ok"], c["trigger_found"]),
        "no_event_clean": _ratio(c["no_event_clean"], c["no_event"]),
        "unreal_emitted": _ratio(c["unreal_emitted"], c["unreal"]),
        "worst_confusions": [{"gold": g, "predicted": p_, "count": n}
                             for (g, p_), n in confusions.most_common(8)],
    }
