"""Every command and option a user can type is documented in the README."""

from __future__ import annotations

import re

import typer.main

from communique.cli import app
from tests.conftest import ROOT


def test_commands_and_options_are_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_group(app)
    missing = []
    for name, command in group.commands.items():
        if f"communique {name}" not in readme:
            missing.append(f"command {name}")
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and not re.search(rf"{re.escape(opt)}\b", readme):
                    missing.append(f"{name} {opt}")
    assert not missing, f"undocumented in README: {missing}"


def test_make_targets_are_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test", "eval", "bench", "lint"):
        assert f"{target}:" in makefile
        assert f"make {target}" in readme


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
