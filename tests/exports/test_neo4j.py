"""The Neo4j CSV files follow neo4j-admin's header rules, and load with
COPY FROM into LadybugDB (the maintained fork of Kuzu), where Cypher gives
the same who-opposes-whom pairs as ``geopolkg opposition``; the Cypher
script's MERGE statements load the same graph, idempotently."""

from __future__ import annotations

import csv
import json
import re

import pytest
from click.testing import CliRunner

from geopolkg.cli import cli
from geopolkg.exports.neo4j import NODE_FILES, RELATIONSHIP_FILES, parse_header

lb = pytest.importorskip("ladybug", reason="the test extra installs ladybug (LadybugDB)")

# Neo4j import header types (operations manual, "CSV header format").
NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "date",
               "localtime", "time", "localdatetime", "datetime", "duration", "point"}
# The same types in LadybugDB, for the tables the test creates.
LADYBUG_TYPES = {"string": "STRING", "int": "INT64", "float": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE",
                 "string[]": "STRING", "ID": "STRING", "START_ID": "STRING", "END_ID": "STRING",
                 "LABEL": "STRING", "TYPE": "STRING"}


def _read(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def _opposition_pairs(seed_store) -> set:
    # the export holds the codes as stored, so it agrees with the sector level
    out = CliRunner().invoke(cli, ["opposition", "--store", str(seed_store), "--format", "json",
                                   "--level", "sector"]).output
    return {(r["a"]["code"], r["b"]["code"], r["issue_key"], round(r["weight"], 3)) for r in json.loads(out)}


@pytest.fixture(scope="module")
def folder(exported):
    return exported("neo4j")


def test_files_follow_the_header_rules(folder):
    ids = {}
    for name, (group, label, _) in NODE_FILES.items():
        header, rows = _read(folder / name)
        kinds = [parse_header(c) for c in header]
        assert [k[1] for k in kinds].count("ID") == 1 and [k[1] for k in kinds].count("LABEL") == 1
        id_col = next(i for i, k in enumerate(kinds) if k[1] == "ID")
        assert kinds[id_col][2] == group
        for prop, kind, _ in kinds:
            assert kind in NEO4J_TYPES | {"ID", "LABEL"} or kind.endswith("[]"), (name, prop, kind)
        values = [r[id_col] for r in rows]
        assert len(values) == len(set(values)), f"duplicate ids in {name}"
        assert all(v for v in values)
        ids[group] = set(values)
        label_col = [k[1] for k in kinds].index("LABEL")
        assert all(label in r[label_col].split(";") for r in rows)
        for i, (prop, kind, _) in enumerate(kinds):
            for r in rows:
                if r[i] == "":
                    continue
                if kind == "int":
                    int(r[i])
                elif kind == "float":
                    float(r[i])
                elif kind == "boolean":
                    assert r[i] in ("true", "false")
                elif kind == "date":
                    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r[i])
    assert {"AFGGOV", "CHNGOV", "USAGOV"} <= ids["Actor"]
    for name, (rtype, start, end, _) in RELATIONSHIP_FILES.items():
        header, rows = _read(folder / name)
        assert header[:3] == [f":START_ID({start})", f":END_ID({end})", ":TYPE"]
        for r in rows:
            assert r[2] == rtype
            assert r[0] in ids[start] and r[1] in ids[end], f"{name}: a relationship end is missing: {r[:2]}"
    assert (folder / "load.cypher").exists()
    assert "neo4j-admin database import full" in (folder / "import.sh").read_text()


def _schema(conn):
    for name, (group, _, columns) in NODE_FILES.items():
        cols = []
        for column in columns:
            prop, kind, _ = parse_header(column)
            cols.append(f"{'labels' if kind == 'LABEL' else prop} {LADYBUG_TYPES[kind]}"
                        + (" PRIMARY KEY" if kind == "ID" else ""))
        conn.execute(f"CREATE NODE TABLE {group}({', '.join(cols)})")
    for name, (rtype, start, end, props) in RELATIONSHIP_FILES.items():
        cols = [f"{parse_header(p)[0]} {'STRING[]' if p.endswith('[]') else LADYBUG_TYPES[parse_header(p)[1]]}"
                for p in props]
        conn.execute(f"CREATE REL TABLE {rtype}(FROM {start} TO {end}{''.join(', ' + c for c in cols)})")


def _copy(conn, folder):
    """COPY every file with the header's types; string[] split on Neo4j's ';' array delimiter."""
    for name, (group, _, columns) in NODE_FILES.items():
        names = [f"c{i}" for i in range(len(columns))]
        heads = ", ".join(f"{n} {LADYBUG_TYPES[parse_header(c)[1]]}" for n, c in zip(names, columns))
        conn.execute(f"COPY {group} FROM (LOAD WITH HEADERS ({heads}) FROM '{folder / name}' (header=true) "
                     f"RETURN {', '.join(names)})")
    for name, (rtype, start, end, props) in RELATIONSHIP_FILES.items():
        columns = [":START_ID", ":END_ID", ":TYPE"] + props
        names = [f"c{i}" for i in range(len(columns))]
        heads = ", ".join(f"{n} {LADYBUG_TYPES[parse_header(c)[1]]}" for n, c in zip(names, columns))
        ret = ["c0", "c1"] + [f"string_split({n}, ';')" if c.endswith("[]") else n
                              for n, c in zip(names[3:], props)]
        conn.execute(f"COPY {rtype} FROM (LOAD WITH HEADERS ({heads}) FROM '{folder / name}' (header=true) "
                     f"RETURN {', '.join(ret)})")


def _rows(conn, query, params=None):
    result = conn.execute(query, params or {})
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


WHO_OPPOSES_WHOM = ("MATCH (a:Actor)-[o:OPPOSES]->(b:Actor) "
                    "RETURN a.code, b.code, o.issueKey, o.weight, o.evidence")


def _counts(conn) -> dict:
    tables = [g for g, _, _ in NODE_FILES.values()] + [t for t, _, _, _ in RELATIONSHIP_FILES.values()]
    out = {}
    for table in tables:
        pattern = f"(n:{table})" if table[0].isupper() and not table.isupper() else f"()-[n:{table}]->()"
        out[table] = _rows(conn, f"MATCH {pattern} RETURN count(n)")[0][0]
    return out


def _file_counts(folder) -> dict:
    out = {g: len(_read(folder / n)[1]) for n, (g, _, _) in NODE_FILES.items()}
    out.update({t: len(_read(folder / n)[1]) for n, (t, _, _, _) in RELATIONSHIP_FILES.items()})
    return out


def test_csv_loads_into_ladybug_and_cypher_gives_the_opposition_pairs(folder, seed_store, tmp_path):
    conn = lb.Connection(lb.Database(str(tmp_path / "db")))
    _schema(conn)
    _copy(conn, folder)
    assert _counts(conn) == _file_counts(folder)
    rows = _rows(conn, WHO_OPPOSES_WHOM)
    assert {(a, b, k, round(w, 3)) for a, b, k, w, _ in rows} == _opposition_pairs(seed_store)
    assert {("AFGGOV", "USAGOV"), ("CHNGOV", "USAGOV")} <= {(a, b) for a, b, k, _, _ in rows if k == "bagram"}
    # the evidence of each pair is events of its actors, about its issue
    for a, b, key, _, evidence in rows:
        for event in evidence:
            found = _rows(conn, "MATCH (x:Actor)-[:ACTOR_OF]->(e:Event {id: $id})-[:ABOUT]->(i:Issue) "
                                "RETURN x.code, i.key", {"id": event})
            assert found and found[0][0] in (a, b) and found[0][1] == key
    dated = _rows(conn, "MATCH (e:Event) WHERE e.date >= date('2025-09-18') RETURN count(e)")[0][0]
    assert dated == _file_counts(folder)["Event"]


def _script_statements(text: str):
    """(kind, body) for each line of the Cypher script: params, statements; comments dropped."""
    for line in text.splitlines():
        if not line.strip() or line.startswith("//"):
            continue
        if line.startswith(":param "):
            name, _, value = line[len(":param "):].partition(" => ")
            yield "param", (name, value)
        else:
            yield "cypher", line


def test_cypher_script_merges_the_same_graph_idempotently(folder, seed_store, tmp_path):
    conn = lb.Connection(lb.Database(str(tmp_path / "db")))
    _schema(conn)
    script = (folder / "load.cypher").read_text(encoding="utf-8")
    skipped = []

    def run():
        params = {}
        for kind, body in _script_statements(script):
            if kind == "param":
                name, value = body
                # cypher-shell evaluates a parameter's expression on the server; so does this.
                params[name] = _rows(conn, f"RETURN {value} AS v")[0][0]
            elif body.startswith("CREATE CONSTRAINT") or " SET n:" in body:
                skipped.append(body)    # Neo4j schema and extra labels: LadybugDB has primary keys, one label
            else:
                conn.execute(body, {k: v for k, v in params.items() if f"${k}" in body})
    run()
    first = _counts(conn)
    assert first == _file_counts(folder)
    run()
    assert _counts(conn) == first
    rows = _rows(conn, WHO_OPPOSES_WHOM)
    assert {(a, b, k, round(w, 3)) for a, b, k, w, _ in rows} == _opposition_pairs(seed_store)
    assert len(skipped) == 2 * (4 + 4)


def test_untrusted_text_cannot_end_a_cypher_string():
    from geopolkg.exports.neo4j import _literal

    evil = 'x"}]; MATCH (n) DETACH DELETE n; //\n\\'
    literal = _literal({"sentence": evil})
    assert literal == '{sentence: "x\\"}]; MATCH (n) DETACH DELETE n; //\\n\\\\"}'
