"""News phrasings the coder handles, each on a sentence written for this test.

Expected actor, target and CAMEO code come from reading the sentence against
the CAMEO codebook (and, for targets left unnamed, the PLOVER convention
that an act done at home is aimed at the actor's own country)."""

import datetime as dt

from geopolkg.loaders import Article

DAY = dt.date(2024, 6, 14)


def _events(extractor, text):
    return extractor.extract(Article("t", text, published=DAY)).events


def _main(events):
    assert events, "no event"
    best = min(events, key=lambda e: (e.trigger_depth, e.trigger_start))
    return [e for e in events if e.trigger_start == best.trigger_start]


def _triples(events):
    return {(e.actor.code, e.target.code if e.target else None, e.code) for e in events}


# -- unnamed targets of domestic acts --------------------------------------

def test_a_curfew_lifted_at_home_is_aimed_at_the_own_people(extractor):
    main = _main(_events(extractor, "The Chilean government lifted the curfew in Santiago on Sunday."))
    assert _triples(main) == {("CHLGOV", "CHLCVL", "081")}


def test_protesters_with_no_target_protest_against_their_government(extractor):
    main = _main(_events(extractor, "Hundreds of Bolivian miners rioted in the capital on Tuesday."))
    assert _triples(main) == {("BOL", "BOLGOV", "145")}


def test_an_act_with_no_sign_of_home_gets_no_invented_target(extractor):
    # a platform destroyed at sea: nothing says it is a domestic act
    main = _main(_events(extractor, "American warships destroyed an oil platform on Monday."))
    assert {e.target for e in main} == {None}
    # another country in the clause: not domestic either
    main = _main(_events(extractor, "Chilean police seized weapons smuggled from Peru."))
    assert all(e.target is None or e.target.country != "CHL" for e in main)
