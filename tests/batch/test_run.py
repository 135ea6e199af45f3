"""Running a batch (batch.run): workers capped and dying with their parent; a re-run picks up after a kill."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rehabgen.batch import BatchOptions, capped_jobs, default_jobs, run_batch
from rehabgen.cli.app import app
from tests.conftest import EXAMPLES, ROOT

GUARD_S = 60


def test_jobs_are_capped_by_cpus_and_rows_with_a_note() -> None:
    cpus = default_jobs()
    assert capped_jobs(300, 3) == (min(3, cpus), [f"--jobs 300 capped to {min(3, cpus)} ({cpus} CPUs, 3 rows)"])
    assert capped_jobs(None, 3) == (min(3, cpus), [])  # the default is capped silently
    assert capped_jobs(1, 100) == (1, [])
    assert capped_jobs(5, 0) == (1, [f"--jobs 5 capped to 1 ({cpus} CPUs, 0 rows)"])


def test_a_batch_with_too_many_jobs_says_it_capped_them(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["batch", str(EXAMPLES / "roster.csv"), "--out", str(tmp_path / "o"), "--format", "json", "--jobs", "300"]
    )
    assert result.exit_code == 0, result.stderr
    assert "note: --jobs 300 capped to" in result.stderr
    assert json.loads((tmp_path / "o" / "manifest.json").read_text())["notes"][0].startswith("--jobs 300 capped")


def _children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux") or default_jobs() < 2, reason="needs Linux and 2 CPUs")
def test_workers_die_with_a_killed_batch_and_a_rerun_reconciles(tmp_path: Path) -> None:
    roster = tmp_path / "big.csv"
    rows = "".join(f"K-{i},Runner {i},30,20,2,8\n" for i in range(16))
    roster.write_text("patient_id,patient_name,age,weekly_running_km,pain_nprs,symptom_duration_weeks\n" + rows)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "rehabgen", "batch", str(roster), "--out", str(out), "--jobs", "2", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + GUARD_S
    while time.monotonic() < deadline and (len(workers) < 2 or not list(out.glob("*.pdf"))):
        workers = _children(proc.pid) - {proc.pid}
        time.sleep(0.05)
    assert len(workers) >= 2, "the batch never started its workers"
    os.kill(proc.pid, signal.SIGKILL)  # the main process only, as kill -9 would
    proc.wait()
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers), "workers outlived their parent"
    finally:
        for worker in workers:  # never leave orphans behind, even when the assertion fails
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker, signal.SIGKILL)
    written = {p.name for p in out.glob("*.pdf")}
    rerun = run_batch(roster, BatchOptions(out=out, formats=("pdf",), jobs=2))
    listed = {name for e in rerun.entries for name in [*e.outputs, *e.skipped]}
    assert written <= {name for e in rerun.entries for name in e.skipped}
    assert listed == {p.name for p in out.glob("*.pdf")} and len(listed) == 16
    assert len(json.loads((out / "manifest.json").read_text())["rows"]) == 16
