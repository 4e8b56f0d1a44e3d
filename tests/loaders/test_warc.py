"""WARC records as crawlers write them: chunked and gzipped HTTP payloads, and
pages stored as ``resource`` records without HTTP headers (warcit, wget)."""

import gzip
import io

from geopolkg.loaders import iter_articles

PAGE = ("<html><head><title>Abidjan says no</title></head><body><article><p>The government of "
        "C\u00f4te d\u2019Ivoire rejected the French plan on Friday, officials in Abidjan said in a "
        "statement to reporters.</p><p>President Alassane Ouattara said his country would not accept "
        "the new terms.</p></article></body></html>").encode("utf-8")
FIRST = "The government of C\u00f4te d\u2019Ivoire rejected the French plan on Friday"


def _chunked(body: bytes, size: int = 50) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size]) for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def test_chunked_gzipped_and_resource_records_are_read_and_others_passed_over(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def http(*headers):
        return StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), *headers],
                                protocol="HTTP/1.1")

    path = tmp_path / "crawl.warc"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        records = [
            ("https://example.org/chunked", "response", _chunked(PAGE), http(("Transfer-Encoding", "chunked")), None),
            ("https://example.org/gzipped", "response", gzip.compress(PAGE), http(("Content-Encoding", "gzip")), None),
            ("https://example.org/resource", "resource", PAGE, None, "text/html"),
            ("https://example.org/logo.png", "resource", b"\x89PNG\r\n\x1a\n", None, "image/png"),
        ]
        for uri, kind, body, headers, content_type in records:
            record = writer.create_warc_record(uri, kind, payload=io.BytesIO(body), http_headers=headers,
                                               warc_content_type=content_type)
            writer.write_record(record)
            record.raw_stream.close()  # warcio spools the payload to a temporary file
    errors = []
    articles = list(iter_articles([path], errors=errors))
    assert errors == []
    assert [a.url for a in articles] == ["https://example.org/chunked", "https://example.org/gzipped",
                                         "https://example.org/resource"]
    assert all(a.text.startswith(FIRST) and a.title == "Abidjan says no" for a in articles)
