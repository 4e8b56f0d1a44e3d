"""The issue catalogue and users' edits (rename, merge, split) on hand-made events and the seed store."""

import json
import shutil

import pytest
import yaml
from click.testing import CliRunner

import geopolkg.api as api
from geopolkg.cli import cli
from geopolkg.errors import AnalysisError
from geopolkg.graph.issues import EDITS_FILE, apply_edits, issue_catalogue, read_edits

US = {"name": "United States", "code": "USAGOV"}
AF = {"name": "Afghanistan", "code": "AFGGOV"}
CN = {"name": "China", "code": "CHNGOV"}


def _ev(i, actor, key, stance, date, article="a1", target=None):
    return {"id": f"e{i}", "article": article, "actor": actor, "target": target, "issue_key": key,
            "issue": None if key is None else f"{key} label", "stance": stance, "date": date, "confidence": 1.0}


EVENTS = [_ev(1, US, "base", 1, "2025-09-18"), _ev(2, AF, "base", -1, "2025-09-20", "a2", US),
          _ev(3, CN, "base", -1, "2025-09-20", "a2"), _ev(4, US, "base", -1, "2025-09-21", "a3"),
          _ev(5, CN, "sovereignty", 1, None), _ev(6, US, None, 0, "2025-09-22")]


def test_catalogue_by_hand():
    base, sov = issue_catalogue(EVENTS)
    assert (base.key, base.events, base.articles, base.date_min, base.date_max) == ("base", 4, 3, "2025-09-18", "2025-09-21")
    assert base.actors == ["AFG", "CHN", "USA"]
    # the US both supports (e1) and opposes (e4): mixed, so neither list
    assert (base.supporters, base.opponents) == ([], ["AFG", "CHN"])
    assert (sov.key, sov.events, sov.date_min, sov.supporters) == ("sovereignty", 1, "", ["CHN"])
    assert [s.key for s in issue_catalogue(EVENTS, "SOVER")] == ["sovereignty"]


def test_edits_apply_in_order_and_leave_the_input_alone():
    edits = [{"split": "base", "events": ["e4"], "key": "base-us", "label": "US doubts"},
             {"merge": "base", "from": ["sovereignty"]},
             {"rename": "base", "label": "the base question"}]
    out = apply_edits(EVENTS, edits)
    assert [(e["issue_key"], e["issue"]) for e in out] == [
        ("base", "the base question")] * 3 + [("base-us", "US doubts"), ("base", "the base question"), (None, None)]
    assert EVENTS[3]["issue_key"] == "base"
    # edits about issues no event has any more do nothing
    assert apply_edits(EVENTS, [{"rename": "gone", "label": "x"}]) == EVENTS


@pytest.fixture()
def seed_copy(seed_store, tmp_path):
    path = tmp_path / "store"
    shutil.copytree(seed_store, path)
    return path


def _issues(store):
    result = CliRunner().invoke(cli, ["issues", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    return {r["key"]: r for r in json.loads(result.output)}


def test_seed_issues_command(seed_store):
    issues = _issues(seed_store)
    bagram = issues["bagram"]
    assert "Bagram air base" in bagram["label"]
    assert bagram["supporters"] == ["USA"] and bagram["opponents"] == ["AFG", "CHN"]
    # the article (published 2025-09-20) reports Trump's remarks of Thursday the 18th
    assert (bagram["date_min"], bagram["date_max"]) == ("2025-09-18", "2025-09-20")
    assert "foreign-interference" in issues


def test_rename_merge_split_through_the_cli(seed_copy):
    runner = CliRunner()
    store = str(seed_copy)
    r = runner.invoke(cli, ["issues", "--store", store, "rename", "bagram", "US return to Bagram"])
    assert r.exit_code == 0, r.output
    assert _issues(seed_copy)["bagram"]["label"] == "US return to Bagram"
    r = runner.invoke(cli, ["issues", "merge", "bagram", "foreign-interference", "--store", store])
    assert r.exit_code == 0, r.output
    issues = _issues(seed_copy)
    assert "foreign-interference" not in issues and issues["bagram"]["events"] == 6
    # China's warning against foreign interference now counts against the base
    assert api.stance(seed_copy, "bagram")[1]["actor"]["code"] == "CHN"
    china = [e["id"] for e in api.events(seed_copy) if e["issue_key"] == "bagram" and e["actor"]["code"] == "CHNGOV"]
    r = runner.invoke(cli, ["issues", "split", "bagram", *china, "--key", "china-view", "--store", store])
    assert r.exit_code == 0, r.output
    issues = _issues(seed_copy)
    assert issues["china-view"]["events"] == len(china) == 2 and issues["china-view"]["actors"] == ["CHN", "USA"]
    assert issues["bagram"]["events"] == 4
    edits = yaml.safe_load((seed_copy / EDITS_FILE).read_text())["edits"]
    assert [next(iter(e)) for e in edits] == ["rename", "merge", "split"]
    # opposition sees the edits: China no longer opposes the US on the base issue
    pairs = {(r["a"]["code"], r["b"]["code"], r["issue"]) for r in api.opposition(seed_copy)}
    assert ("AFG", "USA", "US return to Bagram") in pairs
    assert not any(a == "CHN" and issue == "US return to Bagram" for a, _, issue in pairs)
    # derived relations in RDF carry the edited issues, with the labels users gave them
    api.derive(seed_copy)
    q = """PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
    SELECT DISTINCT ?key ?label WHERE { GRAPH <https://w3id.org/geopolkg/id/graph/derived> {
      ?r gpo:issue ?i . ?i <https://schema.org/identifier> ?key ; rdfs:label ?label } }"""
    rows = {(r["key"], r["label"]) for r in _select(seed_copy, q)}
    assert ("bagram", "US return to Bagram") in rows and ("china-view", f"{issues['china-view']['label']}") in rows


def _select(store, q):
    from geopolkg.store import open_store

    with open_store(store, read_only=True) as ks:
        return ks.select(q.replace("rdfs:label", "<http://www.w3.org/2000/01/rdf-schema#label>"))


def test_bad_edits_are_one_line_errors(seed_copy):
    runner = CliRunner()
    store = str(seed_copy)
    r = runner.invoke(cli, ["issues", "rename", "no-such", "x", "--store", store])
    assert r.exit_code == 1 and "no issue with key 'no-such'" in r.output and "GK800" in r.output
    r = runner.invoke(cli, ["issues", "split", "bagram", "not-an-event", "--store", store])
    assert r.exit_code == 1 and "not about issue 'bagram'" in r.output
    everything = [e["id"] for e in api.events(seed_copy) if e["issue_key"] == "bagram"]
    r = runner.invoke(cli, ["issues", "split", "bagram", *everything, "--store", store])
    assert r.exit_code == 1 and "rename it instead" in r.output
    assert not (seed_copy / EDITS_FILE).exists()  # nothing written by failed edits
    (seed_copy / EDITS_FILE).write_text("edits:\n  - merge: bagram\n")
    with pytest.raises(AnalysisError, match="edit 1: merge needs 'from'"):
        read_edits(seed_copy)
    r = runner.invoke(cli, ["opposition", "--store", store])
    assert r.exit_code == 1 and EDITS_FILE in r.output
