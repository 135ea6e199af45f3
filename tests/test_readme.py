"""The README's promises: its library example runs and type-checks, its first command works, and its review
example of a clinician's adjustments is the shipped one and does what the README says."""

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


def _adjustments_example() -> str:
    section = README.split("### Adjusting a plan, and reissuing it at a review", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert match, "the README's adjustments section has no YAML example"
    return match.group(1)


def test_the_adjustments_example_is_the_review_profile_and_does_what_the_readme_says(tmp_path: Path) -> None:
    import json

    import yaml

    shown = yaml.safe_load(_adjustments_example())
    review = yaml.safe_load((ROOT / "examples" / "review.yaml").read_text(encoding="utf-8"))
    assert shown["adjustments"] == review["adjustments"], "the README's example and examples/review.yaml differ"
    assert "`rehabgen plan examples/review.yaml -o handout.pdf` prints the plan from week 5" in README
    out = tmp_path / "review.json"
    command = [sys.executable, "-m", "rehabgen", "plan", "examples/review.yaml", "-o", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))["adjustments"]
    refused = {(r["item"], r["code"]) for r in report["refused"]}
    assert refused == {
        ("pin goblet_squat", "adjustment_needs_equipment"),
        ("dose hamstring_stretch", "adjustment_dose_lowered"),
    }
    for item, code in refused:  # each named in the README and warned about on stderr
        assert f"`{code}`" in README and f"{item}: " in result.stderr and f"({code})" in result.stderr
    applied = {a["item"] for a in report["applied"]}
    assert {"drop pogo_hops", "swap lunge → split_squat", "notes split_squat", "note", "next_appointment"} <= applied
    assert report["from_week"] == 5
