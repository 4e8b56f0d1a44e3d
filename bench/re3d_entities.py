"""Score the persons, organisations and locations that the actor knowledge base finds, on re3d.

Gold: ``../shared/gold/re3d/*/`` (Dstl re3d: Syria and Iraq documents from four
government sources, hand-checked entities; JSON Lines with a UTF-8 BOM).
Only the gold types ``Person``, ``Organisation`` and ``Location`` are scored.

Systems, all on the pipeline of :func:`geopolkg.extraction.nlp.build_nlp`
(the trained English pipeline plus the knowledge base's entity ruler):

* ``baseline``: the trained pipeline's own statistical NER, without the
  ruler (PERSON -> Person; ORG -> Organisation; GPE, LOC, FAC -> Location;
  NORP is a nationality and not scored), measured in the same run;
* ``kb``: what the knowledge base and the mention resolver find: entities the
  ruler tagged with a knowledge-base entry (person -> Person; organization and
  armed group -> Organisation; country -> Location; a seat of power -> Location
  when it is a city ("Kabul"), Organisation when it is a building or an
  institution ("the Pentagon", "State Department"); demonyms are
  nationalities, not scored), plus the resolver's people described by their
  role ("Foreign Minister X") -> Person, and role nouns of a country: one
  person's title ("the Iraqi Foreign Minister") -> Person, a group ("Syrian
  rebels") -> Organisation;
* ``kb+ner``: ``kb``, plus the statistical NER's entities where ``kb`` has none.

Matching, per type: *exact* when the predicted span has the gold span's
characters exactly; *overlap* when the two share at least one character.
Each gold entity matches at most one prediction (greedy, in text order).
Precision = matched predictions / predictions; recall = matched gold / gold.
Printed: per system and type, exact and overlap precision and recall, and
the ratio of ``kb+ner`` to ``baseline`` F1 (overlap).

Usage::

    python bench/re3d_entities.py [--shared DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

TYPES = ("Person", "Organisation", "Location")
_NER = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location", "FAC": "Location"}
_KB = {"person": "Person", "organization": "Organisation", "armed group": "Organisation", "country": "Location"}


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8-sig").splitlines() if line.strip()]


def load_gold(root: Path) -> tuple[dict, dict]:
    """Return ({doc id: text}, {doc id: set of (begin, end, type)}) for the scored types."""
    texts, gold = {}, {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for doc in _jsonl(folder / "documents.json"):
            texts[doc["_id"]] = doc["text"]
        for ent in _jsonl(folder / "entities.json"):
            if ent["type"] in TYPES:
                gold.setdefault(ent["documentId"], set()).add((ent["begin"], ent["end"], ent["type"]))
    return texts, gold


#: Seats of power that are buildings or institutions, not places (re3d types them Organisation).
_INSTITUTIONS = {"Kremlin", "Pentagon", "Elysee", "Élysée", "Zhongnanhai", "Whitehall", "Knesset", "Majlis",
                 "Duma", "Bundestag", "Bundeswehr", "Sejm", "Diet", "Planalto", "Matignon", "Farnesina",
                 "Moncloa", "Miraflores", "Bankova", "Langley", "Capitol", "Senate", "Chequers", "Westminster",
                 "Kasumigaseki", "Congress", "Storting"}
_INSTITUTION_WORDS = ("Department", "Office", "House", "Palace", "Ministry", "Army", "Navy", "Force", "Forces",
                      "Congress", "Senate", "Parliament", "Court", "Hall", "regime", "administration", "Street",
                      "Block", "Buildings", "Commons", "Lords", "Rada", "Duma", "Sabha", "Hill", "Square")


def _seat_type(entry) -> str:
    """A capital city is a Location; a building or institution ("State Department") an Organisation."""
    name = entry.name
    if name in _INSTITUTIONS or name.isupper() or any(w in name.split() for w in _INSTITUTION_WORDS):
        return "Organisation"
    return "Location"


#: Role nouns that name one person ("the Foreign Secretary"); other role nouns name groups.
_PERSON_ROLES = {"minister", "president", "secretary", "spokesperson", "spokesman", "spokeswoman", "envoy",
                 "ambassador", "leader", "official", "king", "queen", "emir", "premier", "chancellor",
                 "general", "commander", "prosecutor", "judge", "mayor", "governor", "diplomat", "senator"}


def kb_spans(doc, kb) -> set[tuple]:
    """Spans the knowledge base and the resolver find: {(begin, end, type)} in characters."""
    from geopolkg.extraction.mentions import MentionResolver

    spans = set()
    for ent in doc.ents:
        entry = kb.entries.get(ent.ent_id_) if ent.ent_id_ else None
        if entry is None:
            continue
        kind = _seat_type(entry) if entry.kind == "seat" else _KB.get(entry.kind)
        if kind:
            spans.add((ent.start_char, ent.end_char, kind))
    resolver = MentionResolver(doc, kb, None)
    for m in resolver.mentions:
        if m.how in ("description", "short"):
            span = doc[m.start:m.end]
            spans.add((span.start_char, span.end_char, "Person"))
    for token in doc:
        mention = resolver.actor_of(token) if token.i not in resolver.by_token else None
        if mention is not None and mention.how == "role":
            span = doc[mention.start:mention.end]
            person = token.tag_ in ("NN", "NNP") and token.lemma_.lower() in _PERSON_ROLES
            spans.add((span.start_char, span.end_char, "Person" if person else "Organisation"))
    return spans


def ner_spans(doc) -> set[tuple]:
    return {(e.start_char, e.end_char, _NER[e.label_]) for e in doc.ents if e.label_ in _NER}


def _match(pred: set, gold: set, overlap: bool) -> int:
    """Number of one-to-one matches (greedy in text order)."""
    free = sorted(gold)
    hits = 0
    for b, e, t in sorted(pred):
        for i, (gb, ge, gt) in enumerate(free):
            if gt == t and ((b < ge and gb < e) if overlap else (b, e) == (gb, ge)):
                hits += 1
                del free[i]
                break
    return hits


def score(preds: dict, gold: dict) -> dict:
    """Per type and overall: counts and exact/overlap precision and recall."""
    out = {}
    for kind in (*TYPES, "all"):
        keep = (lambda s: True) if kind == "all" else (lambda s, k=kind: s[2] == k)
        n_pred = n_gold = exact = over = 0
        for doc_id, g in gold.items():
            p = {s for s in preds.get(doc_id, ()) if keep(s)}
            g = {s for s in g if keep(s)}
            n_pred, n_gold = n_pred + len(p), n_gold + len(g)
            exact += _match(p, g, False)
            over += _match(p, g, True)
        out[kind] = {"gold": n_gold, "predicted": n_pred,
                     "exact_precision": exact / n_pred if n_pred else 0.0,
                     "exact_recall": exact / n_gold if n_gold else 0.0,
                     "overlap_precision": over / n_pred if n_pred else 0.0,
                     "overlap_recall": over / n_gold if n_gold else 0.0}
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def run(root: Path) -> dict:
    import spacy

    from geopolkg.extraction.nlp import build_nlp, default_model
    from geopolkg.ontology.actors import load_kb

    texts, gold = load_gold(root)
    kb = load_kb([])  # the bundled knowledge base alone, so figures do not depend on user files
    nlp = build_nlp()
    plain = spacy.load(default_model())
    preds = {"baseline": {}, "kb": {}, "kb+ner": {}}
    started = time.perf_counter()
    for doc_id, text in texts.items():
        doc = nlp(text)
        kb_found = kb_spans(doc, kb)
        ner = ner_spans(plain(text))
        preds["baseline"][doc_id] = ner
        preds["kb"][doc_id] = kb_found
        preds["kb+ner"][doc_id] = kb_found | {s for s in ner if not any(
            s[0] < k[1] and k[0] < s[1] for k in kb_found)}
    figures = {name: score(p, {d: gold.get(d, set()) for d in texts}) for name, p in preds.items()}
    base = figures["baseline"]["all"]
    full = figures["kb+ner"]["all"]
    return {"documents": len(texts), "seconds": round(time.perf_counter() - started, 1), "systems": figures,
            "ratio_f1_overlap_kb+ner_vs_baseline": round(
                _f1(full["overlap_precision"], full["overlap_recall"])
                / max(1e-9, _f1(base["overlap_precision"], base["overlap_recall"])), 3)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = parser.parse_args(argv)
    root = args.shared / "gold" / "re3d"
    if not root.is_dir():
        print(f"no re3d gold at {root}", file=sys.stderr)
        return 2
    result = run(root)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"re3d: {result['documents']} documents, {result['seconds']} s")
    print(f"{'system':<9} {'type':<13} {'gold':>5} {'pred':>5}  {'P exact':>7} {'R exact':>7}  {'P overl':>7} {'R overl':>7}")
    for name, per_type in result["systems"].items():
        for kind, f in per_type.items():
            print(f"{name:<9} {kind:<13} {f['gold']:>5} {f['predicted']:>5}  {f['exact_precision']:>7.3f} "
                  f"{f['exact_recall']:>7.3f}  {f['overlap_precision']:>7.3f} {f['overlap_recall']:>7.3f}")
    print(f"ratio of F1 (overlap, all types), kb+ner / baseline: {result['ratio_f1_overlap_kb+ner_vs_baseline']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
