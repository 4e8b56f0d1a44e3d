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
