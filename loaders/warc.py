"""WARC files of crawled pages (``.warc``, ``.warc.gz``), read with warcio.

Each ``response`` record whose HTTP payload is an HTML page (status 200),
and each ``resource`` record of type ``text/html`` (a page archived without
HTTP headers, as warcit makes them), becomes one article through the HTML
loader (:func:`.html.parse_html`: trafilatura for the main text, htmldate
for the publication date). The record's
``WARC-Target-URI`` is the article's URL and id. Records of other kinds
(requests, metadata, images, redirects) are not articles and are passed
over silently.

Records are read one at a time, so memory does not grow with the file. A
page that yields no article is reported with its file and record number
(1-based, counting every record) and skipped; a file that breaks off
(truncated or corrupt) is reported at the record where it broke.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import LoaderError
from .article import Article
from .common import decode_text
from .encoding import Decoded
from .html import parse_html

__all__ = ["iter_warc"]


def _charset(content_type: str) -> str | None:
    """The ``charset`` parameter of a ``Content-Type`` header, or None."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _html_payload(record, where: str) -> tuple[str, Decoded] | None:
    """Return (target URI, decoded HTML) for an HTML response record, else None.

    The page is decoded by its byte-order mark, the HTTP charset, its own
    ``<meta charset>``, as UTF-8, or else by detection (:mod:`.encoding`).
    """
    if record.rec_type == "resource":
        # a page stored as it is, without HTTP headers (warcit, wget's
        # --warc-file for local files, browsertrix text): its type is the record's
        content_type = record.rec_headers.get_header("Content-Type") or ""
        if "html" not in content_type.lower():
            return None
    elif record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        content_type = record.http_headers.get_header("Content-Type") or ""
        if status != "200" or "html" not in content_type.lower():
            return None
    else:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    data = record.content_stream().read()
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        # warcio stops quietly at the end of a truncated file; half a page is no article
        raise EOFError(f"the file ends {missing} byte(s) into the record's declared length")
    return uri, decode_text(data, f"{where} ({uri})", html=True, transport=_charset(content_type))


def iter_warc(path: Path, *, errors: list | None = None, **overrides) -> Iterator[Article]:
    """Yield the articles of the HTML pages in a WARC file, lazily.

    Parameters
    ----------
    path : Path
        A ``.warc`` or ``.warc.gz`` file (warcio reads either).
    errors : list, optional
        Collects a bad record's :class:`LoaderError` and goes on; without
        it the error is raised.
    **overrides
        Metadata for every page (``source``, ``published``...).

    Raises
    ------
    LoaderError
        For a bad page or a broken file (unless ``errors`` is given).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    with open(path, "rb") as handle:
        records = ArchiveIterator(handle)
        while True:
            where = f"{path}: record {number + 1}"
            try:
                record = next(records, None)
                if record is None:
                    return
                number += 1
                page = _html_payload(record, where)
            except LoaderError as err:  # a page in no known encoding, or empty
                _fail(err, errors)
                continue
            except Exception as err:  # noqa: BLE001 - warcio raises what it meets (AttributeError on a header cut short)
                reason = str(err) if isinstance(err, (ArchiveLoadFailed, OSError, EOFError, ValueError)) \
                    else f"{type(err).__name__} in warcio: {err}"
                _fail(LoaderError(f"broken WARC file, reading stops here: {reason}", where), errors)
                return
            if page is None:
                continue
            uri, decoded = page
            meta = {"url": uri, "id": uri or None}
            meta.update({k: v for k, v in overrides.items() if v is not None})
            try:
                yield parse_html(decoded.text, f"{where} ({uri})", meta,
                                 default_id=f"{path.name.split('.')[0]}-{number}", notes=(decoded.note,))
            except LoaderError as err:
                _fail(err, errors)


def _fail(err: LoaderError, errors: list | None) -> None:
    if errors is None:
        raise err
    errors.append(err)
