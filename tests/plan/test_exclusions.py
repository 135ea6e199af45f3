"""Each cause's exclusion windows, placed in a programme's weeks (plan.exclusions, clinical.causes)."""

from __future__ import annotations

from rehabgen.clinical.causes import CAUSES
from rehabgen.model.template import DEFAULT_TEMPLATE
from rehabgen.model.vocab import EXTENSION_TAGS, IMPACT_TAGS, Cause, Tag
from rehabgen.plan.exclusions import excluded_by_week, first_week_allowing, resolve_exclusions
from rehabgen.plan.phases import layout_phases
from tests.conftest import make_profile


def _excluded(weeks: int = 8, **changes: object) -> list[frozenset[Tag]]:
    profile = make_profile(**changes)
    layout = layout_phases(profile, DEFAULT_TEMPLATE, weeks)
    return excluded_by_week(resolve_exclusions(profile, layout), weeks)


def test_every_cause_has_a_specification_and_rule_codes_are_unique() -> None:
    assert set(CAUSES) == set(Cause)
    codes = [rule.code for spec in CAUSES.values() for rule in spec.exclusions]
    assert len(codes) == len(set(codes))


def test_disc_windows() -> None:
    excluded = _excluded(causes=["intervertebral_disc"], pain_nprs=4, symptom_duration_weeks=3)
    assert Tag.PASSIVE_FLEXION in excluded[2] and Tag.PASSIVE_FLEXION not in excluded[3]
    assert Tag.SPINAL_ROTATION in excluded[4] and Tag.SPINAL_ROTATION not in excluded[5]
    assert Tag.LOADED_HINGE in excluded[4] and Tag.LOADED_HINGE not in excluded[5]
    assert Tag.LOWER_LIMB_STRENGTH in excluded[1] and Tag.LOWER_LIMB_STRENGTH not in excluded[2]


def test_stenosis_keeps_extension_out_for_the_whole_programme() -> None:
    excluded = _excluded(12, causes=["spinal_stenosis"], clinician_diagnosed=True)
    assert all(excluded[w] >= EXTENSION_TAGS for w in range(1, 13))


def test_bone_stress_impact_waits_for_clearance() -> None:
    blocked = _excluded(12, causes=["spondylolysis"], clinician_diagnosed=True, age=19)
    cleared = _excluded(
        12, causes=["spondylolysis"], clinician_diagnosed=True, cleared_for_impact=True, age=19, pain_nprs=1
    )
    assert all(blocked[w] >= IMPACT_TAGS for w in range(1, 13))
    assert not IMPACT_TAGS & cleared[12]


def test_several_causes_take_the_union() -> None:
    both = _excluded(causes=["intervertebral_disc", "facet_joint_irritation"])
    assert Tag.PASSIVE_FLEXION in both[1] and Tag.EXTENSION_END_RANGE in both[1]


def test_an_acute_strain_is_walking_only_in_week_1() -> None:
    excluded = _excluded(causes=["muscle_strain_overuse"], symptom_duration_weeks=1)
    assert {Tag.NEUTRAL_STABILISATION, Tag.LOADED_FLEXION} <= excluded[1]
    assert Tag.NEUTRAL_STABILISATION not in excluded[2]
    assert Tag.NEUTRAL_STABILISATION not in _excluded(causes=["muscle_strain_overuse"], symptom_duration_weeks=6)[1]


def test_first_week_allowing_and_the_table() -> None:
    profile = make_profile(causes=["intervertebral_disc"])
    layout = layout_phases(profile, DEFAULT_TEMPLATE, 8)
    rules = resolve_exclusions(profile, layout)
    assert first_week_allowing(rules, frozenset({Tag.SPINAL_ROTATION}), 8) == 5
    assert first_week_allowing(rules, frozenset({Tag.BREATHING}), 8) == 1
    assert all(e.code for e in rules)
