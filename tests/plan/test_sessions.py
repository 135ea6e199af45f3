"""Sessions and pins (plan.sessions): no empty session, and a warning for every pin safety holds back."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from rehabgen.batch import BatchOptions, run_batch
from rehabgen.cli.app import app
from rehabgen.errors import TemplateError
from rehabgen.io.templates import find_template
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.template import Template
from rehabgen.plan.planner import build_programme
from tests.conftest import make_profile


def _banning_all_but(catalogue: Catalogue, keep: int) -> Template:
    ids = [ex.id for ex in catalogue]
    return Template(id="ban_most", title="Bans most", description="Bans nearly every exercise.", ban=ids[:-keep])


def test_a_template_whose_bans_empty_a_session_is_an_error(catalogue: Catalogue) -> None:
    with pytest.raises(TemplateError) as caught:
        build_programme(make_profile(), catalogue, _banning_all_but(catalogue, 3))
    problem = caught.value.problems[0]
    assert problem.path == ("ban",)
    assert "session A of week" in problem.message and "ban fewer exercises" in problem.message


def test_the_cli_and_a_batch_report_it_as_a_template_problem(tmp_path: Path, catalogue: Catalogue) -> None:
    template = tmp_path / "ban_most.yaml"
    template.write_text(yaml.safe_dump(_banning_all_but(catalogue, 3).model_dump(mode="json", exclude_defaults=True)))
    profile = tmp_path / "p.yaml"
    profile.write_text("age: 40\nweekly_running_km: 20\npain_nprs: 3\nsymptom_duration_weeks: 3\n")
    result = CliRunner().invoke(app, ["plan", str(profile), "--template", str(template), "--format", "json"])
    assert result.exit_code == 1 and "programme template: " in result.stderr and "ban: session A" in result.stderr
    roster = tmp_path / "r.csv"
    roster.write_text(
        "patient_id,age,weekly_running_km,pain_nprs,symptom_duration_weeks,red_flags\n"
        "A,40,20,3,3,\nB,40,20,3,3,saddle_anaesthesia\n"
    )
    batch = run_batch(roster, BatchOptions(out=tmp_path / "out", template=str(template), formats=("json",)))
    assert [e.status for e in batch.entries] == ["INPUT_ERROR", "EMERGENCY_REFERRAL"]  # triage still comes first
    assert batch.entries[0].errors[0]["path"] == "row 1 › ban"


def test_every_bundled_template_fills_every_session(catalogue: Catalogue) -> None:
    for name in ("mcgill_core", "pilates_core", "flexion_sensitive", "extension_sensitive", "prevention_strength"):
        programme = build_programme(
            make_profile(causes=["intervertebral_disc"], programme_weeks=12), catalogue, find_template(name)
        )
        assert all(s.items for w in programme.weeks for s in w.sessions if s.kind == "exercise"), name


@pytest.mark.parametrize(
    "causes", [["intervertebral_disc"], ["spinal_stenosis"], ["spondylolysis"], ["facet_joint_irritation"], []]
)
def test_every_pin_held_back_by_exclusions_gets_a_warning(catalogue: Catalogue, causes: list[str]) -> None:
    template = find_template("pilates_core")
    profile = make_profile(causes=causes, clinician_diagnosed=True, programme_weeks=12, pain_nprs=3)
    programme = build_programme(profile, catalogue, template)
    warned = " ".join(w.message for w in programme.warnings if w.code.startswith("pinned_exercise"))
    for pin in template.pin:
        weeks = {w.week for w in programme.weeks if any(i.exercise_id == pin for s in w.sessions for i in s.items)}
        excluded_somewhere = any(
            set(catalogue[pin].tags) & {e.tag for e in programme.exclusions if e.from_week <= week <= e.to_week}
            for week in range(1, 13)
            if week not in weeks
        )
        if excluded_somewhere:
            assert catalogue[pin].name in warned, (pin, sorted(weeks))


def test_a_held_back_pin_says_which_weeks_and_why(catalogue: Catalogue) -> None:
    profile = make_profile(causes=["intervertebral_disc"], programme_weeks=12)
    programme = build_programme(profile, catalogue, find_template("pilates_core"))
    held = [w.message for w in programme.warnings if w.code == "pinned_exercise_held_back"]
    assert any(m.startswith("Roll-up is pinned by the template but held back for safety in weeks 1–2: ") for m in held)
