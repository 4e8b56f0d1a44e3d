"""Actors of coded event datasets (GDELT, ICEWS) as the project's actors.

The project identifies an actor by a CAMEO-style code: an ISO 3166 alpha-3
country plus a sector (``IRNGOV``), a bare country (``IRN``, the state), or
an organization code (``IGOUNO``). Dataset actors are resolved to such codes
against the actor knowledge base (:func:`geopolkg.ontology.actors.load_kb`),
so dataset events and article events about the same actor meet in one node.

Rules, in order (the first that applies wins):

GDELT (CAMEO-coded by GDELT itself, codebook V2.0 section "Actor"):
1. the actor's name is a person, organization or armed group of the
   knowledge base ("UNITED NATIONS", "TALIBAN"; case-insensitive): its code on
   the event's day;
2. a known group (``KnownGroupCode``): the raw code if the knowledge base
   knows it, else the raw code as it stands (``IGOEUREEC``);
3. a country (or CAMEO region) code: country plus first type code
   (``USA`` + ``GOV``), or the bare country;
4. no country: the first type code alone (``COP``: police, country unknown),
   else the raw code.

ICEWS (names, sector lists and country names):
1. "Unspecified Actor" and unidentified actors without a country: no actor;
2. a person, organization or armed group of the knowledge base, by name, or
   "Role (Organization)" with a known organization: its code on the day;
3. the name of a country: the bare country (the state);
4. a country (from ``Source Country``/``Target Country``, or the region in
   "Citizen (Africa)") plus the sector read from the ICEWS sectors
   (:data:`ICEWS_SECTORS`, most specific first: police before government);
5. otherwise an actor without a CAMEO code: a prefix by its sectors (``IGO``,
   ``NGO``, ``BUS``, else ``UNK``) and its name in capital letters and digits
   only, so the code stays CAMEO-shaped (``IGOINTERPOL``, ``BUSGOOGLE``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..ontology.actors import SECTOR_NAMES, Actor, ActorKB, kind_of_code, load_kb
from ..ontology.names import name_key

__all__ = ["DatasetActors", "ICEWS_SECTORS", "ICEWS_COUNTRIES", "REGIONS", "EXTRA_SECTOR_NAMES"]

#: CAMEO region codes (used as country codes by CAMEO and GDELT).
REGIONS = {
    "AFR": "Africa", "ASA": "Asia", "BLK": "Balkans", "CRB": "Caribbean", "CAU": "Caucasus",
    "CFR": "Central Africa", "CAS": "Central Asia", "CEU": "Central Europe", "EIN": "East Indies",
    "EAF": "Eastern Africa", "EEU": "Eastern Europe", "EUR": "Europe", "LAM": "Latin America",
    "MEA": "Middle East", "MDT": "Mediterranean", "NAF": "North Africa", "NMR": "North America",
    "PGS": "Persian Gulf", "SCN": "Scandinavia", "SAM": "South America", "SAS": "South Asia",
    "SEA": "Southeast Asia", "SAF": "Southern Africa", "WAF": "West Africa", "WST": "the West",
}

#: Country names ICEWS writes that neither the knowledge base nor pycountry knows.
ICEWS_COUNTRIES = {
    "occupied palestinian territory": "PSE", "palestinian territory, occupied": "PSE",
    "the former yugoslav republic of macedonia": "MKD", "democratic republic of congo": "COD",
    "congo, drc": "COD", "republic of congo": "COG", "cote d'ivoire": "CIV",
}

#: Sector codes the knowledge base has no reading for, as they read in a name.
EXTRA_SECTOR_NAMES = {
    "AGR": "farmers", "CRM": "criminals", "DEV": "development groups", "EDU": "education",
    "ENV": "environmental groups", "HLH": "health sector", "HRI": "human rights groups",
    "LAB": "labour", "MOD": "moderates", "RAD": "radicals", "REF": "refugees", "REL": "religious groups",
    "SET": "settlers", "UAF": "unidentified armed forces", "IGO": "international organization",
    "NGO": "non-governmental organization", "NGM": "non-governmental movement", "PTY": "political party",
    "UIS": "unidentified state actor", "SEP": "separatists", "MNC": "multinational company",
}

#: ICEWS sector names to CAMEO sector codes, most specific first: an actor
#: with "Government,Police" is police (COP), "Government,Military" is the
#: military; government comes before the looser social labels.
ICEWS_SECTORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("COP", ("Police",)),
    ("SPY", ("Military Intelligence", "Intelligence Ministry", "Intelligence")),
    ("MIL", ("Military", "Army", "Navy", "Air Force", "Marines", "Army Special Forces",
             "Defense / Security Ministry")),
    ("JUD", ("Judicial", "Justice / Law Ministry")),
    ("LEG", ("Legislative / Parliamentary", "Lower House", "Upper House", "Unicameral")),
    ("INS", ("Insurgents", "International Insurgents")),
    ("REB", ("Rebel", "Separatists")),
    ("GOV", ("Government", "Executive", "Executive Office", "Cabinet", "Foreign Ministry",
             "Government Major Party (In Government)", "Interior / Home Ministry", "Local", "Provincial",
             "Municipal")),
    ("UAF", ("Unidentified Forces",)),
    ("OPP", ("Opposition Major Party (Out Of Government)", "Protestors / Popular Opposition / Mobs",
             "Dissident", "International Dissident")),
    ("CRM", ("Criminals / Gangs", "Organized Violent")),
    ("MED", ("Media", "News", "Print News", "Television News", "State Media")),
    ("BUS", ("Business", "Multinational Corporation")),
    ("EDU", ("Education",)),
    ("HLH", ("Medical / Health",)),
    ("LAB", ("Labor",)),
    ("AGR", ("Agricultural",)),
    ("REF", ("Refugees / Displaced",)),
    ("RAD", ("Radicals / Extremists / Fundamentalists", "International Radicals / Extremists / Fundamentalists")),
    ("REL", ("International Religious", "National Religious", "Religious Minority")),
    ("PTY", ("Parties", "(National) Major Party", "(National) Minor Party")),
    ("ELI", ("Elite",)),
    ("CVL", ("General Population / Civilian / Social", "Social")),
)
_SECTOR_OF = {name: code for code, names in ICEWS_SECTORS for name in names}
_SECTOR_RANK = {code: rank for rank, (code, _) in enumerate(ICEWS_SECTORS)}
_NAMED_KINDS = ("person", "organization", "armed group")
_ROLE_OF = re.compile(r"^(?P<role>.+?)\s*\((?P<of>[^()]+)\)$")


def _sector_name(sector: str) -> str:
    return SECTOR_NAMES.get(sector) or EXTRA_SECTOR_NAMES.get(sector) or sector.lower()


class DatasetActors:
    """Resolve GDELT and ICEWS actors to :class:`~geopolkg.ontology.actors.Actor` (cached).

    Parameters
    ----------
    kb : ActorKB, optional
        The knowledge base (default: the bundled one).
    """

    def __init__(self, kb: ActorKB | None = None):
        self.kb = kb or load_kb()
        self._names: dict[str, list[str]] = {}
        self._countries: dict[str, str] = {}
        for alias, keys in self.kb.by_alias.items():
            folded = alias.casefold()
            for key in keys:
                entry = self.kb.entries[key]
                if entry.kind in _NAMED_KINDS:
                    self._names.setdefault(folded, []).append(key)
                elif entry.kind == "country" and entry.country:
                    self._countries.setdefault(folded, entry.country)
        self._regions = {name.casefold(): code for code, name in REGIONS.items()}
        self.gdelt = lru_cache(maxsize=65536)(self._gdelt)
        self.icews = lru_cache(maxsize=65536)(self._icews)

    # -- shared -----------------------------------------------------------
    def named(self, name: str, day: dt.date | None) -> Actor | None:
        """The person, organization or armed group of the knowledge base called ``name``."""
        name = name_key(name)  # "Côte d’Ivoire" is "Côte d'Ivoire"
        folded = name.casefold().removeprefix("the ")
        for key in self._names.get(folded) or self._names.get(name.casefold(), ()):
            code = self.kb.entries[key].code_at(day)
            if code:
                return self.make(code, day)
        return None

    def country(self, name: str | None) -> str | None:
        """ISO 3166 alpha-3 (or CAMEO region) code of a country or region name, or None."""
        if not name:
            return None
        folded = name_key(name).casefold()
        code = self._countries.get(folded) or self._regions.get(folded) or ICEWS_COUNTRIES.get(folded)
        if code is None:
            import pycountry

            try:
                code = pycountry.countries.lookup(name).alpha_3
            except LookupError:
                return None
        return code

    def make(self, code: str, day: dt.date | None, name: str | None = None) -> Actor:
        """The actor with ``code``, named by the knowledge base where it can be, else ``name``."""
        kb = self.kb
        code = code.upper()  # GDELT writes ethnic codes in lower case ("kur")
        if code in kb.org_names:
            return kb.actor(code, day)
        country, sector = code[:3], code[3:6]
        if country in kb.country_names and (not sector or sector.isalpha()) and len(code) <= 6:
            actor = kb.actor(code, day)
            if sector and sector not in SECTOR_NAMES and actor.name == f"{kb.country_names[country]} {sector.lower()}":
                actor = Actor(code, f"{kb.country_names[country]} {_sector_name(sector)}",
                              actor.kind, actor.country, sector)
            return actor
        if country in REGIONS and len(code) in (3, 6) and code.isalpha():
            label = REGIONS[country] + (f" {_sector_name(sector)}" if sector else "")
            return Actor(code, label, "other" if not sector else _kind(sector), None, sector or None)
        if code in SECTOR_NAMES or code in EXTRA_SECTOR_NAMES or (len(code) == 3 and code.isalpha() and not name):
            return Actor(code, f"{_sector_name(code)} (no country)", _kind(code), None, code)
        kind = "organization" if code.startswith(("IGO", "NGO", "BUS")) else "other"
        return Actor(code, name or code, kind)

    # -- GDELT ------------------------------------------------------------
    def _gdelt(self, actor, day: dt.date | None) -> Actor | None:
        if actor is None or not (actor.code or actor.name):
            return None
        if actor.name:
            found = self.named(actor.name, day)
            if found is not None:
                return found
        if actor.known_group:
            return self.make(actor.code or actor.known_group, day, _title(actor.name))
        if actor.country:
            types = [t for t in actor.types if t not in ("IGO", "NGO")]
            return self.make(actor.country + (types[0] if types else ""), day, _title(actor.name))
        if actor.types:
            return self.make(actor.types[0], day)
        return self.make(actor.code, day, _title(actor.name)) if actor.code else None

    # -- ICEWS ------------------------------------------------------------
    def _icews(self, actor, day: dt.date | None) -> Actor | None:
        if actor is None:
            return None
        name, country_name = actor.name, actor.country
        if name == "Unspecified Actor" or (not country_name and name.startswith(("Unspecified", "Unidentified"))
                                           and "(" not in name):
            return None
        found = self.named(name, day)
        role = _ROLE_OF.match(name)
        if found is None and role:
            found = self.named(role["of"], day)
        if found is not None:
            return found
        as_country = self.country(name)
        if as_country:
            return self.make(as_country, day)
        country = self.country(country_name) or (self.country(role["of"]) if role else None)
        sector = min((_SECTOR_OF[s] for s in actor.sectors if s in _SECTOR_OF),
                     key=_SECTOR_RANK.__getitem__, default=None)
        if country:
            return self.make(country + (sector or ""), day)
        if "International Government Organization" in actor.sectors:
            prefix = "IGO"
        elif any(s.startswith("Nongovernmental") or s.endswith("NGOs") for s in actor.sectors):
            prefix = "NGO"
        elif sector == "BUS":
            prefix = "BUS"
        else:
            prefix = "UNK"
        return self.make(prefix + _code_letters(name), day, name)


def _code_letters(name: str) -> str:
    """The name in capital ASCII letters and digits ("Côte d'Ivoire" -> "COTEDIVOIRE")."""
    import hashlib
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    letters = re.sub(r"[^A-Z0-9]", "", ascii_name.upper())
    return letters or hashlib.sha1(name.encode()).hexdigest()[:8].upper()


def _kind(sector: str) -> str:
    return kind_of_code("XXX" + sector) if sector not in ("IGO", "NGO") else "organization"


_SMALL_WORDS = {"THE": "the", "OF": "of", "AND": "and", "FOR": "for", "IN": "in"}


def _title(name: str) -> str | None:
    """GDELT writes names in capitals: "UNITED NATIONS" reads "United Nations", "THE EU" "the EU"."""
    if not name:
        return None
    if not name.isupper():
        return name
    return " ".join(_SMALL_WORDS.get(w) or (w if len(w) <= 3 else w.capitalize()) for w in name.split())
