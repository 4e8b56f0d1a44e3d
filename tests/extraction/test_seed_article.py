"""The seed article (bagram-talks.txt, published Saturday 2025-09-20), with
expected events worked out by reading it."""

import datetime as dt


def _find(events, actor, root, *, target=None, words=None):
    found = [e for e in events if e.actor.code == actor and e.event_type.root == root
             and (target is None or (e.target and e.target.code == target))
             and (words is None or words in e.sentence)]
    assert found, f"no {actor} {root} event toward {target} in a sentence with {words!r}"
    return found[0]


def test_us_negotiates_with_the_taliban_about_bagram(seed_result):
    # "The United States is in negotiations with the Taliban about re-establishing ... Bagram air base,
    #  ... according to a report by The Wall Street Journal on Friday."  Friday before 2025-09-20.
    e = _find(seed_result.events, "USAGOV", "04", target="AFGGOV", words="in negotiations with the Taliban")
    assert e.code == "046"
    assert e.date == dt.date(2025, 9, 19)
    assert e.issue is not None and "Bagram" in e.issue.label


def test_trump_demands_the_base_back(seed_result):
    # Trump spoke on Thursday 2025-09-18 ("described on Thursday"; the quote follows in the paragraph).
    e = _find(seed_result.events, "USAGOV", "10", target="AFGGOV", words="We want that base back")
    assert e.date == dt.date(2025, 9, 18)
    assert e.actor_person == "Donald Trump"
    assert e.stance == 1
    # "Washington's push to regain access to Bagram air base, which President Donald Trump described
    # on Thursday as strategically vital": Thursday is the day Trump described the base, in a clause
    # of its own; the push is dated by the report (issue 17: never by a date inside its content)
    push = _find(seed_result.events, "USAGOV", "10", words="push to regain access to Bagram")
    assert push.date == dt.date(2025, 9, 20)


def test_taliban_government_rejects_us_military_presence(seed_result):
    e = _find(seed_result.events, "AFGGOV", "12", target="USAGOV", words="firmly rejected")
    assert e.actor_text == "Kabul"
    assert e.stance == -1 and e.issue.key == "bagram"


def test_china_opposes_foreign_interference(seed_result):
    e = _find(seed_result.events, "CHNGOV", "11", target="USAGOV", words="warned against foreign interference")
    assert e.actor_text == "Lin"
    assert e.stance == -1


def test_china_supports_afghan_sovereignty(seed_result):
    e = _find(seed_result.events, "CHNGOV", "05", target="AFGGOV", words="respect for Afghanistan")
    assert e.stance == 1 and "sovereignty" in e.issue.label


def test_china_opposes_renewed_us_presence(seed_result):
    e = _find(seed_result.events, "CHNGOV", "11", target="USAGOV", words="China\u2019s opposition to renewed US presence")
    assert e.issue.key == "bagram" and e.stance == -1


def test_boehler_meets_muttaqi_on_a_saturday(seed_result):
    e = _find(seed_result.events, "USAGOV", "04", target="AFGGOV", words="met with Taliban foreign minister")
    assert e.date.weekday() == 5  # a Saturday
    assert e.actor_person == "Adam Boehler"


def test_no_event_from_teasers_and_offsets_point_into_the_text(seed_result, seed_article):
    text = seed_article.text
    for e in seed_result.events:
        assert e.sentence in text
        span = text[e.char_start:e.char_end]
        assert span and span in e.sentence
        assert e.trigger in span
        for teaser in ("Pezeshkian", "Erdogan", "Sanchez", "General Assembly", "Palestinian"):
            assert teaser not in e.sentence


def test_every_event_is_fully_coded(seed_result):
    for e in seed_result.events:
        assert e.event_type.quad_class in (1, 2, 3, 4)
        assert -10 <= e.event_type.goldstein <= 10
        assert e.event_type.plover_type
        assert e.stance in (-1, 0, 1)
        assert 0 < e.confidence <= 1
        assert e.date is not None


def test_the_bagram_issue_merges_its_phrasings(seed_result):
    bagram = [i for i in seed_result.issues if i.key == "bagram"]
    assert len(bagram) == 1
    labels = {p.label for p in bagram[0].phrases}
    # the article's own words for the same thing
    assert any("US military presence" in label for label in labels)
    assert any("Afghan soil" in label for label in labels)
    assert bagram[0].location == "AFG"
