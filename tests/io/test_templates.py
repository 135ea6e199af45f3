"""Programme templates: shipped, validated, shaping the plan, and never weakening its safety (issue 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rehabgen.cli.app import app
from rehabgen.errors import TemplateError
from rehabgen.io.templates import find_template, list_templates, load_template
from rehabgen.io.validate import template_problems
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.profile import Profile
from rehabgen.model.template import DEFAULT_TEMPLATE, Template
from rehabgen.model.vocab import Status
from rehabgen.plan.planner import build_programme
from tests.conftest import FIXTURES, ROOT, make_profile
from tests.invariants import check_programme
from tests.strategies import profiles

REQUIRED = {
    "runner_back_pain",
    "mcgill_core",
    "pilates_core",
    "flexion_sensitive",
    "extension_sensitive",
    "return_to_running",
    "prevention_strength",
}
TEMPLATES = {name: load_template(path) for name, path in list_templates().items()}


def test_the_shipped_templates_are_there() -> None:
    assert set(TEMPLATES) >= REQUIRED


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_validates_against_the_catalogue(catalogue: Catalogue, name: str) -> None:
    path = ROOT / "programs" / f"{name}.yaml"
    assert template_problems(TEMPLATES[name], path, catalogue) == []
    assert len(TEMPLATES[name].description) > 150, "a clinician-facing description of who it is for"


def test_default_template_matches_the_bundled_file() -> None:
    bundled = TEMPLATES["runner_back_pain"].model_dump(exclude={"description"})
    assert DEFAULT_TEMPLATE.model_dump(exclude={"description"}) == bundled


def test_broken_template_reports_every_problem() -> None:
    with pytest.raises(TemplateError) as caught:
        load_template(FIXTURES / "templates" / "broken.yaml")
    by_path = {" › ".join(p.path): p.message for p in caught.value.problems}
    assert by_path["default_weeks"] == "must be ≤ 52 (got 80)"
    assert by_path["phases › protect"] == "must be ≤ 4 (got 9)"
    assert "'core' is not allowed" in by_path["emphasis › categories › core"]
    assert by_path["colour"].startswith("unknown field 'colour'")
    assert "accent_colour 'teal' must be a hex colour" in by_path["handout"]


def test_unknown_template_name_lists_the_known_ones() -> None:
    with pytest.raises(TemplateError) as caught:
        find_template("mcgill")
    message = caught.value.problems[0].message
    assert "did you mean 'mcgill_core'?" in message and "runner_back_pain" in message


def test_pinned_exercise_that_the_profile_excludes_is_dropped_with_a_warning(catalogue: Catalogue) -> None:
    profile = make_profile(causes=["spinal_stenosis"], clinician_diagnosed=True, programme_weeks=10)
    programme = build_programme(profile, catalogue, TEMPLATES["pilates_core"])
    assert "back_extension" not in programme.exercise_ids() and "reverse_plank" not in programme.exercise_ids()
    dropped = [w.message for w in programme.warnings if w.code == "pinned_exercise_dropped"]
    assert any("Back extension" in m for m in dropped) and any("Reverse plank" in m for m in dropped)
    check_programme(profile, programme, catalogue)


def test_pins_enter_when_allowed(catalogue: Catalogue) -> None:
    profile = make_profile(pain_nprs=2, programme_weeks=10)
    programme = build_programme(profile, catalogue, TEMPLATES["pilates_core"])
    assert {"pelvic_tilt", "glute_bridge", "front_plank", "side_plank", "the_saw"} <= set(programme.exercise_ids())


def test_bans_are_respected(catalogue: Catalogue) -> None:
    profile = make_profile(causes=["intervertebral_disc"], pain_nprs=3, programme_weeks=16)
    for name, template in TEMPLATES.items():
        used = set(build_programme(profile, catalogue, template).exercise_ids())
        assert not used & set(template.ban), name


def test_triage_runs_before_any_template(catalogue: Catalogue) -> None:
    profile = make_profile(red_flags={"saddle_anaesthesia": True})
    for template in TEMPLATES.values():
        programme = build_programme(profile, catalogue, template)
        assert programme.status is Status.EMERGENCY_REFERRAL and programme.weeks == []


def test_template_defaults_apply_unless_the_profile_sets_them(catalogue: Catalogue) -> None:
    template = TEMPLATES["prevention_strength"]
    profile = Profile.model_validate({"age": 40, "weekly_running_km": 30, "pain_nprs": 0, "symptom_duration_weeks": 0})
    programme = build_programme(profile, catalogue, template)
    assert len(programme.weeks) == template.default_weeks
    assert programme.meta.sessions_per_week == template.default_sessions_per_week
    explicit = Profile.model_validate({**profile.model_dump(), "programme_weeks": 5})
    assert len(build_programme(explicit, catalogue, template).weeks) == 5


@settings(max_examples=300)
@given(profile=profiles(), name=st.sampled_from(sorted(TEMPLATES)))
def test_every_template_keeps_every_invariant(catalogue: Catalogue, profile: Profile, name: str) -> None:
    template: Template = TEMPLATES[name]
    programme = build_programme(profile, catalogue, template)
    check_programme(profile, programme, catalogue)
    assert not set(programme.exercise_ids()) & set(template.ban)


def test_templates_cli() -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["templates", "list"])
    assert listed.exit_code == 0 and "mcgill_core" in listed.stdout
    shown = runner.invoke(app, ["templates", "show", "pilates_core"])
    assert shown.exit_code == 0 and "Pinned:" in shown.stdout and "roll_up" in shown.stdout
    missing = runner.invoke(app, ["templates", "show", "nope"])
    assert missing.exit_code == 2 and "known templates" in missing.stderr  # a bad option value


def test_plan_with_template_path(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "plan",
            str(ROOT / "examples" / "profile.yaml"),
            "--template",
            str(ROOT / "programs" / "mcgill_core.yaml"),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0 and '"template": "mcgill_core"' in result.stdout


def test_a_template_s_adjustments_are_read_and_checked_against_the_catalogue(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """Issue 15: a template may carry adjustments; validation names an unknown exercise in them."""
    path = tmp_path / "review_template.yaml"
    path.write_text(
        "id: review_template\ntitle: Review template\ndescription: A template with a clinician's adjustments.\n"
        "adjustments:\n  drop: [pogo_hops]\n  swap: {lunge: split_sqaut}\n  note: From the template.\n",
        encoding="utf-8",
    )
    template = load_template(path)
    assert template.adjustments is not None and template.adjustments.drop == ["pogo_hops"]
    problems = template_problems(template, path, catalogue)
    assert [" › ".join(p.path) for p in problems] == ["adjustments › swap"]
    assert "'split_sqaut' is not an exercise" in problems[0].message and "split_squat" in problems[0].message
    programme = build_programme(make_profile(programme_weeks=8), catalogue, template)
    assert programme.meta.note == "From the template."
