"""Publication dates: the forms accepted, and the feeds' own date formats.

A publication date anchors every relative date of its article ("on
Friday", "last week"), so a wrong one moves every event. Dates are taken
only in forms whose day, month and year cannot be read two ways:

* ISO 8601: ``2025-09-20``, ``2025-09-20T09:31:01+09:00`` (any form
  :meth:`datetime.datetime.fromisoformat` reads; ``Z``, `` UTC`` or
  `` GMT`` at the end for UTC);
* the day and the month's name with a four-digit year, either order:
  ``20 September 2025``, ``September 20, 2025``, ``Sat 20 Sep 2025``;
* RFC 5322 (e-mail and RSS) with a four-digit year:
  ``Sat, 20 Sep 2025 09:31:01 +0900``.

Refused: all-number forms other than ISO 8601 (``03/04/2024`` is 3 April
in Britain and 4 March in the United States), two-digit years (``Aug 5,
62``: 1962 or 2062?), impossible dates (``2024-13-01``) and relative words
("yesterday"), which depend on when the run happens.

Feeds are machine-written in RFC 822 (RSS) or RFC 3339 (Atom):
:func:`parse_feed_date` reads these and keeps the offset the publisher
wrote; RSS 2.0 allows two-digit years, read by the rule of RFC 5322
section 4.3 (00-49 are 2000-2049, 50-99 are 1950-1999).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from ..errors import LoaderError

__all__ = ["ACCEPTED_FORMS", "parse_published", "parse_feed_date"]

#: What the error message lists.
ACCEPTED_FORMS = ("2025-09-20", "2025-09-20T09:31:01+09:00", "20 September 2025",
                  "September 20, 2025", "Sat, 20 Sep 2025 09:31:01 +0900")

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
#: "20 September 2025", "Sat 20 Sep 2025", "September 20, 2025", "Sep. 20 2025"
_WRITTEN = (re.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})", re.I),
            re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I))
#: RFC 5322 date-time: "[Sat, ]20 Sep 2025 09:31[:01] +0900|GMT|EST..."
_RFC5322 = re.compile(r"(?:[a-z]{3},\s*)?(?P<day>\d{1,2})\s+(?P<month>[a-z]{3})\s+(?P<year>\d{2,4})\s+"
                      r"\d{1,2}:\d{2}(?::\d{2})?(?:\s+(?P<zone>[+-]\d{2}:?\d{2}|[a-z]{1,5}))?", re.I)


def _bad(text: str, where: str, why: str = "") -> LoaderError:
    forms = ", ".join(repr(f) for f in ACCEPTED_FORMS)
    return LoaderError(f"bad publication date {text!r}{why}; accepted forms: {forms}", where)


def parse_published(value, where: str) -> dt.date | dt.datetime | None:
    """Parse a publication date given by a person or a data file.

    For the CLI's ``--published``, sidecar ``.meta.json`` files, JSON Lines
    records and page metadata: the forms of the module docstring.

    Parameters
    ----------
    value : str, datetime.date, datetime.datetime or None
    where : str
        File, line or option, shown in the error message.

    Returns
    -------
    datetime.date, datetime.datetime or None
        A ``date`` when only a day is given; a timezone-aware ``datetime``
        with the offset written when a time is given (a time without zone
        is taken as UTC). None for None or ``""``.

    Raises
    ------
    LoaderError
        For any other form, one line listing the accepted forms.

    Examples
    --------
    >>> parse_published("September 20, 2025", "x")
    datetime.date(2025, 9, 20)
    >>> parse_published("2025-09-20T09:31:01+09:00", "x").utcoffset()
    datetime.timedelta(seconds=32400)
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise _bad(str(value), where, f" (not text but {type(value).__name__})")
    text = " ".join(value.split())
    if re.match(r"\d{4}-?\d{2}", text):
        return _iso(text, where)
    rfc = _RFC5322.fullmatch(text)
    if rfc:
        if len(rfc["year"]) != 4:
            raise _bad(text, where, " (the year needs four digits)")
        return _rfc5322(text, where)
    for pattern in _WRITTEN:
        match = pattern.fullmatch(text)
        if match and match["month"].lower() in _MONTHS:
            try:
                return dt.date(int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"]))
            except ValueError:
                raise _bad(text, where, " (no such day)") from None
    if re.search(r"\b\d{1,2}\W+\d{1,2}\W+\d{2,4}\b", text) or re.search(r"[a-z]+\.?\s+\d{1,2},?\s+'?\d{2}$", text, re.I):
        raise _bad(text, where, " (day, month or century could be read two ways)")
    raise _bad(text, where)


def _iso(text: str, where: str) -> dt.date | dt.datetime:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{8}", text):
            return dt.date.fromisoformat(text)
        # "2019-10-24 14:30:00 UTC", as database exports write it
        parsed = dt.datetime.fromisoformat(re.sub(r"\s*(?:UTC|GMT|Z)$", "+00:00", text, flags=re.I))
    except ValueError:
        raise _bad(text, where, " (not a real ISO 8601 date)") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _rfc5322(text: str, where: str) -> dt.datetime:
    """Parse an RFC 5322 date-time, keeping its offset ("-0000" and none: UTC).

    An offset written with a colon ("+14:00", as some feed generators do) is
    read as "+1400"; email.utils would take it for no offset at all.
    """
    parts = email.utils.parsedate_tz(re.sub(r"([+-]\d{2}):(\d{2})$", r"\1\2", text))
    if parts is None:
        raise _bad(text, where)
    *fields, offset = parts
    year, month, day, hour, minute, second = fields[:6]
    digits = _RFC5322.fullmatch(text)["year"] if _RFC5322.fullmatch(text) else str(year)
    if len(digits) == 2:  # RFC 5322 section 4.3: obsolete two-digit years
        year = int(digits) + (2000 if int(digits) < 50 else 1900)
    elif len(digits) == 3:
        year = int(digits) + 1900
    try:
        zone = dt.timezone(dt.timedelta(seconds=offset or 0))
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        raise _bad(text, where, " (no such day or time)") from None


def parse_feed_date(raw: str | None, where: str) -> dt.datetime | dt.date | None:
    """Parse an RSS (RFC 822) or Atom (RFC 3339) date, keeping the publisher's offset.

    ``Sat, 02 Mar 2024 05:00 +1400`` stays 05:00 on 2 March at +14:00 (feedparser
    would give 15:00 on 1 March, UTC, and the article's "on Saturday" would
    then be read from a Friday). Two-digit years follow RFC 5322 section 4.3.
    Other forms go through :func:`parse_published`.

    Raises
    ------
    LoaderError
        If the date is in none of these forms.
    """
    if raw is None or not raw.strip():
        return None
    text = " ".join(raw.split())
    if _RFC5322.fullmatch(text):
        return _rfc5322(text, where)
    return parse_published(text, where)
