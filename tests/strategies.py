"""Hypothesis strategies: valid intake profiles across the whole input space."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from rehabgen.model.profile import Profile, RedFlags
from rehabgen.model.vocab import Cause, Equipment, Region

RED_FLAGS = list(RedFlags.model_fields)
GOALS = [
    None,
    "half marathon in 12 weeks",
    "parkrun",
    "10k",
    "marathon",
    "back to 30 km a week",
    "5 miles",
    "run pain-free",
]


@st.composite
def profile_data(draw: st.DrawFn, *, red_flag_chance: float = 0.04) -> dict[str, Any]:
    """A valid profile as the YAML mapping a user would write."""
    flags = {name: True for name in RED_FLAGS if draw(st.floats(0, 1)) < red_flag_chance}
    weekly = draw(st.one_of(st.just(0.0), st.floats(1, 120).map(lambda x: round(x, 1))))
    data: dict[str, Any] = {
        "age": draw(st.integers(10, 100)),
        "weekly_running_km": weekly,
        "pain_nprs": draw(st.integers(0, 10)),
        "symptom_duration_weeks": draw(st.one_of(st.integers(0, 60), st.floats(0, 60).map(lambda x: round(x, 1)))),
        "causes": draw(st.lists(st.sampled_from(list(Cause)), max_size=4, unique=True)),
        "clinician_diagnosed": draw(st.booleans()),
        "cleared_for_impact": draw(st.booleans()),
        "leg_symptoms": draw(
            st.sampled_from(["none", "none", "unilateral_above_knee", "unilateral_below_knee", "bilateral"])
        ),
        "bilateral_new_or_worsening": draw(st.booleans()) if draw(st.floats(0, 1)) < 0.1 else False,
        "neuro": {
            "numbness": draw(st.sampled_from(["none", "none", "none", "unilateral", "bilateral"])),
            "weakness": draw(
                st.sampled_from(["none", "none", "none", "unilateral_stable", "unilateral_progressive", "bilateral"])
            ),
        },
        "red_flags": flags,
        "equipment": draw(st.lists(st.sampled_from(list(Equipment)), max_size=6, unique=True)),
        "sessions_per_week": draw(st.integers(1, 7)),
        "programme_weeks": draw(st.integers(1, 52)),
    }
    if draw(st.booleans()):
        data["longest_run_last_4wk_km"] = round(draw(st.floats(0, 40)), 1)
    if draw(st.booleans()):
        data["sex"] = draw(st.sampled_from(["female", "male", "other"]))
    if draw(st.floats(0, 1)) < 0.2:
        data["postpartum_weeks"] = draw(st.integers(0, 52))
    if draw(st.floats(0, 1)) < 0.2:
        data["pelvic_floor_symptoms"] = draw(st.booleans())
    if (goal := draw(st.sampled_from(GOALS))) is not None:
        data["goal"] = goal
    if draw(st.booleans()):
        data["start_date"] = dt.date(2026, 1, 5) + dt.timedelta(days=draw(st.integers(0, 700)))
    if draw(st.booleans()):
        data["region"] = draw(st.sampled_from(list(Region))).value
    if draw(st.booleans()):
        data["easy_pace_min_per_km"] = round(draw(st.floats(4, 9)), 2)
    return data


def profiles(**kwargs: Any) -> st.SearchStrategy[Profile]:
    """Validated Profile models."""
    return profile_data(**kwargs).map(Profile.model_validate)
