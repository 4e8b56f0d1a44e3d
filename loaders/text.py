"""Plain-text articles (``.txt``), with metadata from options or a sidecar.

Metadata for ``NAME.txt`` comes from ``NAME.meta.json`` beside it (keys
``id, title, published, source, url``), overridden by what the caller passes
(the CLI's ``--published``, ``--source``, ``--url``, ``--title``). Without an
id the file stem is the article id.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..errors import LoaderError
from .article import Article
from .chrome import strip_chrome
from .common import build_article, decode_text, read_bytes
from .reflow import is_hard_wrapped, reflow

__all__ = ["read_text_article", "iter_text", "read_sidecar"]


def read_sidecar(path: Path) -> dict:
    """Return the metadata in ``NAME.meta.json`` beside ``path``, or ``{}``.

    Raises
    ------
    LoaderError
        If the sidecar exists but is not a JSON object.
    """
    side = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8-sig"))  # Notepad writes a byte-order mark
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise LoaderError(f"sidecar is not valid JSON: {err}", str(side)) from err
    if not isinstance(meta, dict):
        raise LoaderError("sidecar must hold a JSON object", str(side))
    return meta


def clean_text(text: str) -> str:
    """Re-flow hard-wrapped text, then drop site chrome (see :mod:`.chrome`)."""
    if is_hard_wrapped(text):
        text = reflow(text)
    return strip_chrome(text)


def read_text_article(path: str | Path, **overrides) -> Article:
    """Read one ``.txt`` article.

    Parameters
    ----------
    path : str or Path
    **overrides
        Metadata that wins over the sidecar: ``id``, ``title``,
        ``published`` (``YYYY-MM-DD``), ``source``, ``url``. None values are
        ignored.

    Raises
    ------
    LoaderError
        For an empty, binary or non-English file, a bad date or a bad sidecar.
        Bytes that are not UTF-8 are decoded as :mod:`.encoding` says (a
        byte-order mark, else detection, noted in ``Article.notes``).
    """
    path = Path(path)
    where = str(path)
    decoded = decode_text(read_bytes(path), where)
    meta = read_sidecar(path)
    meta.pop("file", None)
    meta.update({k: v for k, v in overrides.items() if v is not None})
    return build_article(clean_text(decoded.text), meta, where, default_id=path.name[:-3].rsplit(".", 1)[0] if path.name.endswith(".gz") else path.stem,
                         notes=(decoded.note,))


def iter_text(path: Path, **overrides) -> Iterator[Article]:
    """Yield the one article of a ``.txt`` file (loader registry protocol)."""
    yield read_text_article(path, **overrides)
