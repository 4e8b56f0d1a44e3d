"""Loaders: read articles from files and folders, yield :class:`Article`.

Loaders are registered by format name and file suffix, as rdflib registers
parsers; :func:`iter_articles` picks one per file.

Examples
--------
>>> from geopolkg.loaders import LOADERS
>>> sorted(LOADERS)
['feed', 'html', 'jsonl', 'text', 'warc']
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import LoaderError
from .article import Article, make_article_id
from .html import iter_html
from .jsonl import iter_jsonl
from .rss import iter_feed
from .text import iter_text
from .warc import iter_warc

__all__ = ["Article", "make_article_id", "LOADERS", "SUFFIXES", "iter_articles", "loader_for"]

#: Format name -> function(path, **overrides) yielding articles.
LOADERS: dict[str, Callable[..., Iterator[Article]]] = {
    "text": iter_text,
    "html": iter_html,
    "jsonl": iter_jsonl,
    "feed": iter_feed,
    "warc": iter_warc,
}

#: Loaders that read many records per file and take ``errors=`` to report
#: a bad record and go on.
STREAMING = {"jsonl", "feed", "warc"}

#: File suffix -> format name.
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
}


def loader_for(path: Path) -> str | None:
    """Return the format name for ``path`` from its suffix, or None."""
    name = path.name.lower()
    for candidate in (name, name[:-3] if name.endswith(".gz") else None):
        # any format may be gzipped: "a.txt.gz" reads as text
        for suffix in sorted(SUFFIXES, key=len, reverse=True):
            if candidate and candidate.endswith(suffix):
                return SUFFIXES[suffix]
    return None


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and loader_for(child) and not child.name.startswith("."):
                yield child
    else:
        yield path


def iter_articles(paths: Iterable[str | Path], *, format: str | None = None,
                  errors: list | None = None, **overrides) -> Iterator[Article]:
    """Yield articles from files and folders, lazily.

    Parameters
    ----------
    paths : iterable of str or Path
        Files, or folders searched recursively for known suffixes
        (``.txt, .html, .htm, .jsonl, .rss, .atom, .warc``, each also
        gzipped as ``.gz``). Sidecar ``.meta.json``
        files are read with their article, not as articles.
    format : str, optional
        Force a format name from :data:`LOADERS` for every file.
    errors : list, optional
        Collects :class:`LoaderError` for bad files or records and goes on;
        without it the first error is raised.
    **overrides
        Metadata for every article (``published``, ``source``, ``url``, ``title``).

    Raises
    ------
    LoaderError
        For a missing path or an unknown format (unless ``errors`` is given).
    """
    for given in paths:
        given = Path(given)
        if not given.exists():
            _fail(LoaderError("no such file or folder", str(given)), errors)
            continue
        for path in _walk(given):
            name = format or loader_for(path)
            if name not in LOADERS:
                _fail(LoaderError(f"unknown article format (suffix {path.suffix!r}); "
                                  f"use one of {sorted(SUFFIXES)}", str(path)), errors)
                continue
            try:
                if name in STREAMING:
                    yield from LOADERS[name](path, errors=errors, **overrides)
                else:
                    yield from LOADERS[name](path, **overrides)
            except LoaderError as err:
                _fail(err, errors)
            except (OSError, EOFError) as err:
                # a truncated or corrupt .gz breaks off mid-file: what was read stays
                reason = getattr(err, "strerror", None) or str(err)
                _fail(LoaderError(f"cannot read file: {reason}", str(path)), errors)


def _fail(err: LoaderError, errors: list | None) -> None:
    if errors is None:
        raise err
    errors.append(err)
