"""RDF exports of the store: N-Quads and TriG keep one named graph per
article; Turtle and N-Triples hold the union of all graphs."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..errors import ExportError

__all__ = ["RDF_FORMATS", "write_rdf"]

#: Format name -> (pyoxigraph format, keeps named graphs).
RDF_FORMATS = {
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
    "turtle": (ox.RdfFormat.TURTLE, False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False),
}


def write_rdf(store, fmt: str, path: str | Path | None) -> bytes | None:
    """Write the store as ``fmt`` to ``path`` (or return the bytes when ``path`` is None or "-").

    Raises
    ------
    ExportError
        For an unknown format or an unwritable path.
    """
    if fmt not in RDF_FORMATS:
        raise ExportError(f"unknown RDF format {fmt!r}; use one of {sorted(RDF_FORMATS)}")
    oxfmt, quads = RDF_FORMATS[fmt]
    if quads:
        data = store.dump(oxfmt)
    else:
        triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        data = triples.serialize(format=oxfmt)
    if path is None or str(path) == "-":
        return data
    try:
        Path(path).write_bytes(data)
    except OSError as err:
        raise ExportError(f"cannot write {path}: {err.strerror}") from err
    return None
