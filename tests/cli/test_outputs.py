"""One rule for every output a command writes (-o, --image, --out): checked before any work, exit 2 if broken.

`-` is standard output; a file's suffix names its format; its folder must exist; it is never an input file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rehabgen.cli.app import app
from tests.conftest import EXAMPLES, ROOT

runner = CliRunner()
PROFILE = str(EXAMPLES / "profile.yaml")


def run(*args: str) -> tuple[int, bytes, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout_bytes, result.stderr


def test_the_input_file_is_never_the_output(tmp_path: Path) -> None:
    profile = tmp_path / "patient.json"  # YAML reads JSON, so a profile may well be named .json
    shutil.copy(EXAMPLES / "profile.yaml", profile)
    before = profile.read_bytes()
    code, _, err = run("plan", str(profile), "-o", str(profile))
    assert code == 2 and "is an input file of this command" in err
    (tmp_path / "link.json").symlink_to(profile)
    code, _, err = run("plan", str(profile), "-o", str(tmp_path / "link.json"))
    assert code == 2 and "is an input file" in err
    template = tmp_path / "mine.md.yaml"
    shutil.copy(ROOT / "programs" / "mcgill_core.yaml", template)
    assert profile.read_bytes() == before


@pytest.mark.parametrize(
    ("fmt", "starts"), [("json", b"{"), ("md", b"# "), ("ics", b"BEGIN:VCALENDAR"), ("pdf", b"%PDF")]
)
def test_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, starts: bytes) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("plan", PROFILE, "--format", fmt, "-o", "-")
    assert code == 0, err
    assert out.startswith(starts)
    assert not (tmp_path / "-").exists() and list(tmp_path.iterdir()) == []
    if fmt == "json":
        assert json.loads(out)["status"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses a pseudo-terminal")
def test_a_pdf_is_never_written_to_a_terminal(tmp_path: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "rehabgen", "plan", PROFILE, "--format", "pdf", "-o", "-"],
            stdout=follower,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            timeout=60,
            check=False,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2 and b"is not written to a terminal" in proc.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("plan", PROFILE, "--format", "md", "-o", "{tmp}/y.json"), "the md output is written to a file ending in .md"),
        (("plan", PROFILE, "--format", "pdf", "-o", "{tmp}/y.md"), "ending in .pdf, not '.md'"),
        (("plan", PROFILE, "-o", "{tmp}/y.docx"), "cannot tell the format from '.docx'"),
        (("plan", PROFILE, "-o", "{tmp}/missing/dir/x.pdf"), "the folder {tmp}/missing/dir does not exist"),
        (("catalogue", "sheet", "-o", "{tmp}/sheet.txt"), "ending in .pdf, not '.txt'"),
        (("catalogue", "sheet", "-o", "{tmp}/missing/sheet.pdf"), "does not exist"),
        (("catalogue", "show", "bird_dog", "--image", "{tmp}/b.gif"), "--image: {tmp}/b.gif: the picture is written"),
        (("catalogue", "show", "bird_dog", "--image", "{tmp}/missing/b.png"), "does not exist"),
        (("batch", str(EXAMPLES / "roster.csv"), "--out", "{tmp}/missing/out"), "the folder {tmp}/missing does not"),
    ],
)
def test_one_output_rule_for_every_command(tmp_path: Path, args: tuple[str, ...], says: str) -> None:
    code, out, err = run(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert code == 2, err
    assert says.replace("{tmp}", str(tmp_path)) in err and out == b""
    assert list(tmp_path.iterdir()) == []  # no file, and no folder created


def test_catalogue_show_json_with_an_image_keeps_stdout_pure_json(tmp_path: Path) -> None:
    image = tmp_path / "bird_dog.svg"
    code, out, err = run("catalogue", "show", "bird_dog", "--format", "json", "--image", str(image))
    assert code == 0 and json.loads(out)["id"] == "bird_dog"
    assert str(image) in err and image.read_text().startswith("<?xml")
