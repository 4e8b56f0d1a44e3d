"""The actor knowledge base: countries, organizations, armed groups, people, roles.

Sources, loaded once and cached:

* every country and territory in pycountry (ISO 3166 alpha-3, official and
  common names), with demonyms, capitals and alternative spellings from
  countryinfo;
* ``actors/countries.yaml``: extra names, seats of power used as metonyms
  ("the Kremlin"), demonyms;
* ``actors/organizations.yaml``: international organizations (CAMEO
  ``IGO...`` codes) and armed and political groups, with codes that change
  over time (the Taliban are ``AFGINS`` before 2021-08-15 and ``AFGGOV`` after);
* ``actors/people.yaml``: people with their roles as time intervals;
* ``actors/roles.yaml``: role words that give a sector (``GOV``, ``MIL`` ...).

Actor codes follow CAMEO's convention: an ISO 3166 alpha-3 country code
followed by a sector code (``USAGOV``), or ``IGO`` plus the organization's
code (``IGOUNO``). See the CAMEO manual, chapter 3 (actor codes).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from importlib import resources

import yaml

from ..errors import OntologyError

__all__ = ["Actor", "Entry", "Period", "ActorKB", "load_kb", "SECTOR_NAMES", "kind_of_code"]

#: CAMEO sector codes and how they read in a name.
SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels",
    "INS": "insurgents", "OPP": "opposition", "LEG": "legislature", "JUD": "judiciary",
    "CVL": "civilians", "BUS": "business", "MED": "media", "ELI": "elites",
    "SPY": "intelligence",
}

_KIND_BY_SECTOR = {"GOV": "government", "MIL": "government", "COP": "government",
                   "LEG": "government", "JUD": "government", "SPY": "government",
                   "REB": "armed group", "INS": "armed group"}


def kind_of_code(code: str) -> str:
    """Return the actor kind for a CAMEO-style code.

    One of ``state`` (bare ISO3), ``government``, ``armed group``,
    ``organization`` (``IGO...``) or ``other``.

    Examples
    --------
    >>> kind_of_code("USAGOV"), kind_of_code("IGOUNO"), kind_of_code("CHN")
    ('government', 'organization', 'state')
    """
    if code.startswith("IGO"):
        return "organization"
    if code.startswith("IMG"):
        return "armed group"
    if len(code) == 3:
        return "state"
    return _KIND_BY_SECTOR.get(code[3:6], "other")


@dataclass(frozen=True)
class Actor:
    """An actor as it appears in the graph: one node per code.

    Attributes
    ----------
    code : str
        CAMEO-style code, the actor's identity (``USAGOV``).
    name : str
        Readable name ("United States").
    kind : str
        ``state``, ``government``, ``armed group``, ``organization``, ``other``.
    country : str or None
        ISO 3166 alpha-3 code, when the actor belongs to a country.
    sector : str or None
        CAMEO sector code (``GOV``), when there is one.
    """

    code: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None

    def as_dict(self) -> dict:
        return {"name": self.name, "code": self.code}


@dataclass(frozen=True)
class Period:
    """A code that holds from ``start`` to ``end`` (inclusive; None is open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    role: str | None = None

    def covers(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Entry:
    """A named thing in the knowledge base, with its names and codes over time.

    ``kind`` is ``country``, ``seat``, ``demonym``, ``organization``,
    ``armed group`` or ``person``.
    """

    key: str
    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    wikidata: str | None = None

    def code_at(self, day: dt.date | None) -> str | None:
        """Return the actor code that holds on ``day``.

        For a person with no role on that day: the country's elite code
        (``ELI``); with no date, the latest role. None if nothing applies.
        """
        if not self.periods:
            return None
        for period in self.periods:
            if period.covers(day):
                return period.code
        if day is None:
            return self.periods[-1].code
        if self.kind == "person" and self.country:
            return self.country + "ELI"
        if self.kind == "armed group":
            # before the first period or after the last: nearest period
            first = self.periods[0]
            return first.code if first.start and day < first.start else self.periods[-1].code
        return None

    def role_at(self, day: dt.date | None) -> str | None:
        for period in self.periods:
            if period.covers(day):
                return period.role
        return None


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise OntologyError(f"bad date {value!r} in the actor knowledge base") from err


def _read_yaml(name: str) -> dict:
    text = resources.files("geopolkg.ontology").joinpath("actors", name).read_text("utf-8")
    try:
        return yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        raise OntologyError(f"actors/{name} is not valid YAML: {err}") from err


class ActorKB:
    """Names to entries, entries to actor codes, codes to actors.

    Build with :func:`load_kb` (cached). Users' dictionaries are added with
    :meth:`add_entry`.
    """

    def __init__(self):
        self.entries: dict[str, Entry] = {}
        self.by_alias: dict[str, list[str]] = {}
        self.country_names: dict[str, str] = {}
        self.org_names: dict[str, str] = {}
        self.sector_name_periods: dict[str, list[tuple[Period, str]]] = {}
        self.roles: dict[str, str] = {}

    # -- building -------------------------------------------------------
    def add_entry(self, entry: Entry, prefer: bool = False) -> None:
        """Add ``entry`` and index its name and aliases (case-sensitive).

        With ``prefer``, the entry comes first for names it shares with
        entries already there (a curated or user entry wins over a generated one).
        """
        self.entries[entry.key] = entry
        for alias in {entry.name, *entry.aliases}:
            alias = alias.strip()
            if alias:
                keys = self.by_alias.setdefault(alias, [])
                if entry.key in keys:
                    keys.remove(entry.key)
                keys.insert(0, entry.key) if prefer else keys.append(entry.key)

    # -- lookup ---------------------------------------------------------
    def lookup(self, alias: str) -> list[Entry]:
        """Return the entries named ``alias`` (exact, then without "the ")."""
        keys = self.by_alias.get(alias) or self.by_alias.get(alias.removeprefix("the ").removeprefix("The "))
        return [self.entries[k] for k in keys or ()]

    def actor(self, code: str, day: dt.date | None = None) -> Actor:
        """Return the :class:`Actor` for ``code``, named as on ``day``."""
        kind = kind_of_code(code)
        if code in self.org_names:
            return Actor(code, self.org_names[code], kind, None, None)
        country, sector = code[:3], code[3:6] or None
        base = self.country_names.get(country, country)
        name = base
        for period, special in self.sector_name_periods.get(code, ()):
            if period.covers(day) and day is not None:
                name = special
                break
        else:
            if sector and sector != "GOV":
                name = f"{base} {SECTOR_NAMES.get(sector, sector.lower())}"
        return Actor(code, name, kind, country if country in self.country_names else None, sector)

    def resolve(self, entry: Entry, day: dt.date | None, sector: str | None = None) -> Actor | None:
        """Return the actor ``entry`` stands for on ``day``.

        A country acts through its government unless ``sector`` says
        otherwise ("Chinese troops" gives ``CHNMIL``).
        """
        if entry.kind in ("country", "demonym"):
            return self.actor(entry.country + (sector or "GOV"), day)
        code = entry.code_at(day)
        if code is None:
            return None
        if sector and entry.kind == "seat" and len(code) > 3:
            code = code[:3] + sector
        return self.actor(code, day)

    def role_sector(self, word: str) -> str | None:
        """Return the sector code a role word gives ("spokesperson" -> "GOV")."""
        return self.roles.get(word.lower())


def _add_countries(kb: ActorKB, extras: dict) -> None:
    import pycountry
    from countryinfo import CountryInfo

    for country in pycountry.countries:
        code = country.alpha_3
        extra = extras.get(code, {})
        try:
            info = CountryInfo(code).info()
        except (ValueError, KeyError):
            info = {}
        name = extra.get("name") or getattr(country, "common_name", None) or country.name
        aliases = {country.name, getattr(country, "official_name", country.name),
                   getattr(country, "common_name", country.name), info.get("name") or name}
        aliases |= {a for a in info.get("altSpellings", []) if len(a) > 3 and not a.isupper()}
        aliases |= set(extra.get("aliases", [])) | set(extra.get("scripts", []))
        kb.country_names[code] = name
        curated = bool(extra)
        kb.add_entry(Entry(f"country:{code}", name, "country", code, sorted(aliases)), prefer=curated)
        demonyms = set(extra.get("demonyms", []))
        if info.get("demonym") and not (info["demonym"] in kb.by_alias and not curated):
            demonyms.add(info["demonym"])
        if demonyms:
            kb.add_entry(Entry(f"demonym:{code}", sorted(demonyms)[0], "demonym", code, sorted(demonyms)),
                         prefer=curated)
        seats = dict(extra.get("seats", {}))
        if info.get("capital") and info["capital"] not in seats:
            seats[info["capital"]] = "GOV"
        for seat, sector in seats.items():
            kb.add_entry(Entry(f"seat:{code}:{seat}", seat, "seat", code, [seat],
                               [Period(code + sector)]), prefer=curated)
    for code, extra in extras.items():
        if code.startswith("_") or code in kb.country_names:
            continue
        kb.country_names[code] = extra["name"]  # historical states (Soviet Union)
        kb.add_entry(Entry(f"country:{code}", extra["name"], "country", code, extra.get("aliases", [])))
        if extra.get("demonyms"):
            kb.add_entry(Entry(f"demonym:{code}", extra["demonyms"][0], "demonym", code, extra["demonyms"]))
    for code, periods in extras.get("_sector_names", {}).items():
        kb.sector_name_periods[code] = [
            (Period(code, _date(p.get("from")), _date(p.get("until"))), p["name"]) for p in periods]


def _add_organizations(kb: ActorKB, data: dict) -> None:
    for key, rec in data.items():
        periods = [Period(p["code"], _date(p.get("from")), _date(p.get("until")))
                   for p in rec.get("periods", [])]
        code = rec.get("code") or (key if key.startswith("IGO") else None)
        if not periods:
            if not code:
                raise OntologyError(f"organization {key!r} has neither a code nor periods")
            periods = [Period(code)]
        if code and code.startswith(("IGO", "IMG")):
            kb.org_names[code] = rec["name"]
        kb.add_entry(Entry(f"org:{key}", rec["name"], rec.get("kind", "organization"),
                           rec.get("country"), list(rec.get("aliases", [])), periods,
                           rec.get("wikidata")))


def _add_people(kb: ActorKB, data: dict) -> None:
    for name, rec in data.items():
        periods = [Period(r["code"], _date(r.get("from")), _date(r.get("until")), r.get("role"))
                   for r in rec.get("roles", [])]
        kb.add_entry(Entry(f"person:{name}", name, "person", rec.get("country"),
                           list(rec.get("aliases", [])), periods, rec.get("wikidata")))


@functools.lru_cache(maxsize=1)
def load_kb() -> ActorKB:
    """Return the bundled actor knowledge base (built once, then cached).

    Raises
    ------
    OntologyError
        If a data file is malformed.
    """
    kb = ActorKB()
    _add_countries(kb, _read_yaml("countries.yaml"))
    _add_organizations(kb, _read_yaml("organizations.yaml"))
    _add_people(kb, _read_yaml("people.yaml"))
    for sector, words in _read_yaml("roles.yaml").items():
        for word in words:
            kb.roles[word.lower()] = sector
    return kb
