"""Score the event coder against public gold standards.

Sets:

* ``plover``: ``../shared/gold/plover-gsr-dev.json``, 163 sentences from the
  CAMEO manual coded in PLOVER by the Open Event Data Alliance (the first
  record is a header). Old labels are mapped to PLOVER 2 types as the PLOVER
  table does: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE,
  FIGHT -> ASSAULT.
* ``cameo``: the example sentences of ``../shared/gold/cameo-codebook.csv``;
  a prediction is right when its CAMEO root equals the code's root.
* ``dev``, ``test``: the development and test splits of the project's own
  corpus (``corpus/written``), and ``real``: the labelled real sentences of
  ``corpus/real`` (Reuters, re3d, modern pages; each passage coded within
  its whole document, the events of the passage scored), scored by
  :func:`geopolkg.train.evaluate.score_examples` (main-event type and source
  on single-event examples, triples over all events). Score ``test`` only
  for a change already believed in on ``dev``.

``--coding rules|model|both`` chooses how the coder codes (see
:data:`geopolkg.extraction.learned.MODES`).

For each sentence the extractor's *main* event is scored: the event whose
trigger is highest in the dependency tree (closest to the root), then the
earliest. Printed per set: records, event-type accuracy (PLOVER type,
or CAMEO root for the codebook), source- and target-country accuracy (ISO3
of the actor, or ``IGO``; the gold's few pre-ISO codes such as "ITL" are read
as their ISO3 codes, see ``GOLD_CODE_ALIASES``), precision/recall/F1 of whole (source country,
target country, event type) triples, and the worst confusions.

Usage::

    python bench/score_events.py [--shared DIR] [--json] [--set plover|cameo|dev|test|real|all]
                                 [--coding rules|model|both]
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import json
import sys
from pathlib import Path

from geopolkg.extraction.extractor import Extractor
from geopolkg.loaders import Article

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

#: Country codes of the gold that are not ISO 3166 alpha-3, from older
#: CAMEO/KEDS coding, and the ISO3 code they stand for: "ITL" (Italy in
#: "Italy announced ..."), "JAP" (Japan, also in the PLOVER manual's own
#: examples), "VTN" ("Vietnamese-led forces").
GOLD_CODE_ALIASES = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}


def _country(actor) -> str | None:
    """ISO3 of an actor, or ``IGO``: the PLOVER gold codes every international
    organization, non-governmental ones included (Red Cross, Amnesty), as IGO."""
    if actor is None:
        return None
    code = actor.country or actor.code[:3]
    return "IGO" if code == "NGO" else code


def _gold_code(actor: dict) -> str | None:
    code = actor.get("code")
    return GOLD_CODE_ALIASES.get(code, code)


def main_events(events):
    """The events of the sentence's main trigger (all actors and targets of it)."""
    if not events:
        return []
    best = min(events, key=lambda e: (e.trigger_depth, e.trigger_start, -e.confidence))
    return [e for e in events if e.trigger_start == best.trigger_start]


def score(records, extractor, type_of, gold_type):
    """Return the figures for ``records`` (list of dicts with text, source, target)."""
    n = type_ok = src_ok = tgt_ok = tgt_n = 0
    tp = n_pred = n_gold = 0
    confusions = collections.Counter()
    for i, rec in enumerate(records):
        article = Article(f"gold-{i}", rec["text"], published=rec.get("date"))
        events = extractor.extract(article).events
        main = main_events(events)
        n += 1
        predicted = type_of(main[0]) if main else None
        expected = gold_type(rec)
        if predicted == expected:
            type_ok += 1
        else:
            confusions[(expected, predicted)] += 1
        src = {_gold_code(s) for s in rec.get("source") or []}
        tgt = {_gold_code(t) for t in rec.get("target") or []}
        if main and src & {_country(e.actor) for e in main}:
            src_ok += 1
        if tgt:
            tgt_n += 1
            if main and tgt & {_country(e.target) for e in main}:
                tgt_ok += 1
        gold_triples = {(s, t, expected) for s in src or {None} for t in tgt or {None}}
        pred_triples = {(_country(e.actor), _country(e.target), type_of(e)) for e in main}
        n_gold += len(gold_triples)
        n_pred += len(pred_triples)
        tp += len(gold_triples & pred_triples)
    has_actors = any(rec.get("source") for rec in records)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if not has_actors:  # the codebook's examples name no gold actors
        src_ok = tgt_ok = tgt_n = 0
    return {
        "records": n,
        "event_type_accuracy": round(type_ok / n, 3) if n else 0.0,
        "source_country_accuracy": round(src_ok / n, 3) if has_actors and n else None,
        "target_country_accuracy": round(tgt_ok / tgt_n, 3) if tgt_n else None,
        "triple_precision": round(precision, 3) if has_actors else None,
        "triple_recall": round(recall, 3) if has_actors else None,
        "triple_f1": round(f1, 3) if has_actors else None,
        "worst_confusions": [{"gold": g, "predicted": p, "count": c} for (g, p), c in confusions.most_common(10)],
    }


def plover_records(shared: Path):
    data = json.loads((shared / "gold" / "plover-gsr-dev.json").read_text(encoding="utf-8"))
    out = [dict(rec) for rec in data[1:]]
    dates = {rec.get("date") for rec in out}
    for rec in out:
        # every record carries 2000-01-01, a placeholder: with no real date, people
        # resolve to their latest office rather than to that day's
        rec["date"] = dt.date.fromisoformat(rec["date"]) if rec.get("date") and len(dates) > 1 else None
    return out


def cameo_records(shared: Path):
    out = []
    with open(shared / "gold" / "cameo-codebook.csv", encoding="latin-1", newline="") as handle:
        for row in csv.DictReader(handle):
            example = (row.get("example") or "").strip()
            if example and example != "NA" and example.isascii():
                out.append({"text": example, "code": row["code"].strip(), "date": None})
    return out


REPO = Path(__file__).resolve().parents[1]


def corpus_sets(shared: Path, which: str, extractor) -> dict:
    """Figures of the corpus sets asked for (``dev``, ``test``, ``real``; ``all`` is dev and real)."""
    from geopolkg.train.corpus import read_corpus
    from geopolkg.train.evaluate import score_examples
    from geopolkg.train.real import read_real

    out = {}
    extract = lambda article: extractor.extract(article).events
    for split in ("dev", "test"):
        if which == split or (which == "all" and split == "dev"):
            out[f"corpus-{split}"] = score_examples(read_corpus(REPO / "corpus" / "written", [split]), extract)
    if which in ("real", "all") and (REPO / "corpus" / "real").is_dir():
        from geopolkg.train.evaluate import in_context

        # each passage coded within its whole document, as an article is read
        out["corpus-real"] = score_examples(list(read_real(REPO / "corpus" / "real", shared)), extract,
                                            events_of=in_context(shared))
    return out


def run(shared: Path, which: str = "all", coding: str = "rules") -> dict:
    extractor = Extractor(coding=coding)
    results = corpus_sets(shared, which, extractor)
    if which in ("plover", "all"):
        results["plover"] = score(plover_records(shared), extractor,
                                  lambda e: e.event_type.plover_type,
                                  lambda r: OLD_LABELS.get(r["event"], r["event"]))
    if which in ("cameo", "all"):
        results["cameo"] = score(cameo_records(shared), extractor,
                                 lambda e: e.event_type.root, lambda r: r["code"][:2])
    return results


def _print_corpus(name: str, r: dict) -> None:
    print(f"== {name}: {r['examples']} examples, {r['single_event_examples']} with one event")
    print(f"  main-event PLOVER type (one-event examples): {r['main_type_accuracy']}")
    print(f"  main-event source country (one-event examples): {r['main_source_accuracy']}")
    print(f"  triples: precision {r['triple_precision']:.3f}  recall {r['triple_recall']:.3f}  F1 {r['triple_f1']:.3f}")
    print(f"  triggers: precision {r['trigger_precision']}  recall {r['trigger_recall']}  "
          f"type on found {r['matched_type_accuracy']}")
    print(f"  no-event examples left clean: {r['no_event_clean']};  acts not done emitted: {r['unreal_emitted']}")


def _print(results: dict) -> None:
    for name, r in results.items():
        if name.startswith("corpus-"):
            _print_corpus(name, r)
            continue
        label = "PLOVER type" if name == "plover" else "CAMEO root"
        print(f"== {name}: {r['records']} records")
        print(f"  event-type accuracy ({label}): {r['event_type_accuracy']:.3f}")
        if r["source_country_accuracy"] is not None:
            print(f"  source-country accuracy:        {r['source_country_accuracy']:.3f}")
            print(f"  target-country accuracy:        {r['target_country_accuracy']:.3f}")
            print(f"  triples: precision {r['triple_precision']:.3f}  recall {r['triple_recall']:.3f}  F1 {r['triple_f1']:.3f}")
        else:
            print("  (no gold actors in this set: actor figures not computed)")
        print("  worst confusions (gold -> predicted, count):")
        for c in r["worst_confusions"]:
            print(f"    {c['gold']} -> {c['predicted']}: {c['count']}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--set", dest="which", choices=["plover", "cameo", "dev", "test", "real", "all"],
                        default="all")
    parser.add_argument("--coding", choices=["rules", "model", "both"], default="rules")
    args = parser.parse_args()
    figures = run(args.shared, args.which, args.coding)
    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        print()
    else:
        _print(figures)
