"""Red-flag triage: every status and every pinned decision of RULES §1.2-1.3 (issue 3)."""

from __future__ import annotations

import pytest

from rehabgen.clinical.triage import triage
from rehabgen.model.vocab import Status
from tests.conftest import make_profile

T1_FLAGS = [
    "saddle_anaesthesia",
    "bladder_dysfunction",
    "bowel_dysfunction",
    "sexual_dysfunction_new",
    "significant_trauma",
]
T2_FLAGS = [
    "fever_or_unwell",
    "unexplained_weight_loss",
    "night_pain_unrelieved",
    "night_sweats",
    "history_of_cancer",
    "immunosuppression_or_ivdu",
    "osteoporosis_or_steroids",
]


def test_plain_profile_gets_a_programme() -> None:
    assert triage(make_profile()).status is Status.PROGRAMME


@pytest.mark.parametrize("flag", T1_FLAGS)
def test_single_cauda_equina_or_trauma_feature_is_enough_for_t1(flag: str) -> None:
    """T1: a single feature is enough (pinned decision)."""
    result = triage(make_profile(red_flags={flag: True}))
    assert result.status is Status.EMERGENCY_REFERRAL
    assert flag in result.codes


@pytest.mark.parametrize("flag", T2_FLAGS)
def test_t2_flags_give_urgent_referral(flag: str) -> None:
    assert triage(make_profile(red_flags={flag: True})).status is Status.URGENT_REFERRAL


def test_cough_sneeze_is_t3_advice_and_programme_allowed() -> None:
    """Pinned: pain worse on cough/sneeze is T3 (RULES §1.2 note), not urgent."""
    result = triage(make_profile(red_flags={"worse_cough_sneeze": True}))
    assert result.status is Status.PROGRAMME_WITH_REFERRAL_ADVICE
    assert result.status.allows_programme


@pytest.mark.parametrize("age", [16, 51, 70, 90, 100])
def test_age_alone_never_blocks(age: int) -> None:
    """Pinned: age alone never blocks a programme (it may add T3 advice)."""
    result = triage(make_profile(age=age, symptom_duration_weeks=20))
    assert result.status.allows_programme


def test_new_onset_over_50_is_t3_advice() -> None:
    result = triage(make_profile(age=60, symptom_duration_weeks=2))
    assert result.status is Status.PROGRAMME_WITH_REFERRAL_ADVICE
    assert "new_onset_over_50" in result.codes


def test_under_16_needs_a_clinician() -> None:
    assert triage(make_profile(age=14)).status is Status.CLINICIAN_REQUIRED


@pytest.mark.parametrize("cause", ["spondylolysis", "stress_fracture_sacral"])
def test_undiagnosed_bone_stress_needs_a_clinician(cause: str) -> None:
    assert triage(make_profile(causes=[cause])).status is Status.CLINICIAN_REQUIRED
    assert triage(make_profile(causes=[cause], clinician_diagnosed=True)).status.allows_programme


def test_stable_diagnosed_stenosis_with_bilateral_symptoms_is_not_t1() -> None:
    """Pinned: long-standing, stable, clinician-diagnosed bilateral stenosis symptoms are not T1."""
    profile = make_profile(
        causes=["spinal_stenosis"],
        clinician_diagnosed=True,
        leg_symptoms="bilateral",
        symptom_duration_weeks=30,
    )
    result = triage(profile)
    assert result.status is not Status.EMERGENCY_REFERRAL
    assert result.status.allows_programme


@pytest.mark.parametrize(
    "changes",
    [
        {"leg_symptoms": "bilateral", "bilateral_new_or_worsening": True},
        {"leg_symptoms": "bilateral", "symptom_duration_weeks": 1},
        {
            "causes": ["spinal_stenosis"],
            "clinician_diagnosed": True,
            "leg_symptoms": "bilateral",
            "symptom_duration_weeks": 30,
            "bilateral_new_or_worsening": True,
        },
        {"neuro": {"weakness": "bilateral"}},
        {"leg_symptoms": "none", "neuro": {"numbness": "bilateral"}, "symptom_duration_weeks": 1},
        {"red_flags": {"history_of_cancer": True}, "neuro": {"numbness": "unilateral"}},
    ],
)
def test_new_or_worsening_bilateral_and_cancer_with_neuro_are_t1(changes: dict[str, object]) -> None:
    assert triage(make_profile(**changes)).status is Status.EMERGENCY_REFERRAL


def test_contradictory_answers_resolve_safety_first() -> None:
    """ "Any yes wins": no leg symptoms claimed, but new bilateral symptoms answered yes."""
    profile = make_profile(leg_symptoms="none", bilateral_new_or_worsening=True)
    assert triage(profile).status is Status.EMERGENCY_REFERRAL


def test_long_standing_undiagnosed_bilateral_symptoms_are_urgent() -> None:
    profile = make_profile(leg_symptoms="bilateral", symptom_duration_weeks=20)
    assert triage(profile).status is Status.URGENT_REFERRAL


def test_progressive_unilateral_weakness_is_urgent() -> None:
    assert triage(make_profile(neuro={"weakness": "unilateral_progressive"})).status is Status.URGENT_REFERRAL


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"symptom_duration_weeks": 6}, "persisting_6_weeks"),
        ({"red_flags": {"worsening_or_not_improving": True}}, "worsening_or_not_improving"),
        ({"neuro": {"numbness": "unilateral"}}, "unilateral_numbness"),
        ({"leg_symptoms": "unilateral_below_knee"}, "leg_pain_below_knee"),
        ({"pelvic_floor_symptoms": True}, "pelvic_floor_symptoms"),
    ],
)
def test_t3_banner_triggers(changes: dict[str, object], code: str) -> None:
    """G13 and RULES T3: programme allowed with a prominent referral banner."""
    result = triage(make_profile(**changes))
    assert result.status is Status.PROGRAMME_WITH_REFERRAL_ADVICE
    assert code in result.codes


def test_spinal_history_is_t2_when_pain_is_new_and_t3_otherwise() -> None:
    flag = {"history_spinal_fracture_tumour_infection": True}
    assert triage(make_profile(red_flags=flag, symptom_duration_weeks=2)).status is Status.URGENT_REFERRAL
    assert (
        triage(make_profile(red_flags=flag, symptom_duration_weeks=20)).status is Status.PROGRAMME_WITH_REFERRAL_ADVICE
    )


def test_every_reason_is_reported_most_severe_first() -> None:
    profile = make_profile(red_flags={"saddle_anaesthesia": True, "fever_or_unwell": True, "worse_cough_sneeze": True})
    result = triage(profile)
    assert result.status is Status.EMERGENCY_REFERRAL
    assert {"saddle_anaesthesia", "fever_or_unwell", "worse_cough_sneeze"} <= set(result.codes)
    statuses = [r.status for r in result.reasons]
    assert statuses == sorted(statuses, key=list(Status).index)
