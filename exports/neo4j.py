"""Neo4j export: CSV files for ``neo4j-admin database import`` and a Cypher
script of idempotent ``MERGE`` statements for ``cypher-shell``.

The property graph (labels in PascalCase, relationship types in
UPPER_SNAKE_CASE, properties in camelCase, as the Neo4j Cypher style guide
asks)::

    (:Actor)-[:ACTOR_OF]->(:Event)-[:TARGETS]->(:Actor)
    (:Event)-[:ABOUT {stance}]->(:Issue)
    (:Event)-[:FROM_ARTICLE]->(:Article)
    (:Actor)-[:OPPOSES {issue, issueKey, weight, evidence}]->(:Actor)
    (:Actor)-[:ALIGNS_WITH {issue, issueKey, weight, evidence}]->(:Actor)

Actors also carry their kind as a second label (``Government``, ``State``,
``ArmedGroup``, ``Organization``). ``OPPOSES`` goes from the side against the
issue to the side for it, as :func:`geopolkg.graph.opposition` orders a pair.

CSV header rules (Neo4j operations manual, "Import: CSV header format"):
node files have an ``:ID(Group)`` column and a ``:LABEL`` column (labels
separated by ``;``); relationship files have ``:START_ID(Group)``,
``:END_ID(Group)`` and ``:TYPE``; other columns are ``name:type`` with
``int``, ``float``, ``boolean``, ``date`` or ``string[]`` (``;``-separated),
plain ``name`` for strings. One ID group per node file (``Actor``, ``Event``,
``Article``, ``Issue``), so ids never collide across kinds. Free text
(sentences, titles) has its runs of white space, line breaks included,
made single spaces, so every record is one line; the exact text is in the
RDF exports.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ExportError
from .base import register, write_bytes
from .selection import Selection

__all__ = ["Neo4jTables", "neo4j_tables", "write_neo4j", "cypher_script", "parse_header", "Neo4jExporter",
           "NODE_FILES", "RELATIONSHIP_FILES"]

#: Node file -> (ID group, label, columns after the id).
NODE_FILES = {
    "actors.csv": ("Actor", "Actor", ["code:ID(Actor)", "name", "kind", "events:int", ":LABEL"]),
    "events.csv": ("Event", "Event", ["id:ID(Event)", "cameoCode", "cameoRoot", "quadClass:int", "goldstein:float",
                                      "ploverType", "stance:int", "confidence:float", "intent:boolean",
                                      "negated:boolean", "date:date", "sentence", "trigger", "charStart:int",
                                      "charEnd:int", ":LABEL"]),
    "articles.csv": ("Article", "Article", ["id:ID(Article)", "title", "published:date", "source", "url", ":LABEL"]),
    "issues.csv": ("Issue", "Issue", ["key:ID(Issue)", "label", ":LABEL"]),
}

_PAIR = ["issue", "issueKey", "weight:float", "events:int", "evidence:string[]"]

#: Relationship file -> (type, start group, end group, property columns).
RELATIONSHIP_FILES = {
    "actor_of.csv": ("ACTOR_OF", "Actor", "Event", []),
    "targets.csv": ("TARGETS", "Event", "Actor", []),
    "about.csv": ("ABOUT", "Event", "Issue", ["stance:int"]),
    "from_article.csv": ("FROM_ARTICLE", "Event", "Article", []),
    "opposes.csv": ("OPPOSES", "Actor", "Actor", _PAIR),
    "aligns_with.csv": ("ALIGNS_WITH", "Actor", "Actor", _PAIR),
}

_KIND_LABEL = {"government": "Government", "state": "State", "armed group": "ArmedGroup",
               "organization": "Organization"}


def parse_header(column: str) -> tuple[str, str, str | None]:
    """Split a Neo4j CSV header column into (name, type, ID group).

    Examples
    --------
    >>> parse_header("code:ID(Actor)"), parse_header("weight:float"), parse_header("name")
    (('code', 'ID', 'Actor'), ('weight', 'float', None), ('name', 'string', None))
    >>> parse_header(":START_ID(Event)")
    ('', 'START_ID', 'Event')
    """
    name, _, kind = column.partition(":")
    if not kind:
        return name, "string", None
    group = None
    if "(" in kind and kind.endswith(")"):
        kind, group = kind[:-1].split("(", 1)
    return name, kind, group


def _text(value) -> str:
    return " ".join(str(value or "").split())


def _day(value) -> str:
    return str(value)[:10] if value else ""


@dataclass
class Neo4jTables:
    """The rows of every node and relationship file, as dicts keyed by property name."""

    nodes: dict = field(default_factory=dict)
    relationships: dict = field(default_factory=dict)


def neo4j_tables(store, selection: Selection | None = None) -> Neo4jTables:
    """Build the node and relationship rows from the store's (selected) events.

    Returns
    -------
    Neo4jTables
        ``nodes[file]`` and ``relationships[file]`` are lists of dicts whose
        keys are the property names of :data:`NODE_FILES` and
        :data:`RELATIONSHIP_FILES` (``src`` and ``dst`` for the ends).
    """
    from ..graph.opposition import alignment, opposition
    from ..ontology.actors import kind_of_code
    from ..store.records import read_articles, read_events

    events = (selection or Selection()).events(read_events(store))
    t = Neo4jTables({name: [] for name in NODE_FILES}, {name: [] for name in RELATIONSHIP_FILES})
    actors: dict[str, dict] = {}
    issues: dict[str, str] = {}
    for e in events:
        for role in ("actor", "target"):
            a = e.get(role)
            if a and a["code"] not in actors:
                kind = kind_of_code(a["code"])
                labels = ["Actor"] + ([_KIND_LABEL[kind]] if kind in _KIND_LABEL else [])
                actors[a["code"]] = {"code": a["code"], "name": a["name"], "kind": kind, "events": 0,
                                     "labels": labels}
        actors[e["actor"]["code"]]["events"] += 1
        t.nodes["events.csv"].append({
            "id": e["id"], "cameoCode": e["event_code"], "cameoRoot": e["event_root"],
            "quadClass": e["quad_class"], "goldstein": float(e["goldstein"]), "ploverType": e["plover_type"],
            "stance": e["stance"], "confidence": float(e["confidence"]), "intent": bool(e["intent"]),
            "negated": bool(e["negated"]), "date": _day(e["date"]), "sentence": _text(e["sentence"]),
            "trigger": _text(e["trigger"]), "charStart": e["char_start"], "charEnd": e["char_end"],
            "labels": ["Event"]})
        t.relationships["actor_of.csv"].append({"src": e["actor"]["code"], "dst": e["id"]})
        if e.get("target"):
            t.relationships["targets.csv"].append({"src": e["id"], "dst": e["target"]["code"]})
        if e.get("issue_key"):
            issues.setdefault(e["issue_key"], e["issue"] or "")
            t.relationships["about.csv"].append({"src": e["id"], "dst": e["issue_key"], "stance": e["stance"]})
        t.relationships["from_article.csv"].append({"src": e["id"], "dst": e["article"]})
    t.nodes["actors.csv"] = sorted(actors.values(), key=lambda a: a["code"])
    t.nodes["issues.csv"] = [{"key": k, "label": _text(v), "labels": ["Issue"]} for k, v in sorted(issues.items())]
    wanted = {e["article"] for e in events}
    t.nodes["articles.csv"] = [
        {"id": a["id"], "title": _text(a["title"]), "published": _day(a["published"]), "source": _text(a["source"]),
         "url": a["url"] or "", "labels": ["Article"]}
        for a in read_articles(store) if a["id"] in wanted]
    for name, relations in (("opposes.csv", opposition(events, level="sector")),
                            ("aligns_with.csv", alignment(events, level="sector"))):  # the stored codes
        t.relationships[name] = [
            {"src": r.a["code"], "dst": r.b["code"], "issue": _text(r.issue), "issueKey": r.issue_key,
             "weight": round(r.weight, 6), "events": len(set(r.evidence)), "evidence": sorted(set(r.evidence))}
            for r in relations]
    return t


def _cell(value, kind: str) -> str:
    if value is None or value == "":
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "string[]":
        return ";".join(value)
    return str(value)


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _node_csv(name: str, rows: list[dict]) -> bytes:
    header = NODE_FILES[name][2]
    out = []
    for row in rows:
        cells = []
        for column in header:
            prop, kind, _ = parse_header(column)
            cells.append(";".join(row["labels"]) if kind == "LABEL" else _cell(row[prop], kind))
        out.append(cells)
    return _csv(header, out)


def _rel_csv(name: str, rows: list[dict]) -> bytes:
    rtype, start, end, props = RELATIONSHIP_FILES[name]
    header = [f":START_ID({start})", f":END_ID({end})", ":TYPE"] + props
    out = [[row["src"], row["dst"], rtype] + [_cell(row[parse_header(c)[0]], parse_header(c)[1]) for c in props]
           for row in rows]
    return _csv(header, out)


def _literal(value) -> str:
    # A JSON string is a valid Cypher string literal (Cypher accepts the
    # escapes \" \\ \n \t \b \f \r \uXXXX), so untrusted text cannot end it.
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if value is None or value == "":
        return "null"
    return json.dumps(value, ensure_ascii=False)


_MERGE = {
    "actors.csv": "UNWIND $rows AS row MERGE (n:Actor {code: row.code}) "
                  "SET n.name = row.name, n.kind = row.kind, n.events = row.events;",
    "events.csv": "UNWIND $rows AS row MERGE (n:Event {id: row.id}) "
                  "SET n.cameoCode = row.cameoCode, n.cameoRoot = row.cameoRoot, n.quadClass = row.quadClass, "
                  "n.goldstein = row.goldstein, n.ploverType = row.ploverType, n.stance = row.stance, "
                  "n.confidence = row.confidence, n.intent = row.intent, n.negated = row.negated, "
                  "n.date = date(row.date), n.sentence = row.sentence, n.trigger = row.trigger, "
                  "n.charStart = row.charStart, n.charEnd = row.charEnd;",
    "articles.csv": "UNWIND $rows AS row MERGE (n:Article {id: row.id}) "
                    "SET n.title = row.title, n.published = date(row.published), n.source = row.source, "
                    "n.url = row.url;",
    "issues.csv": "UNWIND $rows AS row MERGE (n:Issue {key: row.key}) SET n.label = row.label;",
}

_KEYS = {"Actor": "code", "Event": "id", "Article": "id", "Issue": "key"}


def _rel_merge(name: str) -> str:
    rtype, start, end, props = RELATIONSHIP_FILES[name]
    head = (f"UNWIND $rows AS row MATCH (a:{start} {{{_KEYS[start]}: row.src}}), "
            f"(b:{end} {{{_KEYS[end]}: row.dst}}) ")
    if props and props[0] == "issue":
        sets = ", ".join(f"r.{p} = row.{p}" for p in ("issue", "weight", "events", "evidence"))
        return head + f"MERGE (a)-[r:{rtype} {{issueKey: row.issueKey}}]->(b) SET {sets};"
    if props:
        sets = ", ".join(f"r.{parse_header(p)[0]} = row.{parse_header(p)[0]}" for p in props)
        return head + f"MERGE (a)-[r:{rtype}]->(b) SET {sets};"
    return head + f"MERGE (a)-[:{rtype}]->(b);"


def cypher_script(tables: Neo4jTables, *, batch: int = 500) -> str:
    """Return a cypher-shell script that loads ``tables`` with idempotent MERGE statements.

    The script first creates a uniqueness constraint per node label (which
    also indexes the MERGE keys), then, for each batch of at most ``batch``
    rows, sets the parameter ``rows`` (``:param rows => [...]``) and runs an
    ``UNWIND $rows AS row MERGE ...`` statement. Running it twice changes
    nothing. Kind labels (``Government`` ...) are set last, by the ``kind``
    property.
    """
    lines = ["// geopolkg export for Neo4j: cypher-shell -u neo4j -p PASSWORD -f load.cypher",
             "// Idempotent: every node and relationship is MERGEd on its key; run it again to update."]
    for label, key in _KEYS.items():
        lines.append(f"CREATE CONSTRAINT geopolkg_{label.lower()}_{key} IF NOT EXISTS "
                     f"FOR (n:{label}) REQUIRE n.{key} IS UNIQUE;")
    steps = [(name, rows, _MERGE[name]) for name, rows in tables.nodes.items()]
    steps += [(name, rows, _rel_merge(name)) for name, rows in tables.relationships.items()]
    for name, rows, statement in steps:
        for i in range(0, len(rows), batch):
            chunk = [{k: v for k, v in row.items() if k != "labels"} for row in rows[i:i + batch]]
            lines.append(f"// {name} rows {i + 1} to {i + len(chunk)}")
            lines.append(f":param rows => {_literal(chunk)}")
            lines.append(statement)
    for kind, label in _KIND_LABEL.items():
        lines.append(f"MATCH (n:Actor) WHERE n.kind = {_literal(kind)} SET n:{label};")
    return "\n".join(lines) + "\n"


def write_neo4j(store, folder: Path, selection: Selection | None = None) -> Path:
    """Write the Neo4j CSV files, ``load.cypher`` and ``import.sh`` into ``folder``.

    Parameters
    ----------
    store : KnowledgeStore
    folder : Path
        Created if missing; files of the same names are replaced.
    selection : Selection, optional

    Returns
    -------
    Path
        The folder.

    Raises
    ------
    ExportError
        If the folder cannot be created or written.
    """
    tables = neo4j_tables(store, selection)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(f"cannot create the export folder: {err.strerror}", str(folder)) from err
    for name, rows in tables.nodes.items():
        write_bytes(folder / name, _node_csv(name, rows))
    for name, rows in tables.relationships.items():
        write_bytes(folder / name, _rel_csv(name, rows))
    write_bytes(folder / "load.cypher", cypher_script(tables).encode("utf-8"))
    write_bytes(folder / "import.sh", import_command().encode("utf-8"))
    return folder


def import_command(database: str = "neo4j") -> str:
    """Return the ``neo4j-admin database import full`` command line for the files, as a shell script."""
    nodes = " ".join(f"--nodes={name}" for name in NODE_FILES)
    rels = " ".join(f"--relationships={name}" for name in RELATIONSHIP_FILES)
    return ("#!/bin/sh\n# Run in this folder with the database stopped; it replaces the database.\n"
            f"neo4j-admin database import full {nodes} {rels} --array-delimiter=';' --overwrite-destination "
            f"{database}\n")


@register("neo4j")
class Neo4jExporter:
    """``geopolkg export --format neo4j -o FOLDER``: see :func:`write_neo4j`."""

    suffix = ""
    folder = True

    def write(self, store, path, selection):
        return write_neo4j(store, path, selection)
