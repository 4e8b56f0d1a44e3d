"""One exception tree for geopolkg, with message codes.

Library code raises these and never prints or exits; the CLI turns them into
a one-line message on standard error and a non-zero exit code.
"""

__all__ = [
    "GeopolkgError",
    "LoaderError",
    "ExtractionError",
    "StoreError",
    "QueryError",
    "OntologyError",
    "ExportError",
    "ViewError",
    "AnalysisError",
]


class GeopolkgError(Exception):
    """Root of every error geopolkg raises on purpose.

    Parameters
    ----------
    message : str
        One line saying what went wrong.
    where : str, optional
        The file, line or record it concerns (shown before the message).
    """

    code = "GK000"

    def __init__(self, message: str, where: str | None = None):
        self.message = " ".join(str(message).split())
        self.where = where
        super().__init__(self.__str__())

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.message} [{self.code}]"


class LoaderError(GeopolkgError):
    """An input could not be read as an article (empty, binary, bad date...)."""

    code = "GK100"


class ExtractionError(GeopolkgError):
    """The NLP pipeline could not be built or run (missing spaCy model...)."""

    code = "GK200"


class OntologyError(GeopolkgError):
    """A vocabulary, CAMEO table or actor dictionary is malformed."""

    code = "GK300"


class StoreError(GeopolkgError):
    """The store could not be opened, read or written."""

    code = "GK400"


class QueryError(GeopolkgError):
    """A SPARQL query is malformed or failed."""

    code = "GK500"


class ExportError(GeopolkgError):
    """An export could not be written."""

    code = "GK600"


class ViewError(GeopolkgError):
    """A view could not be selected or drawn (bad option, no such actor...)."""

    code = "GK700"


class AnalysisError(GeopolkgError):
    """An analysis of the graph stage got bad input (unknown issue, bad window, bad edits file...)."""

    code = "GK800"
