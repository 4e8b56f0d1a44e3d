"""HTML pages: main text, title and publication date taken from the page.

The main text comes from trafilatura (which drops menus, footers and
comments); the publication date from htmldate (the original date rather
than the modified one, back to 1900, with the page's offset; not one the
page writes only as "03/04/2024"); the title from the page's
``<title>`` with the site name removed, falling back to trafilatura's.
Broken HTML is read as far as lxml can repair it; a page with no main text
is an error.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Iterator

from ..errors import LoaderError
from .article import Article
from .chrome import strip_chrome
from .common import build_article, decode_text, read_bytes
from .text import read_sidecar

__all__ = ["read_html_article", "parse_html", "iter_html"]

_SITE_SUFFIX = re.compile(r"\s+(?:\||-|\u2013|\u2014)\s+([^|\u2013\u2014]{2,60})$")


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    """Drop a trailing " | Site" or " - Site Name" from a page title."""
    if not title:
        return None
    title = " ".join(title.split())
    match = _SITE_SUFFIX.search(title)
    if match:
        suffix = match.group(1).strip()
        is_site = sitename and (suffix.lower() in sitename.lower() or sitename.lower() in suffix.lower())
        if is_site or (" | " in match.group(0)) or len(suffix.split()) <= 5 and suffix.istitle():
            title = title[: match.start()].strip()
    return title or None


def _page_title(html: str) -> str | None:
    import lxml.html

    try:
        tree = lxml.html.fromstring(html.encode("utf-8"))
    except (ValueError, lxml.etree.ParserError):
        return None
    titles = tree.xpath("//head/title") or tree.xpath("//title")
    return titles[0].text_content() if titles else None


#: The earliest publication date taken from a page. htmldate's own default
#: (1995) throws away the true date of older pages and keeps a later one,
#: such as a footer's "Updated 2024" (issue 19, item 6).
MIN_DATE = "1900-01-01"

_NUMERIC_DAY = re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d./-])")


def _published(html: str, url: str | None, where: str) -> tuple[dt.date | dt.datetime | None, str | None]:
    """The page's publication date by htmldate, and a note when it was left unset.

    The original date is preferred to the modified one, dates back to
    :data:`MIN_DATE` are taken, and the page's offset is kept. Not taken:

    * a date the page writes only as day and month in numbers, both 12 or
      less ("03/04/2024": 3 April or 4 March?): htmldate reads it day first,
      an American page means month first;
    * the first of a month the page never writes as a day: htmldate makes
      1 January 2019 of "October 2019", "Published in 2019" or a footer's
      "© 2019", and every relative date would be read from it.
    """
    import htmldate

    found = htmldate.find_date(html, url=url, original_date=True, min_date=MIN_DATE,
                               outputformat="%Y-%m-%dT%H:%M:%S%z")
    if not found:
        return None, None
    stamp = dt.datetime.strptime(found, "%Y-%m-%dT%H:%M:%S%z") if found[-5] in "+-" \
        else dt.datetime.strptime(found, "%Y-%m-%dT%H:%M:%S")
    day, page = stamp.date(), html + " " + (url or "")
    unset = f"{where}: publication date left unset: "
    if _written_two_ways(page, day):
        return None, (unset + f"the page writes it only with day and month in numbers, which reads two ways "
                      f"({day.day}/{day.month} or {day.month}/{day.day}); give it with --published or a sidecar")
    if day.day == 1 and not _day_written(page, day) and not _numeric_readings(page, day) & {(1, day.month)}:
        known = f"the year ({day.year})" if day.month == 1 else f"the month ({day:%B %Y})"
        return None, unset + f"the page names no day, only {known}; give it with --published or a sidecar"
    if stamp.tzinfo is None:
        # htmldate gives midnight without zone when the page states only a day
        return (stamp.date() if stamp.time() == dt.time(0) else stamp.replace(tzinfo=dt.timezone.utc)), None
    return stamp, None


def _numeric_readings(page: str, day: dt.date) -> set[tuple[int, int]]:
    """The (first, second) numbers of the all-number dates of ``page`` in ``day``'s year."""
    return {(int(a), int(b)) for a, _, b, year in _NUMERIC_DAY.findall(page) if int(year) == day.year}


def _day_written(page: str, day: dt.date) -> bool:
    """Whether ``page`` writes ``day`` in a form that reads one way: ISO 8601
    (also with slashes or without separators) or with the month's name."""
    if any(form in page for form in (day.isoformat(), day.strftime("%Y/%m/%d"), day.strftime("%Y%m%d"))):
        return True
    names = f"(?:{day.strftime('%B')}|{day.strftime('%b')})"
    month = re.compile(rf"\b{names}\.?\s+0?{day.day}(?:st|nd|rd|th)?\b|"
                       rf"\b0?{day.day}(?:st|nd|rd|th)?\s+(?:of\s+)?{names}\b", re.I)
    return bool(month.search(page))


def _written_two_ways(page: str, day: dt.date) -> bool:
    """Whether ``day`` can have come from an all-number date of ``page`` that reads
    two ways, and the page writes it in no form that reads one way."""
    if day.day > 12 or day.day == day.month:
        return False
    if not _numeric_readings(page, day) & {(day.day, day.month), (day.month, day.day)}:
        return False
    return not _day_written(page, day)


def parse_html(html: str, where: str, meta: dict | None = None, default_id: str = "page",
               notes: tuple = ()) -> Article:
    """Turn an HTML page into an :class:`Article`.

    Parameters
    ----------
    html : str
        The page source.
    where : str
        File name or URL, for messages.
    meta : dict, optional
        Metadata that wins over what the page says (``id, title,
        published, source, url``).
    notes : tuple of str
        What was guessed in reading the page (its encoding), for ``Article.notes``.

    Raises
    ------
    LoaderError
        If no main text can be found, or the metadata is bad.
    """
    import trafilatura

    meta = dict(meta or {})
    doc = trafilatura.bare_extraction(html, url=meta.get("url"), with_metadata=True,
                                      include_comments=False, include_tables=False,
                                      favor_precision=True)
    if doc is None:
        raise LoaderError("no article text found in the HTML page", where)
    doc = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = strip_chrome(re.sub(r"\n+", "\n\n", doc.get("text") or ""))
    if not body.strip():
        raise LoaderError("no article text found in the HTML page", where)
    published, note = (None, None) if meta.get("published") else _published(html, meta.get("url") or doc.get("url"), where)
    found = {
        "title": _clean_title(_page_title(html), doc.get("sitename")) or doc.get("title"),
        "published": published,
        "source": doc.get("sitename"),
        "url": doc.get("url"),
    }
    found.update({k: v for k, v in meta.items() if v is not None})
    return build_article(body, found, where, default_id=default_id, notes=(*notes, note))


def read_html_article(path: str | Path, **overrides) -> Article:
    """Read an ``.html`` file; a ``NAME.meta.json`` sidecar and ``overrides`` win over the page.

    The bytes are decoded by their byte-order mark, the page's ``<meta
    charset>`` (or XML declaration), as UTF-8, or else by detection
    (:mod:`.encoding`).

    Raises
    ------
    LoaderError
        For an empty or binary file, or a page without main text.
    """
    path = Path(path)
    decoded = decode_text(read_bytes(path), str(path), html=True)
    meta = read_sidecar(path)
    meta.update({k: v for k, v in overrides.items() if v is not None})
    stem = path.name.split(".")[0]
    return parse_html(decoded.text, str(path), meta, default_id=stem, notes=(decoded.note,))


def iter_html(path: Path, **overrides) -> Iterator[Article]:
    """Yield the one article of an HTML file (loader registry protocol)."""
    yield read_html_article(path, **overrides)
