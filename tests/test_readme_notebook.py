"""The README's notebook examples, run as they are written, in order, in an empty folder.

A ``print(...)`` line with a comment must print what the comment says.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _blocks() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Notebooks", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.+?)\n```", section, flags=re.DOTALL)


def _expected(code: str) -> list[str | None]:
    """What each print() of the code must print (None: anything), from its line's comment."""
    out = []
    for line in code.splitlines():
        if line.lstrip().startswith("print("):
            comment = re.search(r"\)\s+#\s(.+)$", line)
            out.append(comment.group(1).strip() if comment else None)
    return out


def test_the_readme_notebook_examples_run_as_documented(tmp_path, monkeypatch):
    blocks = _blocks()
    assert len(blocks) >= 4
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GEOPOLKG_STORE", raising=False)
    printed: list[str] = []
    namespace = {"print": lambda *args: printed.append(" ".join(map(str, args)))}
    expected: list[str | None] = []
    for code in blocks:
        exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the project's own README
        expected += _expected(code)
    assert len(printed) == len(expected)
    for got, want in zip(printed, expected):
        if want is not None:
            assert got == want
    # and what the examples say beyond their prints
    assert (tmp_path / "iran.png").read_bytes().startswith(b"\x89PNG")
    assert namespace["overview"]._repr_html_().startswith("<iframe srcdoc=")
    assert os.path.isdir(tmp_path / "notebook-store")
