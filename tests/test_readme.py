"""The README's promises: its library example runs and type-checks, and its first command works."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _library_example() -> str:
    section = README.split("## Use as a library", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README's library section has no python example"
    return match.group(1)


def test_the_library_example_runs(tmp_path: Path) -> None:
    script = tmp_path / "example.py"
    script.write_text(_library_example(), encoding="utf-8")
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}  # the cache goes to this home, not the user's
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "PROGRAMME 8 weeks" in result.stdout
    assert "file not found" in result.stdout
    assert "handouts" in result.stdout and (tmp_path / "handouts" / "manifest.json").is_file()


def test_the_library_example_passes_mypy_strict(tmp_path: Path) -> None:
    script = tmp_path / "example.py"
    script.write_text(_library_example(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_starts_with_the_two_commands_and_ci_runs_the_second() -> None:
    block = README.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2 and "rehabgen plan examples/profile.yaml -o handout.pdf" in block[0]
    assert block[1].endswith("-m pytest")
    assert block[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
