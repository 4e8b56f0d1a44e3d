"""Import actor dictionaries in the CAMEO / TABARI / PETRARCH text format.

The format (PETRARCH dictionary documentation, "Actor Dictionary"; TABARI
manual, chapter 5), one record per actor::

    # comment              <!-- comment -->           ; comment (legacy)
    HAMID_KARZAI_ [AFGELI]             primary phrase, optional default code
    +KARZAI_                           synonym phrases, one per line
        [AFGGOV 011222-140929]         date restrictions, indented, one per line
    ZALMAY_KHALILZAD_ [USAGOV >20180905]   the older in-line restriction form

A phrase's words are separated by blanks or underscores (a trailing ``_``
only marks the phrase's end). A restriction is ``[CODE <date]`` (up to and
including the date), ``[CODE >date]`` (from the date on), ``[CODE
date-date]`` or ``[CODE]`` (the default). Dates are ``YYYYMMDD`` or
``YYMMDD``; a two-digit year ``00``-``29`` is 20xx, ``30``-``99`` 19xx.

Mapping to a user dictionary (:mod:`geopolkg.ontology.actor_files`):

* a record with date restrictions is a person: each restriction is a role,
  and the default code, if any, a role with no dates, tried last;
* a record whose only code is a bare ISO 3166 alpha-3 code adds its names to
  that country (``AFGHANISTAN_ [AFG]`` with ``+KABUL_``);
* any other record is an organization keyed by its code.

Dictionaries are upper case; names are turned to title case ("HAMID KARZAI"
-> "Hamid Karzai"), except that a one-word name of at most five letters is
taken for an acronym and kept as written ("UNHCR"), its title case added as
an alias.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import OntologyError
from .actor_files import CODE_PATTERN

__all__ = ["PetrarchRecord", "parse_petrarch", "petrarch_to_user_data", "read_petrarch"]

_COMMENT_HTML = re.compile(r"<!--.*?-->", re.S)
_BRACKETS = re.compile(r"\[([^\]]*)\]")
_RESTRICTION = re.compile(r"\s*([A-Za-z0-9]+)\s*([<>]?\s*\d{6,8}(?:\s*-\s*\d{6,8})?)?\s*")


def _brackets(text: str, where: str) -> list[tuple]:
    """Every ``[...]`` of a line as (code, restriction text or ""); a malformed one is an error."""
    found = []
    for inner in _BRACKETS.findall(text):
        m = _RESTRICTION.fullmatch(inner)
        if m is None:
            raise OntologyError(f"bad actor code or date restriction [{inner}]", where)
        found.append((m.group(1), m.group(2) or ""))
    return found


@dataclass
class PetrarchRecord:
    """One actor record: its phrases and its (code, start, end) restrictions.

    ``start`` and ``end`` are inclusive dates or None; ``default`` is the code
    in the primary line without a date, if any. ``line`` is where it began.
    """

    name: str
    synonyms: list[str] = field(default_factory=list)
    restrictions: list[tuple] = field(default_factory=list)
    default: str | None = None
    line: int = 0


def _date(text: str, where: str) -> dt.date:
    text = text.strip()
    try:
        if len(text) == 6:
            year = int(text[:2])
            year += 2000 if year < 30 else 1900
            return dt.date(year, int(text[2:4]), int(text[4:6]))
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        pass
    raise OntologyError(f"bad date {text!r} (YYYYMMDD or YYMMDD)", where)


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def _restriction(code: str, spec: str | None, where: str) -> tuple:
    code = code.upper()
    if not CODE_PATTERN.fullmatch(code):
        raise OntologyError(f"bad actor code {code!r}", where)
    if not spec:
        return code, None, None
    spec = spec.replace(" ", "")
    if spec.startswith("<"):
        return code, None, _date(spec[1:], where)
    if spec.startswith(">"):
        return code, _date(spec[1:], where), None
    first, _, last = spec.partition("-")
    return code, _date(first, where), _date(last, where)


def _strip_comment(line: str) -> str:
    for mark in ("#", ";"):
        if mark in line:
            line = line[:line.index(mark)]
    return line.rstrip()


def parse_petrarch(text: str, source: str = "<text>") -> list[PetrarchRecord]:
    """Parse actor-dictionary text into records.

    Raises
    ------
    OntologyError
        On a synonym or restriction before any primary phrase, a malformed
        code or date; the message names ``source`` and the line.
    """
    text = _COMMENT_HTML.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    records: list[PetrarchRecord] = []
    for number, raw in enumerate(text.splitlines(), 1):
        where = f"{source}:{number}"
        line = _strip_comment(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if not records:
                raise OntologyError("a synonym before any actor", where)
            name = _phrase(_BRACKETS.sub("", stripped[1:]))
            if name:
                records[-1].synonyms.append(name)
            continue
        if stripped.startswith("[") and (line[0].isspace() or records):
            if not records:
                raise OntologyError("a date restriction before any actor", where)
            for code, spec in _brackets(stripped, where):
                restriction = _restriction(code, spec, where)
                if spec:
                    records[-1].restrictions.append(restriction)
                else:
                    records[-1].default = restriction[0]
            continue
        name = _phrase(_BRACKETS.sub("", stripped))
        if not name:
            raise OntologyError(f"no actor name in {stripped!r}", where)
        record = PetrarchRecord(name, line=number)
        for code, spec in _brackets(stripped, where):
            restriction = _restriction(code, spec, where)
            if spec:
                record.restrictions.append(restriction)
            else:
                record.default = restriction[0]
        records.append(record)
    return records


def _names(phrase: str) -> list[str]:
    title = phrase.title().replace("'S ", "'s ").replace("’S ", "’s ")
    if title.endswith("'S"):
        title = title[:-2] + "'s"
    if " " not in phrase and len(phrase) <= 5 and phrase.isupper():
        return [phrase, title]  # an acronym: as written first
    return [title]


def petrarch_to_user_data(records: list[PetrarchRecord], country_codes=frozenset()) -> dict:
    """Turn parsed records into user-dictionary sections (see the module docstring).

    Parameters
    ----------
    records : list of PetrarchRecord
    country_codes : set of str
        The ISO 3166 alpha-3 codes known as countries (a bare one of these
        adds names to the country). Default: pycountry's.
    """
    if not country_codes:
        import pycountry

        country_codes = {c.alpha_3 for c in pycountry.countries}
    data = {"people": {}, "organizations": {}, "countries": {}}
    for rec in records:
        names = _names(rec.name)
        aliases = [n for s in rec.synonyms for n in _names(s)] + names[1:]
        main = names[0]
        if rec.restrictions:
            roles = []
            for code, start, end in rec.restrictions:
                role = {"role": "as coded in the imported dictionary", "code": code}
                if start:
                    role["from"] = start
                if end:
                    role["until"] = end
                roles.append(role)
            if rec.default:
                roles.append({"role": "default code of the imported dictionary", "code": rec.default})
            country = next((c[:3] for c, _, _ in rec.restrictions if c[:3] in country_codes), None)
            person = {"aliases": list(dict.fromkeys(aliases)), "roles": roles}
            if country:
                person["country"] = country
            data["people"][main] = person
        elif rec.default and rec.default in country_codes:
            country = data["countries"].setdefault(rec.default, {"aliases": []})
            country["aliases"] = list(dict.fromkeys([*country["aliases"], *names, *aliases]))
        elif rec.default:
            org = data["organizations"].get(rec.default)
            if org:  # several records for one code: one organization, more names
                org["aliases"] = list(dict.fromkeys([*org["aliases"], *names, *aliases]))
                continue
            org = {"name": main, "kind": "organization", "code": rec.default,
                   "aliases": list(dict.fromkeys(aliases))}
            if rec.default[:3] in country_codes:
                org["country"] = rec.default[:3]
            data["organizations"][rec.default] = org
        # a record with no code at all codes nothing (PETRARCH's null code): skipped
    return data


def read_petrarch(path: str | Path) -> dict:
    """Read a PETRARCH actor dictionary file into user-dictionary sections.

    Raises
    ------
    OntologyError
        If the file cannot be read or is malformed (file and line named).
    """
    path = Path(path)
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError as err:
        raise OntologyError(f"cannot read the actor dictionary: {err.strerror}", str(path)) from err
    return petrarch_to_user_data(parse_petrarch(text, str(path)))
