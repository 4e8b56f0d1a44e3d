"""Date expressions: resolution against the publication day, and the memo of vague expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from geopolkg.extraction import dates
from geopolkg.extraction.dates import resolve_date_expression

FRIDAY = dt.date(1987, 3, 6)  # a Friday
MONDAY = dt.date(1987, 3, 9)


@pytest.fixture()
def fresh_memo():
    """An empty memo of vague expressions (restored afterwards)."""
    saved = set(dates._NO_DAY)
    dates._NO_DAY.clear()
    yield dates._NO_DAY
    dates._NO_DAY.clear()
    dates._NO_DAY.update(saved)


def test_days_and_weeks_resolve_against_the_anchor(fresh_memo):
    # a weekday is the most recent such day, the paper's own weekday that day
    assert resolve_date_expression("on Friday", MONDAY) == FRIDAY
    assert resolve_date_expression("on Friday", FRIDAY) == FRIDAY
    assert resolve_date_expression("yesterday", MONDAY) == dt.date(1987, 3, 8)
    assert resolve_date_expression("yesterday", FRIDAY) == dt.date(1987, 3, 5)
    # a week is the day one week before publication
    assert resolve_date_expression("last week", MONDAY) == dt.date(1987, 3, 2)
    assert resolve_date_expression("last week", FRIDAY) == dt.date(1987, 2, 27)
    # expressions that name a day are never memoized: they move with the anchor
    assert not fresh_memo & {"on Friday", "Friday", "yesterday", "last week"}


def test_vague_expressions_are_memoized_and_skip_dateparser(fresh_memo, monkeypatch):
    calls = []
    real = dates._parse

    def counting(text, base):
        calls.append((text, base))
        return real(text, base)

    monkeypatch.setattr(dates, "_parse", counting)
    assert resolve_date_expression("this year", FRIDAY) is None
    assert resolve_date_expression("annual", FRIDAY) is None
    assert {"this year", "annual"} <= fresh_memo
    first = len(calls)
    assert first >= 2
    # another anchor: answered from the memo, no dateparser call
    assert resolve_date_expression("this year", MONDAY) is None
    assert resolve_date_expression("annual", dt.date(1988, 2, 29)) is None
    assert len(calls) == first


def test_expressions_with_digits_or_february_stay_per_anchor(fresh_memo):
    # "February 29" exists in leap years only, so what it names can hang on
    # the anchor's year: never memoized
    assert resolve_date_expression("February 29", dt.date(1988, 3, 9)) == dt.date(1988, 2, 29)
    assert resolve_date_expression("1986", MONDAY) is None
    assert resolve_date_expression("February twenty-nine", MONDAY) is None
    assert not fresh_memo & {"February 29", "1986", "February twenty-nine"}


@pytest.mark.parametrize("text", ["this year", "January", "this March", "the weekend", "annual",
                                  "late last year", "next month", "the fourth quarter", "a year ago",
                                  "December", "weekly", "Friday", "last week", "yesterday"])
def test_the_memo_gives_what_dateparser_gives_under_every_anchor(fresh_memo, text):
    """Whether a digit-free expression names a day or week does not depend
    on the anchor: checked for every fifth day over 1987 and 1988 (a leap
    year), memo emptied before each call against memo kept."""
    day, anchors = dt.date(1987, 1, 1), []
    while day.year < 1989:
        anchors.append(day)
        day += dt.timedelta(days=5)
    kept = [resolve_date_expression(text, anchor) for anchor in anchors]
    plain = []
    for anchor in anchors:
        fresh_memo.clear()
        plain.append(resolve_date_expression(text, anchor))
    assert kept == plain
    # the vague ones give no day under any anchor; the others a day each time
    assert all(d is None for d in plain) == (text not in ("Friday", "last week", "yesterday"))
