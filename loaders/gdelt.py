"""GDELT event files: GDELT 2.0 Events exports and GDELT 1.0 event files.

Both are tab-separated with no header row, whatever the file is named
(``20191024143000.export.CSV``, ``20130401.export.CSV.zip``). The layout is
the GDELT Event Codebook's (V2.0, 2015; V1.03, 2013):

* GDELT 2.0 exports: 61 columns. Each of the three geography blocks (Actor1,
  Actor2, Action) has 8 fields, with an ADM2 code; ``DATEADDED`` is
  ``YYYYMMDDHHMMSS`` in UTC.
* GDELT 1.0 daily files (2013-04-01 on): 58 columns, the geography blocks
  have 7 fields (no ADM2 code) and ``DATEADDED`` is ``YYYYMMDD``.
* GDELT 1.0 historical backfiles (1979 to 2013-03): 57 columns, as the daily
  files but without ``SOURCEURL``.

The version is told by the column count of each row. A row that does not fit
(another column count, a date that is not a day, an unknown CAMEO code, a
QuadClass or Goldstein value out of range) is a :class:`LoaderError` naming
the file and line; the reader reports it and goes on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import GeopolkgError, LoaderError
from .tabular import first_line, open_lines, split_row

__all__ = ["GdeltActor", "GdeltPlace", "GdeltEvent", "COLUMNS_V2", "COLUMNS_V1", "iter_gdelt",
           "is_gdelt", "parse_gdelt_row"]

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_EVENT_FIELDS = ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                 "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")


def _columns(adm2: bool, url: bool) -> tuple[str, ...]:
    geo = ("Type", "FullName", "CountryCode", "ADM1Code") + (("ADM2Code",) if adm2 else ()) + (
        "Lat", "Long", "FeatureID")
    cols = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    for who in ("Actor1", "Actor2"):
        cols += [who + f for f in _ACTOR_FIELDS]
    cols += _EVENT_FIELDS
    for who in ("Actor1Geo_", "Actor2Geo_", "ActionGeo_"):
        cols += [who + f for f in geo]
    cols.append("DATEADDED")
    if url:
        cols.append("SOURCEURL")
    return tuple(cols)


#: Column names of a GDELT 2.0 Events export (61).
COLUMNS_V2 = _columns(adm2=True, url=True)
#: Column names of a GDELT 1.0 daily event file (58); backfiles lack the last.
COLUMNS_V1 = _columns(adm2=False, url=True)
_LAYOUTS = {len(COLUMNS_V2): (2, COLUMNS_V2), len(COLUMNS_V1): (1, COLUMNS_V1),
            len(COLUMNS_V1) - 1: (1, COLUMNS_V1[:-1])}


@dataclass(frozen=True)
class GdeltActor:
    """One side of a GDELT event as GDELT codes it (CAMEO actor codes, upper-case name)."""

    code: str
    name: str
    country: str | None
    known_group: str | None
    ethnic: str | None
    religions: tuple[str, ...]
    types: tuple[str, ...]


@dataclass(frozen=True)
class GdeltPlace:
    """A GDELT geography block: ``kind`` 1 country, 2 US state, 3 US city, 4 world city, 5 world state.

    ``country`` and ``adm1`` are FIPS 10-4 codes; ``lat``/``long`` are WGS 84
    degrees (None when GDELT gives none).
    """

    kind: int
    name: str
    country: str | None
    adm1: str | None
    adm2: str | None
    lat: float | None
    long: float | None
    feature_id: str | None


@dataclass(frozen=True)
class GdeltEvent:
    """One GDELT event row, typed.

    Attributes
    ----------
    id : int
        ``GLOBALEVENTID``.
    day : datetime.date
        ``SQLDATE``: the day of the event as GDELT dates it.
    actor1, actor2 : GdeltActor or None
        None where GDELT found no such actor (empty code and name).
    event_code, base_code, root_code : str
        CAMEO codes, leading zeros kept.
    quad_class : int
        1 to 4.
    goldstein : float
        GDELT's Goldstein value for the code, -10 to 10.
    mentions, sources, articles : int
        ``NumMentions``, ``NumSources``, ``NumArticles``.
    tone : float
        ``AvgTone``, -100 to 100.
    is_root : bool
        ``IsRootEvent``: the event is in the lead paragraph of the document.
    actor1_place, actor2_place, action_place : GdeltPlace or None
    added : datetime.datetime or datetime.date or None
        ``DATEADDED``: an aware UTC datetime (GDELT 2.0) or a day (1.0).
    source_url : str or None
        ``SOURCEURL``: the first report's address or citation.
    version : int
        1 or 2.
    line : int
        Line number in the file (1-based).
    """

    id: int
    day: dt.date
    actor1: GdeltActor | None
    actor2: GdeltActor | None
    event_code: str
    base_code: str
    root_code: str
    quad_class: int
    goldstein: float
    mentions: int
    sources: int
    articles: int
    tone: float
    is_root: bool
    actor1_place: GdeltPlace | None
    actor2_place: GdeltPlace | None
    action_place: GdeltPlace | None
    added: dt.datetime | dt.date | None
    source_url: str | None
    version: int
    line: int


class _Bad(ValueError):
    """A field that does not parse; turned into a LoaderError with the line."""


def _int(row: dict, key: str) -> int:
    text = row[key].strip()
    try:
        return int(text)
    except ValueError:
        raise _Bad(f"{key} {text!r} is not a whole number") from None


def _float(row: dict, key: str, low: float, high: float, *, optional: bool = False) -> float | None:
    text = row[key].strip()
    if not text and optional:
        return None
    try:
        value = float(text)
    except ValueError:
        raise _Bad(f"{key} {text!r} is not a number") from None
    if not low <= value <= high:  # also refuses NaN
        raise _Bad(f"{key} {value} is outside {low:g}..{high:g}")
    return value


def _day(text: str, key: str) -> dt.date:
    text = text.strip()
    if not re.fullmatch(r"\d{8}", text):
        raise _Bad(f"{key} {text!r} is not a date YYYYMMDD")
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise _Bad(f"{key} {text!r} is not a real day") from None


def _added(text: str) -> dt.datetime | dt.date | None:
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{14}", text):
        try:
            return dt.datetime.strptime(text, "%Y%m%d%H%M%S").replace(tzinfo=dt.timezone.utc)
        except ValueError:
            raise _Bad(f"DATEADDED {text!r} is not a real time") from None
    return _day(text, "DATEADDED")


def _opt(text: str) -> str | None:
    return text.strip() or None


def _actor(row: dict, who: str) -> GdeltActor | None:
    code, name = row[who + "Code"].strip(), row[who + "Name"].strip()
    if not code and not name:
        return None
    get = lambda f: _opt(row[who + f])  # noqa: E731
    return GdeltActor(code=code, name=name, country=get("CountryCode"), known_group=get("KnownGroupCode"),
                      ethnic=get("EthnicCode"),
                      religions=tuple(v for v in (get("Religion1Code"), get("Religion2Code")) if v),
                      types=tuple(v for v in (get("Type1Code"), get("Type2Code"), get("Type3Code")) if v))


def _place(row: dict, who: str) -> GdeltPlace | None:
    kind = row[who + "Type"].strip()
    if kind in ("", "0"):
        return None
    if kind not in ("1", "2", "3", "4", "5"):
        raise _Bad(f"{who}Type {kind!r} is not 0-5")
    return GdeltPlace(kind=int(kind), name=row[who + "FullName"].strip(), country=_opt(row[who + "CountryCode"]),
                      adm1=_opt(row[who + "ADM1Code"]), adm2=_opt(row.get(who + "ADM2Code", "")),
                      lat=_float(row, who + "Lat", -90, 90, optional=True),
                      long=_float(row, who + "Long", -180, 180, optional=True),
                      feature_id=_opt(row[who + "FeatureID"]))


def _cameo(row: dict) -> tuple[str, str, str]:
    from ..ontology.cameo import event_type

    codes = []
    for key in ("EventCode", "EventBaseCode", "EventRootCode"):
        code = row[key].strip()
        try:
            event_type(code)
        except GeopolkgError:
            raise _Bad(f"{key} {code!r} is not a CAMEO code") from None
        codes.append(code)
    return tuple(codes)


def parse_gdelt_row(fields: list[str], where: str, line: int = 0) -> GdeltEvent:
    """Parse the fields of one GDELT row (57, 58 or 61 of them).

    Raises
    ------
    LoaderError
        With ``where`` as the place, if the row does not fit the layout.
    """
    layout = _LAYOUTS.get(len(fields))
    if layout is None:
        raise LoaderError(f"GDELT row has {len(fields)} columns; expected 61 (GDELT 2.0) "
                          "or 57/58 (GDELT 1.0)", where)
    version, names = layout
    row = dict(zip(names, fields))
    try:
        code, base, root = _cameo(row)
        quad = _int(row, "QuadClass")
        if quad not in (1, 2, 3, 4):
            raise _Bad(f"QuadClass {quad} is not 1-4")
        return GdeltEvent(
            id=_int(row, "GLOBALEVENTID"), day=_day(row["SQLDATE"], "SQLDATE"),
            actor1=_actor(row, "Actor1"), actor2=_actor(row, "Actor2"),
            event_code=code, base_code=base, root_code=root, quad_class=quad,
            goldstein=_float(row, "GoldsteinScale", -10, 10),
            mentions=_int(row, "NumMentions"), sources=_int(row, "NumSources"),
            articles=_int(row, "NumArticles"), tone=_float(row, "AvgTone", -100, 100),
            is_root=row["IsRootEvent"].strip() == "1",
            actor1_place=_place(row, "Actor1Geo_"), actor2_place=_place(row, "Actor2Geo_"),
            action_place=_place(row, "ActionGeo_"), added=_added(row["DATEADDED"]),
            source_url=_opt(row.get("SOURCEURL", "")), version=version, line=line)
    except _Bad as err:
        raise LoaderError(str(err), where) from None


def iter_gdelt(path: str | Path, *, errors: list | None = None) -> Iterator[GdeltEvent]:
    """Yield the events of a GDELT event file, lazily, one row at a time.

    Parameters
    ----------
    path : str or Path
        A GDELT 2.0 export or GDELT 1.0 event file: plain, ``.zip`` or ``.gz``.
    errors : list, optional
        A bad row's :class:`LoaderError` (``FILE:LINE: ...``) is appended here
        and reading goes on; without it the first bad row raises.

    Raises
    ------
    LoaderError
        If the file cannot be read, or (without ``errors``) at the first bad row.
    """
    path = Path(path)
    with open_lines(path) as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield parse_gdelt_row(split_row(line), f"{path}:{number}", number)
            except LoaderError as err:
                if errors is None:
                    raise
                errors.append(err)


def is_gdelt(path: str | Path) -> bool:
    """True if the file's first row looks like a GDELT event row.

    That is: 57, 58 or 61 tab-separated fields, a numeric event id and an
    eight-digit ``SQLDATE``. The name (``.CSV``, ``.zip``) is not looked at.
    """
    line = first_line(Path(path))
    if not line:
        return False
    fields = split_row(line)
    return (len(fields) in _LAYOUTS and fields[0].strip().isdigit()
            and re.fullmatch(r"\d{8}", fields[1].strip()) is not None)
