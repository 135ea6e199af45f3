"""The command line: every command, its output streams and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rehabgen._version import __version__
from rehabgen.cli.app import app
from tests.conftest import EXAMPLES, FIXTURES

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"rehabgen {__version__}"


def test_no_arguments_shows_help() -> None:
    code, out, err = run()
    assert "catalogue" in out + err and code in (0, 2)


def test_unknown_option_is_a_usage_error() -> None:
    code, _, err = run("catalogue", "list", "--colour", "red")
    assert code == 2 and "No such option" in err


def test_catalogue_list_table_and_filters() -> None:
    code, out, err = run("catalogue", "list", "--cause", "weak_glutes", "--equipment", "none", "--category", "strength")
    assert code == 0
    assert "glute_bridge" in out and "band_walk" not in out  # band walk needs a band
    assert "exercises" in err


def test_catalogue_list_json() -> None:
    code, out, _ = run("catalogue", "list", "--tag", "lateral_core", "--format", "json")
    data = json.loads(out)
    assert code == 0 and {"side_plank", "side_plank_knees"} <= {d["id"] for d in data}


def test_catalogue_list_rejects_unknown_vocabulary_with_a_hint() -> None:
    code, out, err = run("catalogue", "list", "--cause", "weak_glute")
    assert code == 2 and out == ""
    assert "did you mean 'weak_glutes'?" in err and "allowed:" in err


def test_catalogue_show_readable_and_json() -> None:
    code, out, _ = run("catalogue", "show", "bird_dog")
    assert code == 0 and "Bird-dog" in out and "Steps:" in out and "Harder:" in out
    code, out, _ = run("catalogue", "show", "bird_dog", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "bird_dog"


def test_catalogue_show_lists_the_notes_for_particular_conditions() -> None:
    """A clinician reviewing an entry sees who each condition note and reason is printed for."""
    code, out, _ = run("catalogue", "show", "knees_to_chest")
    assert code == 0
    assert "Caution for Disc-related pain, Sciatica (irritated nerve): With disc pain" in out
    assert "Why in the plan for Spinal stenosis:" in out


def test_catalogue_show_unknown_id() -> None:
    code, _, err = run("catalogue", "show", "bird_dawg")
    assert code == 2 and "did you mean 'bird_dog'?" in err


def test_validate_bundled_catalogue_is_clean() -> None:
    code, out, _ = run("validate")
    assert code == 0 and "ok  catalogue" in out


def test_validate_profile_and_bad_catalogue_file() -> None:
    bad = FIXTURES / "catalogue" / "out_of_range" / "exercises.yaml"
    code, out, err = run("validate", str(EXAMPLES / "profile.yaml"), str(bad))
    assert code == 1
    assert "ok  " in out and "profile.yaml (profile)" in out
    assert "exercises.yaml:11: test_brace › dosage › sets: must be ≥ 1 (got 0)" in err
    assert "Traceback" not in err


def test_validate_unrecognised_file(tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text("hello: world\n")
    code, _, err = run("validate", str(path))
    assert code == 1 and "cannot tell what this file is" in err


def test_validate_with_extra_catalogue_folder() -> None:
    code, out, _ = run("validate", "--catalogue", str(FIXTURES / "catalogue" / "valid_overlay"))
    assert code == 0 and "from 2 folder(s)" in out


def test_broken_catalogue_folder_fails_every_command_cleanly() -> None:
    code, _, err = run("catalogue", "list", "--catalogue", str(FIXTURES / "catalogue" / "yaml_syntax"))
    assert code == 1 and "exercises.yaml:17:13" in err and "Traceback" not in err


@pytest.mark.parametrize("kind", ["exercise", "profile", "template", "programme", "clinic"])
def test_schema(kind: str) -> None:
    code, out, _ = run("schema", kind)
    schema = json.loads(out)
    assert code == 0 and schema["$schema"].startswith("https://json-schema.org/")


def test_plan_json_contract() -> None:
    code, out, _ = run("plan", str(EXAMPLES / "profile.yaml"), "--format", "json")
    data = json.loads(out)
    assert code == 0
    for key in ("rehabgen_version", "status", "reasons", "warnings", "exclusions", "advice", "weeks"):
        assert key in data
    session = next(s for w in data["weeks"] for s in w["sessions"] if s["kind"] == "exercise")
    assert {"day", "date", "kind", "variant", "optional", "title", "duration_min", "items", "run"} <= set(session)
    assert session["variant"] == "A"
    item = session["items"][0]
    assert {
        "exercise_id",
        "name",
        "category",
        "tags",
        "equipment",
        "sets",
        "reps",
        "hold_s",
        "load",
        "per_side",
        "rest_s",
        "optional",
        "cues",
    } <= set(item)
    run_session = next(s for w in data["weeks"] for s in w["sessions"] if s["kind"] == "run")
    assert {"type", "km", "run_min", "walk_min", "repeats", "gate"} <= set(run_session["run"])
    exclusion = data["exclusions"][0]
    assert set(exclusion) == {"tag", "from_week", "to_week", "code", "because"}
    assert all(e["code"] for e in data["exclusions"])
    safety = next(a for a in data["advice"] if a["id"] == "safety_net")
    assert [t["code"] for t in safety["tiers"]] == ["emergency", "urgent", "soon"]
    assert {w["code"] for w in data["warnings"]} >= {"goal_beyond_caps"}


def test_plan_markdown_to_stdout() -> None:
    code, out, _ = run("plan", str(EXAMPLES / "profile.yaml"))
    assert code == 0 and out.startswith("# ") and "When to stop and get help" in out


def test_plan_invalid_profile_json_is_input_error() -> None:
    code, out, err = run("plan", str(FIXTURES / "profiles" / "many_errors.yaml"), "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["status"] == "INPUT_ERROR"
    assert {"path", "message"} <= set(data["problems"][0])
    assert "age: must be ≥ 10 (got 7)" in err and "Traceback" not in err


def test_plan_referral_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "age: 40\nweekly_running_km: 20\npain_nprs: 6\nsymptom_duration_weeks: 1\n"
        "red_flags: {saddle_anaesthesia: true}\nregion: AU\n"
    )
    code, out, _ = run("plan", str(path), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["status"] == "EMERGENCY_REFERRAL" and data["weeks"] == []
    assert "000" in data["referral"]["action"]


def test_plan_writes_output_file_atomically(tmp_path: Path) -> None:
    out_path = tmp_path / "plan.json"
    code, out, _ = run("plan", str(EXAMPLES / "profile.yaml"), "-o", str(out_path))
    assert code == 0 and out.strip() == str(out_path)
    assert json.loads(out_path.read_text())["status"] == "PROGRAMME_WITH_REFERRAL_ADVICE"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_plan_missing_profile_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("plan", str(tmp_path / "nope.yaml"), "--format", "md")
    assert code == 1 and "file not found" in err


def test_plan_bad_date_option(tmp_path: Path) -> None:
    code, _, err = run("plan", str(EXAMPLES / "profile.yaml"), "--format", "md", "--date", "tomorrow")
    assert code == 2 and "--date: 'tomorrow' is not a date" in err


def test_outputs_get_the_usual_permissions(tmp_path: Path) -> None:
    import os

    out_path = tmp_path / "plan.md"
    code, _, _ = run("plan", str(EXAMPLES / "profile.yaml"), "-o", str(out_path))
    mask = os.umask(0)
    os.umask(mask)
    assert code == 0 and (out_path.stat().st_mode & 0o777) == (0o666 & ~mask)


def test_unwritable_output_is_a_clear_error_not_a_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run("plan", str(EXAMPLES / "profile.yaml"), "-o", str(blocker / "plan.md"))
    assert code == 2 and "does not exist" in err and "internal error" not in err  # the -o rule: a usage error

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("rehabgen.io.files.write_atomic", refuse)
    code, _, err = run("plan", str(EXAMPLES / "profile.yaml"), "-o", str(tmp_path / "plan.md"))
    assert code == 1 and "cannot be written (Permission denied)" in err and "internal error" not in err


def test_unknown_output_suffix_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("plan", str(EXAMPLES / "profile.yaml"), "-o", str(tmp_path / "plan.docx"))
    assert code == 2 and "use .pdf, .html, .json, .md or .ics" in err
    assert not (tmp_path / "plan.docx").exists()


# --- issue 15: adjustments and reissue at review -----------------------------------------------------------------------


def test_plan_reports_refused_adjustments_on_stderr_and_in_the_json() -> None:
    code, out, err = run("plan", str(EXAMPLES / "review.yaml"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["meta"]["from_week"] == 5 and data["adjustments"]["from_week"] == 5
    refused = {r["code"] for r in data["adjustments"]["refused"]}
    assert refused == {"adjustment_needs_equipment", "adjustment_dose_lowered"}
    assert "warning: pin goblet_squat: Goblet squat needs dumbbells" in err and "(adjustment_needs_equipment)" in err


def test_from_week_prints_the_plan_from_that_week() -> None:
    code, out, _ = run("plan", str(EXAMPLES / "profile.yaml"), "--from-week", "5", "--format", "md")
    assert code == 0
    assert "## Week 5:" in out and "## Week 4:" not in out and "## Week 8" in out
    assert "this copy starts at week 5" in out
    code, out, _ = run("plan", str(EXAMPLES / "profile.yaml"), "--from-week", "5", "--format", "json")
    assert [w["week"] for w in json.loads(out)["weeks"]] == list(range(1, 9))


@pytest.mark.parametrize("week", ["9", "0", "x"])
def test_a_from_week_outside_the_plan_is_a_usage_error(week: str) -> None:
    code, out, err = run("plan", str(EXAMPLES / "profile.yaml"), "--from-week", week, "--format", "json")
    assert code == 2 and out == ""
    assert "--from-week" in err
