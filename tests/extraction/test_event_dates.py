"""Events dated by when they happened or were reported, never by a date inside their content (issue 17, item 6; issue 19, item 7).

Each kind of date error on sentences written for these tests, with the day
read from the sentence and the publication day:

* a date in another clause or inside a noun phrase's clause is what the
  event is about ("until his term ends on October 30", "a plan ending June
  30 1992"), not its day;
* the tense of the date's clause decides which way a weekday or a day and
  month points ("will meet on Friday" in a Monday paper is the coming Friday);
* a length of time ("within 60 days") names no day.
"""

import datetime as dt

import pytest

from geopolkg.extraction.dates import resolve_date_expression
from geopolkg.loaders import Article

MONDAY = dt.date(1987, 3, 2)
APRIL = dt.date(1987, 4, 14)   # a Tuesday


def _dates(extractor, text, day):
    return {(e.trigger, e.date, e.date_source) for e in extractor.extract(Article("t", text, published=day)).events}


@pytest.mark.parametrize("text", [
    "Nakasone will not step down and will hang on until his term ends on October 30, aides said.",
    "Sudan wants to settle its debt under a five-year plan ending June 30 1992, officials said.",
    "Kenya asked for aid to rebuild roads damaged in the floods of May 3, its minister said.",
    "Chile rejected the accord that expires on December 31, officials said.",
    # a bound, not the day of the act; another thing's date
    "Belgium gave Spain until April 3 to drop its objection, the minister said.",
    "Japan criticized the American budget proposal, due out on April 1.",
])
def test_a_date_inside_the_content_does_not_date_the_event(extractor, text):
    found = _dates(extractor, text, APRIL)
    assert found, "no event"
    assert {(date, source) for _, date, source in found} == {(APRIL, "published")}


def test_a_date_of_the_report_dates_the_event(extractor):
    found = _dates(extractor, "Iran said on Sunday its troops had captured an Iraqi fortification.", MONDAY)
    assert ("captured", dt.date(1987, 3, 1), "sentence") in found


def test_a_date_of_another_sentence_carries_over_from_its_main_clause_only(extractor):
    # the first sentence's date is the end of a term: it does not date the next sentence's event
    text = ("The premier will stay until his term ends on October 30.\n"
            "Japan criticized the United States over the tariffs.")
    [(trigger, date, source)] = [f for f in _dates(extractor, text, APRIL) if f[0] == "criticized"]
    assert (date, source) == (APRIL, "published")
    text = "Japan and the United States held talks on Friday.\nJapan criticized the United States over the tariffs."
    [(trigger, date, source)] = [f for f in _dates(extractor, text, APRIL) if f[0] == "criticized"]
    assert (date, source) == (dt.date(1987, 4, 10), "paragraph")


@pytest.mark.parametrize("text, trigger, day", [
    ("Oman will meet Iran on Friday.", "meet", dt.date(1987, 3, 6)),         # the coming Friday
    ("Oman met Iran on Friday.", "met", dt.date(1987, 2, 27)),                # the last one
    ("The ministers will meet on March 20.", "meet", dt.date(1987, 3, 20)),
    ("Syria said its foreign minister would visit Jordan on Thursday.", "visit", dt.date(1987, 3, 5)),
])
def test_the_tense_decides_which_way_a_day_points(extractor, text, trigger, day):
    assert (trigger, day, "sentence") in _dates(extractor, text, MONDAY)


def test_a_day_and_month_in_a_past_tense_clause_is_the_last_one():
    # published 5 January 1988: "met on December 28" is 1987, "will meet on January 9" 1988
    jan = dt.date(1988, 1, 5)
    assert resolve_date_expression("December 28", jan, "past") == dt.date(1987, 12, 28)
    assert resolve_date_expression("January 3", jan, "past") == dt.date(1988, 1, 3)
    assert resolve_date_expression("January 9", jan, "future") == dt.date(1988, 1, 9)
    assert resolve_date_expression("December 28", jan, "future") == dt.date(1988, 12, 28)
    # no tense: the nearest, as before
    assert resolve_date_expression("December 28", jan) == dt.date(1987, 12, 28)


@pytest.mark.parametrize("text", ["within 60 days", "60 days", "for two weeks", "the past three months",
                                  "two years", "within 30 days", "over the next six months"])
def test_a_length_of_time_names_no_day(text):
    assert resolve_date_expression(text, MONDAY) is None
    assert resolve_date_expression(text, MONDAY, "future") is None


def test_a_deadline_within_days_does_not_date_the_event_before_publication(extractor):
    found = _dates(extractor, "Iraq demanded that Iran free the sailors within 60 days.", MONDAY)
    assert found and {d for _, d, _ in found} == {MONDAY}
    assert resolve_date_expression("two days ago", MONDAY) == dt.date(1987, 2, 28)  # anchored: a day
