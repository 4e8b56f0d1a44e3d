"""Counts of what a store holds: articles, events, actors, issues, triples, graphs."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pyoxigraph as ox

from ..ontology import iris
from .oxigraph import KnowledgeStore

__all__ = ["StoreStats", "store_stats"]

_COUNTS = """
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
SELECT
  (COUNT(DISTINCT ?article) AS ?articles) (COUNT(DISTINCT ?event) AS ?events)
  (COUNT(DISTINCT ?actor) AS ?actors) (COUNT(DISTINCT ?person) AS ?people)
  (COUNT(DISTINCT ?issue) AS ?issues) (COUNT(DISTINCT ?relation) AS ?relations)
WHERE {
  { ?article a gpo:Article } UNION { ?event a gpo:Event }
  UNION { ?x gpo:actor|gpo:target ?actor }
  UNION { ?person a gpo:Person }
  UNION { ?issue a gpo:Issue }
  UNION { ?relation a gpo:Relation } UNION { ?relation a gpo:Opposition } UNION { ?relation a gpo:Alignment }
}
"""


@dataclass(frozen=True)
class StoreStats:
    """What a store holds.

    Attributes
    ----------
    articles, events, issues : int
        Distinct ``gpo:Article``, ``gpo:Event`` and ``gpo:Issue`` resources.
    actors : int
        Distinct actors that act in or are the target of an event.
    people : int
        Distinct ``gpo:Person`` resources: people named in articles
        (spokespeople, leaders...) and those of the actor knowledge base in
        the ontology graph.
    relations : int
        Derived actor-to-actor relations (``gpo:Relation`` and subclasses).
    triples : int
        Quads in the store, all named graphs together (a triple stored in two
        article graphs counts twice).
    ontology_triples : int
        Quads of the ontology graph (vocabulary, CAMEO and PLOVER schemes).
    named_graphs : int
        Named graphs: one per article, plus the ontology and derived graphs.
    article_graphs : int
        Named graphs holding an article.
    """

    articles: int
    events: int
    actors: int
    people: int
    issues: int
    relations: int
    triples: int
    ontology_triples: int
    named_graphs: int
    article_graphs: int

    def to_dict(self) -> dict:
        return asdict(self)


def store_stats(store: KnowledgeStore) -> StoreStats:
    """Count what ``store`` holds (see :class:`StoreStats`).

    The counts come from one SPARQL query over the union of all graphs and
    from the store's own quad and graph counts, so they are exact.
    """
    [row] = store.select(_COUNTS)
    graphs = store.named_graphs()
    article_prefix = iris.article_graph_iri("x")[:-1]
    ontology_triples = store.graph_size(iris.ONTOLOGY_GRAPH)
    return StoreStats(
        articles=row["articles"], events=row["events"], actors=row["actors"], people=row["people"],
        issues=row["issues"], relations=row["relations"], triples=len(store),
        ontology_triples=ontology_triples, named_graphs=len(graphs),
        article_graphs=sum(1 for g in graphs if isinstance(g, ox.NamedNode) and g.value.startswith(article_prefix)),
    )
