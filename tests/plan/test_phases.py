"""Placing the phases and the running start (plan.phases)."""

from __future__ import annotations

import pytest

from rehabgen.model.template import DEFAULT_TEMPLATE
from rehabgen.model.vocab import Phase
from rehabgen.plan.phases import POSTPARTUM_RUN_WEEKS, clinical_protect_weeks, layout_phases, may_keep_running
from tests.conftest import make_profile


@pytest.mark.parametrize(
    ("pain", "weeks", "protect"), [(0, 1, 0), (2, 6, 0), (3, 1, 1), (4, 3, 1), (6, 8, 2), (9, 20, 2)]
)
def test_protect_phase_length(pain: int, weeks: float, protect: int) -> None:
    assert clinical_protect_weeks(make_profile(pain_nprs=pain, symptom_duration_weeks=weeks)) == protect


def test_phases_run_in_order_and_fill_the_programme() -> None:
    for weeks in range(1, 20):
        layout = layout_phases(make_profile(pain_nprs=6, symptom_duration_weeks=1), DEFAULT_TEMPLATE, weeks)
        phases = [layout.phase_of(w) for w in range(1, weeks + 1)]
        order = list(Phase)
        assert phases == sorted(phases, key=order.index)
        spans = layout.spans()
        assert spans[0].from_week == 1 and spans[-1].to_week == weeks


def test_bone_stress_waits_longer_and_needs_clearance() -> None:
    blocked = layout_phases(
        make_profile(causes=["stress_fracture_sacral"], clinician_diagnosed=True), DEFAULT_TEMPLATE, 12
    )
    assert blocked.run_start is None and blocked.running_blocked_by
    cleared = make_profile(causes=["stress_fracture_sacral"], clinician_diagnosed=True, cleared_for_impact=True)
    layout = layout_phases(cleared.model_copy(update={"pain_nprs": 1}), DEFAULT_TEMPLATE, 12)
    assert layout.run_start is not None and layout.restore >= 3
    assert layout.strengthen_start not in layout.deloads and layout.run_start not in layout.deloads
    assert {g.id for g in layout.gates} == {"bone_stress_clearance"}
    # Cleared, but in pain: impact needs 0/10, so no running is planned and the clinician should review it.
    painful = layout_phases(cleared.model_copy(update={"pain_nprs": 9}), DEFAULT_TEMPLATE, 12)
    assert painful.run_start is None and "0 out of 10" in (painful.running_blocked_by or "")


def test_postpartum_running_waits_for_twelve_weeks() -> None:
    layout = layout_phases(make_profile(postpartum_weeks=6, sex="female"), DEFAULT_TEMPLATE, 12)
    assert layout.run_start is not None and 6 + layout.run_start - 1 >= POSTPARTUM_RUN_WEEKS


def test_who_may_keep_running() -> None:
    assert may_keep_running(make_profile(pain_nprs=1, symptom_duration_weeks=4))
    assert not may_keep_running(
        make_profile(pain_nprs=1, symptom_duration_weeks=4, leg_symptoms="unilateral_above_knee")
    )
    assert not may_keep_running(make_profile(pain_nprs=4))
    assert not may_keep_running(make_profile(pain_nprs=1, weekly_running_km=0))
