"""Timelines: counts per window, the selection, the offline page and the picture, the commands."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

import geopolkg.api as api
from geopolkg.cli import cli
from geopolkg.errors import ViewError
from geopolkg.views.timeline import select_timeline_events, timeline, timeline_rows

NAMES = {"IRNGOV": "Iran", "IRQGOV": "Iraq", "USAGOV": "United States", "KWTGOV": "Kuwait"}
HOSTILE = "<img src=x onerror=alert(1)>"


def event(eid, actor, target, date, *, quad=4, goldstein=-10.0, confidence=1.0, issue=None, code="190"):
    return {"id": eid, "article": "a1", "date": date, "actor": {"code": actor, "name": NAMES[actor]},
            "target": {"code": target, "name": NAMES[target]} if target else None, "event_code": code,
            "event_root": code[:2], "quad_class": quad, "goldstein": goldstein, "plover_type": "", "issue": issue,
            "issue_key": issue.lower() if issue else None, "stance": 0, "confidence": confidence,
            "intent": False, "negated": False, "sentence": f"Sentence {eid} {HOSTILE}.", "char_start": 0,
            "char_end": 1, "trigger": "", "article_title": f"Title {HOSTILE}", "article_url": "javascript:alert(2)"}


EVENTS = [
    event("e1", "IRNGOV", "IRQGOV", "1987-03-02"),                                          # conflict, -10
    event("e2", "IRQGOV", "IRNGOV", "1987-03-30", goldstein=-4.0, confidence=0.5, quad=3, code="112"),
    event("e3", "IRNGOV", "IRQGOV", "1987-03-31", quad=1, goldstein=0.0, code="010"),         # a statement
    event("e4", "IRNGOV", "IRQGOV", "1987-06-10", quad=1, goldstein=3.0, code="036", issue="Ceasefire"),
    event("e5", "USAGOV", "KWTGOV", "1987-04-01", quad=2, goldstein=7.4, code="070"),
    event("e6", "USAGOV", "IRNGOV", "1987-05-01", quad=4, goldstein=-10.0),
    event("e7", "IRNGOV", None, None),                                                        # undated
]


def test_rows_count_cooperation_statements_and_conflict_with_the_tone():
    chosen, what = select_timeline_events(EVENTS, actors=["Iran", "Iraq"])
    assert what == "Iran and Iraq" and [e["id"] for e in chosen] == ["e1", "e2", "e3", "e4"]
    rows = timeline_rows(chosen, "month")
    assert [r["window"] for r in rows] == ["1987-03", "1987-04", "1987-05", "1987-06"]  # empty months kept
    march = rows[0]
    assert (march["conflict"], march["neutral"], march["cooperation"], march["events"]) == (2, 1, 0, 3)
    # (-10 x 1 + -4 x 0.5 + 0 x 1) / 2.5
    assert march["tone"] == -4.8
    assert (march["start"], march["end"]) == (dt.date(1987, 3, 1), dt.date(1987, 3, 31))
    assert march["evidence"] == {"conflict": ["e1", "e2"], "neutral": ["e3"], "cooperation": []}
    assert rows[1]["events"] == 0 and rows[1]["tone"] is None
    assert (rows[3]["cooperation"], rows[3]["tone"]) == (1, 3.0)
    weeks = timeline_rows(chosen, "week")
    # 1987-03-02 is a Monday (ISO week 10); the 30th and 31st are in week 14
    assert [(r["window"], r["events"]) for r in weeks[:5]] == [
        ("1987-W10", 1), ("1987-W11", 0), ("1987-W12", 0), ("1987-W13", 0), ("1987-W14", 2)]
    assert weeks[0]["start"] == dt.date(1987, 3, 2) and weeks[0]["end"] == dt.date(1987, 3, 8)


def test_selection_by_one_actor_an_issue_and_days():
    ids = lambda **kw: [e["id"] for e in select_timeline_events(EVENTS, **kw)[0]]  # noqa: E731
    assert ids(actors=["USAGOV"]) == ["e5", "e6"]
    assert ids(actors="Kuwait") == ["e5"]  # one string is one actor
    assert ids(issue="cease") == ["e4"]
    assert ids(since="1987-04-01", until="1987-05-01") == ["e5", "e6"]
    assert ids() == ["e1", "e2", "e3", "e4", "e5", "e6"]  # undated e7 has no window
    with pytest.raises(ViewError, match="no actor matches 'Atlantis'"):
        select_timeline_events(EVENTS, actors=["Atlantis"])
    with pytest.raises(ViewError, match="one pair"):
        select_timeline_events(EVENTS, actors=["Iran", "Iraq", "Kuwait"])
    with pytest.raises(ViewError, match="--window"):
        timeline_rows(EVENTS[:1], "year")


DATA = re.compile(r'<script type="application/json" id="timeline-data">(.*?)</script>', re.DOTALL)


def test_page_is_offline_and_keeps_article_text_out_of_plotly():
    t = timeline(EVENTS, actors=["Iran", "Iraq"], title="T <b>1</b>")
    page = t.page()
    assert "<title>T &lt;b&gt;1&lt;/b&gt;</title>" in page
    assert not re.search(r"<(?:script|link|img)\b[^>]*\b(?:src|href)=", page, flags=re.IGNORECASE)
    assert "plotly.js v" in page and "Plotly.newPlot(" in page
    assert HOSTILE not in page  # only escaped, inside the JSON data block
    data = json.loads(DATA.search(page).group(1))
    figure = json.dumps(data["figure"])
    assert "Sentence" not in figure and "Title" not in figure and "Iran" not in figure
    listed = data["lists"]["1987-03|conflict"]
    assert listed["total"] == 2 and [e["sentence"] for e in listed["events"]] == [
        f"Sentence e1 {HOSTILE}.", f"Sentence e2 {HOSTILE}."]
    assert listed["events"][0]["url"] is None  # javascript: is not a link
    assert listed["events"][0]["name"] == "Conventional military action"  # the CAMEO name of 190
    bars = {trace["name"]: trace for trace in data["figure"]["data"]}
    assert bars["conflict"]["y"][:4] == [-2, 0, 0, 0] and bars["cooperation"]["y"][3] == 1
    assert bars["tone (mean Goldstein)"]["y"] == [-4.8, None, None, 3.0]
    app = page.rsplit("</script>", 2)[-2]
    assert "innerHTML" not in app and "insertAdjacentHTML" not in app and "eval(" not in app


def test_picture_and_frame(tmp_path):
    t = timeline(EVENTS, window="month")
    png = t.save(tmp_path / "t.png")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = t.save(tmp_path / "t.out", "svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "<img" not in svg
    with pytest.raises(ViewError, match="says png"):
        t.save(tmp_path / "t.png", "svg")
    frame = t.to_frame()
    assert list(frame.columns) == ["window", "start", "end", "events", "cooperation", "neutral", "conflict", "tone"]
    assert str(frame.dtypes["start"]) == "datetime64[ns]" and str(frame.dtypes["conflict"]) == "Int64"
    assert frame["events"].sum() == 6
    assert t._repr_html_().startswith("<iframe srcdoc=")


def test_timeline_and_trends_commands_on_the_seed_article(seed_store, tmp_path):
    out = tmp_path / "t.html"
    result = CliRunner().invoke(cli, ["timeline", "--store", str(seed_store), "--actor", "USAGOV",
                                      "--actor", "Taliban", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out}\n"
    data = json.loads(DATA.search(out.read_text(encoding="utf-8")).group(1))
    records = [e for e in api.events(seed_store) if e["target"] and {e["actor"]["code"], e["target"]["code"]}
               == {"USAGOV", "AFGGOV"}]
    assert sum(r["events"] for r in data["rows"]) == len(records) > 0
    assert data["rows"][0]["window"] == "2025-09"  # the article's month
    png = tmp_path / "w.png"
    result = CliRunner().invoke(cli, ["trends", "--store", str(seed_store), "--window", "week", "-o", str(png)])
    assert result.exit_code == 0 and f"wrote {png}" in result.stderr
    assert png.read_bytes().startswith(b"\x89PNG")
    result = CliRunner().invoke(cli, ["timeline", "--store", str(seed_store), "--actor", "Atlantis",
                                      "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 1 and "no actor matches 'Atlantis'" in result.stderr
    assert not (tmp_path / "x.html").exists()
