"""Every example query in geopolkg/queries, run on the store of the seed article.

Expected values come from reading ../shared/articles/bagram-talks.txt
(published Saturday 2025-09-20): Trump spoke on Thursday (2025-09-18) of
wanting Bagram back; the Wall Street Journal reported the US-Taliban
negotiations on Friday (2025-09-19); Kabul rejected any renewed US military
presence; China's spokesperson Lin Jian warned against foreign interference,
and the article notes China's opposition to a renewed US presence.
"""

import pytest

from geopolkg.errors import QueryError
from geopolkg.queries import list_queries, load_query, run_query
from geopolkg.store import open_store

from shared_data import shared_path


@pytest.fixture(scope="module")
def ks(seed_store):
    with open_store(seed_store, read_only=True) as store:
        yield store


def test_every_query_is_documented_and_runs_as_written(ks):
    names = {q.name for q in list_queries()}
    assert {"actor-events", "issue-opposition", "issue-timeline", "person-statements",
            "claim-provenance"} <= names
    for q in list_queries():
        assert q.title and len(q.description) > 40, q.name
        assert all(p.help for p in q.params), q.name
        assert q.render() == q.text  # the defaults in the header are those of the VALUES line
        assert ks.select(q.text), f"{q.name} finds nothing on the seed article"


def test_events_of_the_us_on_thursday_and_friday(ks):
    rows = run_query("actor-events", ks, actor="USAGOV", start="2025-09-18", end="2025-09-19")
    assert {r["date"] for r in rows} == {"2025-09-18", "2025-09-19"}
    friday = [r for r in rows if r["date"] == "2025-09-19"]
    assert [(r["code"][:2], r["target"], r["issue"]) for r in friday] == [("04", "AFGGOV", "bagram")]
    assert "in negotiations with the Taliban" in friday[0]["sentence"]
    thursday_roots = {r["code"][:2] for r in rows if r["date"] == "2025-09-18"}
    assert thursday_roots == {"10"}  # demands: the push to regain Bagram, "We want that base back"


def test_events_of_kabul_on_the_day_of_publication(ks):
    rows = run_query("actor-events", ks, actor="AFGGOV", start="2025-09-20", end="2025-09-20")
    rejections = [r for r in rows if r["code"].startswith("12")]
    assert [(r["target"], r["issue"], r["stance"]) for r in rejections] == [("USAGOV", "bagram", -1)]
    assert rejections[0]["sentence"].startswith("Kabul, however, has firmly rejected")
    assert run_query("actor-events", ks, actor="AFGGOV", start="2025-09-21", end="2025-12-31") == []


def test_who_opposes_whom_on_bagram(ks):
    rows = run_query("issue-opposition", ks, issue="bagram")
    assert {(r["supporter"], r["opponent"]) for r in rows} == {("USAGOV", "AFGGOV"), ("USAGOV", "CHNGOV")}
    by_opponent = {r["opponent"]: r for r in rows}
    assert by_opponent["AFGGOV"]["opponentName"] and by_opponent["CHNGOV"]["supporterName"]
    assert by_opponent["CHNGOV"]["eventsAgainst"] == 1
    assert by_opponent["AFGGOV"]["articles"] == 1
    assert run_query("issue-opposition", ks, issue="no-such-issue") == []


def test_timeline_of_bagram(ks):
    rows = run_query("issue-timeline", ks, issue="bagram")
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert (rows[0]["date"], rows[0]["actor"]) == ("2025-09-18", "USAGOV")
    assert {r["actor"] for r in rows} == {"USAGOV", "AFGGOV", "CHNGOV"}
    rejected = [r for r in rows if r["actor"] == "AFGGOV" and r["code"] == "120"]
    assert [(r["date"], r["target"], r["stance"]) for r in rejected] == [("2025-09-20", "USAGOV", -1)]


def test_statements_of_lin_jian_and_trump(ks):
    lin = run_query("person-statements", ks, person="Lin Jian")
    assert {r["actor"] for r in lin} == {"CHNGOV"}
    warned = [r for r in lin if "warned against foreign interference" in r["sentence"]]
    assert warned
    assert {r["quote"] for r in warned} == {"The future and destiny of Afghanistan should be held "
                                            "in the hands of the Afghan people."}
    trump = run_query("person-statements", ks, person="trump")
    assert {r["name"] for r in trump} == {"Donald Trump"}
    assert any("We want that base back" in r["quote"] for r in trump)
    assert all(r["date"] == "2025-09-18" for r in trump)


def test_articles_behind_kabul_rejecting_washington(ks, seed_article):
    rows = run_query("claim-provenance", ks, actor="AFGGOV", target="USAGOV", root="12")
    assert len(rows) == 1
    row = rows[0]
    assert row["article"] == "bagram-talks"
    assert row["headline"] == "Washington in Talks with Taliban Over Re-Establishing Forces in Afghanistan"
    assert row["published"] == "2025-09-20"
    assert row["sentence"] == "Kabul, however, has firmly rejected the possibility of any renewed US military presence."
    span = seed_article.text[row["start"]:row["end"]]
    assert "rejected" in span and span in row["sentence"]
    assert row["extractor"]
    assert run_query("claim-provenance", ks, actor="USAGOV", target="AFGGOV", root="19") == []


def test_activity_by_month(ks):
    rows = run_query("actor-month-activity", ks)
    assert {r["month"] for r in rows} == {"2025-09"}
    china = next(r for r in rows if r["actor"] == "CHNGOV")
    assert china["conflictEvents"] == 2  # the warning against interference, the opposition to US presence
    assert china["meanGoldstein"] < 1


def test_issues(ks):
    rows = run_query("issues", ks)
    top = rows[0]
    assert (top["key"], top["issueLabel"], top["first"]) == ("bagram", "military presence at Bagram air base",
                                                             "2025-09-18")
    assert top["actors"] == 3


def test_parameters_are_values_never_query_text(ks):
    q = load_query("person-statements")
    hostile = 'x") } DROP ALL ; SELECT * WHERE { ("'
    assert run_query("person-statements", ks, person=hostile) == []
    assert hostile.replace('"', '\\"') in q.render(person=hostile)
    rows = run_query("actor-events", ks, actor='US"> <x', start="2025-01-01", end="2025-12-31")
    assert rows == []
    with pytest.raises(QueryError, match="start"):
        load_query("actor-events").render(start="2025-13-01")
    with pytest.raises(QueryError, match="no parameter"):
        load_query("issues").render(issue="bagram")
    with pytest.raises(QueryError, match="no example query"):
        load_query("nothing")


def test_query_command_runs_an_example(seed_store):
    import json

    from click.testing import CliRunner

    from geopolkg.cli import cli

    result = CliRunner().invoke(cli, ["query", "--store", str(seed_store), "--example", "issue-opposition",
                                      "-p", "issue=bagram", "--format", "json"])
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.output)["results"]["bindings"]
    assert {b["opponent"]["value"] for b in bindings} == {"AFGGOV", "CHNGOV"}
    listing = CliRunner().invoke(cli, ["examples"])
    assert "claim-provenance: The articles behind a claim" in listing.output
    bad = CliRunner().invoke(cli, ["query", "--store", str(seed_store), "--example", "nope"])
    assert bad.exit_code == 1 and "no example query" in bad.output
