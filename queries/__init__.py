"""Documented example SPARQL queries that ship with geopolkg (the ``*.rq`` files here).

Each file opens with a comment header::

    # title: Events of an actor in a date range
    # Answers: ... (what the query answers, several lines)
    # param actor (actor, default USAGOV): the actor, as a code or an IRI

and its parameters are bound by one ``VALUES (?p1 ?p2 ...) { (...) }`` line
holding the defaults, so every file also runs as it is
(``geopolkg query -f queries/actor-events.rq``). :meth:`ExampleQuery.render`
rewrites that line with other values, built as RDF terms by pyoxigraph (IRIs
through :mod:`geopolkg.ontology.iris`), so a value cannot change the query's
structure.

Parameter types: ``actor`` (a CAMEO-style code such as ``USAGOV``, or an
IRI), ``issue`` (an issue key such as ``bagram``, or an IRI), ``iri``,
``date`` (``YYYY-MM-DD``, an ``xsd:date``), ``string``, ``integer``.

Examples
--------
>>> from geopolkg.queries import load_query
>>> q = load_query("actor-events")
>>> [p.name for p in q.params]
['actor', 'start', 'end']
>>> "<https://w3id.org/geopolkg/id/actor/AFGGOV>" in q.render(actor="AFGGOV")
True
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pyoxigraph as ox

from ..errors import QueryError
from ..ontology import iris

__all__ = ["ExampleQuery", "QueryParam", "list_queries", "load_query", "run_query"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_PARAM = re.compile(r"^#\s*param\s+(\w+)\s*\((\w+),\s*default\s+(.*?)\):\s*(.*)$")
_VALUES = re.compile(r"VALUES\s*\(([^)]*)\)\s*\{\s*\((.*)\)\s*\}")
TYPES = ("actor", "issue", "iri", "date", "string", "integer")


@dataclass(frozen=True)
class QueryParam:
    """A parameter of an example query: ``name``, ``type`` (one of :data:`TYPES`), ``default``, ``help``."""

    name: str
    type: str
    default: str
    help: str

    def term(self, value) -> str:
        """Return ``value`` as a SPARQL term (N-Triples syntax).

        Raises
        ------
        QueryError
            If the value does not fit the type (a bad date, a bad IRI...).
        """
        text = str(value).strip()
        try:
            if self.type in ("actor", "issue", "iri"):
                if "://" in text:
                    node = ox.NamedNode(text)
                elif self.type == "actor":
                    node = ox.NamedNode(iris.actor_iri(text))
                elif self.type == "issue":
                    node = ox.NamedNode(iris.issue_iri(text))
                else:
                    raise ValueError("not an absolute IRI")
                return str(node)
            if self.type == "date":
                day = dt.date.fromisoformat(text)
                return str(ox.Literal(day.isoformat(), datatype=ox.NamedNode(_XSD + "date")))
            if self.type == "integer":
                return str(ox.Literal(str(int(text)), datatype=ox.NamedNode(_XSD + "integer")))
            return str(ox.Literal(str(value)))
        except ValueError as err:
            raise QueryError(f"bad value {text!r} for parameter {self.name} ({self.type}): {err}") from err


@dataclass(frozen=True)
class ExampleQuery:
    """One example query: its ``name`` (file stem), ``title``, ``description``, ``params`` and ``text``."""

    name: str
    title: str
    description: str
    params: tuple
    text: str

    def render(self, **values) -> str:
        """Return the query with the parameters set (others keep their defaults).

        Raises
        ------
        QueryError
            For an unknown parameter or a value of the wrong type.
        """
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                             f"it takes: {', '.join(known) or 'none'}")
        if not self.params:
            return self.text
        row = " ".join(p.term(values.get(p.name, p.default)) for p in self.params)
        head = " ".join(f"?{p.name}" for p in self.params)
        return _VALUES.sub(lambda _m: f"VALUES ({head}) {{ ({row}) }}", self.text, count=1)


def _parse(name: str, text: str) -> ExampleQuery:
    title, lines, params = name, [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("# title:"):
            title = line.split(":", 1)[1].strip()
            continue
        match = _PARAM.match(line)
        if match:
            pname, ptype, default, help_text = match.groups()
            if ptype not in TYPES:
                raise QueryError(f"parameter {pname} has unknown type {ptype!r}", f"queries/{name}.rq")
            params.append(QueryParam(pname, ptype, default.strip(), help_text.strip()))
            continue
        lines.append(line.lstrip("#").strip())
    description = " ".join(" ".join(lines).split())
    if description.startswith("Answers:"):
        description = description[len("Answers:"):].strip()
    if params:
        match = _VALUES.search(text)
        names = match and [v.strip().lstrip("?") for v in match.group(1).split()]
        if names != [p.name for p in params]:
            raise QueryError("the VALUES line must bind the declared parameters in order", f"queries/{name}.rq")
    return ExampleQuery(name, title, description, tuple(params), text)


@cache
def _all() -> dict:
    folder = resources.files(__name__)
    out = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            out[name] = _parse(name, entry.read_text(encoding="utf-8"))
    return dict(sorted(out.items()))


def list_queries() -> list[ExampleQuery]:
    """Return every example query, sorted by name."""
    return list(_all().values())


def load_query(name: str) -> ExampleQuery:
    """Return the example query called ``name`` (a file stem such as ``actor-events``).

    Raises
    ------
    QueryError
        If there is no such query (the message lists the names).
    """
    queries = _all()
    if name not in queries:
        raise QueryError(f"no example query {name!r}; there are: {', '.join(queries)}")
    return queries[name]


def run_query(name: str, store, **values) -> list[dict]:
    """Run the example SELECT query ``name`` on ``store`` and return its rows.

    Parameters
    ----------
    name : str
        The query's name (see :func:`list_queries`).
    store : str, Path or geopolkg.store.KnowledgeStore
        The store folder (opened read-only) or an opened store.
    **values
        Parameter values (strings; see the module docstring for the types).

    Returns
    -------
    list of dict
        Rows as :meth:`KnowledgeStore.select` gives them (Python values;
        unbound variables are None).
    """
    from ..api import _store

    return _store(store, read_only=True).select(load_query(name).render(**values))
