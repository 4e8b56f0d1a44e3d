import datetime as dt
import json

import pytest

from geopolkg.errors import LoaderError
from geopolkg.loaders import iter_articles


def _write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_records_become_articles(tmp_path):
    path = tmp_path / "a.jsonl"
    _write(path, [json.dumps({"id": "x1", "title": "T1", "text": "Kabul rejected the plan on Friday.",
                              "published": "2025-09-20", "source": "S", "url": "https://e.org/1"}),
                  json.dumps({"text": "China opposes foreign interference in the region.", "published": None})])
    first, second = iter_articles([path])
    assert (first.id, first.title, first.published, first.source, first.url) == (
        "x1", "T1", dt.date(2025, 9, 20), "S", "https://e.org/1")
    assert second.id == "a-2" and second.published is None


def test_a_bad_line_names_its_line_and_the_rest_load(tmp_path):
    path = tmp_path / "b.jsonl"
    _write(path, [json.dumps({"id": "ok1", "text": "Kabul rejected the plan on Friday."}),
                  '{"id": "broken", "text": ',
                  json.dumps({"id": "ok3", "text": "China opposes foreign interference in the region."})])
    errors = []
    ids = [a.id for a in iter_articles([path], errors=errors)]
    assert ids == ["ok1", "ok3"]
    assert len(errors) == 1 and f"{path}:2" in str(errors[0])
    with pytest.raises(LoaderError, match=":2"):
        list(iter_articles([path]))


def test_javascript_url_is_not_kept(tmp_path):
    path = tmp_path / "c.jsonl"
    _write(path, [json.dumps({"id": "u", "text": "Kabul rejected the plan on Friday.", "url": "javascript:alert(1)"})])
    [article] = iter_articles([path])
    assert article.url is None


def test_a_lone_surrogate_costs_its_record_only(tmp_path):
    # json.dumps writes the escape "\ud800", which json.loads turns into a lone surrogate
    path = tmp_path / "s.jsonl"
    _write(path, [json.dumps({"id": "s1", "title": "Bad \ud800 title", "text": "Kabul rejected the plan on Friday."}),
                  json.dumps({"id": "s2", "text": "China opposes foreign interference in the region."}),
                  json.dumps({"id": "s3", "text": "Iran warned \udfff Iraq.", "title": "T"}),
                  json.dumps({"id": {"nested": 1}, "text": "China opposes foreign interference in the region."})])
    assert '"\\ud800"'[1:-1] in path.read_text(encoding="utf-8")
    errors = []
    assert [a.id for a in iter_articles([path], errors=errors)] == ["s2"]
    assert [str(e) for e in errors] == [
        f"{path}:1: the title holds a lone surrogate (U+D800) at character 5, which is no Unicode character [GK100]",
        f"{path}:3: the text holds a lone surrogate (U+DFFF) at character 13, which is no Unicode character [GK100]",
        f"{path}:4: the id must be text, not dict [GK100]"]


def test_a_json_lines_file_with_a_surrogate_is_stored_but_that_record(tmp_path):
    from click.testing import CliRunner

    from geopolkg.cli import cli
    from geopolkg.store.oxigraph import open_store

    path = tmp_path / "s.jsonl"
    _write(path, [json.dumps({"id": "s1", "title": "\ud800", "text": "Kabul rejected the plan of the United States."}),
                  json.dumps({"id": "s2", "text": "China opposes foreign interference in Afghanistan."})])
    result = CliRunner().invoke(cli, ["ingest", str(path), "--store", str(tmp_path / "st"), "-j", "1", "-q"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert lines[0] == f"Error: {path}:1: the title holds a lone surrogate (U+D800) at character 1, " \
                       "which is no Unicode character [GK100]"
    assert lines[1].startswith("stored 1 article(s)") and "1 failed" in lines[1]
    assert open_store(tmp_path / "st").article_ids() == ["s2"]


def test_json_nested_too_deeply_costs_its_record_only(tmp_path):
    # 100,000 nested brackets make json.loads raise RecursionError
    path = tmp_path / "deep.jsonl"
    deep = '{"id": "d1", "text": "Kabul rejected the plan.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    _write(path, [deep, json.dumps({"id": "d2", "text": "China opposes foreign interference in the region."})])
    errors = []
    assert [a.id for a in iter_articles([path], errors=errors)] == ["d2"]
    assert [str(e) for e in errors] == [f"{path}:1: JSON nested too deeply to read [GK100]"]


def test_a_byte_order_mark_starting_a_later_line_is_dropped(tmp_path):
    # two files joined with cat: the second keeps its UTF-8 byte-order mark
    path = tmp_path / "joined.jsonl"
    path.write_bytes(b'{"id": "j1", "text": "Kabul rejected the plan on Friday."}\n'
                     b'\xef\xbb\xbf{"id": "j2", "text": "China opposes foreign interference in the region."}\n')
    errors = []
    assert [a.id for a in iter_articles([path], errors=errors)] == ["j1", "j2"] and errors == []
