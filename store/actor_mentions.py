"""The actor knowledge base seen through the store: mention counts and events per actor.

An entry's *mentions* are the stored events it takes part in, as actor or
target: a person's are the events attributed to them (``prov:wasAttributedTo``,
written when the actor was named as that person); an organization's those
whose actor or target has one of its codes; a country's those whose actor or
target belongs to it (any code starting with its ISO 3166 alpha-3 code:
``USAGOV``, ``USAMIL``, ``USA``).
"""

from __future__ import annotations

from ..ontology.actors import ActorKB, Entry
from .oxigraph import KnowledgeStore
from .records import read_events

__all__ = ["EventIndex", "event_index", "actor_rows", "actor_detail"]

_PARTICIPANTS = """
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
SELECT DISTINCT ?event ?code WHERE {
  ?event a gpo:Event .
  { ?event gpo:actor ?a } UNION { ?event gpo:target ?a }
  ?a gpo:code ?code .
}
"""

_PEOPLE = """
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?event ?name WHERE {
  ?event a gpo:Event ; prov:wasAttributedTo ?p .
  ?p schema:name ?name .
}
"""


class EventIndex:
    """Which stored events each actor code and each person takes part in.

    Attributes
    ----------
    by_code : dict of str to set of str
        Actor code -> event IRIs.
    by_person : dict of str to set of str
        Person's full name -> event IRIs.
    """

    def __init__(self, by_code: dict, by_person: dict):
        self.by_code = by_code
        self.by_person = by_person

    def events_of(self, kb: ActorKB, entry: Entry) -> set[str]:
        """Return the IRIs of the events ``entry`` takes part in (rule in the module docstring)."""
        if entry.kind == "person":
            return set(self.by_person.get(entry.name, ()))
        if entry.kind in ("country", "demonym") and entry.country:
            return {e for code, events in self.by_code.items() if code[:3] == entry.country for e in events}
        return {e for code in kb.codes_of(entry) for e in self.by_code.get(code, ())}


def event_index(store: KnowledgeStore | None) -> EventIndex:
    """Read who takes part in which event from ``store`` (empty for None)."""
    by_code: dict[str, set] = {}
    by_person: dict[str, set] = {}
    if store is not None:
        for row in store.select(_PARTICIPANTS):
            by_code.setdefault(row["code"], set()).add(row["event"])
        for row in store.select(_PEOPLE):
            by_person.setdefault(row["name"], set()).add(row["event"])
    return EventIndex(by_code, by_person)


def _roles(entry: Entry) -> list[dict]:
    return [{"role": p.role, "code": p.code, "from": p.start.isoformat() if p.start else None,
             "until": p.end.isoformat() if p.end else None} for p in entry.periods]


def _row(kb: ActorKB, entry: Entry, index: EventIndex) -> dict:
    code = entry.country if entry.kind == "country" else entry.code_at(None)
    return {"key": entry.key, "name": entry.name, "kind": entry.kind, "code": code,
            "codes": kb.codes_of(entry), "country": entry.country,
            "aliases": sorted(set(entry.aliases) - {entry.name}), "wikidata": entry.wikidata,
            "mentions": len(index.events_of(kb, entry)), "roles": _roles(entry)}


def actor_rows(kb: ActorKB, store: KnowledgeStore | None = None, *, kinds=None,
               mentioned_only: bool = False) -> list[dict]:
    """List the knowledge base's actors with their codes, aliases, roles and mention counts.

    Parameters
    ----------
    kb : ActorKB
    store : KnowledgeStore, optional
        Where to count mentions; without one every count is 0.
    kinds : iterable of str, optional
        Entry kinds to keep (``country``, ``organization``, ``armed group``,
        ``person``); default all of them (seats and demonyms are names of
        countries, listed with them, not on their own).
    mentioned_only : bool
        Keep only actors with at least one stored event.

    Returns
    -------
    list of dict
        Keys ``key, name, kind, code`` (the latest code), ``codes``,
        ``country``, ``aliases``, ``wikidata``, ``mentions``, ``roles`` (list
        of ``{role, code, from, until}``, ISO dates or None); sorted by
        mentions (most first), then name.
    """
    keep = set(kinds or ("country", "organization", "armed group", "person"))
    index = event_index(store)
    rows = [_row(kb, e, index) for e in kb.entries.values() if e.kind in keep]
    if mentioned_only:
        rows = [r for r in rows if r["mentions"]]
    return sorted(rows, key=lambda r: (-r["mentions"], r["name"].casefold()))


def actor_detail(kb: ActorKB, entry: Entry, store: KnowledgeStore | None = None) -> dict:
    """Return one actor's row (as :func:`actor_rows`) plus ``events``: its stored events as records.

    The events are those of :func:`geopolkg.store.records.read_events`, in
    its order (date, article, offset).
    """
    index = event_index(store)
    row = _row(kb, entry, index)
    wanted = index.events_of(kb, entry)
    if entry.kind == "country":
        seats = [e.name for e in kb.entries.values() if e.kind in ("seat", "demonym") and e.country == entry.country]
        row["seats_and_demonyms"] = sorted(seats)
    row["events"] = []
    if store is not None and wanted:
        ids = {iri.rsplit("/", 1)[-1] for iri in wanted}
        row["events"] = [e for e in read_events(store) if e["id"] in ids]
    return row
