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
    assert {"IRNGOV", "IRQGOV"} <= set(gulf["actors"]) and gulf["articles"] > 5
    assert gulf["date_max"] <= "1987-12-31"


def test_iran_and_iraq_are_among_the_strongest_conflict_pairs(reuters):
    rows = _json("pairs", "--store", str(reuters), "--top", "3", "--format", "json")
    top = {(r["a"]["code"], r["b"]["code"]): r for r in rows}
    assert ("IRNGOV", "IRQGOV") in top
    pair = top[("IRNGOV", "IRQGOV")]
    assert pair["weight"] < -30 and pair["conflict"] >= 6
    events = {e["id"]: e for e in api.events(reuters)}
    evidence = {(events[i]["article"], events[i]["actor"]["code"], events[i]["date"][:10]) for i in pair["evidence"]}
    assert ("reuters-243", "IRNGOV", "1987-03-01") in evidence     # Iran captured an Iraqi fortification
    assert ("reuters-15230", "IRNGOV", "1987-04-08") in evidence   # Iran killed or wounded 4,000 Iraqis
    assert ("reuters-21002", "IRQGOV", "1987-10-19") in evidence   # Iraq blames Iran for the war
    # "Iraq ... had killed thousands of Iranians": the Iranians (IRN), not the government
    rows = _json("pairs", "--store", str(reuters), "--top", "5", "--format", "json")
    [people] = [r for r in rows if (r["a"]["code"], r["b"]["code"]) == ("IRN", "IRQGOV")]
    assert ("reuters-13527", "IRQGOV", "1987-04-07") in {
        (events[i]["article"], events[i]["actor"]["code"], events[i]["date"][:10]) for i in people["evidence"]}


def test_monthly_windows(reuters):
    result = _json("trends", "--store", str(reuters), "--window", "month", "--format", "json")
    months = {w["window"]: w for w in result["windows"]}
    # the geopolitics stories are from March, April, June and October 1987
    assert {"1987-03", "1987-04", "1987-06", "1987-10"} <= set(months)
    assert all(months[m]["events"] > 50 for m in ("1987-03", "1987-04", "1987-06", "1987-10"))
    from geopolkg.graph.trends import pair_tones

    tones = pair_tones(api.events(reuters), "month")[("IRNGOV", "IRQGOV")]
    # April: the Karbala offensives near Basra; Iran's claims of killing thousands of Iraqis
    # (reuters-14419, reuters-15230) are fights (Goldstein -10), so the month is well below zero
    assert tones["1987-04"]["tone"] < -5 and tones["1987-04"]["events"] >= 2


def test_camps_put_iran_and_iraq_apart(reuters):
    result = api.camps(reuters)
    camp = {a["code"]: c["camp"] for c in result["camps"] for a in c["actors"]}
    assert camp["IRNGOV"] != camp["IRQGOV"]
    assert 0 <= result["frustration"]["index"] < 0.5
