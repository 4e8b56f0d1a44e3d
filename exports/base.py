"""The common protocol of every export format, and the registry by format name.

Each format lives in its own module of :mod:`geopolkg.exports` and registers a
writer class under its name with :func:`register`, as rdflib registers its
serializer plugins. A writer turns a store and a :class:`Selection` into a
file or a folder; :func:`export` looks the format up and runs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from ..errors import ExportError
from .selection import Selection

__all__ = ["Exporter", "EXPORTERS", "register", "exporter", "export", "formats", "write_bytes"]


@runtime_checkable
class Exporter(Protocol):
    """What a format's writer offers.

    Attributes
    ----------
    name : str
        The format name used by ``geopolkg export --format``.
    suffix : str
        The usual file suffix (``".nq"``), or ``""`` for a folder.
    folder : bool
        True when the export is a folder of files (Neo4j CSV) rather than one file.
    """

    name: str
    suffix: str
    folder: bool

    def write(self, store, path: Path | None, selection: Selection) -> bytes | Path:
        """Write the export to ``path`` and return the path, or return bytes when ``path`` is None."""


#: Format name -> writer class. Filled by :func:`register` when the format
#: modules are imported (see :mod:`geopolkg.exports`).
EXPORTERS: dict[str, type] = {}


def register(name: str):
    """Class decorator: register a writer class under the format ``name``."""
    def decorate(cls):
        cls.name = name
        EXPORTERS[name] = cls
        return cls
    return decorate


def formats() -> list[str]:
    """Return the registered format names, sorted."""
    from . import _load_formats

    _load_formats()
    return sorted(EXPORTERS)


def exporter(name: str) -> Exporter:
    """Return a writer for the format ``name``.

    Raises
    ------
    ExportError
        If no format of that name is registered.
    """
    known = formats()
    if name not in EXPORTERS:
        raise ExportError(f"unknown export format {name!r}; use one of {', '.join(known)}")
    return EXPORTERS[name]()


def export(fmt: str, store, path: str | Path | None, selection: Selection | None = None) -> bytes | Path:
    """Export ``store`` in format ``fmt`` to ``path``.

    Parameters
    ----------
    fmt : str
        A registered format name (:func:`formats`).
    store : KnowledgeStore
        The source store (read-only is enough).
    path : str, Path or None
        The file (or folder, for folder formats) to write; None or ``"-"``
        returns the bytes of a single-file format instead.
    selection : Selection, optional
        Which events to export (default: everything).

    Returns
    -------
    bytes or Path
        The data when ``path`` is None, else the path written.

    Raises
    ------
    ExportError
        For an unknown format, a folder format without a path, or a path
        that cannot be written.
    """
    writer = exporter(fmt)
    if path is not None and str(path) == "-":
        path = None
    if path is None and writer.folder:
        raise ExportError(f"the {fmt} export is a folder of files; give one with -o")
    return writer.write(store, None if path is None else Path(path), selection or Selection())


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path``, turning OS errors into ExportError."""
    try:
        path.write_bytes(data)
    except OSError as err:
        raise ExportError(f"cannot write the export: {err.strerror}", str(path)) from err
    return path
