"""The catalogue audit (issue 19), checked where it matters: in the plans the planner builds.

The invariants trust the tags; these tests name the exercises a physiotherapist saw leak into plans and check
that generated plans no longer contain them where the rule book keeps them out.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.programme import Programme
from rehabgen.model.template import DEFAULT_TEMPLATE
from rehabgen.model.vocab import Equipment, Tag
from rehabgen.plan.planner import build_programme
from tests.conftest import make_profile

ALL_KIT = [e.value for e in Equipment]


def weeks_with(programme: Programme, exercise_id: str) -> list[int]:
    """The weeks in which an exercise is done at least once."""
    return sorted(
        {w.week for w in programme.weeks for s in w.sessions for i in s.items if i.exercise_id == exercise_id}
    )


def plans(
    catalogue: Catalogue, causes: list[str], kits: tuple[list[str], ...] = (ALL_KIT, []), **changes: Any
) -> list[Programme]:
    """Plans for these causes across pain levels, lengths, session counts and kit (every one a programme)."""
    found = []
    for pain, weeks, sessions, kit in itertools.product((1, 4, 7), (8, 16), (2, 3, 5), kits):
        profile = make_profile(
            causes=causes,
            clinician_diagnosed=True,
            pain_nprs=pain,
            programme_weeks=weeks,
            sessions_per_week=sessions,
            equipment=kit,
            **changes,
        )
        programme = build_programme(profile, catalogue)
        assert programme.status.allows_programme
        found.append(programme)
    return found


@pytest.mark.parametrize("others", [[], ["weak_glutes"], ["muscle_imbalance"]])
def test_no_leg_press_before_clearance_after_a_sacral_stress_fracture(catalogue: Catalogue, others: list[str]) -> None:
    """clinical rules §2.9: heavy leg press sits with the loaded lifts, out until a clinician clears a sacral fracture."""
    for programme in plans(catalogue, ["stress_fracture_sacral", *others]):
        assert weeks_with(programme, "leg_press") == []


@pytest.mark.parametrize("cause", ["intervertebral_disc", "sciatica_radiculopathy"])
@pytest.mark.parametrize("other", [None, "sacroiliac_joint_dysfunction", "weak_glutes", "tight_weak_hamstrings"])
def test_no_seated_piriformis_stretch_or_single_leg_hinge_in_weeks_1_to_4_of_disc_or_sciatica_plans(
    catalogue: Catalogue, cause: str, other: str | None
) -> None:
    """clinical rules §2.3: loaded hinges and flexion-loaded positions are out in weeks 1-4 of disc-type pain."""
    causes = [cause] if other is None else [cause, other]
    for programme in plans(catalogue, causes, leg_symptoms="unilateral_above_knee"):
        for exercise_id in ("piriformis_stretch", "single_leg_reach", "single_leg_rdl"):
            assert [w for w in weeks_with(programme, exercise_id) if w <= 4] == [], exercise_id


def test_sciatica_alone_never_brings_the_seated_piriformis_stretch(catalogue: Catalogue) -> None:
    for programme in plans(catalogue, ["sciatica_radiculopathy"]):
        assert weeks_with(programme, "piriformis_stretch") == []


def test_no_chest_lift_in_a_stenosis_plan(catalogue: Catalogue) -> None:
    """clinical rules §2.5: stenosis prefers passive flexion and cycling; loaded flexion is only a caution."""
    for programme in plans(catalogue, ["spinal_stenosis"]):
        assert weeks_with(programme, "chest_lift") == []


def test_cat_cow_for_extension_sensitive_pain_carries_the_no_end_extension_cue(catalogue: Catalogue) -> None:
    """clinical rules §2.9: flexion-extension mobility is "C" (small range, no end extension) for these causes."""
    seen = 0
    for cause in ("spondylolysis", "facet_joint_irritation", "spinal_stenosis"):
        for programme in plans(catalogue, [cause]):
            if weeks_with(programme, "cat_cow"):
                seen += 1
                notes = next(n for n in programme.exercises if n.exercise_id == "cat_cow")
                assert any("stop when your back is flat" in c for c in notes.cautions)
    assert seen, "no plan used cat-cow, so the check checked nothing"


def test_hip_hinge_drill_for_disc_pain_carries_the_flexion_caution(catalogue: Catalogue) -> None:
    seen = 0
    for programme in plans(catalogue, ["intervertebral_disc"]):
        weeks = weeks_with(programme, "hip_hinge_drill")
        if weeks:
            seen += 1
            assert weeks[0] >= 2
            notes = next(n for n in programme.exercises if n.exercise_id == "hip_hinge_drill")
            assert any("disc pain often dislikes" in c for c in notes.cautions)
    assert seen, "no plan used the hip hinge drill, so the check checked nothing"


def test_a_caution_stretch_is_not_preferred_for_spondylolysis(catalogue: Catalogue) -> None:
    """The hip-flexor stretch is "C" for spondylolysis (clinical rules §2.9); its cause match must not make it preferred."""
    for programme in plans(catalogue, ["spondylolysis"]):
        assert weeks_with(programme, "hip_flexor_stretch") == []


@pytest.mark.parametrize("cause", ["stress_fracture_sacral", "spondylolysis"])
def test_bone_stress_plans_get_only_the_non_impact_pool_running(catalogue: Catalogue, cause: str) -> None:
    """Deep water with a float belt has no impact; running on the pool floor has (clinical rules §2.6: none until cleared)."""
    template = DEFAULT_TEMPLATE.model_copy(update={"pin": ["water_running_shallow"]})
    profile = make_profile(causes=[cause], clinician_diagnosed=True, equipment=["pool"], programme_weeks=16)
    programme = build_programme(profile, catalogue, template)
    assert weeks_with(programme, "water_running_shallow") == []
    assert weeks_with(programme, "pool_running")
    assert "pinned_exercise_dropped" in [w.code for w in programme.warnings]
    cleared = build_programme(profile.model_copy(update={"cleared_for_impact": True}), catalogue, template)
    assert weeks_with(cleared, "water_running_shallow"), "once cleared, the pinned impact form may come in"


@pytest.mark.parametrize("cause", ["facet_joint_irritation", "spinal_stenosis", "spondylolysis"])
def test_swimming_is_not_preferred_for_extension_sensitive_pain(catalogue: Catalogue, cause: str) -> None:
    """Front crawl with the head lifted arches the back: swimming is "C" here (clinical rules §2.9)."""
    for programme in plans(catalogue, [cause, "overtraining"], kits=(["pool"],)):
        assert weeks_with(programme, "swimming") == []


def test_flexion_loaded_stretches_stay_out_of_early_disc_plans(catalogue: Catalogue) -> None:
    """Figure-4 is a knee to the chest (passive flexion, weeks 1-2); downward dog rounds the back (weeks 1-4)."""
    for programme in plans(catalogue, ["intervertebral_disc", "tight_weak_hamstrings", "sacroiliac_joint_dysfunction"]):
        assert [w for w in weeks_with(programme, "glute_stretch") if w <= 2] == []
        assert [w for w in weeks_with(programme, "downward_dog") if w <= 4] == []


def why_causes(programme: Programme, exercise_id: str) -> list[str]:
    """The runner's causes the plan gives as the reason for an exercise (empty when it is not in the plan)."""
    notes = [n for n in programme.exercises if n.exercise_id == exercise_id]
    return [c.value for n in notes for c in n.why_causes]


@pytest.mark.parametrize(
    ("cause", "exercise_ids"),
    [
        ("muscle_strain_overuse", ["romanian_deadlift"]),  # clinical rules §2.8: no heavy loaded lifts early
        ("tight_hip_flexors", ["reverse_tabletop", "hip_thrust", "glute_bridge"]),  # a stretch problem
    ],
)
def test_a_cause_no_longer_brings_these_exercises(catalogue: Catalogue, cause: str, exercise_ids: list[str]) -> None:
    for programme in plans(catalogue, [cause, "weak_glutes"]):
        for exercise_id in exercise_ids:
            assert cause not in why_causes(programme, exercise_id), exercise_id


@pytest.mark.parametrize(
    ("cause", "exercise_ids"),
    [
        ("spondylolysis", ["bird_dog", "side_plank_knees", "side_plank"]),
        ("spinal_stenosis", ["bird_dog", "side_plank_knees", "side_plank"]),
        ("stress_fracture_sacral", ["bird_dog"]),
        ("facet_joint_irritation", ["side_plank_knees", "side_plank"]),
    ],
)
def test_neutral_stabilisation_is_preferred_in_every_column(
    catalogue: Catalogue, cause: str, exercise_ids: list[str]
) -> None:
    """clinical rules §2.9: planks, side plank and bird-dog are "P" for every condition, so the plan gives them for it."""
    given = set()
    for programme in plans(catalogue, [cause]):
        given |= {e for e in exercise_ids if cause in why_causes(programme, e)}
    assert given == set(exercise_ids)


@pytest.mark.parametrize("age", [40, 70])
def test_stretch_holds_filed_as_mobility_keep_the_g11_hold_for_their_age(catalogue: Catalogue, age: int) -> None:
    """G11 by tag: knees to chest and child's pose for stenosis, the low lunge for tight hip flexors."""
    low, high = (30, 60) if age >= 65 else (10, 30)
    seen: set[str] = set()
    for causes in (["spinal_stenosis"], ["tight_hip_flexors"], ["tight_weak_hamstrings"]):
        for programme in plans(catalogue, causes, age=age):
            for week in programme.weeks:
                for item in (i for s in week.sessions for i in s.items if i.category != "stretch"):
                    if Tag.STRETCH in item.tags:
                        seen.add(item.exercise_id)
                        assert item.hold_s is not None and low <= item.hold_s <= high, (item.exercise_id, item.hold_s)
                        assert item.reps is not None and 40 <= item.reps * item.hold_s <= 90
    assert {"knees_to_chest", "childs_pose", "low_lunge"} <= seen


# --- the exercises a physiotherapist found missing: each reaches the plans it is for, and only where allowed --


def test_carries_reach_core_plans_with_dumbbells_but_never_early_disc_or_uncleared_bone_stress(
    catalogue: Catalogue,
) -> None:
    """Carries press down through the spine and pelvis: axial load (clinical rules §2.3 weeks 1-4, §2.6 until cleared)."""
    runner = ["weak_core", "poor_running_form", "muscle_imbalance"]
    used = {e for p in plans(catalogue, runner, kits=(["dumbbells"],)) for e in p.exercise_ids()}
    assert {"farmer_carry", "suitcase_carry"} <= used
    for causes in (["intervertebral_disc", *runner], ["stress_fracture_sacral", *runner]):
        for programme in plans(catalogue, causes, kits=(["dumbbells"],)):
            for exercise_id in ("farmer_carry", "suitcase_carry"):
                weeks = weeks_with(programme, exercise_id)
                assert all(w > 4 for w in weeks) if causes[0] == "intervertebral_disc" else not weeks


def test_the_nerve_slider_reaches_sciatica_plans_and_only_those(catalogue: Catalogue) -> None:
    for programme in plans(catalogue, ["sciatica_radiculopathy"], leg_symptoms="unilateral_below_knee"):
        assert weeks_with(programme, "sciatic_nerve_slider")
        assert "sciatica_radiculopathy" in why_causes(programme, "sciatic_nerve_slider")
    for cause in ("intervertebral_disc", "spondylolysis", "stress_fracture_sacral", "weak_core"):
        for programme in plans(catalogue, [cause]):
            assert weeks_with(programme, "sciatic_nerve_slider") == [], cause


def test_sij_plans_get_the_adductor_squeeze_and_its_copenhagen_rung(catalogue: Catalogue) -> None:
    """Pelvic girdle pain: a symmetric adductor squeeze early (clinical rules §2.7), then the Copenhagen plank."""
    for programme in plans(catalogue, ["sacroiliac_joint_dysfunction"], kits=(["chair"],)):
        early = [w for w in programme.weeks if w.phase.value in ("protect", "restore")]
        one_sided = {i.exercise_id for w in early for s in w.sessions for i in s.items if Tag.UNILATERAL in i.tags}
        assert not one_sided  # symmetric loading first
    # The squeeze is the first rung below the Copenhagen plank; a template may pin it.
    pinned = DEFAULT_TEMPLATE.model_copy(update={"pin": ["adductor_squeeze"]})
    early_profile = make_profile(causes=["sacroiliac_joint_dysfunction"], pain_nprs=6, programme_weeks=8)
    assert weeks_with(build_programme(early_profile, catalogue, pinned), "adductor_squeeze")
    assert catalogue["adductor_squeeze"].harder == "copenhagen_plank"
    template = DEFAULT_TEMPLATE.model_copy(update={"pin": ["copenhagen_plank"]})
    profile = make_profile(
        causes=["sacroiliac_joint_dysfunction"], equipment=["chair"], pain_nprs=6, programme_weeks=12
    )
    programme = build_programme(profile, catalogue, template)
    protect = {w.week for w in programme.weeks if w.phase.value == "protect"}
    weeks = weeks_with(programme, "copenhagen_plank")
    assert protect and weeks and not protect & set(weeks)  # a level-3 move waits until the pain has settled


def test_wall_sit_and_running_man_train_for_the_readiness_screens(catalogue: Catalogue) -> None:
    """The return-to-run screens use a wall sit (clinical rules §4.1) and the single-leg running man (§2.7)."""
    used = {e for p in plans(catalogue, ["poor_running_form"], kits=(["wall"],)) for e in p.exercise_ids()}
    assert "wall_sit" in used
    # The running man is the harder version of single-leg balance: a plan that holds the balance steps up to it.
    assert catalogue["single_leg_balance"].harder == "running_man"
    template = DEFAULT_TEMPLATE.model_copy(update={"pin": ["single_leg_balance"]})
    profile = make_profile(causes=["poor_running_form"], pain_nprs=4, programme_weeks=12)
    assert weeks_with(build_programme(profile, catalogue, template), "running_man")
    for programme in plans(catalogue, ["poor_running_form"], kits=([],)):
        assert weeks_with(programme, "wall_sit") == []  # G10: no wall, no wall sit


def test_the_cadence_drill_waits_for_running_and_for_clearance(catalogue: Catalogue) -> None:
    """A running drill: only in running weeks, and after a bone-stress injury only once cleared (clinical rules §2.6)."""
    template = DEFAULT_TEMPLATE.model_copy(update={"pin": ["cadence_drill"]})
    runner = make_profile(causes=["poor_running_form"], pain_nprs=2, programme_weeks=12)
    programme = build_programme(runner, catalogue, template)
    run_weeks = [w.week for w in programme.weeks if any(s.kind == "run" for s in w.sessions)]
    drill_weeks = weeks_with(programme, "cadence_drill")
    assert drill_weeks and run_weeks and drill_weeks[0] >= run_weeks[0]
    for cause in ("stress_fracture_sacral", "spondylolysis"):
        bone = make_profile(
            causes=[cause, "poor_running_form"], clinician_diagnosed=True, pain_nprs=2, programme_weeks=12
        )
        assert weeks_with(build_programme(bone, catalogue, template), "cadence_drill") == []


def test_the_deep_water_card_never_points_to_the_impact_form(catalogue: Catalogue) -> None:
    """A bone-stress runner reads the deep-water card; its "ready for more?" must not be running on the floor."""
    assert catalogue["pool_running"].harder is None
    assert catalogue["water_running_shallow"].easier == "pool_running"
