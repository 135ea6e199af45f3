"""Shell completion is on: it installs, and it completes commands, choices, templates and formats."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rehabgen.cli.app import app

SCRIPT = shutil.which("rehabgen", path=str(Path(sys.executable).parent))


def _complete(words: str) -> list[str]:
    assert SCRIPT, "the rehabgen console script is installed beside the interpreter"
    env = {**os.environ, "_REHABGEN_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    proc = subprocess.run([SCRIPT], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("rehabgen pl", ["plan"]),
        ("rehabgen catalogue s", ["show", "sheet"]),
        ("rehabgen plan p.yaml --page-size ", ["A4", "letter"]),
        ("rehabgen plan p.yaml --template mc", ["mcgill_core"]),
        ("rehabgen plan p.yaml --format ", ["pdf", "json", "md", "ics"]),
        ("rehabgen schema ", ["exercise", "profile", "template", "programme", "clinic"]),
    ],
)
def test_completion_completes(words: str, expected: list[str]) -> None:
    assert set(expected) <= set(_complete(words))


def test_completion_can_be_shown_and_installed(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["--show-completion", "bash"])
    assert shown.exit_code == 0 and "_REHABGEN_COMPLETE" in shown.stdout
    installed = runner.invoke(app, ["--install-completion", "bash"], env={"HOME": str(tmp_path)})
    assert installed.exit_code == 0, installed.stderr
    assert "_REHABGEN_COMPLETE" in (tmp_path / ".bash_completions" / "rehabgen.sh").read_text()
