"""Doses: where an exercise starts, and how it moves one variable at a time (plan.dosage)."""

from __future__ import annotations

import pytest

from rehabgen.model.catalogue import Catalogue
from rehabgen.model.vocab import Category, Phase
from rehabgen.plan.dosage import MAX_SETS, OLDER_ADULT_AGE, Dose, dose_changes, next_step, reduced, start_dose


def test_static_stretches_keep_the_acsm_hold(catalogue: Catalogue) -> None:
    for ex in catalogue.select(category=Category.STRETCH):
        young = start_dose(ex, Phase.RESTORE, 30)
        old = start_dose(ex, Phase.RESTORE, OLDER_ADULT_AGE)
        assert young.hold_s is not None and 10 <= young.hold_s <= 30
        assert old.hold_s is not None and 30 <= old.hold_s <= 60
        assert next_step(young, ex, Phase.STRENGTHEN) == young


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
