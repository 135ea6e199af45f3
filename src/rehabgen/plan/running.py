"""The running track: paused, a walk-run ladder, then continuous running under the caps of clinical rules G7.

* Walk-run: 3 sessions a week on non-consecutive days; each level is held for at least 2 sessions and a
  reduced-volume week repeats the level instead of advancing (clinical rules §4.1 military protocol, §5.2).
* Continuous: weekly km rises by at most 10% on the week before, and no single run is longer than 110% of
  the longest run in the previous 4 weeks (clinical rules §3.5, Garmin-RUNSAFE). When a goal needs more than the caps
  allow, the caps stay and a warning says so.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rehabgen.model.profile import Profile
from rehabgen.model.programme import PlanWarning, RunPlan
from rehabgen.model.vocab import BONE_STRESS_CAUSES
from rehabgen.plan.phases import Layout

WEEKLY_RISE = 1.10
"""Weekly running volume rises by at most 10% (clinical rules §3.5, G7)."""
SINGLE_RUN_CAP = 1.10
"""No run longer than 110% of the longest run in the previous 4 weeks (clinical rules §3.5, G7)."""
DELOAD_FACTOR = 0.9
"""Running volume in a reduced-volume week."""
RUN_DAYS_WALK_RUN = (2, 4, 7)
"""Walk-run days: never two days in a row, within a week or across its end (G7)."""

# (run minutes, walk minutes, repeats) per walk-run level; level 0 is the gentler bone-stress and postnatal
# start (clinical rules §2.6 case: 6 × 30 s runs within a walk), levels 1-4 follow clinical rules §5.2 (1:4 → 4:1).
WALK_RUN_LEVELS: tuple[tuple[float, float, int], ...] = (
    (0.5, 4.5, 6),
    (1.0, 4.0, 5),
    (2.0, 3.0, 5),
    (3.0, 2.0, 5),
    (4.0, 1.0, 5),
)
FIRST_CONTINUOUS_MIN = 20.0
"""The first continuous run matches the running time of the last walk-run level (4 min × 5)."""
SESSIONS_PER_LEVEL = 2


@dataclass(frozen=True, slots=True)
class RunDay:
    """One planned run: the day of the week and what to run."""

    day: int
    plan: RunPlan
    title: str


@dataclass(frozen=True, slots=True)
class RunningPlan:
    """Runs per week (index = week number) and warnings about the running goal."""

    weeks: dict[int, list[RunDay]]
    warnings: list[PlanWarning]

    def km(self, week: int) -> float:
        """Total km run in a week."""
        return round(sum(r.plan.km for r in self.weeks.get(week, [])), 1)


def _continuous_days(weekly_km: float) -> tuple[int, ...]:
    if weekly_km <= 30:
        return (2, 4, 7)
    if weekly_km <= 60:
        return (2, 4, 6, 7)
    return (1, 2, 4, 6, 7)


def _long_share(days: int) -> float:
    return {3: 0.4, 4: 0.35}.get(days, 0.3)


def plan_running(profile: Profile, layout: Layout, deload_weeks: set[int], not_before: int = 1) -> RunningPlan:
    """Plan every run of the programme; no run falls before week ``not_before`` (impact exclusions)."""
    weeks: dict[int, list[RunDay]] = {}
    pace = profile.pace_min_per_km
    if layout.running_blocked_by is not None or (layout.run_start is None and not layout.run_from_start):
        return RunningPlan(weeks, _no_running_warnings(profile, layout))
    target = profile.weekly_running_km if profile.weekly_running_km > 0 else 3 * 30 / pace
    race = goal_distance_km(profile.goal)
    if race is not None:
        # Aim for the volume the goal's long run needs; the weekly caps still decide how fast it comes.
        target = max(target, long_run_needed(race) / _long_share(3))
    history: dict[int, float] = {}  # week → longest single run (km)
    prior_km = 0.0
    ladder: _Ladder | None
    if layout.run_from_start and not_before == 1:
        first_week = 1
        ladder = None  # continuous straight away
        current = profile.weekly_running_km * (1.0 if profile.pain_nprs == 0 else 0.75)
        prior_km = current / WEEKLY_RISE  # so that week 1 runs the current (or three-quarter) volume
    else:
        first_week = max(layout.run_start or layout.weeks + 1, not_before)
        slow_start = profile.has(*BONE_STRESS_CAUSES) or profile.postpartum_weeks is not None
        ladder = _Ladder(0 if slow_start else 1)
    for week in range(first_week, layout.weeks + 1):
        deload = week in deload_weeks
        if ladder is not None:
            runs = ladder.week(profile, deload)
            if ladder.done(runs):
                ladder = None  # a whole week of continuous runs: the caps take over from next week
        else:
            runs = _continuous_week(week, profile, prior_km, target, deload, history, pace)
        prior_km = sum(r.plan.km for r in runs)
        weeks[week] = runs
        history[week] = max((r.plan.km for r in runs), default=0.0)
    return RunningPlan(weeks, _goal_warnings(profile, history))


def _no_running_warnings(profile: Profile, layout: Layout) -> list[PlanWarning]:
    """Why a runner's goal cannot be met when the programme plans no running."""
    if not profile.goal:
        return []
    if layout.running_blocked_by is not None:
        message = "Your goal needs running, but " + _lower_first(layout.running_blocked_by)
        return [PlanWarning(code="goal_running_blocked", message=message)]
    message = (
        "Running starts only after this programme ends, so your goal is out of reach within it. Ask your "
        "physiotherapist to extend the plan."
    )
    return [PlanWarning(code="goal_after_programme", message=message)]


@dataclass
class _Ladder:
    """Where a runner is on the walk-run ladder: the level and how many sessions were run at it."""

    level: int
    sessions_at_level: int = 0

    def week(self, profile: Profile, deload: bool) -> list[RunDay]:
        """A week of walk-run sessions; each level is held for 2 sessions, and a lighter week holds it."""
        pace = profile.pace_min_per_km
        runs: list[RunDay] = []
        for day in RUN_DAYS_WALK_RUN:
            if self.level >= len(WALK_RUN_LEVELS):
                run_km = round(FIRST_CONTINUOUS_MIN / pace, 1)
                plan = RunPlan(
                    type="continuous",
                    km=run_km,
                    run_min=FIRST_CONTINUOUS_MIN,
                    walk_min=0,
                    repeats=1,
                    gate=_gate_text(profile),
                )
                runs.append(RunDay(day, plan, f"Easy run {FIRST_CONTINUOUS_MIN:.0f} min"))
                continue
            run_min, walk_min, repeats = WALK_RUN_LEVELS[self.level]
            plan = RunPlan(
                type="walk_run",
                km=round(run_min * repeats / pace, 1),
                run_min=run_min,
                walk_min=walk_min,
                repeats=repeats,
                level=self.level,
                gate=_gate_text(profile),
            )
            runs.append(RunDay(day, plan, f"Walk–run: {repeats} × (run {_fmt(run_min)}, walk {_fmt(walk_min)})"))
            self.sessions_at_level += 1
            if self.sessions_at_level >= SESSIONS_PER_LEVEL and not deload:
                self.level += 1
                self.sessions_at_level = 0
        return runs

    def done(self, runs: list[RunDay]) -> bool:
        """Whether the ladder is climbed: this week's runs were all continuous."""
        return self.level >= len(WALK_RUN_LEVELS) and all(r.plan.type == "continuous" for r in runs)


def _continuous_week(
    week: int,
    profile: Profile,
    prior_km: float,
    target: float,
    deload: bool,
    history: dict[int, float],
    pace: float,
) -> list[RunDay]:
    weekly = prior_km * DELOAD_FACTOR if deload else min(target, prior_km * WEEKLY_RISE)
    weekly = max(weekly, 0.0)
    days = _continuous_days(weekly)
    longest_before = max((km for w, km in history.items() if week - 4 <= w < week), default=0.0)
    if week <= 4 and profile.longest_run_last_4wk_km:
        longest_before = max(longest_before, profile.longest_run_last_4wk_km)
    if longest_before <= 0:
        longest_before = weekly * _long_share(len(days)) / SINGLE_RUN_CAP
    long_run = min(weekly * _long_share(len(days)), longest_before * SINGLE_RUN_CAP)
    long_run = math.floor(long_run * 10) / 10
    easy = min(long_run, (weekly - long_run) / (len(days) - 1))
    easy = math.floor(max(easy, 0.0) * 10) / 10
    runs = []
    for i, day in enumerate(days):
        km = long_run if i == len(days) - 1 else easy
        if km <= 0:
            continue
        minutes = round(km * pace)
        plan = RunPlan(type="continuous", km=km, run_min=minutes, walk_min=0, repeats=1, gate=_gate_text(profile))
        title = f"{'Long' if i == len(days) - 1 else 'Easy'} run {km:g} km (about {minutes} min)"
        runs.append(RunDay(day, plan, title))
    return runs


def _gate_text(profile: Profile) -> str:
    if profile.has(*BONE_STRESS_CAUSES):
        return "Only if pain is 0 out of 10 today and was 0 after your last run (bone-stress rule)."
    return "Only if back pain is 3 out of 10 or less today and did not flare after your last run."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _fmt(minutes: float) -> str:
    return f"{int(minutes * 60)} s" if minutes < 1 else f"{minutes:g} min"


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


def _goal_warnings(profile: Profile, longest: dict[int, float]) -> list[PlanWarning]:
    race = goal_distance_km(profile.goal)
    if race is None:
        return []
    needed = long_run_needed(race)
    reached = max(longest.values(), default=0.0)
    if reached + 1e-9 >= needed:
        return []
    return [
        PlanWarning(
            code="goal_beyond_caps",
            message=f"Your goal ({profile.goal}) needs long runs of about {needed:.0f} km. Within the safe "
            f"limits (weekly distance up 10% at most, no run more than 10% longer than your longest in the "
            f"last 4 weeks) this plan reaches {reached:g} km. The limits stay; talk to your physiotherapist "
            "about a later race or a longer plan.",
        )
    ]
