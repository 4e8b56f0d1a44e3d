"""Legacy encodings (issue 19, item 5): byte-order marks, declared charsets,
then detection, with what was guessed said in the summary."""

import io
import json

import pytest

from geopolkg.errors import LoaderError
from geopolkg.loaders import iter_articles
from geopolkg.loaders.encoding import decode_bytes, declared_charset

STORY = ("<p>The government of C\u00f4te d\u2019Ivoire rejected the French plan on Friday, officials "
         "in Abidjan said in a statement.</p><p>President Alassane Ouattara said his country would not "
         "accept the \u201cnew\u201d terms \u2013 not now, not later.</p>")
FIRST = "The government of C\u00f4te d\u2019Ivoire rejected the French plan on Friday"


def _page(head: str = "") -> str:
    return f"<html><head>{head}<title>Abidjan says no</title></head><body><article>{STORY}</article></body></html>"


@pytest.mark.parametrize("head", ['<meta charset="windows-1252">',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
                                  "<meta charset=latin1>"])
def test_a_page_declaring_its_legacy_charset_is_read_in_it(tmp_path, head):
    # bytes 0x92, 0x93, 0x94, 0x96 are windows-1252's curly quotes and dash; a page
    # labelled ISO-8859-1 means windows-1252 (WHATWG Encoding Standard)
    path = tmp_path / "abidjan.html"
    path.write_bytes(_page(head).encode("cp1252"))
    assert b"\x92" in path.read_bytes()
    [article] = iter_articles([path])
    assert article.text.startswith(FIRST)
    assert "the \u201cnew\u201d terms \u2013 not now" in article.text
    assert article.notes == ()


def test_a_page_declared_utf8_that_is_not_falls_back_to_detection():
    decoded = decode_bytes(_page('<meta charset="utf-8">').encode("cp1252"), "p.html", html=True)
    assert FIRST in decoded.text and decoded.source == "guessed"
    assert decoded.note == ("p.html: encoding guessed as windows-1252 (the page's charset utf-8 does not "
                            "fit the bytes, and not UTF-8)")


def _warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for uri, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)
            record.raw_stream.close()


def test_warc_pages_without_an_http_charset_are_not_garbled_and_the_guess_is_noted(tmp_path):
    path = tmp_path / "crawl.warc"
    body = _page().encode("cp1252")
    _warc(path, [("https://example.org/guessed", "text/html", body),
                 ("https://example.org/declared", "text/html; charset=windows-1252", body),
                 ("https://example.org/wrong", "text/html; charset=utf-8", body)])
    errors = []
    guessed, declared, wrong = iter_articles([path], errors=errors)
    assert errors == []
    for article in (guessed, declared, wrong):
        assert article.text.startswith(FIRST) and "\ufffd" not in article.text
    assert guessed.notes == (f"{path}: record 1 (https://example.org/guessed): encoding guessed as "
                             "windows-1252 (no charset declared, and not UTF-8)",)
    assert declared.notes == ()
    assert "the HTTP charset utf-8 does not fit the bytes" in wrong.notes[0]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_text_with_a_utf16_or_utf32_byte_order_mark_is_read(tmp_path, codec):
    text = "The government of C\u00f4te d\u2019Ivoire rejected the French plan on Friday, officials said."
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    [article] = iter_articles([path])
    assert article.text == text and article.notes == ()


def test_json_lines_in_utf16_with_its_byte_order_mark(tmp_path):
    records = [{"id": "u1", "text": "Kabul rejected the plan of the United States on Friday."},
               {"id": "u2", "text": "C\u00f4te d\u2019Ivoire opposes the French plan."}]
    path = tmp_path / "wide.jsonl"
    path.write_bytes("\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-16"))
    assert [(a.id, a.text) for a in iter_articles([path])] == [("u1", records[0]["text"]), ("u2", records[1]["text"])]


def test_plain_text_in_latin1_is_guessed_as_windows_1252_not_mac_roman(tmp_path):
    # charset-normalizer alone reads these ISO-8859-1 bytes as Mac Roman ("m\u02c6\u02c6se")
    path = tmp_path / "moose.txt"
    path.write_bytes("The minister said the majestic m\u00f6\u00f6se of Sm\u00e5land were safe.".encode("latin-1"))
    [article] = iter_articles([path])
    assert "majestic m\u00f6\u00f6se of Sm\u00e5land" in article.text
    assert article.notes == (f"{path}: encoding guessed as windows-1252 (no charset declared, and not UTF-8)",)


def test_a_cyrillic_page_is_detected_as_such_and_refused_as_not_english(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes(("\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0438\u043d\u043e\u0441\u0442\u0440\u0430"
                      "\u043d\u043d\u044b\u0445 \u0434\u0435\u043b \u0420\u043e\u0441\u0441\u0438\u0438 "
                      "\u0437\u0430\u044f\u0432\u0438\u043b \u0432 \u043f\u044f\u0442\u043d\u0438\u0446\u0443, "
                      "\u0447\u0442\u043e \u041c\u043e\u0441\u043a\u0432\u0430 \u043e\u0442\u0432\u0435\u0440"
                      "\u0433\u0430\u0435\u0442 \u043f\u043b\u0430\u043d.").encode("cp1251"))
    with pytest.raises(LoaderError, match="language 'ru'"):
        list(iter_articles([path]))


def test_declared_charset_reads_only_meta_and_xml_declarations():
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><html>') == "cp1252"
    assert declared_charset(b'<meta name="description" content="about charset">') is None
    assert declared_charset(b'<meta charset="utf-16">') == "utf-8"      # HTML: a meta cannot declare UTF-16
    assert declared_charset(b'<meta charset="no-such-thing">') is None


def test_the_ingest_summary_says_what_was_guessed(tmp_path):
    from click.testing import CliRunner

    from geopolkg.cli import cli

    path = tmp_path / "abidjan.html"
    path.write_bytes(_page().encode("cp1252"))
    result = CliRunner().invoke(cli, ["ingest", str(path), "--store", str(tmp_path / "st"), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0] == f"Note: {path}: encoding guessed as windows-1252 (no charset declared, and not UTF-8)"
    assert lines[1].startswith("stored 1 article(s)") and "; 0 failed; 1 note(s); store:" in lines[1]


def test_python_spellings_of_labels_are_read_as_the_web_reads_them():
    # "latin-1" is no label of the Encoding Standard, but Python knows it; the web's
    # ISO-8859-1 is windows-1252, so byte 0x92 is still an apostrophe
    data = _page('<meta charset="latin-1">').encode("cp1252")
    decoded = decode_bytes(data, "p.html", html=True)
    assert (decoded.source, decoded.encoding, decoded.note) == ("declared", "cp1252", None)
    assert FIRST in decoded.text
    assert declared_charset(b'<meta charset="utf_32">') == "utf-8"


def test_a_utf8_file_cut_inside_a_character_stays_utf8_with_a_note():
    data = "The government of C\u00f4te d\u2019Ivoire".encode("utf-8")[:-8]   # ends with the first of the
    assert data.endswith(b"d\xe2")                                              # apostrophe's three bytes
    decoded = decode_bytes(data, "cut.txt")
    assert decoded.text == "The government of C\u00f4te d" and decoded.encoding == "utf-8"
    assert decoded.note == "cut.txt: the file ends inside a UTF-8 character (truncated?); that character is dropped"


def test_a_description_mentioning_a_charset_declares_none():
    # "charset=gbk" in a description is no declaration (HTML's prescan reads the
    # charset attribute and http-equiv only); read as GBK, "C\u00f4te" would be garbled
    page = ('<html><head><meta name="description" content="charset=gbk"><title>Abidjan</title></head>'
            "<body><p>C\u00f4te</p></body></html>").encode("utf-8")
    assert page.decode("utf-8") != page.decode("gbk")          # the bytes are valid GBK too
    assert declared_charset(page) is None
    assert decode_bytes(page, "p.html", html=True).text == page.decode("utf-8")
    assert declared_charset(b'<meta data-charset="gbk"><meta charset="utf-8">') == "utf-8"


def test_a_windows_1252_page_in_a_warc_without_charset_keeps_its_events(tmp_path, extractor):
    # before: decoded as UTF-8 with replacement ("C\ufffdte d\ufffdIvoire"), one event lost, one without target
    page = ("<html><head><title>Abidjan and Accra</title><meta property=\"article:published_time\" "
            "content=\"2024-03-01T09:00:00+00:00\"></head><body><article><p>C\u00f4te d\u2019Ivoire accused Ghana "
            "of sheltering rebels on Friday, officials in Abidjan said.</p><p>Ghana\u2019s government rejected "
            "the accusation and criticized C\u00f4te d\u2019Ivoire for closing the border.</p></article></body></html>")
    path = tmp_path / "civ.warc"
    _warc(path, [("https://example.org/civ", "text/html", page.encode("cp1252"))])
    [article] = iter_articles([path])
    events = {(e.actor.code, e.code, e.target.code if e.target else None) for e in extractor.extract(article).events}
    # read from the page: Cote d'Ivoire accuses Ghana (112), Ghana criticizes Cote d'Ivoire (111)
    assert {("CIVGOV", "112", "GHAGOV"), ("GHAGOV", "111", "CIVGOV")} <= events
