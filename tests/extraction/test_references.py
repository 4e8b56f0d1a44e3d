"""References across sentences and unnamed bodies, resolved by the mention resolver."""

import pytest

from geopolkg.loaders import Article

pytestmark = pytest.mark.slow


def _events(extractor, text):
    return extractor.extract(Article("r1", text)).events


def _by_trigger(events, trigger):
    return [e for e in events if e.trigger == trigger]


def test_we_in_a_statement_is_the_body_that_issues_it(extractor):
    text = ("The Government of Ecuador pledges to respect the ceasefire line. "
            "We call on the Government of Peru to do the same without delay.")
    [call] = _by_trigger(_events(extractor, text), "call")
    assert call.actor.code == "ECUGOV"


def test_we_in_a_quote_is_its_speaker_named_after_it(extractor):
    text = ("'There is no excuse for shooting down a passenger plane,' the Canadian foreign minister "
            "told reporters. 'We demand a full explanation.'")
    [demand] = _by_trigger(_events(extractor, text), "demand")
    assert demand.actor.country == "CAN"


def test_it_as_a_subject_is_the_body_named_as_subject_before(extractor):
    text = ("The Hungarian government declared that it would not extradite the dissidents. "
            "It accused Romania of persecuting ethnic Hungarians.")
    [accuse] = _by_trigger(_events(extractor, text), "accused")
    assert accuse.actor.code == "HUNGOV" and accuse.target.country == "ROU"


def test_it_of_it_was_and_it_appeared_is_nobody(extractor):
    text = "Egypt hosted the talks. It was the third round this year, and it appeared that Sudan left early."
    assert all(e.actor_text.lower() != "it" for e in _events(extractor, text))


def test_a_thing_called_it_is_no_actor_or_target(extractor):
    text = "Serbia wants the monastery back. 'We will get it back,' the Serbian president said."
    events = _events(extractor, text)
    assert all((e.target_text or "").lower() != "it" for e in events)


def test_unnamed_bodies_take_their_sentences_one_country(extractor):
    events = _events(extractor, "In Tbilisi, the authorities arrested the protest leaders on Monday.")
    [arrest] = _by_trigger(events, "arrested")
    assert arrest.actor.country == "GEO"


def test_counted_people_take_the_country_of_the_counted(extractor):
    # the students are counted ("thousands of"), so they are the place's own people
    events = _events(extractor, "Thousands of students marched in Tbilisi, demanding new elections.")
    [march] = _by_trigger(events, "marched")
    assert march.actor.code == "GEOCVL" and march.target.code == "GEOGOV"


def test_a_count_of_people_of_no_stated_side_is_no_target(extractor):
    # two soldiers killed: whose soldiers the sentence does not say
    events = _events(extractor, "Rebels killed two soldiers near the border with Chad on Friday.")
    assert all(e.target is None or e.target.country == "TCD" for e in events)


def test_a_noun_event_names_its_actor_with_by(extractor):
    events = _events(extractor, "The accord was signed during a visit to Hanoi last month by the Thai foreign minister.")
    [visit] = _by_trigger(events, "visit")
    assert visit.actor.code == "THAGOV" and visit.target.country == "VNM"


def test_talks_between_two_sides_with_no_other_actor(extractor):
    events = _events(extractor, "Talks between Eritrea and Ethiopia resumed in Algiers on Monday.")
    [talks] = _by_trigger(events, "Talks")
    assert {talks.actor.country, talks.target.country} == {"ERI", "ETH"}


def test_a_withdrawal_from_a_country_is_not_by_that_country(extractor):
    events = _events(extractor, "The withdrawal from Lebanon by Syrian troops was completed on Tuesday.")
    assert all(e.actor.country != "LBN" for e in events)
