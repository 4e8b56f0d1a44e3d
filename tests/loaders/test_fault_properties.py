"""The fault suite's property tests of every loader (issue 19): random bytes,
truncation at every position of a small valid file, random encodings, random
JSON shapes and dates, random feed entities.

The properties: a bad record is one ``LoaderError`` of one line naming its
file (and record), never another exception (a traceback for the user); the
good records are read, and read right. Example counts are fixed and the
examples derandomized, so CI runs the same examples every time; the module
runs in about half a minute.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import json
import os
import re
import tempfile
from pathlib import Path

import pytest

try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # CI installs ".[test]"; a developer's venv may predate it
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("hypothesis is not installed (pip install '.[test]')", allow_module_level=True)

from geopolkg.errors import LoaderError
from geopolkg.loaders import iter_articles
from geopolkg.loaders.gdelt import COLUMNS_V2, iter_gdelt
from geopolkg.loaders.icews import REQUIRED_COLUMNS, iter_icews


pytestmark = pytest.mark.fault


def fault_settings(examples: int):
    """Deterministic hypothesis settings: derandomized, no example database."""
    return settings(max_examples=examples, derandomize=True, database=None, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


SENTENCES = ["Kabul rejected the American request on Friday, officials in the Afghan capital said.",
             "China said it respects the sovereignty of Afghanistan and opposes foreign interference.",
             "Iran accused Iraq of attacking its oil terminal in the Gulf on Monday.",
             "Pakistan and India held talks on the border dispute in Islamabad this week."]


def _read(path: Path) -> tuple[list, list]:
    """Articles and errors of ``path``; any exception but a collected LoaderError fails the test."""
    errors: list = []
    articles = list(iter_articles([path], errors=errors))
    for err in errors:
        assert isinstance(err, LoaderError), repr(err)
        message = str(err)
        assert "\n" not in message and message.startswith(str(path)), message
    for article in articles:
        assert isinstance(article.text, str) and article.text.strip()
        for value in (article.text, article.title or "", article.source or "", article.id):
            assert not re.search("[\ud800-\udfff]", value)
        published = article.published
        assert published is None or isinstance(published, dt.date)
        if isinstance(published, dt.datetime):
            assert published.tzinfo is not None
    return articles, errors


# -- small valid files, written for these tests ---------------------------------

def _jsonl() -> bytes:
    records = [{"id": f"r{i}", "title": f"T\u00edtulo {i}", "text": s, "published": f"2024-03-0{i + 1}"}
               for i, s in enumerate(SENTENCES[:3])]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def _rss() -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>https://example.org/{i}</link>"
                    f"<description>{s}</description><pubDate>Sat, 0{i + 2} Mar 2024 05:00 +1400</pubDate></item>"
                    for i, s in enumerate(SENTENCES[:3]))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
            f"{items}</channel></rss>").encode("utf-8")


def _html() -> bytes:
    return ("<html><head><meta charset=\"utf-8\"><title>Kabul says no | Wire</title>"
            "<meta property=\"article:published_time\" content=\"2024-03-02T05:00:00+04:30\"></head>"
            f"<body><article><p>{SENTENCES[0]}</p><p>{SENTENCES[1]}</p></article></body></html>").encode("utf-8")


def _text() -> bytes:
    return (SENTENCES[2] + "\n\nThe ministry in Tehran said C\u00f4te d\u2019Ivoire had been told.\n").encode("utf-8")


def _page(body: str) -> bytes:
    return f"<html><head><title>Page</title></head><body><article><p>{body}</p></article></body></html>".encode()


def _warc(gzipped: bool = False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for i, sentence in enumerate(SENTENCES[:2]):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(f"https://example.org/{i}", "response",
                                           payload=io.BytesIO(_page(sentence)), http_headers=headers)
        writer.write_record(record)
        record.raw_stream.close()
    return out.getvalue()


def _gdelt_row(n: int) -> str:
    values = dict.fromkeys(COLUMNS_V2, "")
    values.update({"GLOBALEVENTID": str(900 + n), "SQLDATE": f"2019102{n}", "MonthYear": "201910",
                   "Year": "2019", "FractionDate": "2019.8", "Actor1Code": "USAGOV", "Actor1Name": "THE US",
                   "Actor1CountryCode": "USA", "Actor1Type1Code": "GOV", "Actor2Code": "CHN",
                   "Actor2Name": "CHINA", "Actor2CountryCode": "CHN", "IsRootEvent": "1", "EventCode": "040",
                   "EventBaseCode": "040", "EventRootCode": "04", "QuadClass": "1", "GoldsteinScale": "1.0",
                   "NumMentions": "4", "NumSources": "1", "NumArticles": "4", "AvgTone": "-1.5",
                   "DATEADDED": "20191024143000", "SOURCEURL": f"https://example.org/gdelt/{n}"})
    return "\t".join(values[c] for c in COLUMNS_V2)


def _icews() -> str:
    rows = []
    for n in range(3):
        row = dict.fromkeys(REQUIRED_COLUMNS, "")
        row.update({"Event ID": str(700 + n), "Event Date": f"2018-06-0{n + 1}", "Source Name": "Donald Trump",
                    "Source Country": "United States", "Event Text": "Consult", "CAMEO Code": "040",
                    "Intensity": "1.0", "Target Name": "China", "Target Country": "China",
                    "Story ID": str(4700 + n), "Sentence Number": "1", "Publisher": "Wire",
                    "Country": "China", "Latitude": "39.9", "Longitude": "116.4"})
        rows.append("\t".join(row[c] for c in REQUIRED_COLUMNS))
    return "\t".join(REQUIRED_COLUMNS) + "\n" + "\n".join(rows) + "\n"


VALID = {"a.jsonl": _jsonl, "a.rss": _rss, "a.html": _html, "a.txt": _text, "a.warc": _warc}


def _write(folder: str, name: str, data: bytes) -> Path:
    path = Path(folder) / name
    path.write_bytes(data)
    return path


# -- random bytes ---------------------------------------------------------------

_NAMES = ["a.txt", "a.html", "a.jsonl", "a.rss", "a.atom", "a.warc", "a.jsonl.gz", "a.txt.gz", "a.warc.gz"]




@fault_settings(120)
@given(name=st.sampled_from(_NAMES), data=st.one_of(
    st.binary(max_size=600),
    st.builds(lambda base, at, junk: base[:at] + junk + base[at:],
              st.sampled_from([f() for f in VALID.values()]), st.integers(0, 400), st.binary(min_size=1, max_size=40))))
def test_random_bytes_give_one_line_errors_never_a_traceback(name, data):
    with tempfile.TemporaryDirectory() as folder:
        if name.endswith(".gz") and data[:2] != b"\x1f\x8b":
            data = gzip.compress(data, mtime=0) if len(data) % 2 else data  # sometimes valid gzip, sometimes not
        _read(_write(folder, name, data))


# -- truncation at every position -----------------------------------------------

def _jsonl_lines_complete(prefix: bytes) -> int:
    """How many whole records (their closing brace) the prefix holds."""
    return sum(1 for line in prefix.split(b"\n") if line.endswith(b"}"))


def test_json_lines_truncated_at_every_position_keep_every_whole_record():
    data = _jsonl()
    with tempfile.TemporaryDirectory() as folder:
        for cut in range(len(data) + 1):
            articles, errors = _read(_write(folder, "a.jsonl", data[:cut]))
            whole = _jsonl_lines_complete(data[:cut])
            assert [a.id for a in articles] == [f"r{i}" for i in range(whole)], cut
            assert [a.published for a in articles] == [dt.date(2024, 3, i + 1) for i in range(whole)]
            assert len(errors) == (0 if data[:cut].endswith(b"\n") or cut == 0 or
                                   data[:cut].endswith(b"}") else 1), (cut, errors)


def test_gzipped_json_lines_truncated_at_every_position_keep_a_prefix_of_the_records():
    full = _jsonl()
    data = gzip.compress(full, mtime=0)
    with tempfile.TemporaryDirectory() as folder:
        for cut in range(len(data) + 1):
            articles, errors = _read(_write(folder, "a.jsonl.gz", data[:cut]))
            ids = [a.id for a in articles]
            assert ids == ["r0", "r1", "r2"][:len(ids)], cut
            if cut == len(data):
                assert (ids, errors) == (["r0", "r1", "r2"], [])
            elif cut > 0:  # a gzip stream cut short is reported, whatever it held (an empty file holds nothing)
                assert 1 <= len(errors) <= 2 and any("cannot read file" in str(e) or "broken gzip" in str(e)
                                                     for e in errors), (cut, errors)


def test_a_feed_truncated_at_every_position_keeps_its_whole_items():
    data = _rss()
    with tempfile.TemporaryDirectory() as folder:
        for cut in range(len(data) + 1):
            articles, errors = _read(_write(folder, "a.rss", data[:cut]))
            whole = data[:cut].count(b"</item>")
            urls = [a.url for a in articles]
            assert urls[:whole] == [f"https://example.org/{i}" for i in range(whole)], cut
            assert len(urls) <= whole + 1 and len(errors) <= 2, (cut, errors)
            for article in articles[:whole]:
                assert article.published.utcoffset() == dt.timedelta(hours=14)


@pytest.mark.parametrize("name", ["a.html", "a.txt"])
def test_a_page_or_text_truncated_at_every_position_is_an_article_or_one_error(name):
    data = VALID[name]()
    with tempfile.TemporaryDirectory() as folder:
        for cut in range(len(data) + 1):
            articles, errors = _read(_write(folder, name, data[:cut]))
            assert len(articles) + len(errors) == 1, (cut, errors)
            for article in articles:
                # a UTF-8 file cut inside a character is still read as UTF-8, never as mojibake
                assert "\u00c3" not in article.text and "\u00e2\u20ac" not in article.text, cut


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_warc_truncated_at_every_position_keeps_its_whole_records(gzipped, monkeypatch):
    import functools

    import geopolkg.loaders.warc as warc

    # only whole pages reach the HTML loader, two of them: its answers are kept, so
    # the time goes to warcio reading each truncated file
    cached = functools.lru_cache(maxsize=None)(lambda html, where, meta, **kw: warc_parse(html, where, dict(meta), **kw))
    warc_parse = warc.parse_html
    monkeypatch.setattr(warc, "parse_html", lambda html, where, meta, **kw: cached(html, where, tuple(meta.items()), **kw))
    data = _warc(gzipped)
    name = "a.warc.gz" if gzipped else "a.warc"
    bounds = [m.start() for m in re.finditer(rb"WARC/1\.", data)] if not gzipped else []
    with tempfile.TemporaryDirectory() as folder:
        for cut in range(len(data) + 1):
            articles, errors = _read(_write(folder, name, data[:cut]))
            urls = [a.url for a in articles]
            assert urls == ["https://example.org/0", "https://example.org/1"][:len(urls)], cut
            assert len(errors) <= 1, (cut, errors)
            if cut == len(data):
                assert (len(urls), errors) == (2, [])
            elif bounds and cut >= bounds[1] + 1:
                assert urls[:1] == ["https://example.org/0"], cut


@pytest.mark.parametrize("kind", ["gdelt", "icews"])
def test_event_files_truncated_at_every_position_keep_their_whole_rows(kind):
    if kind == "gdelt":
        data = ("\n".join(_gdelt_row(n) for n in range(3)) + "\n").encode("utf-8")
        read, header = iter_gdelt, 0
    else:
        data, read, header = _icews().encode("utf-8"), iter_icews, 1
    full_ids = [e.id for e in read(_write(tempfile.mkdtemp(), "full.tab", data))]
    assert len(full_ids) == 3
    with tempfile.TemporaryDirectory() as folder:
        for cut in range(len(data) + 1):
            path = _write(folder, "cut.tab", data[:cut])
            errors: list = []
            try:
                events = list(read(path, errors=errors))
            except LoaderError as err:  # ICEWS: a header cut short is the file's one error
                assert kind == "icews" and "header" in str(err) and "\n" not in str(err), cut
                continue
            whole = max(data[:cut].count(b"\n") - header, 0)
            assert [e.id for e in events][:whole] == full_ids[:whole], cut
            assert len(events) <= whole + 1 and len(errors) <= 1, (cut, errors)
            assert all(isinstance(e, LoaderError) and "\n" not in str(e) for e in errors)


# -- random encodings -----------------------------------------------------------

_CODECS = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "iso8859-15",
           "cp1250", "mac_roman", "cp1251", "shift_jis", "gb18030", "koi8_r"]
_ENGLISH = ("The minister of C\u00f4te d\u2019Ivoire met the envoy of Paraguay in Asunci\u00f3n on Friday, "
            "and both governments said the talks on trade were useful.")


#: The label a web page would declare for each codec (WHATWG Encoding Standard).
_LABELS = {"utf-8": "utf-8", "cp1252": "windows-1252", "latin-1": "iso-8859-1", "iso8859-15": "iso-8859-15",
           "cp1250": "windows-1250", "mac_roman": "macintosh", "cp1251": "windows-1251", "shift_jis": "shift_jis",
           "gb18030": "gb18030", "koi8_r": "koi8-r"}


def _encodable(text: str, codec: str) -> str:
    return "".join(c if c.encode(codec, "ignore") else "'" for c in text)


@fault_settings(60)
@given(codec=st.sampled_from(_CODECS), bom=st.booleans(), declare=st.booleans(), html=st.booleans())
def test_random_encodings_are_read_right_when_known_and_never_silently_garbled(codec, bom, declare, html):
    text = _encodable(_ENGLISH, codec)
    wide = codec.startswith(("utf-16", "utf-32"))
    body = f"<html><head>{'<meta charset=%s>' % _LABELS[codec] if declare and not wide else ''}<title>T</title></head>" \
           f"<body><article><p>{text}</p></article></body></html>" if html else text
    data = body.encode(codec)
    if bom and codec in ("utf-8", "utf-16-le", "utf-16-be"):
        data = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec] + data
    known = codec in ("utf-8", "utf-16", "utf-32") or (bom and codec.startswith("utf")) or (declare and html and not wide)
    with tempfile.TemporaryDirectory() as folder:
        articles, errors = _read(_write(folder, "a.html" if html else "a.txt", data))
        assert len(articles) + len(errors) == 1
        if known:
            assert errors == [] and articles[0].text == text and articles[0].notes == ()
        elif articles:
            # read as it was written, or with a note that says what was guessed
            assert articles[0].text == text or any("encoding guessed" in n for n in articles[0].notes)
            if codec in ("cp1252", "latin-1", "iso8859-15", "cp1250"):
                assert articles[0].text == text  # the Latin code pages of English text: windows-1252


# -- random JSON shapes and dates -----------------------------------------------

_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                     max_leaves=8)
_surrogate = st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff"])
_good_dates = st.builds(lambda day, form, minutes: (day, form(day, minutes)), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
                        st.sampled_from([lambda d, m: d.isoformat(),
                                         lambda d, m: f"{d.day} {d:%B} {d.year}",
                                         lambda d, m: f"{d:%B} {d.day}, {d.year}",
                                         lambda d, m: f"{d:%a}, {d.day:02d} {d:%b} {d.year} 09:30 {'+' if m >= 0 else '-'}{abs(m) // 60:02d}{abs(m) % 60:02d}"]),
                        st.integers(-12 * 60, 14 * 60).map(lambda m: m - m % 15))
_ambiguous_dates = st.builds(lambda day, form: form(day), st.dates(dt.date(1950, 1, 1), dt.date(2049, 12, 31)).filter(lambda d: d.day <= 12 and d.day != d.month),
                             st.sampled_from([lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}", lambda d: f"{d.month}/{d.day}/{d:%y}",
                                              lambda d: f"{d:%b} {d.day}, {d:%y}", lambda d: f"{d.day}.{d.month}.{d.year}"]))


@st.composite
def _json_lines(draw):
    """A JSON Lines file of good, ambiguous-dated, surrogate-holding and random records, with what each must give."""
    lines, expected = [], []
    for n in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["good", "ambiguous", "surrogate", "random"]))
        if kind == "good":
            day, written = draw(_good_dates)
            record = {"id": f"g{n}", "text": draw(st.sampled_from(SENTENCES)), "published": written,
                      "title": draw(st.text(max_size=15)), "extra": draw(_json)}
        elif kind == "ambiguous":
            day, record = None, {"id": f"a{n}", "text": SENTENCES[0], "published": draw(_ambiguous_dates)}
        elif kind == "surrogate":
            day, record = None, {"id": f"s{n}", "text": SENTENCES[1], "title": "x" + draw(_surrogate)}
        else:
            day, record = None, draw(_json)
        lines.append(json.dumps(record))
        expected.append((kind, record, day))
    return lines, expected


@fault_settings(80)
@given(sample=_json_lines())
def test_random_json_shapes_and_dates_cost_their_record_only(sample):
    lines, expected = sample
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, "a.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
        articles, errors = _read(path)
    assert len(articles) + len(errors) == len(lines)
    by_line = {int(str(e).split(":")[1]): str(e) for e in errors}
    got = {a.id: a for a in articles}
    for number, (kind, record, day) in enumerate(expected, start=1):
        if kind == "good":
            assert got[record["id"]].published_date == day and number not in by_line
        elif kind == "ambiguous":
            assert "bad publication date" in by_line[number]
        elif kind == "surrogate":
            assert "lone surrogate" in by_line[number]


# -- random feed entities -------------------------------------------------------

_entity = st.one_of(
    st.integers(0x20, 0x7E).filter(lambda c: chr(c) not in "<>&\"'").map(lambda c: ("ok", f"&#{c};", chr(c))),
    st.integers(0xA0, 0xD7FF).map(lambda c: ("ok", f"&#x{c:X};", chr(c))),
    st.integers(0x10000, 0x10FFFF).map(lambda c: ("ok", f"&#{c};", chr(c))),
    st.integers(0xD800, 0xDFFF).map(lambda c: ("bad", f"&#{c};", None)),
    st.integers(0x110000, 10 ** 12).map(lambda c: ("bad", f"&#x{c:x};" if c % 2 else f"&#{c};", None)),
    st.sampled_from(["&amp;", "&lt;", "&eacute;", "&nbsp;", "&#;", "&#x;", "&#12", "&bogus;", "&"]).map(lambda e: ("any", e, None)),
    st.text(alphabet="abcdef XYZ", min_size=1, max_size=6).map(lambda t: ("ok", t, t)),
)


@fault_settings(60)
@given(titles=st.lists(st.lists(_entity, min_size=1, max_size=4), min_size=1, max_size=5))
def test_random_feed_entities_cost_only_the_items_that_name_no_character(titles):
    items = "".join(f"<item><title>{''.join(e[1] for e in title)}</title><link>https://example.org/{n}</link>"
                    f"<description>{SENTENCES[n % 4]}</description></item>" for n, title in enumerate(titles))
    data = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>'
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, "a.rss", data.encode("utf-8"))
        articles, errors = _read(path)
    got = {a.url: a for a in articles}
    for n, title in enumerate(titles):
        url = f"https://example.org/{n}"
        if any(kind == "bad" for kind, _, _ in title):
            assert url not in got
            assert sum(f"item {n + 1}: " in str(e) and "no Unicode character" in str(e) for e in errors) == 1
        elif all(kind == "ok" for kind, _, _ in title):
            expected = "".join(text for _, _, text in title).strip()
            assert got[url].title == (" ".join(expected.split()) or None) or got[url].title == expected, title


# -- through the ingest: the good records stored ----------------------------------

@fault_settings(6)
@given(sample=_json_lines())
def test_an_ingest_of_random_json_lines_stores_the_good_records_and_counts_the_rest(sample):
    import geopolkg.api as api
    from geopolkg.store.oxigraph import open_store

    lines, expected = sample
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, "a.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))
        summary = api.ingest([path], Path(folder) / "store", jobs=1)
        assert all(isinstance(e, LoaderError) and "\n" not in str(e) for e in summary.failed)
        stored = set(open_store(Path(folder) / "store", read_only=True).article_ids())
    good = {record["id"] for kind, record, _ in expected if kind == "good"}
    assert good <= stored
    assert summary.stored == len(stored) and summary.stored + len(summary.failed) == len(lines)
