"""Inputs that would exhaust or hang: alias bombs, pipes, devices and huge files fail at once (exit 1).

The subprocess tests carry a generous time limit as a guard against a hang; they assert no timing otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rehabgen.cli.app import app
from rehabgen.errors import InputError
from rehabgen.io.limits import MAX_FILE_BYTES, MAX_YAML_VALUES
from rehabgen.io.reader import count_values, parse_yaml, read_text
from tests.conftest import EXAMPLES, ROOT

runner = CliRunner()
GUARD_S = 60  # a hang or a full expansion takes minutes or runs out of memory; a refusal takes well under 2 s


def bomb(levels: int = 9, key: str = "causes") -> str:
    """A "billion laughs" document: nine aliases of nine aliases …, a few hundred bytes, 9**levels values."""
    lines = ['l0: &l0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]")
    lines.append(f"{key}: *l{levels - 1}")
    return "\n".join(lines) + "\n"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_an_alias_bomb_is_refused_without_expanding_it() -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml(bomb(), "p.yaml")
    assert "once its aliases (*name) are expanded" in caught.value.problems[0].message
    expanded, distinct = count_values(parse_yaml(bomb(2), "p.yaml"))
    assert expanded == 1 + 3 + 10 + 91 + 91 and distinct == 15  # root, keys, l0, l1, causes; each list once


def test_a_few_aliases_are_fine() -> None:
    assert parse_yaml("a: &x [1, 2]\nb: *x\n", "p.yaml") == {"a": [1, 2], "b": [1, 2]}


def test_a_document_that_contains_itself_is_refused() -> None:
    with pytest.raises(InputError, match="refers to itself"):
        parse_yaml("a: &a [1, *a]\n", "p.yaml")


def test_too_many_values_without_aliases_is_refused() -> None:
    text = "causes: [" + ", ".join(["x"] * (MAX_YAML_VALUES + 1)) + "]\n"
    with pytest.raises(InputError, match="split it up"):
        parse_yaml(text, "p.yaml")


@pytest.mark.parametrize("kind", ["profile", "template", "clinic", "catalogue", "roster"])
def test_an_alias_bomb_in_any_input_exits_1(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.yaml"
    path.write_text(bomb())
    profile, out = str(EXAMPLES / "profile.yaml"), str(tmp_path / "out")
    args = {
        "profile": ["plan", str(path), "--format", "json"],
        "template": ["plan", profile, "--format", "json", "--template", str(path)],
        "clinic": ["plan", profile, "--format", "json", "--clinic", str(path)],
        "catalogue": ["catalogue", "list", "--catalogue", str(tmp_path)],
        "roster": ["batch", str(path), "--out", out, "--format", "json"],
    }[kind]
    code, _, err = run(*args)
    assert code == 1, err
    assert "aliases (*name) are expanded" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def _limited(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run rehabgen in a subprocess with at most 1.5 GB of address space and the time guard."""

    def limit_memory() -> None:  # pragma: no cover - runs in the child
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))

    return subprocess.run(
        [sys.executable, "-m", "rehabgen", *args],
        capture_output=True,
        text=True,
        timeout=GUARD_S,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        preexec_fn=limit_memory if sys.platform.startswith("linux") else None,
        check=False,
    )


def test_validate_with_the_cache_on_refuses_a_bomb_at_once(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(bomb(key="age"))
    proc = _limited("validate", str(path), env={"REHABGEN_CACHE_DIR": str(tmp_path / "cache")})
    assert proc.returncode == 1, proc.stderr
    assert "aliases (*name) are expanded" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "profile.yaml"
    os.mkfifo(fifo)
    proc = _limited("plan", str(fifo), "--format", "json")
    assert proc.returncode == 1 and "is not an ordinary file" in proc.stderr
    roster = tmp_path / "roster.csv"
    os.mkfifo(roster)
    proc = _limited("batch", str(roster), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1 and "is not an ordinary file" in proc.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_that_never_end_are_refused(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    with pytest.raises(InputError, match="not an ordinary file"):
        read_text(Path(device))
    code, _, err = run("plan", device, "--format", "json")
    assert code == 1 and "not an ordinary file" in err


def test_a_file_far_larger_than_any_profile_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    code, _, err = run("plan", str(path), "--format", "json")
    assert code == 1 and "is larger than 4 MB" in err


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("pain_nprs: yes", "'yes' would be read as true; write true or false"),
        ("pain_nprs: off", "'off' would be read as false"),
        ("weekly_running_km: 040", "'040' would be read as an octal number; write 40 without the leading 0"),
        ("symptom_duration_weeks: 1:30", "'1:30' would be read as minutes and seconds (1:30 is 90)"),
        ("weekly_running_km: 0x1F", "write a plain decimal number"),
        ("weekly_running_km: 1_000", "write a plain decimal number"),
        ("easy_pace_min_per_km: 5:30.5", "minutes and seconds"),
        ("easy_pace_min_per_km: .nan", "not a finite number"),
    ],
)
def test_yaml_1_1_surprises_are_refused_with_how_to_write_them(tmp_path: Path, line: str, says: str) -> None:
    base = {"age": "30", "weekly_running_km": "20", "pain_nprs": "2", "symptom_duration_weeks": "3"}
    key = line.split(":")[0]
    text = "".join(f"{k}: {v}\n" for k, v in base.items() if k != key) + line + "\n"
    path = tmp_path / "p.yaml"
    path.write_text(text)
    code, _, err = run("plan", str(path), "--format", "json")
    assert code == 1 and says in err and f"p.yaml:{text.count(chr(10))}:" in err


def test_every_yaml_1_1_surprise_is_listed_at_once() -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml("a: yes\nb: 010\nc: 2:00\n", "p.yaml")
    assert [p.line for p in caught.value.problems] == [1, 2, 3]


def test_plain_values_still_read_as_usual() -> None:
    text = "a: true\nb: False\nc: 40\nd: -3\ne: 6.5\nf: .5\ng: '040'\nh: 'yes'\ni: 08\nj: 1e3\n"
    assert parse_yaml(text, "p.yaml") == {
        "a": True,
        "b": False,
        "c": 40,
        "d": -3,
        "e": 6.5,
        "f": 0.5,
        "g": "040",
        "h": "yes",
        "i": "08",  # not octal in YAML 1.1: text, which the model reads as 8
        "j": "1e3",
    }


def test_many_bad_values_list_the_first_fifty_and_count_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "age: 30\nweekly_running_km: 1\npain_nprs: 1\nsymptom_duration_weeks: 1\n"
        "causes: [" + ", ".join(f"c{i}" for i in range(5000)) + "]\n"
    )
    code, _, err = run("plan", str(path), "--format", "json")
    assert code == 1 and "… and 4,950 more problem(s)" in err
    assert len(err.splitlines()) < 60
