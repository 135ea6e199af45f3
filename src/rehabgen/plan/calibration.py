"""Fitting the return to running to the runner, and saying what held it back.

Where the walk-run ladder starts and how much of their usual volume the first continuous week carries depend
on how much the runner ran before, and on how easily their back flares (``plan.phases.irritability``). All of
it is [JUDGEMENT] within the rules of clinical rules §3.5 and §5.2; the single-run and weekly caps decide how
fast volume comes back after that.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from rehabgen.i18n import _, _f, ngettext, percent
from rehabgen.model.profile import Profile
from rehabgen.model.programme import PlanWarning
from rehabgen.model.vocab import BONE_STRESS_CAUSES
from rehabgen.plan.phases import irritability, is_experienced
from rehabgen.words.units import distance, per_week, profile_units

if TYPE_CHECKING:
    from rehabgen.plan.phases import Layout

EXIT_SHARE = 0.75
"""The phase-4 exit: easy continuous running at three quarters of the usual weekly volume (clinical rules
§5.2)."""
FIRST_CONTINUOUS_SHARE = {"low": 0.5, "moderate": 0.4, "high": 0.3}
"""The first continuous week's share of the usual weekly volume, by irritability [JUDGEMENT]."""


def entry_level(profile: Profile) -> int:
    """The walk-run level a runner starts at (0: 30-second runs … 4: 4 minutes run, 1 minute walk).

    30-second runs after a bone-stress injury or a birth (clinical rules §2.6, §2.7); otherwise from 1 minute
    for an irritable back or a newer runner, up to the top step (4 minutes run, 1 walk) for an experienced
    runner whose back has settled.
    """
    if profile.has(*BONE_STRESS_CAUSES) or profile.postpartum_weeks is not None:
        return 0
    level = irritability(profile)
    if level == "high":
        return 1
    if level == "low":
        # A short check at the top step, then continuous running while the runs of the last month still
        # count towards the single-run cap.
        return 4 if is_experienced(profile) else 2
    return 2 if is_experienced(profile) else 1


def first_continuous_share(profile: Profile) -> float:
    """How much of the usual weekly volume the first continuous week aims for."""
    return FIRST_CONTINUOUS_SHARE[irritability(profile)]


_RACES = (
    (re.compile(r"\bultra\b", re.I), 50.0),
    (re.compile(r"\bhalf[- ]?marathon\b", re.I), 21.1),
    (re.compile(r"\bmarathon\b", re.I), 42.2),
    (re.compile(r"\bparkrun\b", re.I), 5.0),
)
_KM = re.compile(r"(\d+(?:\.\d+)?)\s*(k|km)\b", re.I)
_MILES = re.compile(r"(\d+(?:\.\d+)?)\s*(mi|mile|miles)\b", re.I)


def goal_distance_km(goal: str | None) -> float | None:
    """The race distance a free-text goal names, if any ("half marathon in 12 weeks" → 21.1)."""
    if not goal:
        return None
    for pattern, km in _RACES:
        if pattern.search(goal):
            return km
    if match := _KM.search(goal):
        return float(match.group(1))
    if match := _MILES.search(goal):
        return round(float(match.group(1)) * 1.609, 1)
    return None


def long_run_needed(race_km: float) -> float:
    """The longest training run a race needs before race day [JUDGEMENT].

    The race distance up to 10 km, about three quarters of it for longer races, capped at 32 km.
    """
    return race_km if race_km <= 10 else min(32.0, max(10.0, 0.75 * race_km))


def running_warnings(
    profile: Profile, layout: Layout, reached: dict[str, float | int | None] | None
) -> list[PlanWarning]:
    """Why the runner's goal or usual volume is out of reach within this plan, naming the limiter."""
    if reached is None:
        return _no_running(profile, layout)
    found = []
    race = goal_distance_km(profile.goal)
    longest = float(reached["longest_km"] or 0.0)
    if race is not None and longest + 1e-9 < long_run_needed(race):
        units = profile_units(profile.region, profile.units)
        message = _f(
            "Your goal ({goal}) needs long runs of about {needed}; this plan reaches {reached}. {limiter} The "
            "limits stay: talk to your {physio} about a later race or a longer plan.",
            goal=profile.goal,
            needed=distance(long_run_needed(race), units, digits=0),
            reached=distance(longest, units),
            limiter=_limiter(layout, reached),
        )
        found.append(PlanWarning(code="goal_beyond_caps", message=message))
    usual = profile.weekly_running_km
    final = float(reached["final_km"] or 0.0)
    if usual > 0 and final + 1e-9 < EXIT_SHARE * usual:
        units = profile_units(profile.region, profile.units)
        message = _f(
            "By the end of this plan you run {final}, {share} of your usual {usual}. Easy running at three "
            "quarters of it is the last step of the return to running. {limiter}{more_weeks}",
            final=per_week(final, units),
            share=percent(final / usual),
            usual=distance(usual, units),
            limiter=_limiter(layout, reached),
            more_weeks=_more_weeks(final, usual),
        )
        found.append(PlanWarning(code="running_below_exit", message=message))
    return found


def _limiter(layout: Layout, reached: dict[str, float | int | None]) -> str:
    first_run = reached["first_run"]
    continuous_from = reached["continuous_from"]
    if continuous_from is None:
        return _f(
            "Running starts in week {first_run} with the walk–run steps, and the plan ends in week {last} before "
            "you run without walking breaks.",
            first_run=first_run,
            last=layout.weeks,
        )
    return _f(
        "You run without walking breaks from week {week}; from then on your weekly distance rises by at most 10% a "
        "week and no run is more than 10% longer than your longest of the last 4 weeks.",
        week=continuous_from,
    )


def _more_weeks(final: float, usual: float) -> str:
    if final <= 0:
        return _(" Ask your {physio} to extend the plan.")
    weeks = math.ceil(math.log(EXIT_SHARE * usual / final) / math.log(1.1))
    message = ngettext(
        " At that rate it takes about {weeks} more week: ask your {physio} to extend the plan.",
        " At that rate it takes about {weeks} more weeks: ask your {physio} to extend the plan.",
        weeks,
    )
    return message.replace("{weeks}", str(weeks))


def _no_running(profile: Profile, layout: Layout) -> list[PlanWarning]:
    if not profile.goal:
        return []
    if layout.running_blocked_by is not None:
        blocked = layout.running_blocked_by
        message = _("Your goal needs running, but ") + blocked[:1].lower() + blocked[1:]
        return [PlanWarning(code="goal_running_blocked", message=message)]
    message = _(
        "Running starts only after this programme ends, so your goal is out of reach within it. Ask your "
        "{physio} to extend the plan."
    )
    return [PlanWarning(code="goal_after_programme", message=message)]
