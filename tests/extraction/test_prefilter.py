"""The sentence prefilter: which sentences are parsed, and what it costs in events."""

from __future__ import annotations

import itertools

import pytest

from geopolkg.loaders import iter_articles
from shared_data import shared_path


@pytest.fixture(scope="module")
def filtered():
    from geopolkg.extraction.extractor import Extractor

    return Extractor(prefilter=True)


def _kept(prefilter, text):
    """The sentences of ``text`` the prefilter leaves to the parser, stripped."""
    masked = prefilter.masked_text(text)
    if masked is None:
        return None
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    return [part.strip() for part in masked.split("  ") if part.strip()]


def _same_events(extractor, filtered, text, expected):
    """The events of ``text`` with and without the filter are the same, and
    are ``expected`` as (actor, CAMEO code, sentence index)."""
    from geopolkg.loaders import Article

    article = Article("t", text)
    plain = extractor.extract(article).events
    [result] = list(filtered.extract_many([article]))
    assert repr(result.events) == repr(plain)
    assert [(e.actor.code, e.code, e.sentence_index) for e in plain] == expected


def test_seed_article_same_events_with_the_filter(extractor, filtered, seed_article, seed_result):
    [result] = list(filtered.extract_many([seed_article]))
    assert len(result.events) == len(seed_result.events) > 10
    assert repr(result.events) == repr(seed_result.events)
    # issue phrases hold token positions, which blanking shifts; what is stored is the same
    assert [(i.key, i.label, i.location, [p.label for p in i.phrases]) for i in result.issues] == [
        (i.key, i.label, i.location, [p.label for p in i.phrases]) for i in seed_result.issues]


def test_text_without_actor_or_trigger_is_skipped(filtered):
    f = filtered.prefilter
    # no actor anywhere: no knowledge-base name, role word or pronoun
    assert f.masked_text("Cocoa prices rose three pct in a quiet market after showers in the growing zone.") is None
    assert not f.may_hold_event("Wheat output fell. Stocks were steady.")


def test_sentences_without_an_event_are_blanked(filtered):
    f = filtered.prefilter
    # the price sentence has neither actor nor trigger; the second has both
    assert _kept(f, "Cocoa prices rose three pct in a quiet market.\n\nBrazil rejected the proposal.") == [
        "Brazil rejected the proposal."]
    # within one paragraph too, split at the full stop
    assert _kept(f, "Wheat output fell sharply. Brazil's trade minister said the talks would go on.") == [
        "Brazil's trade minister said the talks would go on."]


def test_people_named_earlier_keep_their_sentences(extractor, filtered):
    f = filtered.prefilter
    # "He" points back to Jalal; the middle sentence holds nothing
    text = "Zakir Jalal, an Afghan official, arrived on Monday. Output fell. He rejected the proposal."
    assert _kept(f, text) == ["Zakir Jalal, an Afghan official, arrived on Monday.", "He rejected the proposal."]
    _same_events(extractor, filtered, text, [("AFGGOV", "120", 2)])
    # a person described by a role, with no knowledge-base name, then named by one word
    text = ("Zoltan Boesze, head of the Hungarian finance ministry's budget office, arrived early. Output fell sharply. "
            "Boesze said cuts would come.")
    assert _kept(f, text) == ["Zoltan Boesze, head of the Hungarian finance ministry's budget office, arrived early.",
                              "Boesze said cuts would come."]
    _same_events(extractor, filtered, text, [("HUNGOV", "010", 2)])


def test_sentence_index_counts_sentences_not_blank_lines(extractor, filtered):
    # sentences: 0 cocoa, 1 condemned; "--" and the blank lines are none; 2 "We go", 3 rejected
    text = 'Cocoa rose.\n\nRussia condemned Ukraine.\n\n-- \n\n"We go," Russia said. Then Russia rejected the plan.'
    _same_events(extractor, filtered, text, [("RUSGOV", "111", 1), ("RUSGOV", "010", 2), ("RUSGOV", "120", 3)])


def test_a_day_named_earlier_in_the_paragraph_keeps_its_sentence(extractor, filtered):
    """An event takes the last day named earlier in its paragraph: that
    sentence is parsed though it holds no event. Published Saturday
    2026-11-21: Monday is the 16th, yesterday the 20th."""
    import datetime as dt

    from geopolkg.loaders import Article

    text = "On Monday the talks resumed. Iran welcomed the outcome.\n\nYesterday was quiet. Turkey shelled Kurdish positions."
    article = Article("t", text, published=dt.date(2026, 11, 21))
    plain = extractor.extract(article).events
    [result] = list(filtered.extract_many([article]))
    assert repr(result.events) == repr(plain)
    assert [(e.actor.code, str(e.date)) for e in plain] == [("IRNGOV", "2026-11-16"), ("TURGOV", "2026-11-20")]
    assert _kept(filtered.prefilter, "Prices fell on Monday. Stocks rose.") is None


def test_punctuation_alone_is_not_parsed(filtered):
    assert filtered.prefilter.masked_text('!!! ... -- "?"') is None


def test_an_opening_quote_stays_with_its_sentence(extractor, filtered):
    f = filtered.prefilter
    text = 'Output fell sharply. "We reject the plan," Brazil\'s minister said.'
    assert _kept(f, text) == ['"We reject the plan," Brazil\'s minister said.']
    _same_events(extractor, filtered, text, [("BRAGOV", "120", 1)])


@pytest.mark.slow
def test_codebook_sentences_with_events_are_never_blanked(extractor, filtered):
    """Every example of the CAMEO codebook that gives an event gives the same
    events with the filter: the event scorer's
    figures do not change."""
    import csv

    path = shared_path("gold", "cameo-codebook.csv")
    with open(path, encoding="latin-1", newline="") as handle:
        examples = [row["example"].strip() for row in csv.DictReader(handle)
                    if (row.get("example") or "").strip() not in ("", "NA") and row["example"].isascii()]
    from geopolkg.loaders import Article

    articles = [Article(f"c{i}", text) for i, text in enumerate(examples)]
    checked = 0
    for plain, result in zip(extractor.extract_many(articles), filtered.extract_many(articles), strict=True):
        if plain.events:
            checked += 1
            assert repr(result.events) == repr(plain.events), plain.article.text
    assert checked > 120


def _sample(name, step, count):
    articles = iter_articles([shared_path("corpora", name)], errors=[])
    return list(itertools.islice(itertools.islice(articles, 0, None, step), count))


@pytest.mark.slow
def test_reuters_samples_keep_nearly_all_events(extractor, filtered):
    """100 geopolitics stories (every fourth) and 200 general wire stories:
    at least 97 % of the events are the same, and a quarter of the wire
    text goes unparsed."""
    geo = _sample("reuters-21578-geopolitics.jsonl", 4, 100)
    wire = _sample("reuters-21578.jsonl", 1, 200)
    chars, parsed = filtered.chars, filtered.chars_parsed
    same = total = 0
    for sample in (geo, wire):
        plain = list(extractor.extract_many(sample))
        for a, b in zip(plain, filtered.extract_many(sample), strict=True):
            before, after = {repr(e) for e in a.events}, {repr(e) for e in b.events}
            total += len(before)
            same += len(before & after)
    assert total > 100
    assert same >= 0.97 * total
    assert (filtered.chars_parsed - parsed) <= 0.85 * (filtered.chars - chars)


def test_anchor_memo_tells_capitalized_words_apart(filtered):
    """The per-word memo of anchors is keyed on the word as written: "Gulf"
    (of an organization's name) anchors, "gulf" does not, whichever is read first."""
    f = filtered.prefilter
    lower, upper = f.nlp.make_doc("gulf Gulf")
    assert [f._anchors(lower), f._anchors(upper), f._anchors(lower)] == [False, True, False]
    other_upper, other_lower = f.nlp.make_doc("Crescent crescent")
    assert [f._anchors(other_upper), f._anchors(other_lower)] == [True, False]
    # role words are role words in any case ("Minister", "ministers")
    assert all(f._is_role(t) for t in f.nlp.make_doc("Minister minister ministers"))
    assert not any(f._is_role(t) for t in f.nlp.make_doc("Cocoa cocoa"))


def test_the_last_word_of_a_two_word_role_anchors_only_after_its_first_word(filtered):
    # "rights group" is a role (HRI); a bare "group" is none, so "the group condemned" holds no
    # actor ("it" would: the resolver reads it as a body named before)
    f = filtered.prefilter
    assert f.masked_text("The group condemned the plan.") is None
    assert f.masked_text("The rights group condemned the plan.") is not None
    assert f.masked_text("The air force attacked the base.") is not None
