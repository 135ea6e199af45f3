"""The running track: paused, a walk-run ladder, then continuous running under the caps of clinical rules G7.

* Walk-run: 3 sessions a week on non-consecutive days; each level is held for at least 2 sessions, and a
  lighter week holds the level with one repeat fewer (clinical rules §4.1 military protocol, §5.2). Where the
  ladder starts depends on the runner (``plan.calibration``): after a bone-stress injury or a birth it starts
  with 30-second runs, for an experienced runner with a settled back at its top step (4 minutes run, 1 walk).
* Continuous: the first continuous week is a share of the runner's usual volume, as long as no single run is
  longer than 110% of the longest run in the previous 4 weeks (clinical rules §3.5, Garmin-RUNSAFE: single
  long runs predicted injury, the week-to-week ratio did not). From then on the weekly distance rises by at
  most 10% on the last full week, a lighter week runs 20% less, and the single-run cap always holds.
* When the programme ends short of the runner's goal or of the phase-4 exit (three quarters of their usual
  weekly distance), a warning names what held it back, with the numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from rehabgen.i18n import _, _f, number
from rehabgen.model.profile import Profile
from rehabgen.model.programme import PlanWarning, RunPlan
from rehabgen.model.vocab import BONE_STRESS_CAUSES
from rehabgen.plan.calibration import (
    EXIT_SHARE,
    entry_level,
    first_continuous_share,
    goal_distance_km,
    long_run_needed,
    running_warnings,
)
from rehabgen.plan.phases import Layout
from rehabgen.words.units import distance, profile_units

WEEKLY_RISE = 1.10
"""Weekly running volume rises by at most 10% (clinical rules §3.5, G7)."""
SINGLE_RUN_CAP = 1.10
"""No run longer than 110% of the longest run in the previous 4 weeks (clinical rules §3.5, G7)."""
LIGHTER_RUNNING = 0.8
"""Running volume in a lighter week, against the last full week (G8) [JUDGEMENT]."""
RUN_DAYS_WALK_RUN = (2, 4, 7)
"""Walk-run days: never two days in a row, within a week or across its end (G7)."""

# (run minutes, walk minutes, repeats) per walk-run level; level 0 is the gentler bone-stress and postnatal
# start (clinical rules §2.6 case: 6 × 30 s runs within a 30-minute walk), levels 1-4 follow clinical rules §5.2
# (1:4 → 4:1).
WALK_RUN_LEVELS: tuple[tuple[float, float, int], ...] = (
    (0.5, 4.5, 6),
    (1.0, 4.0, 5),
    (2.0, 3.0, 5),
    (3.0, 2.0, 5),
    (4.0, 1.0, 5),
)
SESSIONS_PER_LEVEL = 2
FIRST_CONTINUOUS_MIN = 20.0
"""Continuous runs after the top walk-run level, before a whole week runs continuously (4 min × 5)."""

__all__ = [
    "EXIT_SHARE",
    "RunDay",
    "RunningPlan",
    "goal_distance_km",
    "long_run_needed",
    "plan_running",
]


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

    def first_run_week(self) -> int | None:
        """The first week with a run, if any."""
        return min((w for w, runs in self.weeks.items() if runs), default=None)


def plan_running(profile: Profile, layout: Layout, not_before: int = 1) -> RunningPlan:
    """Plan every run of the programme; no run falls before week ``not_before`` (impact exclusions)."""
    if layout.running_blocked_by is not None or (layout.run_start is None and not layout.run_from_start):
        return RunningPlan({}, running_warnings(profile, layout, None))
    track = _Track(profile, layout)
    if layout.run_from_start and not_before == 1:
        first_week = 1
        # Keeps running from week 1: the current volume, or three quarters of it while there is any pain.
        track.start_continuous(profile.weekly_running_km * (1.0 if profile.pain_nprs == 0 else 0.75))
    else:
        first_week = max(layout.run_start or layout.weeks + 1, not_before)
        track.ladder = _Ladder(entry_level(profile))
    weeks: dict[int, list[RunDay]] = {}
    for week in range(first_week, layout.weeks + 1):
        weeks[week] = track.week(week, week in layout.deloads)
    return RunningPlan(weeks, running_warnings(profile, layout, track.summary(weeks)))


class _Track:
    """The running track as it is planned, week by week."""

    def __init__(self, profile: Profile, layout: Layout) -> None:
        self.profile = profile
        self.pace = profile.pace_min_per_km
        self.ladder: _Ladder | None = None
        self.longest: dict[int, float] = {}  # week → longest single run (km)
        self.full_km = 0.0  # weekly km of the last full continuous week
        self.first_target = 0.0  # the first continuous week's volume, before the single-run cap
        self.ladder_km = 0.0  # weekly km of the last full walk-run week
        self.continuous_from: int | None = None
        self.weeks_n = layout.weeks

    def start_continuous(self, target_km: float) -> None:
        self.first_target = target_km

    def week(self, week: int, deload: bool) -> list[RunDay]:
        if self.ladder is not None and self.ladder.level >= len(WALK_RUN_LEVELS) and not deload:
            self.ladder = None  # climbed: the caps take over from this week, never below the ladder's last week
            share = self.profile.weekly_running_km * first_continuous_share(self.profile)
            self.first_target = max(share, self.ladder_km)
        if self.ladder is not None:
            runs = self.ladder.week(self.profile, deload)
            if not deload:
                self.ladder_km = sum(r.plan.km for r in runs)
        else:
            runs = self._continuous(week, deload)
        self.longest[week] = max((r.plan.km for r in runs), default=0.0)
        return runs

    def _continuous(self, week: int, deload: bool) -> list[RunDay]:
        first = self.continuous_from is None
        if first:
            self.continuous_from = week
            weekly = self.first_target * (LIGHTER_RUNNING if deload else 1.0)
        elif deload:
            weekly = self.full_km * LIGHTER_RUNNING
        else:
            weekly = self.full_km * WEEKLY_RISE
        weekly = min(weekly, _target(self.profile))
        runs = continuous_week(self.profile, weekly, self._single_run_cap(week))
        if not deload:
            self.full_km = sum(r.plan.km for r in runs)
        elif first:
            self.full_km = sum(r.plan.km for r in runs) / LIGHTER_RUNNING
        return runs

    def _single_run_cap(self, week: int) -> float:
        longest = max((km for w, km in self.longest.items() if week - 4 <= w < week), default=0.0)
        if week <= 4 and self.profile.longest_run_last_4wk_km:
            longest = max(longest, self.profile.longest_run_last_4wk_km)
        return longest * SINGLE_RUN_CAP if longest > 0 else math.inf

    def summary(self, weeks: dict[int, list[RunDay]]) -> dict[str, float | int | None]:
        """What the running track reached, for the warnings."""
        final = weeks.get(self.weeks_n, [])
        return {
            "continuous_from": self.continuous_from,
            "final_km": round(sum(r.plan.km for r in final), 1),
            "longest_km": max(self.longest.values(), default=0.0),
            "first_run": min((w for w, runs in weeks.items() if runs), default=None),
        }


def _target(profile: Profile) -> float:
    """The weekly volume the programme builds towards: the usual volume, or what the goal's long run needs."""
    target = profile.weekly_running_km if profile.weekly_running_km > 0 else 3 * 30 / profile.pace_min_per_km
    race = goal_distance_km(profile.goal)
    if race is not None:
        target = max(target, long_run_needed(race) / _long_share(3))
    return target


@dataclass
class _Ladder:
    """Where a runner is on the walk-run ladder: the level and how many sessions were run at it."""

    level: int
    sessions_at_level: int = 0
    last_levels: list[int] = field(default_factory=list)

    def week(self, profile: Profile, deload: bool) -> list[RunDay]:
        """A week of walk-run sessions, easy runs once the top level is done.

        Each level is held for 2 sessions. A lighter week repeats the lowest level of the week before with one
        repeat fewer, so it runs less than that week.
        """
        if deload and self.last_levels:
            level = min(self.last_levels)
            runs = [self._session(profile, day, level, deload=True) for day in RUN_DAYS_WALK_RUN]
            self.last_levels = [level]
            self.sessions_at_level = 0  # after the lighter week, the current level is held twice again
            return runs
        runs = []
        levels = []
        for day in RUN_DAYS_WALK_RUN:
            levels.append(self.level)
            runs.append(self._session(profile, day, self.level, deload=False))
            if self.level < len(WALK_RUN_LEVELS):
                self.sessions_at_level += 1
                if self.sessions_at_level >= SESSIONS_PER_LEVEL:
                    self.level += 1
                    self.sessions_at_level = 0
        self.last_levels = levels
        return runs

    def _session(self, profile: Profile, day: int, level: int, *, deload: bool) -> RunDay:
        pace = profile.pace_min_per_km
        if level >= len(WALK_RUN_LEVELS):
            km = round(FIRST_CONTINUOUS_MIN * (0.8 if deload else 1.0) / pace, 1)
            minutes = round(km * pace)
            top = len(WALK_RUN_LEVELS)  # the ladder's last step: easy runs before the caps take over
            plan = RunPlan(
                type="continuous", km=km, run_min=minutes, walk_min=0, repeats=1, level=top, gate=gate_text(profile)
            )
            return RunDay(day, plan, _f("Easy run {minutes} min", minutes=minutes))
        run_min, walk_min, repeats = WALK_RUN_LEVELS[level]
        repeats = repeats - 1 if deload else repeats
        plan = RunPlan(
            type="walk_run",
            km=round(run_min * repeats / pace, 1),
            run_min=run_min,
            walk_min=walk_min,
            repeats=repeats,
            level=level,
            gate=gate_text(profile),
        )
        title = _f(
            "Walk–run: {repeats} × (run {run}, walk {walk})", repeats=repeats, run=_fmt(run_min), walk=_fmt(walk_min)
        )
        return RunDay(day, plan, title)

    def done(self, runs: list[RunDay]) -> bool:
        """Whether the ladder is climbed: this week's runs were all continuous."""
        return self.level >= len(WALK_RUN_LEVELS) and all(r.plan.type == "continuous" for r in runs)


def _continuous_days(weekly_km: float) -> tuple[int, ...]:
    if weekly_km <= 30:
        return (2, 4, 7)
    if weekly_km <= 60:
        return (2, 4, 6, 7)
    return (1, 2, 4, 6, 7)


def _long_share(days: int) -> float:
    return {3: 0.4, 4: 0.35}.get(days, 0.3)


def continuous_week(profile: Profile, weekly: float, single_cap: float) -> list[RunDay]:
    """A week of easy runs and one long run adding up to ``weekly`` km, no run longer than ``single_cap``.

    The runner keeps the number of run days their usual volume calls for, so a capped run length is spread
    over more runs rather than cutting the week short.
    """
    pace = profile.pace_min_per_km
    days = _continuous_days(max(weekly, profile.weekly_running_km))
    long_run = math.floor(min(weekly * _long_share(len(days)), single_cap) * 10) / 10
    easy = math.floor(max(min(long_run, (weekly - long_run) / (len(days) - 1)), 0.0) * 10) / 10
    runs = []
    for i, day in enumerate(days):
        km = long_run if i == len(days) - 1 else easy
        if km <= 0:
            continue
        minutes = round(km * pace)
        plan = RunPlan(type="continuous", km=km, run_min=minutes, walk_min=0, repeats=1, gate=gate_text(profile))
        far = distance(km, profile_units(profile.region, profile.units))
        if i == len(days) - 1:
            title = _f("Long run {distance} (about {minutes} min)", distance=far, minutes=minutes)
        else:
            title = _f("Easy run {distance} (about {minutes} min)", distance=far, minutes=minutes)
        runs.append(RunDay(day, plan, title))
    return runs


def gate_text(profile: Profile) -> str:
    """What must be true before each run."""
    if profile.has(*BONE_STRESS_CAUSES):
        return _("Only if pain is 0 out of 10 today and was 0 after your last run (bone-stress rule).")
    return _("Only if back pain is 3 out of 10 or less today and did not flare after your last run.")


def _fmt(minutes: float) -> str:
    if minutes < 1:
        return _f("{seconds} s", seconds=int(minutes * 60))
    return _f("{minutes} min", minutes=number(minutes, 6))
