"""Resolving the programme week by week: doses, lighter weeks, volume caps, and sessions on days.

Each exercise's dose progresses one variable at a time (G6), lighter weeks reduce it (G8), the week's volume
is capped (``plan.volume``), and the sessions are placed on days (``plan.schedule``).

Only sessions actually done in a week count as "last week's dose" (with one session a week, session B is
never done).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rehabgen.model.programme import Item, Week
from rehabgen.model.vocab import Phase
from rehabgen.plan.dosage import Dose, next_step, reduced, session_seconds, start_dose
from rehabgen.plan.running import RunningPlan
from rehabgen.plan.schedule import DayPlanner
from rehabgen.plan.selection import Choice
from rehabgen.plan.sessions import Span
from rehabgen.plan.volume import SESSION_BUDGET_MIN, cap_sets, fit_time, schedule_counts

WALK_START_MIN = {True: 10, False: 15}
"""First daily walk: 10 minutes when pain is 5/10 or more, else 15; +5 a week up to 30."""
LIGHTER_WEEK_NOTE = "Lighter week: fewer repetitions and less running, to let your body recover."


@dataclass
class _Progress:
    """What carries from one week to the next."""

    doses: dict[str, Dose]
    """Exercise id → last week's dose."""
    base: dict[str, Dose]
    """The dose before a lighter week, restored after it."""
    previous_total: int = 0
    walk_minutes: int = 15
    cross_minutes: int = 15


def resolve_weeks(
    spans: list[Span], deloads: set[int], running: RunningPlan, days: DayPlanner, age: int, pain: int
) -> list[Week]:
    """Every week of the programme, with its sessions on days and each exercise's dose."""
    progress = _Progress(doses={}, base={}, walk_minutes=WALK_START_MIN[pain >= 5])
    weeks: list[Week] = []
    for span in spans:
        for week in span.weeks:
            weeks.append(_week(week, span, week in deloads, (week - 1) in deloads, progress, running, days, age))
    return weeks


def _week(
    week: int,
    span: Span,
    deload: bool,
    after_deload: bool,
    progress: _Progress,
    running: RunningPlan,
    days: DayPlanner,
    age: int,
) -> Week:
    phase = span.phase
    sessions = [list(s) for s in span.sessions]
    week_doses = _doses(sessions, phase, deload, after_deload, progress, age)
    per_week = days.sessions_per_week
    sessions = cap_sets(sessions, week_doses, progress.doses, progress.previous_total, per_week)
    sessions = fit_time(sessions, week_doses, progress.doses, SESSION_BUDGET_MIN[phase])
    exercise_sessions = [_built(s, week_doses, days) for s in sessions]
    performed = zip(sessions, schedule_counts(sessions, per_week), strict=True)
    present = {c.exercise.id for s, times in performed if times for c in s}
    progress.doses = {k: v for k, v in week_doses.items() if k in present}
    built = days.place(week, phase, exercise_sessions, running, progress.walk_minutes, progress.cross_minutes)
    progress.previous_total = sum(i.sets for s in built if s.kind == "exercise" for i in s.items)
    if phase in (Phase.PROTECT, Phase.RESTORE) and not deload:
        progress.walk_minutes = min(30, progress.walk_minutes + 5)
    if not deload:
        progress.cross_minutes = min(40, progress.cross_minutes + 5)
    return Week(
        week=week,
        phase=phase,
        deload=deload,
        running_km=running.km(week),
        sessions=built,
        notes=[LIGHTER_WEEK_NOTE] if deload else [],
    )


def _doses(
    sessions: list[list[Choice]], phase: Phase, deload: bool, after_deload: bool, progress: _Progress, age: int
) -> dict[str, Dose]:
    """This week's dose of every exercise: its start, its next step, or its lighter-week version."""
    week_doses: dict[str, Dose] = {}
    for choice in (c for s in sessions for c in s):
        ex = choice.exercise
        if ex.id in week_doses:
            continue
        last = progress.doses.get(ex.id)
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
            dose = next_step(last, ex, phase)
        if last is not None and len(dose.changed(last)) > 1:
            dose = last  # never change two variables in one week (G6)
        week_doses[ex.id] = dose
    return week_doses


def _built(session: list[Choice], doses: dict[str, Dose], days: DayPlanner) -> tuple[list[Item], int]:
    """A session's items and its estimated minutes."""
    seconds = sum(session_seconds(doses[c.exercise.id], c.exercise) for c in session)
    return [days.items.item(c, doses[c.exercise.id]) for c in session], math.ceil(seconds / 60)
