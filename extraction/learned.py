"""Learned steps of the coder: features of a parse, and linear models over them.

The models are multinomial logistic regressions trained by
``python -m geopolkg.train`` on the project's corpus (``corpus/``) and
shipped in ``extraction/models/`` as NumPy ``.npz`` files. Features are
strings ("lemma=expel", "child=prt:off") hashed into a fixed number of
buckets with CRC-32, so a model is a weight matrix and a bias per class,
and nothing but NumPy is needed to apply it.

* :func:`trigger_features`: what makes a token the trigger of an event of
  a given type: its lemma and form, its particles, prepositions and object
  ("call off", "lift curfew"), the verb that governs it ("vowed to
  attack"), its neighbours, and what the lexicon says of it.
* :func:`modality_features`: what says whether an act happened: negation,
  auxiliaries and modals, the chain of governing verbs ("vetoed a
  resolution to impose"), conditional and question marks, reporting words.

A model file records the feature set's version (:data:`FEATURES_VERSION`)
and the model's; :func:`load_model` refuses a file of another version, so
an older model is never applied to features it was not trained on.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from ..errors import ExtractionError

__all__ = ["FEATURES_VERSION", "LinearModel", "load_model", "trigger_features",
           "modality_features", "is_candidate", "hash_features"]

#: Bumped whenever a feature function changes what it returns.
FEATURES_VERSION = "geopolkg.features.v1"

_CHILD_DEPS = ("prt", "prep", "dobj", "xcomp", "dative", "acomp", "attr", "advmod", "neg", "aux",
               "auxpass", "compound", "amod", "ccomp", "agent", "nsubjpass", "mark", "npadvmod")
_GOVERNING_DEPS = ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "dobj", "conj", "nsubj")
_REPORTING = {"allege", "accuse", "report", "claim", "suspect", "say", "deny", "rumour", "rumor"}


def is_candidate(token) -> bool:
    """True for the tokens the trigger model scores: verbs and nouns made of letters."""
    return token.pos_ in ("VERB", "NOUN") and token.is_alpha and len(token.text) > 1


def _lemma(token) -> str:
    return token.lemma_.lower()


def _obj_class(token) -> str:
    """A coarse class of a noun phrase's head: its entity label, or pronoun, or noun."""
    if token.ent_type_:
        return token.ent_type_
    return "PRON" if token.pos_ == "PRON" else token.pos_


def trigger_features(token, lexicon=None) -> list[str]:
    """Features of ``token`` as a possible trigger (strings, see the module).

    ``lexicon`` (a :class:`~geopolkg.extraction.lexicon.Lexicon`) adds what
    the rules' lexicon says of the token, so that the model learns when to
    follow it and when not.
    """
    lem, dep = _lemma(token), token.dep_
    f = [f"l={lem}", f"w={token.lower_}", f"p={token.pos_}", f"t={token.tag_}", f"d={dep}",
         f"l|d={lem}|{dep}", f"suf={token.lower_[-3:]}"]
    head = token.head
    if head is not token:
        f += [f"h={dep}>{_lemma(head)}", f"hp={head.pos_}", f"l|h={lem}|{_lemma(head)}"]
    else:
        f.append("root")
    for child in token.children:
        cd = child.dep_
        if cd not in _CHILD_DEPS:
            if cd in ("nsubj", "nsubjpass"):
                f.append(f"subj={_obj_class(child)}")
            continue
        cl = _lemma(child)
        f.append(f"c={cd}:{cl}")
        if cd in ("prt", "prep", "dobj", "xcomp", "attr", "acomp", "agent", "dative"):
            f.append(f"l|c={lem}|{cd}:{cl}")
        if cd in ("prep", "agent"):
            for obj in (g for g in child.children if g.dep_ in ("pobj", "pcomp")):
                f.append(f"pp={cl}:{_lemma(obj)}")
                f.append(f"l|pp={lem}|{cl}:{_obj_class(obj)}")
        if cd in ("dobj", "nsubjpass", "attr"):
            f.append(f"obj={_obj_class(child)}")
            for g in child.children:
                if g.dep_ == "prep":
                    f.append(f"l|op={lem}|{cl}|{_lemma(g)}")
    node, steps = token, 0
    while node.head is not node and steps < 3 and node.dep_ in _GOVERNING_DEPS:
        f.append(f"g{steps}={node.dep_}:{_lemma(node.head)}")
        node, steps = node.head, steps + 1
    doc = token.doc
    if token.i > 0:
        f.append(f"prev={_lemma(doc[token.i - 1])}")
    if token.i + 1 < len(doc):
        f.append(f"next={_lemma(doc[token.i + 1])}")
        f.append(f"l|next={lem}|{_lemma(doc[token.i + 1])}")
    if lexicon is not None:
        found = lexicon.match_verb(token)
        code = found[0].code if found is not None else None
        if code is None:
            noun = lexicon.match_noun(token)
            code = noun.code if noun is not None else None
        if code is not None:
            f += [f"lex={code[:2]}", f"lexc={code}"]
        else:
            f.append("lex=none")
    return f


def modality_features(token) -> list[str]:
    """Features of whether the act ``token`` names happened (strings)."""
    lem = _lemma(token)
    f = [f"l={lem}", f"t={token.tag_}", f"d={token.dep_}"]
    for child in token.children:
        if child.dep_ in ("neg", "aux", "auxpass", "mark", "advmod", "prep"):
            f.append(f"c={child.dep_}:{child.lower_}")
        if child.dep_ == "advcl":
            for g in child.children:
                if g.dep_ == "mark":
                    f.append(f"advcl_mark={g.lower_}")
    node, steps = token, 0
    while node.head is not node and steps < 4:
        f.append(f"g{steps}={node.dep_}:{_lemma(node.head)}")
        f.append(f"gd={node.dep_}:{_lemma(node.head)}")
        if _lemma(node.head) in _REPORTING:
            f.append(f"under_reporting={_lemma(node.head)}")
        for sib in node.head.children:
            if sib.dep_ in ("neg", "aux", "mark") and sib is not node:
                f.append(f"gc{steps}={sib.dep_}:{sib.lower_}")
        node, steps = node.head, steps + 1
    sent = token.sent
    if sent.text.rstrip().endswith("?"):
        f.append("question")
    words = {t.lower_ for t in sent}
    for w in ("if", "unless", "would", "could", "might", "may", "reportedly", "allegedly", "whether"):
        if w in words:
            f.append(f"sent_has={w}")
    return f


def hash_features(features: list[str], buckets: int) -> np.ndarray:
    """Bucket indices of ``features`` (CRC-32 modulo ``buckets``), without repeats."""
    return np.unique(np.fromiter((zlib.crc32(s.encode("utf-8")) % buckets for s in features),
                                 dtype=np.int64, count=len(features)))


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic regression over hashed features.

    Attributes
    ----------
    name, version : str
        What the model decides ("trigger", "modality") and its registered
        version ("geopolkg.trigger_model.v1").
    labels : tuple of str
        The classes, in the order of the weight matrix's columns.
    weights : numpy.ndarray
        ``buckets x classes`` float32 weights.
    bias : numpy.ndarray
        One float32 per class.
    meta : dict
        How it was trained (corpus counts, seed, figures).
    """

    name: str
    version: str
    labels: tuple
    weights: np.ndarray
    bias: np.ndarray
    meta: dict

    @property
    def buckets(self) -> int:
        return self.weights.shape[0]

    def probabilities(self, features: list[str]) -> dict[str, float]:
        """Class probabilities for one item's features (softmax of the scores)."""
        scores = self.weights[hash_features(features, self.buckets)].sum(axis=0) + self.bias
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return {label: float(p) for label, p in zip(self.labels, scores)}

    def best(self, features: list[str]) -> tuple[str, float]:
        """The most probable class and its probability."""
        probs = self.probabilities(features)
        label = max(probs, key=probs.get)
        return label, probs[label]

    def save(self, path) -> None:
        """Write the model to ``path`` (``.npz``): the non-zero rows only."""
        rows = np.flatnonzero(np.abs(self.weights).sum(axis=1))
        header = {"name": self.name, "version": self.version, "labels": list(self.labels),
                  "buckets": int(self.buckets), "features": FEATURES_VERSION, "meta": self.meta}
        np.savez_compressed(path, rows=rows.astype(np.int32), values=self.weights[rows].astype(np.float16),
                            bias=self.bias.astype(np.float32), header=np.frombuffer(
                                json.dumps(header, sort_keys=True).encode("utf-8"), dtype=np.uint8))


def read_model(source, expected_version: str | None = None) -> LinearModel:
    """Read a model file written by :meth:`LinearModel.save`.

    Raises
    ------
    ExtractionError
        When the file was made for another feature set, or is not of
        ``expected_version`` (an older model left installed).
    """
    with np.load(source) as data:
        header = json.loads(bytes(data["header"]).decode("utf-8"))
        if header.get("features") != FEATURES_VERSION:
            raise ExtractionError(
                f"model {header.get('name')!r} was trained on features {header.get('features')!r}, "
                f"this geopolkg computes {FEATURES_VERSION!r}: retrain it with python -m geopolkg.train")
        if expected_version and header.get("version") != expected_version:
            raise ExtractionError(
                f"model {header.get('name')!r} is version {header.get('version')!r}, this geopolkg needs "
                f"{expected_version!r}: reinstall geopolkg or retrain with python -m geopolkg.train")
        weights = np.zeros((header["buckets"], len(header["labels"])), dtype=np.float32)
        weights[data["rows"]] = data["values"].astype(np.float32)
        return LinearModel(header["name"], header["version"], tuple(header["labels"]), weights,
                           data["bias"].astype(np.float32), header.get("meta", {}))


@cache
def load_model(name: str, expected_version: str) -> LinearModel | None:
    """The shipped model ``extraction/models/<name>.npz``, or None when none ships.

    Raises
    ------
    ExtractionError
        When the shipped file is of another version (see :func:`read_model`).
    """
    ref = resources.files("geopolkg.extraction").joinpath("models", f"{name}.npz")
    if not ref.is_file():
        return None
    with ref.open("rb") as fh:
        return read_model(fh, expected_version)


#: How the coder combines its rules with the learned models:
#: ``rules`` the lexicon and rules alone; ``model`` the trigger model decides
#: every candidate token (the lexicon's word is one of its features) and the
#: modality model every act; ``both`` the rules, overruled by a model only
#: where it is confident (thresholds of :class:`LearnedCoding`).
MODES = ("rules", "model", "both")


class LearnedCoding:
    """The learned trigger and modality steps, as the coder applies them.

    Parameters
    ----------
    mode : str
        One of :data:`MODES`.
    drop, recode, add : float
        In ``both`` mode, the trigger model's probability needed to drop a
        rule's trigger (class ``-``), to change its CAMEO root or PLOVER
        type, and to add a trigger the lexicon does not know.
    unreal : float
        The modality model's probability that an act did not happen
        (negated, conditional, hypothetical, alleged, proposed) above which
        the event is not emitted.

    Raises
    ------
    ExtractionError
        When a model is needed and none ships, or one of another version does.
    """

    def __init__(self, mode: str = "both", *, drop: float = 0.9, recode: float = 0.8,
                 add: float = 0.8, unreal: float = 0.8, role: float = 0.6):
        from .models_spec import MODALITY_MODEL, ROLE_MODEL, TRIGGER_MODEL

        if mode not in MODES:
            raise ExtractionError(f"unknown coding mode {mode!r}: use one of {', '.join(MODES)}")
        self.mode = mode
        self.trigger_model = self.modality_model = self.role_model = None
        if mode != "rules":
            self.trigger_model = load_model("trigger", TRIGGER_MODEL)
            self.modality_model = load_model("modality", MODALITY_MODEL)
            self.role_model = load_model("role", ROLE_MODEL)
            if self.trigger_model is None or self.modality_model is None or self.role_model is None:
                raise ExtractionError("the learned models are not installed (extraction/models/*.npz); "
                                      "train them with python -m geopolkg.train, or use mode 'rules'")
        strict = mode == "model"
        self.drop, self.recode, self.add = (0.0, 0.0, 0.0) if strict else (drop, recode, add)
        self.unreal = 0.5 if strict else unreal
        self.role = 0.5 if strict else role

    def trigger(self, token, lexicon, rule_code: str | None) -> str | None:
        """The CAMEO code ``token`` triggers, given the rules' code (None when
        the lexicon knows no trigger there); None for no event."""
        if self.trigger_model is None or not (rule_code or is_candidate(token)):
            return rule_code
        label, p = self._predict(token, lexicon)
        if label == "-":
            return None if rule_code is not None and p >= self.drop else rule_code
        if rule_code is not None and _class_of(rule_code) == label:
            return rule_code
        if p < (self.recode if rule_code is not None else self.add):
            return rule_code
        meta = self.trigger_model.meta
        return (meta.get("codes_by_lemma", {}).get(f"{token.lemma_.lower()}|{label}")
                or meta.get("codes_by_class", {}).get(label) or label.split(":")[0])

    def is_unreal(self, token) -> bool:
        """True when the modality model holds that the act ``token`` names did not happen."""
        if self.modality_model is None:
            return False
        probs = self.modality_model.probabilities(modality_features(token))
        return probs.get("asserted", 0.0) + probs.get("intended", 0.0) < 1.0 - self.unreal

    def roles(self, trigger, code: str, actors: list, targets: list, resolver) -> tuple[list, list]:
        """The actors and targets of the event ``trigger`` triggers, as the role
        model reads them: where the rules found none, or the model holds
        another candidate more probable by ``role`` than the rules' own, the
        model's candidate is taken."""
        if self.role_model is None:
            return actors, targets
        cls = _class_of(code)
        scored = [(m, self.role_model.probabilities(role_features(trigger, tok, m, cls)))
                  for tok, m in role_candidates(trigger, resolver)]
        if not scored:
            return actors, targets
        actors = self._pick(scored, "actor", actors, exclude=set())
        chosen = {m.actor.code for m in actors}
        targets = self._pick(scored, "target", targets, exclude=chosen)
        return actors, targets

    def _pick(self, scored, role: str, current: list, exclude: set) -> list:
        pool = [(m, p[role]) for m, p in scored if m.actor.code not in exclude]
        if not pool:
            return current
        best, p = max(pool, key=lambda mp: mp[1])
        codes = {m.actor.code for m in current}
        if best.actor.code in codes:
            return current
        mine = max((q for m, q in pool if m.actor.code in codes), default=0.0)
        if (not current and p >= self.role) or (current and p >= self.role and p - mine >= self.role / 2):
            return [best]
        return current

    def _predict(self, token, lexicon) -> tuple[str, float]:
        """The model's class for ``token``, kept on its Doc (a token may be asked twice)."""
        cache = token.doc.user_data.setdefault("geopolkg.trigger_model", {})
        if token.i not in cache:
            cache[token.i] = self.trigger_model.best(trigger_features(token, lexicon))
        return cache[token.i]


def _class_of(code: str) -> str:
    from ..ontology.cameo import event_type

    et = event_type(code)
    return f"{et.root}:{et.plover_type}"


def _path(a, b, limit: int = 4) -> str | None:
    """The dependency path from token ``a`` to token ``b``: arcs up (``^dep``)
    to their lowest common ancestor, then down (``dep``), e.g.
    ``"nsubj"`` (b is a's subject), ``"^xcomp|nsubj"``, ``"prep:with|pobj"``;
    None when longer than ``limit`` arcs or in another sentence."""
    if a.sent != b.sent:
        return None
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return None
    ups = up_a[:up_a.index(common)]
    downs = list(reversed(up_b[:up_b.index(common)]))
    if len(ups) + len(downs) > limit:
        return None
    arc = lambda t: f"{t.dep_}:{t.lower_}" if t.dep_ in ("prep", "agent") else t.dep_
    return "|".join([f"^{arc(t)}" for t in ups] + [arc(t) for t in downs]) or "self"


def role_features(trigger, cand, mention, trigger_class: str) -> list[str]:
    """Features of ``cand`` (a token naming ``mention``) as the actor or target
    of the event ``trigger`` triggers (of the trigger model's class, such as
    ``"11:ACCUSE"``)."""
    path = _path(trigger, cand)
    root = trigger_class.split(":")[0]
    lem = trigger.lemma_.lower()
    f = [f"path={path}", f"root|path={root}|{path}", f"l|path={lem}|{path}",
         f"side={'before' if cand.i < trigger.i else 'after'}", f"cdep={cand.dep_}",
         f"root|cdep={root}|{cand.dep_}", f"how={mention.how}", f"root|how={root}|{mention.how}",
         f"kind={mention.actor.kind}", f"sector={mention.actor.sector}",
         f"same_sent={cand.sent == trigger.sent}"]
    if path is None:
        f.append(f"far|side={'before' if cand.i < trigger.i else 'after'}")
        gap = abs(cand.sent.start - trigger.sent.start) if cand.sent != trigger.sent else 0
        f.append(f"sent_gap={min(gap, 3)}")
    else:
        f.append(f"plen={path.count('|') + 1}")
    dist = abs(cand.i - trigger.i)
    f.append(f"dist={min(dist, 10) if dist < 10 else '10+' if dist < 20 else '20+'}")
    if cand.dep_ == "pobj":
        f += [f"prep={cand.head.lower_}", f"root|prep={root}|{cand.head.lower_}",
              f"l|prep={lem}|{cand.head.lower_}"]
    if cand.dep_ == "poss":
        f.append(f"poss_of={cand.head.lemma_.lower()}")
    if trigger.dep_ == "xcomp" or any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children):
        f.append("trigger_passive" if any(c.dep_ == "auxpass" for c in trigger.children) else "trigger_xcomp")
    return f


def role_candidates(trigger, resolver) -> list[tuple]:
    """``(token, mention)`` for every actor named in the trigger's sentence and
    the sentences either side of it (a quote's speaker may stand there), one
    token per mention: the root of its words."""
    doc = trigger.doc
    sents = list(doc.sents) if "geopolkg.sents" not in doc.user_data else doc.user_data["geopolkg.sents"]
    doc.user_data["geopolkg.sents"] = sents
    k = next(i for i, s in enumerate(sents) if s.start <= trigger.i < s.end)
    seen, out = set(), []
    for sent in sents[max(0, k - 1):k + 2]:
        for tok in sent:
            if tok.pos_ not in ("NOUN", "PROPN", "PRON") or tok.i == trigger.i:
                continue
            mention = resolver.actor_of(tok)
            if mention is None:
                continue
            key = (mention.start, mention.end, mention.actor.code)
            if key in seen:
                continue
            span = doc[mention.start:mention.end] if mention.end > mention.start else doc[tok.i:tok.i + 1]
            root = span.root if span.start <= tok.i < span.end else tok
            if root.i != tok.i and root.i >= mention.start and resolver.actor_of(root) is not None:
                tok = root
            seen.add(key)
            out.append((tok, mention))
    return out
