"""RSS and Atom feeds: one article per item, read with feedparser.

The article text is the item's full content (Atom ``<content>``, RSS
``content:encoded``) or else its summary (``<description>``), as HTML cleaned
to plain paragraphs with lxml: one paragraph per block element, without
link-only paragraphs ("Continue reading...") or "Related:" teasers. The publication date is the item's
``published`` (else ``updated``) date, which feedparser gives in UTC; the
title, link and id (``guid``, else the link) come from the item, the source
from the feed's title.

A bad item is reported with its file and item number (1-based) and skipped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import gzip
from pathlib import Path
from typing import Iterator

from ..errors import LoaderError
from .article import Article
from .common import build_article

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


def _item_date(entry) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            # feedparser normalizes every date to a UTC struct_time
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.timezone.utc)
    return None


def feed_item_article(entry, feed_title: str | None, where: str, default_id: str, **overrides) -> Article:
    """Turn one feedparser entry into an :class:`Article`.

    Raises
    ------
    LoaderError
        If the item has no text, or its metadata is bad.
    """
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
        "published": _item_date(entry),
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

    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        data = gzip.decompress(data)
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        raise LoaderError(f"not an RSS or Atom feed, or a feed without items{reason}", str(path))
    feed_title = feed.feed.get("title")
    stem = path.name.split(".")[0]
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{path}: item {number}"
        try:
            yield feed_item_article(entry, feed_title, where, f"{stem}-{number}", **overrides)
        except LoaderError as err:
            if errors is None:
                raise
            errors.append(err)
