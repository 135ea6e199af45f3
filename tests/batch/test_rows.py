"""One row (batch.rows): all its files or none, and its status kept across runs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rehabgen.batch import BatchOptions, run_batch
from rehabgen.cli.app import app

HEADER = "patient_id,patient_name,age,weekly_running_km,pain_nprs,symptom_duration_weeks,red_flags,start_date\n"


def _roster(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_an_input_error_row_gets_no_file_and_lists_none(tmp_path: Path) -> None:
    roster = _roster(tmp_path, "Q-1,Quinn,40,10,2,3,,", "Q-2,Dated,40,10,2,3,,2027-01-04")
    out = tmp_path / "out"
    result = run_batch(roster, BatchOptions(out=out, formats=("json", "ics")))
    undated, dated = result.entries
    assert undated.status == "INPUT_ERROR" and undated.outputs == [] and undated.skipped == []
    assert "start_date" in str(undated.errors[0]["message"])
    assert dated.outputs == ["Q-2_Dated.json", "Q-2_Dated.ics"]
    assert sorted(p.name for p in out.iterdir()) == ["Q-2_Dated.ics", "Q-2_Dated.json", "manifest.csv", "manifest.json"]
    rows = json.loads((out / "manifest.json").read_text())["rows"]
    assert rows[0]["outputs"] == [] and rows[0]["status"] == "INPUT_ERROR"


def test_a_rerun_keeps_an_emergency_referral_and_names_it(tmp_path: Path) -> None:
    roster = _roster(tmp_path, "E-1,Em Ergency,40,10,5,1,saddle_anaesthesia,", "P-1,Pat,40,10,2,3,,")
    out = tmp_path / "out"
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(app, ["batch", str(roster), "--out", str(out), "--format", "json", "--quiet"])
        assert result.exit_code == 0, result.stderr
        assert "row 1 (E-1, Em Ergency): EMERGENCY_REFERRAL" in result.stderr
        assert "1 handout, 1 referral, 0 rows with errors" in result.stderr
        manifest = json.loads((out / "manifest.json").read_text())
        assert [r["status"] for r in manifest["rows"]] == ["EMERGENCY_REFERRAL", "PROGRAMME"]
        assert "Urgent: row 1 (E-1, Em Ergency): EMERGENCY_REFERRAL" in manifest["summary"]
    assert "kept files from an earlier run" in manifest["summary"]


def test_a_kept_file_made_under_another_status_is_flagged(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(_roster(tmp_path, "E-1,Em,40,10,5,1,saddle_anaesthesia,"), BatchOptions(out=out, formats=("json",)))
    result = run_batch(_roster(tmp_path, "E-1,Em,40,10,5,1,,"), BatchOptions(out=out, formats=("json",)))
    (entry,) = result.entries
    assert entry.skipped == ["E-1_Em.json"]
    assert any("was made when this row was EMERGENCY_REFERRAL" in w and "--force" in w for w in entry.warnings)


def test_an_older_manifest_saying_skipped_gives_no_false_warning(tmp_path: Path) -> None:
    out = tmp_path / "out"
    roster = _roster(tmp_path, "P-1,Pat,40,10,2,3,,")
    run_batch(roster, BatchOptions(out=out, formats=("json",)))
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["rows"][0].update(status="SKIPPED", skipped=manifest["rows"][0]["outputs"], outputs=[])
    (out / "manifest.json").write_text(json.dumps(manifest))
    (entry,) = run_batch(roster, BatchOptions(out=out, formats=("json",))).entries
    assert entry.status == "PROGRAMME" and entry.skipped == ["P-1_Pat.json"]
    assert not any("was made when" in w for w in entry.warnings)
