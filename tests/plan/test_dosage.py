"""Doses: where an exercise starts, and how it moves one variable at a time (plan.dosage)."""

from __future__ import annotations

import pytest

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.vocab import Category, Phase, Tag
from rehabgen.plan.dosage import MAX_SETS, OLDER_ADULT_AGE, Dose, dose_changes, next_step, reduced, start_dose


def test_static_stretches_keep_the_acsm_hold(catalogue: Catalogue) -> None:
    for ex in catalogue.select(category=Category.STRETCH):
        young = start_dose(ex, Phase.RESTORE, 30)
        old = start_dose(ex, Phase.RESTORE, OLDER_ADULT_AGE)
        assert young.hold_s is not None and 10 <= young.hold_s <= 30
        assert old.hold_s is not None and 30 <= old.hold_s <= 60
        assert next_step(young, ex, Phase.STRENGTHEN) == young


def test_static_stretch_holds_filed_as_mobility_are_tagged_stretch(catalogue: Catalogue) -> None:
    """The holds that escaped G11 as mobility work are static stretch holds, and every stretch is tagged so."""
    for exercise_id in ("low_lunge", "downward_dog", "supine_twist", "childs_pose", "knees_to_chest"):
        assert Tag.STRETCH in catalogue[exercise_id].tags, exercise_id
    assert all(Tag.STRETCH in ex.tags for ex in catalogue.select(category=Category.STRETCH))


@pytest.mark.parametrize("age", [30, 64, OLDER_ADULT_AGE, 90])
def test_every_static_stretch_hold_stays_within_g11_whatever_its_category(catalogue: Catalogue, age: int) -> None:
    """G11: 10-30 s holds (30-60 s from 65), 2-4 of them, about 60 s in all; no progression beyond that."""
    low, high = (30, 60) if age >= OLDER_ADULT_AGE else (10, 30)
    for ex in catalogue.select(tag=Tag.STRETCH):
        for phase in Phase:
            dose = start_dose(ex, phase, age)
            for _ in range(12):
                assert dose.hold_s is not None and low <= dose.hold_s <= high, (ex.id, age, dose)
                assert dose.reps is not None and 2 <= dose.reps <= 4 and dose.sets == 1, (ex.id, dose)
                assert 40 <= dose.reps * dose.hold_s <= 90, (ex.id, dose)
                assert reduced(dose, ex) == dose, ex.id
                dose = next_step(dose, ex, phase)


@pytest.mark.parametrize("phase", list(Phase))
def test_every_step_changes_at_most_one_variable_and_never_exceeds_three_sets(
    catalogue: Catalogue, phase: Phase
) -> None:
    for ex in catalogue:
        dose = start_dose(ex, phase, 40)
        for _ in range(12):
            after = next_step(dose, ex, phase)
            assert len(dose_changes(dose, after)) <= 1, ex.id
            assert after.sets <= MAX_SETS
            dose = after


def test_a_mcgill_pyramid_grows_before_its_holds(catalogue: Catalogue) -> None:
    bird_dog = catalogue["bird_dog"]
    dose = start_dose(bird_dog, Phase.RESTORE, 40)
    assert dose.pyramid is not None
    seen = [dose.pyramid]
    for _ in range(10):
        dose = next_step(dose, bird_dog, Phase.RESTORE)
        seen.append(dose.pyramid)
    assert seen[-1] == (9, 7, 5) and dose.hold_s == start_dose(bird_dog, Phase.RESTORE, 40).hold_s


def test_a_lighter_week_is_lighter(catalogue: Catalogue) -> None:
    for ex in catalogue:
        dose = next_step(next_step(start_dose(ex, Phase.STRENGTHEN, 40), ex, Phase.STRENGTHEN), ex, Phase.STRENGTHEN)
        light = reduced(dose, ex)
        assert light.sets <= dose.sets
        for name in ("reps", "hold_s", "duration_min"):
            before, after = getattr(dose, name), getattr(light, name)
            if before is not None:
                assert after <= before, (ex.id, name)


def test_dose_changes_names_the_variables() -> None:
    a = Dose(sets=2, reps=10)
    assert dose_changes(a, Dose(sets=3, reps=10)) == ["sets"]
    assert dose_changes(a, Dose(sets=2, reps=12, load="x")) == ["reps", "load"]


@pytest.mark.parametrize("phase", list(Phase))
def test_level_one_exercises_start_at_two_sets_at_most(catalogue: Catalogue, phase: Phase) -> None:
    """A level-1 exercise is for anyone in pain: it starts at 2 sets at most, even in a later phase."""
    for ex in catalogue.select(level=1):
        assert start_dose(ex, phase, 40).sets <= 2, ex.id
    assert start_dose(catalogue["plank_on_knees"], Phase.STRENGTHEN, 40).sets == 2
    assert start_dose(catalogue["single_leg_balance"], Phase.STRENGTHEN, 40).sets == 2
