"""Read events and articles back from the store as plain records (dicts).

The records are what the graph stage, the views and the CLI's JSON output
use; the keys are those of ``geopolkg events --format json``.
"""

from __future__ import annotations

from .oxigraph import KnowledgeStore

__all__ = ["read_events", "read_articles", "EVENT_KEYS"]

EVENT_KEYS = ("id", "article", "date", "actor", "target", "event_code", "event_root", "quad_class",
              "goldstein", "plover_type", "issue", "issue_key", "stance", "confidence", "intent",
              "negated", "sentence", "char_start", "char_end", "trigger", "article_title", "article_url")

_EVENTS = """
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
SELECT ?event ?articleId ?date ?actorCode ?actorName ?targetCode ?targetName ?code ?quad ?goldstein
       ?plover ?issueKey ?issueLabel ?stance ?confidence ?intent ?negated ?sentence ?start ?end ?trigger
       ?title ?url
WHERE { GRAPH ?g {
  # one graph at a time: every article graph has its own copy of the actors,
  # so joining across the union would multiply rows by the copies
  ?event a gpo:Event ; gpo:actor ?actor ; gpo:cameoCode ?code ; gpo:quadClass ?quad ;
         gpo:goldstein ?goldstein ; gpo:ploverType ?ploverNode ; gpo:stance ?stance ;
         gpo:confidence ?confidence ; gpo:isIntent ?intent ; gpo:isNegated ?negated ;
         gpo:sentence ?sentence ; gpo:charStart ?start ; gpo:charEnd ?end ; gpo:trigger ?trigger ;
         prov:wasDerivedFrom ?article .
  ?article schema:identifier ?articleId .
  ?actor gpo:code ?actorCode ; rdfs:label ?actorName .
  OPTIONAL { ?event gpo:date ?date }
  OPTIONAL { ?event gpo:target ?target . ?target gpo:code ?targetCode ; rdfs:label ?targetName }
  OPTIONAL { ?event gpo:issue ?issue . ?issue schema:identifier ?issueKey ; rdfs:label ?issueLabel }
  OPTIONAL { ?article schema:headline ?title }
  OPTIONAL { ?article schema:url ?url }
  BIND(STRAFTER(STR(?ploverNode), "plover/") AS ?plover)
  %FILTER%
} }
"""


def read_events(store: KnowledgeStore, *, min_confidence: float = 0.0, article: str | None = None) -> list[dict]:
    """Return every stored event as a dict, sorted by date, article and offset.

    Parameters
    ----------
    store : KnowledgeStore
    min_confidence : float
        Keep events whose confidence is at least this (0 to 1).
    article : str, optional
        Only the events of this article id.

    Returns
    -------
    list of dict
        Keys :data:`EVENT_KEYS`; ``actor`` and ``target`` are
        ``{"name", "code"}`` dicts (``target`` may be None); ``date`` is an
        ISO 8601 string or None; ``stance`` is 1, -1 or 0.
    """
    filters = []
    if min_confidence > 0:
        filters.append(f"FILTER(?confidence >= {float(min_confidence)})")
    if article:
        from ..ontology import iris

        filters.append(f"FILTER(?article = <{iris.article_iri(article)}>)")
    rows = store.select(_EVENTS.replace("%FILTER%", "\n  ".join(filters)))
    seen = {}
    for r in rows:
        if r["event"] in seen:
            continue  # an actor labelled differently in two articles
        seen[r["event"]] = {
            "id": r["event"].rsplit("/", 1)[-1],
            "article": r["articleId"],
            "date": r["date"],
            "actor": {"name": r["actorName"], "code": r["actorCode"]},
            "target": {"name": r["targetName"], "code": r["targetCode"]} if r["targetCode"] else None,
            "event_code": r["code"],
            "event_root": r["code"][:2],
            "quad_class": r["quad"],
            "goldstein": r["goldstein"],
            "plover_type": r["plover"],
            "issue": r["issueLabel"],
            "issue_key": r["issueKey"],
            "stance": r["stance"],
            "confidence": r["confidence"],
            "intent": r["intent"],
            "negated": r["negated"],
            "sentence": r["sentence"],
            "char_start": r["start"],
            "char_end": r["end"],
            "trigger": r["trigger"],
            "article_title": r["title"],
            "article_url": r["url"],
        }
    return sorted(seen.values(), key=lambda e: (e["date"] or "", e["article"], e["char_start"], e["id"]))


def read_articles(store: KnowledgeStore) -> list[dict]:
    """Return the stored articles: id, title, published, source, url, events (count)."""
    rows = store.select("""
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?id ?title ?published ?source ?url (COUNT(?e) AS ?events) WHERE {
  ?a a gpo:Article ; schema:identifier ?id .
  OPTIONAL { ?a schema:headline ?title } OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a schema:publisher ?source } OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?e prov:wasDerivedFrom ?a }
} GROUP BY ?id ?title ?published ?source ?url ORDER BY ?id""")
    return rows
