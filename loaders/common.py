"""Checks and conversions shared by the loaders: reading bytes as text,
parsing publication dates, detecting the language, assembling an Article."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from ..errors import LoaderError
from .article import Article, make_article_id

__all__ = ["read_bytes", "decode_text", "parse_published", "check_language", "build_article", "META_KEYS"]

#: Metadata keys a loader accepts from options, sidecars and JSON records.
META_KEYS = ("id", "title", "published", "source", "url", "language")


def read_bytes(path: Path) -> bytes:
    """Return the bytes of ``path``, decompressed if its name ends in ``.gz``.

    Raises
    ------
    LoaderError
        If a ``.gz`` file is not valid gzip or is truncated.
    """
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        import gzip
        import zlib

        try:
            return gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            raise LoaderError(f"broken gzip file: {err}", str(path)) from err
    return data


def decode_text(data: bytes, where: str) -> str:
    """Decode ``data`` as UTF-8 text (a BOM is dropped).

    Raises
    ------
    LoaderError
        If ``data`` is empty or blank, holds NUL bytes (a binary file), or is
        not valid UTF-8.
    """
    if b"\x00" in data[:8192]:
        raise LoaderError("binary file, not text (it contains NUL bytes)", where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LoaderError(f"not UTF-8 text (bad byte at offset {err.start})", where) from err
    if not text.strip():
        raise LoaderError("empty file: no text to read", where)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_published(value, where: str) -> dt.date | dt.datetime | None:
    """Parse a publication date.

    Parameters
    ----------
    value : str, datetime.date, datetime.datetime or None
        ISO 8601 (``2025-09-20``, ``2025-09-20T09:31:01+09:00``) or any form
        that dateparser reads unambiguously ("20 September 2025").
    where : str
        Shown in the error message.

    Returns
    -------
    datetime.date, datetime.datetime or None
        A date for a day-only value; a timezone-aware datetime when a time is
        given (a time without zone is taken as UTC).

    Raises
    ------
    LoaderError
        If the value is not a real date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
    except ValueError:
        pass
    import dateparser  # slow import, only for unusual date forms

    # absolute forms only: "yesterday" or "next friday" would depend on when the run happens
    parsed = dateparser.parse(text, languages=["en"], settings={
        "STRICT_PARSING": True, "PARSERS": ["custom-formats", "absolute-time"]})
    if parsed is None:
        raise LoaderError(f"bad publication date {text!r} (expected YYYY-MM-DD)", where)
    return parsed.date()


#: Labels that do not mean "another language" for English text: "zxx" (no
#: linguistic content) and Nigerian Pidgin, an English-based creole that
#: the model also gives to terse English ("Shr 73 cts vs 58 cts").
_NOT_OTHER = ("zxx", "pcm")


@functools.lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def check_language(text: str, where: str, expected: str = "en") -> str:
    """Return the language of ``text`` (ISO 639 code) or raise if it is surely another.

    Detection uses py3langid (a bundled, offline model) on the first 2,000
    characters, with normalized probabilities. An article is refused only
    when another language is at least 50 % likely: tables of figures and
    wire abbreviations ("Shr 27 cts vs 29 cts") have no clear language and
    are read as English, and so is what the model calls Nigerian Pidgin
    (see ``_NOT_OTHER``). Texts under 40 characters are not judged.

    Raises
    ------
    LoaderError
        If the text is, with probability 0.5 or more, in another language.
    """
    sample = text[:2000]
    if len(sample.strip()) < 40:
        return expected
    lang, prob = _language_identifier().classify(sample)
    if lang not in (expected, *_NOT_OTHER) and float(prob) >= 0.5:
        raise LoaderError(f"article is in language {lang!r}, but the extractor reads only {expected!r}", where)
    return expected


def build_article(text: str, meta: dict, where: str, default_id: str) -> Article:
    """Assemble and check an :class:`Article` from body text and metadata.

    ``meta`` may hold any of :data:`META_KEYS`; unknown keys are kept in
    ``Article.extra``.

    Raises
    ------
    LoaderError
        If the text is empty after cleaning, the date is bad, or the article
        is not in English.
    """
    if not text.strip():
        raise LoaderError("no article text left after removing page chrome", where)
    language = (meta.get("language") or "en").split("-")[0].lower()
    if language != "en":
        raise LoaderError(f"article is marked as language {language!r}; only English is read", where)
    check_language(text, where)
    url = meta.get("url") or None
    if url is not None and not str(url).startswith(("http://", "https://")):
        url = None  # only web addresses are links; anything else is dropped
    return Article(
        id=make_article_id(str(meta.get("id") or default_id)),
        text=text.strip(),
        title=(str(meta["title"]).strip() or None) if meta.get("title") else None,
        published=parse_published(meta.get("published"), where),
        source=meta.get("source") or None,
        url=url,
        language="en",
        location=where,
        extra={k: v for k, v in meta.items() if k not in META_KEYS},
    )
