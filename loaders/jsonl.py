"""JSON Lines articles: one JSON object per line.

Each object has ``text`` and optionally ``id, title, published, source,
url``. Wire texts that are hard-wrapped are re-flowed.
"""

from __future__ import annotations

import codecs
import gzip
import io
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
        If the line is not a JSON object (or is nested too deeply to parse),
        has no ``text``, or its metadata is bad.
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise LoaderError(f"not valid JSON: {err.msg} (column {err.colno})", where) from err
    except RecursionError:
        # thousands of nested brackets exhaust the parser's stack
        raise LoaderError("JSON nested too deeply to read", where) from None
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
        # a byte-order mark may start any line: files joined with cat keep theirs
        return raw.decode("utf-8-sig")
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
        for lineno, line in _lines(handle, path):
            where = f"{path}:{lineno}"
            try:
                if isinstance(line, LoaderError):
                    raise line
                yield parse_jsonl_record(line, where, default_id=f"{path.stem}-{lineno}", **overrides)
            except LoaderError as err:
                if errors is None:
                    raise
                errors.append(err)


#: UTF-16 and UTF-32 byte-order marks: such a file is read as that encoding.
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _lines(handle, path: Path) -> Iterator[tuple[int, str | LoaderError]]:
    """Yield ``(line number, text)`` for the non-blank lines of ``handle``, or a
    :class:`LoaderError` in place of a line that cannot be decoded.

    UTF-8 (RFC 8259's encoding for JSON) is decoded line by line, so one bad
    byte costs one record; a file that starts with a UTF-16 or UTF-32
    byte-order mark is read in that encoding, and a bad sequence there
    ends the file (its line boundaries cannot be trusted after it).
    """
    head = handle.peek(4)[:4]
    wide = next((codec for bom, codec in _WIDE_BOMS if head.startswith(bom)), None)
    if wide is None:
        for lineno, raw in enumerate(handle, start=1):
            if raw.strip():
                try:
                    yield lineno, _decode_line(raw, f"{path}:{lineno}", first=lineno == 1)
                except LoaderError as err:
                    yield lineno, err
        return
    lineno = 0
    with io.TextIOWrapper(handle, encoding=wide, newline="") as text:
        try:
            for lineno, line in enumerate(text, start=1):
                if line.strip():
                    yield lineno, line
        except UnicodeDecodeError as err:
            yield lineno + 1, LoaderError(f"not valid {wide} text ({err.reason}); reading stops here",
                                          f"{path}:{lineno + 1}")
