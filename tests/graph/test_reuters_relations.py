"""Relations on the 441 Reuters geopolitics stories of 1987, checked against stories read by hand.

Stories read (../shared/corpora/reuters-21578-geopolitics.jsonl):

* reuters-243 (1987-03-01) "IRAN CLAIMS NEW VICTORIES NEAR BASRA": "Iran said its forces had
  captured one of Iraq's strongest fortifications east of Basra";
* reuters-13527 (1987-04-07) "IRAQ SAYS IRAN OFFENSIVE ON SOUTHERN FRONT CHECKED": "Iraq said
  today its troops had killed thousands of Iranians";
* reuters-15230 (1987-04-08) "IRAQI TROOPS REPORTED PUSHING BACK IRANIANS": "(Iran said its
  troops had killed or wounded more than 4,000 Iraqis ...)";
* reuters-21002 (1987-10-19) "HUGE OIL PLATFORMS DOT GULF LIKE BEACONS": "Iraq blames Iran for
  the outbreak of hostilities".
"""

import json

import pytest
from click.testing import CliRunner

import geopolkg.api as api
from geopolkg.cli import cli

from shared_data import shared_path


@pytest.fixture(scope="module")
def reuters(tmp_path_factory):
    path = tmp_path_factory.mktemp("reuters") / "store"
    summary = api.ingest([shared_path("corpora", "reuters-21578-geopolitics.jsonl")], path)
    assert summary.stored == 441 and not summary.failed
    return path


def _json(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_issues_are_listed(reuters):
    issues = {r["key"]: r for r in _json("issues", "--store", str(reuters), "--format", "json")}
    assert len(issues) > 50
    # tanker attacks and US escorts in the Gulf: Iran, Iraq and the US all act on it
    gulf = issues["gulf"]
    assert {"IRN", "IRQ"} <= set(gulf["actors"]) and gulf["articles"] > 5
    assert gulf["date_max"] <= "1987-12-31"


def test_iran_and_iraq_are_among_the_strongest_conflict_pairs(reuters):
    rows = _json("pairs", "--store", str(reuters), "--top", "3", "--format", "json")
    top = {(r["a"]["code"], r["b"]["code"]): r for r in rows}
    # one node per country: Iran's government, forces and people are Iran
    assert ("IRN", "IRQ") in top and ("IRN", "USA") in top
    pair = top[("IRN", "IRQ")]
    assert pair["weight"] < -30 and pair["conflict"] >= 6
    events = {e["id"]: e for e in api.events(reuters)}
    evidence = {(events[i]["article"], events[i]["actor"]["code"], events[i]["date"][:10]) for i in pair["evidence"]}
    assert ("reuters-243", "IRNGOV", "1987-03-01") in evidence     # Iran captured an Iraqi fortification
    assert ("reuters-15230", "IRNGOV", "1987-04-08") in evidence   # Iran killed or wounded 4,000 Iraqis
    assert ("reuters-21002", "IRQGOV", "1987-10-19") in evidence   # Iraq blames Iran for the war
    # "Iraq ... had killed thousands of Iranians": the Iranians (IRN), not the government, as the
    # sector level shows; the country level counts it for Iran-Iraq
    assert ("reuters-13527", "IRQGOV", "1987-04-07") in evidence
    rows = _json("pairs", "--store", str(reuters), "--top", "10", "--format", "json", "--level", "sector")
    [people] = [r for r in rows if (r["a"]["code"], r["b"]["code"]) == ("IRN", "IRQGOV")]
    assert ("reuters-13527", "IRQGOV", "1987-04-07") in {
        (events[i]["article"], events[i]["actor"]["code"], events[i]["date"][:10]) for i in people["evidence"]}


def _nodes_of(rows):
    for r in rows:
        yield r["a"]["code"], r["b"]["code"]


def _one_per_country(codes):
    """No country twice: every code of a state's sector or its people is the bare country code."""
    from geopolkg.graph.level import CHALLENGER_SECTORS, node_country

    for code in codes:
        if node_country(code) and code[3:6] not in CHALLENGER_SECTORS:
            assert len(code) == 3, code


def test_no_country_twice_and_no_pair_of_one_country(reuters):
    """Issue 17 item 1: pairs, opposition, alignment, camps, centrality and the view count one
    node per country; the US government against US forces is domestic, never a pair."""
    from geopolkg.graph.level import same_side

    outputs = {name: _json(name, "--store", str(reuters), "--format", "json", *extra)
               for name, extra in (("pairs", ("--sign", "all", "--top", "10000")), ("opposition", ()),
                                   ("alignment", ()))}
    for name, rows in outputs.items():
        pairs = list(_nodes_of(rows))
        assert pairs, name
        _one_per_country(code for pair in pairs for code in pair)
        assert not [p for p in pairs if same_side(*p)], name
    camps = api.camps(reuters)
    _one_per_country(a["code"] for c in camps["camps"] for a in c["actors"])
    rows = _json("centrality", "--store", str(reuters), "--format", "json", "--top", "10000")
    _one_per_country(r["actor"]["code"] for r in rows)
    G = api.actor_graph(reuters)
    _one_per_country(G.nodes)
    assert not [(u, v) for u, v in G.edges() if same_side(u, v)]
    # the sector level still shows sectors: the US government and the US military apart
    rows = _json("pairs", "--store", str(reuters), "--format", "json", "--sign", "all", "--top", "10000",
                 "--level", "sector")
    codes = {c for pair in _nodes_of(rows) for c in pair}
    assert {"USAGOV", "IRNGOV", "IRQGOV"} <= codes and any(c.endswith("MIL") for c in codes)


def test_the_soviet_government_of_1987_is_one_actor(reuters):
    """Issue 17 item 2: "Moscow" and "the Kremlin" of 1987 are the Soviet Union, as "the Soviet
    Union" and Gorbachev are, not Russia."""
    events = api.events(reuters)
    moscow = [e for e in events if e["sentence"].lstrip().startswith(("Moscow ", "The Kremlin "))]
    assert moscow and all(e["actor"]["code"].startswith("SUN") for e in moscow if "Moscow" in e["sentence"][:8])
    assert not [e for e in events if e["actor"]["code"].startswith("RUS")
                and any(w in e["sentence"] for w in ("Moscow", "Kremlin", "Soviet"))]


def test_no_event_is_dated_outside_the_months_of_the_stories(reuters):
    """Issue 17 item 6: the stories are of 1987 (February to October); no event is dated by a
    date inside its content ("a five-year plan ending June 30 1992", "until his term ends on
    October 30"), so none falls outside 1986-12 to 1988-01."""
    events = api.events(reuters)
    outside = [(e["date"], e["sentence"]) for e in events if e["date"] and not "1986-12" <= e["date"][:7] <= "1988-01"]
    assert outside == []
    result = _json("trends", "--store", str(reuters), "--window", "month", "--format", "json")
    assert {w["window"] for w in result["windows"]} <= {f"1987-{m:02d}" for m in range(1, 13)}


def test_statements_are_not_cooperation(reuters):
    """Issue 17 item 4: no cooperation edge rests on neutral statements (CAMEO 010, Goldstein 0)."""
    G = api.actor_graph(reuters)
    events = {e["id"]: e for e in api.events(reuters)}
    coop = [(u, v, d) for u, v, d in G.edges(data=True) if d["relation"] == "cooperation"]
    assert coop
    for u, v, d in coop:
        ids = [x["id"] for x in json.loads(d["evidence"])]
        assert all(float(events[i]["goldstein"]) > 0 for i in ids), (u, v)
    # Iran and Iraq, at war: conflict outweighs anything else many times over
    war = api.signed_graph(reuters).edges["IRN", "IRQ"]
    assert war["conflict"] > 10 * war["cooperation"] and war["weight"] < -100
    signed = api.signed_graph(reuters)
    assert all(d["cooperation"] + d["conflict"] + d["neutral"] == d["count"] for _, _, d in signed.edges(data=True))


def test_monthly_windows(reuters):
    result = _json("trends", "--store", str(reuters), "--window", "month", "--format", "json")
    months = {w["window"]: w for w in result["windows"]}
    # the geopolitics stories are from March, April, June and October 1987
    assert {"1987-03", "1987-04", "1987-06", "1987-10"} <= set(months)
    assert all(months[m]["events"] > 50 for m in ("1987-03", "1987-04", "1987-06", "1987-10"))
    from geopolkg.graph.trends import pair_tones

    tones = pair_tones(api.events(reuters), "month")[("IRN", "IRQ")]
    # April: the Karbala offensives near Basra; Iran's claims of killing thousands of Iraqis
    # (reuters-14419, reuters-15230) are fights (Goldstein -10), so the month is well below zero
    assert tones["1987-04"]["tone"] < -5 and tones["1987-04"]["events"] >= 2


def test_camps_come_from_evidence_and_say_how_sure_they_are(reuters):
    """Issue 17 item 7: Iran and Iraq apart, the United States and the Soviet Union of 1987 not in
    one camp, no camp of one among the camps (actors without an ally stand apart, actors with too
    little evidence are left out), every camp with its stability."""
    result = api.camps(reuters)
    camp = {a["code"]: c["camp"] for c in result["camps"] for a in c["actors"]}
    alone = {a["code"] for a in result["alone"]}
    assert all(len(c["actors"]) >= 2 and 0 < c["stability"] <= 1 for c in result["camps"])
    assert camp.get("IRN", "IRN") != camp.get("IRQ", "IRQ")
    assert "USA" in camp or "USA" in alone
    assert camp.get("USA", "USA") != camp.get("SUN", "SUN")
    assert result["left_out"] and not {a["code"] for a in result["left_out"]} & (set(camp) | alone)
    assert 0 <= result["frustration"]["index"] < 0.5
