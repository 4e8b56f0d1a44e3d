"""Acts that did not happen, and acts aimed at the wrong side (issue 17, item 5).

Each kind of error is tested on several sentences written for this test; the
expected actor, target and CAMEO code come from reading them against the
CAMEO codebook:

* what a proposal asked for, opposed, rejected or vetoed would do is the
  content of the proposal, not an act of the one who acts on it;
* forgoing or refusing an act of disapproval, threat or force ("will not
  oppose", "refused to criticize") is no act of conflict and no rejection;
  refusing to cooperate or give way stays a rejection (CAMEO 12);
* an act stated as a condition or a question ("if", "unless", "whether") is
  not done; the act a condition is attached to is a threat or an intent;
* backing one side in its attacks on another is not cooperation with the
  side attacked, and the attacks are the backed side's.
"""

import datetime as dt

import pytest

from geopolkg.loaders import Article

DAY = dt.date(1987, 3, 2)


def _events(extractor, text):
    return extractor.extract(Article("t", text, published=DAY)).events


def _by(events, country):
    return [e for e in events if e.actor.country == country]


# -- the content of a proposal acted on ------------------------------------

@pytest.mark.parametrize("text, actors, content_roots", [
    ("Canada and Norway vetoed a council resolution to impose an oil embargo on Chile.", ("CAN", "NOR"), {"16"}),
    ("The United States vetoed a draft resolution imposing sanctions on Nicaragua.", ("USA",), {"16"}),
    ("China opposed a resolution imposing sanctions on Vietnam.", ("CHN",), {"16"}),
    ("Egypt rejected an Israeli proposal to hold talks in Cairo.", ("EGY",), {"04"}),
    ("The Soviet Union blocked a plan to send warships to the Gulf.", ("SUN",), {"15", "07"}),
])
def test_the_content_of_a_vetoed_or_rejected_proposal_is_not_done(extractor, text, actors, content_roots):
    events = _events(extractor, text)
    for country in actors:
        mine = _by(events, country)
        assert mine, f"the act on the proposal itself is kept ({country})"
        assert {e.event_type.root for e in mine} <= {"11", "12"}, [(e.code, e.trigger) for e in mine]
    assert not [e for e in events if e.event_type.root in content_roots]


def test_the_content_of_an_appeal_is_not_an_act_of_the_one_appealing(extractor):
    events = _events(extractor, "The UN urged Iraq to hold talks with Iran.")
    assert {(e.actor.code, e.event_type.root) for e in events} == {("IGOUNO", "02")}
    events = _events(extractor, "Japan called for a council resolution to impose an arms embargo on Iran.")
    assert {e.event_type.root for e in events} == {"02"}
    # what is asked for is not given: "asked for aid" is no aid (070)
    events = _events(extractor, "Kenya asked for aid to rebuild its roads.")
    assert {(e.actor.code, e.code) for e in events} == {("KENGOV", "023")}
    events = _events(extractor, "Iran called for talks with Iraq.")
    assert {(e.actor.code, e.target.code, e.event_type.root) for e in events} == {("IRNGOV", "IRQGOV", "02")}


# -- refusing or forgoing a hostile act ------------------------------------

@pytest.mark.parametrize("text", [
    "Although Britain will not oppose the Japanese bid, it has doubts about it.",
    "Syria would not condemn the attack on the embassy.",
    "Egypt refused to criticize the Israeli raid.",
    "Brazil will not condemn the arrest of the Argentine journalists.",
    "Iraq will not attack Iranian tankers, its defence minister said.",
    "Britain refused to impose sanctions on South Africa.",
])
def test_a_forgone_hostile_act_is_no_conflict_and_no_stance(extractor, text):
    events = _events(extractor, text)
    assert not [e for e in events if e.event_type.quad_class in (3, 4)], [(e.code, e.trigger) for e in events]
    assert not [e for e in events if e.stance < 0]


def test_refusing_to_cooperate_or_give_way_is_still_a_rejection(extractor):
    [meet] = _events(extractor, "Iran refused to meet the U.N. envoy.")
    assert (meet.actor.code, meet.target.code, meet.code, meet.negated) == ("IRNGOV", "IGOUNO", "125", True)
    # withdrawing troops is military de-escalation (CAMEO 087): refusing it refuses a concession
    [hold] = _events(extractor, "Turkey refused to withdraw its troops from Cyprus.")
    assert (hold.actor.code, hold.target.code, hold.code, hold.negated) == ("TURGOV", "CYPGOV", "124", True)
    [done] = _events(extractor, "Vietnam withdrew its troops from Cambodia.")
    assert (done.actor.code, done.target.code, done.code) == ("VNMGOV", "KHMGOV", "087")


# -- conditions and questions ----------------------------------------------

@pytest.mark.parametrize("text, country, roots", [
    ("If Washington seizes the initiative, it could win the support of the Gulf states, an official said.", "USA",
     {"13", "17"}),
    ("If Iran attacks Kuwaiti tankers, the United States will respond.", "IRN", {"13", "18", "19"}),
    ("Unless Baghdad withdraws its troops, talks cannot resume.", "IRQ", {"03", "08", "16"}),
    ("Officials asked whether Iraq would attack the oil terminal.", "IRQ", {"13", "18", "19"}),
    ("Egypt will resume talks if Israel releases the prisoners.", "ISR", {"03", "08"}),
])
def test_an_act_stated_as_a_condition_or_a_question_is_not_done(extractor, text, country, roots):
    events = _events(extractor, text)
    assert not [e for e in _by(events, country) if e.event_type.root in roots], [(e.code, e.trigger) for e in events]


def test_the_act_a_condition_is_attached_to_is_a_threat(extractor):
    events = _events(extractor, "Iran threatened to close the strait if the United States attacked its ships.")
    assert {(e.actor.code, e.target.code if e.target else None, e.event_type.root) for e in events} == {
        ("IRNGOV", "USAGOV", "13")}


# -- backing one side against another ---------------------------------------

def test_backing_rebels_in_attacks_is_not_cooperation_with_the_side_attacked(extractor):
    for text in ("Libya has supported Chadian rebels in attacks on government garrisons in northern Chad.",
                 "Iran has backed rebel Kurds in raids on army posts in northern Iraq."):
        events = _events(extractor, text)
        backer = events[0].actor.country
        for e in _by(events, backer):
            # the backing is aimed at the rebels, if at anyone; never at the state they attack
            assert e.event_type.quad_class in (1, 2) and (e.target is None or e.target.sector == "REB"), e
        assert not [e for e in _by(events, backer) if e.trigger in ("attacks", "raids")]
    events = _events(extractor, "Pakistan aided Afghan guerrillas in raids on Soviet positions.")
    assert {(e.actor.code, e.target.code if e.target else None, e.event_type.root) for e in events} == {
        ("PAKGOV", "AFGREBMUJ", "07"), ("AFGREBMUJ", "SUN", "19")}


def test_the_place_of_an_activity_is_still_a_place(extractor):
    # "in a new offensive in the mountains of northern Iraq": the offensive's own place phrase
    events = _events(extractor, "Iranian troops are fighting in a new offensive in the mountains of northern Iraq.")
    assert {(e.actor.code, e.target.country if e.target else None, e.event_type.root) for e in events} == {
        ("IRNMIL", "IRQ", "19")}


@pytest.mark.parametrize("text, expected", [
    ("Britain was unwilling to give Argentina a role in the islands.", ("GBRGOV", "ARGGOV", "12")),
    ("Japan is reluctant to lift its tariffs on American rice.", ("JPNGOV", None, "12")),
])
def test_unwilling_and_reluctant_refuse_the_act(extractor, text, expected):
    [event] = _events(extractor, text)
    assert (event.actor.code, event.target.code if event.target else None, event.event_type.root) == expected
    assert event.negated


@pytest.mark.parametrize("text, actor, wrong", [
    ("U.S. naval forces raided an oil platform in response to an Iranian missile attack on a Kuwaiti tanker.",
     "USA", "KWT"),
    ("Israeli jets struck in reprisal for a raid on a Syrian outpost.", "ISR", "SYR"),
    ("Iraq shelled Iranian border towns in retaliation for an attack on a Kuwaiti port.", "IRQ", "KWT"),
])
def test_what_an_act_answers_names_neither_its_target_nor_its_place(extractor, text, actor, wrong):
    events = _by(_events(extractor, text), actor)
    assert events and all(e.target is None or e.target.country != wrong for e in events), events


@pytest.mark.parametrize("text, country, roots", [
    ("Iraq must withdraw its troops.", "IRQ", {"08"}),
    ("The council said Iraq must withdraw its troops.", "IRQ", {"08"}),
    ("Iran should stop attacking ships.", "IRN", {"17", "19"}),
    ("Israel should release the prisoners, Egypt said.", "ISR", {"08"}),
])
def test_what_an_actor_must_or_should_do_is_not_done(extractor, text, country, roots):
    events = _events(extractor, text)
    assert not [e for e in _by(events, country) if e.event_type.root in roots], [(e.code, e.trigger) for e in events]


def test_the_speaker_of_an_obligation_demands_or_appeals(extractor):
    events = _events(extractor, "Israel should release the prisoners, Egypt said.")
    assert {(e.actor.code, e.target.code, e.event_type.root) for e in events} == {("EGYGOV", "ISRGOV", "02")}


@pytest.mark.parametrize("text, country", [
    ("Iran stopped attacking ships.", "IRN"),
    ("Iraq ceased shelling the city.", "IRQ"),
    ("The rebels halted raiding the border villages.", None),
])
def test_an_act_that_ends_is_not_done_that_day(extractor, text, country):
    events = _events(extractor, text)
    assert not [e for e in events if e.event_type.quad_class == 4 or e.code == "170"], [(e.code, e.trigger) for e in events]
    kept = _events(extractor, "Iraq kept shelling the city.")
    assert {(e.actor.code, e.event_type.root) for e in kept} == {("IRQGOV", "19")}
