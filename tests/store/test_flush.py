"""Long writes flush Oxigraph's in-memory write buffers, so memory does not grow with the store."""

import pyoxigraph as ox

from geopolkg.ontology import iris
from geopolkg.store import open_store


class _CountingStore:
    """A pyoxigraph Store that counts its flushes."""

    def __init__(self, inner):
        self.inner, self.flushes = inner, 0

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def flush(self):
        self.flushes += 1
        self.inner.flush()


def _quads(article: str, n: int) -> list:
    graph = ox.NamedNode(iris.article_graph_iri(article))
    return [ox.Quad(ox.NamedNode(iris.event_iri(f"{article}-{i}")), ox.NamedNode("https://example.org/p"),
                    ox.Literal("x" * 50), graph) for i in range(n)]


def test_writes_flush_after_a_set_amount_of_rdf(tmp_path):
    ks = open_store(tmp_path / "s")
    ks.FLUSH_EVERY = 50_000  # characters; each article below writes about 20,000
    ks._store = counting = _CountingStore(ks._store)
    ks.put_article("a1", _quads("a1", 150))
    ks.put_article("a2", _quads("a2", 150))
    assert counting.flushes == 0
    ks.put_article("a3", _quads("a3", 150))  # past 50,000 characters
    assert counting.flushes == 1
    for n in range(4, 7):
        ks.put_article(f"a{n}", _quads(f"a{n}", 150))
    assert counting.flushes == 2
    # what was flushed is all there
    assert sum(ks.graph_size(iris.article_graph_iri(f"a{n}")) for n in range(1, 7)) == 6 * 150


def test_a_store_set_up_interrupted_is_set_up_again(tmp_path, monkeypatch):
    """The ontology graph and the actor knowledge base go in as one
    transaction: a store interrupted while being set up holds neither, and
    the next open sets it up whole (not the vocabulary alone, for good)."""
    import geopolkg.ontology.actor_graph as actor_graph

    whole = open_store(tmp_path / "whole").graph_size(iris.ONTOLOGY_GRAPH)
    real = actor_graph.kb_quads

    def interrupted(*args, **kwargs):
        yield from list(real(*args, **kwargs))[:100]
        raise KeyboardInterrupt

    monkeypatch.setattr(actor_graph, "kb_quads", interrupted)
    try:
        open_store(tmp_path / "s")
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(actor_graph, "kb_quads", real)
    assert open_store(tmp_path / "s").graph_size(iris.ONTOLOGY_GRAPH) == whole > 10_000
