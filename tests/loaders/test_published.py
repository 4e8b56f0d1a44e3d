"""Publication dates: only forms that cannot be read two ways (issue 19, item 7)."""

import datetime as dt
import json

import pytest

from geopolkg.errors import LoaderError
from geopolkg.loaders import iter_articles
from geopolkg.loaders.published import ACCEPTED_FORMS, parse_feed_date, parse_published

TEXT = "Kabul rejected the plan of the United States on Friday."


@pytest.mark.parametrize("value, why", [
    ("Aug 5, 62", "could be read two ways"),     # 1962 or 2062
    ("8/14/62", "could be read two ways"),
    ("03/04/2024", "could be read two ways"),    # 3 April or 4 March
    ("4.3.2024", "could be read two ways"),
    ("2024-13-01", "not a real ISO 8601 date"),  # no 13th month; not 13 January
    ("2025-02-29", "not a real ISO 8601 date"),  # 2025 is no leap year
    ("31 February 2024", "no such day"),
    ("Sat, 20 Sep 25 09:31:01 +0900", "four digits"),
    ("yesterday", ""),
    ("September 2025", ""),                      # no day
])
def test_ambiguous_or_impossible_dates_are_refused_with_the_accepted_forms(value, why):
    with pytest.raises(LoaderError) as info:
        parse_published(value, "story.meta.json")
    message = str(info.value)
    assert "\n" not in message and message.startswith("story.meta.json: bad publication date")
    assert repr(value) in message and why in message
    assert all(repr(form) in message for form in ACCEPTED_FORMS)


@pytest.mark.parametrize("value, expected", [
    ("2025-09-20", dt.date(2025, 9, 20)),
    ("20 September 2025", dt.date(2025, 9, 20)),
    ("September 20, 2025", dt.date(2025, 9, 20)),
    ("Sat 20 Sep 2025", dt.date(2025, 9, 20)),
    ("2 Aug 1990", dt.date(1990, 8, 2)),
    ("2025-09-20T09:31:01+09:00", dt.datetime(2025, 9, 20, 9, 31, 1, tzinfo=dt.timezone(dt.timedelta(hours=9)))),
    ("Sat, 20 Sep 2025 09:31:01 +0900", dt.datetime(2025, 9, 20, 9, 31, 1, tzinfo=dt.timezone(dt.timedelta(hours=9)))),
    ("1987-02-26T15:01:01", dt.datetime(1987, 2, 26, 15, 1, 1, tzinfo=dt.timezone.utc)),  # no zone: UTC
])
def test_each_accepted_form_keeps_its_day_and_offset(value, expected):
    parsed = parse_published(value, "x")
    assert parsed == expected and type(parsed) is type(expected)
    if isinstance(expected, dt.datetime):
        assert parsed.utcoffset() == expected.utcoffset()


def test_a_number_is_not_a_date():
    with pytest.raises(LoaderError, match="not text but int"):
        parse_published(1700000000, "a.jsonl:3")


def test_feed_dates_keep_the_publishers_offset_and_read_two_digit_years_by_rfc_5322():
    saturday = parse_feed_date("Sat, 02 Mar 2024 05:00 +1400", "f")
    assert (saturday.date(), saturday.hour, saturday.utcoffset()) == (dt.date(2024, 3, 2), 5, dt.timedelta(hours=14))
    # RSS 2.0 allows two-digit years; RFC 5322 section 4.3: 50-99 are 19xx, 00-49 are 20xx
    assert parse_feed_date("Sun, 05 Aug 62 10:00 GMT", "f").year == 1962
    assert parse_feed_date("Sat, 02 Mar 24 05:00 +0800", "f").year == 2024
    atom = parse_feed_date("2024-03-02T06:30:00+08:00", "f")
    assert (atom.date(), atom.utcoffset()) == (dt.date(2024, 3, 2), dt.timedelta(hours=8))
    with pytest.raises(LoaderError, match="bad publication date"):
        parse_feed_date("03/02/2024", "f")


def test_json_lines_sidecars_and_the_published_option_refuse_ambiguous_dates(tmp_path):
    lines = tmp_path / "a.jsonl"
    lines.write_text(json.dumps({"id": "a1", "text": TEXT, "published": "03/04/2024"}) + "\n"
                     + json.dumps({"id": "a2", "text": TEXT, "published": "2024-04-03"}) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.meta.json").write_text(json.dumps({"published": "8/14/62"}), encoding="utf-8")
    errors = []
    articles = list(iter_articles([lines, tmp_path / "b.txt"], errors=errors))
    assert [(a.id, a.published) for a in articles] == [("a2", dt.date(2024, 4, 3))]
    assert [str(e).split(": bad publication date")[0] for e in errors] == [f"{lines}:1", str(tmp_path / "b.txt")]


def test_a_bad_published_option_is_refused_before_anything_is_stored(tmp_path):
    from click.testing import CliRunner

    from geopolkg.cli import cli

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--store", str(tmp_path / "st"),
                                      "--published", "2024-13-01", "-q"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "bad publication date '2024-13-01'" in result.output
    assert not (tmp_path / "st").exists()


def test_database_exports_with_utc_written_out_are_read():
    # BigQuery and many database exports write "2019-10-24 14:30:00 UTC"
    assert parse_published("2019-10-24 14:30:00 UTC", "x") == dt.datetime(2019, 10, 24, 14, 30, tzinfo=dt.timezone.utc)
    assert parse_published("2019-10-24T14:30:00 GMT", "x").utcoffset() == dt.timedelta(0)
    with pytest.raises(LoaderError, match="'2019-10-24 25:30:00 UTC'"):
        parse_published("2019-10-24 25:30:00 UTC", "x")


def test_an_rfc_822_offset_written_with_a_colon_is_kept():
    # email.utils reads "+14:00" as no offset; some feed generators write it so
    parsed = parse_feed_date("Sat, 2 Mar 2024 05:00:00 +14:00", "f")
    assert (parsed.hour, parsed.utcoffset()) == (5, dt.timedelta(hours=14))
