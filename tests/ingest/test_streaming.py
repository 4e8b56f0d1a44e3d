"""Streaming over each input kind: RSS, Atom, WARC, gzip, JSON Lines with a bad line."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json

import pytest

from geopolkg.errors import LoaderError
from geopolkg.loaders import iter_articles, loader_for
from shared_data import shared_path

UTC = dt.timezone.utc


def test_guardian_feed_gives_one_article_per_item():
    errors = []
    articles = list(iter_articles([shared_path("articles", "guardian-world.rss")], errors=errors))
    assert errors == []
    assert len(articles) == 55  # the feed has 55 <item> elements
    first = articles[0]
    assert first.title == "Trump State of the Union address promised unity but emphasized discord"
    assert first.published == dt.datetime(2018, 1, 31, 7, 26, 5, tzinfo=UTC)  # Wed, 31 Jan 2018 07:26:05 GMT
    assert first.source == "The Guardian"
    assert first.url == ("https://www.theguardian.com/us-news/2018/jan/31/"
                         "donald-trump-state-of-the-union-address-unity-discord")
    # the description's HTML: standfirst and first paragraph, without the
    # "Related:" teaser and the "Continue reading..." link
    assert first.text.startswith("The president\u2019s \u2018new American moment\u2019 speech stirred")
    assert "Donald Trump has promised a \u201cnew American moment\u201d" in first.text
    assert "Related" not in first.text and "Continue reading" not in first.text
    assert "<" not in first.text
    assert articles[-1].title == "Earth's ultimate yogis \u2013 in pictures"
    assert len({a.id for a in articles}) == 55


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Test wire</title>
  <entry>
    <title>Envoys meet</title>
    <id>urn:test:1</id>
    <link href="https://example.org/envoys"/>
    <updated>2025-09-20T09:30:00+02:00</updated>
    <content type="html">&lt;p&gt;China's envoy met the Afghan foreign minister in Kabul on Friday.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</content>
  </entry>
  <entry>
    <title>Empty</title>
    <id>urn:test:2</id>
    <updated>2025-09-20T10:00:00Z</updated>
  </entry>
  <entry>
    <title>Talks</title>
    <id>urn:test:3</id>
    <updated>2025-09-21T00:00:00Z</updated>
    <summary>Pakistan and Afghanistan held talks on the border dispute in Doha.</summary>
  </entry>
</feed>
"""


def test_atom_feed_gzipped_with_a_bad_entry_in_the_middle(tmp_path):
    path = tmp_path / "wire.atom.gz"
    path.write_bytes(gzip.compress(ATOM.encode("utf-8")))
    assert loader_for(path) == "feed"
    errors = []
    articles = list(iter_articles([path], errors=errors))
    assert [a.title for a in articles] == ["Envoys meet", "Talks"]
    assert articles[0].text == "China's envoy met the Afghan foreign minister in Kabul on Friday."
    assert articles[0].published == dt.datetime(2025, 9, 20, 7, 30, tzinfo=UTC)  # 09:30 at +02:00
    assert articles[0].source == "Test wire"
    assert len(errors) == 1 and f"{path}: item 2" in str(errors[0])


def _warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=str(path).endswith(".gz"))
        for uri, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
            record.raw_stream.close()  # warcio spools the payload to a temporary file


def test_warc_pages_go_through_the_html_loader(tmp_path):
    from geopolkg.loaders.html import read_html_article

    page = shared_path("articles", "html", "newspaper4k__yna_co_kr.html")
    url = "https://en.yna.co.kr/view/AEN20190820002300325?section=nk/nk"
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [
        (url, "text/html; charset=utf-8", page.read_bytes()),
        ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n"),
        ("https://example.org/empty", "text/html", b"<html><body></body></html>"),
    ])
    errors = []
    articles = list(iter_articles([path], errors=errors))
    assert len(articles) == 1
    article = articles[0]
    direct = read_html_article(page, url=url)
    assert article.text == direct.text
    assert article.title == "N. Korea slams S. Korea for joint military drill, warns of consequences"
    assert article.url == url
    # the image is not an article; the empty page is reported by its record number
    assert len(errors) == 1 and f"{path}: record 3" in str(errors[0])


def test_truncated_warc_keeps_the_records_before_the_break(tmp_path):
    page = shared_path("articles", "html", "readability__nytimes-1.source.html").read_bytes()
    whole = tmp_path / "whole.warc"
    _warc(whole, [("https://example.org/a", "text/html", page), ("https://example.org/b", "text/html", page)])
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) - len(page) // 2])
    errors = []
    articles = list(iter_articles([cut], errors=errors))
    assert [a.url for a in articles] == ["https://example.org/a"]
    assert articles[0].title == "United States to Lift Sudan Sanctions"
    assert len(errors) == 1 and f"{cut}: record 2" in str(errors[0]) and "broken WARC" in str(errors[0])


def test_gzipped_text_reads_like_the_plain_file(tmp_path):
    seed = shared_path("articles", "bagram-talks.txt")
    packed = tmp_path / "bagram-talks.txt.gz"
    packed.write_bytes(gzip.compress(seed.read_bytes()))
    plain = next(iter_articles([seed]))
    article = next(iter_articles([packed]))
    assert article.text == plain.text
    assert article.id == "bagram-talks"


def test_truncated_gzip_is_reported_not_fatal(tmp_path):
    packed = tmp_path / "bad.txt.gz"
    packed.write_bytes(gzip.compress(b"Kabul rejected the plan on Friday." * 20)[:30])
    errors = []
    assert list(iter_articles([packed], errors=errors)) == []
    assert len(errors) == 1 and str(packed) in str(errors[0])
    with pytest.raises(LoaderError):
        list(iter_articles([packed]))


def _jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_corrupt_line_in_the_middle_of_json_lines_is_skipped_and_counted(tmp_path):
    import geopolkg.api as api

    records = [
        {"id": "a1", "text": "Cocoa prices rose three percent in London on Monday, traders said.",
         "published": "1987-03-02"},
        {"id": "a3", "text": "Coffee futures fell two percent in New York on Tuesday, dealers said.",
         "published": "1987-03-03"},
    ]
    path = tmp_path / "wire.jsonl"
    _jsonl(path, [json.dumps(records[0]), '{"id": "a2", "text": "broken', json.dumps(records[1])])
    summary = api.ingest([path], tmp_path / "store")
    assert summary.stored == 2 and summary.unchanged == 0
    assert len(summary.failed) == 1
    assert f"{path}:2" in str(summary.failed[0]) and "not valid JSON" in str(summary.failed[0])
    assert sorted(summary.article_ids) == ["a1", "a3"]
    # a bad byte costs only its line too
    raw = tmp_path / "bytes.jsonl"
    raw.write_bytes(json.dumps(records[0]).encode() + b"\n{\"id\": \"x\", \"text\": \"\xff\"}\n"
                    + json.dumps(records[1]).encode() + b"\n")
    errors = []
    assert [a.id for a in iter_articles([raw], errors=errors)] == ["a1", "a3"]
    assert f"{raw}:2" in str(errors[0])
