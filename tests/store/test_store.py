import datetime as dt

import pyoxigraph as ox
import pytest

import geopolkg.api as api
from geopolkg.errors import QueryError, StoreError
from geopolkg.loaders import Article
from geopolkg.ontology import iris
from geopolkg.store import open_store
from geopolkg.store.rdf import result_quads

from shared_data import shared_path


def test_reingest_changes_nothing(tmp_path):
    store = tmp_path / "s"
    seed = shared_path("articles", "bagram-talks.txt")
    first = api.ingest([seed], store)
    with open_store(store, read_only=True) as ks:
        size = len(ks)
        dump = ks.dump(ox.RdfFormat.N_QUADS)
    second = api.ingest([seed], store)
    assert (first.stored, second.stored, second.unchanged) == (1, 0, 1)
    with open_store(store, read_only=True) as ks:
        assert len(ks) == size
        assert ks.dump(ox.RdfFormat.N_QUADS) == dump


def test_changed_article_replaces_its_graph(tmp_path):
    store = tmp_path / "s"
    path = tmp_path / "story.txt"
    path.write_text("Kabul rejected the American plan for Bagram air base on Friday.")
    api.ingest([path], store, published="2025-09-20")
    old = api.events(store)
    path.write_text("China criticized the American plan for Bagram air base on Friday.")
    api.ingest([path], store, published="2025-09-20")
    new = api.events(store)
    assert [e["actor"]["code"] for e in old] == ["AFGGOV"]
    assert [e["actor"]["code"] for e in new] == ["CHNGOV"]
    assert not {e["id"] for e in old} & {e["id"] for e in new}


def test_hostile_text_stays_inside_literals(tmp_path, extractor):
    hostile = 'Kabul rejected the plan. "> <script>alert(1)</script> } . <urn:x> <urn:y> <urn:z> .\n'
    article = Article(iris_text := "evil-1", hostile * 2, title='"}} DROP ALL ; <b>',
                      published=dt.date(2025, 1, 1))
    result = extractor.extract(article)
    with open_store(tmp_path / "s") as ks:
        ks.put_article(article.id, result_quads(result))
        rows = ks.select('PREFIX schema: <https://schema.org/> SELECT ?t ?h WHERE { ?a schema:text ?t ; schema:headline ?h }')
        assert rows == [{"t": article.text, "h": article.title}]
        assert not ks.select("SELECT ?s WHERE { GRAPH ?g { ?s ?p <urn:z> } }")
    assert iris_text == "evil-1"


@pytest.mark.parametrize("key", ['a "quoted" name', "<angle> brackets", "line\nbreak", "Путин", "x y}z{"])
def test_iris_from_hostile_keys_are_valid(key):
    value = iris.actor_iri(key)
    node = ox.NamedNode(value)  # raises on an invalid IRI
    assert node.value == value
    for bad in ' "<>{}\n':
        assert bad not in value


def test_time_zone_survives_a_round_trip(tmp_path, extractor):
    published = dt.datetime(2019, 8, 20, 9, 31, 1, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    article = Article("tz", "Pyongyang slammed Seoul on Tuesday.", published=published)
    with open_store(tmp_path / "s") as ks:
        ks.put_article("tz", result_quads(extractor.extract(article)))
        [row] = ks.select("PREFIX schema: <https://schema.org/> SELECT ?d WHERE { ?a schema:datePublished ?d }")
        assert row["d"] == "2019-08-20T09:31:01+09:00"


def test_sparql_syntax_error_is_a_query_error(seed_store):
    with open_store(seed_store, read_only=True) as ks:
        with pytest.raises(QueryError, match="SPARQL syntax error"):
            ks.query("SELEKT ?x WHERE { ?x ?y ?z }")


def test_reading_a_missing_store_is_an_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "nothing", read_only=True)


def test_remove_article(tmp_path):
    store = tmp_path / "s"
    api.ingest([shared_path("articles", "bagram-talks.txt")], store)
    with open_store(store) as ks:
        assert ks.article_ids() == ["bagram-talks"]
        assert ks.remove_article("bagram-talks") is True
        assert ks.article_ids() == []
        assert ks.remove_article("bagram-talks") is False
