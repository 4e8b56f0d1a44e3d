"""Event coding on sentences written for these tests: CAMEO roots and the
sentence structures the rules handle. Expected values come from reading each
sentence against the CAMEO codebook."""

import datetime as dt

import pytest

from geopolkg.loaders import Article

DAY = dt.date(2024, 6, 14)  # a Friday


def _events(extractor, text):
    return extractor.extract(Article("t", text, published=DAY)).events


def _main(events):
    assert events, "no event"
    return min(events, key=lambda e: (e.trigger_depth, e.trigger_start))


ROOTS = [
    # sentence, actor, target, CAMEO root
    ("China commented on the election in Taiwan on Monday.", "CHNGOV", None, "01"),
    ("Egypt urged Israel to open the Rafah crossing.", "EGYGOV", "ISRGOV", "02"),
    ("Japan pledged to provide aid to the Philippines.", "JPNGOV", "PHLGOV", "03"),
    ("The Indian prime minister met with the president of Nepal in Kathmandu.", "INDGOV", "NPLGOV", "04"),
    ("Germany praised Poland for its handling of the border crisis.", "DEUGOV", "POLGOV", "05"),
    ("Brazil and Argentina held joint military exercises near their border.", "BRAGOV", None, "06"),
    ("Norway sent humanitarian relief to Sudan.", "NORGOV", "SDNGOV", "07"),
    ("Serbia released three Kosovo police officers on Tuesday.", "SRBGOV", None, "08"),
    ("The United Nations investigated the killings in Ethiopia.", "IGOUNO", None, "09"),
    ("Ukraine demanded that Russia return the deported children.", "UKRGOV", "RUSGOV", "10"),
    ("Pakistan condemned India for the air strikes.", "PAKGOV", "INDGOV", "11"),
    ("Iran rejected the proposal from France.", "IRNGOV", None, "12"),
    ("North Korea threatened South Korea with a nuclear strike.", "PRKGOV", "KORGOV", "13"),
    ("Thousands of Kenyan students demonstrated in Nairobi against the tax increase.", "KEN", None, "14"),
    ("Turkey mobilized troops along the Syrian border.", "TURGOV", None, "15"),
    ("Canada expelled two Indian diplomats.", "CANGOV", None, "16"),
    ("Belarus arrested the opposition leader in Minsk.", "BLRGOV", None, "17"),
    ("Militants abducted two Nigerian aid workers.", None, None, "18"),
    ("Israeli troops attacked Hamas fighters in Gaza.", "ISRMIL", "PSEINS", "19"),
]


@pytest.mark.parametrize("text, actor, target, root", ROOTS, ids=[r[3] for r in ROOTS])
def test_every_cameo_root(extractor, text, actor, target, root):
    events = _events(extractor, text)
    if actor is None:  # no known actor: the rules must not invent one
        assert all(e.actor.country for e in events) and not any(e.event_type.root == root for e in events
                                                               if e.actor.code == "NGA")
        return
    e = _main(events)
    assert e.event_type.root == root
    assert e.actor.code == actor
    if target is not None:
        found = {x.target.code for x in events if x.target and x.trigger_start == e.trigger_start}
        assert any(code.startswith(target) for code in found), found


def test_passive_voice(extractor):
    e = _main(_events(extractor, "The Iraqi embassy was attacked by Iranian militias on Friday."))
    assert e.event_type.root == "19"
    assert e.actor.country == "IRN" and e.target.country == "IRQ"


def test_compound_actors(extractor):
    events = _events(extractor, "France, Germany and Italy welcomed the ceasefire in Lebanon.")
    assert {e.actor.code for e in events if e.event_type.root == "05"} == {"FRAGOV", "DEUGOV", "ITAGOV"}


def test_appositive_and_title(extractor):
    events = _events(extractor, "Zhang Wei, a Chinese foreign ministry spokesman, criticized Japan on Tuesday.")
    e = _main(events)
    assert (e.actor.code, e.target.code, e.event_type.root) == ("CHNGOV", "JPNGOV", "11")


def test_quote_speaker_is_the_actor(extractor):
    text = 'Turkish Foreign Minister Ali Demir said, "We will never accept the occupation of Cyprus."'
    e = _main(_events(extractor, text))
    assert e.actor.code == "TURGOV" and e.event_type.root == "12"


def test_reported_obligation_is_a_demand(extractor):
    e = _main(_events(extractor, "Kenya said that Somalia must withdraw its troops from the border."))
    assert (e.actor.code, e.target.code, e.event_type.root) == ("KENGOV", "SOMGOV", "10")


def test_negation(extractor):
    events = _events(extractor, "Hungary did not attack Slovakia.")
    assert not any(e.event_type.root == "19" for e in events)
    refused = _main(_events(extractor, "Iran refused to meet the American envoy."))
    assert refused.event_type.root == "12" and refused.negated


def test_intent_and_threat(extractor):
    intent = _main(_events(extractor, "Japan will provide aid to Vietnam."))
    assert intent.event_type.root == "03" and intent.intent
    threat = _main(_events(extractor, "Russia threatened to attack Ukraine."))
    assert threat.event_type.root == "13" and threat.target.code == "UKRGOV"


def test_conditional_force_is_a_threat(extractor):
    e = _main(_events(extractor, "Israel will strike Lebanon if the rocket fire continues."))
    assert e.event_type.root == "13" and e.intent


def test_confidence_is_lower_when_guessing(extractor):
    sure = _main(_events(extractor, "Iran rejected the proposal from France."))
    guessed = _main(_events(extractor, "On Monday, Iran, after long talks, rejected it."))
    assert 0 < guessed.confidence <= sure.confidence <= 1
