"""The command line, through click's CliRunner, with the interface that checks rely on."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from geopolkg.cli import cli

from shared_data import shared_path

EVENT_KEYS = {"id", "article", "date", "actor", "target", "event_code", "quad_class", "goldstein",
              "issue", "stance", "sentence", "char_start", "char_end"}


@pytest.fixture()
def runner():
    return CliRunner()


def test_ingest_prints_counts_and_is_idempotent(runner, tmp_path):
    store = str(tmp_path / "s")
    seed = str(shared_path("articles", "bagram-talks.txt"))
    first = runner.invoke(cli, ["ingest", seed, "--store", store])
    assert first.exit_code == 0, first.output
    assert "stored 1 article(s)" in first.output and "event(s)" in first.output
    again = runner.invoke(cli, ["ingest", seed, "--store", store])
    assert "stored 0 article(s)" in again.output and "1 unchanged" in again.output


def test_ingest_with_published_option(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Kabul rejected the American plan for Bagram air base on Friday.")
    store = str(tmp_path / "s")
    assert runner.invoke(cli, ["ingest", str(path), "--store", store, "--published", "2025-09-20"]).exit_code == 0
    [event] = json.loads(runner.invoke(cli, ["events", "--store", store, "--format", "json"]).output)
    assert event["date"] == "2025-09-19"  # the Friday before


def test_events_json_has_the_documented_keys(runner, seed_store):
    result = runner.invoke(cli, ["events", "--store", str(seed_store), "--format", "json"])
    assert result.exit_code == 0
    events = json.loads(result.output)
    assert events and all(EVENT_KEYS <= set(e) for e in events)
    for e in events:
        assert set(e["actor"]) == {"name", "code"}
        assert e["target"] is None or set(e["target"]) == {"name", "code"}
        assert isinstance(e["event_code"], str) and e["event_code"][:2].isdigit()
        assert e["quad_class"] in (1, 2, 3, 4) and e["stance"] in (-1, 0, 1)
        assert len(e["date"]) == 10


def test_min_confidence_filters(runner, seed_store):
    everything = json.loads(runner.invoke(cli, ["events", "--store", str(seed_store), "--format", "json"]).output)
    sure = json.loads(runner.invoke(cli, ["events", "--store", str(seed_store), "--format", "json",
                                          "--min-confidence", "0.85"]).output)
    assert 0 < len(sure) < len(everything)
    assert all(e["confidence"] >= 0.85 for e in sure)


def test_opposition_json(runner, seed_store):
    result = runner.invoke(cli, ["opposition", "--store", str(seed_store), "--issue", "bagram", "--format", "json"])
    rows = json.loads(result.output)
    assert {(r["a"]["code"], r["b"]["code"]) for r in rows} == {("AFG", "USA"), ("CHN", "USA")}
    sectors = json.loads(runner.invoke(cli, ["opposition", "--store", str(seed_store), "--issue", "bagram",
                                             "--format", "json", "--level", "sector"]).output)
    assert {(r["a"]["code"], r["b"]["code"]) for r in sectors} == {("AFGGOV", "USAGOV"), ("CHNGOV", "USAGOV")}
    events = {e["id"] for e in json.loads(runner.invoke(cli, ["events", "--store", str(seed_store),
                                                              "--format", "json"]).output)}
    for r in rows:
        assert r["weight"] > 0 and set(r["evidence"]) <= events


def test_opposition_table_names_the_actors(runner, seed_store):
    result = runner.invoke(cli, ["opposition", "--store", str(seed_store), "--issue", "BAGRAM"])
    assert result.exit_code == 0 and "Afghanistan (AFG)" in result.output and "China (CHN)" in result.output


QUERY = ("PREFIX gpo: <https://w3id.org/geopolkg/ontology#> "
         "SELECT ?code (COUNT(?e) AS ?n) WHERE { ?e gpo:actor/gpo:code ?code } GROUP BY ?code ORDER BY ?code")


def test_query_json_is_sparql_results_json(runner, seed_store):
    result = runner.invoke(cli, ["query", "--store", str(seed_store), "--format", "json", QUERY])
    data = json.loads(result.output)
    assert data["head"]["vars"] == ["code", "n"]
    codes = [b["code"]["value"] for b in data["results"]["bindings"]]
    assert {"AFGGOV", "CHNGOV", "USAGOV"} <= set(codes)


def test_query_csv_and_table(runner, seed_store):
    out = runner.invoke(cli, ["query", "--store", str(seed_store), "--format", "csv", QUERY]).output
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["code", "n"]
    table = runner.invoke(cli, ["query", "--store", str(seed_store), QUERY]).output
    assert "USAGOV" in table


def test_query_from_stdin_and_ask(runner, seed_store):
    result = runner.invoke(cli, ["query", "--store", str(seed_store), "-"],
                           input="ASK { ?s ?p ?o }")
    assert result.output.strip() == "true"


def test_sparql_syntax_error_is_one_line_and_nonzero(runner, seed_store):
    result = runner.invoke(cli, ["query", "--store", str(seed_store), "SELEKT * WHERE {}"])
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:") and "SPARQL syntax error" in lines[0]


def test_update_through_query_is_refused(runner, seed_store):
    result = runner.invoke(cli, ["query", "--store", str(seed_store), "DELETE WHERE { ?s ?p ?o }"])
    assert result.exit_code == 1
    assert "updates" in result.output and "read-only" in result.output
    count = runner.invoke(cli, ["query", "--store", str(seed_store), "--format", "csv",
                                "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]).output
    assert int(count.splitlines()[1]) > 0


def test_missing_input_fails_cleanly(runner, tmp_path):
    result = runner.invoke(cli, ["ingest", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_export_turtle_and_nquads(runner, seed_store, tmp_path):
    import rdflib

    ttl = tmp_path / "g.ttl"
    nq = tmp_path / "g.nq"
    assert runner.invoke(cli, ["export", "--store", str(seed_store), "--format", "turtle", "-o", str(ttl)]).exit_code == 0
    assert runner.invoke(cli, ["export", "--store", str(seed_store), "--format", "nquads", "-o", str(nq)]).exit_code == 0
    g = rdflib.Graph().parse(ttl, format="turtle")
    ds = rdflib.Dataset()
    ds.parse(nq, format="nquads")
    graphs = {str(c.identifier) for c in ds.contexts()}
    assert "https://w3id.org/geopolkg/id/graph/article/bagram-talks" in graphs
    assert len(g) > 100


def test_view_writes_an_offline_page(runner, seed_store, tmp_path):
    out = tmp_path / "v.html"
    result = runner.invoke(cli, ["view", "--store", str(seed_store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert '"USA"' in html and "USAGOV" not in html.split("<script")[0] and "<script src=" not in html


def test_demo_runs_the_main_job_on_the_samples(runner, tmp_path):
    result = runner.invoke(cli, ["demo", "--out", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert "ingested 4 sample article(s)" in result.output  # text, sidecar text, JSON Lines (2), HTML
    rows = json.loads((tmp_path / "demo" / "opposition.json").read_text())
    assert {(r["a"]["code"], r["b"]["code"]) for r in rows} == {("AFG", "USA"), ("CHN", "USA")}
    for name in ("view.html", "graph.nq", "events.json"):
        assert (tmp_path / "demo" / name).exists()
