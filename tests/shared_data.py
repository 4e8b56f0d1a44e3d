"""Where the shared test data is, for tests and fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GEOPOLKG_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared, or skip (fail on CI) if it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"shared test data not found at {path} (set GEOPOLKG_SHARED)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; CI must have ../shared")
        pytest.skip(message)
    return path
