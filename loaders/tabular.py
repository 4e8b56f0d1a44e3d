"""Reading tab-separated event dataset files, plain, gzipped or zipped.

GDELT ships its exports as ``.CSV.zip`` archives holding one tab-separated
file; ICEWS ships yearly ``.tab`` files inside zip archives. Both are read
line by line, so a file of any size is streamed, not loaded whole.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import LoaderError

__all__ = ["open_lines", "first_line", "split_row"]


def _zip_member(archive: zipfile.ZipFile, where: str) -> zipfile.ZipInfo:
    members = [m for m in archive.infolist() if not m.is_dir() and not m.filename.startswith("__MACOSX")]
    if len(members) != 1:
        raise LoaderError(f"a zip archive must hold exactly one data file, found {len(members)}", where)
    return members[0]


@contextmanager
def open_lines(path: Path) -> Iterator[Iterator[str]]:
    """Open ``path`` and yield an iterator over its text lines (newline kept).

    Zip archives (by content, whatever the name) must hold one file; ``.gz``
    files are decompressed. Text is UTF-8; a byte-order mark is dropped and
    undecodable bytes are replaced, so one bad byte costs at most one field.

    Raises
    ------
    LoaderError
        If the file cannot be opened, or a zip holds several files.
    """
    where = str(path)
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive, archive.open(_zip_member(archive, where)) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
        elif path.name.lower().endswith(".gz"):
            with gzip.open(path, "rt", encoding="utf-8-sig", errors="replace", newline="") as handle:
                yield handle
        else:
            with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
                yield handle
    except (OSError, zipfile.BadZipFile, EOFError) as err:
        raise LoaderError(f"cannot read file: {getattr(err, 'strerror', None) or err}", where) from err


def first_line(path: Path, limit: int = 65536) -> str | None:
    """Return the first line of ``path`` (at most ``limit`` characters), or None if unreadable."""
    try:
        with open_lines(path) as lines:
            for line in lines:
                return line[:limit]
    except (LoaderError, UnicodeError, ValueError):
        return None
    return None


def split_row(line: str) -> list[str]:
    """Split one tab-separated line into fields (the line end removed).

    Neither GDELT nor ICEWS quotes fields, and neither allows a tab inside
    one, so a plain split is exact (the csv module would mangle stray quotes).
    """
    return line.rstrip("\r\n").split("\t")
