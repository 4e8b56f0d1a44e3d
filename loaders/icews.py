"""ICEWS event files (Integrated Crisis Early Warning System, Harvard Dataverse).

Tab-separated, with a header row naming the columns: ``Event ID, Event Date,
Source Name, Source Sectors, Source Country, Event Text, CAMEO Code,
Intensity, Target Name, Target Sectors, Target Country, Story ID, Sentence
Number, Publisher, City, District, Province, Country, Latitude, Longitude``.
Columns are found by name, so their order may differ; ``NA`` is a missing
value. Sectors are a comma-separated list of ICEWS sector names
("Government,Police"); ``Intensity`` is the Goldstein value of the code.

A row that does not fit (wrong column count, a date that is not a day, an
unknown CAMEO code, an intensity out of -10..10) is a :class:`LoaderError`
naming the file and line; the reader reports it and goes on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import GeopolkgError, LoaderError
from .tabular import first_line, open_lines, split_row

__all__ = ["IcewsActor", "IcewsEvent", "REQUIRED_COLUMNS", "iter_icews", "is_icews", "parse_icews_row"]

#: Columns an ICEWS file must have (others are ignored).
REQUIRED_COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
                    "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
                    "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
                    "Province", "Country", "Latitude", "Longitude")


@dataclass(frozen=True)
class IcewsActor:
    """A source or target as ICEWS names it: "Police (India)", its sectors, its country name."""

    name: str
    sectors: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class IcewsEvent:
    """One ICEWS event row, typed.

    Attributes
    ----------
    id : int
        ``Event ID``.
    day : datetime.date
        ``Event Date``.
    source, target : IcewsActor or None
        None where ICEWS gives no name.
    event_text : str
        ICEWS's name of the event type ("Make statement").
    cameo_code : str
        CAMEO code, leading zeros kept.
    intensity : float
        Goldstein value, -10 to 10.
    story_id : str
        The news story the event was coded from.
    sentence : int or None
        ``Sentence Number`` in the story (1 is the first sentence).
    publisher : str or None
    city, district, province, country : str or None
        Where the event took place (names).
    lat, long : float or None
        WGS 84 degrees.
    line : int
        Line number in the file (1-based, the header is line 1).
    """

    id: int
    day: dt.date
    source: IcewsActor | None
    target: IcewsActor | None
    event_text: str
    cameo_code: str
    intensity: float
    story_id: str
    sentence: int | None
    publisher: str | None
    city: str | None
    district: str | None
    province: str | None
    country: str | None
    lat: float | None
    long: float | None
    line: int


def _opt(text: str) -> str | None:
    text = text.strip()
    return None if text in ("", "NA") else text


def _actor(row: dict, side: str) -> IcewsActor | None:
    name = _opt(row[f"{side} Name"])
    if name is None:
        return None
    sectors = tuple(s.strip() for s in (_opt(row[f"{side} Sectors"]) or "").split(",") if s.strip())
    return IcewsActor(name, sectors, _opt(row[f"{side} Country"]))


def _number(row: dict, key: str, low: float, high: float, where: str) -> float | None:
    text = _opt(row[key])
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        raise LoaderError(f"{key} {text!r} is not a number", where) from None
    if not low <= value <= high:
        raise LoaderError(f"{key} {value} is outside {low:g}..{high:g}", where)
    return value


def parse_icews_row(row: dict, where: str, line: int = 0) -> IcewsEvent:
    """Parse one ICEWS row given as {column name: text}.

    Raises
    ------
    LoaderError
        With ``where`` as the place, if a field does not parse.
    """
    from ..ontology.cameo import event_type

    try:
        event_id = int(row["Event ID"])
    except ValueError:
        raise LoaderError(f"Event ID {row['Event ID']!r} is not a whole number", where) from None
    try:
        day = dt.date.fromisoformat(row["Event Date"].strip())
    except ValueError:
        raise LoaderError(f"Event Date {row['Event Date']!r} is not a date YYYY-MM-DD", where) from None
    code = row["CAMEO Code"].strip()
    try:
        event_type(code)
    except GeopolkgError:
        raise LoaderError(f"CAMEO Code {code!r} is not a CAMEO code", where) from None
    intensity = _number(row, "Intensity", -10, 10, where)
    if intensity is None:
        raise LoaderError("Intensity is missing", where)
    sentence = _opt(row["Sentence Number"])
    if sentence is not None and not sentence.isdigit():
        raise LoaderError(f"Sentence Number {sentence!r} is not a whole number", where)
    story = _opt(row["Story ID"])
    if story is None:
        raise LoaderError("Story ID is missing", where)
    return IcewsEvent(
        id=event_id, day=day, source=_actor(row, "Source"), target=_actor(row, "Target"),
        event_text=row["Event Text"].strip(), cameo_code=code, intensity=intensity, story_id=story,
        sentence=int(sentence) if sentence is not None else None, publisher=_opt(row["Publisher"]),
        city=_opt(row["City"]), district=_opt(row["District"]), province=_opt(row["Province"]),
        country=_opt(row["Country"]), lat=_number(row, "Latitude", -90, 90, where),
        long=_number(row, "Longitude", -180, 180, where), line=line)


def iter_icews(path: str | Path, *, errors: list | None = None) -> Iterator[IcewsEvent]:
    """Yield the events of an ICEWS file, lazily, one row at a time.

    Parameters
    ----------
    path : str or Path
        A ``.tab`` file with its header row: plain, ``.zip`` or ``.gz``.
    errors : list, optional
        A bad row's :class:`LoaderError` (``FILE:LINE: ...``) is appended here
        and reading goes on; without it the first bad row raises.

    Raises
    ------
    LoaderError
        If the file cannot be read or its header lacks a column (always
        raised: no row can be read then), or (without ``errors``) at the
        first bad row.
    """
    path = Path(path)
    with open_lines(path) as lines:
        header = split_row(next(iter(lines), ""))
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise LoaderError(f"not an ICEWS event file: the header lacks {', '.join(missing)}", f"{path}:1")
        for number, line in enumerate(lines, start=2):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            fields = split_row(line)
            try:
                if len(fields) != len(header):
                    raise LoaderError(f"ICEWS row has {len(fields)} columns; the header has {len(header)}",
                                      where)
                yield parse_icews_row(dict(zip(header, fields)), where, number)
            except LoaderError as err:
                if errors is None:
                    raise
                errors.append(err)


def is_icews(path: str | Path) -> bool:
    """True if the file's first line is an ICEWS header (it names every required column)."""
    line = first_line(Path(path))
    if not line:
        return False
    header = split_row(line)
    return all(c in header for c in REQUIRED_COLUMNS)
