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


# -- targets and places further down the parse ----------------------------

def test_a_place_on_the_object_locates_a_protest(extractor):
    # "in Santiago" hangs on "streets"; students protest their own government
    main = _main(_events(extractor, "Thousands of Chilean students blocked streets in Santiago on Monday."))
    assert _triples(main) == {("CHL", "CHLGOV", "144")}


def test_the_owner_of_a_shelled_position_is_the_target(extractor):
    main = _main(_events(extractor, "Ethiopian troops shelled positions of the Eritrean army near the border."))
    assert _triples(main) == {("ETHMIL", "ERIMIL", "194")}


def test_the_people_a_passive_subject_is_for_are_the_target(extractor):
    main = _main(_events(extractor, "A refugee camp for Sudanese civilians was attacked by Chadian rebels."))
    assert _triples(main) == {("TCDREB", "SDNCVL", "190")}


def test_the_purpose_of_a_mobilization_names_its_target(extractor):
    main = _main(_events(extractor, "Spain mobilized reservists for a war against Morocco."))
    assert _triples(main) == {("ESPGOV", "MARGOV", "154")}


def test_sworn_to_fight_is_a_threat_of_the_swearers(extractor):
    # the parser hangs "to fight" as a side clause; still the rebels' threat, not the officials'
    events = _events(extractor, "Armenian rebels have sworn to fight until they regain the province, officials said.")
    assert _triples(_main(events)) == {("ARMREB", None, "138")}


def test_an_offer_with_an_object_keeps_its_code_before_a_purpose_clause(extractor):
    main = _main(_events(extractor, "Norway offered its ships to Greece to help it patrol the coast."))
    assert _triples(main) == {("NORGOV", "GRCGOV", "030")}
