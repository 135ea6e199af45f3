"""Asking the questionnaire without a terminal (the logic the CLI and the web app share)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rehabgen.intake.profile_yaml import profile_yaml
from rehabgen.intake.session import Intake
from rehabgen.io.profiles import load_profile
from rehabgen.model.catalogue import Catalogue
from rehabgen.plan.planner import build_programme
from tests.conftest import EXAMPLES

EXAMPLE_ANSWERS: dict[str, str] = {
    # The bundled example runner (examples/profile.yaml), answered as a clinician would type it.
    **dict.fromkeys(
        [
            "saddle_anaesthesia",
            "bladder_dysfunction",
            "bowel_dysfunction",
            "sexual_dysfunction_new",
            "significant_trauma",
            "fever_or_unwell",
            "unexplained_weight_loss",
            "night_pain_unrelieved",
            "night_sweats",
            "history_of_cancer",
            "immunosuppression_or_ivdu",
            "osteoporosis_or_steroids",
            "history_spinal_fracture_tumour_infection",
            "worsening_or_not_improving",
        ],
        "n",
    ),
    "worse_cough_sneeze": "y",
    "leg_symptoms": "2",
    "numbness": "1",
    "weakness": "none",
    "region": "gb",
    "units": "",
    "language": "",
    "age": "34",
    "sex": "female",
    "postpartum_weeks": "",
    "pain_nprs": "4",
    "symptom_duration_weeks": "3",
    "causes": "intervertebral_disc, weak_core",
    "clinician_diagnosed": "n",
    "weekly_running_km": "40",
    "longest_run_last_4wk_km": "16",
    "easy_pace_min_per_km": "",
    "goal": "half marathon in 12 weeks",
    "equipment": "resistance_band",
    "sessions_per_week": "3",
    "programme_weeks": "8",
    "start_date": "2026-12-07",
    "patient_name": "Zoë Ångström",
    "patient_id": "P-0042",
    "clinician": "Sam Okafor, MCSP",
}


def answer_all(intake: Intake, answers: dict[str, str]) -> list[str]:
    asked = []
    while (question := intake.next_question()) is not None:
        outcome = intake.answer_text(question.id, answers[question.id])
        assert outcome.accepted and outcome.emergency is None, (question.id, outcome)
        asked.append(question.id)
    return asked


def test_the_example_runner_answered_gives_the_example_profile_and_programme(catalogue: Catalogue) -> None:
    intake = Intake("clinician")
    asked = answer_all(intake, EXAMPLE_ANSWERS)
    assert (
        "weakness_worsening" not in asked and "cleared_for_impact" not in asked and "pelvic_floor_symptoms" not in asked
    )
    example = load_profile(EXAMPLES / "profile.yaml")
    assert intake.profile() == example
    assert build_programme(intake.profile(), catalogue) == build_programme(example, catalogue)


def test_the_written_profile_reads_back_the_same(tmp_path: Path) -> None:
    intake = Intake("clinician")
    answer_all(intake, {**EXAMPLE_ANSWERS, "goal": "no", "patient_name": 'Ann "A: 1" Lee #2', "clinician": "yes"})
    path = tmp_path / "profile.yaml"
    path.write_text(profile_yaml(intake.data(), ["a comment"]), encoding="utf-8")
    assert load_profile(path) == intake.profile()
    assert path.read_text(encoding="utf-8").startswith("# a comment\npatient:\n")


def test_an_emergency_answer_stops_at_once_with_the_regions_numbers() -> None:
    intake = Intake("runner", preset={"region": "GB"})
    first = intake.next_question()
    assert first is not None and first.id == "saddle_anaesthesia"
    outcome = intake.answer_text(first.id, "yes")
    assert outcome.emergency is not None and outcome.emergency.region_known
    assert "Call 999 or go to A&E now" in outcome.emergency.action
    assert outcome.emergency.reasons == ["Numbness or tingling around the genitals, bottom or inner thighs."]


def test_an_emergency_before_the_region_gives_general_numbers() -> None:
    intake = Intake("runner")
    outcome = intake.answer_text("bladder_dysfunction", "y")
    assert outcome.emergency is not None and not outcome.emergency.region_known
    assert "local emergency number" in outcome.emergency.action


def test_an_emergency_from_answers_together_stops_at_the_answer_that_completes_it() -> None:
    intake = Intake("runner")
    no = dict.fromkeys([q.id for q in intake.questions() if q.group == "warning_signs"], "n")
    for question_id, text in {**no, "history_of_cancer": "y"}.items():
        assert intake.answer_text(question_id, text).emergency is None  # cancer alone is urgent, not an emergency
    assert intake.answer_text("leg_symptoms", "1").emergency is None
    outcome = intake.answer_text("numbness", "2")  # cancer with numbness: T1
    assert outcome.emergency is not None
    assert "A history of cancer together with new numbness or weakness." in outcome.emergency.reasons


def test_symptoms_in_both_legs_stop_when_new() -> None:
    intake = Intake("runner")
    intake.answer_text("leg_symptoms", "4")
    assert intake.answer_text("numbness", "1").emergency is None
    question = intake.questionnaire.question("bilateral_new_or_worsening")
    assert intake.is_asked(question)
    assert intake.answer_text(question.id, "y").emergency is not None


def test_an_invalid_answer_is_refused_with_the_reason_and_not_kept() -> None:
    intake = Intake("runner")
    cases: dict[str, tuple[str, str]] = {
        "age": ("5", "must be from 10 to 100"),
        "pain_nprs": ("eleven", "whole number from 0 to 10"),
        "sex": ("7", "not one of the answers"),
        "saddle_anaesthesia": ("maybe", "not one of the answers"),
        "start_date": ("2026-13-01", "not a date"),
        "goal": ("x" * 201, "at most 200 characters"),
        "patient_name": ("Ann\u202eLee", "must not reach a terminal"),
        "weekly_running_km": ("", "needs an answer"),
    }
    for question_id, (text, reason) in cases.items():
        outcome = intake.answer_text(question_id, text)
        assert not outcome.accepted and reason in (outcome.reason or ""), (question_id, outcome.reason)
        assert question_id not in intake.answers


def test_conditional_questions_follow_the_answers() -> None:
    intake = Intake("runner")
    q = intake.questionnaire.question
    intake.answer_text("sex", "male")
    assert not intake.is_asked(q("postpartum_weeks"))
    intake.answer_text("sex", "")  # rather not say: asked, to be safe
    assert intake.is_asked(q("postpartum_weeks")) and not intake.is_asked(q("pelvic_floor_symptoms"))
    intake.answer_text("postpartum_weeks", "8")
    assert intake.is_asked(q("pelvic_floor_symptoms"))
    intake.answer_text("weakness", "2")
    assert intake.is_asked(q("weakness_worsening"))
    outcome = intake.answer_text("weakness_worsening", "y")
    assert outcome.emergency is None and intake.data()["neuro"]["weakness"] == "unilateral_progressive"


def test_a_runner_naming_a_diagnosed_bone_stress_injury_is_not_asked_again() -> None:
    intake = Intake("runner")
    causes = intake.questionnaire.question("causes")
    number = next(i for i, c in enumerate(causes.offered("runner"), 1) if c.value == "spondylolysis")
    assert intake.answer_text("causes", f"1 {number}").accepted
    assert not intake.is_asked(intake.questionnaire.question("clinician_diagnosed"))
    assert intake.is_asked(intake.questionnaire.question("cleared_for_impact"))
    data: dict[str, Any] = intake.data()
    assert data["causes"] == ["muscle_strain_overuse", "spondylolysis"] and data["clinician_diagnosed"] is True


def test_back_forgets_the_last_answer_and_what_hung_on_it() -> None:
    intake = Intake("runner")
    intake.answer_text("weakness", "2")
    intake.answer_text("weakness_worsening", "n")
    assert intake.back() is intake.questionnaire.question("weakness_worsening")
    intake.answer_text("weakness", "1")
    assert "weakness_worsening" not in intake.answers
