"""The extraction stage as one object: articles in, events and issues out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from ..loaders.article import Article
from ..ontology.actors import load_kb
from .coder import EXTRACTOR_VERSION, EventCoder
from .event import Event
from .lexicon import load_lexicon
from .nlp import build_nlp

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

    Examples
    --------
    >>> from geopolkg.loaders import Article
    >>> ex = Extractor()                                          # doctest: +SKIP
    >>> ex.extract(Article("a1", "Kabul rejected the plan.")).events  # doctest: +SKIP
    """

    def __init__(self, model: str | None = None):
        self.nlp = build_nlp(model)
        self.coder = EventCoder(load_kb(), load_lexicon())

    def extract(self, article: Article) -> ExtractionResult:
        """Return the events and issues of one article."""
        doc = self.nlp(article.text)
        events, issues = self.coder.code(doc, article)
        return ExtractionResult(article, events, issues)

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ExtractionResult]:
        """Yield results for many articles, parsing them in batches with ``nlp.pipe``."""
        def pairs():
            for article in articles:
                yield article.text, article
        for doc, article in self.nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size):
            events, issues = self.coder.code(doc, article)
            yield ExtractionResult(article, events, issues)
