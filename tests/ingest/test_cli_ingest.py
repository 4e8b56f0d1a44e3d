"""The ingest command on a feed: a summary line only when not on a terminal, and a fast second run."""

from __future__ import annotations

import re

from click.testing import CliRunner

from geopolkg.cli import cli
from shared_data import shared_path


def test_ingest_feed_twice_prints_only_the_summary(tmp_path):
    feed = shared_path("articles", "guardian-world.rss")
    store = tmp_path / "store"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(feed), "--store", str(store), "--jobs", "1"])
    assert first.exit_code == 0, first.output
    # not a terminal: no progress bar, one summary line
    lines = first.output.strip().splitlines()
    assert len(lines) == 1
    assert re.match(r"stored 55 article\(s\) with \d+ event\(s\); 0 unchanged; 0 failed; store: ", lines[0])
    second = runner.invoke(cli, ["ingest", str(feed), "--store", str(store), "-q"])
    assert second.exit_code == 0
    assert re.match(r"stored 0 article\(s\) with 0 event\(s\); 55 unchanged; 0 failed", second.output)


def test_scheduler_needs_the_dask_engine(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--engine dask" in result.output


def test_progress_counts_from_the_inputs(tmp_path):
    from geopolkg.ingest.count import estimate_articles

    (tmp_path / "a.txt").write_text("Kabul rejected the plan.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    assert estimate_articles([tmp_path, shared_path("articles", "guardian-world.rss")]) == 1 + 2 + 55
    (tmp_path / "c.warc").write_bytes(b"")
    assert estimate_articles([tmp_path]) is None  # a WARC cannot be counted without reading it
