"""``python -m geopolkg.train``: train the coder's learned steps on the corpus.

Reads the training split of ``corpus/written`` (never dev, test, or the
scoring sets of ``../shared``), parses it with the coder's spaCy pipeline,
fits the trigger and modality models (multinomial logistic regression,
scikit-learn's L-BFGS solver, deterministic for the same corpus and seed) and
writes them to ``extraction/models/``. Needs the ``train`` extra
(``pip install ".[train]"``); runs on a CPU in a few minutes.

Usage::

    python -m geopolkg.train [--corpus corpus] [--out extraction/models] [--seed 0]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

import numpy as np

from ..extraction.learned import FEATURES_VERSION, LinearModel, hash_features
from ..extraction.lexicon import load_lexicon
from ..extraction.nlp import build_nlp
from ..extraction.mentions import MentionResolver
from ..extraction.models_spec import BUCKETS, MODALITY_MODEL, ROLE_MODEL, TRIGGER_MODEL
from ..ontology.actors import load_kb
from .corpus import corpus_stats, read_corpus
from .evaluate import published_day
from .items import NONE, modality_items, role_items, trigger_items

REPO = Path(__file__).resolve().parents[1]


def _matrix(rows: list[list[str]], buckets: int):
    from scipy.sparse import csr_matrix

    indptr, indices = [0], []
    for features in rows:
        cols = hash_features(features, buckets)
        indices.extend(cols.tolist())
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, np.array(indices, dtype=np.int64), np.array(indptr)), shape=(len(rows), buckets))


def fit(rows: list[list[str]], labels: list[str], *, name: str, version: str, c: float,
        seed: int, meta: dict) -> LinearModel:
    """Fit one multinomial logistic regression and return it as a :class:`LinearModel`."""
    from sklearn.linear_model import LogisticRegression

    classes = sorted(set(labels))
    X = _matrix(rows, BUCKETS)
    y = np.array([classes.index(label) for label in labels])
    clf = LogisticRegression(C=c, max_iter=3000, random_state=seed)
    clf.fit(X, y)
    coef, bias = clf.coef_, clf.intercept_
    if len(classes) == 2:  # scikit-learn gives one column for two classes
        coef, bias = np.vstack([-coef / 2, coef / 2]), np.array([-bias[0] / 2, bias[0] / 2])
    weights = coef.T.astype(np.float32)
    weights[np.asarray(X.sum(axis=0)).ravel() == 0] = 0.0  # buckets never seen stay empty
    return LinearModel(name, version, tuple(classes), weights, bias.astype(np.float32), meta)


def _code_table(items) -> tuple[dict, dict]:
    """The most frequent CAMEO code per (lemma, class) and per class, from the training items."""
    by_lemma, by_class = collections.defaultdict(collections.Counter), collections.defaultdict(collections.Counter)
    for item in items:
        if item.label != NONE:
            by_lemma[f"{item.lemma}|{item.label}"][item.code] += 1
            by_class[item.label][item.code] += 1
    pick = lambda counter: sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return {k: pick(v) for k, v in sorted(by_lemma.items())}, {k: pick(v) for k, v in sorted(by_class.items())}


def train(corpus: Path, out: Path, seed: int = 0, c_trigger: float = 0.5, c_modality: float = 0.5,
          c_role: float = 0.5) -> dict:
    """Train both models on ``corpus``'s training split and write them to ``out``; return what was done."""
    started = time.perf_counter()
    examples = read_corpus(corpus / "written", splits=["train"])
    if not examples:
        raise SystemExit(f"no training examples under {corpus / 'written'}")
    nlp = build_nlp()
    lexicon = load_lexicon()
    kb = load_kb()
    t_items, m_rows, m_labels, r_rows, r_labels = [], [], [], [], []
    for ex, doc in zip(examples, nlp.pipe(ex.text for ex in examples)):
        t_items.extend(trigger_items(ex, doc, lexicon))
        for features, label in modality_items(ex, doc):
            m_rows.append(features)
            m_labels.append(label)
        for features, label in role_items(ex, doc, MentionResolver(doc, kb, published_day(ex))):
            r_rows.append(features)
            r_labels.append(label)
    stats = corpus_stats(examples)
    by_lemma, by_class = _code_table(t_items)
    common = {"seed": seed, "examples": len(examples), "events": stats.get("events", {}),
              "batches": sorted({ex.batch for ex in examples}), "features": FEATURES_VERSION}
    trigger = fit([i.features for i in t_items], [i.label for i in t_items], name="trigger",
                  version=TRIGGER_MODEL, c=c_trigger, seed=seed,
                  meta=dict(common, items=len(t_items), codes_by_lemma=by_lemma, codes_by_class=by_class))
    modality = fit(m_rows, m_labels, name="modality", version=MODALITY_MODEL, c=c_modality, seed=seed,
                   meta=dict(common, items=len(m_rows)))
    role = fit(r_rows, r_labels, name="role", version=ROLE_MODEL, c=c_role, seed=seed,
               meta=dict(common, items=len(r_rows)))
    out.mkdir(parents=True, exist_ok=True)
    trigger.save(out / "trigger.npz")
    modality.save(out / "modality.npz")
    role.save(out / "role.npz")
    return {"examples": len(examples), "trigger_items": len(t_items), "modality_items": len(m_rows),
            "role_items": len(r_rows),
            "trigger_classes": len(trigger.labels), "seconds": round(time.perf_counter() - started, 1),
            "files": {p.name: p.stat().st_size for p in sorted(out.glob("*.npz"))}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geopolkg.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--out", type=Path, default=REPO / "extraction" / "models")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    report = train(args.corpus, args.out, seed=args.seed)
    for key, value in report.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
