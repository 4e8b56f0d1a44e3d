"""GDELT and ICEWS events in the store, beside article events: counts by SPARQL,
rows checked field by field against the files, bad rows, re-ingest, and the
opposition, events and compare commands over a mixed store."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

import geopolkg.api as api
from geopolkg.cli import cli
from geopolkg.graph.opposition import opposition
from geopolkg.store import open_store
from geopolkg.store.datasets import count_dataset_events, dataset_event_ids
from shared_data import shared_path

GDELT = ("event-datasets", "gdelt-20191024143000.export.CSV")
ICEWS = ("event-datasets", "icews-events-2018-sample.tab")
PREFIXES = """PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory):
    """The seed article and both datasets in one store."""
    path = tmp_path_factory.mktemp("datasets") / "store"
    summary = api.ingest([shared_path("articles", "bagram-talks.txt"), shared_path(*GDELT),
                          shared_path(*ICEWS)], path)
    assert summary.failed == [] and summary.stored == 1 and summary.datasets == 2
    return path


def _one(store, sparql):
    rows = store.select(PREFIXES + sparql.replace("SELECT", "SELECT DISTINCT", 1))  # actors are in several graphs
    assert len(rows) == 1, rows
    return rows[0]


def test_every_event_is_stored_one_graph_per_file(mixed_store):
    with open_store(mixed_store, read_only=True) as ks:
        rows = ks.select(PREFIXES + """SELECT ?g (COUNT(DISTINCT ?e) AS ?n) WHERE {
            GRAPH ?g { ?e a gpo:Event } FILTER(CONTAINS(STR(?g), "/graph/dataset/")) } GROUP BY ?g""")
        counts = {r["g"].split("/graph/dataset/")[1].split("/")[0]: r["n"] for r in rows}
        assert counts == {"gdelt": 2111, "icews": 3705}
        assert "gdelt-20191024143000.export.CSV" in [r["g"] for r in rows if "gdelt" in r["g"]][0]
        assert (count_dataset_events(ks, "gdelt"), count_dataset_events(ks)) == (2111, 5816)
        odd = ks.select(PREFIXES + """SELECT DISTINCT ?code WHERE { GRAPH ?g { ?a a gpo:Actor ; gpo:code ?code }
            FILTER(CONTAINS(STR(?g), "/graph/dataset/") && !REGEX(?code, "^[A-Z0-9]{3,}$")) }""")
        assert odd == []  # CAMEO-shaped codes only, even for actors the knowledge base lacks


def test_gdelt_rows_field_by_field(mixed_store):
    with open_store(mixed_store, read_only=True) as ks:
        # line 2: no Actor1; Actor2 IGOEUREEC "THE EU" is the European Union of the knowledge base
        row = _one(ks, """SELECT * WHERE {
          ?e schema:identifier "881990833" ; gpo:cameoCode ?code ; gpo:quadClass ?quad ; gpo:goldstein ?g ;
             gpo:date ?date ; gpo:target/gpo:code ?target ; gpo:targetText ?ttext ;
             prov:generatedAtTime ?added ; prov:wasDerivedFrom ?r ;
             sem:hasPlace [ rdfs:label ?place ; geo:hasGeometry/geo:asWKT ?wkt ] .
          ?r schema:identifier ?report ; schema:url ?url .
          FILTER NOT EXISTS { ?e gpo:actor ?a } }""")
        assert (row["code"], row["quad"], row["g"], row["date"]) == ("040", 1, 1.0, "2018-10-24")
        assert (row["target"], row["ttext"], row["added"]) == ("IGOEUR", "THE EU", "2019-10-24T14:30:00Z")
        assert row["report"] == row["url"] == ("https://belsat.eu/en/news/10-years-of-belarus-participating"
                                               "-in-eastern-partnership-what-is-to-come/")
        assert (row["place"], row["wkt"]) == ("Minsk, Belarus (general), Belarus", "POINT(27.5667 53.9)")
        # line 59: USAGOV "THE US" -> CHN "CHINA", in the United Kingdom
        row = _one(ks, """SELECT ?a ?t ?wkt ?date WHERE { ?e schema:identifier "881990890" ; gpo:actor/gpo:code ?a ;
          gpo:target/gpo:code ?t ; gpo:date ?date ; sem:hasPlace/geo:hasGeometry/geo:asWKT ?wkt }""")
        assert row == {"a": "USAGOV", "t": "CHN", "wkt": "POINT(-4.0 54.0)", "date": "2019-10-23"}
        # line 593: CVL "HUNTER" (no country) -> USAGOV "JOE BIDEN": out of office in 2019, so
        # the knowledge base makes him an elite (USAELI), as it does for articles
        row = _one(ks, """SELECT ?a ?t ?code ?g WHERE { ?e schema:identifier "881991424" ; gpo:actor/gpo:code ?a ;
          gpo:target/gpo:code ?t ; gpo:cameoCode ?code ; gpo:goldstein ?g }""")
        assert row == {"a": "CVL", "t": "USAELI", "code": "012", "g": -0.4}


def test_icews_rows_field_by_field(mixed_store):
    with open_store(mixed_store, read_only=True) as ks:
        row = _one(ks, """SELECT * WHERE {
          ?e schema:identifier "32889836" ; gpo:actor/gpo:code ?a ; gpo:target/gpo:code ?t ; gpo:actorText ?atext ;
             gpo:cameoCode ?code ; gpo:quadClass ?quad ; gpo:goldstein ?g ; gpo:date ?date ; gpo:trigger ?trigger ;
             gpo:sentenceIndex ?sentence ; gpo:sentence ?text ; gpo:charStart ?start ; gpo:charEnd ?end ;
             prov:wasDerivedFrom [ schema:identifier ?story ; schema:publisher ?publisher ] ;
             sem:hasPlace [ rdfs:label ?place ; geo:hasGeometry/geo:asWKT ?wkt ] }""")
        del row["e"]
        assert row == {"a": "BGDGOV", "t": "VNMMIL", "atext": "Foreign Affairs (Bangladesh)", "code": "040",
                       "quad": 1, "g": 1.0, "date": "2018-06-01", "trigger": "Consult", "sentence": 1, "text": "",
                       "start": 0, "end": 0, "story": "icews:story:47400351",
                       "publisher": "Vietnam News Agency Bulletin", "place": "Hanoi, Thanh Pho Ha Noi, Vietnam",
                       "wkt": "POINT(105.841 21.0245)"}
    by_id = {e["id"]: e for e in api.events(mixed_store)}
    trump = by_id["icews-32891068"]  # Donald Trump demands of China (102, -5): president on 2018-06-01
    assert (trump["actor"]["code"], trump["target"]["code"], trump["event_code"], trump["quad_class"],
            trump["goldstein"], trump["article"]) == ("USAGOV", "CHN", "102", 3, -5.0, "icews:story:47400363")
    police = by_id["icews-32891180"]  # Police (India) arrest Children (India)
    assert (police["actor"]["code"], police["target"]["code"], police["event_code"], police["quad_class"]) == (
        "INDCOP", "INDCVL", "173", 4)
    qaeda = by_id["icews-32891139"]  # Romania -> Criminal (Al Qaeda)
    assert (qaeda["actor"]["code"], qaeda["target"]["code"]) == ("ROU", "IMGAQ")
    band = by_id["icews-32891256"]  # Armed Band (Nicaragua), sector Unidentified Forces -> Unspecified Actor
    assert (band["actor"]["code"], band["target"]) == ("NICUAF", None)


def test_events_come_back_through_read_events(mixed_store):
    events = api.events(mixed_store)
    ids = {e["id"] for e in events}
    gdelt = {i for i in ids if i.startswith("gdelt-")}
    icews = {i for i in ids if i.startswith("icews-")}
    # every event with an actor: GDELT has 174 rows without Actor1, ICEWS two
    # whose source is an "Unidentified State Actor" without a country
    assert (len(gdelt), len(icews)) == (2111 - 174, 3705 - 2)
    assert "icews-32890532" not in ids
    articles = [e for e in events if not e["id"].startswith(("gdelt-", "icews-"))]
    assert articles and all(e["sentence"] for e in articles)


def test_opposition_over_articles_and_datasets(mixed_store):
    events = api.events(mixed_store)
    with open_store(mixed_store, read_only=True) as ks:
        from_datasets = dataset_event_ids(ks)
    article_only = [r.to_dict() for r in opposition([e for e in events if e["id"] not in from_datasets], "bagram")]
    mixed = api.opposition(mixed_store, "bagram")
    assert mixed == article_only
    assert ("AFG", "USA") in {(r["a"]["code"], r["b"]["code"]) for r in mixed}
    result = CliRunner().invoke(cli, ["opposition", "--store", str(mixed_store), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)


def test_events_command_lists_both(mixed_store):
    result = CliRunner().invoke(cli, ["events", "--store", str(mixed_store), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert sum(r["id"].startswith("gdelt-") for r in rows) == 1937
    assert sum(r["id"].startswith("icews-") for r in rows) == 3703
    result = CliRunner().invoke(cli, ["events", "--store", str(mixed_store)])
    assert result.exit_code == 0 and "IGOEUR" in result.output


def test_unchanged_file_is_skipped(mixed_store):
    summary = api.ingest([shared_path(*GDELT)], mixed_store)
    assert (summary.unchanged, summary.datasets, summary.events, summary.failed) == (1, 0, 0, [])
    with open_store(mixed_store, read_only=True) as ks:
        assert count_dataset_events(ks, "gdelt") == 2111


def _gdelt_lines(n):
    return shared_path(*GDELT).read_text(encoding="utf-8").splitlines()[:n]


def test_bad_rows_through_ingest_and_cli(tmp_path):
    lines = _gdelt_lines(6)
    lines[2] = "\t".join(lines[2].split("\t")[:40])               # line 3: 40 columns
    fields = lines[4].split("\t")
    fields[1] = "2019-10-24"                                       # line 5: not YYYYMMDD
    lines[4] = "\t".join(fields)
    path = tmp_path / "bad.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["ingest", str(path), "--store", str(store)])
    assert result.exit_code == 1
    assert f"Error: {path}:3: GDELT row has 40 columns" in result.output
    assert f"Error: {path}:5: SQLDATE '2019-10-24' is not a date YYYYMMDD" in result.output
    assert "stored 0 article(s) and 1 dataset file(s) with 4 event(s); 0 unchanged; 2 failed" in result.output
    assert {e["id"] for e in api.events(store)} <= {"gdelt-881990832", "gdelt-881990833", "gdelt-881990835",
                                                    "gdelt-881990837"}
    with open_store(store, read_only=True) as ks:
        assert count_dataset_events(ks) == 4


def test_forced_format_and_a_failing_file_loses_nothing(tmp_path):
    store = tmp_path / "store"
    good = tmp_path / "day.CSV.gz"
    with gzip.open(good, "wt", encoding="utf-8") as out:
        out.write("\n".join(_gdelt_lines(300)) + "\n")
    assert api.ingest([good], store).events == 300
    # a new version of the same file, cut off in the middle of its compressed stream
    data = gzip.compress(("\n".join(_gdelt_lines(2000)) + "\n").encode("utf-8"))
    good.write_bytes(data[: len(data) // 2])
    summary = api.ingest([good], store)
    assert len(summary.failed) == 1 and "cannot read file" in str(summary.failed[0])
    with open_store(store, read_only=True) as ks:
        assert count_dataset_events(ks, "gdelt") == 300
    # a header that is not ICEWS's is refused when sniffing, and the forced format says why
    odd = tmp_path / "events.txt"
    odd.write_text("id\tdate\n1\t2018-06-01\n", encoding="utf-8")
    summary = api.ingest([odd], store, format="icews")
    assert "not an ICEWS event file" in str(summary.failed[0])
    result = CliRunner().invoke(cli, ["ingest", str(odd), "--store", str(store), "--format", "gdelt"])
    assert result.exit_code == 1 and f"{odd}:1: GDELT row has 2 columns" in result.output


def _row(template, **values):
    fields = template.split("\t")
    index = {"id": 0, "day": 1, "a": 5, "a_name": 6, "a_country": 7, "a_type": 12, "t": 15, "t_name": 16,
             "t_country": 17, "t_type": 22, "code": 26, "base": 27, "root": 28, "quad": 29, "goldstein": 30}
    for key, value in values.items():
        fields[index[key]] = value
    return "\t".join(fields)


def test_compare_with_gdelt(tmp_path, mixed_store):
    template = _gdelt_lines(59)[58]  # USAGOV -> CHN
    path = tmp_path / "20250920.export.CSV"
    path.write_text("\n".join([
        _row(template, id="1", day="20250920", a="AFGGOV", a_name="TALIBAN", a_country="AFG", a_type="GOV",
             t="USAGOV", t_name="WASHINGTON", t_country="USA", t_type="GOV", code="112", base="112", root="11",
             quad="3", goldstein="-2.0"),
        _row(template, id="2", day="20250920", a="USA", a_name="UNITED STATES", a_country="USA", a_type="",
             t="AFG", t_name="AFGHANISTAN", t_country="AFG", t_type="", code="042", base="042", root="04",
             quad="1", goldstein="1.9"),
        _row(template, id="3", day="20250921", a="USAGOV", a_name="THE US", a_country="USA", a_type="GOV",
             t="AFGGOV", t_name="KABUL", t_country="AFG", t_type="GOV", code="042", base="042", root="04",
             quad="1", goldstein="1.9"),
    ]) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    assert api.ingest([shared_path("articles", "bagram-talks.txt"), path], store).failed == []
    articles = [e for e in api.events(store) if e["date"] == "2025-09-20" and e["target"]
                and not e["id"].startswith("gdelt-")
                and {e["actor"]["code"][:3], e["target"]["code"][:3]} == {"AFG", "USA"}]
    rows = api.compare(store, "gdelt")
    assert [(r["date"], r["a"]["code"], r["b"]["code"]) for r in rows] == [("2025-09-20", "AFG", "USA")]
    row = rows[0]
    assert row["dataset"] == {"events": 2, "codes": ["042", "112"], "goldstein": -0.05, "tone": "mixed",
                              "evidence": ["gdelt-1", "gdelt-2"]}
    assert row["articles"]["evidence"] == sorted(e["id"] for e in articles) and articles
    assert row["agree"] is False or row["articles"]["tone"] == "mixed"
    # exact codes: only the AFGGOV -> USAGOV event matches the articles' codes
    exact = api.compare(store, "gdelt", match="code")
    assert [r["dataset"]["evidence"] for r in exact] == [["gdelt-1"]]
    # with --all the 21st, which the articles do not cover, is listed too
    result = CliRunner().invoke(cli, ["compare", "--dataset", "gdelt", "--all", "--store", str(store),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    assert ("2025-09-21", 0, 1) in {(r["date"], r["articles"]["events"], r["dataset"]["events"]) for r in listed}
    result = CliRunner().invoke(cli, ["compare", "--store", str(store)])
    assert result.exit_code == 0 and "AFG" in result.output and "042 112" in result.output
    # the ICEWS sample holds nothing from 2025: nothing to compare
    assert api.compare(mixed_store, "icews") == []
