"""JSON Lines articles: one JSON object per line.

Each object has ``text`` and optionally ``id, title, published, source,
url``. Wire texts that are hard-wrapped are re-flowed.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator

from ..errors import LoaderError
from .article import Article
from .common import build_article
from .reflow import is_hard_wrapped, reflow

__all__ = ["iter_jsonl", "parse_jsonl_record"]


def parse_jsonl_record(line: str, where: str, default_id: str, **overrides) -> Article:
    """Parse one JSON Lines record into an :class:`Article`.

    Raises
    ------
    LoaderError
        If the line is not a JSON object, has no ``text``, or its metadata is bad.
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise LoaderError(f"not valid JSON: {err.msg} (column {err.colno})", where) from err
    if not isinstance(record, dict):
        raise LoaderError("a JSON Lines record must be an object", where)
    text = record.pop("text", None)
    if not isinstance(text, str) or not text.strip():
        raise LoaderError("record has no 'text'", where)
    text = text.replace("\r\n", "\n")
    if is_hard_wrapped(text):
        text = reflow(text)
    record.update({k: v for k, v in overrides.items() if v is not None})
    return build_article(text, record, where, default_id=default_id)


def _decode_line(raw: bytes, where: str, first: bool) -> str:
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as err:
        raise LoaderError(f"not UTF-8 text (bad byte at column {err.start + 1})", where) from err


def iter_jsonl(path: Path, *, errors: list | None = None, **overrides) -> Iterator[Article]:
    """Yield the articles of a ``.jsonl`` (or ``.jsonl.gz``) file, lazily.

    Parameters
    ----------
    path : Path
    errors : list, optional
        If given, a bad record's :class:`LoaderError` is appended here and
        reading goes on; otherwise the error is raised.
    **overrides
        Metadata applied to every record (e.g. ``source``).
    """
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                # decoded line by line, so one bad byte costs one record, not the file
                line = _decode_line(raw, where, first=lineno == 1)
                yield parse_jsonl_record(line, where, default_id=f"{path.stem}-{lineno}", **overrides)
            except LoaderError as err:
                if errors is None:
                    raise
                errors.append(err)
