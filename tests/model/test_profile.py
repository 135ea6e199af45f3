"""The intake profile: ranges, every bad field reported at once, safety-first derived facts (issue 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehabgen.errors import ProfileError
from rehabgen.io.profiles import load_profile
from rehabgen.model.catalogue import Catalogue
from tests.conftest import EXAMPLES, FIXTURES, make_profile


def test_example_profile_loads() -> None:
    profile = load_profile(EXAMPLES / "profile.yaml")
    assert profile.patient is not None and profile.patient.name == "Zoë Ångström"


def test_every_bad_field_is_reported_with_allowed_values() -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile(FIXTURES / "profiles" / "many_errors.yaml")
    by_path = {" › ".join(p.path): p.message for p in caught.value.problems}
    assert by_path["age"] == "must be ≥ 10 (got 7)"
    assert "'robot' is not allowed; allowed: female, male, other" in by_path["sex"]
    assert by_path["weekly_running_km"] == "must be ≥ 0 (got -5)"
    assert "did you mean 'intervertebral_disc'?" in by_path["causes › 1"]
    assert by_path["pain_nprs"] == "must be ≤ 10 (got 11)"
    assert "allowed: none, unilateral_above_knee, unilateral_below_knee, bilateral" in by_path["leg_symptoms"]
    assert "allowed: none, unilateral, bilateral" in by_path["neuro › numbness"]
    assert by_path["red_flags › fever"].startswith("unknown field 'fever' (did you mean 'fever_or_unwell'?)")
    assert "did you mean 'dumbbells'?" in by_path["equipment › 1"]
    assert by_path["sessions_per_week"] == "must be ≥ 1 (got 0)"
    assert by_path["programme_weeks"] == "must be ≤ 52 (got 60)"
    assert by_path["start_date"] == "'2026-13-40' is not a date; write it as YYYY-MM-DD"
    assert "allowed: GB, IE, US, CA, AU, NZ, SG, EU, ES, MX" in by_path["region"]
    assert by_path["favourite_colour"].startswith("unknown field 'favourite_colour'")
    assert all(p.line is not None for p in caught.value.problems)


def test_missing_required_fields_are_named(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("age: 40\n")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    missing = {p.path for p in caught.value.problems if p.message == "required field is missing"}
    assert missing == {("weekly_running_km",), ("pain_nprs",), ("symptom_duration_weeks",)}


def test_profile_must_be_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("- 1\n- 2\n")
    with pytest.raises(ProfileError, match="must be a mapping of fields"):
        load_profile(path)


def test_missing_file_is_a_clear_problem(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile(tmp_path / "nope.yaml")
    assert caught.value.problems[0].message == "file not found"


def test_none_equipment_means_nothing() -> None:
    assert make_profile(equipment=["none"]).equipment == []


def test_region_is_case_insensitive() -> None:
    assert make_profile(region="gb").region == "GB"


def test_any_yes_wins_for_leg_symptoms() -> None:
    profile = make_profile(leg_symptoms="none", neuro={"numbness": "bilateral"})
    assert profile.has_bilateral_symptoms and profile.has_leg_symptoms
    assert make_profile(bilateral_new_or_worsening=True).has_bilateral_symptoms


def test_fractional_weeks_are_allowed() -> None:
    assert make_profile(symptom_duration_weeks=1.5, postpartum_weeks=10.5).postpartum_weeks == 10.5


@pytest.mark.parametrize("start", ["9999-12-01", "1999-12-31", "2100-01-01"])
def test_a_start_date_outside_the_window_is_a_clear_error(tmp_path: Path, start: str) -> None:
    from typer.testing import CliRunner

    from rehabgen.cli.app import app

    path = tmp_path / "p.yaml"
    path.write_text(f"age: 30\nweekly_running_km: 10\npain_nprs: 2\nsymptom_duration_weeks: 2\nstart_date: {start}\n")
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    assert caught.value.problems[0].message == f"must be between 2000-01-01 and 2099-12-31 (got {start})"
    for fmt in ("md", "ics", "json"):
        result = CliRunner().invoke(app, ["plan", str(path), "--format", fmt])
        assert result.exit_code == 1 and "start_date: must be between" in result.stderr
        assert "OverflowError" not in result.stderr


def test_the_last_start_date_in_the_window_plans_a_full_year(catalogue: Catalogue) -> None:
    from rehabgen.plan.planner import build_programme

    programme = build_programme(make_profile(start_date="2099-12-31", programme_weeks=52), catalogue)
    assert programme.weeks[-1].sessions[-1].date is not None
