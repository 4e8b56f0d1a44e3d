"""Shared fixtures. Tests that read ../shared skip where it is absent (a
user's own clone), but fail when CI=true, since CI always has it."""

from __future__ import annotations

import pytest

from shared_data import shared_path


@pytest.fixture(scope="session")
def extractor():
    from geopolkg.extraction.extractor import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_article():
    from geopolkg.loaders import iter_articles

    return next(iter_articles([shared_path("articles", "bagram-talks.txt")]))


@pytest.fixture(scope="session")
def seed_result(extractor, seed_article):
    return extractor.extract(seed_article)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, seed_article):
    import geopolkg.api as api

    path = tmp_path_factory.mktemp("seed") / "store"
    summary = api.ingest([shared_path("articles", "bagram-talks.txt")], path)
    assert summary.stored == 1 and not summary.failed
    return path


@pytest.fixture(scope="session")
def reuters_store(tmp_path_factory):
    """A store of the 441 Reuters geopolitics stories of 1987 (../shared), made once per session."""
    import geopolkg.api as api

    path = tmp_path_factory.mktemp("reuters-geo") / "store"
    summary = api.ingest([shared_path("corpora", "reuters-21578-geopolitics.jsonl")], path, jobs=1)
    assert summary.stored == 441 and not summary.failed
    return path
