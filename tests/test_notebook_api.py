"""The notebook API: text in (one article or many), DataFrames out, a store as a path or opened.

The articles are sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import pytest

import geopolkg
import geopolkg.api as api
from geopolkg.errors import GeopolkgError
from geopolkg.frames import SCHEMAS
from geopolkg.store import open_store

BORDER = "Iran accused Iraq on Monday of shelling its border towns. Iraq rejected the charge."
ESCORT = "The United States and Kuwait signed an agreement on Friday to escort Kuwaiti tankers."
WARNING = "Iran warned the United States on Thursday against sending warships to the Gulf."


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("nb") / "store"
    first = geopolkg.ingest_text(BORDER, store=str(path), published="1987-03-04", title="Border shelling",
                                 source="Example wire", url="https://example.org/border")
    assert (first.stored, first.failed) == (1, [])
    many = geopolkg.ingest_text([{"id": "escort-1", "text": ESCORT, "published": "1987-04-10"},
                                 {"id": "warning-1", "text": WARNING, "published": "1987-04-17",
                                  "title": "Warning"}], store=path)
    assert (many.stored, many.article_ids, many.failed) == (2, ["escort-1", "warning-1"], [])
    return path


def test_one_text_is_one_article_with_its_metadata(store):
    records = api.events(store)
    border = [e for e in records if e["sentence"].startswith("Iran accused Iraq")]
    assert border, records
    e = border[0]
    assert e["article"] == "text-" + hashlib.sha256(BORDER.encode()).hexdigest()[:16]
    assert (e["actor"]["code"], e["target"]["code"]) == ("IRNGOV", "IRQGOV")
    assert e["date"] == "1987-03-02"  # "on Monday", counted from Wednesday 4 March 1987
    assert e["article_title"] == "Border shelling" and e["article_url"] == "https://example.org/border"
    # the same text again is the same article: nothing changes
    again = geopolkg.ingest_text(BORDER, store=store, published="1987-03-04", title="Border shelling",
                                 source="Example wire", url="https://example.org/border")
    assert (again.stored, again.unchanged) == (0, 1)
    assert len(api.events(store)) == len(records)


def test_many_texts_keep_the_good_ones_and_say_what_was_wrong(tmp_path):
    rows = [{"text": ESCORT, "published": "1987-04-10", "id": "ok-1"},
            {"text": "   ", "id": "empty"},
            {"text": WARNING, "published": "13/13/1987", "id": "bad-date"},
            {"text": WARNING, "colour": "red"},
            {"text": WARNING, "published": "1987-04-17", "id": "ok-2"}]
    summary = geopolkg.ingest_text(rows, store=tmp_path / "s")
    assert summary.stored == 2 and summary.article_ids == ["ok-1", "ok-2"]
    messages = [str(err) for err in summary.failed]
    assert len(messages) == 3 and all("\n" not in m for m in messages)
    assert messages[0].startswith("text 2: no text")
    assert messages[1].startswith("text 3: bad publication date '13/13/1987'")
    assert messages[2].startswith("text 4: unknown key(s) 'colour'")
    with pytest.raises(GeopolkgError, match="text 1: no text"):
        geopolkg.ingest_text([{"text": ""}], store=tmp_path / "s", keep_going=False)
    with pytest.raises(GeopolkgError, match="not a dict"):
        geopolkg.ingest_text([ESCORT], store=tmp_path / "s")
    with pytest.raises(GeopolkgError, match="one article"):
        geopolkg.ingest_text(rows, store=tmp_path / "s", id="x")


def test_a_dataframe_of_articles(tmp_path):
    frame = pd.DataFrame({"text": [ESCORT, WARNING], "id": ["f-1", "f-2"],
                          "published": [pd.Timestamp("1987-04-10"), pd.NaT], "title": ["Escort", None]})
    summary = geopolkg.ingest_text(frame, store=tmp_path / "s", published="1987-04-17")
    assert (summary.stored, summary.failed) == (2, [])
    dates = {e["article"]: e["date"] for e in api.events(tmp_path / "s")}
    assert dates["f-1"] == "1987-04-10"  # "on Friday", the day of publication (a Friday)
    assert dates["f-2"] == "1987-04-16"  # NaT: the default publication day, Friday 17 April; Thursday before
    with pytest.raises(GeopolkgError, match="no 'text' column"):
        geopolkg.ingest_text(pd.DataFrame({"body": [ESCORT]}), store=tmp_path / "s")


KINDS = {"events": ("events", {}), "opposition": ("relations", {}), "alignment": ("relations", {}),
         "pairs": ("pairs", {"sign": "all"}), "stance": ("stance", {}), "issues": ("issues", {})}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_frames_have_fixed_columns_and_dtypes_even_when_empty(name, store, tmp_path):
    schema, kwargs = KINDS[name]
    func = getattr(geopolkg, name)
    rows = func(store, **kwargs)
    frame = func(store, as_frame=True, **kwargs)
    empty = func(geopolkg.store.open_store(tmp_path / "empty"), as_frame=True, **kwargs)
    for f in (frame, empty):
        assert list(f.columns) == list(SCHEMAS[schema])
    assert dict(frame.dtypes.astype(str)) == dict(empty.dtypes.astype(str))
    expected = {"string": "string", "Int64": "Int64", "float64": "float64", "boolean": "boolean",
                "day": "datetime64[ns]", "object": "object"}
    assert dict(frame.dtypes.astype(str)) == {c: expected[t] for c, t in SCHEMAS[schema].items()}
    assert len(frame) == len(rows) and len(empty) == 0


def test_frame_values_are_those_of_the_plain_call(store):
    rows = api.events(store)
    frame = api.events(store, as_frame=True)
    assert frame["id"].tolist() == [e["id"] for e in rows]
    assert frame["date"].tolist() == [pd.Timestamp(e["date"]) for e in rows]
    assert frame["actor"].tolist() == [e["actor"]["code"] for e in rows]
    assert frame["target_name"].tolist() == [e["target"]["name"] if e["target"] else pd.NA for e in rows]
    pairs = api.pairs(store, "all", as_frame=True)
    plain = api.pairs(store, "all")
    assert pairs["weight"].tolist() == [p["weight"] for p in plain]
    assert pairs["date_min"].tolist() == [pd.Timestamp(p["date_min"]) for p in plain]
    assert pairs["evidence"].tolist() == [p["evidence"] for p in plain]


def test_instants_in_frames_are_in_utc():
    from geopolkg.frames import to_frame

    frame = to_frame("pairs", [{"a": {"code": "A", "name": "A"}, "b": {"code": "B", "name": "B"}, "weight": 1,
                                "count": 1, "cooperation": 1, "conflict": 0, "evidence": [],
                                "date_min": "2024-03-02T05:00:00+14:00", "date_max": dt.date(2024, 3, 2)}])
    assert frame["date_min"][0] == pd.Timestamp("2024-03-01T15:00:00")
    assert frame["date_max"][0] == pd.Timestamp("2024-03-02")


def test_one_str_or_path_is_one_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "talks.txt").write_text(ESCORT + "\n", encoding="utf-8")
    (tmp_path / "talks.meta.json").write_text('{"published": "1987-04-10"}', encoding="utf-8")
    # were "talks.txt" read character by character, "." would take the folder and "t", "a"... fail
    summary = api.ingest("talks.txt", tmp_path / "s")
    assert (summary.stored, summary.failed) == (1, [])
    assert api.ingest(tmp_path / "talks.txt", tmp_path / "s").unchanged == 1
    with pytest.raises(GeopolkgError, match="not bytes"):
        api.ingest(b"talks.txt", tmp_path / "s")


def test_every_function_takes_a_store_path_or_an_opened_store(store):
    import geopolkg.queries as queries

    opened = open_store(store, read_only=True)
    calls = {
        "events": lambda s: api.events(s), "opposition": lambda s: api.opposition(s),
        "alignment": lambda s: api.alignment(s), "issues": lambda s: api.issues(s),
        "stance": lambda s: api.stance(s), "pairs": lambda s: api.pairs(s, "all"),
        "camps": lambda s: api.camps(s), "centrality": lambda s: api.centrality(s),
        "trends": lambda s: api.trends(s), "timeline": lambda s: api.timeline(s).rows,
        "select_view": lambda s: sorted(api.select_view(s).graph.nodes),
        "actor_graph": lambda s: sorted(api.actor_graph(s).edges),
        "signed_graph": lambda s: sorted(api.signed_graph(s).edges),
        "query": lambda s: len(list(api.query("SELECT ?s WHERE { ?s a <https://w3id.org/geopolkg/ontology#Event> }", s))),
        "run_query": lambda s: queries.run_query("issues", s),
        "export": lambda s: len(api.export("nquads", None, s)),
    }
    for name, call in calls.items():
        by_path, by_str, by_store = call(store), call(str(store)), call(opened)
        assert by_path == by_str == by_store, name
    assert queries.run_query("actor-events", str(store), actor="IRNGOV", start="1987-01-01", end="1987-12-31")
    with pytest.raises(GeopolkgError, match="not int"):
        api.events(42)
