"""The SPARQL 1.1 Protocol endpoint (geopolkg serve), driven by a real HTTP
client (urllib) against a server started here on a free loopback port."""

import csv
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from geopolkg.store import open_store
from geopolkg.store.endpoint import make_server, negotiate, uses_service

COUNT_EVENTS = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a <https://w3id.org/geopolkg/ontology#Event> }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 4000^3 rows


def _start(path, **options):
    server = make_server(path, "127.0.0.1", 0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}"


def _stop(server):
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def endpoint(seed_store):
    server, base = _start(seed_store, timeout=3.0, workers=1, max_result_bytes=100_000)
    yield base
    _stop(server)


def _call(url, data=None, headers=None, method=None):
    """Return (status, content type, body) for a request; HTTP errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type"), err.read()


def _get(base, query, accept=None, **params):
    qs = urllib.parse.urlencode({"query": query, **params})
    return _call(f"{base}/sparql?{qs}", headers={"Accept": accept} if accept else {})


def _post_form(base, **form):
    return _call(f"{base}/sparql", data=urllib.parse.urlencode(form).encode(),
                 headers={"Content-Type": "application/x-www-form-urlencoded"})


def _events_in(seed_store):
    with open_store(seed_store, read_only=True) as ks:
        return ks.select(COUNT_EVENTS)[0]["n"]


def test_get_select_as_json_csv_tsv_and_xml(endpoint, seed_store):
    expected = _events_in(seed_store)
    status, ctype, body = _get(endpoint, COUNT_EVENTS)
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(expected)
    status, ctype, body = _get(endpoint, COUNT_EVENTS, accept="text/csv")
    assert ctype.startswith("text/csv")
    assert list(csv.reader(io.StringIO(body.decode()))) == [["n"], [str(expected)]]
    status, ctype, body = _get(endpoint, COUNT_EVENTS, accept="text/tab-separated-values")
    assert body.decode().splitlines()[0] == "?n"
    status, ctype, body = _get(endpoint, COUNT_EVENTS, accept="text/html;q=0.9, application/sparql-results+xml")
    assert ctype.startswith("application/sparql-results+xml") and b"<sparql" in body
    status, ctype, _ = _get(endpoint, COUNT_EVENTS, accept="text/html", format="csv")
    assert status == 200 and ctype.startswith("text/csv")


def test_post_query_as_form_and_as_body(endpoint, seed_store):
    expected = str(_events_in(seed_store))
    status, _, body = _post_form(endpoint, query=COUNT_EVENTS)
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == expected
    status, _, body = _call(f"{endpoint}/sparql", data=COUNT_EVENTS.encode(),
                            headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and body.decode().split() == ["n", expected]
    status, _, body = _post_form(endpoint, query="ASK { ?s a <https://w3id.org/geopolkg/ontology#Article> }")
    assert json.loads(body)["boolean"] is True


def test_construct_as_turtle_and_406_for_results_types(endpoint):
    query = ("CONSTRUCT { ?i <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { "
             "?i a <https://w3id.org/geopolkg/ontology#Issue> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    status, ctype, body = _get(endpoint, query, accept="text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    assert ox.NamedNode("https://w3id.org/geopolkg/id/issue/bagram") in {t.subject for t in triples}
    status, ctype, body = _get(endpoint, query, accept="application/n-triples")
    assert status == 200 and len(body.decode().strip().splitlines()) == len(triples)
    status, _, body = _get(endpoint, query, accept="application/sparql-results+json")
    assert status == 406
    status, _, _ = _get(endpoint, COUNT_EVENTS, accept="image/png")
    assert status == 406


def test_update_is_refused_on_a_read_only_endpoint(endpoint, seed_store):
    before = _events_in(seed_store)
    status, _, body = _post_form(endpoint, update="DROP ALL")
    assert status == 403 and b"--allow-update" in body
    status, _, _ = _call(f"{endpoint}/sparql", data=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    status, _, _ = _call(f"{endpoint}/sparql?update=DROP%20ALL")
    assert status == 403
    assert _events_in(seed_store) == before > 0


def test_service_is_refused_unless_allowed(endpoint):
    federated = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, _, body = _get(endpoint, federated)
    assert status == 403 and b"SERVICE" in body
    status, _, _ = _post_form(endpoint, query=federated.replace("SERVICE", "service"))
    assert status == 403
    # the word inside a string or an IRI is no federated call
    status, _, _ = _get(endpoint, 'SELECT * WHERE { ?s ?p "customer SERVICE" . ?s ?q <http://x/SERVICE> }')
    assert status == 200


def test_errors(endpoint):
    assert _get(endpoint, "SELEKT ?x WHERE { ?x ?y ?z }")[0] == 400
    assert _call(f"{endpoint}/nothing")[0] == 404
    assert _call(f"{endpoint}/sparql")[0] == 400
    assert _call(f"{endpoint}/sparql", data=b"x", headers={"Content-Type": "text/plain"})[0] == 415


def test_result_size_limit(endpoint):
    status, _, body = _get(endpoint, "SELECT * WHERE { ?s ?p ?o }", accept="text/csv")
    assert status == 422 and b"LIMIT" in body
    assert _get(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 10", accept="text/csv")[0] == 200


def test_time_limit_kills_the_query_and_the_endpoint_recovers(endpoint, seed_store):
    started = time.monotonic()
    status, _, body = _get(endpoint, SLOW)
    took = time.monotonic() - started
    assert status == 503 and b"time limit of 3 s" in body
    assert 2.9 < took < 15
    deadline = time.monotonic() + 60  # the replacement worker starts in the background
    status = None
    while time.monotonic() < deadline:
        status, _, body = _get(endpoint, COUNT_EVENTS)
        if status == 200:
            break
        time.sleep(0.5)
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(_events_in(seed_store))


def test_query_page(endpoint):
    status, ctype, body = _call(f"{endpoint}/?example=issue-opposition")
    page = body.decode()
    assert status == 200 and ctype.startswith("text/html")
    assert '<form action="/sparql" method="get">' in page
    assert "issue/bagram" in page and "&lt;https://w3id.org/geopolkg/id/issue/bagram&gt;" in page
    assert 'href="/?example=claim-provenance"' in page


def test_updates_when_allowed(tmp_path):
    path = tmp_path / "s"
    open_store(path).close()
    server, base = _start(path, allow_update=True, workers=1)
    try:
        insert = ('INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> '
                  '<https://example.org/p> "x\\"y" } }')
        status, _, _ = _post_form(base, update=insert)
        assert status == 204
        status, _, body = _get(base, "SELECT ?o WHERE { GRAPH <https://example.org/g> { ?s ?p ?o } }")
        assert [b["o"]["value"] for b in json.loads(body)["results"]["bindings"]] == ['x"y']
        assert _post_form(base, update="INSERT DATA { oops")[0] == 400
        federated = "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }"
        assert _post_form(base, update=federated)[0] == 403
    finally:
        _stop(server)
    with open_store(path, read_only=True) as ks:
        assert ks.graph_size("https://example.org/g") == 1


def test_helpers():
    assert negotiate(None, "results") == "application/sparql-results+json"
    assert negotiate("text/*", "graph") == "text/turtle"
    assert negotiate("application/json;q=0.5, text/csv", "results") == "text/csv"
    assert negotiate("text/csv", "graph") is None
    assert uses_service("select * { ?s ?p ?o . service <x:y> { } }")
    assert not uses_service("SELECT ?service WHERE { ?s ex:SERVICE ?service } # SERVICE")
    assert not uses_service('SELECT * { ?s ?p """a\nSERVICE <x:y> {"""}')
