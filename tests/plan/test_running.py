"""The running track: goals, the walk-run ladder and the G7 caps (plan.running)."""

from __future__ import annotations

import pytest

from rehabgen.model.profile import Profile
from rehabgen.model.programme import RunPlan
from rehabgen.model.template import DEFAULT_TEMPLATE
from rehabgen.plan.calibration import entry_level
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
    plan = plan_running(profile, layout)
    levels = [r.plan.level for w in sorted(plan.weeks) for r in plan.weeks[w] if r.plan.type == "walk_run"]
    assert levels
    for level in set(levels[:-1]):
        assert levels.count(level) >= 2


def test_continuous_running_rises_at_most_ten_percent_on_the_last_full_week() -> None:
    profile = make_profile(pain_nprs=0, symptom_duration_weeks=4, weekly_running_km=40, longest_run_last_4wk_km=14)
    layout = layout_phases(profile, DEFAULT_TEMPLATE, 10)
    plan = plan_running(profile, layout)
    km = [plan.km(w) for w in range(1, 11)]
    assert km[0] > 0
    full = km[0]
    for week, value in enumerate(km[1:], start=2):
        if week in layout.deloads:
            assert value < full
        else:
            assert value <= full * 1.10 + 0.15
            full = value


def test_a_goal_beyond_the_caps_is_warned_about() -> None:
    profile = make_profile(goal="marathon", weekly_running_km=10, pain_nprs=3, symptom_duration_weeks=3)
    plan = plan_running(profile, layout_phases(profile, DEFAULT_TEMPLATE, 8))
    assert [w.code for w in plan.warnings] == ["goal_beyond_caps", "running_below_exit"]
    assert "week" in plan.warnings[0].message and "10%" in plan.warnings[0].message


def _runs_by_week(profile: Profile, weeks: int) -> dict[int, list[RunPlan]]:
    plan = plan_running(profile, layout_phases(profile, DEFAULT_TEMPLATE, weeks))
    return {w: [r.plan for r in runs] for w, runs in plan.weeks.items()}


def test_an_experienced_runner_with_a_settled_strain_is_back_to_most_of_their_running() -> None:
    profile = make_profile(
        age=28,
        causes=["muscle_strain_overuse"],
        weekly_running_km=50,
        longest_run_last_4wk_km=16,
        pain_nprs=3,
        symptom_duration_weeks=1,
        programme_weeks=10,
    )
    runs = _runs_by_week(profile, 10)
    first = min(runs)
    assert first <= 2, "running waits more than the protect week"
    assert runs[first][0].type == "walk_run" and (runs[first][0].run_min or 0) >= 3
    continuous = min(w for w, plans in runs.items() if all(p.type == "continuous" and p.level is None for p in plans))
    assert continuous <= 5
    assert sum(p.km for p in runs[10]) >= 0.75 * 50


@pytest.mark.parametrize(
    ("changes", "level"),
    [
        ({"causes": ["stress_fracture_sacral"], "clinician_diagnosed": True, "cleared_for_impact": True}, 0),
        ({"postpartum_weeks": 20, "sex": "female"}, 0),
        ({"pain_nprs": 6, "weekly_running_km": 40}, 1),
        ({"pain_nprs": 2, "symptom_duration_weeks": 1, "weekly_running_km": 10}, 2),
        ({"pain_nprs": 2, "symptom_duration_weeks": 1, "weekly_running_km": 40}, 4),
        ({"pain_nprs": 4, "weekly_running_km": 40}, 2),
        ({"pain_nprs": 4, "weekly_running_km": 10}, 1),
    ],
)
def test_the_walk_run_entry_fits_the_runner(changes: dict[str, object], level: int) -> None:
    assert entry_level(make_profile(**changes)) == level


def test_a_short_plan_names_what_held_the_running_back() -> None:
    profile = make_profile(weekly_running_km=60, pain_nprs=4, symptom_duration_weeks=8, programme_weeks=8)
    plan = plan_running(profile, layout_phases(profile, DEFAULT_TEMPLATE, 8))
    (warning,) = [w for w in plan.warnings if w.code == "running_below_exit"]
    assert "60 km" in warning.message and "week" in warning.message and "more week" in warning.message
