"""Actor resolution in text, on sentences written for these tests."""

import datetime as dt

from geopolkg.loaders import Article

DAY = dt.date(2024, 5, 1)


def _events(extractor, text, day=DAY):
    return extractor.extract(Article("t", text, published=day)).events


def _pairs(events):
    return {(e.actor.code, e.target.code if e.target else None) for e in events}


def test_georgia_the_country_and_the_state(extractor):
    country = _events(extractor, "Georgia accused Russia of occupying Abkhazia and South Ossetia.")
    assert ("GEOGOV", "RUSGOV") in _pairs(country)
    state = _events(extractor, "Georgia's governor Brian Kemp signed the bill in Atlanta.")
    assert {e.actor.code for e in state} == {"USAGOV"}


def test_the_two_congos(extractor):
    kinshasa = _events(extractor, "Fighting raged near Goma, and Congo accused Rwanda of backing the M23 rebels.")
    assert ("CODGOV", "RWAGOV") in _pairs(kinshasa)
    brazzaville = _events(extractor, "Officials in Brazzaville said Congo would host talks with Gabon.")
    assert {e.actor.code for e in brazzaville} == {"COGGOV"}


def test_jordan_the_person_is_not_the_country(extractor):
    assert _events(extractor, "Michael Jordan praised China for its hospitality.") == []
    assert ("JORGOV", "ISRGOV") in _pairs(_events(extractor, "Jordan condemned Israel over the raid in the West Bank."))


def test_short_mentions_and_pronouns_within_an_article(extractor):
    text = ("Prime Minister Anna Kowalska of Poland met the Ukrainian president in Kyiv on Monday. "
            "Kowalska later criticized Russia. She also praised Lithuania.")
    events = _events(extractor, text)
    assert ("POLGOV", "RUSGOV") in _pairs(events)   # "Kowalska": the full mention before
    assert ("POLGOV", "LTUGOV") in _pairs(events)   # "She": the last person named
    assert all(e.actor_person == "Anna Kowalska" for e in events if e.actor.code == "POLGOV")


def test_unknown_official_takes_the_country_of_the_sentence(extractor):
    events = _events(extractor, "France is ready to send troops to Mali, defence minister Paul Durand said on Monday.")
    assert {e.actor.code for e in events} == {"FRAGOV"}


def test_a_role_without_any_country_is_not_guessed(extractor):
    assert _events(extractor, "The president criticized the court on Monday.") == []


def test_the_title_refers_back_to_the_person(extractor):
    text = ("President Donald Trump met Prime Minister Keir Starmer in London on Thursday. "
            "The president later criticized China.")
    events = extractor.extract(Article("t", text, published=dt.date(2025, 9, 20))).events
    [criticism] = [e for e in events if e.event_type.root == "11"]
    assert (criticism.actor.code, criticism.target.code, criticism.actor_person) == ("USAGOV", "CHNGOV", "Donald Trump")
