"""Red-flag triage: every status and every pinned decision of clinical rules §1.2-1.3 (issue 3)."""

from __future__ import annotations

import pytest

from rehabgen.clinical.triage import triage
from rehabgen.model.catalogue import Catalogue
from rehabgen.model.vocab import Status
from rehabgen.plan.planner import build_programme
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
    """Pinned: pain worse on cough/sneeze is T3 (clinical rules §1.2 note), not urgent."""
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


def test_under_16_needs_a_clinician_until_one_has_diagnosed_it() -> None:
    assert triage(make_profile(age=14)).status is Status.CLINICIAN_REQUIRED
    diagnosed = triage(make_profile(age=14, causes=["weak_core"], clinician_diagnosed=True))
    assert diagnosed.status is Status.PROGRAMME_WITH_REFERRAL_ADVICE
    assert "under_16_supervised" in diagnosed.codes and "under_16" not in diagnosed.codes


def test_a_diagnosed_teenager_gets_a_plan_whose_progression_the_clinician_supervises(catalogue: Catalogue) -> None:
    profile = make_profile(age=15, causes=["spondylolysis"], clinician_diagnosed=True, pain_nprs=2)
    programme = build_programme(profile, catalogue)
    assert programme.status is Status.PROGRAMME_WITH_REFERRAL_ADVICE and programme.weeks
    progression = next(a for a in programme.advice if a.id == "progression")
    assert any("clinician who is treating you decides" in p for p in progression.points)
    assert programme.referral is not None and any("supervises" in d for d in programme.referral.details)


@pytest.mark.parametrize(
    ("flags", "concern", "words"),
    [
        ({"fever_or_unwell": True}, "infection", "infection"),
        ({"immunosuppression_or_ivdu": True}, "infection", "infection"),
        ({"history_of_cancer": True}, "cancer", "Most back pain is not serious"),
        ({"saddle_anaesthesia": True}, "cauda_equina", "nerves at the bottom of the spine"),
        ({"osteoporosis_or_steroids": True}, "fracture", "broken bone"),
    ],
)
def test_referrals_say_why_in_plain_words(
    catalogue: Catalogue, flags: dict[str, bool], concern: str, words: str
) -> None:
    programme = build_programme(make_profile(red_flags=flags), catalogue)
    assert concern in programme.concerns
    assert programme.referral is not None and any(words in d for d in programme.referral.details)


def test_severe_new_pain_gets_the_see_a_clinician_banner() -> None:
    decision = triage(make_profile(pain_nprs=10, symptom_duration_weeks=0.5))
    assert decision.status is Status.PROGRAMME_WITH_REFERRAL_ADVICE and "severe_pain" in decision.codes
    assert "severe_pain" not in triage(make_profile(pain_nprs=7)).codes


def test_a_cleared_bone_stress_injury_in_pain_gets_review_and_no_running(catalogue: Catalogue) -> None:
    profile = make_profile(
        causes=["stress_fracture_sacral"], clinician_diagnosed=True, cleared_for_impact=True, pain_nprs=9
    )
    programme = build_programme(profile.model_copy(update={"programme_weeks": 12}), catalogue)
    assert "bone_stress_pain" in programme.reason_codes
    assert not any(s.kind == "run" for w in programme.weeks for s in w.sessions)


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
    """G13 and clinical rules T3: programme allowed with a prominent referral banner."""
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
