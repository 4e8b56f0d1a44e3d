"""The :class:`Article`, what every loader yields and extraction reads."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Article", "make_article_id"]


def make_article_id(text: str) -> str:
    """Return a stable article id for ``text``: a lowercase ASCII slug.

    Parameters
    ----------
    text : str
        A file stem, a title or an id given by the source.

    Returns
    -------
    str
        Letters, digits and ``-`` only, at most 80 characters; never empty
        (falls back to a hash of ``text``).

    Examples
    --------
    >>> make_article_id("Bagram talks (2025).txt")
    'bagram-talks-2025-txt'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")
    return slug or "a-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Article:
    """One news article, cleaned and ready for extraction.

    Attributes
    ----------
    id : str
        Stable id (a slug); the article's IRI and named graph come from it.
    text : str
        The article body, site chrome removed and hard wraps re-flowed.
        Paragraphs are separated by one blank line. Event character offsets
        index into this string.
    title : str or None
    published : datetime.date or datetime.datetime or None
        Publication date. A ``datetime`` is always timezone-aware.
    source : str or None
        Outlet or publisher name.
    url : str or None
    language : str
        ISO 639-1 code, ``"en"`` unless the input says otherwise.
    location : str
        Where the article came from (file path and line), for messages.
    notes : tuple of str
        What the loader had to guess (an encoding), one line each, for the
        ingest summary; not part of the content.
    """

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    location: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    notes: tuple = field(default=(), compare=False, hash=False)

    @property
    def content_hash(self) -> str:
        """SHA-256 of everything that shapes the extracted events (hex)."""
        h = hashlib.sha256()
        for part in (self.id, self.title or "", str(self.published or ""),
                     self.source or "", self.url or "", self.text):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()

    @property
    def published_date(self) -> dt.date | None:
        """The publication day (a ``date``), or None."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published
