"""The sentence-free prefilter changes nothing but speed: same events with and without it."""

from __future__ import annotations

import itertools

import pytest

from geopolkg.loaders import Article, iter_articles
from shared_data import shared_path


@pytest.fixture(scope="module")
def filtered():
    from geopolkg.extraction.extractor import Extractor

    return Extractor(prefilter=True)


def _same(plain, filtered_results):
    for a, b in zip(plain, filtered_results, strict=True):
        assert a.article.id == b.article.id
        assert repr(a.events) == repr(b.events), a.article.id
        assert repr(a.issues) == repr(b.issues), a.article.id


def test_seed_article_same_events_with_the_filter(extractor, filtered, seed_article, seed_result):
    assert filtered.prefilter.may_hold_event(seed_article.text)
    [result] = list(filtered.extract_many([seed_article]))
    assert len(result.events) == len(seed_result.events) > 10
    _same([seed_result], [result])


def test_texts_without_actor_or_trigger_are_skipped(filtered):
    may = filtered.prefilter.may_hold_event
    # no actor anywhere: no knowledge-base name, role word or pronoun
    assert not may("Cocoa prices rose three pct in a quiet market after showers in the growing zone.")
    # an actor, but no trigger word in its paragraph
    assert not may("Brazil\n\nCocoa prices rose three pct in a quiet market.")
    # actor and trigger together
    assert may("Brazil rejected the proposal.")
    assert may("Brazil's trade minister said the talks would go on.")
    # a pronoun pointing back to a person is an actor anchor
    assert may("Zakir Jalal, an Afghan official, arrived.\n\nHe rejected the proposal.")


def _sample(name, step, count):
    articles = iter_articles([shared_path("corpora", name)], errors=[])
    return list(itertools.islice(itertools.islice(articles, 0, None, step), count))


@pytest.mark.slow
def test_reuters_samples_same_events_with_the_filter(extractor, filtered):
    """100 geopolitics stories (every fourth) and 100 general wire stories."""
    geo = _sample("reuters-21578-geopolitics.jsonl", 4, 100)
    wire = _sample("reuters-21578.jsonl", 1, 100)
    before = filtered.skipped
    for sample in (geo, wire):
        plain = list(extractor.extract_many(sample))
        _same(plain, list(filtered.extract_many(sample)))
    skipped = filtered.skipped - before
    # the filter must have had something to do for the test to mean anything
    assert skipped >= 5
    assert sum(len(r.events) for r in extractor.extract_many(geo[:20])) > 0
