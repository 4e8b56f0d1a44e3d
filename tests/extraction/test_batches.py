"""Parsing in batches bounded by characters (issue 9): a batch of long stories
must not take more memory than a batch of short ones, and batching must not
change what is found."""

import datetime as dt

from geopolkg.extraction.extractor import Extractor
from geopolkg.loaders import Article

DAY = dt.date(2024, 3, 4)

TEXTS = [
    "Chile recalled its ambassador to Peru on Monday.",
    "Rain fell on the farms.",
    # a long story: many sentences, each with an event
    " ".join(["Brazil condemned the attack on the border post."] * 30),
    "Norway offered aid to Somalia.",
    "Egypt hosted talks with Sudan in Cairo. " * 10,
]


def _articles():
    return [Article(f"a{i}", text, published=DAY) for i, text in enumerate(TEXTS)]


def _summary(results):
    return [[(e.actor.code, e.code, e.target.code if e.target else None, e.char_start) for e in r.events]
            for r in results]


def test_batches_hold_at_most_the_character_budget_and_keep_the_order(extractor, monkeypatch):
    groups = []
    pipe = type(extractor.nlp).pipe

    def recording(nlp, texts, *args, **kwargs):
        texts = list(texts)
        if kwargs.get("as_tuples"):  # spaCy calls itself again with the bare texts
            groups.append([len(t) - t.count(" ") - t.count("\n") for t, _ in texts])
        return pipe(nlp, texts, *args, **kwargs)

    plain = _summary([extractor.extract(a) for a in _articles()])
    monkeypatch.setattr(type(extractor.nlp), "pipe", recording)
    monkeypatch.setattr(Extractor, "BATCH_CHARS", 200)
    batched = _summary(list(extractor.extract_many(_articles(), batch_size=16)))
    assert batched == plain  # same events, same order
    assert len(groups) >= 3  # the long story has a batch of its own
    for sizes in groups:
        # a batch stays in the budget, unless it is one text longer than the budget
        assert sum(sizes) <= 200 or len(sizes) == 1
    assert sum(len(g) for g in groups) == len(TEXTS)  # every text parsed once (this extractor has no prefilter)


def test_batches_also_stop_at_the_batch_size(extractor, monkeypatch):
    groups = []
    pipe = type(extractor.nlp).pipe

    def recording(nlp, texts, *args, **kwargs):
        texts = list(texts)
        if kwargs.get("as_tuples"):
            groups.append(len(texts))
        return pipe(nlp, texts, *args, **kwargs)

    monkeypatch.setattr(type(extractor.nlp), "pipe", recording)
    list(extractor.extract_many(_articles(), batch_size=2))
    assert groups and max(groups) <= 2
