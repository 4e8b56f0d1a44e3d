"""A user's actor dictionary in the store folder changes what ingest into that store finds."""

import json

from click.testing import CliRunner

from geopolkg.cli import cli


def test_actors_added_to_a_store_are_used_by_ingest_into_it(tmp_path, monkeypatch):
    monkeypatch.delenv("GEOPOLKG_STORE", raising=False)
    runner = CliRunner()
    store = str(tmp_path / "s")
    story = tmp_path / "zlf.txt"
    story.write_text("The Zarvani Liberation Front attacked a police post in Afghanistan on Monday.")
    before = runner.invoke(cli, ["ingest", str(story), "--store", str(tmp_path / "plain"), "--published", "2025-10-01"])
    assert before.exit_code == 0 and "with 0 event(s)" in before.output  # unknown group: no actor
    added = runner.invoke(cli, ["actors", "add", "Zarvani Liberation Front", "--code", "AFGREB",
                                "--alias", "ZLF", "--kind", "armed group", "--store", store])
    assert added.exit_code == 0, added.output
    result = runner.invoke(cli, ["ingest", str(story), "--store", store, "--published", "2025-10-01"])
    assert result.exit_code == 0, result.output
    events = json.loads(runner.invoke(cli, ["events", "--store", store, "--format", "json"]).output)
    assert [(e["actor"]["code"], e["event_code"][:2]) for e in events] == [("AFGREB", "19")]
