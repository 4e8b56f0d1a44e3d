"""Score the derived actor relations against the re3d gold relations.

Usage::

    python bench/re3d_relations.py [--re3d ../shared/gold/re3d] [--store DIR]

re3d (Dstl; ``../shared/gold/re3d/*/{documents,relations}.json``, JSON Lines
with a byte-order mark) annotates relations between entity mentions in 54
Syria and Iraq conflict documents. Four of its types say who is on whose
side; they are mapped to the polarity of geopolkg's derived relations:

* ``FightingAgainst`` and ``Dislikes``: opposition;
* ``AlliesOf`` and ``Likes``: alignment.

Gold side: each relation's source and target mentions are resolved to actor
codes with the project's own mention resolver (the spaCy pipeline and actor
knowledge base of extraction, run on the document's original text, so the
gold character offsets hold); a relation whose ends are not both actors
("mourners", "a hospital", "Dabiq"), or are the same actor, is not a pair of
actors and is left out of the *resolvable* gold, but counted in the *all*
recall. Gold pairs are unordered, per document (ids compared case-insensitively:
the loader lower-cases them), with their polarity.

System side: the documents are ingested (``geopolkg ingest``) and, per
document, the relations of :func:`geopolkg.graph.derive.derived_relations`
over that document's events (on issues, and in the signed network) give
unordered pairs with a polarity. A system pair is correct when the same
document has a gold pair of the same two actors and polarity.

Printed: precision and recall (against the resolvable gold and against all
gold relations of the four types), per polarity and overall, and the time
of the ingest and of the derivation against it (the baseline measured in
the same run).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_RE3D = REPO.parent / "shared" / "gold" / "re3d"
POLARITY = {"FightingAgainst": "opposition", "Dislikes": "opposition",
            "AlliesOf": "alignment", "Likes": "alignment"}


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as fh:  # the files start with a byte-order mark
        return [json.loads(line) for line in fh if line.strip()]


def read_re3d(root: Path):
    """Return (documents, relations of the four types) from every re3d folder under ``root``."""
    docs, rels = [], []
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").exists()):
        docs += _jsonl(folder / "documents.json")
        rels += [r for r in _jsonl(folder / "relations.json") if r["type"] in POLARITY]
    return docs, rels


def gold_pairs(docs, rels):
    """Return {(doc id, code, code, polarity)} resolvable, and the count of all gold relations."""
    from geopolkg.extraction.mentions import MentionResolver
    from geopolkg.extraction.nlp import build_nlp
    from geopolkg.ontology.actors import load_kb

    nlp, kb = build_nlp(), load_kb()
    by_doc: dict[str, list] = {}
    for r in rels:
        by_doc.setdefault(r["documentId"], []).append(r)
    gold, unresolved = set(), Counter()
    for doc in docs:
        if doc["_id"] not in by_doc:
            continue
        parsed = nlp(doc["text"])
        resolver = MentionResolver(parsed, kb, None)

        def code(begin, end, text):
            span = parsed.char_span(begin, end, alignment_mode="expand")
            if span is not None:
                for tok in [span.root, *span]:
                    found = resolver.actor_of(tok)
                    if found is not None:
                        return found.actor.code
            entries = kb.lookup(text.strip())
            actor = kb.resolve(entries[0], None) if entries else None
            return actor.code if actor else None

        for r in by_doc[doc["_id"]]:
            a = code(r["sourceBegin"], r["sourceEnd"], r["source"])
            b = code(r["targetBegin"], r["targetEnd"], r["target"])
            if a and b and a != b:
                gold.add((doc["_id"].lower(), *sorted((a, b)), POLARITY[r["type"]]))
            else:
                unresolved[r["source"] if not a else r["target"]] += 1
    return gold, unresolved


def system_pairs(docs, store: Path, min_weight: float = 1.0):
    """Ingest the documents into ``store``; return ({(doc id, code, code, polarity)}, seconds)."""
    import geopolkg.api as api
    from geopolkg.graph.derive import derived_relations

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "re3d.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"id": d["_id"], "title": d.get("title"), "text": d["text"],
                                     "published": None, "source": d.get("sourceName"),
                                     "url": d.get("sourceUrl")}) + "\n")
        t0 = time.perf_counter()
        summary = api.ingest([path], store)
        t_ingest = time.perf_counter() - t0
    if summary.failed:
        print(f"{len(summary.failed)} document(s) failed: {summary.failed[0]}", file=sys.stderr)
    t0 = time.perf_counter()
    events = api.events(store)
    by_doc: dict[str, list] = {}
    for e in events:
        by_doc.setdefault(e["article"], []).append(e)
    out = set()
    for doc_id, evs in by_doc.items():
        for rel in derived_relations(evs, min_weight=min_weight):
            out.add((doc_id.lower(), *sorted((rel.a["code"], rel.b["code"])), rel.kind))
    return out, t_ingest, time.perf_counter() - t0, len(events)


def _pr(system, gold, n_all=None):
    hit = len(system & gold)
    p = hit / len(system) if system else 0.0
    r = hit / len(gold) if gold else 0.0
    r_all = hit / n_all if n_all else None
    return hit, p, r, r_all


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--re3d", type=Path, default=DEFAULT_RE3D)
    parser.add_argument("--store", type=Path, help="Store folder (default: a temporary one).")
    parser.add_argument("--min-weight", type=float, default=1.0,
                        help="derived_relations' least weight of a network relation (default 1.0).")
    args = parser.parse_args(argv)
    if not args.re3d.exists():
        print(f"no re3d data at {args.re3d}", file=sys.stderr)
        return 2
    docs, rels = read_re3d(args.re3d)
    gold, unresolved = gold_pairs(docs, rels)
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or Path(tmp) / "store"
        system, t_ingest, t_derive, n_events = system_pairs(docs, store, args.min_weight)
    n_all = Counter(POLARITY[r["type"]] for r in rels)
    print(f"re3d: {len(docs)} documents, {len(rels)} gold relations of the four types "
          f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(r['type'] for r in rels).items()))}); "
          f"{len(gold)} distinct resolvable actor pairs per document")
    print(f"system: {n_events} events, {len(system)} derived actor pairs per document "
          f"(network relations of weight >= {args.min_weight})")
    print(f"{'polarity':<12} {'system':>7} {'gold':>5} {'correct':>8} {'precision':>10} {'recall':>7} {'recall(all)':>12}")
    for pol in ("opposition", "alignment", None):
        s = {x for x in system if pol is None or x[3] == pol}
        g = {x for x in gold if pol is None or x[3] == pol}
        hit, p, r, r_all = _pr(s, g, sum(n_all.values()) if pol is None else n_all[pol])
        print(f"{pol or 'both':<12} {len(s):>7} {len(g):>5} {hit:>8} {p:>10.3f} {r:>7.3f} {r_all:>12.3f}")
    # the same pairs whatever the polarity: how often the actors are right but the side is not
    loose = _pr({x[:3] for x in system}, {x[:3] for x in gold})
    print(f"pairs only (polarity ignored): precision {loose[1]:.3f}, recall {loose[2]:.3f}")
    print(f"time: ingest {t_ingest:.1f} s (baseline), derivation {t_derive:.2f} s "
          f"(ratio {t_derive / t_ingest:.3f} of the ingest)")
    common = ", ".join(f"{t!r} x{n}" for t, n in unresolved.most_common(8))
    print(f"gold ends that are not actors (most frequent): {common}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
