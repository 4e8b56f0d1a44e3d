"""Write extraction outcomes to the store, one transaction per batch.

Oxigraph allows one writer, so only the parent process writes. A batch of
articles goes in as one SPARQL update (each article's named graph dropped
and inserted anew), which is atomic: an interrupted run leaves each batch
either wholly stored or not at all, and the next run picks up the rest by
content hash. If a batch update fails, its articles are written one by one
so a single bad article is reported alone.
"""

from __future__ import annotations

from ..errors import GeopolkgError, StoreError
from ..ontology import iris
from ..store.oxigraph import graph_update
from .worker import Outcome, outcome_error

__all__ = ["write_outcomes", "count_outcomes"]


def write_outcomes(ks, outcomes: list[Outcome], summary, *, errors: list | None, progress=None) -> None:
    """Store the successful ``outcomes`` in one transaction and count them in ``summary``.

    Raises
    ------
    GeopolkgError
        For a failed extraction or write when ``errors`` is None.
    """
    good = [o for o in outcomes if o.quads is not None]
    if good:
        try:
            ks.update(" ;\n".join(graph_update(iris.article_graph_iri(o.article_id), o.quads) for o in good))
        except GeopolkgError:
            good = _write_one_by_one(ks, good, errors)
    stored_ids = {o.article_id for o in good}
    count_outcomes([o for o in outcomes if o.article_id in stored_ids],
                   [o for o in outcomes if o.quads is None], summary, errors, progress)
    if progress:  # articles whose write failed were reported by _write_one_by_one
        for outcome in outcomes:
            if outcome.quads is not None and outcome.article_id not in stored_ids:
                progress(outcome.article_id)


def count_outcomes(stored: list[Outcome], failed: list[Outcome], summary, errors: list | None,
                   progress=None) -> None:
    """Count stored articles and their events in ``summary``; report failed extractions.

    Raises
    ------
    GeopolkgError
        The first failed extraction, when ``errors`` is None.
    """
    for outcome in stored:
        summary.stored += 1
        summary.events += outcome.events
        summary.article_ids.append(outcome.article_id)
        if progress:
            progress(outcome.article_id)
    for outcome in failed:
        err = outcome_error(outcome)
        if errors is None:
            raise err
        errors.append(err)
        if progress:
            progress(outcome.article_id)


def _write_one_by_one(ks, outcomes: list[Outcome], errors: list | None) -> list[Outcome]:
    written = []
    for outcome in outcomes:
        try:
            ks.put_article(outcome.article_id, outcome.quads)
            written.append(outcome)
        except StoreError as err:
            if errors is None:
                raise
            errors.append(StoreError(err.message, outcome.location or outcome.article_id))
    return written
