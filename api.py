"""The Python API: one function per thing users do. The CLI calls these.

Examples
--------
>>> import geopolkg.api as gk                                   # doctest: +SKIP
>>> summary = gk.ingest(["articles/"], store="my-store")        # doctest: +SKIP
>>> gk.opposition(store="my-store", issue="bagram")             # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import GeopolkgError, LoaderError

__all__ = ["IngestSummary", "ingest", "ingest_text", "events", "opposition", "alignment", "query",
           "export", "view", "compare", "select_view", "show", "timeline", "actor_graph",
           "issues", "edit_issue", "stance", "signed_graph", "pairs", "camps", "centrality", "trends", "derive"]


@dataclass
class IngestSummary:
    """What an ingest run did.

    Attributes
    ----------
    stored : int
        Articles written (new or changed).
    unchanged : int
        Articles skipped because the store already holds the same content.
    failed : list of GeopolkgError
        Inputs that could not be read, with their messages.
    events : int
        Events in the articles written (and in dataset files).
    datasets : int
        Coded event dataset files (GDELT, ICEWS) written.
    notes : list of str
        What the loaders guessed or left unset, one line each ("a.html:
        encoding guessed as windows-1252 (no charset declared, and not UTF-8)").
    """

    stored: int = 0
    unchanged: int = 0
    events: int = 0
    datasets: int = 0
    failed: list = field(default_factory=list)
    article_ids: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def _store(store, read_only=False):
    """The opened store for `store`: a KnowledgeStore as it is, else a folder (str or Path) opened."""
    from .store import KnowledgeStore, open_store

    if isinstance(store, KnowledgeStore):
        return store
    if store is not None and not isinstance(store, (str, os.PathLike)):
        raise GeopolkgError(f"a store is a folder (str or Path) or an opened KnowledgeStore, "
                            f"not {type(store).__name__}")
    return open_store(store, read_only=read_only)


def _paths(paths) -> list[Path]:
    """`paths` as a list: one str or Path is one path (never its characters one by one)."""
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    if isinstance(paths, (bytes, bytearray)):
        raise LoaderError("give paths as str or Path, not bytes")
    return [Path(p) for p in paths]


def _frame(kind: str, rows: list[dict], as_frame: bool):
    if not as_frame:
        return rows
    from .frames import to_frame

    return to_frame(kind, rows)


def ingest(paths: Iterable[str | Path], store=None, *, model: str | None = None,
           keep_going: bool = True, progress=None, format: str | None = None,
           jobs: int = 1, engine: str = "local", scheduler: str | None = None,
           prefilter: bool = True, **metadata) -> IngestSummary:
    """Read articles, extract their events and store them, one named graph each.

    Parameters
    ----------
    paths : str, Path, or iterable of them
        Files or folders (``.txt``, ``.html``, ``.jsonl`` ...). One str or
        Path is one path.
    store : str, Path or KnowledgeStore, optional
        The store folder (default: ``$GEOPOLKG_STORE`` or ``./geopolkg-store``),
        or an opened store. A store opened here is closed before returning.
    model : str, optional
        spaCy pipeline name.
    keep_going : bool
        Record bad inputs in ``summary.failed`` and go on (default); if
        False, raise the first error.
    progress : callable, optional
        Called with each article id after it is handled.
    format : str, optional
        Read every path as this direct format (``gdelt``, ``icews``)
        instead of telling each file's format from its content.
    jobs : int
        Extraction processes (``local`` engine) or workers of a local Dask
        cluster; the store is written by this process only.
    engine : {"local", "dask"}
        See :mod:`geopolkg.ingest`.
    scheduler : str, optional
        Address of a running Dask scheduler (``dask`` engine); default: a
        local cluster.
    prefilter : bool
        Parse only the sentences that can hold an event
        (:mod:`geopolkg.extraction.prefilter`); nearly the same events, faster.
    **metadata
        ``published``, ``source``, ``url``, ``title`` for every article.

    Returns
    -------
    IngestSummary

    Raises
    ------
    GeopolkgError
        If ``keep_going`` is False and an input is bad, or the store cannot
        be opened. Articles already stored stay as they were.
    """
    if metadata.get("published") is not None:
        from .loaders.published import parse_published

        # one bad --published is refused once, before anything is read or stored
        metadata["published"] = parse_published(metadata["published"], "published")
    summary = IngestSummary()
    errors: list | None = summary.failed if keep_going else None
    paths = _paths(paths)
    if format is not None:
        _register_datasets()
        if format not in DIRECT_INGESTERS:
            raise LoaderError(f"unknown format {format!r}; use one of {sorted(DIRECT_INGESTERS)}")
    ks = _store(store)
    try:
        _ingest_paths(paths, ks, summary, errors, format=format, engine=engine, progress=progress, jobs=jobs,
                      model=model, prefilter=prefilter, scheduler=scheduler, **metadata)
    finally:
        if ks is not store:  # release the write lock: the next call may open it again
            ks.close()
    return summary


def _ingest_paths(paths, ks, summary, errors, *, format, engine, progress, jobs, model, prefilter, scheduler,
                  **metadata) -> None:
    from .loaders import iter_articles

    article_paths = []
    for path in paths:
        direct = format or direct_format(path)
        if direct is None:
            article_paths.append(path)
            continue
        try:
            DIRECT_INGESTERS[direct]().ingest(path, ks, summary)
        except GeopolkgError as err:
            if errors is None:
                raise
            errors.append(err.with_traceback(None))  # its frames would keep the store open
    if article_paths:
        articles = iter_articles(article_paths, errors=errors, **metadata)
        _store_articles(articles, ks, summary, errors, engine=engine, progress=progress, jobs=jobs, model=model,
                        prefilter=prefilter, scheduler=scheduler)
    else:
        ks.flush()
        if summary.datasets:
            _refresh_derived(ks, errors)


def _store_articles(articles, ks, summary, errors, *, engine="local", progress=None, jobs=1, model=None,
                    prefilter=True, scheduler=None) -> None:
    """Extract and store `articles` (an iterable of Article), then refresh derived relations."""
    from .ingest import run_engine

    try:
        with _users_actors_of(ks):
            run_engine(engine, _noted(articles, summary.notes), ks, summary, errors=errors, progress=progress,
                       jobs=jobs, model=model, prefilter=prefilter, scheduler=scheduler)
    finally:
        ks.flush()  # an interrupted run keeps every batch written so far
    if summary.stored or summary.datasets:
        _refresh_derived(ks, errors)


#: Keys of one article given to :func:`ingest_text` as a dict (or a DataFrame row).
TEXT_KEYS = ("text", "id", "title", "published", "source", "url")


def _text_records(text) -> list[dict]:
    """One text, a list of dicts or a DataFrame, as a list of record dicts."""
    if isinstance(text, str):
        return [{"text": text}]
    if hasattr(text, "to_dict") and hasattr(text, "columns"):  # a pandas DataFrame
        if "text" not in text.columns:
            raise LoaderError("the DataFrame has no 'text' column")
        return [{k: (None if _missing(v) else v) for k, v in row.items()} for row in text.to_dict("records")]
    if isinstance(text, dict):
        return [text]
    records = list(text)
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            raise LoaderError(f"article {i + 1} is a {type(record).__name__}, not a dict with 'text'")
    return records


def _missing(value) -> bool:
    try:
        return value is None or bool(value != value)  # None, NaN, NaT
    except (TypeError, ValueError):
        return False


def ingest_text(text, store=None, *, published=None, title: str | None = None, source: str | None = None,
                url: str | None = None, id: str | None = None, model: str | None = None,
                keep_going: bool = True, prefilter: bool = True) -> IngestSummary:
    """Extract and store the events of articles given as text.

    Parameters
    ----------
    text : str, list of dict, or pandas.DataFrame
        One article's text; or many articles, each a dict (or a DataFrame
        row) with ``text`` and optionally ``id``, ``title``, ``published``,
        ``source``, ``url``.
    store : str, Path or KnowledgeStore, optional
        The store folder or an opened store (default ``$GEOPOLKG_STORE`` or
        ``./geopolkg-store``). A store opened here is closed before returning.
    published : str, datetime.date or datetime.datetime, optional
        Publication date (``YYYY-MM-DD``, or ISO 8601 with a time zone): the
        day that "on Friday" is counted from. For many articles, the value
        of those that have none.
    title, source, url : str, optional
        As for ``published``: the article's, or the default of many.
    id : str, optional
        The article's id (one article only). Default: ``text-`` and the
        first 16 hex digits of the SHA-256 of the text, so the same text is
        the same article and ingesting it again changes nothing.
    model : str, optional
        spaCy pipeline name.
    keep_going : bool
        Record a bad article (empty text, bad date, not English) in
        ``summary.failed`` and go on (default); if False, raise it.
    prefilter : bool
        See :func:`ingest`.

    Returns
    -------
    IngestSummary

    Raises
    ------
    GeopolkgError
        LoaderError for input that is not text or records; with
        ``keep_going=False``, the first bad article's error.

    Examples
    --------
    >>> import geopolkg                                                  # doctest: +SKIP
    >>> geopolkg.ingest_text("Iran accused Iraq of attacking its oil platforms on Monday.",
    ...                      store="my-store", published="1987-03-04", title="Gulf")  # doctest: +SKIP
    """
    import hashlib

    from .loaders.common import build_article
    from .loaders.reflow import is_hard_wrapped, reflow

    records = _text_records(text)
    if id is not None and len(records) != 1:
        raise LoaderError("id= names one article; give each of many its own 'id'")
    defaults = {"published": published, "title": title, "source": source, "url": url, "id": id}
    summary = IngestSummary()
    errors: list | None = summary.failed if keep_going else None

    def articles():
        for i, record in enumerate(records, start=1):
            where = f"text {i}"
            try:
                unknown = sorted(set(record) - set(TEXT_KEYS))
                if unknown:
                    raise LoaderError(f"unknown key(s) {', '.join(map(repr, unknown))}; "
                                      f"an article has {', '.join(TEXT_KEYS)}", where)
                body = record.get("text")
                if not isinstance(body, str) or not body.strip():
                    raise LoaderError("no text", where)
                body = body.replace("\r\n", "\n").replace("\r", "\n")
                if is_hard_wrapped(body):
                    body = reflow(body)
                meta = {k: v for k, v in defaults.items() if v is not None}
                meta.update({k: v for k, v in record.items() if k != "text" and not _missing(v)})
                default_id = "text-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
                yield build_article(body, meta, where, default_id=default_id)
            except GeopolkgError as err:
                if errors is None:
                    raise
                errors.append(err)

    ks = _store(store)
    try:
        _store_articles(articles(), ks, summary, errors, model=model, prefilter=prefilter)
    finally:
        if ks is not store:
            ks.close()
    return summary


def _noted(articles, notes: list):
    """Pass ``articles`` on, collecting what their loaders guessed (``Article.notes``)."""
    for article in articles:
        notes.extend(article.notes)
        yield article


@contextlib.contextmanager
def _users_actors_of(ks):
    """Let extraction read the users' actor dictionary of the store being written.

    The knowledge base finds a store's ``actors.yaml`` through
    ``$GEOPOLKG_STORE`` (see :mod:`geopolkg.ontology.actor_files`); setting it
    for the run reaches the extraction in this process and in the worker
    processes it starts, which inherit the environment.
    """
    before = os.environ.get("GEOPOLKG_STORE")
    os.environ["GEOPOLKG_STORE"] = str(ks.path)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("GEOPOLKG_STORE", None)
        else:
            os.environ["GEOPOLKG_STORE"] = before


def _refresh_derived(ks, errors) -> None:
    """Recompute the derived relations after new events, in stores that keep them.

    Only where ``geopolkg derive`` made the graph of derived relations (see
    :mod:`geopolkg.graph.derive`): a store without one stays without.
    """
    from .graph.derive import derive as _derive, has_derived

    try:
        if has_derived(ks):
            _derive(ks)
            ks.flush()
    except GeopolkgError as err:  # the events are stored; say why the relations are not refreshed
        if errors is None:
            raise
        errors.append(err.with_traceback(None))


#: Formats that are not articles but ready-made records (RDF, coded event
#: datasets): format name -> zero-argument factory of an object with
#: ``ingest(path, store, summary)``. Filled by the modules that own them.
DIRECT_INGESTERS: dict = {}


def direct_format(path: Path) -> str | None:
    """Return the name of a direct (non-article) format for ``path``, or None.

    Each entry of :data:`DIRECT_INGESTERS` may offer a ``sniff(path)``
    static method; the first that claims the file wins.
    """
    if path.is_dir():
        return None
    _register_datasets()
    from .exports.rdf_ingest import RdfQuadsIngester  # the project's own N-Quads and TriG

    DIRECT_INGESTERS.setdefault("geopolkg-rdf", RdfQuadsIngester)
    for name, factory in DIRECT_INGESTERS.items():
        sniff = getattr(factory, "sniff", None)
        if sniff is not None and sniff(path):
            return name
    return None


def _register_datasets() -> None:
    from .store.datasets import INGESTERS  # GDELT and ICEWS event files

    for name, factory in INGESTERS.items():
        DIRECT_INGESTERS.setdefault(name, factory)


def compare(store=None, dataset: str = "gdelt", *, match: str = "country", unmatched: bool = False,
            min_confidence: float = 0.0) -> list[dict]:
    """Compare the articles' events with a dataset's (``gdelt``, ``icews``), pair by pair and day by day.

    See :func:`geopolkg.graph.compare.compare_events` for ``match``,
    ``unmatched`` and the rows returned.
    """
    from .graph.compare import compare_events
    from .store.datasets import split_events

    articles, dataset_events = split_events(_store(store, read_only=True), dataset,
                                            min_confidence=min_confidence)
    return compare_events(articles, dataset_events, match=match, unmatched=unmatched)


def events(store=None, *, min_confidence: float = 0.0, article: str | None = None, as_frame: bool = False):
    """Return the stored events as dicts (see :func:`geopolkg.store.records.read_events`),
    with the store's issue edits applied (see :mod:`geopolkg.graph.issues`).

    With ``as_frame=True``, a pandas DataFrame of the columns of
    :data:`geopolkg.frames.SCHEMAS` ``["events"]`` (``date`` as datetime64).
    """
    from .graph.issues import load_events

    rows = load_events(_store(store, read_only=True), min_confidence=min_confidence, article=article)
    return _frame("events", rows, as_frame)


def opposition(store=None, issue: str | None = None, *, min_confidence: float = 0.0, as_frame: bool = False,
               level: str = "country"):
    """Return who opposes whom (on issues matching ``issue``), with weights and evidence.

    Each dict has ``a``, ``b`` (``{"name", "code"}``), ``issue``, ``weight``
    and ``evidence`` (event ids). Actors are countries by default, or
    sectors with ``level="sector"`` (:mod:`geopolkg.graph.level`). See
    :func:`geopolkg.graph.opposition`.
    With ``as_frame=True``, a DataFrame of :data:`geopolkg.frames.SCHEMAS` ``["relations"]``.
    """
    from .graph.opposition import opposition as _opposition

    rows = [r.to_dict() for r in _opposition(events(store, min_confidence=min_confidence), issue, level)]
    return _frame("relations", rows, as_frame)


def alignment(store=None, issue: str | None = None, *, min_confidence: float = 0.0, as_frame: bool = False,
              level: str = "country"):
    """Return who aligns with whom (same stance on an issue), with evidence (``as_frame``: as :func:`opposition`)."""
    from .graph.opposition import alignment as _alignment

    rows = [r.to_dict() for r in _alignment(events(store, min_confidence=min_confidence), issue, level)]
    return _frame("relations", rows, as_frame)


def actor_graph(store=None, issue: str | None = None, *, min_confidence: float = 0.0, level: str = "country"):
    """Return the actor network as a networkx MultiDiGraph (see :func:`geopolkg.graph.actor_graph`)."""
    from .graph.network import actor_graph as _actor_graph

    return _actor_graph(events(store, min_confidence=min_confidence), issue=issue, level=level)


# -- relationship analysis (geopolkg.graph): issues, stance, signed network, derived relations

def issues(store=None, text: str | None = None, *, min_confidence: float = 0.0, as_frame: bool = False,
           level: str = "country"):
    """Return the issue catalogue (see :func:`geopolkg.graph.issues.issue_catalogue`).

    With ``as_frame=True``, a DataFrame of :data:`geopolkg.frames.SCHEMAS` ``["issues"]``.
    """
    from .graph.issues import issue_catalogue

    rows = [s.to_dict() for s in issue_catalogue(events(store, min_confidence=min_confidence), text, level)]
    return _frame("issues", rows, as_frame)


def edit_issue(store, action: str, key: str, *args, **kwargs) -> dict:
    """Rename, merge or split an issue (``action``: rename, merge, split); refresh derived relations.

    See :mod:`geopolkg.graph.issues` (``rename_issue``, ``merge_issues``,
    ``split_issue``). Returns the edit written to the store's edits file.
    """
    from .graph import issues as _issues
    from .graph.derive import derive as _derive, has_derived

    func = {"rename": _issues.rename_issue, "merge": _issues.merge_issues, "split": _issues.split_issue}[action]
    ks = _store(store)
    try:
        edit = func(ks, key, *args, **kwargs)
        if not ks.read_only and has_derived(ks):  # keep stored relations in step with the edited issues
            _derive(ks)
            ks.flush()
    finally:
        if ks is not store:  # release the write lock at once, even after an error
            ks.close()
    return edit


def stance(store=None, issue: str | None = None, *, min_confidence: float = 0.0, as_frame: bool = False,
           level: str = "country"):
    """Return each actor's stance on each issue matching ``issue`` (see :mod:`geopolkg.graph.stance`).

    With ``as_frame=True``, a DataFrame of :data:`geopolkg.frames.SCHEMAS` ``["stance"]``.
    """
    from .graph.stance import actor_stances

    found = actor_stances(events(store, min_confidence=min_confidence), issue, level)
    rows = [s.to_dict() for key in sorted(found) for s in sorted(found[key].values(), key=lambda s: s.actor["code"])]
    return _frame("stance", rows, as_frame)


def signed_graph(store=None, *, since=None, until=None, min_confidence: float = 0.0, level: str = "country"):
    """Return the signed actor network of a time window (see :func:`geopolkg.graph.signed.signed_graph`)."""
    from .graph.signed import signed_graph as _signed

    return _signed(events(store, min_confidence=min_confidence), since=since, until=until, level=level)


def pairs(store=None, sign: str = "conflict", *, since=None, until=None, min_confidence: float = 0.0,
          as_frame: bool = False, level: str = "country"):
    """Return the signed network's relations, strongest conflict (or cooperation) first.

    See :func:`geopolkg.graph.signed.pairs`. With ``as_frame=True``, a
    DataFrame of :data:`geopolkg.frames.SCHEMAS` ``["pairs"]``.
    """
    from .graph.signed import pairs as _pairs

    rows = _pairs(signed_graph(store, since=since, until=until, min_confidence=min_confidence, level=level), sign)
    return _frame("pairs", rows, as_frame)


def camps(store=None, *, since=None, until=None, min_confidence: float = 0.0, min_events: int = 2,
          min_weight: float = 1.0, resamples: int = 100, level: str = "country") -> dict:
    """Return the camps of the signed network, how sure they are, and its balance
    (see :func:`geopolkg.graph.balance.camps`)."""
    from .graph.balance import camps as _camps

    return _camps(events(store, min_confidence=min_confidence), since=since, until=until,
                  min_events=min_events, min_weight=min_weight, resamples=resamples, level=level).to_dict()


def centrality(store=None, *, since=None, until=None, min_confidence: float = 0.0, level: str = "country") -> list[dict]:
    """Return central actors on the cooperation and conflict layers (see :mod:`geopolkg.graph.centrality`)."""
    from .graph.centrality import centrality as _centrality

    return _centrality(events(store, min_confidence=min_confidence), since=since, until=until, level=level)


def trends(store=None, window: str = "month", *, since=None, until=None, min_confidence: float = 0.0,
           top: int = 10, level: str = "country") -> dict:
    """Return windows and the relations that improved or worsened most (see :mod:`geopolkg.graph.trends`)."""
    from .graph.trends import trends as _trends

    return _trends(events(store, min_confidence=min_confidence), window, since=since, until=until, top=top,
                   level=level)


def derive(store=None, *, network: bool = True, min_weight: float = 1.0) -> list[dict]:
    """Recompute the derived relations and write them to their named graph (see :mod:`geopolkg.graph.derive`)."""
    from .graph.derive import derive as _derive

    ks = _store(store)
    try:
        relations = _derive(ks, network=network, min_weight=min_weight)
        ks.flush()
    finally:
        if ks is not store:
            ks.close()
    return [r.to_dict() for r in relations]


def query(sparql: str, store=None):
    """Run a SPARQL 1.1 query over the store (read-only); returns pyoxigraph results."""
    return _store(store, read_only=True).query(sparql)


def export(fmt: str, path: str | Path | None, store=None, *, issue: str | None = None,
           actor: str | None = None, since=None, until=None) -> bytes | Path:
    """Export the store (or the selected events) in format ``fmt``; see :mod:`geopolkg.exports`.

    ``fmt`` is one of :func:`geopolkg.exports.formats` (``nquads``, ``trig``,
    ``turtle``, ``ntriples``, ``jsonld``, ``neo4j`` (a folder), ``graphml``,
    ``gexf``). Returns the bytes when ``path`` is None, else the path
    written. Raises ExportError for an unknown format or an unwritable path.
    """
    from .exports import Selection, export as _export

    selection = Selection(issue=issue, actor=actor, since=since, until=until)
    return _export(fmt, _store(store, read_only=True), path, selection)


def select_view(store=None, issue: str | None = None, *, min_confidence: float = 0.0, **options):
    """Return what a view draws: a :class:`geopolkg.views.select.Selected`.

    ``options`` are those of :func:`geopolkg.views.select.select_graph`:
    ``kind`` ("actors" or "events"), ``actor``, ``hops``, ``since``,
    ``until``, ``min_weight``, ``max_nodes``, ``max_edges``. Its ``graph``
    is the networkx graph; its ``note`` says what the size cap left out.
    """
    from .views.select import select_graph

    return select_graph(events(store, min_confidence=min_confidence), issue=issue,
                        min_confidence=min_confidence, **options)


def _subtitle(graph, issue) -> None:
    """Name the issues an issue view draws under its title (``G.graph["subtitle"]``)."""
    labels = [label for label in (graph.graph.get("issue") or "").split("; ") if label]
    if issue is not None and graph.graph.get("view") == "issue":
        graph.graph["subtitle"] = (f"{len(labels)} issue{'s' if len(labels) != 1 else ''} match '{issue}'"
                                   + (": " + "; ".join(labels) if labels else ""))


def _view_title(title, issue, options):
    if title:
        return title
    parts = [f"issue '{issue}'" if issue else "overview of all events"]
    if options.get("actor"):
        parts.append(f"around '{options['actor']}'")
    if options.get("since") or options.get("until"):
        parts.append(f"{options.get('since') or '...'} to {options.get('until') or '...'}")
    return "geopolkg: " + ", ".join(parts)


def view(path: str | Path, store=None, issue: str | None = None, *, min_confidence: float = 0.0,
         title: str | None = None, fmt: str | None = None, notify=None, **options) -> Path:
    """Write a view of the actor network to ``path``; return the path.

    Parameters
    ----------
    path : str or Path
        Output file.
    store, issue, min_confidence, **options
        The selection, see :func:`select_view`.
    title : str, optional
        Page or picture title.
    fmt : {"html", "png", "svg"}, optional
        Default: from the file's suffix (``.png``, ``.svg``), else html.
    notify : callable, optional
        Called with one line when the size cap left part of the selection out.

    Raises
    ------
    GeopolkgError
        ViewError for bad options or a format other than html, png, svg.
    """
    from .errors import ViewError
    from .views.html import write_html
    from .views.snapshot import write_image

    by_suffix = {".png": "png", ".svg": "svg", ".html": "html", ".htm": "html"}.get(Path(path).suffix.lower())
    fmt = (fmt or by_suffix or "html").lower()
    if fmt not in ("html", "png", "svg"):
        raise ViewError(f"a view is html, png or svg, not {fmt!r}", where=str(path))
    if by_suffix is not None and by_suffix != fmt:
        raise ViewError(f"the file name says {by_suffix} but --format says {fmt}", where=str(path))
    selected = select_view(store, issue, min_confidence=min_confidence, **options)
    if selected.note and notify:
        notify(selected.note)
    label = _view_title(title, issue, options)
    _subtitle(selected.graph, issue)
    if fmt == "html":
        return write_html(selected.graph, path, title=label)
    return write_image(selected.graph, path, fmt, title=label)


def timeline(store=None, *, actors=(), issue: str | None = None, window: str = "month", since=None, until=None,
             min_confidence: float = 0.0, title: str | None = None):
    """Return the timeline of one pair of actors, one actor, one issue or all events.

    Parameters
    ----------
    store : str, Path or KnowledgeStore, optional
    actors : str or sequence of str
        None, one or two actors (codes or text in their names).
    issue, since, until, min_confidence
        The selection (see :func:`geopolkg.views.timeline.select_timeline_events`).
    window : {"month", "week"}
    title : str, optional

    Returns
    -------
    geopolkg.views.timeline.Timeline
        ``.rows`` (events per window, cooperation, neutral, conflict, tone),
        ``.save(path)`` (``.html``, ``.png`` or ``.svg``), ``.to_frame()``;
        Jupyter displays it as the interactive page.

    Raises
    ------
    GeopolkgError
        ViewError for a bad selection.
    """
    from .views.timeline import timeline as _timeline

    return _timeline(events(store, min_confidence=min_confidence), actors=actors, issue=issue, window=window,
                     since=since, until=until, min_confidence=min_confidence, title=title)


def show(store=None, issue: str | None = None, *, min_confidence: float = 0.0, title: str | None = None,
         height: int = 600, **options):
    """Return the interactive view for display in a Jupyter notebook.

    Takes the selection of :func:`select_view`; returns a
    :class:`geopolkg.views.notebook.GraphView` (Jupyter shows it through its
    ``_repr_html_``; ``.save(path)`` writes the page).
    """
    from .views.notebook import show as _show

    selected = select_view(store, issue, min_confidence=min_confidence, **options)
    _subtitle(selected.graph, issue)
    return _show(selected.graph, _view_title(title, issue, options), height=height, note=selected.note)
