"""Resolving the programme week by week: doses, lighter weeks, volume caps, and sessions on days.

Each exercise's dose progresses one variable at a time (G6) and a lighter week reduces it (G8). The sets a
runner must do (optional items aside) rise by at most 20% a week, through phase changes too, and the week
after a lighter week is compared with the last full week; a lighter week never has more sets than the week
before it (``plan.volume``). Sessions A and B alternate from week to week, so each is done equally often,
and are placed on days by ``plan.schedule``. An exercise's dose progresses only in weeks its session is
done; it keeps its dose through weeks it is not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from rehabgen.i18n import N_, _
from rehabgen.model.programme import Item, Week
from rehabgen.model.vocab import Phase
from rehabgen.plan.adjusted_doses import DoseTargets
from rehabgen.plan.dosage import Dose, next_step, reduced, session_seconds, start_dose
from rehabgen.plan.running import RunningPlan
from rehabgen.plan.schedule import DayPlanner
from rehabgen.plan.selection import Choice
from rehabgen.plan.sessions import SteadySessions
from rehabgen.plan.volume import MAX_WEEKLY_SETS_RISE, SESSION_BUDGET_MIN, cap_sets, fit_time, required_sets

WALK_START_MIN = {True: 10, False: 15}
"""First daily walk: 10 minutes when pain is 5/10 or more, else 15; +5 a week up to 30."""
LIGHTER_MINUTES = 5
"""A lighter week's walks and cross-training are this many minutes shorter (not below 10)."""
LIGHTER_WEEK_NOTE = N_("Lighter week: fewer repetitions, shorter walks and less running, to let your body recover.")


@dataclass
class _Progress:
    """What carries from one week to the next."""

    doses: dict[str, Dose] = field(default_factory=dict)
    """Exercise id → its last dose done (kept while the exercise stays in the plan)."""
    base: dict[str, Dose] = field(default_factory=dict)
    """The dose before a lighter week, restored after it."""
    history: dict[str, Dose] = field(default_factory=dict)
    """Exercise id → the dose it was last done at, even after it left the plan (one that comes back changes
    one variable at most from it, G6)."""
    full_total: int = 0
    """Required sets of the last full (not lighter) week."""
    sessions_done: int = 0
    """Exercise sessions before this week: A and B alternate across weeks."""
    walk_minutes: int = 15
    cross_minutes: int = 15
    targets: DoseTargets | None = None
    """The clinician's doses (``plan.adjusted_doses``), if any."""


def resolve_weeks(
    sessions: SteadySessions,
    deloads: set[int],
    running: RunningPlan,
    days: DayPlanner,
    age: int,
    pain: int,
    targets: DoseTargets | None = None,
) -> list[Week]:
    """Every week of the programme, with its sessions on days and each exercise's dose."""
    progress = _Progress(walk_minutes=WALK_START_MIN[pain >= 5], targets=targets)
    weeks: list[Week] = []
    for week in range(1, sessions.last_week + 1):
        weeks.append(_week(week, sessions, week in deloads, (week - 1) in deloads, progress, running, days, age))
    return weeks


def _week(
    week: int,
    steady: SteadySessions,
    deload: bool,
    after_deload: bool,
    progress: _Progress,
    running: RunningPlan,
    days: DayPlanner,
    age: int,
) -> Week:
    phase, sessions = steady.choose(week)
    days.selector = steady.selector  # a plan reissued at a review changes hands in its first adjusted week
    order = days.variants(progress.sessions_done, has_b=bool(sessions[1]))
    counts = [order.count(0), order.count(1)]
    known = set(steady.performed)
    week_doses = _doses(week, sessions, phase, (deload, after_deload), progress, age)
    limit = None
    if progress.full_total:
        limit = progress.full_total if deload else math.floor(progress.full_total * MAX_WEEKLY_SETS_RISE)
    known_in = [set(k) for k in steady.performed_in]
    sessions = cap_sets(sessions, week_doses, progress.doses, known, limit, counts, known_in)
    sessions = fit_time(sessions, week_doses, progress.doses, known, SESSION_BUDGET_MIN[phase], known_in)
    steady.done(sessions, counts)
    built_sessions = [_built(s, week_doses, days) for s in sessions]
    walk = max(10, progress.walk_minutes - LIGHTER_MINUTES) if deload else progress.walk_minutes
    cross = max(10, progress.cross_minutes - LIGHTER_MINUTES) if deload else progress.cross_minutes
    built = days.place(week, phase, built_sessions, order, running, walk, cross)
    if not deload:
        progress.full_total = required_sets(sessions, week_doses, counts)
        if phase in (Phase.PROTECT, Phase.RESTORE):
            progress.walk_minutes = min(30, progress.walk_minutes + 5)
        progress.cross_minutes = min(40, progress.cross_minutes + 5)
    progress.sessions_done += len(order)
    performed = {c.exercise.id for s, times in zip(sessions, counts, strict=True) if times for c in s}
    in_plan = {c.exercise.id for s in sessions for c in s}
    kept = {k: v for k, v in progress.doses.items() if k in in_plan}
    progress.doses = kept | {k: v for k, v in week_doses.items() if k in performed}
    progress.history |= {k: v for k, v in week_doses.items() if k in performed}
    if progress.targets is not None:
        progress.targets.note_done(week, {k: v for k, v in week_doses.items() if k in performed})
    return Week(
        week=week,
        phase=phase,
        deload=deload,
        block=steady.block_of(week),
        running_km=running.km(week),
        sessions=built,
        notes=[_(LIGHTER_WEEK_NOTE)] if deload else [],
    )


def _doses(
    week: int,
    sessions: list[list[Choice]],
    phase: Phase,
    lighter: tuple[bool, bool],
    progress: _Progress,
    age: int,
) -> dict[str, Dose]:
    """This week's dose of every exercise: its start, its next step, or its lighter-week version.

    ``lighter``: whether this week is a lighter week, and whether the week before was one. A clinician's dose
    (``progress.targets``) is started, or moved towards one variable a week, in ordinary weeks.
    """
    deload, after_deload = lighter
    week_doses: dict[str, Dose] = {}
    for choice in (c for s in sessions for c in s):
        ex = choice.exercise
        if ex.id in week_doses:
            continue
        last = progress.doses.get(ex.id)
        ordinary = False
        if last is not None and choice.optional:
            dose = last  # optional, symptom-guided items keep their dose
        elif last is None:
            dose = start_dose(ex, phase, age)
        elif deload:
            progress.base[ex.id] = last
            dose = reduced(last, ex)
        elif after_deload and ex.id in progress.base:
            dose = progress.base.pop(ex.id)
        else:
            dose, ordinary = next_step(last, ex, phase), True
        if progress.targets is not None and not (last is not None and choice.optional):
            dose = progress.targets.dose(week, ex, start_dose(ex, phase, age), last, dose, ordinary)
        before = last or progress.history.get(ex.id)
        if before is not None and len(dose.changed(before)) > 1:
            dose = before  # never change two variables in one week, nor on coming back (G6)
        week_doses[ex.id] = dose
    return week_doses


def _built(session: list[Choice], doses: dict[str, Dose], days: DayPlanner) -> tuple[list[Item], int]:
    """A session's items and its estimated minutes."""
    seconds = sum(session_seconds(doses[c.exercise.id], c.exercise) for c in session)
    return [days.items.item(c, doses[c.exercise.id]) for c in session], math.ceil(seconds / 60)
