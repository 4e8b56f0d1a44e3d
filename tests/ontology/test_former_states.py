"""Former states in the actor knowledge base: names that resolve by the article's date (issue 17, item 2).

Dates from the states' histories: the Soviet Union to 1991-12-25 (Russia
from 1991-12-26); Yugoslavia to 2003-02-03, Serbia and Montenegro to
2006-06-04, then Serbia; Czechoslovakia to 1992-12-31; East Germany to
1990-10-02 (West Germany, the Federal Republic, is Germany's code DEU); Zaire
from 1971-10-27 to 1997-05-16; South Yemen to 1990-05-21 (North Yemen, the
Yemen Arab Republic, is Yemen's code YEM). The sentences are written for
these tests.
"""

import datetime as dt

import pytest

from geopolkg.loaders import Article
from geopolkg.ontology.actors import load_kb


def _events(extractor, text, day):
    return extractor.extract(Article("t", text, published=dt.date.fromisoformat(day))).events


def _triples(events):
    return {(e.actor.code, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize("day, code", [("1987-03-02", "SUNGOV"), ("1991-12-25", "SUNGOV"),
                                       ("1991-12-26", "RUSGOV"), ("2020-03-02", "RUSGOV")])
def test_moscow_and_the_kremlin_are_the_soviet_union_until_its_end(extractor, day, code):
    for text in ("The Kremlin criticized the United States.", "Moscow accused Washington of spying."):
        assert _triples(_events(extractor, text, day)) == {(code, "USAGOV")}


def test_soviet_officials_and_russians_of_1987_are_the_soviet_union(extractor):
    day = "1987-03-02"
    assert {e.actor.code for e in _events(extractor, "Soviet officials criticized the United States.", day)} == {
        "SUNGOV"}
    assert {e.actor.code for e in _events(extractor, "Russian troops attacked Afghan rebels.", day)} == {"SUNMIL"}
    assert {e.actor.code for e in _events(extractor, "Russian troops attacked Georgian rebels.", "2008-08-09")} == {
        "RUSMIL"}
    # people of the Soviet government, by their dated roles
    assert {e.actor.code for e in _events(extractor, "Gorbachev criticized the United States.", day)} == {"SUNGOV"}


@pytest.mark.parametrize("day, expected", [
    ("1987-03-02", ("YUGGOV", "CSKGOV")),   # Yugoslavia and Czechoslovakia
    ("2004-05-03", ("SCGGOV", "CZEGOV")),   # Serbia and Montenegro, the Czech Republic
    ("2012-01-01", ("SRBGOV", "CZEGOV")),
])
def test_belgrade_and_prague_by_date(extractor, day, expected):
    events = _events(extractor, "Belgrade protested to Prague over the border incident.", day)
    assert _triples(events) == {expected}


@pytest.mark.parametrize("day, code", [("1990-06-01", "ZARGOV"), ("2005-06-01", "CODGOV")])
def test_kinshasa_is_zaire_from_1971_to_1997(extractor, day, code):
    assert _triples(_events(extractor, "Kinshasa expelled the Belgian ambassador.", day)) == {(code, "BELGOV")}


def test_zaireans_and_east_germans_are_their_states(extractor):
    assert {e.actor.code for e in _events(extractor, "Zairean troops attacked Angolan rebels.", "1990-06-01")} == {
        "ZARMIL"}
    events = _events(extractor, "East Berlin criticized Bonn.", "1985-05-01")
    assert _triples(events) == {("DDRGOV", "DEUGOV")}
    assert [(e.actor.name, e.target.name) for e in events] == [("East Germany", "West Germany")]


def test_aden_is_south_yemen_until_unification(extractor):
    [event] = _events(extractor, "Aden accused Sanaa of backing the rebels.", "1986-02-01")
    assert (event.actor.code, event.target.code) == ("YMDGOV", "YEMGOV")
    assert (event.actor.name, event.target.name) == ("South Yemen", "North Yemen")
    # after 1990-05-22 Aden is a city of (united) Yemen: its seat passes to the successor
    [event] = _events(extractor, "Aden accused the rebels of looting.", "1995-02-01")
    assert event.actor.code == "YEMGOV" and event.actor.name == "Yemen"


def test_the_knowledge_base_by_date():
    kb = load_kb(extra_paths=[])
    day87, day20 = dt.date(1987, 3, 2), dt.date(2020, 3, 2)
    assert kb.key_on("demonym:RUS", "Russian", day87) == "demonym:SUN"
    assert kb.key_on("demonym:CZE", "Czech", day87) == "demonym:CSK"
    assert kb.key_on("seat:RUS:Moscow", "Moscow", None) == "seat:RUS:Moscow"   # no date: today's
    assert kb.key_on("seat:RUS:Moscow", "Moscow", day20) == "seat:RUS:Moscow"
    assert kb.actor("DEU", day87).name == "West Germany" and kb.actor("DEU", day20).name == "Germany"
    assert kb.actor("DEUMIL", day87).name == "West Germany military"
    for code in ("SUN", "YUG", "SCG", "CSK", "DDR", "ZAR", "YMD"):
        assert kb.entries[f"country:{code}"].valid_until is not None, code


def test_a_former_state_needs_an_iso_3166_3_code():
    from geopolkg.errors import OntologyError
    from geopolkg.ontology.actors import _check_former_state

    _check_former_state("SUN")
    _check_former_state("XKX")  # user-assigned
    with pytest.raises(OntologyError, match="ISO 3166-3"):
        _check_former_state("QQQ")
