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
* ``actors/roles.yaml``: role words that give a sector (``GOV``, ``MIL`` ...);
* ``actors/ambiguous.yaml``: names that stand for several things ("Georgia",
  "Congo", "Jordan"), each sense with the context words that decide it;
* users' own dictionaries (see :mod:`geopolkg.ontology.actor_files`): YAML
  files in the same format, found through ``$GEOPOLKG_ACTORS`` and the store
  folder's ``actors.yaml``; their entries win over the bundled ones.

Actor codes follow CAMEO's convention: an ISO 3166 alpha-3 country code
followed by a sector code (``USAGOV``), or ``IGO`` plus the organization's
code (``IGOUNO``). See the CAMEO manual, chapter 3 (actor codes).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml

from ..errors import OntologyError
from .names import name_key

__all__ = ["Actor", "Entry", "Period", "Sense", "ActorKB", "load_kb", "SECTOR_NAMES", "kind_of_code",
           "apply_user_dictionary", "build_bundled_kb"]

#: CAMEO sector codes and how they read in a name.
SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels",
    "INS": "insurgents", "OPP": "opposition", "LEG": "legislature", "JUD": "judiciary",
    "CVL": "civilians", "BUS": "business", "MED": "media", "ELI": "elites",
    "SPY": "intelligence", "RAD": "radicals", "REL": "religious groups", "HRI": "human rights groups",
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
    >>> kind_of_code("USAGOV"), kind_of_code("IGOUNO"), kind_of_code("CHN"), kind_of_code("NGOAMN")
    ('government', 'organization', 'state', 'organization')
    """
    if code.startswith(("IGO", "NGO")):
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
    #: First and last day (inclusive) the names of this entry stand for it:
    #: a state's, from its start to its end ("Moscow" is the Soviet
    #: Union's to 1991-12-25, Russia's from 1991-12-26); None is open.
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        """True when the entry's names stand for it on ``day`` (with no day: today, an open end)."""
        if day is None:
            return self.valid_until is None
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until)

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


@dataclass(frozen=True)
class Sense:
    """One meaning of an ambiguous name, with the words that point to it.

    Attributes
    ----------
    name : str
        What this sense is ("Georgia (U.S. state)").
    kind : str
        ``country``, ``person``, ``region``, ``place`` ... (a ``place`` or a
        ``person`` without ``key`` is not an actor of the knowledge base).
    key : str or None
        The knowledge-base entry this sense is (``country:GEO``), if any.
    code : str or None
        The actor code when the sense is an actor without an entry of its own
        (a U.S. state acts for ``USA``).
    context : tuple of str
        Words and phrases that, near the name, point to this sense
        (matched whole-word, case-insensitively).
    default : bool
        The sense to take when the context decides nothing.
    """

    name: str
    kind: str
    key: str | None = None
    code: str | None = None
    context: tuple = ()
    default: bool = False


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
        self.org_kinds: dict[str, str] = {}
        self.sector_name_periods: dict[str, list[tuple[Period, str]]] = {}
        self.country_name_periods: dict[str, list[tuple[Period, str]]] = {}
        self.roles: dict[str, str] = {}
        self.ambiguous: dict[str, list[Sense]] = {}
        self.sources: list[str] = []

    # -- building -------------------------------------------------------
    def add_entry(self, entry: Entry, prefer: bool = False) -> None:
        """Add ``entry`` and index its name and aliases (case-sensitive, by
        :func:`.names.name_key`: the same across typographic apostrophes,
        dashes and spaces).

        With ``prefer``, the entry comes first for names it shares with
        entries already there (a curated or user entry wins over a generated one).
        An entry with the key of one already there replaces it, names and all.
        """
        old = self.entries.get(entry.key)
        if old is not None:
            for alias in dict.fromkeys([old.name, *old.aliases]):
                keys = self.by_alias.get(name_key(alias.strip()), [])
                if entry.key in keys:
                    keys.remove(entry.key)
                if not keys:
                    self.by_alias.pop(name_key(alias.strip()), None)
        self.entries[entry.key] = entry
        for alias in dict.fromkeys([entry.name, *entry.aliases]):  # in order: same index in every process
            alias = name_key(alias.strip())
            if alias:
                keys = self.by_alias.setdefault(alias, [])
                if entry.key in keys:
                    keys.remove(entry.key)
                keys.insert(0, entry.key) if prefer else keys.append(entry.key)

    # -- lookup ---------------------------------------------------------
    def has_name(self, alias: str) -> bool:
        """Whether some entry has the name or alias ``alias`` (by :func:`.names.name_key`)."""
        return name_key(alias) in self.by_alias

    def lookup(self, alias: str) -> list[Entry]:
        """Return the entries named ``alias`` (exact up to typographic variants,
        see :mod:`.names`; then without "the ")."""
        alias = name_key(alias)
        keys = self.by_alias.get(alias) or self.by_alias.get(alias.removeprefix("the ").removeprefix("The "))
        return [self.entries[k] for k in keys or ()]

    def key_on(self, key: str, text: str, day: dt.date | None) -> str:
        """Return the key of the entry that the name ``text`` stands for on ``day``.

        The entity ruler tags each name with one entry key whatever the date.
        Where a name has stood for several states in turn ("Moscow", "the
        Kremlin" and "Russian" for the Soviet Union until 1991-12-25 and for
        Russia after; "Belgrade" for Yugoslavia, then Serbia and Montenegro,
        then Serbia), the entry valid on ``day`` wins (:meth:`Entry.valid_on`).
        When none is, ``key`` stays.

        Examples
        --------
        >>> import datetime as dt
        >>> kb = load_kb(extra_paths=[])
        >>> kb.key_on("seat:RUS:Kremlin", "Kremlin", dt.date(1987, 3, 2))
        'seat:SUN:Kremlin'
        >>> kb.key_on("seat:RUS:Kremlin", "Kremlin", dt.date(2020, 3, 2))
        'seat:RUS:Kremlin'
        """
        entry = self.entries.get(key)
        if entry is None or entry.valid_on(day):
            return key
        for other in self.lookup(text):
            if other.valid_on(day):
                return other.key
        return key

    def lookup_at(self, alias: str, day: dt.date | None) -> list[Entry]:
        """Return the entries named ``alias``, those active on ``day`` first.

        Where several people share a name ("Bush"), the one holding a role on
        the article's date comes first; otherwise the order of :meth:`lookup`
        (curated and user entries first) is kept.
        """
        entries = self.lookup(alias)
        return sorted(entries, key=lambda e: not any(p.covers(day) for p in e.periods if p.start or p.end))

    def find(self, name: str) -> Entry | None:
        """Return the entry named ``name``: by key, exact name or alias, then ignoring case.

        For the command line (``geopolkg actors show``); text resolution uses
        :meth:`lookup`, which is case-sensitive.
        """
        if name in self.entries:
            return self.entries[name]
        found = self.lookup(name)
        if found:
            return found[0]
        folded = name_key(name).casefold().removeprefix("the ")
        for alias, keys in self.by_alias.items():
            if alias.casefold().removeprefix("the ") == folded:
                return self.entries[keys[0]]
        return None

    def codes_of(self, entry: Entry) -> list[str]:
        """Return every actor code ``entry`` can stand for, in time order.

        A country gives its bare code and its government (``USA``, ``USAGOV``);
        a person out of office also stands for the country's elite (``ELI``).
        """
        codes = [p.code for p in entry.periods]
        if entry.kind in ("country", "demonym") and entry.country:
            codes = [entry.country, entry.country + "GOV"]
        if entry.kind == "person" and entry.country:
            codes.append(entry.country + "ELI")
        return list(dict.fromkeys(codes))

    # -- ambiguous names ------------------------------------------------
    def senses(self, alias: str) -> list[Sense]:
        """Return the senses of an ambiguous name, default first; [] if it is not ambiguous.

        Examples
        --------
        >>> [s.name for s in load_kb(extra_paths=[]).senses("Georgia")][:2]
        ['Georgia', 'Georgia (U.S. state)']
        """
        alias = name_key(alias)
        return list(self.ambiguous.get(alias) or self.ambiguous.get(alias.removeprefix("the "), ()))

    def disambiguate(self, alias: str, context: str) -> Sense | None:
        """Pick the sense of ``alias`` that ``context`` (text around it) points to.

        Each sense scores one point per distinct context word or phrase found
        in ``context`` (whole words, ignoring case; a context word equal to
        the ambiguous name itself is not counted). The highest score wins; on a tie, or with no clue at
        all, the default sense. None if ``alias`` is not ambiguous.

        Parameters
        ----------
        alias : str
            The name as written ("Georgia").
        context : str
            The sentence, paragraph or article the name appears in.
        """
        senses = self.senses(alias)
        if not senses:
            return None
        def score(sense: Sense) -> int:
            return sum(1 for w in sense.context
                       if w != alias and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", context, re.I))

        scores = [score(s) for s in senses]
        best = max(scores)
        tied = senses if best == 0 else [s for s, v in zip(senses, scores) if v == best]
        return next((s for s in tied if s.default), tied[0])

    def sense_actor(self, sense: Sense, day: dt.date | None, sector: str | None = None) -> Actor | None:
        """Return the actor a sense stands for on ``day`` (None for a place or an unknown person)."""
        if sense.key and sense.key in self.entries:
            return self.resolve(self.entries[sense.key], day, sector)
        if sense.code:
            return self.actor(sense.code, day)
        return None

    def actor(self, code: str, day: dt.date | None = None) -> Actor:
        """Return the :class:`Actor` for ``code``, named as on ``day``."""
        kind = kind_of_code(code)
        if code in self.org_names:
            country = code[:3] if code[:3] in self.country_names else None
            return Actor(code, self.org_names[code], self.org_kinds.get(code, kind), country,
                         code[3:6] if country and len(code) >= 6 else None)
        country, sector = code[:3], code[3:6] or None
        base = self.country_names.get(country, country)
        for period, dated in self.country_name_periods.get(country, ()):
            if day is not None and period.covers(day):
                base = dated  # "West Germany" before 1990-10-03
                break
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


def _validity(code: str, extra: dict) -> dict:
    """The days a country's names stand for it (``from``, ``until`` in
    ``countries.yaml``), as keyword arguments of :class:`Entry`."""
    return {"valid_from": _date(extra.get("from")), "valid_until": _date(extra.get("until"))}


def _check_former_state(code: str) -> None:
    """A state outside ISO 3166-1 must be a former state of ISO 3166-3
    (pycountry's ``historic_countries``: SUN, YUG, CSK, DDR ...) or a
    user-assigned code (``X..``, as Kosovo's XKX)."""
    import pycountry

    if code.startswith("X") or any(c.alpha_3 == code for c in pycountry.historic_countries):
        return
    raise OntologyError(f"country {code!r} is neither in ISO 3166-1 nor a former state of ISO 3166-3",
                        "actors/countries.yaml")


def _add_countries(kb: ActorKB, extras: dict) -> None:
    import pycountry
    from countryinfo import CountryInfo

    for country in pycountry.countries:
        code = country.alpha_3
        extra = extras.get(code, {})
        valid = _validity(code, extra)
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
        kb.add_entry(Entry(f"country:{code}", name, "country", code, sorted(aliases),
                           wikidata=extra.get("wikidata"), **valid), prefer=curated)
        demonyms = set(extra.get("demonyms", []))
        # countryinfo's demonym and capital only where no other country claims
        # the word already ("Congolese" is the DR Congo's, "Jerusalem" Israel's)
        if info.get("demonym") and not kb.has_name(info["demonym"]):
            demonyms.add(info["demonym"])
        if demonyms:
            kb.add_entry(Entry(f"demonym:{code}", sorted(demonyms)[0], "demonym", code, sorted(demonyms), **valid),
                         prefer=curated)
        seats = dict(extra.get("seats", {}))
        if info.get("capital") and info["capital"] not in seats and not kb.has_name(info["capital"]):
            seats[info["capital"]] = "GOV"
        for seat, sector in seats.items():
            kb.add_entry(Entry(f"seat:{code}:{seat}", seat, "seat", code, [seat],
                               [Period(code + sector)], **valid), prefer=curated)
    for code, extra in extras.items():
        if code.startswith("_") or code in kb.country_names:
            continue
        _check_former_state(code)
        valid = _validity(code, extra)
        kb.country_names[code] = extra["name"]  # former states (Soviet Union), Kosovo
        kb.add_entry(Entry(f"country:{code}", extra["name"], "country", code,
                           list(extra.get("aliases", [])) + list(extra.get("scripts", [])),
                           wikidata=extra.get("wikidata"), **valid))
        if extra.get("demonyms"):
            kb.add_entry(Entry(f"demonym:{code}", extra["demonyms"][0], "demonym", code, extra["demonyms"], **valid))
        for seat, sector in extra.get("seats", {}).items():  # "Pristina" speaks for Kosovo
            kb.add_entry(Entry(f"seat:{code}:{seat}", seat, "seat", code, [seat], [Period(code + sector)], **valid))
        _pass_seats(kb, code, extra)
    for code, extra in extras.items():
        if not code.startswith("_") and extra.get("names"):
            kb.country_name_periods[code] = [
                (Period(code, _date(p.get("from")), _date(p.get("until"))), p["name"]) for p in extra["names"]]
    for code, periods in extras.get("_sector_names", {}).items():
        kb.sector_name_periods[code] = [
            (Period(code, _date(p.get("from")), _date(p.get("until"))), p["name"]) for p in periods]


def _pass_seats(kb: ActorKB, code: str, extra: dict) -> None:
    """After a former state's end, its seats of power speak for its
    ``successor`` (the same sector), unless the successor names them itself:
    "Aden" after 1990-05-21 is Yemen's."""
    successor, until = extra.get("successor"), _date(extra.get("until"))
    if not successor or until is None:
        return
    start = until + dt.timedelta(days=1)
    for seat, sector in extra.get("seats", {}).items():
        key = f"seat:{successor}:{seat}"
        if key not in kb.entries:
            kb.add_entry(Entry(key, seat, "seat", successor, [seat], [Period(successor + sector)], valid_from=start))


def _add_organizations(kb: ActorKB, data: dict, prefer: bool = False) -> None:
    for key, rec in data.items():
        periods = [Period(p["code"], _date(p.get("from")), _date(p.get("until")))
                   for p in rec.get("periods", [])]
        code = rec.get("code") or (key if key.startswith(("IGO", "NGO")) else None)
        if not periods:
            if not code:
                raise OntologyError(f"organization {key!r} has neither a code nor periods")
            periods = [Period(code)]
        for period in periods:  # a code of its own names the organization
            if period.code.startswith(("IGO", "IMG", "NGO")) or len(period.code) > 6:
                kb.org_names.setdefault(period.code, rec["name"])
                kb.org_kinds.setdefault(period.code, rec.get("kind", "organization"))
        kb.add_entry(Entry(f"org:{key}", rec["name"], rec.get("kind", "organization"),
                           rec.get("country"), list(rec.get("aliases", [])), periods,
                           rec.get("wikidata")), prefer=prefer)


def _add_people(kb: ActorKB, data: dict, prefer: bool = False) -> None:
    for name, rec in data.items():
        rec = rec or {}
        periods = [Period(r["code"], _date(r.get("from")), _date(r.get("until")), r.get("role"))
                   for r in rec.get("roles", [])]
        kb.add_entry(Entry(f"person:{name}", name, "person", rec.get("country"),
                           list(rec.get("aliases", [])), periods, rec.get("wikidata")), prefer=prefer)


def _add_senses(kb: ActorKB, data: dict) -> None:
    """Index the ambiguous names; the default sense's entry comes first for the ruler."""
    for alias, senses in data.items():
        parsed = []
        for rec in senses:
            key = rec.get("key")
            if key and key not in kb.entries:
                raise OntologyError(f"ambiguous name {alias!r}: no entry {key!r}", "actors/ambiguous.yaml")
            name = rec.get("name") or kb.entries[key].name
            parsed.append(Sense(name, rec.get("kind") or kb.entries[key].kind, key, rec.get("code"),
                                tuple(rec.get("context", ())), bool(rec.get("default"))))
        parsed.sort(key=lambda s: not s.default)
        kb.ambiguous[name_key(alias)] = parsed
        default = parsed[0]
        if default.key:  # "Congo" names the default country in the entity ruler
            keys = kb.by_alias.setdefault(name_key(alias), [])
            if default.key in keys:
                keys.remove(default.key)
            keys.insert(0, default.key)


def apply_user_dictionary(kb: ActorKB, data: dict, where: str = "user dictionary") -> None:
    """Add a user dictionary's entries to ``kb``; they win over the bundled ones.

    ``data`` is the parsed YAML of a user file (format in
    :mod:`geopolkg.ontology.actor_files`): sections ``people``,
    ``organizations`` and ``countries``, each in the format of the bundled
    ``people.yaml``, ``organizations.yaml`` and ``countries.yaml``. A person
    or organization with the name or key of a bundled one replaces it (a
    correction); a country's aliases, seats and demonyms are added to it.

    Raises
    ------
    OntologyError
        If a section is unknown or a record is malformed (``where`` names the file).
    """
    unknown = set(data) - {"people", "organizations", "countries"}
    if unknown:
        raise OntologyError(f"unknown section(s) {sorted(unknown)}; expected people, organizations, countries",
                            where)
    try:
        for code, extra in (data.get("countries") or {}).items():
            _extend_country(kb, code, extra)
        _add_organizations(kb, data.get("organizations") or {}, prefer=True)
        _add_people(kb, data.get("people") or {}, prefer=True)
    except OntologyError as err:
        raise OntologyError(err.message, where) from err
    except (KeyError, TypeError, AttributeError) as err:
        raise OntologyError(f"malformed record ({err!r})", where) from err
    kb.sources.append(where)


def _extend_country(kb: ActorKB, code: str, extra: dict) -> None:
    entry = kb.entries.get(f"country:{code}")
    if entry is None:
        raise OntologyError(f"unknown country code {code!r}")
    kb.add_entry(Entry(entry.key, entry.name, "country", code,
                       sorted({*entry.aliases, *extra.get("aliases", [])}), entry.periods, entry.wikidata),
                 prefer=True)
    if extra.get("demonyms"):
        old = kb.entries.get(f"demonym:{code}")
        names = sorted({*(old.aliases if old else []), *extra["demonyms"]})
        kb.add_entry(Entry(f"demonym:{code}", old.name if old else names[0], "demonym", code, names), prefer=True)
    for seat, sector in (extra.get("seats") or {}).items():
        kb.add_entry(Entry(f"seat:{code}:{seat}", seat, "seat", code, [seat], [Period(code + sector)]),
                     prefer=True)


def _build(paths: tuple) -> ActorKB:
    from .actor_files import read_user_file

    kb = build_bundled_kb()
    for path in paths:
        apply_user_dictionary(kb, read_user_file(path), str(path))
    return kb


def build_bundled_kb() -> ActorKB:
    """Build a new knowledge base from the bundled data alone (not cached; about 0.2 s)."""
    kb = ActorKB()
    _add_countries(kb, _read_yaml("countries.yaml"))
    _add_organizations(kb, _read_yaml("organizations.yaml"))
    _add_people(kb, _read_yaml("people.yaml"))
    for sector, words in _read_yaml("roles.yaml").items():
        for word in words:
            kb.roles[word.lower()] = sector
    _add_senses(kb, _read_yaml("ambiguous.yaml"))
    return kb


@functools.lru_cache(maxsize=8)
def _cached(key: tuple) -> ActorKB:
    return _build(tuple(path for path, _ in key))


def load_kb(extra_paths=None) -> ActorKB:
    """Return the actor knowledge base: bundled data plus users' dictionaries (cached).

    Parameters
    ----------
    extra_paths : iterable of str or Path, optional
        User dictionary files to add, in order (later ones win). None (the
        default) means the files found by
        :func:`geopolkg.ontology.actor_files.user_dictionary_paths`:
        ``$GEOPOLKG_ACTORS`` and the store folder's ``actors.yaml``. Pass
        ``[]`` for the bundled data alone.

    Returns
    -------
    ActorKB
        Cached on the paths and their modification times, so an edited
        dictionary is read again; do not modify the returned object.

    Raises
    ------
    OntologyError
        If a data file or a named user file is missing or malformed.
    """
    from pathlib import Path

    from .actor_files import user_dictionary_paths

    paths = user_dictionary_paths() if extra_paths is None else [Path(p) for p in extra_paths]
    key = []
    for path in paths:
        try:
            key.append((str(path.resolve()), path.stat().st_mtime_ns))
        except OSError as err:
            raise OntologyError(f"cannot read the actor dictionary: {err.strerror}", str(path)) from err
    return _cached(tuple(key))


load_kb.cache_clear = _cached.cache_clear
