"""Mint instance IRIs: the only place geopolkg builds them.

Every IRI is the base ``https://w3id.org/geopolkg/id/`` plus a kind and a
key. Keys are NFC-normalized and percent-encoded (RFC 3987 unreserved
characters stay), so no article text can break out of an IRI: quotes, angle
brackets, spaces, newlines and braces all become ``%XX``. The same key always
gives the same IRI, so re-reading an article merges with what is stored.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from .namespace import GPK

__all__ = ["safe_key", "article_iri", "event_iri", "actor_iri", "issue_iri", "person_iri",
           "article_graph_iri", "ONTOLOGY_GRAPH", "DERIVED_GRAPH", "EXTRACTOR_IRI", "iri",
           "dataset_graph_iri", "dataset_iri", "report_iri", "place_iri", "geometry_iri"]


def safe_key(key: str) -> str:
    """Return ``key`` normalized and percent-encoded for use in an IRI path segment.

    Examples
    --------
    >>> safe_key('a "b" <c>')
    'a%20%22b%22%20%3Cc%3E'
    >>> safe_key("Путин")
    '%D0%9F%D1%83%D1%82%D0%B8%D0%BD'
    """
    text = unicodedata.normalize("NFC", str(key)).strip()
    if not text:
        raise ValueError("an IRI key cannot be empty")
    return quote(text, safe="-._~")


def iri(kind: str, key: str) -> str:
    """Return the IRI (a string) of the thing of ``kind`` with ``key``."""
    return f"{GPK}{kind}/{safe_key(key)}"


def article_iri(article_id: str) -> str:
    return iri("article", article_id)


def article_graph_iri(article_id: str) -> str:
    """The named graph that holds one article and everything read from it."""
    return iri("graph/article", article_id)


def event_iri(event_id: str) -> str:
    return iri("event", event_id)


def actor_iri(code: str) -> str:
    return iri("actor", code.upper())


def issue_iri(key: str) -> str:
    return iri("issue", key)


def person_iri(name: str) -> str:
    return iri("person", " ".join(name.split()))


def dataset_graph_iri(dataset: str, file_name: str, digest: str | None = None) -> str:
    """The named graph that holds the events of one event dataset file (GDELT, ICEWS).

    With ``digest`` (of the file's content), the graph of that version of
    the file: ``graph/dataset/gdelt/<file name>/<digest>``.
    """
    base = iri(f"graph/dataset/{safe_key(dataset.lower())}", file_name)
    return f"{base}/{safe_key(digest)}" if digest else base


def dataset_iri(dataset: str, file_name: str) -> str:
    """The event dataset file itself, as a ``schema:Dataset``."""
    return iri(f"dataset/{safe_key(dataset.lower())}", file_name)


def report_iri(key: str) -> str:
    """A news report a dataset event was coded from (its URL, or a story id)."""
    return iri("report", key)


def place_iri(key: str) -> str:
    """A place where an event happened (a ``geo:Feature``)."""
    return iri("place", key)


def geometry_iri(key: str) -> str:
    """The point geometry of a place (a ``geo:Geometry``)."""
    return iri("geometry", key)


#: Named graph of the vocabulary and the CAMEO and PLOVER schemes.
ONTOLOGY_GRAPH = f"{GPK}graph/ontology"
#: Named graph of relations computed from events (opposition, alignment).
DERIVED_GRAPH = f"{GPK}graph/derived"
#: The extraction software, as a prov:SoftwareAgent.
EXTRACTOR_IRI = f"{GPK}agent/extractor"
