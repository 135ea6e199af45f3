"""The running track: goals, the walk-run ladder and the G7 caps (plan.running)."""

from __future__ import annotations

import itertools

import pytest

from rehabgen.model.template import DEFAULT_TEMPLATE
from rehabgen.plan.phases import layout_phases
from rehabgen.plan.running import goal_distance_km, long_run_needed, plan_running
from tests.conftest import make_profile


@pytest.mark.parametrize(
    ("goal", "km"),
    [
        ("half marathon in 12 weeks", 21.1),
        ("Marathon", 42.2),
        ("parkrun", 5.0),
        ("10k", 10.0),
        ("run 15 km", 15.0),
        ("5 miles", 8.0),
        ("run pain-free", None),
        (None, None),
    ],
)
def test_goal_distances(goal: str | None, km: float | None) -> None:
    assert goal_distance_km(goal) == km


def test_long_run_needed_is_capped() -> None:
    assert long_run_needed(5) == 5 and long_run_needed(42.2) == pytest.approx(31.65) and long_run_needed(100) == 32


def test_each_walk_run_level_is_held_for_two_sessions() -> None:
    profile = make_profile(pain_nprs=4, symptom_duration_weeks=3)
    layout = layout_phases(profile, DEFAULT_TEMPLATE, 12)
    plan = plan_running(profile, layout, {4, 8, 12})
    levels = [r.plan.level for w in sorted(plan.weeks) for r in plan.weeks[w] if r.plan.type == "walk_run"]
    assert levels
    for level in set(levels[:-1]):
        assert levels.count(level) >= 2


def test_continuous_running_rises_at_most_ten_percent_a_week() -> None:
    profile = make_profile(pain_nprs=0, symptom_duration_weeks=4, weekly_running_km=40, longest_run_last_4wk_km=14)
    layout = layout_phases(profile, DEFAULT_TEMPLATE, 10)
    plan = plan_running(profile, layout, {4, 8})
    km = [plan.km(w) for w in range(1, 11)]
    assert km[0] > 0
    for a, b in itertools.pairwise(km):
        assert b <= a * 1.10 + 0.15


def test_a_goal_beyond_the_caps_is_warned_about() -> None:
    profile = make_profile(goal="marathon", weekly_running_km=10, pain_nprs=3, symptom_duration_weeks=3)
    plan = plan_running(profile, layout_phases(profile, DEFAULT_TEMPLATE, 8), {4, 8})
    assert [w.code for w in plan.warnings] == ["goal_beyond_caps"]
