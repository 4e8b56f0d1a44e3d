"""The extraction stage as one object: articles in, events and issues out."""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from typing import Iterable, Iterator

from spacy.tokens import Doc

from ..loaders.article import Article
from ..ontology.actors import load_kb
from .coder import EXTRACTOR_VERSION, EventCoder
from .event import Event
from .learned import LearnedCoding
from .lexicon import load_lexicon
from .nlp import build_nlp
from .prefilter import EventPrefilter
from .sentences import sentence_index, sentence_starts

__all__ = ["Extractor", "ExtractionResult", "split_pieces"]


@dataclass(frozen=True)
class ExtractionResult:
    """What extraction found in one article."""

    article: Article
    events: list[Event]
    issues: list
    extractor_version: str = EXTRACTOR_VERSION


class Extractor:
    """Run the spaCy pipeline and the event coder over articles.

    Parameters
    ----------
    model : str, optional
        Name of an installed English spaCy pipeline; by default the first of
        :data:`geopolkg.extraction.nlp.PREFERRED_MODELS` that is installed.
    prefilter : bool
        In :meth:`extract_many`, parse only the sentences that can hold an
        event (see :mod:`geopolkg.extraction.prefilter`), the rest blanked;
        faster, with nearly the same events (a few parses change). Off by
        default; :meth:`extract` never filters.
    coding : str
        How events are coded (:data:`geopolkg.extraction.learned.MODES`):
        ``rules``, ``model`` or ``both``.

    Examples
    --------
    >>> from geopolkg.loaders import Article
    >>> ex = Extractor()                                          # doctest: +SKIP
    >>> ex.extract(Article("a1", "Kabul rejected the plan.")).events  # doctest: +SKIP
    """

    def __init__(self, model: str | None = None, *, prefilter: bool = False, coding: str = "rules"):
        self.nlp = build_nlp(model)
        learned = LearnedCoding(coding) if coding != "rules" else None
        self.coder = EventCoder(load_kb(), load_lexicon(), learned)
        self.prefilter = EventPrefilter(self.nlp, load_lexicon()) if prefilter else None
        #: Articles the prefilter let skip the pipeline, characters it read
        #: and non-space characters left to parse (counts, for benchmarks).
        self.skipped, self.chars, self.chars_parsed = 0, 0, 0
        self._zone, self._zone_docs = None, 0

    def extract(self, article: Article) -> ExtractionResult:
        """Return the events and issues of one article (of any length, see :meth:`_parse_long`)."""
        if len(article.text) > self.nlp.max_length:
            return self._code(self._parse_long(article.text), article)
        return self._code(self.nlp(article.text), article)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ExtractionResult]:
        """Yield results for many articles, in order, parsing them in batches with ``nlp.pipe``.

        With the prefilter on, only the sentences that can hold an event are
        parsed; an article with none gets an empty result without parsing.
        """
        articles = iter(articles)
        while True:
            chunk = list(islice(articles, batch_size * 4))
            if not chunk:
                return
            yield from self._extract_chunk(chunk, batch_size)

    #: Documents parsed in one spaCy memory zone (see :meth:`_memory_zone`).
    ZONE_DOCS = 2000

    @contextmanager
    def _memory_zone(self, docs: int):
        """Parse inside a spaCy memory zone that is closed every :attr:`ZONE_DOCS` documents.

        Closing a zone frees the strings spaCy interned for its texts
        (results hold plain strings only), so memory does not grow with the
        corpus; it also empties the tokenizer's and lemmatizer's caches, so
        a zone per batch would cost about a fifth of the parse time.
        """
        if self._zone is None and hasattr(self.nlp, "memory_zone"):
            self._zone, self._zone_docs = self.nlp.memory_zone(), 0
            self._zone.__enter__()
        try:
            yield
        finally:
            self._zone_docs += docs
            if self._zone is not None and self._zone_docs >= self.ZONE_DOCS:
                zone, self._zone = self._zone, None
                zone.__exit__(None, None, None)

    def _extract_chunk(self, chunk: list[Article], batch_size: int) -> list[ExtractionResult]:
        with self._memory_zone(len(chunk)):
            plans = [self._text_to_parse(a) for a in chunk]
            kept = [(text, a) for a, (text, _) in zip(chunk, plans) if text is not None]
            docs = self._pipe(kept, batch_size)
            out = []
            for article, (text, starts) in zip(chunk, plans):
                if text is None:
                    out.append(ExtractionResult(article, [], []))
                    continue
                doc, _ = next(docs)
                out.append(self._code(doc, article, starts))
        return out

    #: Most characters (spaces and line breaks not counted) parsed in one
    #: spaCy batch. The pipeline's working memory grows with a batch's length:
    #: 48 of the longest Reuters stories in batches of 16 took 524 MiB where
    #: the first 1,000 stories took 380 MiB, so a corpus's peak depended on
    #: which long stories it held, not on its size (issue 9).
    BATCH_CHARS = 12_000

    def _pipe(self, kept: list[tuple[str, Article]], batch_size: int):
        """``nlp.pipe`` over ``(text, article)`` pairs, in batches of at most
        ``batch_size`` texts and :attr:`BATCH_CHARS` characters; yields
        ``(doc, article)`` in order."""
        group, chars = [], 0
        for text, article in kept:
            if len(text) > self.nlp.max_length:
                if group:
                    yield from self.nlp.pipe(group, as_tuples=True, batch_size=len(group))
                    group, chars = [], 0
                yield self._parse_long(text), article
                continue
            size = _visible(text)
            if group and (len(group) >= batch_size or chars + size > self.BATCH_CHARS):
                yield from self.nlp.pipe(group, as_tuples=True, batch_size=len(group))
                group, chars = [], 0
            group.append((text, article))
            chars += size
        if group:
            yield from self.nlp.pipe(group, as_tuples=True, batch_size=len(group))

    def _mask(self, text: str) -> tuple[str | None, list[int]]:
        """The prefilter's mask of ``text``; for a text over ``max_length``,
        made piece by piece (:func:`split_pieces`) and joined."""
        if len(text) <= self.nlp.max_length:
            return self.prefilter.mask(text)
        masked, starts, offset = [], [], 0
        for piece in split_pieces(text, self.PIECE_CHARS):
            kept, piece_starts = self.prefilter.mask(piece)
            masked.append(kept if kept is not None else re.sub(r"[^\n]", " ", piece))
            starts.extend(offset + start for start in piece_starts)
            offset += len(piece)
        joined = "".join(masked)
        return (joined if joined.strip() else None), starts

    #: Most characters in one piece of an article longer than the pipeline's
    #: ``max_length`` (spaCy refuses those with error E088).
    PIECE_CHARS = 100_000

    def _parse_long(self, text: str) -> Doc:
        """Parse a text longer than ``nlp.max_length`` in pieces of whole
        paragraphs (:func:`split_pieces`), joined into one ``Doc`` whose text
        and character offsets are those of ``text``. Sentences never span
        paragraphs (see :mod:`.nlp`), so no event is cut in two."""
        pieces = split_pieces(text, self.PIECE_CHARS)
        return Doc.from_docs(list(self.nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False)

    def _code(self, doc, article: Article, starts: list[int] | None = None) -> ExtractionResult:
        """Code ``doc`` (``article``'s text, parsed, perhaps with sentences
        blanked) and number each event's sentence by the rule-based split of
        the article's text (``starts``, computed when not given), the same
        whichever sentences were parsed."""
        events, issues = self.coder.code(doc, article)
        if events:
            if starts is None:
                # the tokenizer itself: make_doc refuses texts over max_length
                starts = sentence_starts(self.nlp.tokenizer(article.text))
            events = [replace(e, sentence_index=sentence_index(starts, e.trigger_start)) for e in events]
        return ExtractionResult(article, events, issues)

    def _text_to_parse(self, article: Article) -> tuple[str | None, list[int] | None]:
        """The article's text, with the prefilter on its sentences that can
        hold an event only (the rest blanked; None when there are none), and
        the sentence starts when the prefilter found them."""
        if self.prefilter is None:
            return article.text, None
        text, starts = self._mask(article.text)
        self.chars += _visible(article.text)
        if text is None:
            self.skipped += 1
        else:
            self.chars_parsed += _visible(text)
        return text, starts


def split_pieces(text: str, size: int) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``size`` characters whose
    concatenation is ``text``: after a paragraph break (a blank line) where
    one falls in the piece, else after a line break, a sentence's final
    punctuation and space, or a space; a piece with none of these is cut at
    ``size``.

    Examples
    --------
    >>> split_pieces("Aa.\n\nBb.\n\nCc.", 6)
    ['Aa.\n\n', 'Bb.\n\n', 'Cc.']
    """
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = 0
        for pattern in (r"\n[ \t]*\n\s*", r"\n\s*", r"[.!?][\"'\u2019\u201d)]*\s+", r"\s+"):
            ends = [m.end() for m in re.finditer(pattern, window)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or size
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _visible(text: str) -> int:
    """Characters of ``text`` other than spaces and line breaks."""
    return len(text) - text.count(" ") - text.count("\n")
