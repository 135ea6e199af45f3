"""Batch generation: one manifest entry per row, safe names, no overwrite without --force, atomic output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from rehabgen.batch import BatchOptions, run_batch, safe_name
from rehabgen.errors import RosterError
from rehabgen.io.roster import read_roster
from tests.conftest import EXAMPLES, FIXTURES, ROOT

MIXED = FIXTURES / "roster" / "mixed.csv"


def _outside(out: Path, before: set[Path]) -> set[Path]:
    """Files that appeared anywhere under the fixture tree's parent other than inside ``out``."""
    after = {p for p in out.parent.rglob("*") if p.is_file()}
    return {p for p in after - before if out not in p.parents}


def test_mixed_roster_gives_one_entry_per_row_and_nothing_outside_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    result = run_batch(MIXED, BatchOptions(out=out, formats=("json",), jobs=1))
    entries = result.entries
    assert [e.row for e in entries] == list(range(1, 12))
    status = {e.row: e.status for e in entries}
    assert status[3] == status[4] == "INPUT_ERROR"
    assert status[5] == "EMERGENCY_REFERRAL" and status[6] == "URGENT_REFERRAL"
    assert {status[r] for r in (1, 2, 7, 8, 9, 10, 11)} <= {"PROGRAMME", "PROGRAMME_WITH_REFERRAL_ADVICE"}
    bad_age = entries[2].errors[0]
    assert bad_age["path"] == "row 3 › age" and str(bad_age["message"]).startswith("must be ≥ 10")
    assert "did you mean 'weak_glutes'?" in str(entries[3].errors[0]["message"])
    names = [e.outputs[0] for e in entries if e.outputs]
    assert len(names) == len({n.lower() for n in names}) == 9  # duplicates made unique
    assert "A-2_ann_lee.json" in names and "A-1_Ann_Lee.json" in names
    for name in names:
        assert "/" not in name and "\\" not in name and ".." not in name and len(name.encode()) <= 130
    assert any(n.startswith("X-2_CON") for n in names)
    assert any("🏃" in n for n in names)
    assert "row-0011.json" in names
    assert not _outside(out, before)
    assert {p.name for p in out.iterdir()} == {*names, "manifest.json", "manifest.csv"}
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["rows"]) == 11
    assert manifest["summary"] == (
        "7 handouts, 2 referrals, 2 rows with errors. "
        "Urgent: row 5 (R-1, Red Flag): EMERGENCY_REFERRAL; row 6 (R-2, Urgent): URGENT_REFERRAL"
    )
    assert len((out / "manifest.csv").read_text().strip().splitlines()) == 12


def test_reserved_and_hostile_names_are_made_safe() -> None:
    assert safe_name("../../x") == "-.-.-x" or "/" not in safe_name("../../x")
    assert ".." not in safe_name("../../x")
    assert safe_name("CON") == "_CON" and safe_name("lpt1.txt") == "_lpt1.txt"
    assert safe_name("a\x00b\nc") == "a-b_c" or "\x00" not in safe_name("a\x00b\nc")
    assert len(safe_name("é" * 300).encode()) <= 120
    assert safe_name("...") == "unnamed"


def test_rerun_without_force_writes_nothing_and_keeps_every_status(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch(MIXED, BatchOptions(out=out, formats=("json",)))
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.suffix == ".json" and p.name != "manifest.json"}
    time.sleep(0.01)
    again = run_batch(MIXED, BatchOptions(out=out, formats=("json",)))
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name in stamps} == stamps
    assert [e.status for e in again.entries] == [e.status for e in first.entries]  # a referral stays a referral
    kept = [e for e in again.entries if e.skipped]
    assert len(kept) == 9 and all(not e.outputs for e in kept)
    assert again.summary() == (
        "7 handouts, 2 referrals, 2 rows with errors; 9 rows kept files from an earlier run (--force replaces them). "
        "Urgent: row 5 (R-1, Red Flag): EMERGENCY_REFERRAL; row 6 (R-2, Urgent): URGENT_REFERRAL"
    )
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["summary"] == again.summary()
    forced = run_batch(MIXED, BatchOptions(out=out, formats=("json",), force=True))
    assert sum(bool(e.outputs) for e in forced.entries) == 9


def test_csv_and_yaml_rosters_give_the_same_programmes(tmp_path: Path) -> None:
    profiles = [row.data for row in read_roster(EXAMPLES / "roster.csv")]
    yaml_roster = tmp_path / "roster.yaml"
    yaml_roster.write_text(yaml.safe_dump(profiles, allow_unicode=True))
    folder = tmp_path / "folder"
    folder.mkdir()
    for i, profile in enumerate(profiles, 1):
        (folder / f"{i:02d}.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True))
    outputs = {}
    for name, roster in (("csv", EXAMPLES / "roster.csv"), ("yaml", yaml_roster), ("folder", folder)):
        out = tmp_path / name
        run_batch(roster, BatchOptions(out=out, formats=("json",), name_pattern="{row}"))
        outputs[name] = {p.name: json.loads(p.read_text()) for p in out.glob("0*.json")}
    assert outputs["csv"] and outputs["csv"] == outputs["yaml"] == outputs["folder"]


def test_parallel_and_serial_runs_agree(tmp_path: Path) -> None:
    serial = run_batch(MIXED, BatchOptions(out=tmp_path / "a", formats=("json",), jobs=1))
    parallel = run_batch(MIXED, BatchOptions(out=tmp_path / "b", formats=("json",), jobs=2))
    assert [(e.row, e.status, e.outputs) for e in serial.entries] == [
        (e.row, e.status, e.outputs) for e in parallel.entries
    ]
    for name in serial.entries[0].outputs:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_bad_roster_header_fails_before_writing(tmp_path: Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text("patient_id,agee\nA,30\n")
    with pytest.raises(RosterError) as caught:
        run_batch(roster, BatchOptions(out=tmp_path / "out"))
    assert "unknown column 'agee' (did you mean 'age'?)" in str(caught.value)
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_semicolon_separated_csv_is_explained(tmp_path: Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text("age;pain_nprs\n30;2\n")
    with pytest.raises(RosterError, match="separated by commas"):
        list(read_roster(roster))


def test_batch_cli_exit_codes_and_summary(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    cmd = [
        sys.executable,
        "-m",
        "rehabgen",
        "batch",
        str(MIXED),
        "--out",
        str(tmp_path / "o"),
        "--format",
        "json",
        "--jobs",
        "2",
        "--quiet",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().endswith("row 6 (R-2, Urgent): URGENT_REFERRAL")
    assert "row 5 (R-1, Red Flag): EMERGENCY_REFERRAL: the handout says what to do today" in proc.stderr
    assert "row 3: INPUT_ERROR: row 3 › age: must be ≥ 10" in proc.stderr
    assert "Traceback" not in proc.stderr
    good = tmp_path / "good.csv"
    good.write_text("\n".join(MIXED.read_text().splitlines()[:3]) + "\n")
    proc = subprocess.run(
        [*cmd[:4], str(good), *cmd[5:]], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert proc.returncode == 0, proc.stderr


def test_interrupted_run_leaves_only_complete_files(tmp_path: Path) -> None:
    """Kill a batch mid-run: every visible output is a complete PDF and the manifest parses."""
    roster = tmp_path / "big.csv"
    lines = MIXED.read_text().splitlines()
    roster.write_text(
        lines[0] + "\n" + "\n".join(f"K-{i},Runner {i},30,20,2,8,weak_core,,,2" for i in range(24)) + "\n"
    )
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "rehabgen", "batch", str(roster), "--out", str(out), "--jobs", "2", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.pdf"))) < 4:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    pdfs = list(out.glob("*.pdf"))
    assert pdfs, "the batch produced nothing before it was killed"
    for pdf in pdfs:
        PdfReader(BytesIO(pdf.read_bytes()))  # raises on a truncated file
    if (out / "manifest.json").exists():
        manifest = json.loads((out / "manifest.json").read_text())
        for row in manifest["rows"]:
            for name in row["outputs"]:
                assert (out / name).exists()
    assert not [p for p in out.iterdir() if p.is_file() and p.name.endswith(".part")]
    # the next run cleans the staging folder and finishes the job without redoing finished rows
    rerun = run_batch(roster, BatchOptions(out=out, jobs=2))
    assert not (out / ".rehabgen-partial").exists()
    assert sum(bool(e.skipped) for e in rerun.entries) >= len(pdfs)
    assert len(list(out.glob("*.pdf"))) == 24
