"""Actors known by their role alone ("gunmen", "opposition leaders", a titled
person of no named country), on sentences written for these tests."""

import datetime as dt

from geopolkg.extraction.mentions import generic_actor
from geopolkg.loaders import Article

DAY = dt.date(2024, 5, 1)


def _triples(extractor, text):
    events = extractor.extract(Article("t", text, published=DAY)).events
    return {(e.actor.code, e.code, e.target.code if e.target else None) for e in events}


def test_unnamed_gunmen_take_the_one_country_of_the_sentence(extractor):
    assert _triples(extractor, "Gunmen ambushed a convoy of Nigerian soldiers on Tuesday.") == {
        ("NGAREB", "190", "NGAMIL")}


def test_unnamed_militants_with_two_countries_named_stay_countryless(extractor):
    found = _triples(extractor, "Militants fired rockets at Israel and Egypt overnight.")
    assert {(a, t) for a, _, t in found} == {("REB", "ISRGOV"), ("REB", "EGYGOV")}
    assert all(code[:2] == "19" for _, code, _ in found)


def test_the_role_of_the_modifier_wins(extractor):
    # "opposition leaders" are the opposition, not the government ("leader" alone)
    assert _triples(extractor, "Opposition leaders accused the government of Kenya of fraud.") == {
        ("KENOPP", "112", "KENGOV")}


def test_a_titled_person_of_no_named_country_is_coded_by_sector(extractor):
    assert _triples(extractor, "President Ali Farouk criticized the United Nations on Monday.") == {
        ("GOV", "111", "IGOUNO")}


def test_the_speaker_beats_an_unnamed_subject_in_reported_speech(extractor):
    assert _triples(extractor, "Iran said troops had killed hundreds of Iraqis near the border.") == {
        ("IRNGOV", "190", "IRQ")}


def test_a_generic_actor_has_a_sector_and_no_country():
    actor = generic_actor("REB")
    assert (actor.code, actor.country, actor.sector, actor.kind) == ("REB", None, "REB", "armed group")


def test_an_attack_by_its_means_is_placed_in_the_country_named(extractor):
    # no perpetrator: the bomb is the subject; the only country named places it
    assert _triples(extractor, "A roadside bomb near the town of Tikrit killed three Iraqi policemen on Monday.") == {
        ("IRQ", "183", "IRQCOP")}


def test_a_passive_attack_without_agent_is_placed_where_it_happened(extractor):
    assert _triples(extractor, "An Israeli soldier was killed in Gaza on Friday.") == {("PSE", "190", "ISR")}
    assert _triples(extractor, "Two aid workers were kidnapped in Kabul on Tuesday.") == {("AFG", "181", None)}


def test_a_speaker_still_acts_for_a_faceless_attack_in_its_words(extractor):
    assert _triples(extractor, "Iraq said two soldiers were killed in Basra.") == {("IRQGOV", "190", None)}
