"""The Examples in the graph stage's docstrings run as doctests."""

import doctest
import importlib

import pytest

MODULES = ["issues", "signed", "balance", "centrality", "trends", "derive", "stance", "opposition"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"geopolkg.graph.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
