"""The ``geopolkg`` command line: a thin click layer over the Python API.

Commands live in one module per area and attach themselves to the group
defined in :mod:`.base`; importing them here registers them.
"""

from .base import cli
from . import core  # noqa: F401  (registers the commands)
from . import views  # noqa: F401
from . import datasets  # noqa: F401
from . import store  # noqa: F401
from . import exports  # noqa: F401
from . import graph  # noqa: F401
from . import actors  # noqa: F401

__all__ = ["cli", "main"]


def main():
    """Entry point of the ``geopolkg`` console script."""
    cli(prog_name="geopolkg")
