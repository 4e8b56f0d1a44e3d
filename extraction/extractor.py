"""The extraction stage as one object: articles in, events and issues out."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

from ..loaders.article import Article
from ..ontology.actors import load_kb
from .coder import EXTRACTOR_VERSION, EventCoder
from .event import Event
from .lexicon import load_lexicon
from .nlp import build_nlp
from .prefilter import EventPrefilter

__all__ = ["Extractor", "ExtractionResult"]


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
        In :meth:`extract_many`, skip the trained pipeline for articles that
        cannot hold an event (see :mod:`geopolkg.extraction.prefilter`); the
        results are the same, only faster. Off by default.

    Examples
    --------
    >>> from geopolkg.loaders import Article
    >>> ex = Extractor()                                          # doctest: +SKIP
    >>> ex.extract(Article("a1", "Kabul rejected the plan.")).events  # doctest: +SKIP
    """

    def __init__(self, model: str | None = None, *, prefilter: bool = False):
        self.nlp = build_nlp(model)
        self.coder = EventCoder(load_kb(), load_lexicon())
        self.prefilter = EventPrefilter(self.nlp, load_lexicon()) if prefilter else None
        #: Articles the prefilter let skip the pipeline (a count, for benchmarks).
        self.skipped = 0
        self._zone, self._zone_docs = None, 0

    def extract(self, article: Article) -> ExtractionResult:
        """Return the events and issues of one article."""
        doc = self.nlp(article.text)
        events, issues = self.coder.code(doc, article)
        return ExtractionResult(article, events, issues)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ExtractionResult]:
        """Yield results for many articles, in order, parsing them in batches with ``nlp.pipe``.

        With the prefilter on, articles that cannot hold an event get an
        empty result without being parsed.
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
            keep = [self.prefilter is None or self.prefilter.may_hold_event(a.text) for a in chunk]
            self.skipped += keep.count(False)
            kept = [(a.text, a) for a, k in zip(chunk, keep) if k]
            docs = self.nlp.pipe(kept, as_tuples=True, batch_size=batch_size)
            out = []
            for article, wanted in zip(chunk, keep):
                if not wanted:
                    out.append(ExtractionResult(article, [], []))
                    continue
                doc, _ = next(docs)
                events, issues = self.coder.code(doc, article)
                out.append(ExtractionResult(article, events, issues))
        return out
