"""Fixtures of the export tests: the seed store (../shared/articles/bagram-talks.txt)
exported once per format, and the who-opposes-whom query."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def exported(seed_store, tmp_path_factory):
    """Return a function fmt -> path of the seed store exported in that format (cached)."""
    import geopolkg.api as api

    folder = tmp_path_factory.mktemp("exports")
    done = {}

    def get(fmt: str) -> Path:
        if fmt not in done:
            done[fmt] = Path(api.export(fmt, folder / f"graph.{fmt}", seed_store))
        return done[fmt]
    return get


@pytest.fixture(scope="session")
def who_opposes_whom() -> str:
    return (HERE / "who_opposes_whom.rq").read_text(encoding="utf-8")

