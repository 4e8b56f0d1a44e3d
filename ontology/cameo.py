"""CAMEO event types, their Goldstein values and their PLOVER equivalents.

The table ships with the package as ``ontology/cameo.csv``: one row per CAMEO
code (the 20 two-digit roots and every three- and four-digit sub-code), with
columns ``code, parent, root, name, quad_class, goldstein, plover_type,
plover_mode``. Codes are strings and keep their leading zeros (``"046"``).

Where the values come from:

* codes, hierarchy and Goldstein values: the CAMEO codebook as packaged in the
  ICEWS R package (where it disagrees with GDELT's Goldstein table, for 016,
  022, 164 and 165, the codebook wins);
* ``quad_class``: from the root (01-05 verbal cooperation, 06-08 material
  cooperation, 09-13 verbal conflict, 14-20 material conflict);
* ``plover_type`` / ``plover_mode``: the PLOVER project's CAMEO-to-PLOVER table.
  PLOVER drops the CAMEO 01 (statements) and 02 (appeals) families; geopolkg
  still gives them a type so every code has one: 02 maps to ``REQUEST`` with the
  same modes the table uses for the parallel 10 (demand) family, 015 to
  ``AGREE`` and 016 to ``REJECT`` (as the PLOVER manual suggests), 011 to
  ``REJECT``, 017-019 to ``SUPPORT`` and the rest of 01 to ``CONSULT``.
  A code the table does not list takes the type and mode of its nearest ancestor.
* ``name``: short English names written for geopolkg.

References
----------
.. [1] Schrodt, P. A. (2012). *CAMEO Conflict and Mediation Event Observations
   Event and Actor Codebook*, version 1.1b3.
.. [2] Open Event Data Alliance (2021). *PLOVER: Political Language Ontology
   for Verifiable Event Records*, draft 0.8, including its CAMEO-to-PLOVER table.
.. [3] Goldstein, J. S. (1992). A conflict-cooperation scale for WEIS events
   data. *Journal of Conflict Resolution* 36(2): 369-385.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from geopolkg.errors import OntologyError
from geopolkg.ontology.namespace import CAMEO, GPO, PLOVER

__all__ = [
    "EventType",
    "QUAD_CLASS_NAMES",
    "PLOVER_TYPES",
    "CAMEO_SCHEME",
    "PLOVER_SCHEME",
    "event_type",
    "iter_event_types",
    "root_codes",
    "cameo_to_plover",
    "cameo_scheme_graph",
]

QUAD_CLASS_NAMES: dict[int, str] = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}

#: The 16 PLOVER 2 event types, each with a short label, a one-line gloss and
#: its quad class (as given in each type's section of the PLOVER manual).
PLOVER_TYPES: dict[str, tuple[str, str, int]] = {
    "AGREE": ("Agree", "Promise or signal willingness to cooperate in future.", 1),
    "CONSULT": ("Consult", "Meet, visit, host or talk with another party.", 1),
    "SUPPORT": ("Support", "Back, praise or endorse another party in words or diplomacy.", 1),
    "CONCEDE": ("Concede", "Announce a concession or easing without immediate material effect.", 1),
    "COOPERATE": ("Cooperate", "Take part in mutual material cooperation or exchange.", 2),
    "AID": ("Aid", "Give material help that mainly benefits the recipient.", 2),
    "RETREAT": ("Retreat", "Make a concession with material effect: free, withdraw, disarm.", 2),
    "REQUEST": ("Request", "Ask for, call for, demand or order something.", 3),
    "ACCUSE": ("Accuse", "Criticize, allege wrongdoing, sue or investigate.", 3),
    "REJECT": ("Reject", "Refuse or turn down a proposal, demand or norm.", 3),
    "THREATEN": ("Threaten", "Warn of harmful action if demands are not met.", 3),
    "PROTEST": ("Protest", "Demonstrate, strike, boycott, block or riot in dissent.", 4),
    "SANCTION": ("Sanction", "Cut back existing relations, aid or involvement.", 4),
    "MOBILIZE": ("Mobilize", "Ready or deploy armed or police forces without using them.", 4),
    "COERCE": ("Coerce", "Use non-violent force: seize, restrict, arrest, deport.", 4),
    "ASSAULT": ("Assault", "Use violence that can cause serious physical harm.", 4),
}

#: IRIs of the two SKOS concept schemes built by :func:`cameo_scheme_graph`.
CAMEO_SCHEME = URIRef(str(CAMEO))
PLOVER_SCHEME = URIRef(str(PLOVER))

_RESOURCE = "cameo.csv"
_COLUMNS = ["code", "parent", "root", "name", "quad_class", "goldstein",
            "plover_type", "plover_mode"]


@dataclass(frozen=True)
class EventType:
    """One CAMEO event type.

    Parameters
    ----------
    code : str
        The CAMEO code, two to four digits with leading zeros (``"046"``).
    name : str
        A short English name.
    root : str
        The two-digit root (cue category) the code belongs to.
    parent : str or None
        The code one level up, or None for a root.
    quad_class : int
        1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
        4 material conflict (see :data:`QUAD_CLASS_NAMES`).
    goldstein : float
        Goldstein conflict-cooperation value, from -10 to +10.
    plover_type : str
        The PLOVER event type, e.g. ``"CONSULT"``.
    plover_mode : str or None
        The PLOVER mode where the mapping gives one, e.g. ``"visit"``.

    Examples
    --------
    >>> from geopolkg.ontology.cameo import event_type
    >>> et = event_type("0841")
    >>> et.parent, et.root, et.quad_class, et.plover_type, et.plover_mode
    ('084', '08', 2, 'RETREAT', 'release')
    >>> et.is_root
    False
    """

    code: str
    name: str
    root: str
    parent: str | None
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str | None = None

    @property
    def root_name(self) -> str:
        """str: The name of this code's root (the root's own name for a root).

        Examples
        --------
        >>> from geopolkg.ontology.cameo import event_type
        >>> event_type("046").root_name == event_type("04").name
        True
        """
        return _table()[self.root].name

    @property
    def is_root(self) -> bool:
        """bool: True for a two-digit root code."""
        return self.parent is None

    @property
    def quad_class_name(self) -> str:
        """str: The quad class in words, e.g. ``"Verbal cooperation"``."""
        return QUAD_CLASS_NAMES[self.quad_class]


def _fail(message: str, line: int | None = None) -> OntologyError:
    where = f"geopolkg/ontology/{_RESOURCE}" + (f" line {line}" if line else "")
    return OntologyError(message, where=where)


def _parse_row(row: dict[str, str], line: int) -> EventType:
    code = row["code"].strip()
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise _fail(f"bad CAMEO code {code!r}", line)
    parent = row["parent"].strip() or None
    root = row["root"].strip()
    expected_parent = None if len(code) == 2 else code[:-1]
    if parent != expected_parent or root != code[:2]:
        raise _fail(f"code {code} has parent {parent!r} and root {root!r}; "
                    f"expected {expected_parent!r} and {code[:2]!r}", line)
    try:
        quad_class = int(row["quad_class"])
        goldstein = float(row["goldstein"])
    except ValueError as err:
        raise _fail(f"code {code}: quad_class and goldstein must be numbers", line) from err
    if quad_class not in QUAD_CLASS_NAMES:
        raise _fail(f"code {code}: quad_class {quad_class} is not 1-4", line)
    if not (math.isfinite(goldstein) and -10.0 <= goldstein <= 10.0):
        raise _fail(f"code {code}: goldstein {goldstein} is outside -10..10", line)
    plover_type = row["plover_type"].strip()
    if plover_type not in PLOVER_TYPES:
        raise _fail(f"code {code}: {plover_type!r} is not a PLOVER event type", line)
    name = row["name"].strip()
    if not name:
        raise _fail(f"code {code} has no name", line)
    return EventType(code=code, name=name, root=root, parent=parent,
                     quad_class=quad_class, goldstein=goldstein,
                     plover_type=plover_type,
                     plover_mode=row["plover_mode"].strip() or None)


@cache
def _table() -> dict[str, EventType]:
    """Read and check ``cameo.csv`` once; return the types keyed by code."""
    text = resources.files("geopolkg.ontology").joinpath(_RESOURCE).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != _COLUMNS:
        raise _fail(f"expected columns {_COLUMNS}, found {reader.fieldnames}")
    table: dict[str, EventType] = {}
    for row in reader:
        et = _parse_row(row, reader.line_num)
        if et.code in table:
            raise _fail(f"code {et.code} is listed twice", reader.line_num)
        table[et.code] = et
    for et in table.values():
        if et.parent is not None and et.parent not in table:
            raise _fail(f"code {et.code} has unknown parent {et.parent}")
        if et.quad_class != _root_quad_class(et.root):
            raise _fail(f"code {et.code}: quad_class {et.quad_class} does not match root {et.root}")
    return table


def _root_quad_class(root: str) -> int:
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


def event_type(code: str) -> EventType:
    """Look up a CAMEO event type by its code.

    Parameters
    ----------
    code : str
        The code as a string with its leading zeros (``"046"``, not ``"46"``).
        Surrounding whitespace is ignored.

    Returns
    -------
    EventType

    Raises
    ------
    OntologyError
        If `code` is not a string or not a CAMEO code.

    Examples
    --------
    >>> from geopolkg.ontology.cameo import event_type
    >>> et = event_type(" 046 ")
    >>> et.code, et.parent, et.quad_class, et.goldstein, et.plover_type
    ('046', '04', 1, 7.0, 'CONSULT')
    """
    if not isinstance(code, str):
        raise OntologyError(f"a CAMEO code must be a string such as '046', not {code!r}")
    key = code.strip()
    try:
        return _table()[key]
    except KeyError:
        hint = ""
        if key.isdigit() and len(key) < 4 and ("0" + key) in _table():
            hint = f" (did you mean '0{key}'? codes keep their leading zero)"
        raise OntologyError(f"unknown CAMEO event code {key!r}{hint}") from None


def iter_event_types() -> Iterator[EventType]:
    """Iterate over every CAMEO event type, each right after its parent.

    Yields
    ------
    EventType

    Examples
    --------
    >>> from geopolkg.ontology.cameo import iter_event_types
    >>> [et.code for et in iter_event_types()][:3]
    ['01', '010', '011']
    """
    yield from _table().values()


def root_codes() -> tuple[str, ...]:
    """Return the 20 two-digit root codes, ``"01"`` to ``"20"``.

    Examples
    --------
    >>> from geopolkg.ontology.cameo import root_codes
    >>> codes = root_codes()
    >>> len(codes), codes[0], codes[-1]
    (20, '01', '20')
    """
    return tuple(code for code, et in _table().items() if et.parent is None)


def cameo_to_plover(code: str) -> tuple[str, str | None]:
    """Map a CAMEO code to its PLOVER event type and mode.

    Parameters
    ----------
    code : str
        A CAMEO code, as for :func:`event_type`.

    Returns
    -------
    tuple of (str, str or None)
        The PLOVER type and the mode (None where the mapping gives none).

    Raises
    ------
    OntologyError
        If `code` is not a CAMEO code.

    Examples
    --------
    >>> from geopolkg.ontology.cameo import cameo_to_plover
    >>> cameo_to_plover("042")
    ('CONSULT', 'visit')
    >>> cameo_to_plover("190")
    ('ASSAULT', None)
    """
    et = event_type(code)
    return et.plover_type, et.plover_mode


@cache
def _scheme_triples() -> tuple[tuple, ...]:
    triples: list[tuple] = [
        (CAMEO_SCHEME, RDF.type, SKOS.ConceptScheme),
        (CAMEO_SCHEME, SKOS.prefLabel, Literal("CAMEO event types", lang="en")),
        (PLOVER_SCHEME, RDF.type, SKOS.ConceptScheme),
        (PLOVER_SCHEME, SKOS.prefLabel, Literal("PLOVER event types", lang="en")),
    ]
    for ptype, (label, gloss, quad) in PLOVER_TYPES.items():
        p = PLOVER[ptype]
        triples += [
            (p, RDF.type, SKOS.Concept),
            (p, SKOS.prefLabel, Literal(label, lang="en")),
            (p, SKOS.notation, Literal(ptype)),
            (p, SKOS.definition, Literal(gloss, lang="en")),
            (p, SKOS.inScheme, PLOVER_SCHEME),
            (p, SKOS.topConceptOf, PLOVER_SCHEME),
            (PLOVER_SCHEME, SKOS.hasTopConcept, p),
            (p, GPO.quadClass, Literal(quad)),
        ]
    for et in _table().values():
        c = CAMEO[et.code]
        triples += [
            (c, RDF.type, SKOS.Concept),
            (c, SKOS.prefLabel, Literal(et.name, lang="en")),
            (c, SKOS.notation, Literal(et.code)),
            (c, SKOS.inScheme, CAMEO_SCHEME),
            (c, GPO.cameoRoot, CAMEO[et.root]),
            (c, GPO.quadClass, Literal(et.quad_class)),
            (c, GPO.goldstein, Literal(Decimal(str(et.goldstein)), datatype=XSD.decimal)),
            (c, GPO.ploverType, PLOVER[et.plover_type]),
        ]
        if et.plover_mode:
            triples.append((c, GPO.ploverMode, Literal(et.plover_mode)))
        if et.parent is None:
            triples += [(c, SKOS.topConceptOf, CAMEO_SCHEME),
                        (CAMEO_SCHEME, SKOS.hasTopConcept, c)]
        else:
            triples += [(c, SKOS.broader, CAMEO[et.parent]),
                        (CAMEO[et.parent], SKOS.narrower, c)]
    return tuple(triples)


def cameo_scheme_graph() -> Graph:
    """Build the CAMEO and PLOVER event types as two SKOS concept schemes.

    Each CAMEO code becomes a ``skos:Concept`` at ``CAMEO[code]`` with
    ``skos:prefLabel``, ``skos:notation``, ``skos:inScheme``,
    ``skos:broader``/``skos:narrower`` (roots are ``skos:topConceptOf`` the
    scheme), and ``gpo:cameoRoot``, ``gpo:quadClass``, ``gpo:goldstein``
    (``xsd:decimal``), ``gpo:ploverType`` (a link to the PLOVER concept) and,
    where there is one, ``gpo:ploverMode``. The 16 PLOVER types are the top
    concepts of a second scheme at ``PLOVER[type]``.

    Returns
    -------
    rdflib.Graph
        A new graph on each call; the caller may change it freely.

    Examples
    --------
    >>> from rdflib.namespace import SKOS
    >>> from geopolkg.ontology.cameo import cameo_scheme_graph
    >>> from geopolkg.ontology.namespace import CAMEO, GPO, PLOVER
    >>> g = cameo_scheme_graph()
    >>> g.value(CAMEO["046"], SKOS.broader) == CAMEO["04"]
    True
    >>> g.value(CAMEO["046"], GPO.ploverType) == PLOVER["CONSULT"]
    True
    """
    g = Graph()
    g.bind("skos", SKOS)
    g.bind("gpo", GPO._NS)
    g.bind("cameo", CAMEO)
    g.bind("plover", PLOVER)
    for triple in _scheme_triples():
        g.add(triple)
    return g
