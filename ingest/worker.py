"""What a worker does with a batch of articles: extract, and turn the results into quads.

Each worker process builds the spaCy pipeline once (the first batch pays
for it) and returns plain, picklable :class:`Outcome` records: the parent
process (or the Dask client) writes them to the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ExtractionError, GeopolkgError

__all__ = ["Outcome", "extract_batch", "get_extractor"]

_EXTRACTORS: dict = {}


@dataclass
class Outcome:
    """The result of extracting one article.

    Attributes
    ----------
    article_id : str
    location : str
        Where the article came from (file and line), for messages.
    content_hash : str
    events : int
        Number of events found.
    quads : list of pyoxigraph.Quad or None
        The article's named graph; None when extraction failed.
    error : str or None
        Why extraction failed.
    """

    article_id: str
    location: str
    content_hash: str
    events: int = 0
    quads: list | None = None
    error: str | None = None


def get_extractor(model: str | None = None, prefilter: bool = True):
    """Return this process's :class:`Extractor` for ``model`` and the current
    actor knowledge base, building it once."""
    from ..extraction.extractor import Extractor

    from ..ontology.actors import load_kb

    # keyed on the knowledge base too: a user's dictionary (the store's
    # actors.yaml) that changed, or another store's, needs another pipeline
    key = (model, prefilter, id(load_kb()))
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(model, prefilter=prefilter)
    return _EXTRACTORS[key]


def extract_batch(articles: list, model: str | None = None, prefilter: bool = True) -> list[Outcome]:
    """Extract the events of ``articles`` and return one :class:`Outcome` each, in order.

    A batch is parsed with ``nlp.pipe``; if that fails, each article is
    retried alone so one bad text costs only itself.

    Raises
    ------
    ExtractionError
        If the spaCy pipeline cannot be built (no article can be extracted).
    """
    from ..store.rdf import result_quads

    extractor = get_extractor(model, prefilter)
    try:
        results = list(extractor.extract_many(articles, batch_size=16))
    except Exception:  # noqa: BLE001 - isolate the article that broke the batch
        return [_extract_one(extractor, a) for a in articles]
    return [Outcome(r.article.id, r.article.location, r.article.content_hash, len(r.events), result_quads(r))
            for r in results]


def _extract_one(extractor, article) -> Outcome:
    from ..store.rdf import result_quads

    try:
        result = extractor.extract(article)
        return Outcome(article.id, article.location, article.content_hash, len(result.events),
                       result_quads(result))
    except GeopolkgError as err:
        return Outcome(article.id, article.location, article.content_hash, error=err.message)
    except Exception as err:  # noqa: BLE001 - spaCy or a rule failed on this text
        return Outcome(article.id, article.location, article.content_hash,
                       error=f"extraction failed: {type(err).__name__}: {err}")


def outcome_error(outcome: Outcome) -> ExtractionError:
    """The error to report for a failed outcome."""
    return ExtractionError(outcome.error or "extraction failed", outcome.location or outcome.article_id)
