"""Checks and conversions shared by the loaders: reading bytes as text,
parsing publication dates, detecting the language, assembling an Article."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ..errors import LoaderError
from .article import Article, make_article_id
from .encoding import Decoded, decode_bytes
from .published import parse_published

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


def decode_text(data: bytes, where: str, *, html: bool = False, transport: str | None = None) -> Decoded:
    """Decode an article's bytes (:func:`.encoding.decode_bytes`), line breaks made ``\\n``.

    Raises
    ------
    LoaderError
        If ``data`` is empty or blank, binary, or in no known encoding.
    """
    decoded = decode_bytes(data, where, html=html, transport=transport)
    if not decoded.text.strip():
        raise LoaderError("empty file: no text to read", where)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, decoded.encoding, decoded.source, decoded.note)


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


_SURROGATE = re.compile("[\ud800-\udfff]")
#: Metadata that must be text when given (an id may also be a whole number).
_TEXT_KEYS = ("title", "source", "url", "language")


def check_fields(text: str, meta: dict, where: str) -> None:
    """Refuse an article whose text or metadata cannot be stored as it is.

    A lone surrogate (U+D800 to U+DFFF, which JSON's ``"\\ud800"`` escape
    makes) is no character: it cannot be written as UTF-8, so it would stop
    the run at the store. A title, source, URL or language given as a
    number, list or object is refused rather than stored as its Python
    spelling.

    Raises
    ------
    LoaderError
        Naming the field and, for a surrogate, its position.
    """
    fields = {"text": text, **{k: meta.get(k) for k in ("id", *_TEXT_KEYS)}}
    for name, value in fields.items():
        if value is None:
            continue
        if name == "id" and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, str):
            raise LoaderError(f"the {name} must be text, not {type(value).__name__}", where)
        bad = _SURROGATE.search(value)
        if bad:
            raise LoaderError(f"the {name} holds a lone surrogate (U+{ord(bad[0]):04X}) at character "
                              f"{bad.start() + 1}, which is no Unicode character", where)


def build_article(text: str, meta: dict, where: str, default_id: str, notes: tuple = ()) -> Article:
    """Assemble and check an :class:`Article` from body text and metadata.

    ``meta`` may hold any of :data:`META_KEYS`; unknown keys are kept in
    ``Article.extra``. ``notes`` (what the loader guessed) become
    ``Article.notes``.

    Raises
    ------
    LoaderError
        If the text is empty after cleaning, the date is bad, a field is not
        text or holds a lone surrogate (see :func:`check_fields`), or the
        article is not in English.
    """
    check_fields(text, meta, where)
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
        notes=tuple(n for n in notes if n),
    )
