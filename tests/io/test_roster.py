"""Reading rosters (io.roster): one bad row is a bad row, never the end of the roster."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from rehabgen.batch import BatchOptions, run_batch
from rehabgen.io.limits import MAX_CELL_CHARS
from rehabgen.io.roster import read_roster
from tests.conftest import EXAMPLES


def _roster(tmp_path: Path, name_of_row_2: str) -> Path:
    rows = list(csv.reader(io.StringIO((EXAMPLES / "roster.csv").read_text(encoding="utf-8"))))
    rows[2][rows[0].index("patient_name")] = name_of_row_2
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows[:4])
    path = tmp_path / "roster.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize("length", [MAX_CELL_CHARS + 1, 200_000])  # over our limit; over the csv module's
def test_an_over_long_cell_is_a_bad_row_and_the_rows_after_it_are_read(tmp_path: Path, length: int) -> None:
    rows = list(read_roster(_roster(tmp_path, "x" * length)))
    assert [r.number for r in rows] == [1, 2, 3]
    assert rows[1].data is None and "at most 10,000" in rows[1].problems[0].message
    assert rows[0].data is not None and rows[2].data is not None


def test_a_row_that_is_not_utf8_is_a_bad_row(tmp_path: Path) -> None:
    path = _roster(tmp_path, "Lukasz")
    path.write_bytes(path.read_bytes().replace(b"Lukasz", b"\xa3ukasz"))
    rows = list(read_roster(path))
    assert [r.data is None for r in rows] == [False, True, False]
    assert "not UTF-8" in rows[1].problems[0].message


def test_one_bad_row_never_stops_the_batch(tmp_path: Path) -> None:
    result = run_batch(_roster(tmp_path, "x" * 200_000), BatchOptions(out=tmp_path / "out", formats=("json",)))
    assert [e.status for e in result.entries][1] == "INPUT_ERROR"
    assert [bool(e.outputs) for e in result.entries] == [True, False, True]
    manifest = (tmp_path / "out" / "manifest.csv").read_text(encoding="utf-8").splitlines()
    assert len(manifest) == 4 and "1 row with errors" in result.summary()


def test_adjustment_columns_become_the_profile_s_adjustments(tmp_path: Path) -> None:
    """Issue 15: a roster row carries the clinician's drops, pins, note, next appointment and review week."""
    path = tmp_path / "roster.csv"
    path.write_text(
        "patient_id,age,weekly_running_km,pain_nprs,symptom_duration_weeks,drop,pin,note,next_appointment,from_week\n"
        "P-1,34,30,3,3,dead_bug; bird_dog,glute_bridge,Keep walking daily.,12 January 10:30,3\n"
        "P-2,40,20,2,4,,,,,\n",
        encoding="utf-8",
    )
    first, second = read_roster(path)
    assert first.data is not None and first.data["adjustments"] == {
        "drop": ["dead_bug", "bird_dog"],
        "pin": ["glute_bridge"],
        "note": "Keep walking daily.",
        "next_appointment": "12 January 10:30",
        "from_week": "3",
    }
    assert second.data is not None and "adjustments" not in second.data
    result = run_batch(path, BatchOptions(out=tmp_path / "out", formats=("json",), jobs=1))
    assert [e.status for e in result.entries] == ["PROGRAMME", "PROGRAMME"]
    programme = json.loads(next((tmp_path / "out").glob("P-1*.json")).read_text(encoding="utf-8"))
    assert programme["meta"]["from_week"] == 3 and programme["meta"]["note"] == "Keep walking daily."
    assert {a["kind"] for a in programme["adjustments"]["applied"]} >= {"drop", "note", "next_appointment"}


def test_a_bad_adjustment_cell_fails_its_row_only(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        "patient_id,age,weekly_running_km,pain_nprs,symptom_duration_weeks,drop,from_week\n"
        "P-1,34,30,3,3,Dead Bug,\nP-2,34,30,3,3,,99\nP-3,34,30,3,3,,\n",
        encoding="utf-8",
    )
    result = run_batch(path, BatchOptions(out=tmp_path / "out", formats=("json",), jobs=1))
    assert [e.status for e in result.entries] == ["INPUT_ERROR", "INPUT_ERROR", "PROGRAMME"]
    assert "adjustments" in result.entries[0].errors[0]["path"]
