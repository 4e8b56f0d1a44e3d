"""Coded event datasets (GDELT, ICEWS) in the knowledge store.

Each dataset event becomes a ``gpo:Event`` with the same properties as an
event read from an article, so :func:`geopolkg.store.records.read_events`,
opposition and the views see both alike:

* actor and target resolved to the project's actor codes
  (:mod:`geopolkg.store.dataset_actors`), with the dataset's own names kept
  as ``gpo:actorText`` / ``gpo:targetText``;
* the CAMEO code with its event type, root and PLOVER type, and the
  dataset's own QuadClass and Goldstein value (GDELT's ``GoldsteinScale``,
  ICEWS's ``Intensity``; ICEWS gives no QuadClass, so it comes from the code);
* the day (``gpo:date``), and for GDELT 2.0 the time GDELT added the event
  (``prov:generatedAtTime``, UTC);
* the place (GDELT's ActionGeo, ICEWS's city/district/province/country) as a
  ``sem:Place`` and ``geo:Feature`` with a GeoSPARQL point,
  ``geo:asWKT "POINT(long lat)"^^geo:wktLiteral`` (CRS84 axis order);
* provenance: ``prov:wasDerivedFrom`` the report the dataset coded it from
  (a ``schema:NewsArticle`` whose ``schema:identifier`` is GDELT's
  ``SOURCEURL`` or ``icews:story:<Story ID>``), ``schema:isPartOf`` the
  dataset file, and the dataset's event id as ``schema:identifier``.

There is no sentence: ``gpo:sentence`` is empty and the character offsets
are 0 (ICEWS's sentence number is kept as ``gpo:sentenceIndex``, 0-based);
``gpo:trigger`` is ICEWS's event text, empty for GDELT. Stance is 0 (the
datasets code no issue) and confidence is 1: the dataset's coding is taken
as given, it is not an estimate of its reliability.

Named graphs: one per dataset file and version,
:func:`geopolkg.ontology.iris.dataset_graph_iri` (``graph/dataset/gdelt/<file
name>/<digest of its content>``). Events are written in batches, each in its
own transaction. Re-ingesting an unchanged file changes nothing; a changed
file (same name, new content) replaces the old version's graph once the new
one is written; a file that fails half-way (a truncated archive) leaves the
stored version as it was.

GDELT events without an Actor1, and ICEWS events whose source is
"Unspecified Actor", are stored without ``gpo:actor``: they count as events
of the dataset but :func:`~geopolkg.store.records.read_events`, which needs
an actor, leaves them out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Quad

from ..errors import LoaderError, StoreError
from ..loaders.gdelt import GdeltEvent, is_gdelt, iter_gdelt
from ..loaders.icews import IcewsEvent, is_icews, iter_icews
from ..ontology import iris
from ..ontology.actors import Actor
from ..ontology.cameo import event_type
from ..ontology.namespace import CAMEO, GEO, GPO, PLOVER, PROV, RDF, RDFS, SDO, SEM, XSD
from .dataset_actors import DatasetActors
from .rdf import actor_triples, date_literal

__all__ = ["CodedEvent", "Place", "DATASETS", "gdelt_coded", "icews_coded", "coded_event_triples",
           "store_dataset", "GdeltIngester", "IcewsIngester", "INGESTERS", "dataset_event_ids",
           "count_dataset_events", "split_events", "wkt_point", "file_digest", "MAPPING_VERSION"]

#: Dataset key -> readable name.
DATASETS = {"gdelt": "GDELT Event Database", "icews": "ICEWS Coded Event Data"}
#: Version of the mapping to RDF: a new version makes every file "changed".
MAPPING_VERSION = "2"
#: Events per write transaction.
BATCH = 5000
#: Bad rows reported one by one per file; the rest are counted in one message.
MAX_REPORTED = 50


@dataclass(frozen=True)
class Place:
    """Where an event happened: a readable name and WGS 84 degrees."""

    name: str
    lat: float
    long: float
    key: str


@dataclass
class CodedEvent:
    """A dataset event in the project's terms, before it becomes RDF."""

    id: str
    source_id: str
    dataset: str
    day: dt.date
    code: str
    quad_class: int
    goldstein: float
    actor: Actor | None
    target: Actor | None
    actor_text: str | None
    target_text: str | None
    report_id: str
    report_url: str | None = None
    publisher: str | None = None
    place: Place | None = None
    added: dt.datetime | dt.date | None = None
    trigger: str = ""
    sentence_index: int | None = None
    extra: dict = field(default_factory=dict)


def gdelt_coded(event: GdeltEvent, actors: DatasetActors) -> CodedEvent:
    """Map a :class:`~geopolkg.loaders.gdelt.GdeltEvent` to a :class:`CodedEvent`."""
    geo = event.action_place
    place = None
    if geo is not None and geo.lat is not None and geo.long is not None:
        place = Place(geo.name, geo.lat, geo.long, f"gdelt:{geo.feature_id or geo.name}@{geo.lat},{geo.long}")
    url = event.source_url
    return CodedEvent(
        id=f"gdelt-{event.id}", source_id=str(event.id), dataset="gdelt", day=event.day,
        code=event.event_code, quad_class=event.quad_class, goldstein=event.goldstein,
        actor=actors.gdelt(event.actor1, event.day), target=actors.gdelt(event.actor2, event.day),
        actor_text=event.actor1.name or event.actor1.code if event.actor1 else None,
        target_text=event.actor2.name or event.actor2.code if event.actor2 else None,
        report_id=url or f"gdelt:event:{event.id}",
        report_url=url if url and url.startswith(("http://", "https://")) else None,
        place=place, added=event.added)


def icews_coded(event: IcewsEvent, actors: DatasetActors) -> CodedEvent:
    """Map an :class:`~geopolkg.loaders.icews.IcewsEvent` to a :class:`CodedEvent`."""
    place = None
    if event.lat is not None and event.long is not None:
        name = ", ".join(p for p in (event.city, event.district, event.province, event.country) if p)
        place = Place(name or f"{event.lat}, {event.long}", event.lat, event.long,
                      f"icews:{name}@{event.lat},{event.long}")
    return CodedEvent(
        id=f"icews-{event.id}", source_id=str(event.id), dataset="icews", day=event.day,
        code=event.cameo_code, quad_class=event_type(event.cameo_code).quad_class,
        goldstein=event.intensity, actor=actors.icews(event.source, event.day),
        target=actors.icews(event.target, event.day),
        actor_text=event.source.name if event.source else None,
        target_text=event.target.name if event.target else None,
        report_id=f"icews:story:{event.story_id}", publisher=event.publisher, place=place,
        trigger=event.event_text,
        sentence_index=event.sentence - 1 if event.sentence else None)


def _n(term) -> NamedNode:
    return NamedNode(str(term))


def _int(value: int) -> Literal:
    return Literal(str(int(value)), datatype=_n(XSD.integer))


def _dec(value: float) -> Literal:
    from decimal import Decimal

    return Literal(str(Decimal(str(value))), datatype=_n(XSD.decimal))


_FALSE = Literal("false", datatype=_n(XSD.boolean))


def wkt_point(long: float, lat: float) -> Literal:
    """A GeoSPARQL ``geo:wktLiteral`` point, longitude first (CRS84, the GeoSPARQL default)."""
    return Literal(f"POINT({long!r} {lat!r})", datatype=_n(GEO.wktLiteral))


def coded_event_triples(ev: CodedEvent, dataset_node: NamedNode) -> tuple[list[tuple], list[tuple]]:
    """Triples for one dataset event, and those of its report and place.

    Returns
    -------
    tuple
        ``(event triples, [(key, triples), ...])``: the second part describes
        things events share (the report, the place), each under a key so a
        writer can write it once. Actors are described apart
        (:func:`geopolkg.store.rdf.actor_triples`).
    """
    s = NamedNode(iris.event_iri(ev.id))
    et = event_type(ev.code)
    report = NamedNode(iris.report_iri(ev.report_id))
    label = f"{ev.actor.code if ev.actor else '-'} {et.code} {ev.target.code if ev.target else '-'}"
    out = [(s, _n(RDF.type), _n(GPO.Event)),
           (s, _n(SDO.identifier), Literal(ev.source_id)),
           (s, _n(GPO.eventType), _n(CAMEO[et.code])),
           (s, _n(GPO.cameoCode), Literal(et.code)),
           (s, _n(GPO.cameoRoot), _n(CAMEO[et.root])),
           (s, _n(GPO.quadClass), _int(ev.quad_class)),
           (s, _n(GPO.goldstein), _dec(ev.goldstein)),
           (s, _n(GPO.ploverType), _n(PLOVER[et.plover_type])),
           (s, _n(GPO.stance), _int(0)),
           (s, _n(GPO.sentence), Literal("")),
           (s, _n(GPO.charStart), _int(0)),
           (s, _n(GPO.charEnd), _int(0)),
           (s, _n(GPO.trigger), Literal(ev.trigger)),
           (s, _n(GPO.confidence), _dec(1.0)),
           (s, _n(GPO.isIntent), _FALSE),
           (s, _n(GPO.isNegated), _FALSE),
           (s, _n(GPO.date), date_literal(ev.day)),
           (s, _n(SEM.hasTimeStamp), date_literal(ev.day)),
           (s, _n(PROV.wasDerivedFrom), report),
           (s, _n(SDO.isPartOf), dataset_node),
           (s, _n(RDFS.label), Literal(label))]
    if et.plover_mode:
        out.append((s, _n(GPO.ploverMode), Literal(et.plover_mode)))
    if ev.actor is not None:
        out.append((s, _n(GPO.actor), NamedNode(iris.actor_iri(ev.actor.code))))
    if ev.target is not None:
        out.append((s, _n(GPO.target), NamedNode(iris.actor_iri(ev.target.code))))
    if ev.actor_text:
        out.append((s, _n(GPO.actorText), Literal(ev.actor_text)))
    if ev.target_text:
        out.append((s, _n(GPO.targetText), Literal(ev.target_text)))
    if ev.sentence_index is not None:
        out.append((s, _n(GPO.sentenceIndex), _int(ev.sentence_index)))
    if isinstance(ev.added, dt.datetime):
        out.append((s, _n(PROV.generatedAtTime), date_literal(ev.added)))
    about_report = [(report, _n(RDF.type), _n(SDO.NewsArticle)),
                    (report, _n(SDO.identifier), Literal(ev.report_id))]
    if ev.report_url:
        about_report.append((report, _n(SDO.url), Literal(ev.report_url, datatype=_n(XSD.anyURI))))
    if ev.publisher:
        about_report.append((report, _n(SDO.publisher), Literal(ev.publisher)))
    shared = [(("report", ev.report_id), about_report)]
    if ev.place is not None:
        place, geom = NamedNode(iris.place_iri(ev.place.key)), NamedNode(iris.geometry_iri(ev.place.key))
        out.append((s, _n(SEM.hasPlace), place))
        shared.append((("place", ev.place.key), [
            (place, _n(RDF.type), _n(SEM.Place)),
            (place, _n(RDF.type), _n(GEO.Feature)),
            (place, _n(RDFS.label), Literal(ev.place.name)),
            (place, _n(GEO.hasGeometry), geom),
            (geom, _n(RDF.type), _n(GEO.Geometry)),
            (geom, _n(GEO.asWKT), wkt_point(ev.place.long, ev.place.lat))]))
    return out, shared


def _dataset_triples(node: NamedNode, dataset: str, path: Path) -> list[tuple]:
    return [(node, _n(RDF.type), _n(SDO.Dataset)),
            (node, _n(SDO.name), Literal(DATASETS[dataset])),
            (node, _n(SDO.identifier), Literal(path.name))]


def file_digest(path: Path) -> str:
    """SHA-256 (first 16 hex digits) of the file's bytes and :data:`MAPPING_VERSION`."""
    import hashlib

    digest = hashlib.sha256(MAPPING_VERSION.encode())
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as err:
        raise LoaderError(f"cannot read file: {err.strerror}", str(path)) from err
    return digest.hexdigest()[:16]


def store_dataset(store, dataset: str, path: Path, events: Iterable[CodedEvent], *,
                  batch: int = BATCH) -> int | None:
    """Write ``events`` as the named graph of one dataset file; return how many were written.

    The graph is :func:`~geopolkg.ontology.iris.dataset_graph_iri` of the
    file's name and :func:`file_digest`. If the store already holds that
    graph, the file is unchanged: nothing is read or written and None is
    returned. Otherwise the events go in batches of ``batch`` events, each
    batch one transaction; when all are in, the graphs of older versions of
    the file are removed. If ``events`` raises half-way, the new graph is
    removed again and the stored version stays as it was.

    Raises
    ------
    StoreError
        If the store is read-only or a write fails.
    """
    import pyoxigraph as ox

    if store.read_only:
        raise StoreError("the store is open read-only", str(store.path))
    # The store package's own handle: batches need Oxigraph's transactional
    # extend, and SPARQL DROP/MOVE of a large graph is several times slower
    # than removing it through the API.
    raw = store._store
    base = iris.dataset_graph_iri(dataset, path.name) + "/"
    graph = NamedNode(iris.dataset_graph_iri(dataset, path.name, file_digest(path)))
    if raw.contains_named_graph(graph):
        return None
    older = [g for g in raw.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(base)]
    node = NamedNode(iris.dataset_iri(dataset, path.name))
    described: set = set()
    count = 0

    def write(triples: list[tuple]) -> None:
        try:
            raw.extend(Quad(s, p, o, graph) for s, p, o in triples)
        except (OSError, ValueError) as err:
            raise StoreError(f"could not write dataset events: {err}", str(path)) from err

    def once(key, triples) -> list[tuple]:
        if key in described:
            return []
        described.add(key)
        return triples

    try:
        pending = _dataset_triples(node, dataset, path)
        in_batch = 0
        for ev in events:
            event_part, shared = coded_event_triples(ev, node)
            pending += event_part
            for key, triples in shared:
                pending += once(key, triples)
            for actor in (ev.actor, ev.target):
                if actor is not None:
                    pending += once(("actor", actor.code), actor_triples(actor))
            count += 1
            in_batch += 1
            if in_batch >= batch:
                write(pending)
                pending, in_batch = [], 0
        write(pending)
    except BaseException:
        raw.remove_graph(graph)
        raise
    for old in older:
        raw.remove_graph(old)
    return count


class _Ingester:
    """Base of the direct ingesters registered in :data:`geopolkg.api.DIRECT_INGESTERS`."""

    dataset = ""

    @staticmethod
    def sniff(path: Path) -> bool:  # pragma: no cover - overridden
        return False

    def records(self, path: Path, errors: list) -> Iterator:
        raise NotImplementedError

    def coded(self, record, actors: DatasetActors) -> CodedEvent:
        raise NotImplementedError

    def ingest(self, path: Path, store, summary) -> int:
        """Store the events of ``path`` (one named graph); bad rows go to ``summary.failed``.

        Raises
        ------
        LoaderError
            If the file cannot be read at all (nothing is changed then).
        StoreError
            If writing fails.
        """
        path = Path(path)
        if path.is_dir():  # a forced format (--format) given a folder: every file in it
            total = 0
            for child in sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")):
                try:
                    total += self.ingest(child, store, summary)
                except LoaderError as err:
                    summary.failed.append(err)
            return total
        if not path.is_file():
            raise LoaderError("no such file", str(path))
        actors = DatasetActors()
        errors: list = []
        count = store_dataset(store, self.dataset, path,
                              (self.coded(r, actors) for r in self.records(path, errors)))
        if count is None:
            summary.unchanged += 1
            return 0
        failed = summary.failed
        failed.extend(errors[:MAX_REPORTED])
        if len(errors) > MAX_REPORTED:
            failed.append(LoaderError(f"{len(errors) - MAX_REPORTED} more bad rows skipped", str(path)))
        summary.events += count
        summary.datasets = getattr(summary, "datasets", 0) + 1
        return count


class GdeltIngester(_Ingester):
    """GDELT 2.0 exports and GDELT 1.0 event files, told by content (61 or 57/58 tab-separated columns)."""

    dataset = "gdelt"

    @staticmethod
    def sniff(path: Path) -> bool:
        return is_gdelt(path)

    def records(self, path, errors):
        return iter_gdelt(path, errors=errors)

    def coded(self, record, actors):
        return gdelt_coded(record, actors)


class IcewsIngester(_Ingester):
    """ICEWS event files, told by their header row."""

    dataset = "icews"

    @staticmethod
    def sniff(path: Path) -> bool:
        return is_icews(path)

    def records(self, path, errors):
        return iter_icews(path, errors=errors)

    def coded(self, record, actors):
        return icews_coded(record, actors)


#: Format name -> ingester class, for :data:`geopolkg.api.DIRECT_INGESTERS`.
INGESTERS = {"gdelt": GdeltIngester, "icews": IcewsIngester}


def _graph_prefix(dataset: str | None) -> str:
    base = iris.dataset_graph_iri(dataset or "x", "x")
    return base[:-1] if dataset else base[: -len("x/x")]


def dataset_event_ids(store, dataset: str | None = None) -> set[str]:
    """Return the ids (as in event records) of the events stored from ``dataset`` (or any dataset)."""
    rows = store.select(f"""
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
SELECT ?e WHERE {{ GRAPH ?g {{ ?e a gpo:Event }} FILTER(STRSTARTS(STR(?g), "{_graph_prefix(dataset)}")) }}""")
    return {r["e"].rsplit("/", 1)[-1] for r in rows}


def count_dataset_events(store, dataset: str | None = None) -> int:
    """Return how many events the store holds from ``dataset`` (or any dataset), by SPARQL."""
    rows = store.select(f"""
PREFIX gpo: <https://w3id.org/geopolkg/ontology#>
SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
  GRAPH ?g {{ ?e a gpo:Event }} FILTER(STRSTARTS(STR(?g), "{_graph_prefix(dataset)}")) }}""")
    return int(rows[0]["n"])


def split_events(store, dataset: str, *, min_confidence: float = 0.0) -> tuple[list[dict], list[dict]]:
    """Return (events read from articles, events of ``dataset``) as event records.

    Events of other datasets are in neither list.
    """
    from .records import read_events

    events = read_events(store, min_confidence=min_confidence)
    mine, anyone = dataset_event_ids(store, dataset), dataset_event_ids(store)
    return ([e for e in events if e["id"] not in anyone], [e for e in events if e["id"] in mine])
