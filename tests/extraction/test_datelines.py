"""Datelines are places that open a story, not actors (geopolkg.extraction.datelines)."""

import pytest

from geopolkg.extraction.datelines import find_datelines
from geopolkg.loaders import Article


@pytest.mark.parametrize("text, place, rest", [
    ("HANOI, Vietnam (AP) — Vietnam and Laos signed a border accord.", "HANOI", "Vietnam and Laos"),
    ("DUBAI, Nov. 27 (Reuters) - Oman hosted talks on Tuesday.", "DUBAI", "Oman hosted"),
    ("PARIS (AFP) -- France recalled its envoy.", "PARIS", "France recalled"),
    ("Beijing, March 3 (Xinhua) -- China protested the sale.", "Beijing", "China protested"),
    ("KYIV, Ukraine — Ukraine accused Russia of shelling.", "KYIV", "Ukraine accused"),
    ("ST. PETERSBURG, June 4 (UPI) — Finland closed its border.", "ST. PETERSBURG", "Finland closed"),
    ("BRIGHTON, England, Oct. 12 (UPI) — A bomb hit the hotel.", "BRIGHTON", "A bomb"),
    ("    BAHRAIN - Iran reported a new offensive.", "BAHRAIN", "Iran reported"),
])
def test_agency_datelines_are_found(text, place, rest):
    [(start, end, found)] = find_datelines(text)
    assert found == place
    assert text[end:].startswith(rest)


@pytest.mark.parametrize("text", [
    "NATO - the alliance - said it would meet.",          # an acronym of four letters or fewer
    "Iran rejected the plan - a plan it called unfair.",  # a dash inside a sentence
    "PRESENTER: Good evening.",                           # a transcript's speaker
    "The UN said on Monday (local time) - wrongly - that talks had failed.",
])
def test_other_dashes_are_no_datelines(text):
    assert find_datelines(text) == []


def test_a_dateline_in_a_later_paragraph_is_found():
    text = "Markets were calm.\n\nLIMA, Jan. 26 (Reuters) - Peru accused Ecuador."
    [(start, end, place)] = find_datelines(text)
    assert place == "LIMA" and text[end:].startswith("Peru accused")


@pytest.mark.slow
def test_the_dateline_is_its_own_sentence_and_never_the_actor(extractor):
    text = "LONDON, Oct. 17 (Reuters) - British police arrested a former Chilean minister on a warrant."
    doc = extractor.nlp(text)
    assert [s.text for s in doc.sents][0] == "LONDON, Oct. 17 (Reuters) -"
    [event] = [e for e in extractor.extract(Article("d1", text)).events if e.code == "173"]
    assert event.actor.code == "GBRCOP" and event.actor_text == "British police"
