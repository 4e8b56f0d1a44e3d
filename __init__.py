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
click layer over it. The notebook functions are also here, imported when
first used, so ``import geopolkg`` stays quick::

    >>> import geopolkg
    >>> callable(geopolkg.ingest_text) and callable(geopolkg.events)
    True
"""

__version__ = "0.1.0"

#: The API functions reachable as ``geopolkg.NAME`` (see :mod:`geopolkg.api`).
_API = ("ingest", "ingest_text", "events", "opposition", "alignment", "pairs", "stance", "issues", "camps",
        "centrality", "trends", "timeline", "view", "show", "select_view", "actor_graph", "signed_graph",
        "query", "export", "derive")


def __getattr__(name):
    if name in _API:
        from . import api

        return getattr(api, name)
    if name in ("api", "frames", "views", "graph", "store", "queries"):
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'geopolkg' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_API))
