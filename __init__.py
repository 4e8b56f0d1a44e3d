"""geopolkg: news articles in, a knowledge graph of geopolitical actors and events out.

The package is laid out by stage, and data flows one way::

    loaders/     read articles               -> Article
    extraction/  spaCy pipeline and rules    -> Event
    ontology/    vocabulary, CAMEO, actor knowledge base, IRIs
    store/       Oxigraph store, one named graph per article
    graph/       networkx analyses (who opposes whom)
    views/       interactive HTML views
    exports/     RDF and property-graph files

``geopolkg.api`` is the entry point for notebooks; ``geopolkg.cli`` is a thin
click layer over it.
"""

__version__ = "0.1.0"
