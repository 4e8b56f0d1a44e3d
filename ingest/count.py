"""How many articles an ingest will read, counted cheaply beforehand for the progress bar."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Iterable

__all__ = ["estimate_articles"]


def _count_jsonl(path: Path) -> int:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        return sum(1 for line in handle if line.strip())


def _count_feed(path: Path) -> int:
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        data = gzip.decompress(data)
    return data.count(b"<item") + data.count(b"<entry")


def estimate_articles(paths: Iterable[str | Path]) -> int | None:
    """Return how many articles ``paths`` hold, or None if that cannot be told cheaply.

    JSON Lines files are counted by their non-blank lines, feeds by their
    ``<item>`` and ``<entry>`` tags, text and HTML files as one each. WARC
    files (records of every kind) cannot be counted without reading them:
    then the answer is None. Unreadable files count as zero (the ingest
    reports them).
    """
    from ..loaders import _walk, loader_for

    total = 0
    for given in map(Path, paths):
        if not given.exists():
            continue
        for path in _walk(given):
            kind = loader_for(path)
            try:
                if kind == "jsonl":
                    total += _count_jsonl(path)
                elif kind == "feed":
                    total += _count_feed(path)
                elif kind in ("text", "html"):
                    total += 1
                else:
                    return None
            except (OSError, EOFError):
                continue
    return total
