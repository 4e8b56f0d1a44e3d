"""Users' own actor dictionaries: where they are, how they read and how they are written.

File format
-----------
A user dictionary is a UTF-8 YAML file with up to three sections, each in the
format of the bundled file of the same topic (``ontology/actors/*.yaml``)::

    # my-actors.yaml
    people:
      Jane Roe:                        # the full name is the key
        aliases: [Roe, Minister Roe]   # other names, matched case-sensitively
        country: NOR                   # ISO 3166 alpha-3
        wikidata: Q123                 # optional; linked with owl:sameAs
        roles:                         # dated intervals, ISO dates, inclusive
          - {role: foreign minister, code: NORGOV, from: 2024-01-01, until: 2025-06-30}
          - {role: envoy, code: NORGOV, from: 2025-07-01}   # no until: still holds
    organizations:
      NGOMSF:                          # a key; the code when no code or periods
        name: Doctors Without Borders
        kind: organization             # organization or armed group
        code: NGOMSF                   # or periods: [{code, from, until}, ...]
        aliases: [MSF, Medecins Sans Frontieres]
    countries:
      NOR:                             # add names to an existing country
        aliases: [Kingdom of Norway]
        seats: {Oslo: GOV}             # metonyms: name -> sector code
        demonyms: [Norwegian, Norwegians]

Out of all its roles, a person is coded as the country's elite (``ELI``). An
entry with the name (person) or key (organization) of a bundled one replaces
it, which is how a wrong bundled entry is corrected.

Where they are found
--------------------
:func:`user_dictionary_paths`: every file named in ``$GEOPOLKG_ACTORS``
(several separated by ``os.pathsep``; a folder stands for its ``*.yaml``
files), then ``actors.yaml`` in the store folder (``$GEOPOLKG_STORE``, else
``./geopolkg-store``). Later files win. ``geopolkg actors add`` and
``geopolkg actors import`` write to the store folder's file unless told
otherwise.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import yaml

from ..errors import OntologyError

__all__ = ["USER_FILE_NAME", "user_dictionary_paths", "default_user_file", "read_user_file",
           "write_user_file", "add_person", "add_organization", "merge_user_data", "CODE_PATTERN"]

#: The user dictionary's file name in the store folder.
USER_FILE_NAME = "actors.yaml"

#: What an actor code looks like: CAMEO-style upper-case letters and digits.
CODE_PATTERN = re.compile(r"[A-Z0-9]{3,15}")


def _store_folder(store: str | Path | None) -> Path:
    # same rule as geopolkg.store.oxigraph.default_store_path (a later stage, not imported)
    return Path(store or os.environ.get("GEOPOLKG_STORE") or "geopolkg-store")


def default_user_file(store: str | Path | None = None) -> Path:
    """Return the store folder's user dictionary path (it may not exist yet)."""
    return _store_folder(store) / USER_FILE_NAME


def user_dictionary_paths(store: str | Path | None = None) -> list[Path]:
    """Return the user dictionary files that exist, in the order they apply.

    Parameters
    ----------
    store : str or Path, optional
        The store folder; default ``$GEOPOLKG_STORE`` or ``./geopolkg-store``.

    Returns
    -------
    list of Path
        Files from ``$GEOPOLKG_ACTORS`` (folders expanded to their sorted
        ``*.yaml`` and ``*.yml`` files), then the store's ``actors.yaml``.
        A name in ``$GEOPOLKG_ACTORS`` that does not exist is kept, so that
        loading reports it rather than silently ignoring it.
    """
    paths: list[Path] = []
    for part in (os.environ.get("GEOPOLKG_ACTORS") or "").split(os.pathsep):
        if not part.strip():
            continue
        path = Path(part.strip()).expanduser()
        if path.is_dir():
            paths += sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
        else:
            paths.append(path)
    own = default_user_file(store)
    if own.is_file() and own not in paths:
        paths.append(own)
    return paths


def read_user_file(path: str | Path) -> dict:
    """Read and check a user dictionary.

    Returns
    -------
    dict
        ``{"people": {...}, "organizations": {...}, "countries": {...}}``
        (sections absent from the file are empty).

    Raises
    ------
    OntologyError
        If the file cannot be read, is not YAML, or a record is malformed
        (the message names the file and the record).
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except OSError as err:
        raise OntologyError(f"cannot read the actor dictionary: {err.strerror}", str(path)) from err
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise OntologyError(f"not a valid YAML actor dictionary: {' '.join(str(err).split())}",
                            str(path)) from err
    except ValueError as err:  # YAML reads 2024-13-45 as a date and fails
        raise OntologyError(f"bad date in the actor dictionary ({err})", str(path)) from err
    if not isinstance(data, dict):
        raise OntologyError("an actor dictionary is a mapping of sections", str(path))
    out = {section: data.get(section) or {} for section in ("people", "organizations", "countries")}
    extra = set(data) - set(out)
    if extra:
        raise OntologyError(f"unknown section(s) {sorted(extra)}; expected people, organizations, countries",
                            str(path))
    for section, records in out.items():
        if not isinstance(records, dict):
            raise OntologyError(f"section {section!r} must be a mapping", str(path))
        for key, rec in records.items():
            _check_record(section, str(key), rec or {}, str(path))
    return out


def _check_code(code, what: str, where: str) -> None:
    if not isinstance(code, str) or not CODE_PATTERN.fullmatch(code):
        raise OntologyError(f"{what}: bad actor code {code!r} (upper-case letters and digits)", where)


def _check_date(value, what: str, where: str) -> None:
    if value is None or isinstance(value, dt.date):
        return
    try:
        dt.date.fromisoformat(str(value))
    except ValueError as err:
        raise OntologyError(f"{what}: bad date {value!r} (YYYY-MM-DD)", where) from err


def _check_record(section: str, key: str, rec: dict, where: str) -> None:
    what = f"{section} {key!r}"
    if not str(key).strip():
        raise OntologyError(f"an entry of {section} has an empty name", where)
    if not isinstance(rec, dict):
        raise OntologyError(f"{what} must be a mapping", where)
    if not isinstance(rec.get("aliases", []), list):
        raise OntologyError(f"{what}: aliases must be a list", where)
    if section == "people":
        for role in rec.get("roles", []):
            _check_code(role.get("code"), what, where)
            _check_date(role.get("from"), what, where)
            _check_date(role.get("until"), what, where)
    elif section == "organizations":
        if not rec.get("name"):
            raise OntologyError(f"{what} has no name", where)
        if rec.get("code"):
            _check_code(rec["code"], what, where)
        elif not rec.get("periods") and not CODE_PATTERN.fullmatch(key):
            raise OntologyError(f"{what} has neither a code nor periods", where)
        for period in rec.get("periods", []):
            _check_code(period.get("code"), what, where)
            _check_date(period.get("from"), what, where)
            _check_date(period.get("until"), what, where)
    if section != "countries" and rec.get("country"):
        _check_code(rec["country"], what, where)


def write_user_file(path: str | Path, data: dict) -> None:
    """Write a user dictionary (creating its folder), replacing the file atomically.

    The file is written next to its final place and renamed over it, so a
    crash leaves the old file or the new one, never half of one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = {k: v for k, v in data.items() if v}
    text = ("# geopolkg actor dictionary (format: geopolkg.ontology.actor_files)\n"
            + yaml.safe_dump(clean, allow_unicode=True, sort_keys=False, width=110))
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(text, "utf-8")
        os.replace(tmp, path)
    except OSError as err:
        raise OntologyError(f"cannot write the actor dictionary: {err.strerror}", str(path)) from err


def _load_or_empty(path: Path) -> dict:
    return read_user_file(path) if path.exists() else {"people": {}, "organizations": {}, "countries": {}}


def merge_user_data(path: str | Path, new: dict) -> dict:
    """Merge ``new`` sections into the user file at ``path`` and write it back.

    A record with the same key replaces the one in the file; a person's new
    aliases and roles are added to those already there. Returns the merged data.
    """
    path = Path(path)
    data = _load_or_empty(path)
    for section, records in new.items():
        for key, rec in records.items():
            old = data[section].get(key)
            if section == "people" and old:
                rec = dict(old, **{k: v for k, v in rec.items() if k not in ("aliases", "roles")},
                           aliases=list(dict.fromkeys([*old.get("aliases", []), *rec.get("aliases", [])])),
                           roles=[*old.get("roles", []), *(r for r in rec.get("roles", [])
                                                           if r not in old.get("roles", []))])
            _check_record(section, key, rec, str(path))
            data[section][key] = rec
    _check_loads(data, str(path))
    write_user_file(path, data)
    return data


def _check_loads(data: dict, where: str) -> None:
    """Apply ``data`` to a fresh knowledge base, so a file that would not load is never written."""
    from .actors import apply_user_dictionary, build_bundled_kb

    apply_user_dictionary(build_bundled_kb(), data, where)


def add_person(path: str | Path, name: str, code: str, *, aliases=(), role: str | None = None,
               start: dt.date | None = None, end: dt.date | None = None, country: str | None = None,
               wikidata: str | None = None) -> dict:
    """Add (or extend) a person in the user dictionary at ``path``.

    Parameters
    ----------
    name : str
        Full name, the entry's key.
    code : str
        Actor code of the role (``NORGOV``); its first three letters give the
        person's country unless ``country`` is given.
    role, start, end
        The role and its dates (inclusive; None is open). Without ``role``,
        the code holds at all times.

    Returns
    -------
    dict
        The record as written.

    Raises
    ------
    OntologyError
        If the code or dates are malformed, or the file cannot be written.
    """
    _check_code(code, f"person {name!r}", str(path))
    if start and end and end < start:
        raise OntologyError(f"person {name!r}: role ends ({end}) before it starts ({start})", str(path))
    entry = {"aliases": list(aliases), "country": country or code[:3]}
    if wikidata:
        entry["wikidata"] = wikidata
    period = {"role": role or "member", "code": code}
    if start:
        period["from"] = start
    if end:
        period["until"] = end
    entry["roles"] = [period]
    merged = merge_user_data(path, {"people": {name: entry}})
    return merged["people"][name]


def add_organization(path: str | Path, name: str, code: str, *, aliases=(), kind: str = "organization",
                     start: dt.date | None = None, end: dt.date | None = None,
                     wikidata: str | None = None) -> dict:
    """Add an organization or armed group (key: its code) to the user dictionary at ``path``.

    With ``start`` or ``end`` the code holds only in that interval.
    """
    _check_code(code, f"organization {name!r}", str(path))
    rec = {"name": name, "kind": kind, "aliases": list(aliases)}
    if start or end:
        period = {"code": code}
        if start:
            period["from"] = start
        if end:
            period["until"] = end
        rec["periods"] = [period]
    else:
        rec["code"] = code
    if wikidata:
        rec["wikidata"] = wikidata
    if len(code) > 3 and code[:3].isalpha() and not code.startswith(("IGO", "NGO", "IMG", "MNC")):
        rec["country"] = code[:3]
    merged = merge_user_data(path, {"organizations": {code: rec}})
    return merged["organizations"][code]
