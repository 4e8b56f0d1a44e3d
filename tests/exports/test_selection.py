"""The export selection: issue, actor (code or name), and days."""

from __future__ import annotations

import datetime as dt

import pytest

from geopolkg.errors import ExportError
from geopolkg.exports import Selection

US = {"name": "United States", "code": "USAGOV"}
AF = {"name": "Taliban government of Afghanistan", "code": "AFGGOV"}
CN = {"name": "China", "code": "CHNGOV"}
EVENTS = [
    {"id": "e1", "actor": US, "target": AF, "issue": "military presence at Bagram air base", "issue_key": "bagram",
     "date": "2025-09-18"},
    {"id": "e2", "actor": AF, "target": US, "issue": None, "issue_key": None, "date": "2025-09-20T23:30:00+04:30"},
    {"id": "e3", "actor": CN, "target": None, "issue": "foreign interference", "issue_key": "foreign-interference",
     "date": None},
]


def _ids(selection):
    return [e["id"] for e in selection.events(EVENTS)]


@pytest.mark.parametrize("kwargs,ids", [
    ({}, ["e1", "e2", "e3"]),
    ({"issue": "BAGRAM"}, ["e1"]),
    ({"issue": "interference"}, ["e3"]),
    ({"actor": "usagov"}, ["e1", "e2"]),          # a code: as actor (e1) or as target (e2)
    ({"actor": "taliban"}, ["e1", "e2"]),         # text in a name
    ({"actor": "USA"}, []),                       # a code matches whole, not as a prefix
    ({"actor": "china"}, ["e3"]),
    ({"since": "2025-09-19"}, ["e2"]),            # the day as written, in the event's own zone; undated left out
    ({"until": "2025-09-18"}, ["e1"]),
    ({"since": dt.date(2025, 9, 18), "until": dt.datetime(2025, 9, 20, 1, 0)}, ["e1", "e2"]),
    ({"issue": "bagram", "actor": "china"}, []),
])
def test_selection(kwargs, ids):
    assert _ids(Selection(**kwargs)) == ids


def test_bad_days_are_refused():
    with pytest.raises(ExportError, match="YYYY-MM-DD"):
        Selection(since="20 September")
    with pytest.raises(ExportError, match="after"):
        Selection(since="2025-09-21", until="2025-09-20")
