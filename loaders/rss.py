"""RSS and Atom feeds: one article per item, read with feedparser.

The article text is the item's full content (Atom ``<content>``, RSS
``content:encoded``) or else its summary (``<description>``), as HTML cleaned
to plain paragraphs with lxml: one paragraph per block element, without
link-only paragraphs ("Continue reading...") or "Related:" teasers. The publication date is the item's
``published`` (else ``updated``) date as the publisher wrote it, with its
offset (RFC 822 or RFC 3339, see :func:`.published.parse_feed_date`); the
title, link and id (``guid``, else the link) come from the item, the source
from the feed's title.

A bad item is reported with its file and item number (1-based) and skipped:
one without text, with a date in no accepted form, or holding a numeric
character reference to no Unicode character (``&#1114112;``, a surrogate
such as ``&#55296;``), which would otherwise make feedparser give up on
the whole feed. Where feedparser raises on a feed rather than flagging it
(a GML point whose EPSG code is no number), the feed is read again one item
at a time and the item it cannot read is reported. A CDATA section written escaped (``&lt;![CDATA[...]]&gt;``,
which feedparser drops) is read as the section it stands for.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Iterator

from ..errors import LoaderError
from .article import Article
from .common import build_article, read_bytes
from .published import parse_feed_date

__all__ = ["iter_feed", "feed_item_article", "html_fragment_text"]

_BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr")


def html_fragment_text(html: str) -> str:
    """Return the plain text of an HTML fragment, one paragraph per block element.

    Scripts and styles are dropped unread; a paragraph that is only a link
    ("Continue reading...") or starts with "Related:" is dropped.
    Paragraphs are separated by one blank line.
    """
    import lxml.html

    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    paragraphs, current = [], []

    def close():
        text = " ".join("".join(current).split())
        current.clear()
        if text:
            paragraphs.append(text)

    def walk(node):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCKS:
            close()
            if _is_link_only(node) or _is_related(node):
                if node.tail:
                    current.append(node.tail)
                return
        if node.text:
            current.append(node.text)
        for child in node:
            walk(child)
        if tag in _BLOCKS:
            close()
        if node.tail and node is not root:
            current.append(node.tail)

    walk(root)
    close()
    paragraphs = [p for p in paragraphs if not _is_continue(p)]
    return "\n\n".join(paragraphs)


def _is_link_only(node) -> bool:
    text = " ".join(node.text_content().split())
    links = " ".join(" ".join(a.text_content().split()) for a in node.iter("a"))
    return bool(text) and text == links


def _is_related(node) -> bool:
    return " ".join(node.text_content().split()).lower().startswith("related:")


def _is_continue(paragraph: str) -> bool:
    return paragraph.lower().rstrip(".\u2026 ") in ("continue reading", "read more")


def _item_date(entry, where: str) -> dt.datetime | dt.date | None:
    """The item's date as the publisher wrote it (``published``, else ``updated``)."""
    return parse_feed_date(entry.get("published") or entry.get("updated"), where)


#: Numeric character references in the raw feed.
_CHARREF = re.compile(rb"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));")
#: Stand-ins for references that are no character: code points of the
#: Supplementary Private Use Area-B, one per reference found, in file order.
_MARK_BASE, _MARK_LAST = 0x100000, 0x10FFFD


def _mark_bad_references(data: bytes) -> tuple[bytes, list[str]]:
    """Replace references to no Unicode character (``&#1114112;``, surrogates
    such as ``&#55296;``) by private-use stand-ins, so that feedparser reads
    the feed (it raises on them, losing every item) and the items holding
    them can be told. Returns the new bytes and the references replaced."""
    found: list[str] = []

    def replace(match):
        value = int(match[1], 16) if match[1] else int(match[2])
        if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
            return match[0]
        found.append(match[0].decode("ascii"))
        return b"&#x%X;" % min(_MARK_BASE + len(found) - 1, _MARK_LAST)

    return _CHARREF.sub(replace, data), found


#: A CDATA section written escaped, as some feeds do: ``&lt;![CDATA[...]]&gt;``.
_ESCAPED_CDATA = re.compile(rb"&lt;!\[CDATA\[(.*?)\]\]&gt;", re.S)


_XML_ENTITIES = ((b"&lt;", b"<"), (b"&gt;", b">"), (b"&quot;", b'"'), (b"&apos;", b"'"), (b"&amp;", b"&"))


def _unescape_cdata(data: bytes) -> bytes:
    """Write escaped CDATA sections as real ones, whose text feedparser reads
    (it drops the escaped ones, and the item would have no text). What the
    section holds was escaped with it (``&lt;p&gt;``) and is unescaped once."""
    def real(match):
        inner = match[1]
        for entity, char in _XML_ENTITIES:
            inner = inner.replace(entity, char)
        return b"<![CDATA[" + inner.replace(b"]]>", b"]]]]><![CDATA[>") + b"]]>"

    return _ESCAPED_CDATA.sub(real, data)


def _bad_references(value: str | None, found: list[str]) -> list[str]:
    """The replaced references whose stand-ins ``value`` holds."""
    if not found or not value:
        return []
    return [found[min(ord(c) - _MARK_BASE, len(found) - 1)] for c in value
            if _MARK_BASE <= ord(c) < _MARK_BASE + len(found)]


def _check_references(entry, found: list[str], where: str) -> None:
    if not found:
        return
    fields = {"title": entry.get("title"), "link": entry.get("link"), "id": entry.get("id"),
              "summary": entry.get("summary"),
              "content": " ".join(c.get("value") or "" for c in entry.get("content") or ())}
    for name, value in fields.items():
        bad = _bad_references(value, found)
        if bad:
            raise LoaderError(f"the item's {name} holds a character reference that is no Unicode "
                              f"character ({', '.join(dict.fromkeys(bad))}); item skipped", where)


def feed_item_article(entry, feed_title: str | None, where: str, default_id: str,
                      found: list[str] = (), **overrides) -> Article:
    """Turn one feedparser entry into an :class:`Article`.

    Raises
    ------
    LoaderError
        If the item has no text, holds a character reference that is no
        character (one of ``found``, see :func:`_mark_bad_references`), or
        its metadata is bad (a date in none of the forms of
        :func:`.published.parse_feed_date`).
    """
    _check_references(entry, found, where)
    html = ""
    for content in entry.get("content") or ():
        if content.get("value"):
            html = content["value"]
            break
    html = html or entry.get("summary") or ""
    # no line-based chrome rules here: a feed's markup already says what is
    # text, and a one-line standfirst would read to them as a headline
    text = html_fragment_text(html)
    if not text.strip():
        raise LoaderError("feed item has no text (no content or summary)", where)
    meta = {
        "id": entry.get("id") or entry.get("link") or default_id,
        "title": entry.get("title"),
        "published": None if overrides.get("published") else _item_date(entry, where),
        "source": feed_title,
        "url": entry.get("link"),
    }
    meta.update({k: v for k, v in overrides.items() if v is not None})
    return build_article(text, meta, where, default_id=default_id)


def iter_feed(path: Path, *, errors: list | None = None, **overrides) -> Iterator[Article]:
    """Yield the articles of an RSS or Atom feed file (``.rss``, ``.atom``, ``.xml``, or gzipped).

    Parameters
    ----------
    path : Path
    errors : list, optional
        Collects a bad item's :class:`LoaderError` and goes on; without it
        the error is raised.
    **overrides
        Metadata for every item (``source``, ``published``...).

    Raises
    ------
    LoaderError
        If the file is not a feed at all (no items and a parse error).
    """
    import feedparser

    data, found = _mark_bad_references(_unescape_cdata(read_bytes(path)))
    try:
        feed = feedparser.parse(data)
        entries = list(feed.entries)
    except Exception as err:  # noqa: BLE001 - feedparser raises on some malformed feeds instead of flagging them
        feed, entries = _parse_item_by_item(data, path, err)
    if not entries:
        reason = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        raise LoaderError(f"not an RSS or Atom feed, or a feed without items{reason}", str(path))
    feed_title = feed.feed.get("title")
    if _bad_references(feed_title, found):
        _fail(LoaderError(f"the feed's title holds a character reference that is no Unicode character "
                          f"({', '.join(dict.fromkeys(_bad_references(feed_title, found)))}); "
                          "its items are read without a source", str(path)), errors)
        feed_title = None
    stem = path.name.split(".")[0]
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: item {number}"
        try:
            if isinstance(entry, Exception):
                raise LoaderError(f"feedparser could not read the item ({type(entry).__name__}: {entry})", where)
            yield feed_item_article(entry, feed_title, where, f"{stem}-{number}", found, **overrides)
        except LoaderError as err:
            _fail(err, errors)


_ITEM = re.compile(rb"<(item|entry)\b.*?</\1\s*>", re.S | re.I)


def _parse_item_by_item(data: bytes, path: Path, err: Exception):
    """Parse a feed that feedparser cannot read whole one item at a time, each
    inside the feed's own head and tail, so that an item it cannot read (a
    GML point whose EPSG code is no number raises ValueError) costs that item.
    Returns the parsed head (for the feed's title) and the entries, an
    exception in place of each item that failed.

    Raises
    ------
    LoaderError
        If the feed's head itself cannot be read, or it holds no items.
    """
    import feedparser

    items = list(_ITEM.finditer(data))
    if not items:
        raise LoaderError(f"feedparser could not read the feed ({type(err).__name__}: {err})", str(path)) from err
    head, tail = data[:items[0].start()], data[items[-1].end():]
    try:
        feed = feedparser.parse(head + tail)
    except Exception as head_err:  # noqa: BLE001 - as above
        raise LoaderError(f"feedparser could not read the feed ({type(head_err).__name__}: {head_err})",
                          str(path)) from head_err
    entries: list = []
    for item in items:
        try:
            parsed = feedparser.parse(head + item[0] + tail).entries
            entries.append(parsed[0] if parsed else ValueError("no item found in it"))
        except Exception as item_err:  # noqa: BLE001 - as above
            entries.append(item_err)
    return feed, entries


def _fail(err: LoaderError, errors: list | None) -> None:
    if errors is None:
        raise err
    errors.append(err)
