"""A SPARQL 1.1 Protocol endpoint over a store, on the standard library's HTTP server.

``/sparql`` answers queries by GET (``?query=``) and POST (a form with
``query=`` or ``update=``, or a body of type ``application/sparql-query`` or
``application/sparql-update``), as the SPARQL 1.1 Protocol (W3C
Recommendation, 2013-03-21) says; ``default-graph-uri`` and
``named-graph-uri`` pick the dataset, else the default graph is the union of
all graphs (as ``geopolkg query``). ``/`` is a small query page.

Results are content-negotiated from ``Accept`` (or forced with
``format=json|xml|csv|tsv|turtle|ntriples|rdfxml``): SPARQL JSON (the
default), XML, CSV and TSV for SELECT and ASK; Turtle (the default),
N-Triples and RDF/XML for CONSTRUCT and DESCRIBE. An unsatisfiable
``Accept`` gives 406.

Safety
------
- Read-only by default: updates are refused with 403 unless the server runs
  with ``allow_update``.
- Federated queries (``SERVICE``) are refused with 403 unless
  ``allow_service``: the store would otherwise fetch any address the query
  names, from the server's network position. The check is lexical: the
  keyword outside strings, IRIs and comments; a false alarm is possible
  (a prefixed name spelt ``SERVICE``), a miss is not.
- Per-query time limit (``timeout``, seconds): every query runs in a worker
  *process* holding its own read-only handle on the store. The HTTP thread
  waits for the answer at most ``timeout`` seconds; past that it kills the
  worker (SIGKILL), starts a fresh one, and answers 503. Killing a process
  is the only way to stop Oxigraph mid-query (a thread cannot be
  interrupted), and it frees the CPU at once. Limits: the clock includes
  serialization and, when all workers are busy, up to ``timeout`` of waiting
  for one (then 503 as well); updates (with ``allow_update``) run in the
  server process, one at a time, and are not time-limited, since killing a
  writer mid-transaction is not safe to do from outside.
- Result size limit (``max_result_bytes``): the worker serializes into a
  counting buffer and gives up as soon as the answer would pass the limit
  (422, with a hint to add LIMIT), so memory stays bounded too. Queries in a
  request are limited to ``max_query_bytes`` (413).
- Every answer carries ``X-Content-Type-Options: nosniff`` and the page a
  strict Content-Security-Policy, so article text inside results is never
  run by a browser.

Workers see writes made by the server at once, and writes by other
processes (``geopolkg ingest`` running beside it) within ``refresh``
seconds: a worker reopens its read-only handle when it is older than that.
A read-only handle opened while the writer compacts may find a file already
deleted (RocksDB calls it corruption): the worker retries the open, and
reopens once when a query hits a file compacted away.
"""

from __future__ import annotations

import html
import multiprocessing
import queue
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from ..errors import StoreError

__all__ = ["EndpointConfig", "SparqlServer", "make_server", "uses_service", "negotiate"]

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
#: ``format=`` values -> media type, for links and the query page.
FORMAT_PARAM = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                "ntriples": "application/n-triples", "rdfxml": "application/rdf+xml"}
_DEFAULT = {"results": "application/sparql-results+json", "graph": "text/turtle"}


@dataclass(frozen=True)
class EndpointConfig:
    """How the endpoint runs.

    Attributes
    ----------
    store_path : Path
        The store folder (opened read-only by the workers).
    allow_update : bool
        Accept SPARQL updates (POST only); the server then holds the write lock.
    allow_service : bool
        Accept federated queries (``SERVICE``).
    timeout : float
        Per-query time limit in seconds (see the module docstring).
    max_result_bytes : int
        Largest serialized answer, in bytes.
    max_query_bytes : int
        Largest query or update text, in bytes (UTF-8).
    workers : int
        Worker processes, that is, queries answered at the same time.
    refresh : float
        Seconds after which a worker reopens its read-only handle, to see
        writes by other processes.
    """

    store_path: Path
    allow_update: bool = False
    allow_service: bool = False
    timeout: float = 10.0
    max_result_bytes: int = 16 * 2**20
    max_query_bytes: int = 2**20
    workers: int = 2
    refresh: float = 2.0


# -- query analysis and content negotiation ----------------------------------

_LEXEMES = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>' r"|#[^\n]*", re.S)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.I)


def uses_service(sparql: str) -> bool:
    """Return True if ``sparql`` has the ``SERVICE`` keyword outside strings, IRIs and comments.

    Examples
    --------
    >>> uses_service('SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }')
    True
    >>> uses_service('SELECT * { ?s ?p "customer service" } # SERVICE')
    False
    """
    return bool(_SERVICE.search(_LEXEMES.sub(" ", sparql)))


def _accepted(header: str | None) -> list[tuple[str, float]]:
    """Parse an Accept header into (media range, q) pairs, best first (RFC 9110 12.5.1)."""
    if not header:
        return [("*/*", 1.0)]
    out = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((media, q, i))
    out.sort(key=lambda m: (-m[1], m[2]))
    return [(m, q) for m, q, _ in out if q > 0]


def negotiate(accept: str | None, kind: str) -> str | None:
    """Pick the media type for ``kind`` (``results`` or ``graph``) from an Accept header.

    Returns None when nothing acceptable is offered (the caller answers 406).
    """
    offered = RESULT_TYPES if kind == "results" else GRAPH_TYPES
    for media, _q in _accepted(accept):
        if media in offered:
            return media
        if media == "*/*":
            return _DEFAULT[kind]
        if media.endswith("/*"):
            major = media[:-1]
            if _DEFAULT[kind].startswith(major):
                return _DEFAULT[kind]
            for candidate in offered:
                if candidate.startswith(major):
                    return candidate
    return None


# -- worker processes ----------------------------------------------------------

class _Capped:
    """A write-only buffer that raises once more than ``limit`` bytes are written."""

    def __init__(self, limit: int):
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError("result too large")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _run(store, task: dict) -> tuple:
    """Evaluate one query in a worker; return (status, content type, body bytes)."""
    kwargs = {}
    if task["default_graphs"]:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in task["default_graphs"]]
    else:
        kwargs["use_default_graph_as_union"] = True
    if task["named_graphs"]:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in task["named_graphs"]]
    try:
        result = store.query(task["query"], **kwargs)
    except SyntaxError as err:
        return 400, "text/plain", f"SPARQL syntax error: {err}".encode()
    except (OSError, ValueError, RuntimeError) as err:
        return 400, "text/plain", f"query failed: {err}".encode()
    kind = "graph" if isinstance(result, ox.QueryTriples) else "results"
    media = task["force"] if task["force"] else negotiate(task["accept"], kind)
    formats = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    if media not in formats:
        offered = ", ".join(formats)
        return 406, "text/plain", f"cannot answer this query as {task['accept'] or media}; offered: {offered}".encode()
    out = _Capped(task["max_bytes"])
    try:
        result.serialize(out, formats[media])
    except OverflowError:
        return 422, "text/plain", (f"the result is larger than the limit of {task['max_bytes']} bytes; "
                                   "narrow the query or add LIMIT").encode()
    except (OSError, ValueError, RuntimeError) as err:
        return 400, "text/plain", f"query failed: {err}".encode()
    ctype = media + ("; charset=utf-8" if media.startswith("text/") or "json" in media else "")
    return 200, ctype, b"".join(out.parts)


def _open_read_only(store_path: str, attempts: int = 5):
    """Open a read-only handle, retrying: a writer compacting at that moment may delete
    a file the handle is about to open (RocksDB reports it as corruption)."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(store_path)
        except (OSError, RuntimeError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _stale(answer: tuple) -> bool:
    return answer[0] in (400, 500) and b"No such file" in answer[2]


def _worker_main(conn, store_path: str, refresh: float) -> None:
    """Worker process: answer tasks from ``conn`` with a read-only store handle."""
    store, opened, generation = None, 0.0, None
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        for fresh in (False, True):
            if fresh or store is None or task["generation"] != generation or time.monotonic() - opened > refresh:
                store = None
                try:
                    store = _open_read_only(store_path)
                except (OSError, RuntimeError) as err:
                    answer = (500, "text/plain", f"cannot open the store: {err}".encode())
                    break
                opened, generation = time.monotonic(), task["generation"]
            answer = _run(store, task)
            if not _stale(answer):
                break  # else a file the handle saw was compacted away: reopen once
        conn.send(answer)


class _Worker:
    def __init__(self, ctx, config: EndpointConfig):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, str(config.store_path), config.refresh),
                                   daemon=True, name="geopolkg-sparql-worker")
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float = 120.0) -> bool:
        """Wait until the worker has started (imports done); False if it did not."""
        try:
            return self.conn.poll(timeout) and self.conn.recv() == "ready"
        except (EOFError, OSError):
            return False

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class _Pool:
    """Worker processes handed out one query at a time; a worker past its time is killed and replaced."""

    def __init__(self, config: EndpointConfig):
        self.config = config
        self.ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.idle: queue.Queue = queue.Queue()
        self.generation = 0
        workers = [_Worker(self.ctx, config) for _ in range(max(1, config.workers))]
        for worker in workers:  # start-up time must not count against the first queries
            if not worker.wait_ready():
                raise StoreError("a SPARQL worker process did not start")
            self.idle.put(worker)

    def _replace(self) -> None:
        """Start a worker in the background and hand it out once it is ready."""
        def start():
            worker = _Worker(self.ctx, self.config)
            if worker.wait_ready():
                self.idle.put(worker)
        threading.Thread(target=start, daemon=True).start()

    def run(self, task: dict) -> tuple:
        deadline = time.monotonic() + self.config.timeout
        try:
            worker = self.idle.get(timeout=self.config.timeout)
        except queue.Empty:
            return 503, "text/plain", b"all query workers are busy; try again later"
        task = dict(task, generation=self.generation)
        answer = (503, "text/plain", f"the query ran past the time limit of {self.config.timeout:g} s".encode())
        try:
            worker.conn.send(task)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                answer = worker.conn.recv()
                self.idle.put(worker)
                return answer
        except (EOFError, OSError):  # the worker died (out of memory, killed): replace it
            answer = (500, "text/plain", b"the query worker failed; try again")
        worker.kill()
        self._replace()
        return answer

    def close(self) -> None:
        while True:
            try:
                worker = self.idle.get_nowait()
            except queue.Empty:
                return
            try:
                worker.conn.send(None)
            except OSError:
                pass
            worker.kill()


# -- HTTP -----------------------------------------------------------------------

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>geopolkg SPARQL</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}textarea{{width:100%;font-family:monospace}}</style>
</head><body>
<h1>geopolkg SPARQL endpoint</h1>
<p>SPARQL 1.1 Protocol at <code>/sparql</code> (GET or POST). The default graph is the union of all
graphs: one per article, the ontology, the derived relations. {mode}</p>
<form action="/sparql" method="get">
<textarea name="query" rows="16">{query}</textarea>
<p><label>Format <select name="format">{formats}</select></label> <button type="submit">Run</button></p>
</form>
{examples}
</body></html>
"""

_START = """PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?actor ?name (COUNT(?event) AS ?events) WHERE {
  ?event gpo:actor ?actor . ?actor rdfs:label ?name .
} GROUP BY ?actor ?name ORDER BY DESC(?events) LIMIT 20"""


def _examples() -> dict:
    try:
        from ..queries import list_queries
    except ImportError:  # the example queries are optional for the endpoint
        return {}
    return {q.name: q for q in list_queries()}


class _Handler(BaseHTTPRequestHandler):
    server: "SparqlServer"
    protocol_version = "HTTP/1.1"
    server_version = "geopolkg-sparql"

    def log_message(self, fmt, *args):  # quiet unless the server was asked to log
        if self.server.log:
            super().log_message(fmt, *args)

    # -- answers
    def _send(self, status: int, ctype: str, body: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode())

    # -- routes
    def do_GET(self):
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/":
            return self._page(params)
        if url.path != "/sparql":
            return self._error(404, "not found; the endpoint is /sparql")
        if "update" in params:
            return self._error(405 if self.server.config.allow_update else 403,
                               "updates must be POSTed" if self.server.config.allow_update
                               else "updates are disabled on this endpoint (start it with --allow-update)")
        if "query" not in params:
            return self._error(400, "missing query parameter")
        self._query(params["query"][0], params)

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._error(404, "not found; the endpoint is /sparql")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._error(400, "bad Content-Length")
        limit = self.server.config.max_query_bytes
        if length > limit + 4096:
            return self._error(413, f"request body larger than {limit} bytes")
        body = self.rfile.read(length)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            params = {**params, **form}
            if "update" in form:
                return self._update(form["update"][0])
            if "query" not in form:
                return self._error(400, "missing query or update in the form")
            return self._query(form["query"][0], params)
        if ctype == "application/sparql-query":
            return self._query(body.decode("utf-8", "replace"), params)
        if ctype == "application/sparql-update":
            return self._update(body.decode("utf-8", "replace"))
        return self._error(415, "POST a form, application/sparql-query or application/sparql-update")

    do_HEAD = do_GET

    # -- work
    def _checks(self, text: str) -> bool:
        config = self.server.config
        if len(text.encode("utf-8")) > config.max_query_bytes:
            self._error(413, f"query larger than {config.max_query_bytes} bytes")
            return False
        if not config.allow_service and uses_service(text):
            self._error(403, "federated queries (SERVICE) are disabled on this endpoint "
                             "(start it with --allow-service)")
            return False
        return True

    def _query(self, text: str, params: dict) -> None:
        if not self._checks(text):
            return
        force = None
        if params.get("format"):
            force = FORMAT_PARAM.get(params["format"][0].lower())
            if force is None:
                return self._error(400, f"unknown format; use one of {', '.join(FORMAT_PARAM)}")
        task = {"query": text, "accept": self.headers.get("Accept"), "force": force,
                "default_graphs": params.get("default-graph-uri", []),
                "named_graphs": params.get("named-graph-uri", []),
                "max_bytes": self.server.config.max_result_bytes}
        status, ctype, body = self.server.pool.run(task)
        self._send(status, ctype, body)

    def _update(self, text: str) -> None:
        if not self.server.config.allow_update:
            return self._error(403, "updates are disabled on this endpoint (start it with --allow-update)")
        if not self._checks(text):
            return
        from ..errors import QueryError

        try:
            with self.server.write_lock:
                self.server.writer.update(text)
                self.server.writer.flush()
                self.server.pool.generation += 1
        except QueryError as err:
            return self._error(400, str(err))
        self._send(204, "text/plain", b"")

    def _page(self, params: dict) -> None:
        examples = _examples()
        text = _START
        chosen = params.get("example", [""])[0]
        if chosen in examples:
            text = examples[chosen].text
        links = "".join(f'<li><a href="/?example={html.escape(n)}">{html.escape(n)}</a>: '
                        f"{html.escape(q.title)}</li>" for n, q in sorted(examples.items()))
        mode = ("Updates are accepted." if self.server.config.allow_update else "Read-only.")
        formats = "".join(f'<option value="{k}">{k}</option>' for k in FORMAT_PARAM)
        page = _PAGE.format(query=html.escape(text), formats=formats, mode=mode,
                            examples=f"<h2>Example queries</h2><ul>{links}</ul>" if links else "")
        self._send(200, "text/html; charset=utf-8", page.encode(),
                   {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"})


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: :class:`ThreadingHTTPServer` with the worker pool and the config.

    Use :func:`make_server`; call ``serve_forever()`` and, when done,
    ``shutdown()`` then ``server_close()`` (which also stops the workers).
    """

    daemon_threads = True

    def __init__(self, address, config: EndpointConfig, *, log: bool = False):
        self.config = config
        self.log = log
        self.write_lock = threading.Lock()
        self.writer = None
        if config.allow_update:
            from .oxigraph import KnowledgeStore

            self.writer = KnowledgeStore(config.store_path)
        self.pool = _Pool(config)
        try:
            super().__init__(address, _Handler)
        except OSError:
            self.pool.close()
            raise

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()
        if self.writer is not None:
            self.writer.close()
            self.writer = None


def make_server(store_path: str | Path, host: str = "127.0.0.1", port: int = 8000, *, log: bool = False,
                **options) -> SparqlServer:
    """Build (not start) the endpoint for the store at ``store_path``.

    Parameters
    ----------
    store_path : str or Path
        An existing store folder.
    host, port : str, int
        Where to listen (``port=0`` picks a free port: read ``server.server_address``).
    log : bool
        Log each request to standard error.
    **options
        Fields of :class:`EndpointConfig` (``allow_update``, ``allow_service``,
        ``timeout``, ``max_result_bytes``, ``max_query_bytes``, ``workers``, ``refresh``).

    Raises
    ------
    StoreError
        If there is no store at ``store_path``, or the address cannot be bound.
    """
    path = Path(store_path)
    if not path.exists():
        raise StoreError("no store here yet; run 'geopolkg ingest' first", str(path))
    config = EndpointConfig(store_path=path, **options)
    try:
        return SparqlServer((host, port), config, log=log)
    except OSError as err:
        raise StoreError(f"cannot listen on {host}:{port}: {err}") from err

