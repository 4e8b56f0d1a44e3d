"""``geopolkg view`` and the API behind it, on the seed article's store.

The seed article (bagram-talks.txt, published 2025-09-20) is about three
actors: the US government (Trump's remarks of Thursday 2025-09-18 and the
negotiations reported on the 19th, both aimed at the Taliban), the Taliban
government, and China (whose spokesman spoke on the 20th). How many events
the extractor finds may change, so counts are checked against the stored
event records.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

import geopolkg.api as api
from geopolkg.cli import cli
from geopolkg.graph.level import at_level

DATA = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.DOTALL)
ACTORS = {"USA", "AFG", "CHN"}  # one node per country (geopolkg.graph.level)


@pytest.fixture
def run(seed_store):
    def invoke(*args):
        return CliRunner().invoke(cli, ["view", "--store", str(seed_store), *map(str, args)])
    return invoke


def drawn(page: str):
    data = json.loads(DATA.search(page).group(1))
    return {n["id"] for n in data["nodes"]}, len(data["edges"]), data


def drawn_file(path):
    return drawn(path.read_text(encoding="utf-8"))


def test_actor_view_of_the_seed_article(run, seed_store, tmp_path):
    out = tmp_path / "v.html"
    result = run("-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out}\n" and result.stderr == ""
    nodes, _, data = drawn_file(out)
    records = at_level(api.events(seed_store))
    assert ACTORS <= nodes == {e[role]["code"] for e in records for role in ("actor", "target") if e[role]}
    for node in data["nodes"]:
        assert node["events"] == sum(e["actor"]["code"] == node["id"] for e in records)
        if node["id"] in ACTORS:
            assert node["kind"] == "state"
    # --level sector draws the codes as coded
    sectors = tmp_path / "s.html"
    assert CliRunner().invoke(cli, ["view", "--store", str(seed_store), "-o", str(sectors), "--level", "sector"]).exit_code == 0
    assert {"USAGOV", "AFGGOV", "CHNGOV"} <= drawn_file(sectors)[0]
    assert data["dateRange"] == ["2025-09-18", "2025-09-20"]


def test_events_kind_draws_actors_and_events(run, seed_store, tmp_path):
    out = tmp_path / "e.html"
    assert run("-o", out, "--kind", "events").exit_code == 0
    nodes, edges, _ = drawn_file(out)
    records = at_level(api.events(seed_store))
    actors = {e[role]["code"] for e in records for role in ("actor", "target") if e[role]}
    assert nodes == actors | {"event:" + e["id"] for e in records}
    assert edges == len(records) + sum(1 for e in records if e["target"])  # actor->event, event->target


def test_selection_options(run, tmp_path):
    out = tmp_path / "s.html"
    assert run("-o", out, "--until", "2025-09-19").exit_code == 0
    nodes = drawn_file(out)[0]
    assert {"USA", "AFG"} <= nodes and "CHN" not in nodes  # China speaks only on the 20th
    assert run("-o", out, "--actor", "china", "--hops", "0").exit_code == 0
    assert drawn_file(out)[0] == {"CHN"}
    result = run("-o", out, "--actor", "Atlantis")
    assert result.exit_code == 1
    assert result.stderr == "Error: no actor matches 'Atlantis' in the selected events [GK700]\n"


def test_cap_draws_the_strongest_part_and_says_so_on_one_line(run, seed_store, tmp_path):
    out = tmp_path / "c.html"
    result = run("-o", out, "--max-nodes", "2")
    assert result.exit_code == 0
    assert drawn_file(out)[0] == {"USA", "AFG"}  # the two sides of the talks
    total = api.actor_graph(seed_store).number_of_nodes()
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"note: the selection has {total} actors")
    assert "showing the strongest 2 actors" in lines[0] and f"left out {total - 2} actors" in lines[0]


def test_png_and_svg_snapshots(run, tmp_path):
    assert run("-o", tmp_path / "v.png").exit_code == 0
    assert (tmp_path / "v.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert run("-o", tmp_path / "v.out", "--format", "svg", "--kind", "events").exit_code == 0
    assert "<svg" in (tmp_path / "v.out").read_text(encoding="utf-8")


def test_notebook_display_from_the_api(seed_store):
    view = api.show(seed_store, "bagram", height=500)
    assert view._repr_html_().startswith("<iframe srcdoc=")
    assert ACTORS <= drawn(view.html)[0]
    assert set(api.select_view(seed_store, kind="events", actor="AFG", hops=0).graph) == {"AFG"}


def test_a_format_that_contradicts_the_file_name_is_refused(seed_store, tmp_path):
    from click.testing import CliRunner

    from geopolkg.cli import cli

    out = tmp_path / "x.svg"
    result = CliRunner().invoke(cli, ["view", "--store", str(seed_store), "-o", str(out), "--format", "png"])
    assert result.exit_code == 1 and "says svg" in result.output
    assert not out.exists()
