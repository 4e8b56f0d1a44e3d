"""The persistent knowledge store: an Oxigraph database in a folder.

One named graph per article (the article, its events, actors and issues),
one for the ontology and one for derived relations. Writing an article
replaces its graph in a single SPARQL update, which Oxigraph applies as one
transaction: a crash leaves either the old graph or the new one, never half.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryError, StoreError
from ..ontology import iris
from ..ontology.namespace import GPO

__all__ = ["KnowledgeStore", "default_store_path", "open_store", "graph_update"]


def default_store_path() -> Path:
    """Return the store folder: ``$GEOPOLKG_STORE``, else ``./geopolkg-store``."""
    return Path(os.environ.get("GEOPOLKG_STORE") or "geopolkg-store")


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> "KnowledgeStore":
    """Open (creating if needed, unless ``read_only``) the store at ``path``."""
    return KnowledgeStore(path or default_store_path(), read_only=read_only)


class KnowledgeStore:
    """An Oxigraph store holding articles as named graphs.

    Parameters
    ----------
    path : str or Path
        The store folder. Created (with the ontology loaded) if absent.
    read_only : bool
        Open without taking the write lock, so several readers can share it.

    Raises
    ------
    StoreError
        If the folder cannot be opened (locked by a writer, not a store, or,
        read-only, missing).
    """

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._unflushed = 0  # characters of RDF written since the last flush
        try:
            if read_only:
                if not self.path.exists():
                    raise StoreError("no store here yet; run 'geopolkg ingest' first", str(self.path))
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreError("the store is in use by another geopolkg process "
                                 "(one writer at a time); try again when it has finished", str(self.path)) from err
            raise StoreError(f"cannot open the store: {err}", str(self.path)) from err
        if not read_only:
            self._ensure_ontology()

    # -- writing ----------------------------------------------------------
    def _ensure_ontology(self) -> None:
        graph = ox.NamedNode(iris.ONTOLOGY_GRAPH)
        if self._store.contains_named_graph(graph):
            return
        from ..ontology.vocabulary import vocabulary_graph

        from ..ontology.actor_files import user_dictionary_paths
        from ..ontology.actor_graph import kb_quads
        from ..ontology.actors import load_kb

        data = vocabulary_graph().serialize(format="nt", encoding="utf-8")
        quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
                 for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
        # the actor knowledge base (bundled + the users' dictionaries of this
        # store), in the same transaction: the graph's presence is what says
        # the store is set up, so it must never hold the vocabulary alone
        quads.extend(kb_quads(load_kb(user_dictionary_paths(self.path)), iris.ONTOLOGY_GRAPH))
        self._store.extend(quads)

    def content_hash(self, article_id: str) -> str | None:
        """Return the stored content hash of an article, or None if absent."""
        graph = ox.NamedNode(iris.article_graph_iri(article_id))
        subject = ox.NamedNode(iris.article_iri(article_id))
        for quad in self._store.quads_for_pattern(subject, ox.NamedNode(str(GPO.contentHash)), None, graph):
            return quad.object.value
        return None

    def put_article(self, article_id: str, quads: list) -> None:
        """Replace the named graph of ``article_id`` with ``quads``, atomically.

        Raises
        ------
        StoreError
            If the store is read-only or the write fails (nothing is changed).
        """
        self._writable()
        update = graph_update(iris.article_graph_iri(article_id), quads)
        try:
            self._store.update(update)
        except (OSError, SyntaxError, ValueError) as err:
            raise StoreError(f"could not store article {article_id!r}: {err}") from err
        self._wrote(len(update))

    def remove_article(self, article_id: str) -> bool:
        """Retract an article and everything derived only from it, atomically.

        Drops the article's named graph (its events, and its copies of the
        actors, people and issues it mentions: those stay wherever another
        article also mentions them). In the derived-relations graph
        (:data:`geopolkg.ontology.iris.DERIVED_GRAPH`), a relation whose
        evidence events (``gpo:evidence``) all came from this article is
        deleted whole; a relation that also rests on other articles keeps
        those and loses only its links to this article's events. All of it is
        one SPARQL update, so one transaction.

        Returns
        -------
        bool
            False if the article was not stored (nothing changes).

        Raises
        ------
        StoreError
            If the store is read-only or the update fails.
        """
        self._writable()
        graph = ox.NamedNode(iris.article_graph_iri(article_id))
        if not self._store.contains_named_graph(graph):
            return False
        try:
            self._store.update(_RETRACT.format(article=graph.value, derived=iris.DERIVED_GRAPH))
        except (OSError, SyntaxError, ValueError, RuntimeError) as err:
            raise StoreError(f"could not remove article {article_id!r}: {err}") from err
        return True

    def replace_graph(self, graph_iri: str, quads: list) -> None:
        """Replace any named graph (for example the derived relations) atomically."""
        self._writable()
        update = graph_update(graph_iri, quads)
        self._store.update(update)
        self._wrote(len(update))

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update (one transaction: all of it applies, or nothing).

        Raises
        ------
        StoreError
            If the store is read-only.
        QueryError
            For a syntax error or a failing update.
        """
        self._writable()
        try:
            self._store.update(sparql)
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {str(err).splitlines()[0]}") from err
        except (OSError, ValueError, RuntimeError) as err:
            raise QueryError(f"update failed: {err}") from err
        self._wrote(len(sparql))

    def load_quads(self, data: bytes, fmt: "ox.RdfFormat") -> None:
        """Load N-Quads or TriG data as they are (their named graphs kept)."""
        self._writable()
        self._store.load(data, format=fmt)
        self._wrote(len(data))

    #: Characters of RDF written between two flushes of the store's write
    #: buffers (see :meth:`_wrote`).
    FLUSH_EVERY = 4_000_000

    def _wrote(self, size: int) -> None:
        """Flush Oxigraph's write buffers after every :attr:`FLUSH_EVERY`
        characters written. RocksDB keeps recent writes in in-memory tables
        (one per index) until they fill; on a long ingest they held about
        35 MiB per 1,000 Reuters stories (``bench/ingest_memory.py``), so
        memory grew with the corpus. Flushing writes them to disk."""
        self._unflushed += size
        if self._unflushed >= self.FLUSH_EVERY:
            self._unflushed = 0
            self._store.flush()

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only", str(self.path))

    # -- reading ----------------------------------------------------------
    def query(self, sparql: str, *, use_default_graph_as_union: bool = True):
        """Run a SPARQL 1.1 query over all graphs (the default graph is their union).

        Returns
        -------
        pyoxigraph.QuerySolutions, QueryBoolean or QueryTriples

        Raises
        ------
        QueryError
            For a syntax error or a failing query, with the parser's message.
        """
        try:
            return self._store.query(sparql, use_default_graph_as_union=use_default_graph_as_union)
        except SyntaxError as err:
            if _UPDATE.match(sparql):
                raise QueryError("SPARQL updates (INSERT, DELETE, LOAD, CLEAR, DROP ...) are not "
                                 "allowed here: queries are read-only") from err
            raise QueryError(f"SPARQL syntax error: {str(err).splitlines()[0]}") from err
        except (OSError, ValueError, RuntimeError) as err:
            raise QueryError(f"query failed: {err}") from err

    def select(self, sparql: str) -> list[dict]:
        """Run a SELECT query and return rows as dicts of Python values (str, int, float, bool)."""
        result = self.query(sparql)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            rows.append({name: _python(solution[name]) for name in names})
        return rows

    def article_ids(self) -> list[str]:
        prefix = iris.article_graph_iri("x")[:-1]
        return sorted(iris_unquote(g.value[len(prefix):]) for g in self._store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g.value.startswith(prefix))

    def __len__(self) -> int:
        return len(self._store)

    def named_graphs(self) -> list:
        """Return the named graphs (pyoxigraph terms) in the store."""
        return list(self._store.named_graphs())

    def graph_of(self, subject_iri: str) -> str | None:
        """Return the IRI of a named graph holding triples about ``subject_iri``, or None."""
        for quad in self._store.quads_for_pattern(ox.NamedNode(subject_iri), None, None, None):
            if isinstance(quad.graph_name, ox.NamedNode):
                return quad.graph_name.value
        return None

    def graph_size(self, graph_iri: str) -> int:
        """Return the number of quads in the named graph ``graph_iri`` (0 if absent)."""
        graph = ox.NamedNode(graph_iri)
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, graph))

    def dump(self, fmt: "ox.RdfFormat", *, from_graph=None) -> bytes:
        """Serialize the store (all graphs for N-Quads/TriG, or ``from_graph``)."""
        if from_graph is not None:
            return self._store.dump(format=fmt, from_graph=from_graph)
        return self._store.dump(format=fmt)

    def quads(self):
        return self._store.quads_for_pattern(None, None, None, None)

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        self.flush()
        del self._store

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


#: Retraction of one article: relations resting only on its events, then the
#: links to its events from other relations, then its graph. Templates take
#: IRIs minted by :mod:`geopolkg.ontology.iris` (percent-encoded, so safe).
_RETRACT = """
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
DELETE {{ GRAPH <{derived}> {{ ?rel ?p ?o }} }}
WHERE {{
  GRAPH <{derived}> {{ ?rel gpo:evidence ?mine }}
  GRAPH <{article}> {{ ?mine a gpo:Event }}
  FILTER NOT EXISTS {{
    GRAPH <{derived}> {{ ?rel gpo:evidence ?other }}
    FILTER NOT EXISTS {{ GRAPH <{article}> {{ ?other a gpo:Event }} }}
  }}
  GRAPH <{derived}> {{ ?rel ?p ?o }}
}} ;
DELETE {{ GRAPH <{derived}> {{ ?rel gpo:evidence ?mine }} }}
WHERE {{
  GRAPH <{derived}> {{ ?rel gpo:evidence ?mine }}
  GRAPH <{article}> {{ ?mine a gpo:Event }}
}} ;
DROP GRAPH <{article}>
"""


#: A SPARQL update, after any PREFIX/BASE lines (to explain why it is refused).
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX|BASE)\s[^\n]*\n\s*|#[^\n]*\n\s*)*"
                     r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|ADD|MOVE|COPY|WITH)\b", re.I)


def graph_update(graph_iri: str, quads: list) -> str:
    """The SPARQL update that replaces the named graph ``graph_iri`` with
    ``quads`` (pyoxigraph quads or triples): one transaction when run.

    ``str()`` of a pyoxigraph term is its N-Triples form, escaped, so
    article text cannot leave its literal."""
    graph = f"<{graph_iri}>"
    body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}"


def iris_unquote(text: str) -> str:
    from urllib.parse import unquote

    return unquote(text)


def _python(term):
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dtype = term.datatype.value if term.datatype else ""
        if dtype.endswith("#integer") or dtype.endswith("#int"):
            return int(term.value)
        if dtype.endswith("#decimal") or dtype.endswith("#double") or dtype.endswith("#float"):
            return float(term.value)
        if dtype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value
