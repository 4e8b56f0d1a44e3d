"""GDELT event files: the real 2.0 export, its 1.0 forms, zipped, and bad rows."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from geopolkg.errors import LoaderError
from geopolkg.loaders.gdelt import is_gdelt, iter_gdelt
from shared_data import shared_path

EXPORT = ("event-datasets", "gdelt-20191024143000.export.CSV")


def _lines(n=None):
    text = shared_path(*EXPORT).read_text(encoding="utf-8").splitlines()
    return text if n is None else text[:n]


def test_real_export_loads_every_row():
    errors = []
    events = list(iter_gdelt(shared_path(*EXPORT), errors=errors))
    assert errors == []
    assert len(events) == 2111
    assert {e.version for e in events} == {2}


def test_row_two_field_by_field():
    # values read from line 2 of the file by hand
    ev = list(iter_gdelt(shared_path(*EXPORT)))[1]
    assert (ev.id, ev.day, ev.line) == (881990833, dt.date(2018, 10, 24), 2)
    assert ev.actor1 is None
    a2 = ev.actor2
    assert (a2.code, a2.name, a2.country, a2.known_group, a2.types) == ("IGOEUREEC", "THE EU", "EUR", "EEC", ("IGO",))
    assert (ev.event_code, ev.base_code, ev.root_code, ev.quad_class, ev.goldstein) == ("040", "040", "04", 1, 1.0)
    assert (ev.mentions, ev.sources, ev.articles, ev.is_root) == (10, 1, 10, False)
    assert ev.tone == pytest.approx(0.63492063492064)
    place = ev.action_place
    assert (place.kind, place.name, place.country, place.adm1, place.adm2) == (
        4, "Minsk, Belarus (general), Belarus", "BO", "BO00", "5840")
    assert (place.lat, place.long, place.feature_id) == (53.9, 27.5667, "-1946324")
    assert ev.added == dt.datetime(2019, 10, 24, 14, 30, tzinfo=dt.timezone.utc)
    assert ev.source_url == ("https://belsat.eu/en/news/10-years-of-belarus-participating-in-eastern-"
                             "partnership-what-is-to-come/")


def test_row_59_field_by_field():
    ev = [e for e in iter_gdelt(shared_path(*EXPORT)) if e.line == 59][0]
    assert (ev.id, ev.day) == (881990890, dt.date(2019, 10, 23))
    assert (ev.actor1.code, ev.actor1.name, ev.actor1.country, ev.actor1.types) == ("USAGOV", "THE US", "USA", ("GOV",))
    assert (ev.actor2.code, ev.actor2.name, ev.actor2.country, ev.actor2.types) == ("CHN", "CHINA", "CHN", ())
    assert (ev.is_root, ev.event_code, ev.goldstein, ev.mentions) == (True, "040", 1.0, 10)
    assert (ev.action_place.name, ev.action_place.lat, ev.action_place.long) == ("United Kingdom", 54.0, -4.0)


def test_bad_rows_are_reported_with_their_line_and_skipped(tmp_path):
    lines = _lines(5)
    lines[1] = "\t".join(lines[1].split("\t")[:-1])          # 60 columns
    fields = lines[3].split("\t")
    fields[1] = "20191345"                                   # month 13
    lines[3] = "\t".join(fields)
    fields = lines[4].split("\t")
    fields[26] = "999"                                       # not a CAMEO code
    lines[4] = "\t".join(fields)
    path = tmp_path / "bad.export.CSV"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = []
    events = list(iter_gdelt(path, errors=errors))
    assert [e.line for e in events] == [1, 3]
    assert [str(e).split(": ")[0] for e in errors] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "60 columns" in str(errors[0]) and "20191345" in str(errors[1]) and "'999'" in str(errors[2])
    with pytest.raises(LoaderError, match=":2: GDELT row has 60 columns"):
        list(iter_gdelt(path))


def test_gdelt_1_layouts_and_zip(tmp_path):
    fields = _lines(2)[1].split("\t")
    v1 = [f for i, f in enumerate(fields) if i not in (39, 47, 55)]   # no ADM2 codes
    v1[56] = "20191024"                                                 # DATEADDED is a day in 1.0
    backfile = v1[:-1]                                                  # 1979-2013: no SOURCEURL
    path = tmp_path / "20191024.export.CSV"
    path.write_text("\t".join(v1) + "\n" + "\t".join(backfile) + "\n", encoding="utf-8")
    daily, old = list(iter_gdelt(path))
    assert (len(v1), len(backfile)) == (58, 57)
    assert (daily.version, daily.added, daily.action_place.adm2, daily.action_place.lat) == (
        1, dt.date(2019, 10, 24), None, 53.9)
    assert daily.source_url.startswith("https://belsat.eu/") and old.source_url is None
    archive = tmp_path / "20191024.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("20191024.export.CSV", "\n".join(_lines(10)) + "\n")
    assert is_gdelt(archive) and is_gdelt(path)
    assert [e.id for e in iter_gdelt(archive)][:2] == [881990832, 881990833]


def test_sniff_refuses_other_files(tmp_path):
    assert not is_gdelt(shared_path("event-datasets", "icews-events-2018-sample.tab"))
    assert not is_gdelt(shared_path("articles", "bagram-talks.txt"))
    empty = tmp_path / "empty.CSV"
    empty.write_text("")
    assert not is_gdelt(empty)
