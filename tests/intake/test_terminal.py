"""``rehabgen intake`` driven in a real pseudo-terminal, as a person at a keyboard would use it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from rehabgen.io.profiles import load_profile
from rehabgen.model.catalogue import Catalogue
from rehabgen.plan.planner import build_programme
from tests.conftest import FIXTURES

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

# The runner of tests/fixtures/intake_runner.yaml, typed in answer to each question number.
RUNNER_ANSWERS: list[tuple[int, str]] = [
    *((n, "n") for n in range(1, 14)),
    (14, "y"),  # pain worse on coughing
    (15, "n"),
    (16, "2"),  # one leg, above the knee
    (17, "1"),
    (18, "1"),
    (22, ""),  # distances: what is usual where I live
    (23, ""),  # language: English
    (24, "34"),
    (25, "1"),  # female
    (26, ""),  # no birth in the last year
    (28, "4"),
    (29, "3"),
    (30, "5 12"),  # weak core; bending forward and sitting make it worse
    (31, "n"),
    (33, "40"),
    (34, "16"),
    (35, ""),
    (36, "half marathon in 12 weeks"),
    (37, "2"),  # resistance band
    (38, ""),
    (39, ""),
    (40, "2026-12-07"),
    (41, "Zoe Angstrom"),
]


PROMPT = ">"  # prompt_toolkit draws "> " as ">" and a cursor move


def _spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "COLUMNS": "100", "LINES": "40"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "rehabgen", "intake", *args],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=15,
        dimensions=(40, 100),
    )
    child.delaybeforesend = None  # each answer waits for its question already
    return child


def _answer(child: pexpect.spawn, number: int, text: str) -> None:
    child.expect(rf"\n{number}\. ")
    child.expect_exact(PROMPT)
    child.sendline(text)


def test_a_red_flag_first_stops_with_the_emergency_message_and_saves_nothing(tmp_path: Path) -> None:
    child = _spawn(tmp_path, "-o", "profile.yaml", "--region", "GB")
    child.expect("First: warning signs")
    _answer(child, 1, "y")
    child.expect("STOP. Do not start any exercises. Get emergency help now.")
    child.expect("Call 999 or go to A&E now")
    child.expect("Nothing was saved and no exercise plan was made.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert list(tmp_path.iterdir()) == []


def test_without_a_region_an_emergency_lists_every_regions_number(tmp_path: Path) -> None:
    child = _spawn(tmp_path)
    _answer(child, 1, "n")
    _answer(child, 2, "yes")
    child.expect("local emergency number")
    child.expect("United States: Call 911")
    child.expect(pexpect.EOF)
    assert list(tmp_path.iterdir()) == []


def test_an_invalid_answer_is_asked_again_with_the_reason(tmp_path: Path) -> None:
    child = _spawn(tmp_path, "--region", "GB")
    for number, text in RUNNER_ANSWERS[:20]:
        _answer(child, number, text)
    _answer(child, 24, "5")
    child.expect("That answer cannot be used: it must be from 10 to 100. Please answer again.")
    child.expect_exact(PROMPT)
    child.sendline("thirty")
    child.expect("please write a whole number from 10 to 100")
    child.expect_exact(PROMPT)
    child.sendline("34")
    child.expect(r"\n25\. What is your sex\?")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130 and list(tmp_path.iterdir()) == []


def test_a_completed_intake_writes_the_same_profile_as_the_hand_written_one(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    existing = tmp_path / "profile.yaml"
    existing.write_text("# someone else's file\n", encoding="utf-8")
    child = _spawn(tmp_path, "-o", "profile.yaml", "--region", "GB")
    for number, text in RUNNER_ANSWERS:
        _answer(child, number, text)
    child.expect("Outcome: Exercise plan, with advice to see a clinician soon")
    child.expect(r"profile.yaml already exists. Replace it\? \[y/N\]")
    child.sendline("")  # no: name another file
    child.expect(r"Save the answers as \[profile.yaml\]:")
    child.sendline("answers.yaml")
    child.expect("Saved answers.yaml")
    child.expect(r"Make the handout now\? \[Y/n\]")
    child.sendline("y")
    child.expect(r"Save the handout as \[handout.pdf\]:")
    child.sendline("handout.html")  # the web page: the quickest handout to make
    child.expect("Saved handout.html", timeout=30)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert existing.read_text(encoding="utf-8") == "# someone else's file\n"
    assert "<h1" in (tmp_path / "handout.html").read_text(encoding="utf-8")
    written = load_profile(tmp_path / "answers.yaml")
    by_hand = load_profile(FIXTURES / "intake_runner.yaml")
    assert written == by_hand
    assert build_programme(written, catalogue) == build_programme(by_hand, catalogue)


def test_without_a_terminal_it_says_how_to_use_it_and_exits_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rehabgen", "intake"], cwd=tmp_path, input="", capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "standard input is not one" in result.stderr and "rehabgen questions -o intake-form.pdf" in result.stderr
    assert list(tmp_path.iterdir()) == []
