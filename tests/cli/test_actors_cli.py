"""The ``geopolkg actors`` commands: list, show, add, import."""

import json

import pytest
from click.testing import CliRunner

from geopolkg.cli import cli


@pytest.fixture()
def run(monkeypatch):
    monkeypatch.delenv("GEOPOLKG_ACTORS", raising=False)

    def invoke(*args):
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return invoke


def test_list_as_json_without_a_store(run, tmp_path):
    result = run("actors", "--store", tmp_path / "none", "--format", "json", "--kind", "organization")
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in json.loads(result.output)}
    assert rows["NATO"]["code"] == "IGONAT" and rows["NATO"]["mentions"] == 0
    assert "North Atlantic Treaty Organization" in rows["NATO"]["aliases"]
    assert {r["kind"] for r in rows.values()} == {"organization"}


def test_add_then_show_then_list(run, tmp_path):
    store = tmp_path / "store"
    result = run("actors", "add", "Ingrid Solberg", "--code", "NORGOV", "--alias", "Solberg",
                 "--role", "foreign minister", "--from", "2024-01-01", "--until", "2025-06-30", "--store", store)
    assert result.exit_code == 0, result.output
    assert (store / "actors.yaml").is_file()
    shown = run("actors", "show", "Solberg", "--store", store, "--format", "json")
    row = json.loads(shown.output)
    assert (row["name"], row["country"], row["codes"]) == ("Ingrid Solberg", "NOR", ["NORGOV", "NORELI"])
    assert row["roles"] == [{"role": "foreign minister", "code": "NORGOV", "from": "2024-01-01",
                             "until": "2025-06-30"}]
    listed = json.loads(run("actors", "--store", store, "--format", "json", "--kind", "person").output)
    assert "Ingrid Solberg" in {r["name"] for r in listed}


def test_add_refuses_a_bad_code(run, tmp_path):
    result = CliRunner().invoke(cli, ["actors", "add", "X", "--code", "no-good", "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and "bad actor code" in result.output
    assert not (tmp_path / "s" / "actors.yaml").exists()


def test_show_an_unknown_actor_fails_cleanly(run, tmp_path):
    result = CliRunner().invoke(cli, ["actors", "show", "Nobody Atall", "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and "no actor named 'Nobody Atall'" in result.output


def test_import_a_petrarch_dictionary(run, tmp_path, monkeypatch):
    source = tmp_path / "mine.actors"
    source.write_text("NORTHERN_FJORD_FRONT_ [NORREBNFL]\n+FJORD_FRONT_\n"
                      "INGRID_SOLBERG_\n\t[NORGOV 20240101-20250630]\n", "utf-8")
    target = tmp_path / "user.yaml"
    result = run("actors", "import", source, "--file", target, "--store", tmp_path / "s")
    assert result.exit_code == 0, result.output
    assert "1 people, 1 organizations" in result.output
    monkeypatch.setenv("GEOPOLKG_ACTORS", str(target))  # a dictionary outside the store folder
    shown = json.loads(run("actors", "show", "Fjord Front", "--format", "json", "--store", tmp_path / "s").output)
    assert (shown["name"], shown["code"], shown["kind"]) == ("Northern Fjord Front", "NORREBNFL", "organization")


def test_seed_article_actors_and_events(run, seed_store):
    rows = {r["name"]: r for r in json.loads(run("actors", "--store", seed_store, "--format", "json",
                                                 "--mentioned").output)}
    # the article is about the US, the Taliban government, China and the UK
    assert rows["Taliban"]["code"] == "AFGGOV" and rows["Taliban"]["mentions"] > 0
    assert rows["United States"]["mentions"] > 0 and rows["China"]["mentions"] > 0
    shown = run("actors", "show", "the Taliban", "--store", seed_store)
    assert shown.exit_code == 0
    assert "Taliban  [armed group]  code AFGGOV" in shown.output
    assert "AFGINS  from 2001-11-14 until 2021-08-14" in shown.output
    detail = json.loads(run("actors", "show", "Taliban", "--store", seed_store, "--format", "json").output)
    assert detail["events"] and all("AFGGOV" in (e["actor"]["code"], (e["target"] or {}).get("code"))
                                    for e in detail["events"])
