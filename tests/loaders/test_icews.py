"""ICEWS event files: the real 2018 sample and bad rows."""

from __future__ import annotations

import datetime as dt

import pytest

from geopolkg.errors import LoaderError
from geopolkg.loaders.icews import is_icews, iter_icews
from shared_data import shared_path

SAMPLE = ("event-datasets", "icews-events-2018-sample.tab")


def test_real_sample_loads_every_row():
    errors = []
    events = list(iter_icews(shared_path(*SAMPLE), errors=errors))
    assert errors == [] and len(events) == 3705
    assert is_icews(shared_path(*SAMPLE))


def test_rows_field_by_field():
    by_line = {e.line: e for e in iter_icews(shared_path(*SAMPLE))}
    ev = by_line[2]  # the first data row, read by hand
    assert (ev.id, ev.day, ev.event_text, ev.cameo_code, ev.intensity) == (
        32889836, dt.date(2018, 6, 1), "Consult", "040", 1.0)
    assert (ev.source.name, ev.source.sectors, ev.source.country) == (
        "Foreign Affairs (Bangladesh)", ("Executive", "Foreign Ministry", "Government"), "Bangladesh")
    assert (ev.target.name, ev.target.sectors, ev.target.country) == (
        "High Ranking Military Personnel (Vietnam)", ("Military", "Government"), "Vietnam")
    assert (ev.story_id, ev.sentence, ev.publisher) == ("47400351", 2, "Vietnam News Agency Bulletin")
    assert (ev.city, ev.district, ev.province, ev.country) == ("Hanoi", None, "Thanh Pho Ha Noi", "Vietnam")
    assert (ev.lat, ev.long) == (21.0245, 105.841)
    ev = by_line[13]
    assert (ev.id, ev.source.name, ev.cameo_code, ev.intensity, ev.target.name, ev.target.sectors) == (
        32891068, "Donald Trump", "102", -5.0, "China", ())
    ev = by_line[125]
    assert (ev.source.name, ev.target.name, ev.target.country, ev.city) == (
        "Armed Band (Nicaragua)", "Unspecified Actor", None, None)  # the loader keeps it as written


def test_bad_rows_are_reported_with_their_line_and_skipped(tmp_path):
    lines = shared_path(*SAMPLE).read_text(encoding="utf-8").splitlines()[:5]
    fields = lines[2].split("\t")
    fields[1] = "2018-06-31"                          # no such day
    lines[2] = "\t".join(fields)
    lines[3] += "\textra"                             # 21 columns
    path = tmp_path / "bad.tab"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = []
    events = list(iter_icews(path, errors=errors))
    assert [e.line for e in events] == [2, 5]
    assert [str(e).split(": ")[0] for e in errors] == [f"{path}:3", f"{path}:4"]
    assert "2018-06-31" in str(errors[0]) and "21 columns" in str(errors[1])


def test_a_file_without_the_header_is_refused(tmp_path):
    path = tmp_path / "noheader.tab"
    lines = shared_path(*SAMPLE).read_text(encoding="utf-8").splitlines()[1:3]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert not is_icews(path)
    with pytest.raises(LoaderError, match="header lacks"):
        list(iter_icews(path))
