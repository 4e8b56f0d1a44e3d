"""The README's promises: two set-up commands first, and .ci/run runs the test one."""

import re
from pathlib import Path

from click.testing import CliRunner

from geopolkg.cli import cli

REPO = Path(__file__).resolve().parents[1]


def _readme_commands():
    return re.findall(r"```bash\n(.+?)\n```", (REPO / "README.md").read_text(encoding="utf-8"))


def test_readme_opens_with_the_two_commands():
    first, second = _readme_commands()[:2]
    assert "geopolkg demo" in first and "pip install" in first
    assert "pytest" in second and "pip install" in second


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert _readme_commands()[1] in ci


def test_every_command_has_help_and_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help"
        assert f"geopolkg {name}" in readme, f"{name} is not documented in the README"
        assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0
