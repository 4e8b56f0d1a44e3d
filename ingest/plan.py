"""Which articles need extracting: new or changed ones, each id once per run."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..errors import LoaderError
from ..loaders.article import Article

__all__ = ["new_articles"]


def new_articles(articles: Iterable[Article], ks, summary, *, errors: list | None,
                 progress=None) -> Iterator[Article]:
    """Yield the articles the store does not hold with the same content.

    An article whose content hash (:attr:`Article.content_hash`) matches the
    stored one is counted in ``summary.unchanged`` and never parsed: this is
    what makes a second run over the same folder fast, and an interrupted run
    resume where it stopped (every article stored before the interruption is
    skipped). An id seen twice in one run is an error for the later one.

    Raises
    ------
    LoaderError
        For a repeated id when ``errors`` is None.
    """
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            err = LoaderError(f"article id {article.id!r} appears twice in this run; the later one is skipped",
                              article.location)
            if errors is None:
                raise err
            errors.append(err)
            continue
        seen.add(article.id)
        if ks.content_hash(article.id) == article.content_hash:
            summary.unchanged += 1
            if progress:
                progress(article.id)
            continue
        yield article
