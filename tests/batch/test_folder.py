"""The --out folder (batch.folder): nothing rehabgen did not write is deleted or overwritten, no link is followed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from rehabgen.batch import BatchOptions, run_batch
from rehabgen.batch.folder import STAGING, spreadsheet_safe
from rehabgen.errors import OutputError
from tests.conftest import FIXTURES

MIXED = FIXTURES / "roster" / "mixed.csv"
ROSTER = "patient_id,patient_name,age,weekly_running_km,pain_nprs,symptom_duration_weeks\nA-1,Ann,34,30,3,4\n"


def _roster(tmp_path: Path, text: str = ROSTER) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_users_own_partial_folder_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".partial").mkdir(parents=True)
    (out / ".partial" / "mine.txt").write_text("my notes")
    run_batch(_roster(tmp_path), BatchOptions(out=out, formats=("json",)))
    assert (out / ".partial" / "mine.txt").read_text() == "my notes"
    assert not (out / STAGING).exists()  # rehabgen's own staging folder is gone after the run


def test_a_staging_folder_rehabgen_did_not_make_stops_the_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / STAGING).mkdir(parents=True)
    (out / STAGING / "mine.txt").write_text("my notes")
    with pytest.raises(OutputError, match="was not made by rehabgen"):
        run_batch(_roster(tmp_path), BatchOptions(out=out, formats=("json",)))
    assert _files(out) == {f"{STAGING}/mine.txt": b"my notes"}


def test_a_staging_link_is_never_followed_out_of_out(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / STAGING).symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutputError, match="is a link or a file"):
        run_batch(_roster(tmp_path), BatchOptions(out=out, formats=("json",)))
    assert list(elsewhere.iterdir()) == [] and [p.name for p in out.iterdir()] == [STAGING]


@pytest.mark.parametrize("name", ["manifest.json", "manifest.csv"])
@pytest.mark.parametrize("force", [False, True])
def test_a_manifest_rehabgen_did_not_write_is_never_overwritten(tmp_path: Path, name: str, force: bool) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / name).write_text("my own spreadsheet\n")
    with pytest.raises(OutputError, match="was not written by rehabgen"):
        run_batch(_roster(tmp_path), BatchOptions(out=out, formats=("json",), force=force))
    assert _files(out) == {name: b"my own spreadsheet\n"}


def test_a_roster_named_manifest_csv_inside_out_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    roster = out / "manifest.csv"
    roster.write_text(ROSTER)
    with pytest.raises(OutputError, match="the manifest would overwrite the roster"):
        run_batch(roster, BatchOptions(out=out, formats=("json",)))
    assert roster.read_text() == ROSTER


@pytest.mark.parametrize("force", [False, True])
def test_an_output_file_rehabgen_did_not_write_is_left_alone(tmp_path: Path, force: bool) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "A-1_Ann.json").write_text('{"mine": true}')
    result = run_batch(_roster(tmp_path), BatchOptions(out=out, formats=("json",), force=force))
    (entry,) = result.entries
    assert entry.status == "OUTPUT_ERROR" and not entry.outputs and not entry.skipped
    assert "was not written by rehabgen" in str(entry.errors[0]["message"])
    assert (out / "A-1_Ann.json").read_text() == '{"mine": true}'


def test_an_output_that_is_a_link_is_left_alone(tmp_path: Path) -> None:
    out, target = tmp_path / "out", tmp_path / "precious.json"
    out.mkdir()
    target.write_text("precious")
    (out / "A-1_Ann.json").symlink_to(target)
    result = run_batch(_roster(tmp_path), BatchOptions(out=out, formats=("json",), force=True))
    assert result.entries[0].status == "OUTPUT_ERROR" and target.read_text() == "precious"
    assert (out / "A-1_Ann.json").is_symlink()


def test_rehabgens_own_earlier_files_are_replaced_with_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(_roster(tmp_path), BatchOptions(out=out, formats=("json", "md")))
    (out / "manifest.json").unlink()  # a killed run: files without a manifest; their content says whose they are
    (out / "manifest.csv").unlink()
    again = run_batch(_roster(tmp_path), BatchOptions(out=out, formats=("json", "md"), force=True))
    assert again.entries[0].outputs == ["A-1_Ann.json", "A-1_Ann.md"]


def test_formula_cells_are_neutralised_in_the_csv_manifest(tmp_path: Path) -> None:
    roster = _roster(
        tmp_path,
        "patient_id,patient_name,age,weekly_running_km,pain_nprs,symptom_duration_weeks\n"
        '=1+2,"=HYPERLINK(""http://evil.example"",""click"")",40,10,2,3\n'
        "+1,@SUM(A1),40,10,2,3\n-2,Plain Name,40,10,2,3\n",
    )
    run_batch(roster, BatchOptions(out=tmp_path / "out", formats=("json",)))
    rows = list(csv.reader(io.StringIO((tmp_path / "out" / "manifest.csv").read_text(encoding="utf-8"))))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert rows[1][2] == "'=1+2" and rows[1][3].startswith("'=HYPERLINK(")
    assert rows[2][3] == "'@SUM(A1)" and rows[3][3] == "Plain Name"
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["rows"][0]["patient_id"] == "=1+2"  # JSON is data, not a spreadsheet: kept as given
    assert spreadsheet_safe("\tx") == "'\tx" and spreadsheet_safe("x=1") == "x=1"


def test_a_rerun_lists_the_files_a_killed_run_wrote(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(MIXED, BatchOptions(out=out, formats=("json",)))
    (out / "manifest.json").write_text(json.dumps({"rehabgen_version": "0", "rows": []}))  # killed early
    again = run_batch(MIXED, BatchOptions(out=out, formats=("json",)))
    on_disk = {p.name for p in out.glob("*.json")} - {"manifest.json"}
    listed = {name for e in again.entries for name in [*e.outputs, *e.skipped]}
    assert listed == on_disk and len(listed) == 9
