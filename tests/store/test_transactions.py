"""Ingest is transactional: a writer killed (SIGKILL) in the middle of a batch
of writes leaves a store that opens, with every article wholly there or absent.

The writer runs in a subprocess and replaces articles over and over through
KnowledgeStore.put_article; each version of an article has a different
number of quads, all tagged with the version, plus one quad giving the count.
After the kill, each article graph must hold exactly one version, complete.
"""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from geopolkg.ontology import iris
from geopolkg.store import open_store

WRITER = textwrap.dedent("""
    import sys
    import pyoxigraph as ox
    from geopolkg.ontology import iris
    from geopolkg.store import open_store

    P = "https://example.org/p/"
    ks = open_store(sys.argv[1])
    version = 0
    while True:
        for n in range(8):
            version += 1
            article = f"a{n}"
            graph = ox.NamedNode(iris.article_graph_iri(article))
            subject = ox.NamedNode(iris.article_iri(article))
            size = 1500 + (version * 7919) % 2000          # every version a different size
            quads = [ox.Quad(ox.NamedNode(iris.event_iri(f"{article}-{i}")), ox.NamedNode(P + "version"),
                             ox.Literal(str(version)), graph) for i in range(size)]
            quads.append(ox.Quad(subject, ox.NamedNode(P + "size"), ox.Literal(str(size)), graph))
            quads.append(ox.Quad(subject, ox.NamedNode(P + "version"), ox.Literal(str(version)), graph))
            print("begin", version, flush=True)
            ks.put_article(article, quads)
            print("end", version, flush=True)
""")


def _check(store_path):
    """Every article graph holds one complete version; return {article: version}."""
    found = {}
    with open_store(store_path) as ks:  # opens for writing: the killed writer left no lock behind
        for article in ks.article_ids():
            graph = iris.article_graph_iri(article)
            rows = ks.select(f"""SELECT ?size (COUNT(DISTINCT ?v) AS ?versions) (MIN(?v) AS ?version)
                (COUNT(?x) AS ?tagged) WHERE {{ GRAPH <{graph}> {{
                  <{iris.article_iri(article)}> <https://example.org/p/size> ?size .
                  ?x <https://example.org/p/version> ?v .
                }} }} GROUP BY ?size""")
            assert len(rows) == 1, f"{article}: {len(rows)} size markers"
            row = rows[0]
            assert row["versions"] == 1, f"{article} mixes versions"
            assert row["tagged"] == int(row["size"]) + 1, f"{article} is incomplete"
            assert ks.graph_size(graph) == int(row["size"]) + 2
            found[article] = int(row["version"])
    return found


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("kill_at", [2, 9, 17])
def test_kill_in_the_middle_of_a_batch(tmp_path, kill_at):
    store = tmp_path / "store"
    open_store(store).close()  # create it, with the ontology
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(store)], stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        line = ""
        while line != f"begin {kill_at}\n" and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
        assert line == f"begin {kill_at}\n", "the writer did not get going"
        os.kill(proc.pid, signal.SIGKILL)  # while it writes version kill_at
        rest = proc.stdout.read()
    finally:
        proc.kill()
        proc.wait(30)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert f"end {kill_at}" not in rest, "the write finished before the kill: not a test of a torn write"
    versions = _check(store)
    # every version reported written is there; the one killed mid-write is wholly absent
    assert kill_at not in versions.values()
    assert set(versions.values()) == set(range(max(1, kill_at - 8), kill_at))
