"""The export stage: the graph in the formats of other tools.

One module per format, each registering its writer by name
(:func:`geopolkg.exports.base.register`):

* :mod:`.rdf`: N-Quads, TriG, Turtle, N-Triples (``nquads``, ``trig``,
  ``turtle``, ``ntriples``); :mod:`.rdf_ingest` reads the project's own
  N-Quads and TriG back into a store;
* :mod:`.jsonld`: JSON-LD with the published context ``context.jsonld``;
* :mod:`.neo4j`: CSV files for ``neo4j-admin database import`` and a Cypher
  script for ``cypher-shell`` (``neo4j``);
* :mod:`.gephi`: GraphML and GEXF for Gephi (``graphml``, ``gexf``).

Use :func:`export` (or ``geopolkg export --format F -o PATH``).
"""

from importlib import import_module

from .base import EXPORTERS, Exporter, export, exporter, formats, register
from .selection import Selection

__all__ = ["EXPORTERS", "Exporter", "Selection", "export", "exporter", "formats", "register"]

_FORMAT_MODULES = ("rdf", "jsonld", "neo4j", "gephi")


def _load_formats() -> None:
    """Import every format module once, so that each registers itself."""
    for name in _FORMAT_MODULES:
        import_module(f"{__name__}.{name}")
